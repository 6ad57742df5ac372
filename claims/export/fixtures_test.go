package export

import (
	"strings"
	"time"

	"claimdesk/claims"
)

// day is the fixed clock of the fixtures: 27 November 2026, 10:00 UTC.
var day = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func at(hours int) time.Time { return day.Add(time.Duration(hours) * time.Hour) }

// fixtureCase is a small French case: a published verdict corrected once,
// one in review and one still to triage, with evidence from two sources.
func fixtureCase() *claims.CaseFile {
	settings := claims.DefaultSettings(claims.LangFrench)
	settings.Organization = "Rédaction Exemple – Vérification"
	settings.BaseURL = "https://verif.example.fr/2026/otan-coree"
	article := &claims.Article{
		ID: "01936b2e-0000-7000-8000-000000000001", Title: "Quelles sont les inquiétudes de l’OTAN face à la visite de Poutine en Corée du Nord ?",
		Outlet: "Le Quotidien", URL: "https://quotidien.example.fr/otan-coree", PublishedOn: "2024-06-19", Language: claims.LangFrench,
		Text: "Selon Washington, la Corée du Nord a livré « plus de 11 000 conteneurs de munitions » à la Russie.",
		Meta: claims.Meta{CreatedAt: at(-48), CreatedBy: "Alice Martin"},
	}
	article.Freeze()
	published := &claims.Claim{
		ID: "01936b2e-0000-7000-8000-000000000010", ArticleID: article.ID,
		Text:      "la Corée du Nord a livré « plus de 11 000 conteneurs de munitions » à la Russie",
		Summary:   "La Corée du Nord a livré plus de 11 000 conteneurs de munitions à la Russie",
		Speaker:   claims.Speaker{Name: "John Kirby", Role: "porte-parole", Organization: "Maison-Blanche"},
		ClaimDate: "2024-06-18", Kind: claims.KindStatistic, Status: claims.StatusCorrected,
		Tags: []string{"munitions", "corée du nord"},
		Verdict: &claims.Verdict{Rating: "manque-de-contexte", Explanation: "Le chiffre vient du renseignement sud-coréen et n’est pas vérifiable de façon indépendante.",
			Rationale:   "Le ministère sud-coréen de la Défense **a avancé** ce chiffre.\n\n- Source : Yonhap\n- Aucune image satellite publique",
			Methodology: "Comparaison des déclarations officielles.", Author: "Alice Martin", Revision: "rev-2", UpdatedAt: at(-2)},
		PublishedAt: at(-20),
		Reviews: []claims.Review{
			{ID: "r1", Reviewer: "Bruno Petit", Decision: claims.DecisionApprove, VerdictRevision: "rev-1", At: at(-21)},
			{ID: "r2", Reviewer: "Bruno Petit", Decision: claims.DecisionApprove, Comment: "OK après correction", VerdictRevision: "rev-2", At: at(-1)},
		},
		Corrections: []claims.Correction{{ID: "c1", At: at(-2), Author: "Alice Martin", OldRating: "faux", NewRating: "manque-de-contexte",
			Reason: "Nouvelle source", PublicNote: "Nous avions d’abord classé cette affirmation « Faux » ; une source officielle a depuis été publiée."}},
		Meta: claims.Meta{CreatedAt: at(-40), CreatedBy: "Alice Martin", UpdatedAt: at(-1), UpdatedBy: "Bruno Petit"},
	}
	inReview := &claims.Claim{
		ID: "01936b2e-0000-7000-8000-000000000011", ArticleID: article.ID,
		Text: "des dizaines de missiles balistiques", Summary: "La Corée du Nord a fourni des dizaines de missiles balistiques",
		Speaker: claims.Speaker{Name: "Jens Stoltenberg", Role: "secrétaire général", Organization: "OTAN"},
		Kind:    claims.KindStatistic, Status: claims.StatusInReview,
		Verdict: &claims.Verdict{Rating: "plutot-vrai", Explanation: "Confirmé par l’Ukraine.", Author: "Bruno Petit", Revision: "rev-9", UpdatedAt: at(-3)},
		Meta:    claims.Meta{CreatedAt: at(-39), CreatedBy: "Alice Martin"},
	}
	toTriage := &claims.Claim{
		ID: "01936b2e-0000-7000-8000-000000000012", ArticleID: article.ID,
		Text: "avions de chasse, missiles sol-air, véhicules blindés", Summary: "La liste d’armes souhaitées par Pyongyang",
		Speaker: claims.Speaker{Name: "Bonnie Jenkins"}, Kind: claims.KindAttribution, Status: claims.StatusToTriage,
		Meta: claims.Meta{CreatedAt: at(-38), CreatedBy: "Alice Martin"},
	}
	yonhap := &claims.Source{ID: "01936b2e-0000-7000-8000-000000000020", Type: claims.SourceArticle, Title: "N. Korea shipped 11,000 containers of munitions to Russia",
		Authors: []string{"Kim Soo-yeon"}, Publisher: "Yonhap", Issued: "2024-02-27", URL: "https://en.yna.example/view/AEN20240227",
		Accessed: "2026-11-20", ArchiveURL: "https://web.archive.org/web/2024/https://en.yna.example/view/AEN20240227", Reliability: claims.ReliabilityB}
	nato := &claims.Source{ID: "01936b2e-0000-7000-8000-000000000021", Type: claims.SourceSpeech, Title: "Conférence de presse du secrétaire général",
		Publisher: "OTAN", Issued: "2024-06-17", URL: "https://www.nato.example/cps/fr/natohq/opinions", Accessed: "2026-11-21", Reliability: claims.ReliabilityA}
	return &claims.CaseFile{
		Settings: settings, Articles: []*claims.Article{article},
		Claims: []*claims.Claim{published, inReview, toTriage},
		Evidence: map[string][]*claims.Evidence{
			published.ID: {
				{ID: "e1", ClaimID: published.ID, SourceID: yonhap.ID, Excerpt: "North Korea has shipped around 11,000 containers", Locator: "§3", Stance: claims.StanceSupports},
				{ID: "e2", ClaimID: published.ID, SourceID: nato.ID, Excerpt: "Nous ne pouvons pas confirmer le nombre exact.", Stance: claims.StanceContext},
			},
			inReview.ID: {{ID: "e3", ClaimID: inReview.ID, SourceID: nato.ID, Excerpt: "des dizaines de missiles", Stance: claims.StanceSupports}},
		},
		Sources:     map[string]*claims.Source{yonhap.ID: yonhap, nato.ID: nato},
		HistoryHead: strings.Repeat("ab", 32),
		ReadAt:      day,
	}
}

