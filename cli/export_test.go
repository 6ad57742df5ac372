package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/store"
)

// twoLanguageDB creates a database holding the French sample article and
// an English article, and returns its path and the articles' IDs.
func twoLanguageDB(t *testing.T) (path, frenchID, englishID string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "x.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := claims.NewContext(context.Background(), "Test")
	sample, found, err := assets.SampleCase()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportArticle(ctx, sample, found); err != nil {
		t.Fatal(err)
	}
	english := &claims.Article{Title: "NATO summit", Language: claims.LangEnglish, Text: "NATO leaders met in Washington."}
	if err := st.ImportArticle(ctx, english, nil); err != nil {
		t.Fatal(err)
	}
	return path, sample.ID, english.ID
}

var htmlLang = regexp.MustCompile(`<html lang="(\w+)">`)

func TestExportLanguage(t *testing.T) {
	db, frenchID, englishID := twoLanguageDB(t)
	tests := []struct {
		name    string
		args    []string
		locale  string // LANG
		want    string // the report's language
		wantErr string
	}{
		{"--lang fr", []string{"--lang", "fr"}, "en_US.UTF-8", "fr", ""},
		{"--lang in capitals with a region", []string{"--lang", "EN-gb"}, "fr_FR.UTF-8", "en", ""},
		{"--lang wins over the article", []string{"--lang", "en", "--article", frenchID}, "", "en", ""},
		{"the French article's language", []string{"--article", frenchID}, "en_US.UTF-8", "fr", ""},
		{"the English article's language", []string{"--article", englishID}, "fr_FR.UTF-8", "en", ""},
		{"all articles: the locale's", nil, "fr_FR.UTF-8", "fr", ""},
		{"all articles in the C locale", nil, "C.UTF-8", "en", ""},
		{"a language ClaimDesk does not speak", []string{"--lang", "de"}, "", "", `--lang takes en or fr, not "de".`},
		{"an empty --lang= is no choice", []string{"--lang="}, "fr_FR.UTF-8", "fr", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := Env{
				Open:   func(path string, _ OpenOptions) (claims.Store, error) { return store.Open(path, store.Options{}) },
				Stdout: &stdout, Stderr: &stderr,
				Getenv: func(k string) string {
					if k == "LANG" {
						return tt.locale
					}
					return ""
				},
			}
			args := append([]string{"export", "--db", db, "--format", "html", "--out", "-"}, tt.args...)
			status := Run(context.Background(), env, args)
			if tt.wantErr != "" {
				if status != 1 || !strings.Contains(stderr.String(), tt.wantErr) {
					t.Fatalf("status %d, stderr %q; want an error saying %q", status, stderr.String(), tt.wantErr)
				}
				return
			}
			if status != 0 {
				t.Fatalf("status %d, stderr %q", status, stderr.String())
			}
			m := htmlLang.FindSubmatch(stdout.Bytes())
			if m == nil || string(m[1]) != tt.want {
				t.Fatalf("the report is in %q, want %q", m, tt.want)
			}
		})
	}
}
