package export

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"claimdesk/claims"
)

// The page, in points. The bottom margin leaves room for the footer.
const (
	pdfPageW   = 595.0 // A4, as gopdf.PageSizeA4 has it
	pdfPageH   = 842.0
	pdfMargin  = 56.0 // about 2 cm
	pdfTop     = 56.0
	pdfBottom  = pdfPageH - 62
	pdfWidth   = pdfPageW - 2*pdfMargin
	pdfFooterY = pdfPageH - 46
	pdfLabelW  = 96.0 // the narrowest label column of label–value rows
)

// pdfFieldMax caps every field the PDF prints. A field can be a megabyte
// long; laid out whole it would run to hundreds of pages and take seconds,
// and the other formats keep the full text.
const pdfFieldMax = 20_000

// pdfTitleMax caps titles, which are set large: a title longer than this is
// a mistake, and laid out whole it would push the report off the page.
const pdfTitleMax = 400

// Font styles, each an embedded font.
const (
	pdfRegular = "Go-Regular"
	pdfBold    = "Go-Bold"
	pdfItalic  = "Go-Italic"
)

// pdfFaces are the Go fonts, which cover Latin, Greek and Cyrillic with the
// French typographic marks (« » ’ – … œ). Each is its own family, so each
// has its own name in the PDF: viewers told apart fonts by name.
var pdfFaces = []struct {
	style string
	data  []byte
}{{pdfRegular, goregular.TTF}, {pdfBold, gobold.TTF}, {pdfItalic, goitalic.TTF}}

type pdfRGB struct{ r, g, b uint8 }

// The palette: dark ink on white, so the report prints well in grey too.
var (
	pdfInk      = pdfRGB{33, 37, 41}
	pdfMuted    = pdfRGB{98, 104, 112}
	pdfAccent   = pdfRGB{22, 58, 104}
	pdfLinkBlue = pdfRGB{16, 82, 170}
	pdfRuleGrey = pdfRGB{206, 211, 217}
	pdfHeadRow  = pdfRGB{229, 233, 239}
	pdfZebra    = pdfRGB{246, 247, 249}
	pdfTrack    = pdfRGB{238, 240, 243}
	pdfGrey     = pdfRGB{0x77, 0x77, 0x77}
)

// pdfFonts are pdfFaces parsed once, to tell which characters they draw.
var pdfFonts = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var fonts []*sfnt.Font
	for _, face := range pdfFaces {
		f, err := sfnt.Parse(face.data)
		if err != nil {
			return nil, err
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
})

// writePDF writes the report as a printable A4 PDF.
func writePDF(w io.Writer, r *report) (err error) {
	// gopdf is third-party code fed hostile text: should it panic, the
	// export fails rather than the app.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write the PDF: %v", p)
		}
	}()
	d, err := newPDFDoc(r)
	if err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	d.cover()
	for _, av := range r.Articles {
		for i := range av.Claims {
			d.claimPage(av.Article, &av.Claims[i])
		}
	}
	d.sources()
	d.methodology()
	d.footers()
	if d.err != nil {
		return fmt.Errorf("write the PDF: %w", d.err)
	}
	// gopdf ignores some write errors, so it writes to memory and the
	// copy to w is where they surface.
	var buf bytes.Buffer
	if _, err := d.pdf.WriteTo(&buf); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	return nil
}

// pdfDoc lays a report out on pages. Its errors are sticky: the first one
// stops all drawing and is what writePDF returns, which keeps the layout
// code free of error plumbing.
type pdfDoc struct {
	pdf     *gopdf.GoPdf
	r       *report
	cutNote string  // ends a field pdfCap cut
	labelW  float64 // the label column of label–value rows
	y       float64 // top of the next line, in points from the top of the page
	style   string
	size    float64
	err     error
	fonts   []*sfnt.Font
	buf     sfnt.Buffer
	glyphs  map[rune]bool
	widths  map[pdfGlyphKey]float64
}

type pdfGlyphKey struct {
	style string
	size  float64
	r     rune
}

