package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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

// An export writes over an empty file or an earlier export of its own
// format, and over nothing else: not the database it reads, not another
// database, not a document of the user's.
func TestExportNeverWritesOverWhatItDidNotWrite(t *testing.T) {
	t.Parallel()
	db, _ := publishedSample(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	mustRun(t, "init", "--db", other)
	notes := filepath.Join(dir, "notes.html")
	os.WriteFile(notes, []byte("<!DOCTYPE html><p>My notes</p>"), 0o644)
	csvNotes := filepath.Join(dir, "budget.csv")
	os.WriteFile(csvNotes, []byte("a,b\r\n1,2\r\n"), 0o644)
	refused := []struct{ name, format, out string }{
		{"the database itself", "html", db},
		{"the database as a dump", "json", db},
		{"another database", "md", other},
		{"a page of the user's", "html", notes},
		{"a spreadsheet of the user's", "csv", csvNotes},
		{"a folder", "csv", dir},
	}
	for _, tt := range refused {
		before := fileSumOrZero(t, tt.out)
		r := claimdesk(t, "export", "--db", db, "--format", tt.format, "--out", tt.out)
		if r.code != 1 || !strings.Contains(r.stderr, "choose another file name") && !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("%s: export --out gave exit %d, stderr %q; want a refusal", tt.name, r.code, r.stderr)
		}
		if fileSumOrZero(t, tt.out) != before {
			t.Errorf("%s: the file changed", tt.name)
		}
	}
	mustRun(t, "check", "--db", db)
	// Each format is recognised by its own mark; the Markdown and CSV
	// marks are words of the report's language.
	again := []struct{ format, lang string }{
		{"html", "en"}, {"pdf", "en"}, {"md", "en"}, {"md", "fr"}, {"claimreview", "en"},
		{"csv", "en"}, {"csv", "fr"}, {"csl", "en"}, {"json", "en"},
	}
	for _, a := range again {
		out := filepath.Join(dir, "again-"+a.lang+"."+a.format)
		mustRun(t, "export", "--db", db, "--format", a.format, "--out", out, "--lang", a.lang)
		mustRun(t, "export", "--db", db, "--format", a.format, "--out", out, "--lang", a.lang)
	}
	empty := filepath.Join(dir, "empty.md")
	os.WriteFile(empty, nil, 0o644)
	mustRun(t, "export", "--db", db, "--format", "md", "--out", empty)
}

// fileSumOrZero is fileSum, or zero for a folder.
func fileSumOrZero(t *testing.T, path string) [32]byte {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return [32]byte{}
	}
	return fileSum(t, path)
}

var reportHead = regexp.MustCompile("History hash `([0-9a-f]{64})`")

// The history hash a report prints can be checked against the file later,
// after more work: it is still in the file's chain. A hash from elsewhere
// is not.
func TestReportHeadIsConfirmedInTheChain(t *testing.T) {
	t.Parallel()
	db, _ := publishedSample(t)
	m := reportHead.FindStringSubmatch(mustRun(t, "export", "--db", db, "--format", "md", "--out", "-", "--lang", "en"))
	if m == nil {
		t.Fatal("the report prints no history hash")
	}
	mustRun(t, "claim", "move", "--db", db, "--claim", listClaims(t, "--db", db)[1].ID, "--to", "researching", "--as", "Alice")
	out := mustRun(t, "history", "--db", db, "--verify", "--head", m[1])
	if !strings.Contains(out, "The head "+m[1]+" is in this file's chain") || !strings.Contains(out, "claim.publish") && !strings.Contains(out, "settings") {
		t.Errorf("history --verify --head: %q", out)
	}
	assertUserError(t, claimdesk(t, "history", "--db", db, "--verify", "--head", strings.Repeat("ab", 32)), "No event of this file has the hash")
	assertUserError(t, claimdesk(t, "history", "--db", db, "--head", m[1]), "--head goes with --verify")
}
