package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// copyDB copies a closed database file, as e-mailing it would.
func copyDB(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
}

// editor makes random edits of the kinds fact-checkers make.
type editor struct {
	t    *testing.T
	db   *DB
	rng  *rand.Rand
	name string
}

func (e *editor) claimIDs() []string {
	sums, _, _ := e.db.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	return ids
}

func (e *editor) edit(articleID string) {
	ctx := as(e.name)
	ids := e.claimIDs()
	if len(ids) == 0 {
		return
	}
	id := ids[e.rng.IntN(len(ids))]
	var err error
	switch e.rng.IntN(6) {
	case 0:
		tags := []string{fmt.Sprintf("%s-%d", e.name, e.rng.IntN(1000))}
		_, err = e.db.UpdateClaim(ctx, id, claims.ClaimUpdate{Tags: &tags})
	case 1:
		summary := fmt.Sprintf("Résumé de %s n° %d", e.name, e.rng.IntN(1000))
		_, err = e.db.UpdateClaim(ctx, id, claims.ClaimUpdate{Summary: &summary})
	case 2:
		rating := []string{"vrai", "faux", "trompeur"}[e.rng.IntN(3)]
		_, err = e.db.SetVerdict(ctx, id, claims.Verdict{Rating: rating, Explanation: "Selon " + e.name + "."}, "raison", "")
	case 3:
		if len(ids) > 1 {
			err = e.db.DeleteClaim(ctx, id)
		}
	case 4:
		src := &claims.Source{Type: claims.SourceWebpage, Title: "Source de " + e.name, Reliability: claims.ReliabilityC}
		err = e.db.AddSourceWithEvidence(ctx, src, &claims.Evidence{ClaimID: id, Excerpt: e.name, Stance: claims.StanceContext})
	case 5:
		c := &claims.Claim{ArticleID: articleID, Text: "Jens Stoltenberg a déclaré", Kind: claims.KindQuote}
		err = e.db.CreateClaim(ctx, c)
	}
	if err != nil && claims.ErrorCode(err) != claims.ECONFLICT {
		e.t.Fatalf("%s's edit: %v", e.name, err)
	}
}

// content is what a merge must agree on: every record's current version,
// the versions set aside, the reviews, corrections and history events
// (the merge's own event aside, which says who merged when).
func content(t *testing.T, db *DB) string {
	t.Helper()
	var out []string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections, bucketSummaries, bucketArticleClaims, bucketClaimEvidence, bucketSourceUses} {
			_ = tx.Bucket(b).ForEach(func(k, v []byte) error {
				out = append(out, fmt.Sprintf("%s %x %s", b, k, v))
				return nil
			})
		}
		_ = tx.Bucket(bucketConflicts).ForEach(func(k, v []byte) error {
			var list []setAside
			_ = json.Unmarshal(v, &list)
			for _, a := range list {
				out = append(out, fmt.Sprintf("conflict %x %s", k, revisionOf(a.Record)))
			}
			return nil
		})
		out = append(out, "settings "+string(tx.Bucket(bucketMeta).Get(metaSettings)))
		return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			if se, err := decodeEvent(k, v); err != nil || se.event.Action != "file.merge" {
				out = append(out, fmt.Sprintf("event %x", k))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}

func keysOf(t *testing.T, db *DB) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections, bucketEvents} {
			_ = tx.Bucket(b).ForEach(func(k, _ []byte) error {
				keys[fmt.Sprintf("%s %x", b, k)] = true
				return nil
			})
		}
		return nil
	})
	return keys
}

