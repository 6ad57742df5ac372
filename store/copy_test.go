package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestSaveCopyIsCompactConsistentAndComplete(t *testing.T) {
	db, _ := richDB(t)
	ctx := context.Background()
	for i := 0; i < 40; i++ { // churn leaves free pages behind
		sums, _, _ := db.FindClaimSummaries(ctx, claims.ClaimFilter{})
		tags := []string{strings.Repeat("t", i+1)}
		if _, err := db.UpdateClaim(as("Alice"), sums[0].ID, claims.ClaimUpdate{Tags: &tags}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := db.SaveCopy(as("Alice"), out, claims.CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	copied, err := Open(out, Options{})
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer copied.Close()
	if !bytes.Equal(dumpOf(t, db, claims.CaseFilter{}), dumpOf(t, copied, claims.CaseFilter{})) {
		t.Fatal("the copy holds something else than the database")
	}
	orig, _ := os.Stat(db.Path())
	cp, _ := os.Stat(out)
	if cp.Size() >= orig.Size() {
		t.Errorf("the copy is %d bytes, the database %d: not compact", cp.Size(), orig.Size())
	}
	if check, _ := copied.VerifyHistory(ctx); !check.OK() {
		t.Fatalf("the copy's history: %+v", check.Broken)
	}
	if err := db.SaveCopy(as("Alice"), db.Path(), claims.CopyOptions{}); claims.ErrorCode(err) != claims.ECONFLICT {
		t.Fatalf("copying onto itself: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Fatalf("the copy left %d files behind", len(entries))
	}
}

func TestCopyForOutsideWithholdsProtectedSources(t *testing.T) {
	db, c := richDB(t)
	secret := &claims.Source{Type: claims.SourceInterview, Title: "Colonel X, confidential interview", URL: "https://secret.example/x",
		Notes: "phone +33 6", Reliability: claims.ReliabilityB, Protected: true}
	if err := db.AddSourceWithEvidence(as("Alice"), secret, &claims.Evidence{ClaimID: c.ID, Excerpt: "confirmed", Stance: claims.StanceSupports}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "outside.db")
	if err := db.SaveCopy(as("Alice"), out, claims.CopyOptions{WithoutProtected: true}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(out)
	for _, leak := range []string{"Colonel X", "secret.example", "+33 6"} {
		if bytes.Contains(raw, []byte(leak)) {
			t.Errorf("the outside copy still contains %q", leak)
		}
	}
	copied, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	got, err := copied.FindSourceByID(context.Background(), secret.ID)
	if err != nil || got.Title != "Protected source" || got.Reliability != claims.ReliabilityB || got.URL != "" {
		t.Fatalf("the protected source in the copy = %+v, %v", got, err)
	}
	check, _ := copied.VerifyHistory(context.Background())
	if !check.OK() {
		t.Fatalf("withholding broke the history: %+v", check.Broken)
	}
	events, _ := copied.FindEvents(context.Background(), claims.EventFilter{RecordID: secret.ID})
	if len(events) != 1 || !events[0].Withheld || events[0].Summary != "" {
		t.Fatalf("the source's event in the copy = %+v", events)
	}
	// A dump of the outside copy restores, withheld events and all.
	path := filepath.Join(t.TempDir(), "restored.db")
	restored, err := Restore(context.Background(), path, bytes.NewReader(dumpOf(t, copied, claims.CaseFilter{})), Options{})
	if err != nil {
		t.Fatalf("restore of the outside copy: %v", err)
	}
	restored.Close()
}
