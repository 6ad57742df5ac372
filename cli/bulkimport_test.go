package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/store"
)

// runIn runs claimdesk with args against real files, as a shell would.
func runIn(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Open:   func(path string, _ OpenOptions) (claims.Store, error) { return store.Open(path, store.Options{}) },
		Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" },
	}
	status := Run(context.Background(), env, args)
	return out.String(), errOut.String(), status
}

// writeArticles writes n articles of a few check-worthy sentences each,
// named 01.txt, 02.txt…, and a hidden file that is not an article.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		text := fmt.Sprintf("Le chômage dans la région %d\n", i)
		for j := range 3 {
			text += fmt.Sprintf("Selon l'Insee, le chômage a baissé de %d,%d %% en %d dans la région %d.\n", j+1, i%10, 2000+j, i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i+1)), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte{0, 1, 2}, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportAFolderInOneGo(t *testing.T) {
	dir, folder := t.TempDir(), filepath.Join(t.TempDir(), "articles")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	writeArticles(t, folder, 5)
	db := filepath.Join(dir, "case.db")
	stdout, stderr, status := runIn(t, "import", "--db", db, "--as", "Alice", "--json", folder)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if len(got) != 5 || got[0]["file"] != filepath.Join(folder, "01.txt") || got[0]["claims"] != 3.0 || got[0]["id"] == nil {
		t.Fatalf("import of the folder: %v", got)
	}
	// Importing the folder again with one new file brings the new one only.
	writeArticles(t, folder, 6)
	stdout, stderr, status = runIn(t, "import", "--db", db, "--as", "Alice", folder)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if !strings.Contains(stdout, "Imported 1 article(s) with 3 suggested claim(s)") || !strings.Contains(stdout, "Left out 5 article(s) already in the file:\n  01.txt: already in the file as") {
		t.Errorf("importing the folder again says:\n%s", stdout)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if articles, _ := st.FindArticles(context.Background()); len(articles) != 6 {
		t.Errorf("%d articles in the file, want 6", len(articles))
	}
}

func TestImportOfSeveralFilesStoresNothingWhenOneCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 2)
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte{0xff, 0xfe, 0}, 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "case.db")
	_, stderr, status := runIn(t, "import", "--db", db, "--as", "Alice", filepath.Join(dir, "01.txt"), bad, filepath.Join(dir, "02.txt"))
	if status == 0 || !strings.Contains(stderr, "Nothing was imported, because of bad.txt") {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		st, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if articles, _ := st.FindArticles(context.Background()); len(articles) != 0 {
			t.Errorf("%d articles stored by a failed import", len(articles))
		}
	}
	if _, stderr, status := runIn(t, "import", "--db", db, "--as", "Alice", "--title", "T", dir); status == 0 || !strings.Contains(stderr, "--title") {
		t.Errorf("--title with a folder: status %d: %s", status, stderr)
	}
}