// TestMergeProperties edits two copies of one database at random, then
// checks that merging is commutative and idempotent and loses nothing.
func TestMergeProperties(t *testing.T) {
	conflicts := 0
	for seed := uint64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			dir := t.TempDir()
			base := mustOpenPath(t, filepath.Join(dir, "base.db"), claims.LangFrench)
			a, _ := mustImport(t, base, "plus de 11 000 conteneurs de munitions", "la Chine alimentait la guerre", "son premier voyage en Corée du Nord")
			base.Close()
			paths := map[string]string{}
			for _, name := range []string{"alice", "bob"} {
				paths[name] = filepath.Join(dir, name+".db")
				copyDB(t, filepath.Join(dir, "base.db"), paths[name])
				db := mustOpenPath(t, paths[name], claims.LangFrench)
				rng := rand.New(rand.NewPCG(seed, uint64(len(name))))
				ed := &editor{t: t, db: db, rng: rng, name: name}
				for i := 0; i < 8+rng.IntN(8); i++ {
					ed.edit(a.ID)
				}
				db.Close()
			}
			merged := map[string]*DB{}
			for _, order := range [][2]string{{"alice", "bob"}, {"bob", "alice"}} {
				into := filepath.Join(dir, order[0]+"+"+order[1]+".db")
				copyDB(t, paths[order[0]], into)
				db := mustOpenPath(t, into, claims.LangFrench)
				if _, err := db.Merge(as("Merger"), paths[order[1]]); err != nil {
					t.Fatalf("merge %s into %s: %v", order[1], order[0], err)
				}
				merged[order[0]] = db
			}
			ab, ba := merged["alice"], merged["bob"]
			found, _ := ab.FindConflicts(context.Background())
			conflicts += len(found)
			if content(t, ab) != content(t, ba) {
				t.Fatal("merge(alice, bob) and merge(bob, alice) differ")
			}
			before := dumpOf(t, ab, claims.CaseFilter{})
			report, err := ab.Merge(as("Merger"), paths["bob"])
			if err != nil || report.Changed() {
				t.Fatalf("merging again: %+v, %v", report, err)
			}
			if !bytes.Equal(before, dumpOf(t, ab, claims.CaseFilter{})) {
				t.Fatal("merging a second time changed the file")
			}
			all := keysOf(t, ab)
			for _, name := range []string{"alice", "bob"} {
				db := mustOpenPath(t, paths[name], claims.LangFrench)
				for k := range keysOf(t, db) {
					if !all[k] {
						t.Fatalf("%s's record %s is missing from the merge", name, k)
					}
				}
				db.Close()
			}
			for _, db := range []*DB{ab, ba} {
				report, err := db.Check(context.Background())
				if err != nil || !report.OK() {
					t.Fatalf("the merged file does not check: %+v %+v, %v", report.Problems, report.History.Broken, err)
				}
				assertIndexAnswersAsScan(t, db)
			}
		})
	}
	if conflicts == 0 {
		t.Fatal("no seed made a conflict: the properties were not tested on conflicts")
	}
	t.Logf("%d conflicts over the seeds", conflicts)
}

// twoCopies returns a base database with one claim, copied for Alice and
// Bob, each open.
func twoCopies(t *testing.T) (alice, bob *DB, claimID string, bobPath string) {
	t.Helper()
	dir := t.TempDir()
	base := mustOpenPath(t, filepath.Join(dir, "base.db"), claims.LangFrench)
	_, list := mustImport(t, base, "plus de 11 000 conteneurs de munitions")
	base.Close()
	copyDB(t, filepath.Join(dir, "base.db"), filepath.Join(dir, "alice.db"))
	copyDB(t, filepath.Join(dir, "base.db"), filepath.Join(dir, "bob.db"))
	alice = mustOpenPath(t, filepath.Join(dir, "alice.db"), claims.LangFrench)
	bob = mustOpenPath(t, filepath.Join(dir, "bob.db"), claims.LangFrench)
	return alice, bob, list[0].ID, filepath.Join(dir, "bob.db")
}

func setTags(t *testing.T, db *DB, who, id string, tags ...string) {
	t.Helper()
	if _, err := db.UpdateClaim(as(who), id, claims.ClaimUpdate{Tags: &tags}); err != nil {
		t.Fatal(err)
	}
}

// mergeFrom closes other, so its file can be read, and merges it into db.
func mergeFrom(t *testing.T, db, other *DB, path string) *claims.MergeReport {
	t.Helper()
	other.Close()
	report, err := db.Merge(as("Alice"), path)
	if err != nil {
		t.Fatal(err)
	}
	return report
}

func TestMergeTakesTheOnlySideThatChanged(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	setTags(t, bob, "Bob", id, "vérifié-par-bob")
	report := mergeFrom(t, alice, bob, bobPath)
	if report.Updated["claim"] != 1 || len(report.Conflicts) != 0 || report.Events == 0 {
		t.Fatalf("report = %+v", report)
	}
	c, _ := alice.FindClaimByID(context.Background(), id)
	if len(c.Tags) != 1 || c.Tags[0] != "vérifié-par-bob" || c.Meta.UpdatedBy != "Bob" {
		t.Fatalf("the claim after the merge = %+v", c)
	}
	events, _ := alice.FindEvents(context.Background(), claims.EventFilter{ClaimID: id})
	found := false
	for _, e := range events {
		found = found || (e.Actor == "Bob" && e.Action == "claim.update")
	}
	if !found {
		t.Fatalf("Bob's edit is not in the claim's history: %+v", events)
	}
	// Alice keeps working on the merged file; both chains still verify.
	setTags(t, alice, "Alice", id, "publié")
	if check, _ := alice.VerifyHistory(context.Background()); !check.OK() || len(check.Heads) != 2 {
		t.Fatalf("history after the merge: %+v", check)
	}
}