// hostile is text that tries every trick a field can play on a report: markup
// and script, formulas, bidi overrides, NUL and other controls, invalid UTF-8.
var hostile = []string{
	`<script>alert(1)</script><img src=x onerror=alert(2)>`,
	`"><svg onload=alert(3)>`, `javascript:alert(4)`, `=HYPERLINK("http://evil.example","x")`,
	"+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\u202egnp.exe\u202c", "\u2066isolate\u2069",
	"nul\x00byte", "bad\xff\xfeutf8", "line\u2028separator", "]]></script><!--", "</style><style>*{display:none}",
	"[lien](javascript:alert(5)) <a href=\"javascript:alert(6)\">x</a>", "{{template}} ${x} `code`",
	"# heading\n\n| a | b |\n|---|---|", "\r\n=1+1", "'; DROP TABLE claims; --",
	"&#x202e;gnp.exe &#8238; &#x1b;[2J &#X2066;isolate&#x2069; &#0;",
}

// hostileText returns the i-th hostile string, wrapped so that every field
// differs.
func hostileText(i int) string {
	return hostile[i%len(hostile)] + hostile[(i+7)%len(hostile)]
}

// hostileCase is fixtureCase with every text field hostile and one field a
// megabyte long.
func hostileCase() *claims.CaseFile {
	cf := fixtureCase()
	n := 0
	next := func() string { n++; return hostileText(n) }
	cf.Settings.Organization = next()
	for i := range cf.Settings.Scale.Ratings {
		cf.Settings.Scale.Ratings[i].Label = next()
	}
	for _, a := range cf.Articles {
		a.Title, a.Outlet, a.Text = next(), next(), strings.Repeat(next(), 20_000)
		a.URL = "javascript:alert(7)"
	}
	for _, c := range cf.Claims {
		c.Text, c.Summary = strings.Repeat("A megabyte of claim. ", 50_000), next()
		c.Speaker = claims.Speaker{Name: next(), Role: next(), Organization: next()}
		c.Tags = []string{next(), next()}
		c.Assignee = next()
		if c.Verdict != nil {
			v := c.Verdict
			v.Explanation, v.Rationale, v.Methodology, v.Author = next(), next()+"\n\n"+next(), next(), next()
		}
		for i := range c.Reviews {
			c.Reviews[i].Reviewer, c.Reviews[i].Comment = next(), next()
		}
		for i := range c.Corrections {
			corr := &c.Corrections[i]
			corr.Author, corr.Reason, corr.PublicNote, corr.OldRating = next(), next(), next(), next()
		}
		for _, e := range cf.Evidence[c.ID] {
			e.Excerpt, e.Locator, e.Note = next(), next(), next()
		}
	}
	for _, s := range cf.Sources {
		s.Title, s.Publisher, s.DOI, s.Notes = next(), next(), next(), next()
		s.Authors = []string{next(), next()}
		s.URL, s.ArchiveURL = "javascript:alert(8)", `https://x.example/"onmouseover="alert(9)`
	}
	return cf
}
