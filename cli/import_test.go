package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/extract"
	"claimdesk/store"
)

// statistics returns an article of n check-worthy sentences, one a line.
func statistics(n int) string {
	var b strings.Builder
	b.WriteString("Le chômage en France\n")
	for i := range n {
		fmt.Fprintf(&b, "Selon l'Insee, le chômage a baissé de %d,%d %% en %d dans la région %d.\n", i%9+1, i%10, 1990+i%35, i)
	}
	return b.String()
}

// runImportOf runs claimdesk import on stdin into a new database.
func runImportOf(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, status int, db string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "x.db")
	var out, errOut bytes.Buffer
	env := Env{
		Open:   func(path string, _ OpenOptions) (claims.Store, error) { return store.Open(path, store.Options{}) },
		Stdin:  stdin,
		Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" },
	}
	args = append([]string{"import", "--db", db, "--as", "Alice", "--lang", "fr", "-"}, args...)
	status = Run(context.Background(), env, args)
	return out.String(), errOut.String(), status, db
}

var cappedNote = regexp.MustCompile(`Suggested the 500 most check-worthy of (\d+) sentences that could be claims; the others were left out, and can be added by hand\.\n$`)

func TestImportSaysWhenSuggestionsAreCapped(t *testing.T) {
	for name, tt := range map[string]struct {
		sentences  int
		json       bool
		wantCapped bool
	}{
		"capped":         {extract.MaxSuggestions + 100, false, true},
		"capped, json":   {extract.MaxSuggestions + 100, true, true},
		"all kept":       {20, false, false},
		"all kept, json": {20, true, false},
	} {
		t.Run(name, func(t *testing.T) {
			var args []string
			if tt.json {
				args = []string{"--json"}
			}
			stdout, stderr, status, _ := runImportOf(t, strings.NewReader(statistics(tt.sentences)), args...)
			if status != 0 {
				t.Fatalf("status %d, stderr %q", status, stderr)
			}
			kept, found := importCounts(t, stdout, tt.json)
			if capped := found > 0; capped != tt.wantCapped {
				t.Fatalf("capped = %v, want %v:\n%s", capped, tt.wantCapped, tail(stdout))
			}
			if tt.wantCapped && (kept != extract.MaxSuggestions || found <= extract.MaxSuggestions) {
				t.Fatalf("kept %d of %d, want %d of more", kept, found, extract.MaxSuggestions)
			}
		})
	}
}

// importCounts returns how many claims import kept and, when it says it
// capped them, how many it found; found is 0 when it does not say so.
func importCounts(t *testing.T, stdout string, asJSON bool) (kept, found int) {
	t.Helper()
	if !asJSON {
		kept = strings.Count(stdout, "\n      «")
		if m := cappedNote.FindStringSubmatch(stdout); m != nil {
			found, _ = strconv.Atoi(m[1])
		}
		return kept, found
	}
	var out struct {
		Claims []json.RawMessage `json:"claims"`
		Capped *struct {
			Kept  int `json:"kept"`
			Found int `json:"found"`
		} `json:"suggestions_capped"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Capped == nil {
		return len(out.Claims), 0
	}
	if out.Capped.Kept != len(out.Claims) {
		t.Fatalf("suggestions_capped says %d kept, the list has %d", out.Capped.Kept, len(out.Claims))
	}
	return len(out.Claims), out.Capped.Found
}

func tail(s string) string {
	return s[max(0, len(s)-300):]
}

// endlessInput is standard input that never ends, counting what was read.
type endlessInput struct{ read int }

func (r *endlessInput) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.read += len(p)
	return len(p), nil
}

func TestImportRefusesOversizeInputBeforeAnyWork(t *testing.T) {
	stdin := &endlessInput{}
	_, stderr, status, db := runImportOf(t, stdin)
	if want := "claimdesk: The file standard input is larger than 20 MB, the most ClaimDesk reads for one article.\n"; status != 1 || stderr != want {
		t.Fatalf("status %d, stderr %q; want 1, %q", status, stderr, want)
	}
	if stdin.read > 21_000_000 {
		t.Fatalf("import read %d bytes of standard input", stdin.read)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("import created the database for an article it refused")
	}
}
