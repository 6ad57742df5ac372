package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

var writeFixture = flag.Bool("write-fixture", false, "rewrite testdata/schema-v1.db")

const fixtureV1 = "testdata/schema-v1.db"

// TestWriteFixtureV1 rewrites the schema 1 fixture when asked to: a file of
// the first schema, before claim summaries existed, with one article and
// three claims. Committed, it proves that files written long ago still open.
func TestWriteFixtureV1(t *testing.T) {
	if !*writeFixture {
		t.Skip("run with -write-fixture to rewrite " + fixtureV1)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	db := mustOpenPath(t, path, claims.LangFrench)
	mustImport(t, db, "premier voyage en Corée du Nord", "plus de 11 000 conteneurs de munitions", "la Chine alimentait la guerre")
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketSummaries); err != nil {
			return err
		}
		return putVersion(tx, 1)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fixtureV1, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromSchemaV1Fixture(t *testing.T) {
	raw, err := os.ReadFile(fixtureV1)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	db := mustOpenPath(t, path, "")
	var version uint64
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		version, _ = readVersion(tx)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion {
		t.Fatalf("schema after migration = %d, want %d", version, SchemaVersion)
	}
	ctx := context.Background()
	full, _, err := db.FindClaims(ctx, claims.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sums, _, err := db.FindClaimSummaries(ctx, claims.ClaimFilter{Query: "coree"})
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 3 || len(sums) != 1 || sums[0].Summary != full[0].Summary {
		t.Fatalf("after migration: %d claims, %d summaries matching 'coree'; want 3 and 1", len(full), len(sums))
	}
	check, err := db.VerifyHistory(ctx)
	if err != nil || !check.OK() {
		t.Fatalf("history after migration: %+v, %v", check, err)
	}
}

// The schema 3 fixtures were written by ClaimDesk at schema 3: a case with
// a protected source, two copies that diverged and merged (a conflict,
// merged chains), and the copy for outside the newsroom made of it, whose
// history withholds the events about the protected source.
const (
	fixtureV3        = "testdata/schema-v3.db"
	fixtureV3Outside = "testdata/schema-v3-outside.db"
)

// fixtureCopy copies a fixture into the test's folder, as a file e-mailed
// from an older ClaimDesk arrives, and returns the copy's path and the
// history head it had.
func fixtureCopy(t *testing.T, fixture, name string) (path, head string) {
	t.Helper()
	raw, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *bolt.Tx) error {
		head = string(tx.Bucket(bucketMeta).Get(metaHistoryHead))
		return nil
	})
	if err != nil || head == "" {
		t.Fatalf("the fixture's head: %q, %v", head, err)
	}
	return path, head
}

// A file from schema 3 opens at schema 4 with every event rewritten to
// commit to its body: the history verifies, merged chains and the conflict
// included, and the head it had is still found by its old hash.
func TestMigrateFromSchemaV3Fixture(t *testing.T) {
	path, oldHead := fixtureCopy(t, fixtureV3, "old.db")
	db := mustOpenPath(t, path, "")
	ctx := context.Background()
	check, err := db.VerifyHistory(ctx)
	if err != nil || !check.OK() || len(check.Heads) != 2 {
		t.Fatalf("history after migration: %+v, %+v, %v; want two verified chains", check, check.Broken, err)
	}
	e, err := db.FindEventByHash(ctx, oldHead)
	if err != nil || e.LegacyHash != oldHead || e.Hash == oldHead {
		t.Fatalf("the old head is event %+v, %v", e, err)
	}
	if report, err := db.Check(ctx); err != nil || !report.OK() {
		t.Fatalf("check after migration: %+v, %v", report, err)
	}
	if conflicts, err := db.FindConflicts(ctx); err != nil || len(conflicts) != 1 {
		t.Fatalf("conflicts after migration: %+v, %v", conflicts, err)
	}
	events, _ := db.FindEvents(ctx, claims.EventFilter{})
	for _, e := range events {
		if e.LegacyHash == "" || e.BodyHash != e.ComputeBodyHash() {
			t.Fatalf("event %s was not rewritten: %+v", e.ID, e)
		}
	}
}

// Two copies of a schema 3 file, each opened, and so rewritten, on its own
// laptop, hold the same history, so they still merge: and a copy not yet
// opened by a newer ClaimDesk merges as well.
func TestCopiesRewrittenApartStillMerge(t *testing.T) {
	alicePath, _ := fixtureCopy(t, fixtureV3, "alice.db")
	bobPath, _ := fixtureCopy(t, fixtureV3, "bob.db")
	oldPath, _ := fixtureCopy(t, fixtureV3, "unopened.db")
	alice := mustOpenPath(t, alicePath, "")
	bob := mustOpenPath(t, bobPath, "")
	report, err := alice.Merge(as("Alice"), oldPath)
	if err != nil || report.Changed() {
		t.Fatalf("merging the unopened copy of the same file: %+v, %v", report, err)
	}
	list, _, _ := bob.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
	setTags(t, bob, "Bob", list[1].ID, "après")
	report = mergeFrom(t, alice, bob, bobPath)
	if report.Updated["claim"] != 1 || report.Events != 1 || len(report.Conflicts) != 0 {
		t.Fatalf("merging Bob's rewritten copy: %+v", report)
	}
	if check, _ := alice.VerifyHistory(context.Background()); !check.OK() {
		t.Fatalf("history after the merges: %+v", check.Broken)
	}
}

// A copy for outside the newsroom made by an older ClaimDesk withheld
// events with nothing that committed to what they showed: after migration
// its history says so, and nothing in it can be passed off as proven. It
// still merges back into the newsroom's own copy, where those events are
// whole.
func TestOutsideCopyFromSchemaV3(t *testing.T) {
	outsidePath, _ := fixtureCopy(t, fixtureV3Outside, "outside.db")
	ownPath, _ := fixtureCopy(t, fixtureV3, "own.db")
	outside := mustOpenPath(t, outsidePath, "")
	check, err := outside.VerifyHistory(context.Background())
	if err != nil || check.OK() || !strings.Contains(check.Broken.Reason.String(), "withheld by an older ClaimDesk") {
		t.Fatalf("the old outside copy's history: %+v, %v", check.Broken, err)
	}
	own := mustOpenPath(t, ownPath, "")
	outside.Close()
	report, err := own.Merge(as("Alice"), outsidePath)
	if err != nil || report.Events != 0 {
		t.Fatalf("merging the old outside copy back: %+v, %v", report, err)
	}
	if check, _ := own.VerifyHistory(context.Background()); !check.OK() {
		t.Fatalf("the newsroom's history after merging it back: %+v", check.Broken)
	}
}
