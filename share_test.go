package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCopyMergeAndCheckFromTheCommandLine sends a copy to a colleague,
// lets both edit the same claim, merges the colleague's copy back and
// settles the conflict, all through the commands.
func TestCopyMergeAndCheckFromTheCommandLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	alice, bob := filepath.Join(dir, "alice.db"), filepath.Join(dir, "bob.db")
	mustRun(t, "init", "--db", alice)
	if out := mustRun(t, "backup", "--db", alice, bob); !strings.Contains(out, "Saved a copy") {
		t.Fatalf("backup printed %q", out)
	}
	id := listClaims(t, "--db", alice, "--query", "11 000")[0].ID
	mustRun(t, "claim", "move", "--db", alice, "--claim", id, "--to", "researching", "--as", "Alice")
	mustRun(t, "claim", "move", "--db", bob, "--claim", id, "--to", "not-check-worthy", "--as", "Bob")
	other := listClaims(t, "--db", bob, "--query", "Stoltenberg")[0].ID
	mustRun(t, "claim", "move", "--db", bob, "--claim", other, "--to", "researching", "--as", "Bob")

	out := mustRun(t, "merge", "--db", alice, bob, "--as", "Alice")
	if !strings.Contains(out, "1 claim updated") || !strings.Contains(out, "1 conflict(s)") {
		t.Fatalf("merge printed %q", out)
	}
	for _, c := range listClaims(t, "--db", alice, "--status", "researching") {
		if c.ID == other {
			other = ""
		}
	}
	if other != "" {
		t.Error("Bob's change to another claim did not come across")
	}
	if out := mustRun(t, "conflicts", "--db", alice); !strings.Contains(out, id) || !strings.Contains(out, "status") {
		t.Fatalf("conflicts printed %q", out)
	}
	mustRun(t, "resolve", "--db", alice, "--record", id, "--as", "Alice")
	if out := mustRun(t, "conflicts", "--db", alice); !strings.Contains(out, "No conflicts") {
		t.Fatalf("conflicts after resolving: %q", out)
	}
	if out := mustRun(t, "check", "--db", alice); !strings.Contains(out, "The file is sound") {
		t.Fatalf("check printed %q", out)
	}
	if out := mustRun(t, "merge", "--db", alice, bob); !strings.Contains(out, "Nothing new") {
		t.Fatalf("a second merge printed %q", out)
	}
}

func TestMergeRefusesADamagedFileThroughTheChildCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, "init", "--db", db)
	raw, _ := os.ReadFile(db)
	damaged := filepath.Join(dir, "damaged.db")
	os.WriteFile(damaged, raw[:len(raw)/3], 0o600)
	before := fileSum(t, db)
	assertUserError(t, claimdesk(t, "merge", "--db", db, damaged), "This file is damaged")
	if fileSum(t, db) != before {
		t.Error("a refused merge changed the database")
	}
	r := claimdesk(t, "--validate-file", damaged)
	if r.code != 1 || !strings.HasPrefix(r.stdout, "invalid\nThis file is damaged") {
		t.Errorf("the child check printed %q with exit %d", r.stdout, r.code)
	}
	if r := claimdesk(t, "--validate-file", db); r.code != 0 {
		t.Errorf("the child check refused a sound file: %q", r.stdout)
	}
}

// TestTrustedFilesSkipTheChildCheck: the program trusts a file it closed
// itself, as it left it, and checks in full one changed elsewhere.
func TestTrustedFilesSkipTheChildCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, "init", "--db", db)
	raw, err := os.ReadFile(filepath.Join(configHome, "ClaimDesk", "trusted-files.json"))
	if err != nil || !strings.Contains(string(raw), "x.db") {
		t.Fatalf("closing the database did not remember it: %s, %v", raw, err)
	}
	// Damage that only the deep check sees: a file changed elsewhere is not
	// trusted, so the child check runs and refuses it.
	data, _ := os.ReadFile(db)
	info, _ := os.Stat(db)
	for i := 4 * 4096; i < len(data) && i < 40*4096; i++ {
		data[i] ^= 0x5a
	}
	os.WriteFile(db, data, info.Mode())
	assertUserError(t, claimdesk(t, "articles", "--db", db), "This file is damaged")
}