func TestConcurrentEditsAreAConflictToResolve(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	setTags(t, alice, "Alice", id, "alice")
	draft, summary := "Brouillon de Bob", "Résumé de Bob"
	for _, s := range []*string{&draft, &summary} { // Bob's second edit comes after Alice's on the clock
		if _, err := bob.UpdateClaim(as("Bob"), id, claims.ClaimUpdate{Summary: s}); err != nil {
			t.Fatal(err)
		}
	}
	report := mergeFrom(t, alice, bob, bobPath)
	if len(report.Conflicts) != 1 {
		t.Fatalf("report = %+v", report)
	}
	conflicts, err := alice.FindConflicts(context.Background())
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("FindConflicts = %+v, %v", conflicts, err)
	}
	c := conflicts[0]
	if c.RecordType != "claim" || c.RecordID != id || c.ClaimID != id {
		t.Fatalf("conflict = %+v", c)
	}
	// Bob's edit came later on the clock, so his version is kept.
	if c.Kept.By != "Bob" || c.Other.By != "Alice" {
		t.Fatalf("kept by %s, set aside by %s", c.Kept.By, c.Other.By)
	}
	if got := fmt.Sprint(c.Differing()); got != "[summary tags]" {
		t.Fatalf("differing fields = %s", got)
	}
	// Combine: Bob's summary, Alice's tags.
	if err := alice.ResolveConflict(as("Alice"), id, []claims.Field{claims.FieldTags}); err != nil {
		t.Fatal(err)
	}
	got, _ := alice.FindClaimByID(context.Background(), id)
	if got.Summary != summary || len(got.Tags) != 1 || got.Tags[0] != "alice" {
		t.Fatalf("resolved claim = %q %v", got.Summary, got.Tags)
	}
	if left, _ := alice.FindConflicts(context.Background()); len(left) != 0 {
		t.Fatalf("conflicts left: %+v", left)
	}
	// The resolution descends from both versions: merging Bob again is no news.
	if again, err := alice.Merge(as("Alice"), bobPath); err != nil || again.Changed() {
		t.Fatalf("merging again after resolving: %+v, %v", again, err)
	}
	if err := alice.ResolveConflict(as("Alice"), id, nil); claims.ErrorCode(err) != claims.ENOTFOUND {
		t.Fatalf("resolving twice: %v", err)
	}
	if report, _ := alice.Check(context.Background()); !report.OK() {
		t.Fatalf("check after resolving: %+v", report.Problems)
	}
}

func TestTombstonesWinOverStaleEditsNotConcurrentOnes(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	if err := bob.DeleteClaim(as("Bob"), id); err != nil {
		t.Fatal(err)
	}
	report := mergeFrom(t, alice, bob, bobPath)
	if report.Updated["claim"] != 1 || len(report.Conflicts) != 0 {
		t.Fatalf("a deletion of an unchanged claim: %+v", report)
	}
	if _, err := alice.FindClaimByID(context.Background(), id); claims.ErrorCode(err) != claims.ENOTFOUND {
		t.Fatalf("the deleted claim came back: %v", err)
	}

	alice, bob, id, bobPath = twoCopies(t)
	setTags(t, alice, "Alice", id, "encore utile")
	if err := bob.DeleteClaim(as("Bob"), id); err != nil {
		t.Fatal(err)
	}
	report = mergeFrom(t, alice, bob, bobPath)
	if len(report.Conflicts) != 1 || fmt.Sprint(report.Conflicts[0].Differing()[:1]) != "[deleted]" {
		t.Fatalf("a deletion against a concurrent edit: %+v", report)
	}
}

func TestMergeRefusesBadFilesAndChangesNothing(t *testing.T) {
	alice, _, _, _ := twoCopies(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("not a database at all"), 0o600)
	foreign := filepath.Join(dir, "foreign.db")
	fdb, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	fdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	fdb.Close()
	before := dumpOf(t, alice, claims.CaseFilter{})
	for _, path := range []string{text, foreign, filepath.Join(dir, "missing.db")} {
		if _, err := alice.Merge(as("Alice"), path); err == nil {
			t.Errorf("merging %s succeeded", filepath.Base(path))
		}
	}
	if !bytes.Equal(before, dumpOf(t, alice, claims.CaseFilter{})) {
		t.Fatal("a refused merge changed the file")
	}
}

// A conflict left in one copy travels with it: merged into a third copy,
// it is shown there too, until someone settles it; once settled, merging
// the copy that still shows it does not bring it back.
func TestMergeCarriesConflictsNobodySettled(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	dir := filepath.Dir(bobPath)
	carolPath := filepath.Join(dir, "carol.db")
	copyDB(t, filepath.Join(dir, "base.db"), carolPath)
	setTags(t, alice, "Alice", id, "alice")
	setTags(t, bob, "Bob", id, "bob")
	mergeFrom(t, alice, bob, bobPath) // Alice's file now shows the conflict
	alicePath := alice.Path()
	carol := mustOpenPath(t, carolPath, claims.LangFrench)
	report := mergeFrom(t, carol, alice, alicePath)
	if len(report.Conflicts) != 1 {
		t.Fatalf("Carol's merge of Alice's copy reported %d conflicts, want Alice's one", len(report.Conflicts))
	}
	if list, _ := carol.FindConflicts(context.Background()); len(list) != 1 || list[0].RecordID != id {
		t.Fatalf("Carol's conflicts = %+v", list)
	}
	if err := carol.ResolveConflict(as("Carol"), id, nil); err != nil {
		t.Fatal(err)
	}
	again, err := carol.Merge(as("Carol"), alicePath)
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := carol.FindConflicts(context.Background()); len(list) != 0 || len(again.Conflicts) != 0 {
		t.Fatalf("merging Alice's copy again brought back %+v", list)
	}
}
