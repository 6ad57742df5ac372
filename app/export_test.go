package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// publishOne publishes the sample's "11 000" claim, drafted by Alice and
// approved by Bob, and returns its ID.
func publishOne(t *testing.T, st claims.Store) string {
	t.Helper()
	ctx := context.Background()
	sums, _, _ := st.FindClaimSummaries(ctx, claims.ClaimFilter{Query: "11 000"})
	id := sums[0].ID
	alice, bob := claims.NewContext(ctx, "Alice"), claims.NewContext(ctx, "Bob")
	if _, err := st.SetVerdict(alice, id, claims.Verdict{Rating: "vrai", Explanation: "Chiffre officiel."}, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReviewClaim(bob, id, claims.Review{Decision: claims.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PublishClaim(bob, id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestExportFromTheWindow(t *testing.T) {
	st := sampleStore(t)
	id := publishOne(t, st)
	ui := newTestUI(t, st, "Alice")
	ui.sidebar.list.Select(1)

	// Publication settings first: ClaimReview needs the verdicts' address.
	ui.editPublication()
	test.Type(formItem(t, ui, "Organisation").(*widget.Entry), "Vérif Desk")
	test.Type(formItem(t, ui, "Published at").(*widget.Entry), "https://verif.example.fr/otan")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Save")
	if s, _ := st.Settings(context.Background()); s.Organization != "Vérif Desk" || s.BaseURL != "https://verif.example.fr/otan" || !s.RequireSecondReviewer {
		t.Fatalf("settings = %+v", s)
	}

	path := filepath.Join(t.TempDir(), "otan.jsonld")
	choose(t, path)
	ui.exportReport()
	if scope := formItem(t, ui, "Claims from").(*widget.Select); !strings.HasPrefix(scope.Selected, "This article: Quelles") {
		t.Fatalf("the scope proposed is %q, want the selected article", scope.Selected)
	}
	formItem(t, ui, "Format").(*widget.Select).SetSelected("ClaimReview JSON-LD")
	test.Tap(formItem(t, ui, "").(*widget.Check))
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choose file…")

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil || doc["url"] != "https://verif.example.fr/otan#claim-"+id {
		t.Fatalf("exported %s: %v", raw, err)
	}
	if !strings.Contains(ui.status.Text, "otan.jsonld") {
		t.Errorf("status line = %q", ui.status.Text)
	}
}

func TestExportErrorsReachTheUser(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	path := filepath.Join(t.TempDir(), "x.jsonld")
	choose(t, path)
	ui.exportReport()
	formItem(t, ui, "Format").(*widget.Select).SetSelected("ClaimReview JSON-LD")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choose file…")
	if !dialogSays(ui, "ClaimReview needs the address of each verdict: set the base URL where your verdicts are published first (Edit > Publication settings, or claimdesk settings --base-url).") {
		t.Fatal("no dialog explaining why ClaimReview cannot be written")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a failed export left a file")
	}
}

func TestExportDialogProposesTheReportLanguage(t *testing.T) {
	tests := []struct {
		name       string
		ui         string // the interface's language
		oneArticle bool
		label      string // the language field's label
		want       string
	}{
		{"an article's report speaks the article's language", locale.English, true, "Report language", "French"},
		{"a report of everything speaks the interface's", locale.English, false, "Report language", "English"},
		{"in French too", locale.French, false, "Langue du rapport", "français"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ui := newTestUIIn(t, sampleStore(t), "Alice", tt.ui)
			if tt.oneArticle {
				ui.sidebar.list.Select(1)
			}
			ui.exportReport()
			if got := formItem(t, ui, tt.label).(*widget.Select).Selected; got != tt.want {
				t.Errorf("the dialog proposes %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExportDialogLanguageFollowsScopeAndFormat(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	ui.sidebar.list.Select(1)
	ui.exportReport()
	scope, language := formItem(t, ui, "Claims from").(*widget.Select), formItem(t, ui, "Report language").(*widget.Select)
	scope.SetSelectedIndex(0)
	if language.Selected != "English" {
		t.Errorf("all articles proposes %q, want the interface's English", language.Selected)
	}
	scope.SetSelectedIndex(1)
	if language.Selected != "French" {
		t.Errorf("the article proposes %q, want its French", language.Selected)
	}
	format := formItem(t, ui, "Format").(*widget.Select)
	format.SetSelected("ClaimReview JSON-LD")
	if !language.Disabled() {
		t.Error("ClaimReview has no words to translate, but the language can be chosen")
	}
	format.SetSelected("CSV spreadsheet")
	if language.Disabled() {
		t.Error("the CSV's language cannot be chosen")
	}
}

func TestExportHTMLInFrenchFromAnEnglishWindow(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	path := filepath.Join(t.TempDir(), "rapport.html")
	choose(t, path)
	ui.exportReport()
	formItem(t, ui, "Format").(*widget.Select).SetSelected("HTML report")
	formItem(t, ui, "Report language").(*widget.Select).SetSelected("French")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choose file…")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="fr">`, "<h2>Méthodologie</h2>", "<th>Affirmation</th>"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	if want := "Exported HTML report to " + path + "."; ui.status.Text != want {
		t.Errorf("status line = %q, want %q", ui.status.Text, want)
	}
}

func TestExportDialogInFrench(t *testing.T) {
	ui := newTestUIIn(t, sampleStore(t), "Alice", locale.French)
	path := filepath.Join(t.TempDir(), "rapport.md")
	choose(t, path)
	ui.exportReport()
	format := formItem(t, ui, "Format").(*widget.Select)
	if format.Options[0] != "Rapport HTML" {
		t.Errorf("the first format is %q, want it named in French", format.Options[0])
	}
	format.SetSelected("Rapport Markdown")
	formItem(t, ui, "Langue du rapport").(*widget.Select).SetSelected("anglais")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choisir le fichier…")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "\n## Methodology\n") {
		t.Error("the report asked for in English from a French window is not in English")
	}
	if !strings.HasPrefix(ui.status.Text, "Exporté vers ") {
		t.Errorf("status line = %q, want it in French", ui.status.Text)
	}
}
