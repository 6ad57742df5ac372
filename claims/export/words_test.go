package export

import (
	"testing"

	"claimdesk/assets"
	"claimdesk/claims/locale"
)

// TestPhrases fills the messages a report fills most, through holes, and
// compares them with the words the translation files hold.
func TestPhrases(t *testing.T) {
	en, fr := newPhrases(assets.WordsFor(locale.English)), newPhrases(assets.WordsFor(locale.French))
	tests := []struct {
		name, got, want string
	}{
		{"one value", en.accessedOn.fill("Date", "Nov 20, 2026"), "accessed Nov 20, 2026"},
		{"two values", fr.ratingChange.fill("Old", "Faux", "New", "Vrai"), "évaluation passée de «\u00a0Faux\u00a0» à «\u00a0Vrai\u00a0»."},
		{"values given in another order", en.page.fill("Pages", "9", "Page", "2"), "Page 2 of 9"},
		{"a value that looks like a template", fr.quoted.fill("Text", "{{.Text}} {{template \"x\"}}"), "«\u00a0{{.Text}} {{template \"x\"}}\u00a0»"},
		{"a value that holds the hole mark", en.claimTitle.fill("Number", hole+"Number"+hole), "Claim " + hole + "Number" + hole},
		{"a missing value", en.page.fill("Page", "1"), "Page 1 of "},
		{"French colon", fr.field.fill("Label", "Adresse"), "Adresse\u00a0:"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
