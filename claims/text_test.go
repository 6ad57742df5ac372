package claims_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
)

func TestSlug(t *testing.T) {
	for _, tt := range []struct {
		label, want string
	}{
		{"Plutôt vrai", "plutot-vrai"},
		{"Manque de contexte", "manque-de-contexte"},
		{"Infondé", "infonde"},
		{"Half true", "half-true"},
		{"True", "true"},
		{"Mostly false", "mostly-false"},
		{"Vrai", "vrai"},
		{"Plutôt faux", "plutot-faux"},
		{"ÉTATS-UNIS", "etats-unis"},
		{"  Vrai, mais… ", "vrai-mais"},
		{"« Trompeur »", "trompeur"},
		{"L’info", "l-info"},
		{"Half---true", "half-true"},
		{"Top 10 %", "top-10"},
		{"Faux 😱 !", "faux"},
		{"", ""},
		{"…", ""},
		// Decomposed accents (NFD input) slug like composed ones.
		{"Infonde\u0301", "infonde"},
	} {
		t.Run(tt.label, func(t *testing.T) {
			if got := claims.Slug(tt.label); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.label, got, tt.want)
			}
		})
	}
}

// TestSlugIsASCII checks that keys stay plain lower-case ASCII words joined
// by single hyphens whatever the label's script.
func TestSlugIsASCII(t *testing.T) {
	key := regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)
	for _, label := range []string{
		"Straße", "Œuvre déformée", "Łódź", "Søren", "Правда", "Αληθές", "真实", "İstanbul", "ﬁn", "Ⅻ", "٣ faux",
		"Vrai ✓", " -Plutôt- vrai- ", "Half\ttrue\n",
	} {
		t.Run(label, func(t *testing.T) {
			if got := claims.Slug(label); !key.MatchString(got) {
				t.Errorf("Slug(%q) = %q, want lower-case ASCII words joined by hyphens", label, got)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct {
		s, want string
	}{
		{"Corée", "coree"},
		{"ÉTATS-UNIS", "etats-unis"},
		{"Plutôt vrai", "plutot vrai"},
		{"Noël à l’Élysée", "noel a l’elysee"},
		{"Corée du Nord 🇰🇵", "coree du nord 🇰🇵"},
		{"déjà", "deja"},
		{"cafe\u0301", "cafe"},
		{"plain ascii", "plain ascii"},
		{"", ""},
	} {
		t.Run(tt.s, func(t *testing.T) {
			if got := claims.Fold(tt.s); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

func TestFoldMatchesAsPeopleSearch(t *testing.T) {
	for name, tt := range map[string]struct {
		text, query string
		want        bool
	}{
		"accentless query":  {"Poutine en Corée du Nord", "coree", true},
		"upper-case text":   {"Relations avec les ÉTATS-UNIS", "etats-unis", true},
		"accented query":    {"Relations avec les Etats-Unis", "États", true},
		"different word":    {"Poutine en Corée du Nord", "chine", false},
		"accent not a typo": {"Poutine en Corée du Nord", "coreee", false},
	} {
		t.Run(name, func(t *testing.T) {
			got := strings.Contains(claims.Fold(tt.text), claims.Fold(tt.query))
			if got != tt.want {
				t.Errorf("Fold(%q) contains Fold(%q) = %v, want %v", tt.text, tt.query, got, tt.want)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	exactly75 := strings.Repeat("é", 40) + " " + strings.Repeat("à", 34)
	for name, tt := range map[string]struct {
		text, want string
	}{
		"empty": {"", ""},
		"short text unchanged": {
			"Le chômage a baissé de 2 % en 2023.",
			"Le chômage a baissé de 2 % en 2023.",
		},
		"whitespace collapsed": {
			"  Le   chômage\n\ta baissé\u00a0 ",
			"Le chômage a baissé",
		},
		"exactly 75 runes unchanged": {exactly75, exactly75},
		"cut at a word boundary": {
			"Le secrétaire général de l’OTAN a affirmé que la Corée du Nord fournissait des munitions à la Russie depuis des mois.",
			"Le secrétaire général de l’OTAN a affirmé que la Corée du Nord…",
		},
		"punctuation before the cut dropped": {
			"Selon le ministre, « la dette publique a baissé de 3 % en 2023 », anticonstitutionnellement contesté.",
			"Selon le ministre, « la dette publique a baissé de 3 % en 2023 »…",
		},
		"collapsed before counting": {
			"Le    secrétaire\n\ngénéral de l’OTAN a affirmé que la Corée du Nord fournissait des munitions à la Russie.",
			"Le secrétaire général de l’OTAN a affirmé que la Corée du Nord…",
		},
		"one long word cut in the middle": {
			strings.Repeat("é", 100),
			strings.Repeat("é", 74) + "…",
		},
		"space too early cuts in the middle": {
			"Il " + strings.Repeat("a", 100),
			"Il " + strings.Repeat("a", 71) + "…",
		},
		// The half-way rule counts characters, not bytes: a space after 24
		// three-byte characters is in the first half of the summary.
		"multi-byte text with an early space": {
			"東京都の人口は一千四百万人を超えており日本の首都 として政治経済文化の中心地であると同時に世界有数の大都市圏を形成しているとされる地域であり多くの人々が暮らしている場所です",
			"東京都の人口は一千四百万人を超えており日本の首都 として政治経済文化の中心地であると同時に世界有数の大都市圏を形成しているとされる地域であり多くの人…",
		},
	} {
		t.Run(name, func(t *testing.T) {
			got := claims.Summarize(tt.text)
			if got != tt.want {
				t.Errorf("Summarize(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > claims.MaxSummary {
				t.Errorf("Summarize returned %d characters, at most %d allowed", n, claims.MaxSummary)
			}
		})
	}
}

// TestSummarizeFitsClaim checks that a summary made from any claim text is
// one that Claim.Validate accepts.
func TestSummarizeFitsClaim(t *testing.T) {
	for name, text := range map[string]string{
		"french":   strings.Repeat("Le député « écologiste » a affirmé que l’économie va bien. ", 5),
		"emoji":    strings.Repeat("😀 ", 80),
		"no space": strings.Repeat("🇫🇷", 80),
		"commas":   strings.Repeat("a, ", 60),
	} {
		t.Run(name, func(t *testing.T) {
			got := claims.Summarize(text)
			if n := utf8.RuneCountInString(got); n > claims.MaxSummary || n == 0 {
				t.Fatalf("Summarize gave %d characters, want 1..%d", n, claims.MaxSummary)
			}
			if !strings.HasSuffix(got, "…") {
				t.Errorf("Summarize(%q) = %q, want a trailing ellipsis", text, got)
			}
			c := validClaim(t)
			c.Summary = got
			checkErr(t, c.Validate(), "", "")
		})
	}
}

func TestSlugSpellsOutLigatures(t *testing.T) {
	for label, want := range map[string]string{"Œuvre": "oeuvre", "Łódź": "lodz", "Straße": "strasse", "Cœur brisé": "coeur-brise"} {
		if got := claims.Slug(label); got != want {
			t.Errorf("Slug(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestSummarizeKeepsNonBreakingSpaces(t *testing.T) {
	got := claims.Summarize("Stoltenberg\u00a0: «\u202fconséquences\u202f»  \n pour la Chine")
	if want := "Stoltenberg\u00a0: «\u202fconséquences\u202f» pour la Chine"; got != want {
		t.Errorf("Summarize = %q, want %q", got, want)
	}
}
