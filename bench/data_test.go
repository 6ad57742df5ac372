package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"claimdesk/claims"
)

// The dataset's shape. Article i cites the sources of its own block of
// sourcesPerArticle, and sometimes one of the first sharedSources, which
// belong to the first articles: so the first N articles, with their
// sources and evidence, form a complete smaller database (the 10,000-claim
// export file is built that way, as a prefix of the big one).
const (
	claimsPerArticle   = 100
	sourcesPerArticle  = 20
	evidencePerArticle = 300 // 1 to 5 links per claim, 3 on average
	sharedSources      = 200 // sources any article may cite
	seed               = 20260701
)

// numArticles and exportArticles size the run: 1,000 and 100 articles, or
// a tenth of that with -short, for trying the benchmarks out quickly.
var (
	numArticles    = 1000
	exportArticles = 100
	scaleOnce      sync.Once
)

// scale applies -short once, before anything is generated.
func scale() {
	scaleOnce.Do(func() {
		if testing.Short() {
			numArticles, exportArticles = 100, 10 // 10 articles still hold the sharedSources
		}
	})
}

func numClaims() int  { return numArticles * claimsPerArticle }
func numSources() int { return numArticles * sourcesPerArticle }

// genArticle is one generated article with its claims and the evidence
// attached to them. Nothing in it has an ID yet: each engine gives its own.
type genArticle struct {
	Article  *claims.Article
	Claims   []*claims.Claim
	Evidence []genEvidence
}

// genEvidence links claim Claim of its article to source Source (an index
// into the sources).
type genEvidence struct {
	Claim, Source int
	Excerpt       string
	Locator       string
	Stance        claims.Stance
}

// person is a speaker, with the role and organisation the claim gives.
type person struct {
	name, roleFR, roleEN, org string
}

var people = []person{
	{"Jens Stoltenberg", "secrétaire général de l'OTAN", "NATO Secretary General", "OTAN"},
	{"Mark Rutte", "secrétaire général de l'OTAN", "NATO Secretary General", "OTAN"},
	{"Emmanuel Macron", "président de la République", "French President", "Élysée"},
	{"Ursula von der Leyen", "présidente de la Commission européenne", "President of the European Commission", "Commission européenne"},
	{"Sébastien Lecornu", "ministre des Armées", "French Armed Forces Minister", "Ministère des Armées"},
	{"Olaf Scholz", "chancelier allemand", "German Chancellor", "Bundesregierung"},
	{"Volodymyr Zelensky", "président ukrainien", "Ukrainian President", "Présidence ukrainienne"},
	{"Antony Blinken", "secrétaire d'État américain", "US Secretary of State", "State Department"},
	{"Karine Jean-Pierre", "porte-parole de la Maison-Blanche", "White House press secretary", "White House"},
	{"Marine Le Pen", "présidente du groupe RN", "leader of the RN group", "Rassemblement national"},
	{"Jean-Luc Mélenchon", "fondateur de La France insoumise", "founder of La France insoumise", "La France insoumise"},
	{"Anne Hidalgo", "maire de Paris", "Mayor of Paris", "Ville de Paris"},
	{"Benoît Payan", "maire de Marseille", "Mayor of Marseille", "Ville de Marseille"},
	{"Keir Starmer", "Premier ministre britannique", "UK Prime Minister", "10 Downing Street"},
	{"Yoon Suk-yeol", "président sud-coréen", "South Korean President", "Présidence sud-coréenne"},
	{"Lloyd Austin", "secrétaire américain à la Défense", "US Defense Secretary", "Pentagon"},
	{"Agnès Pannier-Runacher", "ministre de la Transition écologique", "French Ecological Transition Minister", "Ministère de la Transition écologique"},
	{"Bruno Le Maire", "ministre de l'Économie", "French Economy Minister", "Bercy"},
	{"Gabriel Attal", "Premier ministre", "French Prime Minister", "Matignon"},
	{"Christine Lagarde", "présidente de la BCE", "President of the ECB", "Banque centrale européenne"},
	{"Kaja Kallas", "haute représentante de l'UE", "EU foreign policy chief", "Union européenne"},
	{"Rafael Grossi", "directeur général de l'AIEA", "IAEA Director General", "AIEA"},
	{"Gérald Darmanin", "ministre de l'Intérieur", "French Interior Minister", "Place Beauvau"},
	{"Kim Yo-jong", "sœur de Kim Jong-un", "sister of Kim Jong-un", "Parti du travail de Corée"},
	{"un porte-parole du ministère", "porte-parole", "a ministry spokesperson", "Ministère des Affaires étrangères"},
}

