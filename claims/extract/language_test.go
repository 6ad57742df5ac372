package extract

import (
	"testing"

	"claimdesk/claims"
)

func TestDetectLanguage(t *testing.T) {
	for name, tt := range map[string]struct {
		text, want string
	}{
		"french":               {"Le chômage a baissé de 2 % en 2024, selon l'Insee, qui publie ses chiffres dans la matinée.", claims.LangFrench},
		"english":              {"Unemployment fell to 3.9 percent in March, the Bureau of Labor Statistics said on Friday.", claims.LangEnglish},
		"french with english":  {"Le « deal » est conclu : les États-Unis et la Chine ont signé un accord pour le commerce.", claims.LangFrench},
		"english with french":  {"The prime minister said the « grand débat » was over and that it was time for action.", claims.LangEnglish},
		"empty":                {"", claims.LangEnglish},
		"no stop words":        {"11 000 — 2024 !", claims.LangEnglish},
		"tie":                  {"le the", claims.LangEnglish},
		"capitals":             {"LE CHÔMAGE EST EN BAISSE DANS LA RÉGION POUR LA TROISIÈME FOIS", claims.LangFrench},
		"elided french":        {"L'OTAN s'inquiète qu'il y ait des missiles dans la région et que la Russie les fournisse.", claims.LangFrench},
		"short english":        {"It is what it is.", claims.LangEnglish},
		"invalid UTF-8 french": {"le la les des \xff est que", claims.LangFrench},
	} {
		t.Run(name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectLanguageOfTheEvaluationArticles(t *testing.T) {
	if got := DetectLanguage(readSeed(t)); got != claims.LangFrench {
		t.Errorf("seed article: %q, want fr", got)
	}
}
