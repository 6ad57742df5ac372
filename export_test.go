package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// publishedSample creates the sample database with one published verdict.
func publishedSample(t *testing.T) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db)
	id = listClaims(t, "--db", db, "--query", "11 000")[0].ID
	mustRun(t, "source", "add", "--db", db, "--claim", id, "--as", "Alice", "--url", "https://www.state.gov/example",
		"--title", "Communiqué du Département d'État", "--stance", "supports", "--excerpt", "11,000 containers of munitions")
	mustRun(t, "verdict", "--db", db, "--claim", id, "--as", "Alice", "--rating", "plutot-vrai",
		"--explanation", "Chiffre américain et sud-coréen, « plus de 11 000 » conteneurs.", "--rationale", "**Selon** le Département d'État.")
	mustRun(t, "review", "--db", db, "--claim", id, "--as", "Bob", "--approve")
	mustRun(t, "publish", "--db", db, "--claim", id, "--as", "Bob")
	mustRun(t, "settings", "--db", db, "--as", "Alice", "--organization", "Vérif Desk", "--base-url", "https://verif.example.fr/otan")
	return db, id
}

func TestExportWritesEveryFormat(t *testing.T) {
	t.Parallel()
	db, id := publishedSample(t)
	dir := t.TempDir()
	tests := []struct {
		format string
		check  func(out []byte) bool
	}{
		{"html", func(out []byte) bool {
			return bytes.Contains(out, []byte("application/ld+json")) && bytes.Contains(out, []byte("Plutôt vrai"))
		}},
		{"pdf", func(out []byte) bool { return bytes.HasPrefix(out, []byte("%PDF-")) }},
		{"md", func(out []byte) bool { return bytes.Contains(out, []byte(" — Plutôt vrai\n\n> “")) }},
		{"claimreview", func(out []byte) bool {
			var doc map[string]any
			return json.Unmarshal(out, &doc) == nil && doc["url"] == "https://verif.example.fr/otan#claim-"+id
		}},
		{"csv", func(out []byte) bool { return bytes.Count(out, []byte("\r\n")) == 22 }},
		{"csl", func(out []byte) bool { return bytes.Contains(out, []byte(`"URL": "https://www.state.gov/example"`)) }},
		{"json", func(out []byte) bool { return json.Valid(out) && bytes.Contains(out, []byte(`"complete":true`)) }},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "report."+tt.format)
		mustRun(t, "export", "--db", db, "--format", tt.format, "--out", out, "--lang", "en")
		raw, err := os.ReadFile(out)
		if err != nil || !tt.check(raw) {
			t.Errorf("export --format %s wrote %d bytes that fail the check (%v): %.300s", tt.format, len(raw), err, raw)
		}
	}
	published := mustRun(t, "export", "--db", db, "--format", "csv", "--published", "--out", "-")
	if n := strings.Count(published, "\r\n"); n != 2 {
		t.Errorf("--published exported %d lines, want the header and one claim", n)
	}
}

func TestImportJSONRestoresTheExactDatabase(t *testing.T) {
	t.Parallel()
	db, _ := publishedSample(t)
	dir := t.TempDir()
	dump := filepath.Join(dir, "dump.json")
	mustRun(t, "export", "--db", db, "--format", "json", "--out", dump)
	restored := filepath.Join(dir, "restored.db")
	mustRun(t, "import-json", "--db", restored, dump)
	again := mustRun(t, "export", "--db", restored, "--format", "json", "--out", "-")
	if first, _ := os.ReadFile(dump); string(first) != again {
		t.Fatal("export → import-json → export is not identical")
	}
	if out := mustRun(t, "history", "--db", restored, "--verify"); !strings.Contains(out, "verified") {
		t.Errorf("the restored history: %q", out)
	}
	assertUserError(t, claimdesk(t, "import-json", "--db", restored, dump), "already exists")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"claimdesk_dump":1,`), 0o644)
	assertUserError(t, claimdesk(t, "import-json", "--db", filepath.Join(dir, "new.db"), bad), "not a ClaimDesk JSON dump")
	if _, err := os.Stat(filepath.Join(dir, "new.db")); err == nil {
		t.Error("a refused import left a database behind")
	}
}

func TestExportRefusesWhatItCannotWrite(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db)
	out := filepath.Join(t.TempDir(), "out.jsonld")
	assertUserError(t, claimdesk(t, "export", "--db", db, "--format", "claimreview", "--out", out), "base URL")
	assertUserError(t, claimdesk(t, "export", "--db", db, "--format", "docx", "--out", out), "not an export format")
	assertUserError(t, claimdesk(t, "export", "--db", db, "--format", "csv"), "--out is required")
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed export left a file behind")
	}
}
