package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/claims/locale"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes a case file in one format, in English.
func render(t *testing.T, format Format, cf *claims.CaseFile) []byte {
	t.Helper()
	return renderIn(t, format, cf, locale.English)
}

// renderIn writes a case file in one format and language.
func renderIn(t *testing.T, format Format, cf *claims.CaseFile, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writers[format](&buf, newReport(cf, claims.CaseFilter{}, day, lang)); err != nil {
		t.Fatalf("write %s in %s: %v", format, lang, err)
	}
	return buf.Bytes()
}

// TestGoldenFiles compares each text format of the fixture case, in each
// language, with a file that was reviewed by eye; run with -update to
// rewrite them after a change, and review the diff. ClaimReview has no
// words of its own and one file.
func TestGoldenFiles(t *testing.T) {
	type golden struct {
		format Format
		lang   string
		path   string
	}
	tests := []golden{{ClaimReview, locale.English, "fixture" + ClaimReview.Extension()}}
	for _, format := range []Format{HTML, Markdown, CSV, CSL} {
		for _, lang := range locale.Languages {
			tests = append(tests, golden{format, lang, "fixture." + lang + format.Extension()})
		}
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := renderIn(t, tt.format, fixtureCase(), tt.lang)
			path := filepath.Join("testdata", tt.path)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s differs from %s; run go test -update and review the diff", tt.format, path)
			}
		})
	}
}

// caseFileStore serves one case file, all that Write reads.
type caseFileStore struct {
	claims.Store
	cf *claims.CaseFile
}

func (s caseFileStore) FindCaseFile(context.Context, claims.CaseFilter) (*claims.CaseFile, error) {
	return s.cf, nil
}

// EachCase serves the case file one article at a time, as the store does.
func (s caseFileStore) EachCase(_ context.Context, _ claims.CaseFilter, fn func(*claims.CaseFile) error) error {
	for _, a := range s.cf.Articles {
		one := *s.cf
		one.Articles, one.Claims = []*claims.Article{a}, s.cf.ClaimsOf(a.ID)
		if err := fn(&one); err != nil {
			return err
		}
	}
	return nil
}

func TestWriteSpeaksTheRequestedLanguage(t *testing.T) {
	tests := []struct {
		language, want string
		code           string
	}{
		{"", `<html lang="en">`, ""},
		{"en", `<html lang="en">`, ""},
		{"FR", `<html lang="fr">`, ""},
		{"fr_CA.UTF-8", `<html lang="fr">`, ""},
		{"de", "", claims.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(context.Background(), caseFileStore{cf: fixtureCase()}, &buf, Request{Format: HTML, Language: tt.language})
			if tt.code != "" {
				if claims.ErrorCode(err) != tt.code {
					t.Fatalf("error %v, want %s", err, tt.code)
				}
				return
			}
			if err != nil || !bytes.Contains(buf.Bytes(), []byte(tt.want)) {
				t.Fatalf("error %v; the report does not start with %s", err, tt.want)
			}
		})
	}
}

// TestClaimReviewIsTheSameInEveryLanguage checks that the markup, read by
// machines, does not follow the report's language but the verdict's.
func TestClaimReviewIsTheSameInEveryLanguage(t *testing.T) {
	cf := fixtureCase()
	cf.Articles[0].Language = claims.LangEnglish // the newsroom checks an English article in French
	en, fr := renderIn(t, ClaimReview, cf, locale.English), renderIn(t, ClaimReview, cf, locale.French)
	if !bytes.Equal(en, fr) {
		t.Fatal("the ClaimReview differs between the English and the French report")
	}
	var doc map[string]any
	if err := json.Unmarshal(en, &doc); err != nil || doc["inLanguage"] != "fr" {
		t.Fatalf("inLanguage = %v (%v), want the language the verdict is written in", doc["inLanguage"], err)
	}
	for _, lang := range locale.Languages {
		html := renderIn(t, HTML, cf, lang)
		if !bytes.Contains(html, []byte(`"inLanguage":"fr"`)) {
			t.Errorf("the %s HTML report marks the verdict up in another language", lang)
		}
	}
}