var (
	citiesFR    = []string{"Marseille", "Lyon", "Lille", "Toulouse", "Nantes", "Strasbourg", "Bordeaux", "Calais", "Rennes", "Montpellier", "Saint-Étienne", "Besançon"}
	citiesEN    = []string{"Manchester", "Leeds", "Glasgow", "Bristol", "Liverpool", "Cardiff", "Brussels", "Seoul", "Kharkiv", "Odesa", "Warsaw", "Vilnius"}
	countriesFR = []string{"la Corée du Nord", "l'Iran", "la Chine", "la Russie", "la Biélorussie", "la Corée du Sud", "la Pologne", "l'Allemagne"}
	countriesEN = []string{"North Korea", "Iran", "China", "Russia", "Belarus", "South Korea", "Poland", "Germany"}
	placesFR    = []string{"Kharkiv", "Odessa", "Kiev", "Zaporijia", "Séoul", "Pyongyang", "la mer du Japon", "Dnipro"}
	placesEN    = []string{"Kharkiv", "Odesa", "Kyiv", "Zaporizhzhia", "Seoul", "Pyongyang", "the Sea of Japan", "Dnipro"}
	monthsFR    = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsEN    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	outletsFR   = []string{"Le Quotidien", "La Gazette du Nord", "Courrier de l'Ouest", "L'Écho du Midi", "Dépêche des Alpes"}
	outletsEN   = []string{"The Daily Ledger", "Northern Chronicle", "The Evening Post", "Harbour Times"}
	assignees   = []string{"", "", "Alice Martin", "Bruno Nguyen", "Chloé Dubois", "David Okafor", "Élise Moreau"}
	topicsFR    = []string{"la défense européenne", "le chômage", "l'immigration", "le logement", "la transition énergétique", "le budget de l'État", "la santé publique", "la guerre en Ukraine"}
	topicsEN    = []string{"European defence", "unemployment", "immigration", "housing", "the energy transition", "the state budget", "public health", "the war in Ukraine"}
)

// TagVocabulary is the small set of tags claims carry; the tag filter
// benchmark picks one that about a tenth of the claims have.
var tagVocabulary = []string{"défense", "économie", "immigration", "énergie", "climat", "santé", "logement", "Ukraine", "Corée du Nord", "munitions", "emploi", "budget"}

// template is one kind of sentence a claim can be, in either language,
// with its short summary and the tags it takes.
type template struct {
	kind   claims.Kind
	tags   []string
	fr, en func(v *vars) string
	sumFR  func(v *vars) string
	sumEN  func(v *vars) string
}

// vars are the values a sentence is filled with.
type vars struct {
	p                    person
	role                 string
	n, pct, pct2, k      int
	year, year2          int
	month                int
	city, country, place string
	countryIdx           int
}

func frMonth(v *vars) string { return monthsFR[v.month] }
func enMonth(v *vars) string { return monthsEN[v.month] }

