package claims_test

import (
	"testing"
	"time"

	"claimdesk/claims"
)

// frenchText has accents, « guillemets », curly apostrophes, emoji (one of
// them a two-code-point flag) and words that occur twice.
const frenchText = "« L’économie française va bien », a déclaré la ministre 🇫🇷 lundi. " +
	"Selon l’Insee, le chômage a baissé de 2 % en 2023 😀. " +
	"Mais pour l’opposition, le chômage a baissé grâce à la démographie 📉, pas au gouvernement."

const claimWords = "le chômage a baissé de 2 % en 2023"

func validArticle() *claims.Article {
	a := &claims.Article{
		ID:          "a-1",
		Title:       "Le chômage au plus bas, selon la ministre",
		Outlet:      "Le Quotidien",
		URL:         "https://example.fr/economie/chomage?id=42#haut",
		PublishedOn: "2024-02-29",
		Language:    claims.LangFrench,
		Text:        frenchText,
		ImportedAt:  time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC),
	}
	a.Freeze()
	return a
}

func validClaim(t *testing.T) *claims.Claim {
	t.Helper()
	anchor, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatalf("NewAnchor: %v", err)
	}
	return &claims.Claim{
		ID:        "c-1",
		ArticleID: "a-1",
		Text:      claimWords,
		Summary:   "Le chômage a baissé de 2 % en 2023",
		Anchor:    anchor,
		Speaker:   claims.Speaker{Name: "Élisabeth Dupré", Role: "ministre du Travail", Organization: "Gouvernement"},
		ClaimDate: "2024-02-26",
		Kind:      claims.KindStatistic,
		CheckWorthiness: claims.CheckWorthiness{
			Score:   0.8,
			Reasons: []string{"chiffre vérifiable", "forte audience"},
		},
		Tags:     []string{"économie", "emploi"},
		Status:   claims.StatusToTriage,
		Assignee: "Léa Martin",
	}
}

func validVerdict() *claims.Verdict {
	return &claims.Verdict{
		Rating:      "plutot-vrai",
		Explanation: "Le chômage a baissé, mais de 1,5 point et non de 2.",
		Rationale:   "## Données\n\nL’Insee publie…",
		Methodology: "Comparaison avec les séries de l’Insee.",
		Author:      "Léa Martin",
		Revision:    "rev-2",
		UpdatedAt:   time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC),
	}
}

func validSource() *claims.Source {
	return &claims.Source{
		ID:          "s-1",
		Type:        claims.SourceReport,
		Title:       "Taux de chômage au sens du BIT – quatrième trimestre 2023",
		Authors:     []string{"Insee", "Jean-Émile Durand"},
		Publisher:   "Institut national de la statistique et des études économiques",
		Issued:      "2024-02-16",
		URL:         "https://www.insee.fr/fr/statistiques/1234",
		DOI:         "10.1234/insee.2024.1",
		Accessed:    "2024-03-01",
		ArchiveURL:  "http://web.archive.org/web/2024/https://www.insee.fr/fr/statistiques/1234",
		Reliability: claims.ReliabilityA,
		Notes:       "Série corrigée des variations saisonnières.",
	}
}

func validEvidence() *claims.Evidence {
	return &claims.Evidence{
		ID:       "e-1",
		ClaimID:  "c-1",
		SourceID: "s-1",
		Excerpt:  "Le taux de chômage s’établit à 7,5 %.",
		Locator:  "p. 2, § 3",
		Stance:   claims.StanceRefutes,
		Note:     "Baisse de 1,5 point, pas de 2.",
	}
}
