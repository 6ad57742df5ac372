package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
)

// readSeed returns the seed article the application ships with.
func readSeed(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "assets", "sample", "article-fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// candidateWith returns the candidate whose sentence contains key.
func candidateWith(t *testing.T, cands []Candidate, key string) Candidate {
	t.Helper()
	for _, c := range cands {
		if strings.Contains(c.Text, key) {
			return c
		}
	}
	t.Fatalf("no sentence contains %q", key)
	return Candidate{}
}

// hasReason reports whether a reason starts with prefix.
func hasReason(c Candidate, prefix string) bool {
	return slices.ContainsFunc(c.Reasons, func(r string) bool { return strings.HasPrefix(r, prefix) })
}

// TestSeedArticle checks, unaided, the claims a fact-checker picked in the
// seed article (assets/sample/case.json) and who made them.
func TestSeedArticle(t *testing.T) {
	text := readSeed(t)
	cands := Analyze(text, claims.LangFrench)
	for _, tt := range []struct {
		key      string
		speakers []string // any of these
		role     string
		org      string
		kind     claims.Kind
		reasons  []string
	}{
		{"plus de 11 000 conteneurs de munitions", []string{"États-Unis", "Gouvernement des États-Unis"}, "", "", claims.KindStatistic,
			[]string{"number: 11 000", "accusation: accusé", "attribution: ont accusé", "direct quote"}},
		{"avions de combat", []string{"Bonnie Jenkins"}, "secrétaire d'État adjointe", "", "", []string{"attribution: a déclaré"}},
		{"Jens Stoltenberg, s'est exprimé", []string{"Jens Stoltenberg"}, "secrétaire général", "OTAN", "", []string{"accusation: accusant"}},
		{"nous sommes également préoccupés", []string{"Jens Stoltenberg"}, "secrétaire général", "OTAN", claims.KindQuote, []string{"direct quote"}},
		{"la plus grande guerre", []string{"Jens Stoltenberg"}, "", "", "", []string{"superlative: la plus grande"}},
		{"Karine Jean-Pierre, a déclaré", []string{"Karine Jean-Pierre"}, "porte-parole", "Maison Blanche", claims.KindQuote, []string{"date: 18 juin"}},
		{"Elle a noté que", []string{"Karine Jean-Pierre"}, "", "", "", []string{"attribution: a noté"}},
		{"Kurt Campbell a également exprimé", []string{"Kurt Campbell"}, "secrétaire d'État adjoint", "", "", nil},
		// The evaluation set labels this one not check-worthy (vague
		// monitoring); the brief asks for it to be found with its speaker.
		{"John Kirby, a déclaré", []string{"John Kirby"}, "porte-parole", "Maison Blanche", "", []string{"date: 17 juin"}},
		{"s'est engagé à renforcer", []string{"Vladimir Poutine"}, "président", "", claims.KindPrediction, []string{"promise or prediction: s'est engagé"}},
		{"Reuters a rapporté", []string{"Reuters"}, "", "", "", []string{"comparison: depuis 24 ans", "date: 18 juin"}},
	} {
		t.Run(tt.key, func(t *testing.T) {
			c := candidateWith(t, cands, tt.key)
			if !c.Worthy(DefaultThreshold) {
				t.Errorf("score %.2f < %.2f: %v", c.Score, DefaultThreshold, c.Reasons)
			}
			if !slices.Contains(tt.speakers, c.Speaker.Name) {
				t.Errorf("speaker %+v, want one of %q", c.Speaker, tt.speakers)
			}
			if tt.role != "" && c.Speaker.Role != tt.role {
				t.Errorf("role %q, want %q", c.Speaker.Role, tt.role)
			}
			if tt.org != "" && c.Speaker.Organization != tt.org {
				t.Errorf("organisation %q, want %q", c.Speaker.Organization, tt.org)
			}
			if tt.kind != "" && c.Kind != tt.kind {
				t.Errorf("kind %q, want %q", c.Kind, tt.kind)
			}
			for _, r := range tt.reasons {
				if !slices.Contains(c.Reasons, r) {
					t.Errorf("reasons %q lack %q", c.Reasons, r)
				}
			}
		})
	}
	t.Run("headline question", func(t *testing.T) {
		if c := candidateWith(t, cands, "Quelles sont les inquiétudes"); c.Worthy(DefaultThreshold) || !hasReason(c, "question") {
			t.Errorf("the headline question scores %.2f: %v", c.Score, c.Reasons)
		}
	})
}

// TestAnalyzeCues checks single sentences for the cues that make them
// check-worthy or not, in both languages.
func TestAnalyzeCues(t *testing.T) {
	for name, tt := range map[string]struct {
		lang, text string
		worthy     bool
		kind       claims.Kind
		reasons    []string
	}{
		"en percentage with source": {"en", "Unemployment fell to 3.9 percent in March, the Bureau of Labor Statistics reported.",
			true, claims.KindStatistic, []string{"percentage: 3.9 percent", "date: March", "reporting verb: reported", "trend: fell"}},
		"en amount": {"en", "The senator said the plan would cost $1.2 billion over five years.",
			true, claims.KindStatistic, []string{"amount: $1.2 billion", "reporting verb: said"}},
		"en superlative quote": {"en", `"This is the worst flood in a century," said Governor Kathy Hochul.`,
			true, claims.KindQuote, []string{"superlative: worst", "direct quote", "named person: Kathy Hochul"}},
		"en accusation": {"en", "Sen. Elizabeth Warren accused the bank of misleading its customers.",
			true, claims.KindAttribution, []string{"reporting verb: accused", "accusation: accused"}},
		"en promise": {"en", "The governor pledged to hire 500 teachers by next year.",
			true, claims.KindStatistic, []string{"promise or prediction: pledged"}},
		"en comparison": {"en", "Exports were more than double the figure for 2019, according to customs data.",
			true, claims.KindComparison, []string{"comparison: more than", "attribution: according to"}},
		"en scene": {"en", "It was a cold, grey morning and the streets were quiet.",
			false, claims.KindEvent, nil},
		"en feelings": {"en", `"Honestly, it feels like we're running out of time," she said.`,
			false, "", []string{"opinion or description: Honestly"}},
		"en question": {"en", "Are America's hospitals ready for another summer of extreme heat?",
			false, "", []string{"question"}},
		"en no comment": {"en", "The White House did not respond to a request for comment.",
			false, "", []string{"routine: did not respond"}},
		"en verbless headline": {"en", "Heatwave in Phoenix: a hospital under strain",
			false, "", []string{"headline without a verb"}},
		"fr statistique": {"fr", "Le chômage a baissé de 0,2 point au premier trimestre, selon l'Insee.",
			true, claims.KindStatistic, []string{"attribution: selon", "trend: baissé"}},
		"fr citation": {"fr", "« Le chômage est au plus bas depuis quarante ans », a insisté la ministre.",
			true, claims.KindQuote, []string{"superlative: au plus bas", "comparison: depuis quarante ans", "direct quote"}},
		"fr accusation": {"fr", "L'opposition a accusé le gouvernement d'avoir menti sur les chiffres du déficit.",
			true, claims.KindAttribution, []string{"attribution: a accusé", "accusation: accusé"}},
		"fr prévision": {"fr", "Selon la Banque de France, la croissance atteindrait 0,9 % cette année.",
			true, claims.KindStatistic, []string{"percentage: 0,9 %", "promise or prediction: atteindrait", "date: cette année"}},
		"fr description": {"fr", "Au marché de Rungis, les grossistes restent prudents.",
			false, claims.KindEvent, nil},
		"fr opinion": {"fr", "Pour l'économiste Hélène Marchetti, cet optimisme est prématuré.",
			false, "", []string{"opinion or description: optimisme"}},
		"fr question": {"fr", "Quelles sont les inquiétudes de l'OTAN ?",
			false, "", []string{"question"}},
	} {
		t.Run(name, func(t *testing.T) {
			cands := Analyze(tt.text, tt.lang)
			if len(cands) != 1 {
				t.Fatalf("%d candidates, want 1", len(cands))
			}
			c := cands[0]
			if c.Worthy(DefaultThreshold) != tt.worthy {
				t.Errorf("score %.2f, want worthy %v: %v", c.Score, tt.worthy, c.Reasons)
			}
			if tt.kind != "" && c.Kind != tt.kind {
				t.Errorf("kind %q, want %q", c.Kind, tt.kind)
			}
			for _, r := range tt.reasons {
				if !slices.Contains(c.Reasons, r) {
					t.Errorf("reasons %q lack %q", c.Reasons, r)
				}
			}
			if c.Score < 0 || c.Score > 1 || !c.Kind.Valid() {
				t.Errorf("score %v or kind %q out of range", c.Score, c.Kind)
			}
		})
	}
}

// TestAnalyzeScoresEverySentence checks that Analyze returns one candidate
// per sentence, in order, whatever the language argument.
func TestAnalyzeScoresEverySentence(t *testing.T) {
	text := readSeed(t)
	sents := Sentences(text, claims.LangFrench)
	for _, lang := range []string{claims.LangFrench, "", "de"} {
		cands := Analyze(text, lang)
		if len(cands) != len(sents) {
			t.Fatalf("lang %q: %d candidates for %d sentences", lang, len(cands), len(sents))
		}
		for i, c := range cands {
			if c.Sentence != sents[i] {
				t.Errorf("lang %q: candidate %d is %q, want %q", lang, i, c.Text, sents[i].Text)
			}
			if len(c.Reasons) > maxReasons {
				t.Errorf("%d reasons, want at most %d", len(c.Reasons), maxReasons)
			}
		}
	}
}

// TestAnalyzeSuggestsValidClaims checks that the seed's candidates make
// claims the store accepts.
func TestAnalyzeSuggestsValidClaims(t *testing.T) {
	text := readSeed(t)
	found, err := Suggest(text, Analyze(text, claims.LangFrench), DefaultThreshold)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 8 {
		t.Errorf("%d claims suggested from the seed article, want at least 8", len(found))
	}
	for _, c := range found {
		c.ArticleID = "a"
		if err := c.Validate(); err != nil {
			t.Errorf("claim %q: %v", c.Text, err)
		}
	}
}