var templates = []template{
	{kind: claims.KindStatistic, tags: []string{"munitions", "Corée du Nord", "défense"},
		fr: func(v *vars) string {
			return fmt.Sprintf("Selon %s, %s, plus de %d conteneurs de munitions ont été livrés par %s à la Russie depuis %s %d, soit %d %% de plus qu'annoncé.", v.p.name, v.role, v.n, v.country, frMonth(v), v.year, v.pct)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("%s, %s, said %s had shipped more than %d containers of munitions to Russia since %s %d, %d percent more than previously reported.", v.p.name, v.role, v.country, v.n, enMonth(v), v.year, v.pct)
		},
		sumFR: func(v *vars) string { return fmt.Sprintf("%d conteneurs de munitions livrés par %s", v.n, v.country) },
		sumEN: func(v *vars) string { return fmt.Sprintf("%s shipped %d containers of munitions", v.country, v.n) },
	},
	{kind: claims.KindStatistic, tags: []string{"emploi", "économie"},
		fr: func(v *vars) string {
			return fmt.Sprintf("%s affirme que le chômage à %s a baissé de %d %% en %d, alors que l'Insee ne relève qu'une baisse de %d %% sur la même période.", v.p.name, v.city, v.pct, v.year, v.pct2)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("Unemployment in %s fell by %d percent in %d, %s told reporters, although official statistics show a fall of only %d percent over the same period.", v.city, v.pct, v.year, v.p.name, v.pct2)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("Le chômage à %s a baissé de %d %% en %d", v.city, v.pct, v.year)
		},
		sumEN: func(v *vars) string { return fmt.Sprintf("Unemployment in %s fell %d%% in %d", v.city, v.pct, v.year) },
	},
	{kind: claims.KindEvent, tags: []string{"défense", "Corée du Nord"},
		fr: func(v *vars) string {
			return fmt.Sprintf("D'après %s, %s a tiré %d missiles balistiques vers %s au cours des %d derniers mois, un record depuis %d.", v.p.name, v.country, v.n%90+3, v.place, v.k, v.year2)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("According to %s, %s fired %d ballistic missiles towards %s in the past %d months, the highest number since %d.", v.p.name, v.country, v.n%90+3, v.place, v.k, v.year2)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("%s a tiré %d missiles vers %s", v.country, v.n%90+3, v.place)
		},
		sumEN: func(v *vars) string {
			return fmt.Sprintf("%s fired %d missiles towards %s", v.country, v.n%90+3, v.place)
		},
	},
	{kind: claims.KindComparison, tags: []string{"logement"},
		fr: func(v *vars) string {
			return fmt.Sprintf("%s a déclaré que %d logements sociaux avaient été construits à %s en %d, « deux fois plus que sous la précédente majorité ».", v.p.name, v.n, v.city, v.year)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("%s said %d social homes were built in %s in %d, “twice as many as under the previous administration”.", v.p.name, v.n, v.city, v.year)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("%d logements sociaux construits à %s en %d", v.n, v.city, v.year)
		},
		sumEN: func(v *vars) string { return fmt.Sprintf("%d social homes built in %s in %d", v.n, v.city, v.year) },
	},
	{kind: claims.KindPrediction, tags: []string{"budget", "défense"},
		fr: func(v *vars) string {
			return fmt.Sprintf("Le budget de la défense atteindra %d,%d %% du PIB en %d, a assuré %s devant l'Assemblée nationale, contre %d,%d %% aujourd'hui.", 2+v.pct%2, v.pct2%10, v.year+4, v.p.name, 1+v.pct%2, v.k%10)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("Defence spending will reach %d.%d percent of GDP by %d, %s promised parliament, up from %d.%d percent today.", 2+v.pct%2, v.pct2%10, v.year+4, v.p.name, 1+v.pct%2, v.k%10)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("La défense à %d,%d %% du PIB en %d", 2+v.pct%2, v.pct2%10, v.year+4)
		},
		sumEN: func(v *vars) string {
			return fmt.Sprintf("Defence at %d.%d%% of GDP by %d", 2+v.pct%2, v.pct2%10, v.year+4)
		},
	},
	{kind: claims.KindStatistic, tags: []string{"climat", "énergie"},
		fr: func(v *vars) string {
			return fmt.Sprintf("Selon %s, les émissions de CO₂ de %s ont reculé de %d %% entre %d et %d, grâce au nucléaire et à l'éolien en mer.", v.p.name, v.country, v.pct, v.year2, v.year)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("%s claimed that CO₂ emissions in %s fell by %d percent between %d and %d, thanks to nuclear power and offshore wind.", v.p.name, v.country, v.pct, v.year2, v.year)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("Les émissions de CO₂ de %s en baisse de %d %%", v.country, v.pct)
		},
		sumEN: func(v *vars) string { return fmt.Sprintf("CO₂ emissions in %s down %d%%", v.country, v.pct) },
	},
	{kind: claims.KindStatistic, tags: []string{"immigration"},
		fr: func(v *vars) string {
			return fmt.Sprintf("%s soutient que %d migrants ont traversé la Manche depuis %s en %d, un chiffre que la préfecture du Pas-de-Calais conteste.", v.p.name, v.n, v.city, v.year)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("%s maintains that %d migrants crossed the Channel from %s in %d, a figure the regional prefecture disputes.", v.p.name, v.n, v.city, v.year)
		},
		sumFR: func(v *vars) string { return fmt.Sprintf("%d migrants ont traversé la Manche en %d", v.n, v.year) },
		sumEN: func(v *vars) string { return fmt.Sprintf("%d migrants crossed the Channel in %d", v.n, v.year) },
	},
	{kind: claims.KindQuote, tags: []string{"Ukraine", "munitions"},
		fr: func(v *vars) string {
			return fmt.Sprintf("« Nous avons livré %d obus à l'Ukraine depuis février %d », a déclaré %s, %s, lors d'une conférence de presse à %s.", v.n*10, v.year2, v.p.name, v.role, v.city)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("“We have delivered %d artillery shells to Ukraine since February %d,” %s, %s, said at a press conference in %s.", v.n*10, v.year2, v.p.name, v.role, v.city)
		},
		sumFR: func(v *vars) string { return fmt.Sprintf("%d obus livrés à l'Ukraine depuis %d", v.n*10, v.year2) },
		sumEN: func(v *vars) string { return fmt.Sprintf("%d shells delivered to Ukraine since %d", v.n*10, v.year2) },
	},
	{kind: claims.KindStatistic, tags: []string{"santé", "budget"},
		fr: func(v *vars) string {
			return fmt.Sprintf("%s assure que l'hôpital public de %s a recruté %d infirmières en %d et que les urgences n'ont fermé que %d nuits.", v.p.name, v.city, v.n%900+40, v.year, v.k)
		},
		en: func(v *vars) string {
			return fmt.Sprintf("%s insists that hospitals in %s hired %d nurses in %d and that emergency wards closed on only %d nights.", v.p.name, v.city, v.n%900+40, v.year, v.k)
		},
		sumFR: func(v *vars) string {
			return fmt.Sprintf("%d infirmières recrutées à %s en %d", v.n%900+40, v.city, v.year)
		},
		sumEN: func(v *vars) string { return fmt.Sprintf("%d nurses hired in %s in %d", v.n%900+40, v.city, v.year) },
	},
}

