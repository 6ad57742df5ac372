package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/store"
)

// A command that opens a file from an older ClaimDesk says that it updated
// it, and where the file as it was is kept.
func TestCommandsSayTheyUpdatedAnOldFile(t *testing.T) {
	raw, err := os.ReadFile("../store/testdata/schema-v4.db")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "case.db")
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, status := runIn(t, "claims", "--db", db)
	want := fmt.Sprintf("was updated to open here (schema 4 to %d); the file as it was is kept as %s",
		store.SchemaVersion, filepath.Join(filepath.Dir(db), "case.schema-4.db"))
	if status != 0 || !strings.Contains(stderr, want) {
		t.Fatalf("status %d, stderr %q; want it to say %q", status, stderr, want)
	}
	if _, stderr, _ := runIn(t, "claims", "--db", db); stderr != "" {
		t.Errorf("the second command still speaks of an update: %q", stderr)
	}
}
