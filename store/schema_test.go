package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
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
