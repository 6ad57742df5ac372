package export

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"claimdesk/claims"
)

//go:embed templates/report.html.tmpl
var templates embed.FS

// reportTemplate is parsed once; html/template escapes every value for the
// context it lands in (text, attribute, URL, CSS), so user text can never
// become markup.
var reportTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"clean":     clean,
	"oneLine":   oneLine,
	"shorten":   shorten,
	"markdown":  markdownHTML,
	"url":       webURL,
	"speaker":   speakerLine,
	"chipStyle": chipStyle,
}).ParseFS(templates, "templates/report.html.tmpl"))

// htmlPage is what the report template shows.
type htmlPage struct {
	*report
	JSONLD template.JS // nil when no verdict can be marked up
	Chart  template.HTML
}

// writeHTML writes the report as one self-contained HTML file: styles and
// chart inline, nothing fetched, printable with a page per claim.
func writeHTML(w io.Writer, r *report) error {
	page := htmlPage{report: r, Chart: distributionSVG(r)}
	if reviews := r.claimReviews(); len(reviews) > 0 {
		for i := range reviews {
			reviews[i].Context = "https://schema.org"
		}
		// json.Encoder escapes <, > and & (and U+2028, U+2029), so nothing in
		// it can close the script element.
		raw, err := marshalLD(reviews, "")
		if err != nil {
			return fmt.Errorf("write the HTML report: %w", err)
		}
		page.JSONLD = template.JS(raw)
	}
	// Straight to the writer through a buffer of its own: the whole page
	// held in memory first took a fifth of the time, growing.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := reportTemplate.Execute(bw, page); err != nil {
		return fmt.Errorf("write the HTML report: %w", err)
	}
	return bw.Flush()
}

// OtherLang returns lang when text in it sits in a report in another
// language, for a lang attribute that lets browsers hyphenate it and screen
// readers pronounce it; "" when there is nothing to mark.
func (p htmlPage) OtherLang(lang string) string {
	if lang == p.Lang || !claims.ValidLanguage(lang) {
		return ""
	}
	return lang
}

// markdownRenderer is CommonMark plus tables and strikethrough. It runs in
// goldmark's default safe mode, which drops raw HTML, and writes links,
// images and autolinks with htmlLinks.
var markdownRenderer = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(htmlLinks{}, 100))),
)

// markdownHTML renders a rationale written in Markdown.
func markdownHTML(md string) template.HTML {
	var buf bytes.Buffer
	if err := markdownRenderer.Convert([]byte(dropHiddenReferences(clean(md))), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(clean(md)))
	}
	return template.HTML(buf.String())
}

// chipStyle colours a rating chip with the rating's colour and text that
// stays readable on it.
func chipStyle(color string) template.CSS {
	bg := safeColor(color)
	return template.CSS("background:" + bg + ";color:" + textOn(bg))
}

// safeColor returns color when it is #rrggbb, and grey otherwise.
func safeColor(color string) string {
	c := pdfColor(color)
	return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b)
}

// textOn returns black or white, whichever contrasts more with a #rrggbb
// background by WCAG's measure, as the PDF's chips do.
func textOn(bg string) string {
	if pdfTextOn(pdfColor(bg)) == (pdfRGB{}) {
		return "#000000"
	}
	return "#ffffff"
}

// distributionSVG draws the verdict distribution as horizontal bars, one per
// rating of the scale.
func distributionSVG(r *report) template.HTML {
	const rowHeight, labelWidth, barWidth = 26, 190, 360
	counts := r.Distribution
	max := 1
	for _, c := range counts {
		if c.Count > max {
			max = c.Count
		}
	}
	var b strings.Builder
	height := rowHeight*len(counts) + 4
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="%s" width="%d" height="%d" viewBox="0 0 %d %d">`,
		template.HTMLEscapeString(r.T.Distribution), labelWidth+barWidth+60, height, labelWidth+barWidth+60, height)
	for i, c := range counts {
		y := i*rowHeight + 2
		w := barWidth * c.Count / max
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13">%s</text>`, labelWidth-8, y+17, template.HTMLEscapeString(shorten(c.Rating.Label, 28)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"/>`, labelWidth, y+3, max1(w), rowHeight-8, safeColor(c.Rating.Color))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13">%s</text>`, labelWidth+max1(w)+6, y+17, r.Int(c.Count))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// max1 keeps an empty bar visible as a sliver, so every rating has a row.
func max1(w int) int {
	if w < 2 {
		return 2
	}
	return w
}