// status weights: how a newsroom's claims spread over the workflow.
var statusWeights = []struct {
	status claims.Status
	weight int
}{
	{claims.StatusToTriage, 25}, {claims.StatusNotCheckWorthy, 5}, {claims.StatusResearching, 20},
	{claims.StatusVerdictDrafted, 10}, {claims.StatusInReview, 5}, {claims.StatusChangesRequested, 3},
	{claims.StatusPublished, 27}, {claims.StatusCorrected, 5},
}

func hasVerdict(s claims.Status) bool {
	switch s {
	case claims.StatusVerdictDrafted, claims.StatusInReview, claims.StatusChangesRequested, claims.StatusPublished, claims.StatusCorrected:
		return true
	}
	return false
}

func pickStatus(r *rand.Rand) claims.Status {
	n := r.IntN(100)
	for _, sw := range statusWeights {
		if n < sw.weight {
			return sw.status
		}
		n -= sw.weight
	}
	return claims.StatusToTriage
}

var explanationsFR = []string{
	"Chiffre officiel, mais période choisie trompeuse.",
	"Les données publiques le contredisent.",
	"Juste, mais sans tenir compte de l'inflation.",
	"Aucune source indépendante ne le confirme.",
	"Exact : publié par l'Insee le mois suivant.",
}

var explanationsEN = []string{
	"Official figure, but a misleading period.",
	"Public data contradict it.",
	"Right, but it ignores inflation.",
	"No independent source confirms it.",
	"Accurate: published the following month.",
}

var (
	baseDate   = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	frenchKeys = ratingKeys()
)

func ratingKeys() []string {
	var keys []string
	for _, r := range claims.ScaleFrench.Ratings {
		keys = append(keys, r.Key)
	}
	return keys
}

// newRand returns the generator of one part of the dataset: the same
// numbers every run, and independent of the order parts are generated in.
func newRand(part, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(part)<<32|uint64(i)))
}