func TestClaimReviewHasGooglesRequiredAndRecommendedFields(t *testing.T) {
	cf := fixtureCase()
	cf.Claims[0].Summary = "La Corée du Nord a livré plus de 11 000 conteneurs de munitions à la Russie, selon la Maison-Blanche"
	var doc map[string]any
	if err := json.Unmarshal(render(t, ClaimReview, cf), &doc); err != nil {
		t.Fatalf("the JSON-LD does not parse: %v", err)
	}
	if doc["@context"] != "https://schema.org" || doc["@type"] != "ClaimReview" {
		t.Fatalf("context %v, type %v", doc["@context"], doc["@type"])
	}
	reviewed, _ := doc["claimReviewed"].(string)
	if n := utf8.RuneCountInString(reviewed); n == 0 || n > 75 {
		t.Fatalf("claimReviewed has %d characters: %q", n, reviewed)
	}
	want := map[string]any{
		"url":                                "https://verif.example.fr/2026/otan-coree#claim-01936b2e-0000-7000-8000-000000000010",
		"datePublished":                      "2026-11-26",
		"dateModified":                       "2026-11-27",
		"inLanguage":                         "fr",
		"author.@type":                       "Organization",
		"author.name":                        "Rédaction Exemple – Vérification",
		"itemReviewed.@type":                 "Claim",
		"itemReviewed.author.@type":          "Person",
		"itemReviewed.author.name":           "John Kirby",
		"itemReviewed.datePublished":         "2024-06-18",
		"itemReviewed.appearance.url":        "https://quotidien.example.fr/otan-coree",
		"itemReviewed.firstAppearance.url":   "https://quotidien.example.fr/otan-coree",
		"reviewRating.@type":                 "Rating",
		"reviewRating.alternateName":         "Manque de contexte",
		"reviewRating.ratingValue":           float64(3),
		"reviewRating.bestRating":            float64(5),
		"reviewRating.worstRating":           float64(1),
		"reviewRating.ratingExplanation":     "Le chiffre vient du renseignement sud-coréen et n’est pas vérifiable de façon indépendante.",
		"itemReviewed.firstAppearance.@type": "NewsArticle",
	}
	for path, value := range want {
		if got := lookupPath(doc, path); got != value {
			t.Errorf("%s = %#v, want %#v", path, got, value)
		}
	}
}

func lookupPath(doc map[string]any, path string) any {
	var v any = doc
	for _, key := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}

func TestClaimReviewNeedsABaseURLAndAPublishedVerdict(t *testing.T) {
	noBase := fixtureCase()
	noBase.Settings.BaseURL = ""
	unpublished := fixtureCase()
	unpublished.Claims = unpublished.Claims[1:]
	for name, cf := range map[string]*claims.CaseFile{"no base URL": noBase, "nothing published": unpublished} {
		err := writeClaimReview(&bytes.Buffer{}, newReport(cf, claims.CaseFilter{}, day, locale.English))
		if claims.ErrorCode(err) != claims.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
}

func TestSeveralClaimReviewsFormOneGraph(t *testing.T) {
	cf := fixtureCase()
	second := *cf.Claims[0]
	second.ID = "01936b2e-0000-7000-8000-000000000099"
	cf.Claims = append(cf.Claims, &second)
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(render(t, ClaimReview, cf), &doc); err != nil || doc.Context != "https://schema.org" || len(doc.Graph) != 2 {
		t.Fatalf("graph of %d, context %q, %v", len(doc.Graph), doc.Context, err)
	}
}

func TestCSVHasOneRowPerClaimAndOpensSafely(t *testing.T) {
	out := render(t, CSV, fixtureCase())
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Fatal("no byte order mark: Excel would misread the accents")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][1] != "01936b2e-0000-7000-8000-000000000010" || rows[1][14] != "Manque de contexte" || rows[1][18] != "Bruno Petit" {
		t.Fatalf("rows = %q", rows)
	}
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+33 1 23", "'+33 1 23"}, {"-5 %", "'-5 %"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"}, {"a=1", "a=1"}, {"", ""}, {"nul\x00", "nul"}, {"\u202eevil", "evil"},
		{strings.Repeat("x", maxCell+10), strings.Repeat("x", maxCell-1) + "…"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%.20q) = %.20q, want %.20q", tt.in, got, tt.want)
		}
	}
}

func TestCSLIsZoteroReadable(t *testing.T) {
	cf := fixtureCase()
	for _, s := range cf.Sources {
		if s.Publisher == "OTAN" {
			s.Protected = true
		}
	}
	var items []map[string]any
	if err := json.Unmarshal(render(t, CSL, cf), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items: the protected source must be left out", len(items))
	}
	item := items[0]
	if item["type"] != "article-newspaper" || item["container-title"] != "Yonhap" ||
		item["archive_location"] != "https://web.archive.org/web/2024/https://en.yna.example/view/AEN20240227" ||
		lookupPath(item, "issued") == nil || item["URL"] != "https://en.yna.example/view/AEN20240227" {
		t.Fatalf("item = %v", item)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		if got, err := ParseFormat(" " + strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("docx"); claims.ErrorCode(err) != claims.EINVALID {
		t.Errorf("docx: %v", err)
	}
}
