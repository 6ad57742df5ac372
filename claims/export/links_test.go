package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"

	"claimdesk/claims"
)

// rationaleLinks are rationales whose links try to run script or leave the
// web, each with the one address it may still link to ("" for none).
var rationaleLinks = []struct {
	name, rationale, link string
}{
	{"scheme as a character reference", "[x](&#106;avascript:alert(1))", ""},
	{"autolink", "<javascript:alert(2)>", ""},
	{"upper case", "[x](JAVASCRIPT:alert(3))", ""},
	{"character reference inside", "[x](java&#115;cript:alert(4))", ""},
	{"vbscript autolink", "<vbscript:msgbox(5)>", ""},
	{"data", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)", ""},
	{"leading space", "[x]( javascript:alert(7))", ""},
	{"leading tab", "[x](<\tjavascript:alert(8)>)", ""},
	{"leading newline", "[x](\njavascript:alert(9))", ""},
	{"tab inside", "[x](<java\tscript:alert(10)>)", ""},
	{"tab as a character reference", "[x](java&#9;script:alert(11))", ""},
	{"percent-encoded newline", "[x](java%0ascript:alert(12))", ""},
	{"backslash-escaped colon", `[x](javascript\:alert(13))`, ""},
	{"reference definition", "[proof]: javascript:alert(6)\n\n[see][proof]", ""},
	{"file", "[x](file:///etc/passwd)", ""},
	{"relative", "[x](/etc/passwd)", ""},
	{"fragment", "[x](#claim-1)", ""},
	{"image", "![x](javascript:alert(14))", ""},
	{"SVG image as data", "![x](data:image/svg+xml;base64,PHN2Zy8+)", ""},
	{"upper-case https", "[x](HTTPS://example.org)", "https://example.org"},
	{"mailto", "[x](mailto:desk@example.org)", "mailto:desk@example.org"},
	{"email autolink", "<desk@example.org>", "mailto:desk@example.org"},
	{"https", "[x](https://example.org)", "https://example.org"},
	{"https autolink", "<https://example.org/a>", "https://example.org/a"},
	{"https reference", "[see][src]\n\n[src]: https://example.org/ref", "https://example.org/ref"},
	{"https image", "![chart](https://example.org/chart.png)", "https://example.org/chart.png"},
}

// TestRationaleLinksInReports puts each rationale in a full report, of
// every claim and of published verdicts only, and reads the links a browser
// would follow: those of the HTML report, and those of the Markdown report
// once a renderer that lets everything through has made it HTML.
func TestRationaleLinksInReports(t *testing.T) {
	for _, tt := range rationaleLinks {
		for _, format := range []Format{HTML, Markdown, PDF} {
			for _, published := range []bool{false, true} {
				name := tt.name + " in " + string(format)
				if published {
					name += ", published only"
				}
				t.Run(name, func(t *testing.T) {
					cf := fixtureCase()
					cf.Claims[0].Verdict.Rationale = "Voir " + tt.rationale
					out := exportCase(t, cf, format, published)
					if format == PDF {
						checkPDFLinks(t, out)
						return
					}
					links := pageLinks(t, htmlOf(t, format, out))
					if tt.link != "" && !links[tt.link] {
						t.Errorf("no link to %s in %v", tt.link, links)
					}
				})
			}
		}
	}
}

// TestReferenceDefinitionsStayInTheirRationale puts a reference definition
// in one rationale and its use in another: the use must stay text.
func TestReferenceDefinitionsStayInTheirRationale(t *testing.T) {
	tests := []struct{ name, definition string }{
		{"script", "[proof]: javascript:alert(6)"},
		{"web", "[proof]: https://a.example/proof"},
	}
	for _, tt := range tests {
		for _, format := range []Format{HTML, Markdown} {
			t.Run(tt.name+" in "+string(format), func(t *testing.T) {
				cf := fixtureCase()
				second := *cf.Claims[0]
				verdict := *second.Verdict
				second.ID, second.Verdict = "01936b2e-0000-7000-8000-000000000099", &verdict
				cf.Claims = append(cf.Claims, &second)
				cf.Claims[0].Verdict.Rationale = tt.definition + "\n\nLa preuve."
				second.Verdict.Rationale = "Voir [see][proof] et [proof]."
				links := pageLinks(t, htmlOf(t, format, exportCase(t, cf, format, true)))
				for link := range links {
					if strings.Contains(link, "alert") || strings.Contains(link, "//a.example/") {
						t.Errorf("a link to %s, defined in another rationale", link)
					}
				}
			})
		}
	}
}

// exportCase exports cf through Write, as the window and the command do.
func exportCase(t *testing.T, cf *claims.CaseFile, format Format, publishedOnly bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	req := Request{Format: format, Filter: claims.CaseFilter{PublishedOnly: publishedOnly}, Now: day}
	if err := Write(context.Background(), caseFileStore{cf: cf}, &buf, req); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// htmlOf returns the report as a browser gets it: a Markdown report goes
// through a renderer that keeps raw HTML and every link, the worst a reader
// might use.
func htmlOf(t *testing.T, format Format, out []byte) []byte {
	t.Helper()
	if format != Markdown {
		return out
	}
	var page bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert(out, &page); err != nil {
		t.Fatal(err)
	}
	return page.Bytes()
}

// pageLinks parses a page as a browser would and returns the address of
// every href and src, requiring each to be an http(s) or mailto: URL, or a
// link to an element of the page itself.
func pageLinks(t *testing.T, page []byte) map[string]bool {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids, links := map[string]bool{}, map[string]bool{}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "id", "name":
				ids[a.Val] = true
			case "href", "src", "action", "formaction", "xlink:href", "poster", "background":
				links[a.Val] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for link := range links {
		if id, ok := strings.CutPrefix(link, "#"); ok && ids[id] {
			continue
		}
		if scheme := browserScheme(link); scheme != "http" && scheme != "https" && scheme != "mailto" {
			t.Errorf("a link to %q, of scheme %q", link, scheme)
		}
	}
	return links
}

// browserScheme returns the scheme a browser reads in an address: it drops
// leading and trailing spaces and controls, and tabs and newlines anywhere,
// and ignores the case. A relative address has none.
func browserScheme(link string) string {
	link = strings.TrimFunc(link, func(r rune) bool { return r <= ' ' })
	link = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(link)
	scheme, _, ok := strings.Cut(link, ":")
	if !ok || scheme == "" || strings.ContainsFunc(scheme, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+-.", r))
	}) {
		return ""
	}
	return strings.ToLower(scheme)
}

// TestPDFRationaleLinks checks that the PDF, which prints a rationale's
// links as "text (address)", prints only the addresses a link may open.
func TestPDFRationaleLinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[x](&#106;avascript:alert(1)) y", "x y"},
		{"[x](JAVASCRIPT:alert(3))", "x"},
		{"[x](java&#115;cript:alert(4))", "x"},
		{"[x](data:text/html;base64,PHNjcmlwdD4=)", "x"},
		{"[x](java%0ascript:alert(12))", "x"},
		{"[x](file:///etc/passwd)", "x"},
		{"[x](#claim-1)", "x"},
		{"![x](javascript:alert(14))", "x"},
		{"[x](HTTPS://example.org)", "x (HTTPS://example.org)"},
		{"[x](mailto:desk@example.org)", "x (mailto:desk@example.org)"},
		{"[x](https://example.org/a(b)) y", "x (https://example.org/a(b)) y"},
		{"![chart](https://example.org/chart.png)", "chart (https://example.org/chart.png)"},
	}
	for _, tt := range tests {
		if got := pdfInline(tt.in); got != tt.want {
			t.Errorf("pdfInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