// article generates article i with its claims and evidence. French and
// English alternate three to two.
func article(i int) genArticle {
	r := newRand(1, i)
	fr := i%5 < 3
	lang := claims.LangEnglish
	if fr {
		lang = claims.LangFrench
	}
	published := baseDate.AddDate(0, 0, i/3)
	var text strings.Builder
	out := genArticle{}
	for j := 0; j < claimsPerArticle; j++ {
		c, sentence := newClaim(r, fr, published)
		if j > 0 {
			text.WriteString(" ")
		}
		start := utf8.RuneCountInString(text.String())
		text.WriteString(sentence)
		c.Anchor = claims.Anchor{Start: start, End: start + utf8.RuneCountInString(sentence)}
		out.Claims = append(out.Claims, c)
	}
	title := fmt.Sprintf("%s : ce que disent vraiment les chiffres (%d)", capitalize(topicsFR[i%len(topicsFR)]), i)
	outlet := outletsFR[i%len(outletsFR)]
	if !fr {
		title = fmt.Sprintf("Fact check: what the numbers really say about %s (%d)", topicsEN[i%len(topicsEN)], i)
		outlet = outletsEN[i%len(outletsEN)]
	}
	out.Article = &claims.Article{
		Title: title, Outlet: outlet, Language: lang, Text: text.String(),
		URL:         fmt.Sprintf("https://news%d.example.org/%d/%s", i%5, published.Year(), slug(title)),
		PublishedOn: published.Format("2006-01-02"),
	}
	for _, c := range out.Claims {
		var err error
		if c.Anchor, err = claims.AnchorAt(out.Article.Text, c.Anchor.Start, c.Anchor.End); err != nil {
			panic(err) // the generator's own mistake
		}
	}
	out.Evidence = evidence(r, i, out.Claims, fr)
	return out
}

func newClaim(r *rand.Rand, fr bool, published time.Time) (*claims.Claim, string) {
	t := templates[r.IntN(len(templates))]
	p := people[r.IntN(len(people))]
	v := &vars{p: p, role: p.roleEN, n: 100 + r.IntN(49_900), pct: 2 + r.IntN(60), pct2: 1 + r.IntN(20), k: 2 + r.IntN(22),
		year: 2019 + r.IntN(6), year2: 2008 + r.IntN(10), month: r.IntN(12)}
	v.countryIdx = r.IntN(len(countriesFR))
	if fr {
		v.role, v.city, v.country, v.place = p.roleFR, citiesFR[r.IntN(len(citiesFR))], countriesFR[v.countryIdx], placesFR[r.IntN(len(placesFR))]
	} else {
		v.city, v.country, v.place = citiesEN[r.IntN(len(citiesEN))], countriesEN[v.countryIdx], placesEN[r.IntN(len(placesEN))]
	}
	sentence, summary := t.en(v), t.sumEN(v)
	if fr {
		sentence, summary = t.fr(v), t.sumFR(v)
	}
	tags := append([]string(nil), t.tags[:1+r.IntN(len(t.tags))]...)
	if r.IntN(4) == 0 {
		if extra := tagVocabulary[r.IntN(len(tagVocabulary))]; !contains(tags, extra) {
			tags = append(tags, extra)
		}
	}
	status := pickStatus(r)
	c := &claims.Claim{
		Text: sentence, Summary: claims.Summarize(summary), Kind: t.kind, Tags: tags, Status: status,
		Speaker:         claims.Speaker{Name: p.name, Role: v.role, Organization: p.org},
		Assignee:        assignees[r.IntN(len(assignees))],
		CheckWorthiness: claims.CheckWorthiness{Score: float64(r.IntN(101)) / 100},
	}
	if r.IntN(2) == 0 {
		c.Speaker.Role = "" // often unknown when the claim is logged
	}
	if r.IntN(2) == 0 {
		c.ClaimDate = published.AddDate(0, 0, -1-r.IntN(5)).Format("2006-01-02")
	}
	if r.IntN(8) == 0 {
		c.CheckWorthiness.Reasons = []string{"chiffre vérifiable", "forte audience"}[:1+r.IntN(2)]
	}
	if hasVerdict(status) {
		explanation := explanationsEN[r.IntN(len(explanationsEN))]
		if fr {
			explanation = explanationsFR[r.IntN(len(explanationsFR))]
		}
		at := published.Add(time.Duration(24+r.IntN(240)) * time.Hour)
		c.Verdict = &claims.Verdict{Rating: frenchKeys[r.IntN(len(frenchKeys))], Explanation: explanation,
			Author: assignees[2+r.IntN(len(assignees)-2)], Revision: fmt.Sprintf("r%d", 1+r.IntN(3)), UpdatedAt: at}
		if status == claims.StatusPublished || status == claims.StatusCorrected {
			c.PublishedAt = at
		}
	}
	return c, sentence
}

