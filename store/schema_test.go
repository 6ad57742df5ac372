package store

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/internal/wire"

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

// Before a migration changes a file, a copy of it as it was is kept beside
// it, and the opened database says where, once.
func TestUpgradeKeepsTheFileAsItWas(t *testing.T) {
	path, oldHead := fixtureCopy(t, fixtureV3, "old.db")
	db := mustOpenPath(t, path, "")
	up := db.Upgrade()
	want := filepath.Join(filepath.Dir(path), "old.schema-3.db")
	if up.FromSchema != 3 || up.ToSchema != int(SchemaVersion) || up.SafetyCopy != want {
		t.Fatalf("Upgrade() = %+v, want from 3 to %d kept as %s", up, SchemaVersion, want)
	}
	b, err := bolt.Open(up.SafetyCopy, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = b.View(func(btx *bolt.Tx) error {
		if v, ok := readVersion(btx); !ok || v != 3 || string(btx.Bucket(bucketMeta).Get(metaHistoryHead)) != oldHead {
			t.Errorf("the safety copy is at schema %d (%v), head %q; want the file as it was", v, ok, btx.Bucket(bucketMeta).Get(metaHistoryHead))
		}
		return nil
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	again := mustOpenPath(t, path, "")
	if up := again.Upgrade(); up != (claims.Upgrade{}) {
		t.Errorf("a current file says it was upgraded: %+v", up)
	}
}

// A safety copy never replaces another: the next free name is taken, and
// a file with no free name left is refused as it was.
func TestUpgradeNeverOverwritesASafetyCopy(t *testing.T) {
	path, _ := fixtureCopy(t, fixtureV3, "old.db")
	dir := filepath.Dir(path)
	taken := []string{"old.schema-3.db"}
	for n := 2; n <= 100; n++ {
		taken = append(taken, fmt.Sprintf("old.schema-3 (%d).db", n))
	}
	for _, name := range taken[:len(taken)-1] {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("a copy of mine"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := mustOpenPath(t, path, "")
	if got := db.Upgrade().SafetyCopy; got != filepath.Join(dir, taken[len(taken)-1]) {
		t.Fatalf("safety copy at %s, want the last free name", got)
	}
	db.Close()
	if raw, _ := os.ReadFile(filepath.Join(dir, taken[0])); string(raw) != "a copy of mine" {
		t.Fatal("a safety copy replaced a file already there")
	}

	full, _ := fixtureCopy(t, fixtureV3, "old.db")
	for _, name := range taken {
		if err := os.WriteFile(filepath.Join(filepath.Dir(full), name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before := fileHash(t, full)
	if _, err := Open(full, Options{}); err == nil || !strings.Contains(claims.ErrorMessage(err), "100 such copies") {
		t.Fatalf("Open with no free name = %v", err)
	}
	if fileHash(t, full) != before {
		t.Error("the file changed though no safety copy could be kept")
	}
}

// A file whose folder cannot take the safety copy is not migrated: it is
// refused, as it was.
func TestUpgradeRefusedWithoutItsSafetyCopy(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root writes into any folder")
	}
	path, _ := fixtureCopy(t, fixtureV3, "old.db")
	before := fileHash(t, path)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(claims.ErrorMessage(err), "a copy of it as it is kept first") {
		t.Fatalf("Open = %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed though its safety copy could not be written")
	}
}

const fixtureV4 = "testdata/schema-v4.db" // schema-v3.db as a ClaimDesk of schema 4 left it

// bucketContents reads every key and value of the file's buckets but the
// claim summaries, whose format changed with schema 5; records, whose form
// changed with schema 6, are read in the JSON form.
func bucketContents(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	out := map[string]map[string]string{}
	err = b.View(func(btx *bolt.Tx) error {
		return btx.ForEach(func(name []byte, bucket *bolt.Bucket) error {
			if bytes.Equal(name, bucketSummaries) {
				return nil
			}
			kv := map[string]string{}
			out[string(name)] = kv
			records := isRecordBucket(name)
			return bucket.ForEach(func(k, v []byte) error {
				switch {
				case bytes.Equal(k, metaSchemaVersion):
				case records || bytes.Equal(name, bucketMeta) && bytes.Equal(k, metaSettings):
					kv[string(k)] = string(jsonOf(t, v))
				default:
					kv[string(k)] = string(v)
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func isRecordBucket(name []byte) bool {
	for _, b := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections} {
		if bytes.Equal(name, b) {
			return true
		}
	}
	return false
}

// A merged file of schema 4 with an open conflict opens at the current
// schema with every record, event, version set aside and setting as it was,
// byte for byte (records read in the JSON form they had), and the new
// indexes answer for it.
func TestMigrateFromSchemaV4FixtureLosesNothing(t *testing.T) {
	path, _ := fixtureCopy(t, fixtureV4, "v4.db")
	before := bucketContents(t, path)
	db := mustOpenPath(t, path, "")
	ctx := context.Background()
	if up := db.Upgrade(); up.FromSchema != 4 {
		t.Errorf("Upgrade() = %+v, want from schema 4", up)
	}
	if report, err := db.Check(ctx); err != nil || !report.OK() || len(report.History.Heads) != 2 {
		t.Fatalf("check after migration: %+v, %v", report, err)
	}
	if conflicts, err := db.FindConflicts(ctx); err != nil || len(conflicts) != 1 {
		t.Fatalf("conflicts after migration: %+v, %v", conflicts, err)
	}
	assertIndexAnswersAsScan(t, db)
	db.Close()
	assertRecordsBinary(t, path)
	after := bucketContents(t, path)
	for name, kv := range before {
		for k, v := range kv {
			if after[name][k] != v {
				t.Errorf("bucket %s, key %x changed in the migration", name, k)
			}
		}
	}
}

// The history of a file of schema 4 or 5 goes on in the binary form: the
// chain crosses from the JSON events to the binary ones and verifies, in the
// file, in its dump restored, and merged with a copy still at schema 4.
func TestHistoryCrossesFromJSONToBinaryEvents(t *testing.T) {
	path, _ := fixtureCopy(t, fixtureV4, "v4.db")
	older, _ := fixtureCopy(t, fixtureV4, "older.db")
	db := mustOpenPath(t, path, "")
	ctx := context.Background()
	src := &claims.Source{Type: claims.SourceReport, Title: "Rapport", Publisher: "Ministère", Reliability: claims.ReliabilityB}
	if err := db.CreateSource(as("Alice"), src); err != nil {
		t.Fatal(err)
	}
	forms := map[bool]int{} // binary → events
	err := db.bolt.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			_, header, _, current, err := splitEvent(v)
			forms[current && claims.IsWireHeader(header)]++
			return err
		})
	})
	if err != nil || forms[true] != 1 || forms[false] == 0 {
		t.Fatalf("events by form (binary: true) = %v, %v; want the new one alone binary", forms, err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	again, err := Restore(ctx, restored, bytes.NewReader(dumpOf(t, db, claims.CaseFilter{})), Options{Now: tickingClock()})
	if err != nil {
		t.Fatalf("restore the dump: %v", err)
	}
	defer again.Close()
	if _, err := db.Merge(as("Alice"), older); err != nil {
		t.Fatalf("merge a copy at schema 4: %v", err)
	}
	for name, d := range map[string]*DB{"file": db, "restored dump": again} {
		if check, err := d.VerifyHistory(ctx); err != nil || !check.OK() {
			t.Errorf("%s: history %+v, %v", name, check, err)
		}
	}
}

// assertRecordsBinary checks that every record of the file at path is in
// the binary form.
func assertRecordsBinary(t *testing.T, path string) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(btx *bolt.Tx) error {
		return btx.ForEach(func(name []byte, bucket *bolt.Bucket) error {
			if !isRecordBucket(name) {
				return nil
			}
			return bucket.ForEach(func(k, v []byte) error {
				if !wire.IsArray(v) {
					t.Errorf("%s %x is not in the binary form", name, k)
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
