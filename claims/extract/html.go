package extract

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"claimdesk/claims"
)

// htmlText returns the title and the paragraphs of a saved web page: the
// text of its <article> (else <main>, else <body>) without the page's
// navigation, scripts and forms, one paragraph per line.
func htmlText(raw []byte) (title, text string, err error) {
	raw, err = utf8Page(raw)
	if err != nil {
		return "", "", err
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", claims.Errorf(claims.EINVALID, "The page contains NUL bytes: it is not a text file.")
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return "", "", claims.Errorf(claims.EINVALID, "The page cannot be read as HTML: %v.", err)
	}
	var w paragraphWriter
	w.walk(contentRoot(doc))
	text = w.String()
	title = pageTitle(doc)
	if title == "" {
		title = firstLine(text)
	}
	return title, text, nil
}

// utf8Page returns the page as UTF-8. A page saved in the legacy encoding its
// <meta charset> declares is converted; any other invalid UTF-8 is refused.
func utf8Page(raw []byte) ([]byte, error) {
	if utf8.Valid(raw) {
		return raw, nil
	}
	refuse := claims.Errorf(claims.EINVALID, "The page is not UTF-8 and declares no encoding; save it as UTF-8 and import it again.")
	head := bytes.ToLower(raw[:min(len(raw), 1024)])
	if !bytes.Contains(head, []byte("charset")) {
		return nil, refuse
	}
	_, name, _ := charset.DetermineEncoding(raw, "text/html")
	if name == "" || name == "utf-8" {
		return nil, refuse
	}
	r, err := charset.NewReaderLabel(name, bytes.NewReader(raw))
	if err != nil {
		return nil, refuse
	}
	out, err := io.ReadAll(r)
	if err != nil || !utf8.Valid(out) {
		return nil, refuse
	}
	return out, nil
}

// skipped are the elements whose text is not the article's: page furniture,
// code and forms.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Head: true,
	atom.Object: true, atom.Canvas: true, atom.Dialog: true,
}

// blocks are the elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Figcaption: true, atom.Figure: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dt: true, atom.Dd: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Br: true, atom.Hr: true,
	atom.Address: true, atom.Caption: true, atom.Summary: true, atom.Details: true,
	atom.Body: true,
}

// contentRoot picks the element holding the article: the <article> with the
// most text (pages list related stories as articles too), else <main>, else
// <body>, else the whole document.
func contentRoot(doc *html.Node) *html.Node {
	var best *html.Node
	bestLen := -1
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			if l := textLength(n); l > bestLen {
				best, bestLen = n, l
			}
		}
	}
	if best != nil {
		return best
	}
	for _, a := range []atom.Atom{atom.Main, atom.Body} {
		if n := findElement(doc, a); n != nil {
			return n
		}
	}
	return doc
}

// textLength counts the bytes of text under n, outside skipped elements.
func textLength(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return len(strings.TrimSpace(n.Data))
	case n.Type == html.ElementNode && skipped[n.DataAtom]:
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLength(c)
	}
	return total
}

// findElement returns the first element a in document order, or nil.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// pageTitle returns the text of the first <h1>, else of <title>.
func pageTitle(doc *html.Node) string {
	for _, a := range []atom.Atom{atom.H1, atom.Title} {
		if n := findElement(doc, a); n != nil {
			var w paragraphWriter
			w.walk(n)
			if t := strings.TrimSpace(strings.ReplaceAll(w.String(), "\n", " ")); t != "" {
				return shorten(t, maxTitle)
			}
		}
	}
	return ""
}

// paragraphWriter gathers text into paragraphs, collapsing the white space
// that HTML ignores; non-breaking spaces stay, as they hold numbers together.
type paragraphWriter struct {
	out  strings.Builder
	para strings.Builder
}

// walk writes the text under n, ending a paragraph at every block element.
func (w *paragraphWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.para.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		w.endParagraph()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.endParagraph()
	}
}

// hidden reports whether the page hides n from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// endParagraph writes the paragraph gathered so far, if it has any text.
func (w *paragraphWriter) endParagraph() {
	p := strings.Join(strings.FieldsFunc(w.para.String(), isHTMLSpace), " ")
	w.para.Reset()
	if p == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteByte('\n')
	}
	w.out.WriteString(p)
}

// String returns the paragraphs written, one per line.
func (w *paragraphWriter) String() string {
	w.endParagraph()
	return w.out.String()
}

// isHTMLSpace reports the characters HTML collapses: ASCII white space only.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}
