package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/store"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSaveACopyForOutsideTheNewsroom(t *testing.T) {
	st := sampleStore(t)
	ctx := claims.NewContext(context.Background(), "Alice")
	sums, _, _ := st.FindClaimSummaries(ctx, claims.ClaimFilter{})
	secret := &claims.Source{Type: claims.SourceInterview, Title: "Colonel X", Reliability: claims.ReliabilityB, Protected: true}
	if err := st.AddSourceWithEvidence(ctx, secret, &claims.Evidence{ClaimID: sums[0].ID, Stance: claims.StanceSupports}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, st, "Alice")
	path := filepath.Join(t.TempDir(), "outside.db")
	choose(t, path)
	ui.saveCopy()
	test.Tap(formItem(t, ui, "").(*widget.Check))
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choose file…")
	copied, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer copied.Close()
	if s, err := copied.FindSourceByID(ctx, secret.ID); err != nil || s.Title != "Protected source" {
		t.Fatalf("the protected source in the copy = %+v, %v", s, err)
	}
	if !strings.Contains(ui.status.Text, "outside.db") {
		t.Errorf("status = %q", ui.status.Text)
	}
}

// TestMergeFromAColleagueAndResolveTheConflict merges a copy in which Bob
// changed the same claim as Alice, then settles it in the conflict dialog.
func TestMergeFromAColleagueAndResolveTheConflict(t *testing.T) {
	dir := t.TempDir()
	base, _, _ := openSample(t, store.Options{})
	ctx := context.Background()
	sums, _, _ := base.FindClaimSummaries(ctx, claims.ClaimFilter{Query: "11 000"})
	id := sums[0].ID
	bobPath := filepath.Join(dir, "bob.db")
	if err := base.SaveCopy(ctx, bobPath, claims.CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	bob, err := store.Open(bobPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bobCtx := claims.NewContext(ctx, "Bob")
	for _, s := range []string{"Brouillon de Bob", "Résumé de Bob"} {
		if _, err := bob.UpdateClaim(bobCtx, id, claims.ClaimUpdate{Summary: &s}); err != nil {
			t.Fatal(err)
		}
	}
	bob.Close()
	tags := []string{"alice"}
	if _, err := base.UpdateClaim(claims.NewContext(ctx, "Alice"), id, claims.ClaimUpdate{Tags: &tags}); err != nil {
		t.Fatal(err)
	}

	ui := newTestUI(t, base, "Alice")
	choose(t, bobPath)
	ui.mergeFrom()
	if !dialogSays(ui, "Review the conflicts now?") && len(ui.conflicts) != 1 {
		t.Fatalf("conflicts after the merge: %d", len(ui.conflicts))
	}
	if !ui.list.conflicts[id] {
		t.Fatal("the claim in conflict is not marked in the list")
	}
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Yes")
	view := ui.conflictView
	if view == nil || len(view.choices) != 2 {
		t.Fatalf("the conflict dialog shows %v", view)
	}
	// Combine Bob's summary with Alice's tags, whichever version was kept.
	if view.conflict.Kept.By == "Alice" {
		view.choices["summary"].SetSelected(takeOther)
	} else {
		view.choices["tags"].SetSelected(takeOther)
	}
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Resolve")
	c, _ := base.FindClaimByID(ctx, id)
	if c.Summary != "Résumé de Bob" || len(c.Tags) != 1 || c.Tags[0] != "alice" {
		t.Fatalf("resolved claim: %q %v", c.Summary, c.Tags)
	}
	if len(ui.conflicts) != 0 || ui.list.conflicts[id] {
		t.Fatal("the conflict is still shown after resolving it")
	}
}

func TestBackgroundCheckSpeaksUpOnlyWhenSomethingIsWrong(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	if !strings.Contains(ui.status.Text, "file checked") {
		t.Fatalf("status after a sound check = %q", ui.status.Text)
	}
	if ui.window.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog opened for a sound file")
	}
	dir := t.TempDir()
	warned := filepath.Join(dir, "Dropbox", "case.db")
	os.MkdirAll(filepath.Dir(warned), 0o755)
	ui.opts.Warn = store.LocationWarning
	ui.path = warned
	ui.warnAboutLocation()
	if !dialogSays(ui, store.LocationWarning(warned)) {
		t.Fatal("no warning about the synced folder")
	}
}
