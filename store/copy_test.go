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

// A protected source's identity leaves in no part of a copy for outside:
// not in the record, nor in the versions a merge set aside (even when the
// kept version was unprotected by a colleague's concurrent edit), nor in
// the evidence that cites it, nor in the history, nor in any page of the
// file. The test searches the copy's raw bytes.
func TestCopyForOutsideLeavesNoTraceOfAProtectedSource(t *testing.T) {
	for name, bobUnprotects := range map[string]bool{"both keep it protected": false, "Bob unprotects it": true} {
		t.Run(name, func(t *testing.T) {
			alice, bob, claimID, bobPath := twoCopies(t)
			secret := &claims.Source{Type: claims.SourceInterview, Title: "Jean Dupont", Authors: []string{"Jean Dupont"},
				URL: "https://annuaire.example/dupont", Notes: "tél. 06 12 34 56 78", Reliability: claims.ReliabilityB, Protected: true}
			ev := &claims.Evidence{ClaimID: claimID, Excerpt: "il a vu les conteneurs", Locator: "appel avec Jean Dupont", Note: "rappeler au 06 12 34 56 78", Stance: claims.StanceSupports}
			if err := alice.AddSourceWithEvidence(as("Alice"), secret, ev); err != nil {
				t.Fatal(err)
			}
			alicePath := alice.Path()
			alice.Close()
			bob.Close()
			copyDB(t, alicePath, bobPath)
			alice, bob = mustOpenPath(t, alicePath, ""), mustOpenPath(t, bobPath, "")
			notes, title, locator := "Dupont, 06 12 34 56 78, joignable le soir", "Jean Dupont (ministère)", "second appel, Dupont"
			if _, err := alice.UpdateSource(as("Alice"), secret.ID, claims.SourceUpdate{Notes: &notes}); err != nil {
				t.Fatal(err)
			}
			if _, err := alice.UpdateEvidence(as("Alice"), ev.ID, claims.EvidenceUpdate{Locator: &locator}); err != nil {
				t.Fatal(err)
			}
			unprotected := !bobUnprotects
			if _, err := bob.UpdateSource(as("Bob"), secret.ID, claims.SourceUpdate{Title: &title, Protected: &unprotected}); err != nil {
				t.Fatal(err)
			}
			note := "Dupont préfère l'anonymat"
			if _, err := bob.UpdateEvidence(as("Bob"), ev.ID, claims.EvidenceUpdate{Note: &note}); err != nil {
				t.Fatal(err)
			}
			if report := mergeFrom(t, alice, bob, bobPath); len(report.Conflicts) != 2 {
				t.Fatalf("the merge made %d conflicts, want the source's and the evidence's", len(report.Conflicts))
			}
			out := filepath.Join(t.TempDir(), "outside.db")
			if err := alice.SaveCopy(as("Alice"), out, claims.CopyOptions{WithoutProtected: true}); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, leak := range []string{"Dupont", "06 12 34 56 78", "annuaire.example", "ministère"} {
				if i := bytes.Index(raw, []byte(leak)); i >= 0 {
					t.Errorf("the outside copy holds %q at byte %d: …%q…", leak, i, raw[max(0, i-60):min(len(raw), i+60)])
				}
			}
			copied := mustOpenPath(t, out, "")
			if report, err := copied.Check(context.Background()); err != nil || !report.OK() {
				t.Fatalf("the outside copy's check: %+v, %v", report, err)
			}
			conflicts, err := copied.FindConflicts(context.Background())
			if err != nil || len(conflicts) != 2 {
				t.Fatalf("the outside copy's conflicts: %+v, %v", conflicts, err)
			}
			// Merged back, the copy's redacted versions are no news.
			copied.Close()
			if report, err := alice.Merge(as("Alice"), out); err != nil || report.Changed() {
				t.Fatalf("merging the outside copy back: %+v, %v", report, err)
			}
			if s, _ := alice.FindSourceByID(context.Background(), secret.ID); s == nil || !strings.Contains(s.Title+s.Notes, "Dupont") {
				t.Fatalf("after merging the outside copy back, the source is %+v", s)
			}
		})
	}
}
