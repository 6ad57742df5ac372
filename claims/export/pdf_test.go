package export

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"
)

// renderPDF writes the case file as a PDF in lang and checks what every
// PDF must be: whole, and with one page per claim after the first.
func renderPDF(t *testing.T, cf *claims.CaseFile, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writePDF(&buf, newReport(cf, claims.CaseFilter{}, day, lang)); err != nil {
		t.Fatalf("writePDF: %v", err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("the PDF starts with %q, want %%PDF-", b[:min(len(b), 10)])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Errorf("the PDF does not end with %%%%EOF")
	}
	if got, want := pdfPages(b), 1+len(cf.Claims); got < want {
		t.Errorf("the PDF has %d pages, want at least %d", got, want)
	}
	return b
}

// pdfPages counts the page objects, leaving out the page tree (/Pages).
func pdfPages(b []byte) int {
	return bytes.Count(b, []byte("/Type /Page\n"))
}

var pdfURI = regexp.MustCompile(`/URI \(([^)]*)\)`)

// pdfLinks returns the targets of the PDF's link annotations.
func pdfLinks(b []byte) []string {
	var out []string
	for _, m := range pdfURI.FindAllSubmatch(b, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

func TestPDF(t *testing.T) {
	tests := []struct {
		name  string
		cf    func() *claims.CaseFile
		check func(t *testing.T, b []byte)
	}{
		{"fixture", fixtureCase, checkFixturePDF},
		{"hostile", hostileCase, checkHostilePDF},
		{"missing glyphs", pdfMissingGlyphCase, nil},
		{"two articles, one without claims", pdfTwoArticleCase, nil},
		{"empty", func() *claims.CaseFile { return &claims.CaseFile{Settings: claims.DefaultSettings(claims.LangEnglish)} }, nil},
	}
	for _, tt := range tests {
		for _, lang := range locale.Languages {
			t.Run(tt.name+" in "+lang, func(t *testing.T) {
				b := renderPDF(t, tt.cf(), lang)
				checkPDFLinks(t, b)
				if tt.check != nil {
					tt.check(t, b)
				}
			})
		}
	}
}

func checkFixturePDF(t *testing.T, b []byte) {
	if n := bytes.Count(b, []byte("/FontFile2 ")); n != 3 {
		t.Errorf("the PDF embeds %d font files, want 3 (pdfRegular, pdfBold, pdfItalic)", n)
	}
	links := strings.Join(pdfLinks(b), "\n")
	for _, want := range []string{
		"https://quotidien.example.fr/otan-coree",
		"https://en.yna.example/view/AEN20240227",
		"https://web.archive.org/web/2024/https://en.yna.example/view/AEN20240227",
		"https://verif.example.fr/2026/otan-coree#claim-01936b2e-0000-7000-8000-000000000010",
	} {
		if !strings.Contains(links, want) {
			t.Errorf("no link to %s in:\n%s", want, links)
		}
	}
}

func checkHostilePDF(t *testing.T, b []byte) {
	if bytes.Contains(bytes.ToLower(b), []byte("/uri (javascript")) {
		t.Error("the PDF has a javascript: link")
	}
	if len(pdfLinks(b)) == 0 {
		t.Error("the https links of the hostile case are gone")
	}
}

// checkPDFLinks checks that every link is an escaped web address.
func checkPDFLinks(t *testing.T, b []byte) {
	t.Helper()
	for _, link := range pdfLinks(b) {
		if !strings.HasPrefix(link, "https://") && !strings.HasPrefix(link, "http://") {
			t.Errorf("the PDF links to %q", link)
		}
		if strings.ContainsAny(link, "\" <>\\") {
			t.Errorf("the link %q is not escaped", link)
		}
	}
}

// pdfMissingGlyphCase is fixtureCase with text the Go fonts cannot draw:
// CJK, emoji (outside the BMP), a private-use character.
func pdfMissingGlyphCase() *claims.CaseFile {
	odd := "中文 テスト 한국어 😀🇫🇷 𝔘𝔫𝔦 \U0010FFFD e\u0301t\u00e9 a\u202fb"
	cf := fixtureCase()
	cf.Articles[0].Title = odd
	cf.Settings.Organization = odd
	cf.Settings.Scale.Ratings[1].Label = odd
	for _, c := range cf.Claims {
		c.Text, c.Summary = odd, odd
		c.Speaker.Name = odd
		if c.Verdict != nil {
			c.Verdict.Explanation, c.Verdict.Rationale = odd, "# "+odd+"\n\n- "+odd
		}
	}
	for _, s := range cf.Sources {
		s.Title = odd
	}
	cf.HistoryHead = odd
	return cf
}

// pdfTwoArticleCase is fixtureCase with a second article that has no claim
// and a claim with a 5,000-character URL-like word.
func pdfTwoArticleCase() *claims.CaseFile {
	cf := fixtureCase()
	cf.Articles = append(cf.Articles, &claims.Article{ID: "01936b2e-0000-7000-8000-000000000002", Title: "Second article", URL: "ftp://example.com/x"})
	cf.Claims[2].Text = "https://example.com/" + strings.Repeat("a", 5000)
	return cf
}

func TestPDFFit(t *testing.T) {
	d := testPDFDoc(t)
	tests := []struct{ in, want string }{
		{"« Œuvre » – l’été… ça", "« Œuvre » – l’été… ça"},
		{"中文", "??"},
		{"😀!", "?!"},
		{"e\u0301", "é"},                      // composed
		{"11\u202f000", "11\u00a0000"},        // narrow no-break space
		{"a\u200bb\u00adc\ufeff", "abc"},      // invisible
		{"non\u2011breaking", "non-breaking"}, // non-breaking hyphen
		{"a\tb\nc", "a b\nc"},
	}
	for _, tt := range tests {
		if got := d.fit(tt.in); got != tt.want {
			t.Errorf("fit(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPDFWrap(t *testing.T) {
	d := testPDFDoc(t)
	d.setFont(pdfRegular, 10)
	const width = 200.0
	tests := []struct {
		name, in string
		minLines int
	}{
		{"sentence", strings.Repeat("Le chiffre n’est pas vérifiable. ", 20), 5},
		{"long URL", "https://example.com/" + strings.Repeat("a", 5000), 20},
		{"word after URL", "voir https://example.com/" + strings.Repeat("b", 500) + " ici", 3},
		{"line breaks", "un\n\ndeux", 3},
		{"empty", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := d.wrap(tt.in, width)
			if len(lines) < tt.minLines {
				t.Errorf("%d lines, want at least %d", len(lines), tt.minLines)
			}
			for _, l := range lines {
				if w := d.textWidth(l); w > width {
					t.Errorf("line %q is %.1f wide, over %.1f", l, w, width)
				}
			}
			if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(tt.in), ""); got != want {
				t.Errorf("wrapping lost text: got %q", got)
			}
		})
	}
}

func TestPDFCapField(t *testing.T) {
	long := strings.Repeat("é", pdfFieldMax+10)
	tests := []struct {
		name, in string
		cut      bool
	}{
		{"short", "court", false},
		{"at the limit", strings.Repeat("é", pdfFieldMax), false},
		{"over the limit", long, true},
		{"invalid UTF-8", strings.Repeat("\xff", pdfFieldMax+1), true},
	}
	const note = " … (cut)"
	for _, tt := range tests {
		got := pdfCap(tt.in, note)
		if cut := strings.HasSuffix(got, note); cut != tt.cut {
			t.Errorf("%s: cut = %v, want %v", tt.name, cut, tt.cut)
		}
		if tt.cut && !strings.HasPrefix(tt.in, strings.TrimSuffix(got, note)) {
			t.Errorf("%s: the kept text is not the start of the field", tt.name)
		}
	}
}

func TestPDFLinkTarget(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://example.com/a?b=c#d", "https://example.com/a?b=c#d", true},
		{"  http://example.com/\n", "http://example.com/", true},
		{"HTTPS://example.com/", "https://example.com/", true},
		{`https://x.example/"onmouseover="alert(9)`, "https://x.example/%22onmouseover=%22alert%289%29", true},
		{"https://example.com/été", "https://example.com/%C3%A9t%C3%A9", true},
		{"javascript:alert(1)", "", false},
		{"JavaScript:alert(1)", "", false},
		{"java\tscript:alert(1)", "", false},
		{"data:text/html,<script>", "", false},
		{"file:///etc/passwd", "", false},
		{"https:///no-host", "", false},
		{"/relative", "", false},
		{"", "", false},
		{"https://example.com/" + strings.Repeat("a", pdfFieldMax), "", false}, // shown cut
	}
	for _, tt := range tests {
		got, ok := pdfLinkTarget(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("linkTarget(%.40q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPDFMarkdownBlocks(t *testing.T) {
	tests := []struct {
		in   string
		want []pdfBlock
	}{
		{
			"Le ministère **a avancé** ce chiffre.\n\n- Source : Yonhap\n- Aucune _image_ publique",
			[]pdfBlock{{text: "Le ministère a avancé ce chiffre."}, {marker: "•", text: "Source : Yonhap"}, {marker: "•", text: "Aucune image publique"}},
		},
		{"# Titre #\nune\nphrase", []pdfBlock{{heading: true, text: "Titre"}, {text: "une phrase"}}},
		{"1. un\n2) deux\n   suite", []pdfBlock{{marker: "1.", text: "un"}, {marker: "2.", text: "deux suite"}}},
		{"[lien](javascript:alert(5)) et `code`", []pdfBlock{{text: "lien et code"}}},
		{"[lien](https://example.org/a) et `code`", []pdfBlock{{text: "lien (https://example.org/a) et code"}}},
		{"| a | b |\n|---|---|\n> cité", []pdfBlock{{text: "| a | b |"}, {text: "cité"}}},
		{"snake_case et \\*étoile\\* -2+3 #tag", []pdfBlock{{text: "snake_case et *étoile* -2+3 #tag"}}},
	}
	for _, tt := range tests {
		got := pdfMarkdownBlocks(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("markdownBlocks(%q) = %+v, want %+v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("markdownBlocks(%q)[%d] = %+v, want %+v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPDFChipText(t *testing.T) {
	black, white := pdfRGB{0, 0, 0}, pdfRGB{255, 255, 255}
	tests := []struct {
		color string
		want  pdfRGB
	}{
		{"#fee08b", black},      // yellow
		{"#91cf60", black},      // light green
		{"#d73027", white},      // dark red
		{"#7b3294", white},      // purple
		{"#1a9850", black},      // mid green: black contrasts more (5.8 against 3.6)
		{"#163a68", white},      // navy
		{"not a colour", black}, // grey
	}
	for _, tt := range tests {
		if got := pdfTextOn(pdfColor(tt.color)); got != tt.want {
			t.Errorf("text on %s = %v, want %v", tt.color, got, tt.want)
		}
	}
}

type pdfFailingWriter struct{}

func (pdfFailingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPDFWriteError(t *testing.T) {
	err := writePDF(pdfFailingWriter{}, newReport(fixtureCase(), claims.CaseFilter{}, day, locale.English))
	if err == nil || !strings.HasPrefix(err.Error(), "write the PDF: ") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("writePDF to a failing writer = %v", err)
	}
}

func testPDFDoc(t *testing.T) *pdfDoc {
	t.Helper()
	d, err := newPDFDoc(newReport(fixtureCase(), claims.CaseFilter{}, day, locale.English))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The same report makes the same bytes, so that two exports can be compared.
func TestPDFDeterministic(t *testing.T) {
	a, b := renderPDF(t, fixtureCase(), locale.French), renderPDF(t, fixtureCase(), locale.French)
	if !bytes.Equal(a, b) {
		t.Error("two PDFs of the same report differ")
	}
}
