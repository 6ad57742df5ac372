package export

import (
	"testing"

	"claimdesk/assets"
	"claimdesk/claims/locale"
)

// TestPhrases fills the messages a report fills most and compares them with
// the words the translation files hold.
func TestPhrases(t *testing.T) {
	en := &report{Lang: locale.English, words: assets.WordsFor(locale.English)}
	fr := &report{Lang: locale.French, words: assets.WordsFor(locale.French)}
	tests := []struct {
		name, got, want string
	}{
		{"one value", en.AccessedOn("Nov 20, 2026"), "accessed Nov 20, 2026"},
		{"a date for the language", fr.AccessedOn("2026-11-20"), "consulté le 20 nov. 2026"},
		{"two values", fr.RatingChange("Faux", "Vrai"), "évaluation passée de «\u00a0Faux\u00a0» à «\u00a0Vrai\u00a0»."},
		{"two numbers", en.PageOf(2, 9), "Page 2 of 9"},
		{"a value that looks like a template", fr.quoted("{{.Text}} {{template \"x\"}}"), "«\u00a0{{.Text}} {{template \"x\"}}\u00a0»"},
		{"a number grouped", fr.ClaimTitle(11000), "Affirmation 11\u00a0000"},
		{"French colon", fr.fieldLabel("Adresse"), "Adresse\u00a0:"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
