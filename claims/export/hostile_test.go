package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"

	"claimdesk/claims"
	"claimdesk/claims/locale"
)

// TestHostileTextInEveryFieldIsInertInEveryFormat feeds markup, script,
// formulas, bidi overrides, NUL bytes, invalid UTF-8 and megabyte strings into
// every field and checks that no format lets any of it act.
func TestHostileTextInEveryFieldIsInertInEveryFormat(t *testing.T) {
	checks := map[Format]func(t *testing.T, out []byte){
		HTML:        checkHTML,
		Markdown:    checkMarkdown,
		ClaimReview: checkJSON,
		CSL:         checkJSON,
		CSV:         checkCSV,
		PDF:         checkPDF,
	}
	for format, check := range checks {
		for _, lang := range locale.Languages {
			t.Run(string(format)+" in "+lang, func(t *testing.T) {
				cf := hostileCase()
				cf.Settings.BaseURL = "https://verif.example/x" // ClaimReview needs one
				out := renderIn(t, format, cf, lang)
				if format != PDF {
					checkText(t, out)
				}
				check(t, out)
			})
		}
	}
}

// checkText refuses output that is not UTF-8 or that carries what clean
// removes: NUL and other controls, bidi overrides and isolates.
func checkText(t *testing.T, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Fatal("the output is not valid UTF-8")
	}
	for _, bad := range []string{"\x00", "\u202e", "\u202a", "\u2066", "\u2069", "\u2028", "\x1b"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Fatalf("the output contains %q", bad)
		}
	}
}

// checkHTML parses the page as a browser would and requires that the only
// script is the JSON-LD, and that no element or attribute from user text
// can run code or load anything.
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	scripts, styles := 0, 0
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "script":
				scripts++
				if attr(n, "type") != "application/ld+json" || n.FirstChild == nil || !json.Valid([]byte(n.FirstChild.Data)) {
					t.Errorf("a script that is not the JSON-LD: %v", n.Attr)
				}
			case "style":
				styles++
			case "iframe", "object", "embed", "form", "img", "svg", "base", "meta", "link", "input", "button":
				if (n.Data == "svg" && attr(n.Parent, "class") == "distribution") || (n.Data == "meta" && n.Parent.Data == "head") {
					break
				}
				t.Errorf("an element <%s> from user text", n.Data)
			}
			for _, a := range n.Attr {
				checkAttribute(t, n.Data, a)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts > 1 || styles != 1 {
		t.Errorf("%d scripts and %d style elements, want at most 1 and exactly 1", scripts, styles)
	}
}

func checkAttribute(t *testing.T, element string, a xhtml.Attribute) {
	t.Helper()
	key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
	switch {
	case strings.HasPrefix(key, "on"):
		t.Errorf("an event attribute %s=%q on <%s>", a.Key, a.Val, element)
	case key == "href" || key == "src":
		if scheme := browserScheme(val); scheme != "https" && scheme != "http" && scheme != "mailto" && !strings.HasPrefix(val, "#") {
			t.Errorf("<%s %s=%q>: only web, mailto: and in-page links are allowed", element, a.Key, a.Val)
		}
		if strings.ContainsAny(val, "\"'<> ") {
			t.Errorf("<%s %s=%q>: the address breaks out of its attribute", element, a.Key, a.Val)
		}
	case key == "style":
		if strings.ContainsAny(val, "()\\@") || strings.Contains(val, "url") {
			t.Errorf("<%s style=%q> could load or run something", element, a.Val)
		}
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checkMarkdown renders the Markdown with a renderer that lets raw HTML
// through, the worst a reader might use, then checks the HTML.
func checkMarkdown(t *testing.T, out []byte) {
	t.Helper()
	var page bytes.Buffer
	unsafe := goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := unsafe.Convert(out, &page); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(&page)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "a", "html", "head", "body", "p", "h1", "h2", "h3", "strong", "em", "ul", "ol", "li", "blockquote",
				"table", "thead", "tbody", "tr", "th", "td", "code", "hr", "br", "pre", "del":
			default:
				t.Errorf("an element <%s> from user text", n.Data)
			}
			for _, a := range n.Attr {
				if n.Data == "a" && a.Key == "id" && strings.HasPrefix(a.Val, "claim-") {
					continue
				}
				checkAttribute(t, n.Data, a)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// checkJSON parses the JSON-LD or CSL-JSON and requires every URL-like
// field to be a web address.
func checkJSON(t *testing.T, out []byte) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("<")) || bytes.Contains(out, []byte(">")) {
		t.Error("< or > left unescaped: the JSON-LD would not be safe in a script element")
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				walk(k, child)
			}
		case []any:
			for _, child := range v {
				walk(key, child)
			}
		case string:
			if k := strings.ToLower(key); (k == "url" || k == "@id" || k == "archive_location" || k == "archivedat") && webURL(v) != v {
				t.Errorf("%s = %.60q is not a web address", key, v)
			}
			if key == "claimReviewed" && utf8.RuneCountInString(v) > claimReviewedMax {
				t.Errorf("claimReviewed has %d characters", utf8.RuneCountInString(v))
			}
		}
	}
	walk("", doc)
}

// checkCSV parses the file strictly and requires every cell to be inert in a
// spreadsheet.
func checkCSV(t *testing.T, out []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want a header and 3 claims", len(rows))
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("the cell %.40q would run as a formula", cell)
			}
			if utf8.RuneCountInString(cell) > maxCell {
				t.Errorf("a cell of %d characters", utf8.RuneCountInString(cell))
			}
		}
	}
}

// checkPDF requires a whole PDF whose links are all web addresses.
func checkPDF(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-1024):], []byte("%%EOF")) {
		t.Fatal("not a whole PDF")
	}
	for _, bad := range []string{"/URI (javascript", "/URI (data", "/JavaScript", "/JS "} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("the PDF contains %q", bad)
		}
	}
}

var _ = claims.EINVALID