func newPDFDoc(r *report) (*pdfDoc, error) {
	fonts, err := pdfFonts()
	if err != nil {
		return nil, fmt.Errorf("read the fonts: %w", err)
	}
	d := &pdfDoc{pdf: &gopdf.GoPdf{}, r: r, cutNote: " … " + r.T.PDFShort, fonts: fonts, glyphs: map[rune]bool{}, widths: map[pdfGlyphKey]float64{}}
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	for _, face := range pdfFaces {
		opt := gopdf.TtfOption{Style: gopdf.Regular, OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
		if err := d.pdf.AddTTFFontDataWithOption(face.style, face.data, opt); err != nil {
			return nil, fmt.Errorf("embed the fonts: %w", err)
		}
	}
	d.pdf.SetInfo(gopdf.PdfInfo{
		Title:        d.fit(shorten(r.Title, 300)),
		Author:       d.fit(shorten(r.Settings.Organization, 200)),
		Creator:      pdfCreator,
		CreationDate: r.GeneratedAt,
	})
	d.labelW = d.labelWidth()
	d.newPage()
	return d, nil
}

// labelWidth fits the label column to the longest label of the report's
// language, which French makes longer than English.
func (d *pdfDoc) labelWidth() float64 {
	t := &d.r.T
	d.setFont(pdfBold, 8.5)
	w := 0.0
	for _, l := range []string{t.Outlet, t.Published, t.Address, t.Stance, t.Reliability, t.Excerpt, t.Locator,
		t.ArchivedCopy, t.Accessed, t.VerdictBy, t.LastEdited, t.ApprovedBy} {
		w = max(w, d.textWidth(d.fit(l)))
	}
	return min(max(pdfLabelW, math.Ceil(w)+12), pdfWidth/3)
}

func (d *pdfDoc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// ---- Text: what the fonts can draw, how wide it is, where lines break.

// line prepares a one-line field for the PDF: capped, cleaned, its line
// breaks folded into spaces.
func (d *pdfDoc) line(s string) string { return oneLine(pdfCap(s, d.cutNote)) }

// long prepares a multi-line field for the PDF: capped and cleaned,
// keeping its line breaks.
func (d *pdfDoc) long(s string) string { return strings.TrimSpace(clean(pdfCap(s, d.cutNote))) }

// pdfCap cuts s to pdfFieldMax characters and adds note, which says so.
func pdfCap(s, note string) string {
	n := 0
	for i := range s {
		if n == pdfFieldMax {
			return s[:i] + note
		}
		n++
	}
	return s
}

// fit makes cleaned text drawable with the embedded fonts: composed (NFC)
// so accents pasted as combining marks use the accented letters, spaces and
// hyphens the fonts lack mapped to ones they have, and any other missing
// character shown as "?" rather than dropped, which would change meaning.
func (d *pdfDoc) fit(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r = pdfSubstitute(r); {
		case r < 0:
		case r == '\n' || d.hasGlyph(r):
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// pdfSubstitute maps characters the Go fonts lack but French text uses to
// ones they have; it returns -1 for invisible characters to drop.
func pdfSubstitute(r rune) rune {
	switch {
	case r == '\t':
		return ' '
	case r == '\u202f' || r == '\u2007': // narrow and figure no-break spaces
		return '\u00a0'
	case r >= '\u2000' && r <= '\u200a':
		return ' '
	case r == '\u2010' || r == '\u2011':
		return '-'
	case r == '\u00ad' || (r >= '\u200b' && r <= '\u200d') || r == '\u2060' || r == '\ufeff':
		return -1
	}
	return r
}

// hasGlyph reports whether every embedded font draws r.
func (d *pdfDoc) hasGlyph(r rune) bool {
	ok, seen := d.glyphs[r]
	if seen {
		return ok
	}
	ok = true
	for _, f := range d.fonts {
		if i, err := f.GlyphIndex(&d.buf, r); err != nil || i == 0 {
			ok = false
			break
		}
	}
	d.glyphs[r] = ok
	return ok
}

func (d *pdfDoc) setFont(style string, size float64) {
	if d.err != nil || (style == d.style && size == d.size) {
		return
	}
	d.fail(d.pdf.SetFont(style, "", size))
	d.style, d.size = style, size
}

func (d *pdfDoc) lineHeight() float64 { return d.size * 1.33 }

// runeWidth is the advance of a drawable rune in the current font. It asks
// gopdf, so that measures and drawing agree, once per rune and font.
func (d *pdfDoc) runeWidth(r rune) float64 {
	k := pdfGlyphKey{d.style, d.size, r}
	if w, ok := d.widths[k]; ok {
		return w
	}
	w, err := d.pdf.MeasureTextWidth(string(r))
	d.fail(err)
	d.widths[k] = w
	return w
}

func (d *pdfDoc) textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += d.runeWidth(r)
	}
	return w
}

// wrap fits s and breaks it into lines no wider than width in the current
// font: at spaces where it can, inside a word when the word alone is wider
// than the line (a long URL), and at every line break.
func (d *pdfDoc) wrap(s string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(d.fit(s), "\n") {
		lines = d.wrapLine(lines, para, width)
	}
	return lines
}

func (d *pdfDoc) wrapLine(lines []string, s string, width float64) []string {
	var line strings.Builder
	lw, space := 0.0, d.runeWidth(' ')
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lw = 0
	}
	for _, word := range strings.Split(s, " ") {
		if word == "" {
			continue
		}
		ww := d.textWidth(word)
		switch {
		case line.Len() > 0 && lw+space+ww <= width:
			line.WriteByte(' ')
			line.WriteString(word)
			lw += space + ww
		case ww <= width:
			if line.Len() > 0 {
				flush()
			}
			line.WriteString(word)
			lw = ww
		default:
			if line.Len() > 0 {
				flush()
			}
			lines, lw = d.breakWord(lines, &line, word, width)
		}
	}
	flush()
	return lines
}

// breakWord lays out a word wider than the line onto line, moving full
// lines to lines, and returns the width left on line. It breaks after the
// last slash, hyphen or other URL separator that fits, or else wherever
// the line runs out.
func (d *pdfDoc) breakWord(lines []string, line *strings.Builder, word string, width float64) ([]string, float64) {
	lw, cut := 0.0, 0
	for _, r := range word {
		rw := d.runeWidth(r)
		if lw+rw > width && line.Len() > 0 {
			l := line.String()
			if cut < len(l)/3 {
				cut = len(l)
			}
			lines = append(lines, l[:cut])
			line.Reset()
			line.WriteString(l[cut:])
			lw, cut = d.textWidth(l[cut:]), 0
		}
		line.WriteRune(r)
		lw += rw
		if strings.ContainsRune("/-?&#=_.", r) {
			cut = line.Len()
		}
	}
	return lines, lw
}

// fitWidth fits s on one line of at most width, cutting it with an
// ellipsis when it is wider.
func (d *pdfDoc) fitWidth(s string, width float64) string {
	s = d.fit(strings.ReplaceAll(s, "\n", " "))
	if d.textWidth(s) <= width {
		return s
	}
	limit := width - d.runeWidth('…')
	w := 0.0
	for i, r := range s {
		if w += d.runeWidth(r); w > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}

// ---- Drawing primitives.

func (d *pdfDoc) setColor(c pdfRGB) { d.pdf.SetTextColor(c.r, c.g, c.b) }

// text draws one line of text with its top-left corner at x, y.
func (d *pdfDoc) text(x, y float64, s string) {
	if d.err != nil || s == "" {
		return
	}
	s = d.fit(s)
	d.pdf.SetXY(x, y)
	d.fail(d.pdf.Cell(&gopdf.Rect{W: d.textWidth(s), H: d.lineHeight()}, s))
}

func (d *pdfDoc) rect(x, y, w, h float64, c pdfRGB) {
	if d.err != nil || w <= 0 || h <= 0 {
		return
	}
	d.pdf.SetFillColor(c.r, c.g, c.b)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

func (d *pdfDoc) rule(y float64) {
	if d.err != nil {
		return
	}
	d.pdf.SetStrokeColor(pdfRuleGrey.r, pdfRuleGrey.g, pdfRuleGrey.b)
	d.pdf.SetLineWidth(0.6)
	d.pdf.Line(pdfMargin, y, pdfPageW-pdfMargin, y)
}

// newPage starts a page. It draws the footer rule at once so that every
// page has its content stream in page order, which footers relies on.
func (d *pdfDoc) newPage() {
	if d.err != nil {
		return
	}
	d.pdf.AddPage()
	d.rule(pdfFooterY)
	d.y = pdfTop
}

// need starts a new page unless h more points fit on this one.
func (d *pdfDoc) need(h float64) {
	if d.y+h > pdfBottom {
		d.newPage()
	}
}

func (d *pdfDoc) space(h float64) { d.y += h }

// lines draws wrapped lines at x, flowing onto new pages; mark, when not
// nil, decorates each line (a quotation bar).
func (d *pdfDoc) lines(lines []string, x float64, mark func(y, h float64)) {
	lh := d.lineHeight()
	for _, l := range lines {
		if d.err != nil {
			return
		}
		d.need(lh)
		if mark != nil {
			mark(d.y, lh)
		}
		d.text(x, d.y, l)
		d.y += lh
	}
}

// para draws text wrapped to width at x.
func (d *pdfDoc) para(s string, style string, size float64, c pdfRGB, x, width float64) {
	d.setFont(style, size)
	d.setColor(c)
	d.lines(d.wrap(s, width), x, nil)
}

// link draws a URL wrapped to width at x. Only web addresses become
// clickable: javascript:, file: and the like stay inert text.
func (d *pdfDoc) link(raw string, x, width float64) {
	shown := d.line(raw)
	target, ok := pdfLinkTarget(raw)
	d.setFont(pdfRegular, 9.5)
	c := pdfInk
	if ok {
		c = pdfLinkBlue
	}
	d.setColor(c)
	lh := d.lineHeight()
	d.lines(d.wrap(shown, width), x, func(y, _ float64) {
		// The annotation goes on the line about to be drawn, so on its page.
		if ok && d.err == nil {
			d.pdf.AddExternalLink(target, x, y, width, lh)
		}
	})
}

// pdfLinkTarget returns the address a link to a web page may open, as
// webURL does, and false for anything else. A field cut by pdfCap is no
// link: it would lead somewhere other than what the reader sees.
func pdfLinkTarget(raw string) (string, bool) {
	if pdfCap(raw, "") != raw {
		return "", false
	}
	u := webURL(raw)
	return u, u != ""
}

// chip draws a rating as a coloured label with its top-left corner at x, y
// and returns its width. The text is black or white, whichever contrasts
// more with the colour.
func (d *pdfDoc) chip(x, y float64, rt *claims.Rating, size, maxW float64) float64 {
	bg := pdfColor(rt.Color)
	d.setFont(pdfBold, size)
	pad := size * 0.6
	label := d.fitWidth(shorten(rt.Label, 60), maxW-2*pad)
	w, h := d.textWidth(label)+2*pad, pdfChipHeight(size)
	if d.err == nil {
		d.pdf.SetFillColor(bg.r, bg.g, bg.b)
		d.fail(d.pdf.Rectangle(x, y, x+w, y+h, "F", 2.5, 4))
	}
	d.setColor(pdfTextOn(bg))
	d.text(x+pad, y+(h-size*1.16)/2, label)
	return w
}

func pdfChipHeight(size float64) float64 { return size * 1.75 }

// pdfColor reads #rrggbb, falling back to grey for anything else.
func pdfColor(s string) pdfRGB {
	if len(s) != 7 || s[0] != '#' {
		return pdfGrey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return pdfGrey
	}
	return pdfRGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// pdfTextOn returns black or white, whichever has the higher WCAG contrast
// with the background bg.
func pdfTextOn(bg pdfRGB) pdfRGB {
	lin := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(bg.r) + 0.7152*lin(bg.g) + 0.0722*lin(bg.b)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return pdfRGB{0, 0, 0}
	}
	return pdfRGB{255, 255, 255}
}

// ---- Report structure.

func (d *pdfDoc) heading(s string, size float64, c pdfRGB) {
	d.setFont(pdfBold, size)
	// Keep a heading with at least two lines of what it heads.
	d.need(size*1.4 + 30)
	d.para(s, pdfBold, size, c, pdfMargin, pdfWidth)
	d.space(size * 0.3)
}

func (d *pdfDoc) section(title string) {
	d.space(8)
	d.heading(title, 12.5, pdfAccent)
}

// field draws a label–value row; value draws the value at x, width wide.
func (d *pdfDoc) field(label string, value func(x, width float64)) {
	d.setFont(pdfRegular, 10)
	d.need(d.lineHeight())
	y := d.y
	d.setFont(pdfBold, 8.5)
	d.setColor(pdfMuted)
	d.text(pdfMargin, y+1.2, d.fitWidth(label, d.labelW-6))
	value(pdfMargin+d.labelW, pdfWidth-d.labelW)
	d.space(1.5)
}

// textField draws a label–value row whose value is text, unless it is empty.
func (d *pdfDoc) textField(label, value, style string) {
	if value == "" {
		return
	}
	d.field(label, func(x, width float64) { d.para(value, style, 10, pdfInk, x, width) })
}

// linkField draws a label–URL row, unless the URL is empty.
func (d *pdfDoc) linkField(label, raw string) {
	if strings.TrimSpace(raw) == "" {
		return
	}
	d.field(label, func(x, width float64) { d.link(raw, x, width) })
}

func (d *pdfDoc) note(s string) {
	d.para(s, pdfItalic, 10, pdfMuted, pdfMargin, pdfWidth)
}

// cover is the first page: the header, each article with its claims at a
// glance, and the verdict distribution.
func (d *pdfDoc) cover() {
	r := d.r
	if org := d.line(r.Settings.Organization); org != "" {
		d.para(strings.ToUpper(org), pdfBold, 9, pdfMuted, pdfMargin, pdfWidth)
		d.space(4)
	}
	d.para(shorten(r.Title, pdfTitleMax), pdfBold, 20, pdfAccent, pdfMargin, pdfWidth)
	d.space(4)
	meta := strings.Join([]string{r.Scope, r.ClaimCount(), r.Generated()}, "  ·  ")
	d.para(meta, pdfRegular, 9.5, pdfMuted, pdfMargin, pdfWidth)
	d.space(8)
	d.rule(d.y)
	d.space(10)
	if len(r.Articles) == 0 {
		d.note(r.T.NoClaims)
		d.space(10)
	}
	for _, av := range r.Articles {
		d.article(av)
	}
	d.distribution()
}

func (d *pdfDoc) article(av articleView) {
	r, a := d.r, av.Article
	d.heading(shorten(a.Title, pdfTitleMax), 13, pdfInk)
	d.textField(r.T.Outlet, d.line(a.Outlet), pdfRegular)
	d.textField(r.T.Published, r.Day(d.line(a.PublishedOn)), pdfRegular)
	d.linkField(r.T.Address, a.URL)
	d.space(8)
	if len(av.Claims) == 0 {
		d.note(r.T.NoClaimsInArticle)
		d.space(10)
		return
	}
	d.summaryTable(av.Claims)
	d.space(14)
}

// pdfColumn is a column of the claims table.
type pdfColumn struct {
	title string
	width float64
}

// summaryColumns are the columns of the claims table; the claim column takes
// what the others leave. The status column is as wide as the longest status
// name of the report's language, so that no name breaks inside a word.
func (d *pdfDoc) summaryColumns() []pdfColumn {
	const number, speaker, rating = 22.0, 98.0, 114.0
	d.setFont(pdfRegular, 9)
	status := d.textWidth(d.r.T.Status)
	for _, s := range claims.Statuses {
		for _, word := range strings.Fields(d.r.StatusName(s)) {
			status = max(status, d.textWidth(word))
		}
	}
	status = max(66, math.Ceil(status)+2*pdfCellPad)
	t := d.r.T
	return []pdfColumn{{"#", number}, {t.Claim, pdfWidth - number - speaker - status - rating}, {t.Speaker, speaker}, {t.Status, status}, {t.Rating, rating}}
}

const pdfCellPad = 4.0

func (d *pdfDoc) summaryTable(cvs []claimView) {
	cols := d.summaryColumns()
	d.setFont(pdfRegular, 9)
	d.need(2*d.lineHeight() + 4*pdfCellPad + 20)
	d.summaryHeader(cols)
	for i := range cvs {
		d.summaryRow(cols, &cvs[i], i%2 == 1)
	}
	d.rule(d.y)
}

func (d *pdfDoc) summaryHeader(cols []pdfColumn) {
	d.setFont(pdfBold, 8.5)
	h := d.lineHeight() + 2*pdfCellPad
	d.rect(pdfMargin, d.y, pdfWidth, h, pdfHeadRow)
	d.setColor(pdfInk)
	x := pdfMargin
	for _, c := range cols {
		d.text(x+pdfCellPad, d.y+pdfCellPad, d.fitWidth(c.title, c.width-2*pdfCellPad))
		x += c.width
	}
	d.y += h
}

func (d *pdfDoc) summaryRow(cols []pdfColumn, cv *claimView, zebra bool) {
	d.setFont(pdfRegular, 9)
	lh := d.lineHeight()
	summary := cv.Summary
	if strings.TrimSpace(summary) == "" {
		summary = cv.Text
	}
	cells := [][]string{
		{d.r.Int(cv.Number)},
		d.wrap(shorten(summary, 160), cols[1].width-2*pdfCellPad),
		d.wrap(shorten(speakerLine(cv.Speaker), 80), cols[2].width-2*pdfCellPad),
		d.wrap(d.r.StatusName(cv.Status), cols[3].width-2*pdfCellPad),
	}
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	h := max(float64(n)*lh, pdfChipHeight(8.5)) + 2*pdfCellPad
	if d.y+h > pdfBottom {
		d.newPage()
		d.summaryHeader(cols)
	}
	if zebra {
		d.rect(pdfMargin, d.y, pdfWidth, h, pdfZebra)
	}
	x := pdfMargin
	for i, c := range cells {
		d.setFont(pdfRegular, 9)
		d.setColor(pdfInk)
		for j, l := range c {
			d.text(x+pdfCellPad, d.y+pdfCellPad+float64(j)*lh, l)
		}
		x += cols[i].width
	}
	d.ratingCell(cv, x+pdfCellPad, d.y+pdfCellPad, cols[4].width-2*pdfCellPad)
	if d.err == nil {
		// The row leads to the claim's page.
		d.pdf.AddInternalLink(cv.Anchor, pdfMargin, d.y, x-pdfMargin, h)
	}
	d.y += h
}

func (d *pdfDoc) ratingCell(cv *claimView, x, y, width float64) {
	if cv.Rating == nil {
		d.setFont(pdfItalic, 9)
		d.setColor(pdfMuted)
		d.text(x, y, d.fitWidth(d.r.T.NoVerdict, width))
		return
	}
	d.chip(x, y, cv.Rating, 8.5, width)
}

// distribution draws one bar per rating of the scale, as long as its share
// of the most frequent rating.
func (d *pdfDoc) distribution() {
	const labelW, barH, rowH, countW = 130.0, 12.0, 19.0, 34.0
	d.heading(d.r.T.Distribution, 13, pdfAccent)
	most, rated := 1, 0
	for _, rc := range d.r.Distribution {
		most = max(most, rc.Count)
		rated += rc.Count
	}
	barX := pdfMargin + labelW + 8
	barMax := pdfWidth - labelW - 8 - countW
	for _, rc := range d.r.Distribution {
		d.need(rowH)
		d.setFont(pdfRegular, 9.5)
		d.setColor(pdfInk)
		label := d.fitWidth(shorten(rc.Rating.Label, 60), labelW)
		d.text(barX-8-d.textWidth(label), d.y+1.5, label)
		d.rect(barX, d.y+2, barMax, barH, pdfTrack)
		w := barMax * float64(rc.Count) / float64(most)
		d.rect(barX, d.y+2, w, barH, pdfColor(rc.Rating.Color))
		d.setFont(pdfBold, 9.5)
		d.text(barX+barMax+6, d.y+1.5, d.r.Int(rc.Count))
		d.y += rowH
	}
	d.space(4)
	d.note(d.r.RatedCount(rated))
}

// claimPage starts a page for one claim: its words, its verdict with the
// reasoning and evidence behind it, who signed it off, and its corrections.
func (d *pdfDoc) claimPage(a *claims.Article, cv *claimView) {
	d.newPage()
	d.pdf.SetXY(pdfMargin, d.y)
	d.pdf.SetAnchor(cv.Anchor)
	d.para(shorten(a.Title, 110), pdfRegular, 8.5, pdfMuted, pdfMargin, pdfWidth)
	d.space(2)
	d.setFont(pdfBold, 18)
	d.setColor(pdfAccent)
	d.text(pdfMargin, d.y, d.r.ClaimTitle(cv.Number))
	d.setFont(pdfRegular, 9.5)
	d.setColor(pdfMuted)
	status := d.fitWidth(d.r.StatusLine(cv.Status), 240)
	d.text(pdfPageW-pdfMargin-d.textWidth(status), d.y+6, status)
	d.space(32)
	d.claimWords(cv)
	d.verdict(cv)
	d.evidence(cv)
	d.signOff(cv)
}

func (d *pdfDoc) claimWords(cv *claimView) {
	d.setFont(pdfItalic, 12)
	d.setColor(pdfInk)
	bar := pdfGrey
	if cv.Rating != nil {
		bar = pdfColor(cv.Rating.Color)
	}
	d.lines(d.wrap(d.r.quoted(d.long(cv.Text)), pdfWidth-14), pdfMargin+14, func(y, h float64) {
		// Raised a little, so that the bar spans the letters, not the leading.
		d.rect(pdfMargin, y-2, 3, h, bar)
	})
	d.space(6)
	if who := d.line(speakerLine(cv.Speaker)); who != "" {
		d.para("— "+who, pdfRegular, 10.5, pdfInk, pdfMargin+14, pdfWidth-14)
	}
	if cv.ClaimDate != "" {
		d.para(d.r.SaidOn(d.line(cv.ClaimDate)), pdfRegular, 9.5, pdfMuted, pdfMargin+14, pdfWidth-14)
	}
}

// verdict draws the rating and its explanation, then the corrections,
// which readers of a corrected verdict are owed first, then the reasoning.
func (d *pdfDoc) verdict(cv *claimView) {
	t := &d.r.T
	d.section(t.Verdict)
	v := cv.Verdict
	if v == nil || cv.Rating == nil {
		d.note(t.NoVerdict)
		d.corrections(cv)
		return
	}
	d.need(pdfChipHeight(11) + 30)
	d.chip(pdfMargin, d.y, cv.Rating, 11, pdfWidth)
	d.space(pdfChipHeight(11) + 8)
	d.para(d.long(v.Explanation), pdfBold, 11, pdfInk, pdfMargin, pdfWidth)
	d.corrections(cv)
	if rationale := d.long(v.Rationale); rationale != "" {
		d.section(t.Rationale)
		d.markdown(rationale)
	}
	if method := d.long(v.Methodology); method != "" {
		d.section(t.HowWeChecked)
		d.para(method, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	}
}

func (d *pdfDoc) evidence(cv *claimView) {
	d.section(d.r.EvidenceCount(len(cv.Evidence)))
	if len(cv.Evidence) == 0 {
		d.note(d.r.T.NoEvidence)
		return
	}
	for i, ev := range cv.Evidence {
		if i > 0 {
			d.space(6)
		}
		d.evidenceItem(i+1, ev)
	}
}

func (d *pdfDoc) evidenceItem(n int, ev evidenceView) {
	r, t, s := d.r, &d.r.T, ev.Source
	d.setFont(pdfBold, 10)
	d.need(3 * d.lineHeight())
	d.para(r.Int(n)+". "+d.line(r.Citation(s)), pdfBold, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(2)
	d.textField(t.Stance, r.StanceName(ev.Stance), pdfRegular)
	if s != nil && s.Reliability.Valid() {
		d.textField(t.Reliability, r.ReliabilityName(s.Reliability), pdfRegular)
	}
	if excerpt := d.long(ev.Excerpt); excerpt != "" {
		d.textField(t.Excerpt, r.quoted(excerpt), pdfItalic)
	}
	d.textField(t.Locator, d.line(ev.Locator), pdfRegular)
	if s != nil {
		d.linkField(t.Address, s.URL)
		d.linkField(t.ArchivedCopy, s.ArchiveURL)
		d.textField(t.Accessed, r.Day(d.line(s.Accessed)), pdfRegular)
	}
}

func (d *pdfDoc) signOff(cv *claimView) {
	r, t := d.r, &d.r.T
	d.section(t.Review)
	if v := cv.Verdict; v != nil {
		d.textField(t.VerdictBy, d.line(v.Author), pdfRegular)
		d.textField(t.LastEdited, r.Stamp(v.UpdatedAt), pdfRegular)
	}
	switch a := cv.Approval; {
	case a != nil:
		d.textField(t.ApprovedBy, d.line(a.Reviewer)+", "+r.Stamp(a.At), pdfRegular)
	case cv.Verdict != nil:
		d.textField(t.ApprovedBy, t.NotApproved, pdfItalic)
	}
	if cv.PublishedAt.IsZero() {
		d.textField(t.Published, t.NotPublished, pdfItalic)
	} else {
		d.textField(t.Published, r.Stamp(cv.PublishedAt), pdfRegular)
	}
	if cv.published() {
		d.linkField(t.Address, cv.URL)
	}
}

func (d *pdfDoc) corrections(cv *claimView) {
	if len(cv.Corrections) == 0 {
		return
	}
	r, t := d.r, &d.r.T
	d.section(t.Corrections)
	for i, c := range cv.Corrections {
		if i > 0 {
			d.space(6)
		}
		d.para(r.Stamp(c.At), pdfBold, 10, pdfInk, pdfMargin, pdfWidth)
		d.para(r.RatingChange(d.ratingLabel(c.OldRating), d.ratingLabel(c.NewRating)), pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
		// The reason is internal; readers get the public note.
		if note := d.long(c.PublicNote); note != "" {
			d.para(note, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
		}
	}
}

// ratingLabel names a rating by its label, or by its key when it is not on
// the scale.
func (d *pdfDoc) ratingLabel(key string) string {
	if rt, ok := d.r.Settings.Scale.Rating(key); ok {
		return shorten(rt.Label, 100)
	}
	return shorten(key, 100)
}

// ---- Markdown, as plain paragraphs.

type pdfBlock struct {
	marker  string // "•" or "3." for a list item
	heading bool
	text    string
}

var (
	pdfMdHeading = regexp.MustCompile(`^#{1,6}\s+`)
	pdfMdBullet  = regexp.MustCompile(`^[-*+]\s+`)
	pdfMdNumber  = regexp.MustCompile(`^(\d{1,9})[.)]\s+`)
	pdfMdRule    = regexp.MustCompile(`^(?:[-*_]\s*){3,}$|^\|?[\s:|-]*-[\s:|-]*\|?$|^(?:` + "```|~~~" + `)`)
	pdfMdLink    = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)`)
	pdfMdMarks   = strings.NewReplacer("**", "", "__", "", "`", "")
)

// pdfMarkdownBlocks reads the Markdown the rationale is written in as
// paragraphs, headings and list items of plain text. It knows only what
// fact-checkers write; anything else prints as it is.
func pdfMarkdownBlocks(s string) []pdfBlock {
	var blocks []pdfBlock
	var para []string
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, pdfBlock{text: pdfInline(strings.Join(para, " "))})
			para = nil
		}
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || pdfMdRule.MatchString(t):
			flush()
		case pdfMdHeading.MatchString(t):
			flush()
			blocks = append(blocks, pdfBlock{heading: true, text: pdfInline(strings.TrimRight(pdfMdHeading.ReplaceAllString(t, ""), "# "))})
		case pdfMdBullet.MatchString(t):
			flush()
			blocks = append(blocks, pdfBlock{marker: "•", text: pdfInline(pdfMdBullet.ReplaceAllString(t, ""))})
		case pdfMdNumber.MatchString(t):
			flush()
			m := pdfMdNumber.FindStringSubmatch(t)
			blocks = append(blocks, pdfBlock{marker: m[1] + ".", text: pdfInline(t[len(m[0]):])})
		case len(para) == 0 && len(blocks) > 0 && blocks[len(blocks)-1].marker != "" && line != t:
			// An indented line under a list item continues it.
			blocks[len(blocks)-1].text += " " + pdfInline(t)
		default:
			para = append(para, strings.TrimSpace(strings.TrimLeft(t, ">")))
		}
	}
	flush()
	return blocks
}

// pdfInline drops emphasis marks and code ticks, and writes links as
// "text (address)" so that the address stays visible and inert.
func pdfInline(s string) string {
	s = pdfMdLink.ReplaceAllStringFunc(s, pdfInlineLink)
	return pdfEmphasis(pdfMdMarks.Replace(s))
}

// pdfInlineLink writes a link or an image as its text, followed by its
// address when a link could open it, as written.
func pdfInlineLink(link string) string {
	m := pdfMdLink.FindStringSubmatch(link)
	image, text, dest := m[1] != "", m[2], mdUnescape([]byte(m[3]))
	if u, ok := claims.SafeLinkURL(dest); !ok || (image && webURL(u) == "") {
		return text
	}
	return text + " (" + strings.TrimSpace(dest) + ")"
}

// pdfEmphasis drops the * and _ that open or close emphasis, keeping those
// inside words (snake_case, URLs) and backslash-escaped ones.
func pdfEmphasis(s string) string {
	r := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := func(i int) bool {
		return i < 0 || i >= len(r) || r[i] == ' ' || strings.ContainsRune(".,;:!?()«»\"'", r[i])
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == '\\' && i+1 < len(r) && strings.ContainsRune(`\*_#[]()`+"`", r[i+1]):
			i++
			b.WriteRune(r[i])
		case (c == '*' || c == '_') && (blank(i-1) != blank(i+1)):
			// opening (after a blank, before a word) or closing: drop
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func (d *pdfDoc) markdown(s string) {
	for i, blk := range pdfMarkdownBlocks(s) {
		if i > 0 {
			d.space(5)
		}
		switch {
		case blk.heading:
			d.para(blk.text, pdfBold, 10.5, pdfInk, pdfMargin, pdfWidth)
		case blk.marker != "":
			d.setFont(pdfRegular, 10)
			d.need(d.lineHeight())
			d.setColor(pdfInk)
			d.text(pdfMargin+6, d.y, blk.marker)
			d.para(blk.text, pdfRegular, 10, pdfInk, pdfMargin+20, pdfWidth-20)
			d.space(-3)
		default:
			d.para(blk.text, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
		}
	}
}

// ---- Closing pages.

// sources lists every cited source, as a reference list does.
func (d *pdfDoc) sources() {
	r := d.r
	if len(r.Sources) == 0 {
		return
	}
	d.newPage()
	d.heading(r.T.SourcesCited, 16, pdfAccent)
	for i, s := range r.Sources {
		if i > 0 {
			d.space(6)
		}
		d.setFont(pdfRegular, 10)
		d.need(2 * d.lineHeight())
		d.para(r.Int(i+1)+". "+d.line(r.Citation(s)), pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
		if s.Reliability.Valid() {
			d.para(r.ReliabilityOf(s.Reliability), pdfRegular, 9, pdfMuted, pdfMargin+14, pdfWidth-14)
		}
		if strings.TrimSpace(s.URL) != "" {
			d.link(s.URL, pdfMargin+14, pdfWidth-14)
		}
	}
}

// methodology explains how to read and check the report: how claims are
// quoted and verdicts approved, the rating scale, the source grades and the
// history hash.
func (d *pdfDoc) methodology() {
	r := d.r
	if len(r.Sources) == 0 {
		d.newPage()
	} else {
		d.space(16)
	}
	d.heading(r.T.Methodology, 16, pdfAccent)
	d.para(r.T.MethodIntro+" "+r.ReviewRule(), pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	d.scale()
	d.section(r.T.SourceReliability)
	d.para(r.T.ReliabilityScale, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(3)
	for _, g := range r.ReliabilityGrades() {
		d.para("•  "+g, pdfRegular, 10, pdfInk, pdfMargin+6, pdfWidth-6)
	}
	d.verification()
}

func (d *pdfDoc) scale() {
	sc := &d.r.Settings.Scale
	d.section(d.line(d.r.ScaleTitle()))
	d.para(d.r.ScaleValues(), pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(4)
	for i := range sc.Ratings {
		rt := &sc.Ratings[i]
		d.need(pdfChipHeight(9) + 4)
		w := d.chip(pdfMargin, d.y, rt, 9, 200)
		d.setFont(pdfRegular, 9.5)
		d.setColor(pdfInk)
		d.text(pdfMargin+max(w, 120)+10, d.y+2.5, d.r.ScaleValue(rt.Value))
		d.space(pdfChipHeight(9) + 4)
	}
}

func (d *pdfDoc) verification() {
	t := &d.r.T
	d.section(t.Verify)
	head := d.line(d.r.HistoryHead)
	if head == "" {
		d.note(t.NoHistory)
		return
	}
	d.para(t.VerifyMadeFrom, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(4)
	d.para(head, pdfBold, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(4)
	d.para(t.VerifyHow, pdfRegular, 10, pdfInk, pdfMargin, pdfWidth)
	d.space(4)
	d.para("claimdesk history --verify", pdfBold, 10, pdfInk, pdfMargin, pdfWidth)
}

// footers writes the footer of every page once the page count is known.
func (d *pdfDoc) footers() {
	if d.err != nil {
		return
	}
	r := d.r
	left := r.Generated()
	head := d.line(r.HistoryHead)
	if head == "" {
		head = r.T.NoHistoryHash
	}
	right := r.T.HistoryHash + " " + pdfShortHash(head)
	n := d.pdf.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		if err := d.pdf.SetPage(i); err != nil {
			d.fail(fmt.Errorf("reach page %d: %w", i, err))
			return
		}
		d.setFont(pdfRegular, 8)
		d.setColor(pdfMuted)
		y := pdfFooterY + 5
		d.text(pdfMargin, y, left)
		page := r.PageOf(i, n)
		pageW := d.textWidth(page)
		d.text((pdfPageW-pageW)/2, y, page)
		right := d.fitWidth(right, (pdfPageW-pageW)/2-pdfMargin-12)
		d.text(pdfPageW-pdfMargin-d.textWidth(right), y, right)
	}
}

// pdfShortHash keeps the ends of a hash, which is enough to tell hashes apart
// by eye; the methodology prints it whole.
func pdfShortHash(h string) string {
	r := []rune(h)
	if len(r) <= 20 {
		return h
	}
	return string(r[:12]) + "…" + string(r[len(r)-6:])
}
