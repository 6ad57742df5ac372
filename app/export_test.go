package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"

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