// evidence spreads evidencePerArticle links over the claims of article i:
// claim j gets 1 + j%5 of them.
func evidence(r *rand.Rand, i int, list []*claims.Claim, fr bool) []genEvidence {
	var out []genEvidence
	stances := []claims.Stance{claims.StanceSupports, claims.StanceRefutes, claims.StanceContext}
	for j, c := range list {
		for l := 0; l < 1+j%5; l++ {
			src := i*sourcesPerArticle + r.IntN(sourcesPerArticle)
			if r.IntN(5) == 0 {
				src = r.IntN(sharedSources)
			}
			excerpt := fmt.Sprintf("Le document indique %d pour la période, chiffre repris par %s (tableau %d).", 50+r.IntN(50_000), c.Speaker.Organization, 1+r.IntN(40))
			if !fr {
				excerpt = fmt.Sprintf("The document gives %d for the period, a figure %s repeated (table %d).", 50+r.IntN(50_000), c.Speaker.Organization, 1+r.IntN(40))
			}
			out = append(out, genEvidence{Claim: j, Source: src, Excerpt: excerpt,
				Locator: fmt.Sprintf("p. %d", 1+r.IntN(120)), Stance: stances[r.IntN(len(stances))]})
		}
	}
	return out
}

var sourceKinds = []struct {
	typ       claims.SourceType
	fr, en    string
	publisher []string
}{
	{claims.SourceReport, "Rapport annuel %d sur %s", "Annual report %d on %s", []string{"Insee", "Cour des comptes", "Eurostat", "OCDE", "SIPRI"}},
	{claims.SourceArticle, "Enquête : %d ans de débats sur %s", "Investigation: %d years of debate on %s", []string{"Le Quotidien", "The Daily Ledger", "Agence France-Presse", "Reuters"}},
	{claims.SourceDataset, "Séries statistiques %d : %s", "Statistical series %d: %s", []string{"Insee", "Eurostat", "Banque mondiale", "ONU"}},
	{claims.SourceWebpage, "Communiqué de presse n° %d sur %s", "Press release no. %d on %s", []string{"Ministère des Armées", "OTAN", "Commission européenne", "White House"}},
	{claims.SourceInterview, "Entretien n° %d avec un chercheur sur %s", "Interview no. %d with a researcher on %s", []string{"Rédaction", "Newsroom"}},
	{claims.SourceLegislation, "Loi de programmation %d relative à %s", "Act %d on %s", []string{"Légifrance", "legislation.gov.uk"}},
}

// source generates source k.
func source(k int) *claims.Source {
	r := newRand(2, k)
	kind := sourceKinds[r.IntN(len(sourceKinds))]
	fr := (k/sourcesPerArticle)%5 < 3
	title := fmt.Sprintf(kind.fr, 2000+r.IntN(25), topicsFR[r.IntN(len(topicsFR))])
	if !fr {
		title = fmt.Sprintf(kind.en, 2000+r.IntN(25), topicsEN[r.IntN(len(topicsEN))])
	}
	s := &claims.Source{
		Type: kind.typ, Title: fmt.Sprintf("%s (%d)", title, k), Publisher: kind.publisher[r.IntN(len(kind.publisher))],
		URL:         fmt.Sprintf("https://sources%d.example.net/doc/%d", k%7, k),
		Issued:      baseDate.AddDate(0, 0, -r.IntN(2000)).Format("2006-01-02"),
		Accessed:    baseDate.AddDate(0, 0, r.IntN(400)).Format("2006-01-02"),
		Reliability: claims.Reliability(rune('A' + r.IntN(6))),
	}
	if r.IntN(2) == 0 {
		s.ArchiveURL = "https://web.archive.org/web/2024/" + s.URL
	}
	if r.IntN(3) == 0 {
		s.Authors = []string{people[r.IntN(len(people))].name}
	}
	if r.IntN(20) == 0 {
		s.Protected = true
		s.Notes = "Source confidentielle : ne pas citer nommément."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range claims.Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
