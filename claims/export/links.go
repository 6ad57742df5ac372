package export

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"claimdesk/claims"
)

// webURL returns the address a link to a web page may open, normalised, and
// "" for anything else. Articles, sources, archived copies and published
// verdicts are web pages, and an image is only ever linked to, so of the
// links claims.SafeLinkURL accepts these take http(s) only.
func webURL(raw string) string {
	u, ok := claims.SafeLinkURL(raw)
	if !ok || strings.HasPrefix(u, "mailto:") {
		return ""
	}
	return u
}

// mdReference is a character reference, which CommonMark decodes in text,
// link destinations and titles.
const mdReference = `&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`

var mdReferenceAtStart = regexp.MustCompile(`\A` + mdReference)

// mdUnescape undoes what CommonMark lets text, a link destination or a
// title escape: a backslash before punctuation, and character references.
// It reads them in one pass, as CommonMark does, so that an escaped & stays
// an &; goldmark decodes destinations in two and would not.
func mdUnescape(b []byte) string {
	s := string(b)
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); i++ {
		ref := ""
		if s[i] == '&' {
			ref = mdReferenceAtStart.FindString(s[i:])
		}
		switch {
		case s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i++
			out.WriteByte(s[i])
		case ref != "":
			out.WriteString(html.UnescapeString(ref))
			i += len(ref) - 1
		default:
			out.WriteByte(s[i])
		}
	}
	return out.String()
}

// mdLinkTarget returns the address a Markdown link, image or autolink may
// open, once the renderer has decoded it, and false when it may not be a
// link.
func mdLinkTarget(n ast.Node, src []byte) (string, bool) {
	switch n := n.(type) {
	case *ast.Link:
		return claims.SafeLinkURL(mdUnescape(n.Destination))
	case *ast.Image:
		u := webURL(mdUnescape(n.Destination))
		return u, u != ""
	case *ast.AutoLink:
		// Autolinks decode nothing: what is between < and > is the address.
		raw := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
			raw = "mailto:" + raw
		}
		return claims.SafeLinkURL(raw)
	}
	return "", false
}

// insideLink reports whether n is part of a link's text, where an image
// cannot be a link of its own.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink {
			return true
		}
	}
	return false
}

// htmlLinks renders the links, images and autolinks of a rationale in the
// HTML report in place of goldmark's own renderer, which decides on the
// address before decoding its character references and does not check
// autolinks at all. A link the decision refuses is its text; an image is a
// link to it, since the report fetches nothing.
type htmlLinks struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (htmlLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderHTMLLink)
	reg.Register(ast.KindImage, renderHTMLLink)
	reg.Register(ast.KindAutoLink, renderHTMLAutoLink)
}

// renderHTMLLink writes a link or an image as an <a> around its text, or
// its text alone.
func renderHTMLLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	u, ok := mdLinkTarget(n, src)
	if !ok || (n.Kind() == ast.KindImage && insideLink(n)) {
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(u) + `"`)
	if link, ok := n.(*ast.Link); ok && len(link.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(clean(mdUnescape(link.Title))) + `"`)
	}
	_, _ = w.WriteString(">")
	if n.FirstChild() == nil {
		// A link without text would be invisible: show where it goes.
		_, _ = w.WriteString(html.EscapeString(u))
	}
	return ast.WalkContinue, nil
}

// renderHTMLAutoLink writes an autolink as a link, or as the text it is.
func renderHTMLAutoLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	label := html.EscapeString(string(n.(*ast.AutoLink).Label(src)))
	if u, ok := mdLinkTarget(n, src); ok {
		label = `<a href="` + html.EscapeString(u) + `">` + label + `</a>`
	}
	_, _ = w.WriteString(label)
	return ast.WalkContinue, nil
}
