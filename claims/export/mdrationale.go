package export

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// mdRationale writes a rationale's Markdown again from what a CommonMark
// parser finds in it alone. The report keeps its formatting, but nothing in
// it can act on the rest of the report or on a reader's renderer: text is
// escaped, raw HTML shows as text, and a link is written inline, to its
// normalised address, only when the link decision accepts it. Reference
// definitions are resolved within the rationale and not written: left in,
// a definition in one rationale would define a link in another.
func mdRationale(s string) string {
	src := []byte(clean(s))
	doc := markdownRenderer.Parser().Parse(text.NewReader(src))
	return strings.Join(mdBlocks(doc, src, false), "\n")
}

// mdBlocks writes the blocks under n, with a blank line between two unless
// they are the tight items of a list.
func mdBlocks(n ast.Node, src []byte, tight bool) []string {
	var lines []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		block := mdBlock(c, src)
		if len(block) == 0 {
			continue
		}
		if len(lines) > 0 && !tight {
			lines = append(lines, "")
		}
		lines = append(lines, block...)
	}
	return lines
}

func mdBlock(n ast.Node, src []byte) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return mdInlineLines(n, src)
	case *ast.Heading:
		return []string{mdHeading(n, src)}
	case *ast.ThematicBreak:
		return []string{"***"} // "---" under a line of text would make it a heading
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return mdCodeBlock(n, src)
	case *ast.Blockquote:
		return mdPrefix(mdBlocks(n, src, false), "> ", "> ")
	case *ast.List:
		return mdList(n, src)
	case *ast.HTMLBlock:
		return mdRawLines(n, src)
	case *east.Table:
		return mdTable(n, src)
	}
	return mdBlocks(n, src, false)
}

// mdPrefix starts the first line with first and the others with rest, as
// a list item or a block quote nests its blocks.
func mdPrefix(lines []string, first, rest string) []string {
	if len(lines) == 0 {
		lines = []string{""}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			p = strings.TrimRight(p, " ")
		}
		out[i] = p + l
	}
	return out
}

func mdList(n *ast.List, src []byte) []string {
	var lines []string
	number := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := string(n.Marker) + " "
		if n.IsOrdered() {
			marker = strconv.Itoa(number) + marker
			number++
		}
		if len(lines) > 0 && !n.IsTight {
			lines = append(lines, "")
		}
		lines = append(lines, mdPrefix(mdBlocks(item, src, n.IsTight), marker, strings.Repeat(" ", len(marker)))...)
	}
	return lines
}

// mdHeading writes a heading on one line. A last # is escaped, or it would
// read as the heading's optional closing sequence.
func mdHeading(n *ast.Heading, src []byte) string {
	h := strings.Repeat("#", n.Level)
	content := mdInlineLine(n, src)
	if strings.HasSuffix(content, "#") && !strings.HasSuffix(content, `\#`) {
		content = strings.TrimSuffix(content, "#") + `\#`
	}
	if content == "" {
		return h
	}
	return h + " " + content
}

// mdCodeBlock writes code as a fenced block whose fence is longer than any
// run of backticks in it, so that no line of the code can close it.
func mdCodeBlock(n ast.Node, src []byte) []string {
	code := mdSourceLines(n, src)
	fence := strings.Repeat("`", max(3, longestRun(strings.Join(code, "\n"), '`')+1))
	info := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		info = string(f.Language(src))
	}
	if strings.ContainsAny(info, "`") {
		info = ""
	}
	return append(append([]string{fence + info}, code...), fence)
}

// mdRawLines writes a block of raw HTML as the text it is.
func mdRawLines(n *ast.HTMLBlock, src []byte) []string {
	lines := mdSourceLines(n, src)
	if n.HasClosure() {
		lines = append(lines, strings.TrimRight(string(n.ClosureLine.Value(src)), "\r\n"))
	}
	for i, l := range lines {
		lines[i] = mdLineStart(mdEscape(l))
	}
	return lines
}

// mdSourceLines returns a block's lines as written, without their line
// endings.
func mdSourceLines(n ast.Node, src []byte) []string {
	segs := n.Lines()
	lines := make([]string, segs.Len())
	for i := range lines {
		seg := segs.At(i)
		lines[i] = strings.TrimRight(string(seg.Value(src)), "\r\n")
	}
	return lines
}

func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

func mdTable(n *east.Table, src []byte) []string {
	var lines []string
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, mdInlineLine(cell, src))
		}
		lines = append(lines, "| "+strings.Join(cells, " | ")+" |")
		if row.Kind() == east.KindTableHeader {
			lines = append(lines, mdAlignments(n.Alignments))
		}
	}
	return lines
}

func mdAlignments(alignments []east.Alignment) string {
	cells := make([]string, len(alignments))
	for i, a := range alignments {
		switch a {
		case east.AlignLeft:
			cells[i] = ":---"
		case east.AlignRight:
			cells[i] = "---:"
		case east.AlignCenter:
			cells[i] = ":---:"
		default:
			cells[i] = "---"
		}
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// mdInlineLines writes n's inline content, each line safe to start a block
// with.
func mdInlineLines(n ast.Node, src []byte) []string {
	var b strings.Builder
	mdInlines(&b, n, src)
	content := strings.TrimRight(b.String(), "\n")
	if content == "" {
		return nil
	}
	lines := strings.Split(content, "\n")
	for i, l := range lines {
		lines[i] = mdLineStart(l)
	}
	return lines
}

// mdInlineLine writes n's inline content on one line, for a heading or a
// table cell.
func mdInlineLine(n ast.Node, src []byte) string {
	lines := mdInlineLines(n, src)
	for i, l := range lines {
		if trailing := len(l) - len(strings.TrimRight(l, `\`)); trailing%2 == 1 {
			lines[i] = l[:len(l)-1] // a hard line break, not an escaped backslash
		}
	}
	return strings.TrimSpace(strings.Join(lines, " "))
}

func mdInlines(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		mdInline(b, c, src)
	}
}

func mdInline(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		value := string(n.Segment.Value(src))
		if !n.IsRaw() {
			// A character reference can stand for a control or a bidi
			// override that clean took out of the source.
			value = clean(mdUnescape([]byte(value)))
		}
		b.WriteString(mdEscape(value))
		mdLineBreak(b, n)
	case *ast.String:
		b.WriteString(mdEscape(string(n.Value)))
	case *ast.CodeSpan:
		mdCodeSpan(b, n, src)
	case *ast.Emphasis:
		mdWrap(b, n, src, strings.Repeat("*", n.Level))
	case *east.Strikethrough:
		mdWrap(b, n, src, "~~")
	case *ast.Link, *ast.Image:
		mdLink(b, n, src)
	case *ast.AutoLink:
		label := mdEscape(string(n.Label(src)))
		if u, ok := mdLinkTarget(n, src); ok {
			label = "[" + label + "](<" + mdDestination(u) + ">)"
		}
		b.WriteString(label)
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.WriteString(mdEscape(string(seg.Value(src))))
		}
	default:
		mdInlines(b, n, src)
	}
}

// mdLineBreak ends a line of text as the rationale did. A hard break is a
// backslash: trailing spaces are easily lost.
func mdLineBreak(b *strings.Builder, n *ast.Text) {
	switch {
	case n.HardLineBreak():
		b.WriteString("\\\n")
	case n.SoftLineBreak():
		b.WriteString("\n")
	}
}

func mdWrap(b *strings.Builder, n ast.Node, src []byte, mark string) {
	b.WriteString(mark)
	mdInlines(b, n, src)
	b.WriteString(mark)
}

// mdLink writes a link, or an image as a link to it, inline; its text alone
// when the decision refuses its address.
func mdLink(b *strings.Builder, n ast.Node, src []byte) {
	u, ok := mdLinkTarget(n, src)
	if !ok || (n.Kind() == ast.KindImage && insideLink(n)) {
		mdInlines(b, n, src)
		return
	}
	b.WriteByte('[')
	start := b.Len()
	mdInlines(b, n, src)
	if b.Len() == start {
		b.WriteString(mdEscape(u))
	}
	b.WriteString("](<" + mdDestination(u) + ">)")
}

// mdCodeSpan writes code in backticks. Code holding a backtick or a pipe,
// which would end the span or a table cell, is written as escaped text.
func mdCodeSpan(b *strings.Builder, n *ast.CodeSpan, src []byte) {
	var code strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			code.Write(c.Segment.Value(src))
		case *ast.String:
			code.Write(c.Value)
		}
	}
	s := strings.ReplaceAll(code.String(), "\n", " ")
	switch {
	case s == "" || strings.ContainsAny(s, "`|"):
		b.WriteString(mdEscape(s))
	case s[0] == ' ' && s[len(s)-1] == ' ' && strings.TrimSpace(s) != "":
		// CommonMark takes one space off each end of such code.
		b.WriteString("` " + s + " `")
	default:
		b.WriteString("`" + s + "`")
	}
}

// mdEscaper escapes what starts or ends inline markup anywhere in a line.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "&", `\&`)

// mdEscape escapes text. A last ! is escaped too: a link written after it
// would make an image.
func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	if strings.HasSuffix(s, "!") {
		s = strings.TrimSuffix(s, "!") + `\!`
	}
	return s
}

// mdLineStart escapes what would start a block at the beginning of a line
// (a heading, a list item, a block quote, a setext underline) and drops
// the indent that would make it code.
func mdLineStart(line string) string {
	line = strings.TrimLeft(line, " \t")
	if line != "" && strings.ContainsRune("#>-+=", rune(line[0])) {
		return `\` + line
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		return line[:digits] + `\` + line[digits:]
	}
	return line
}

var mdReferenceAnywhere = regexp.MustCompile(mdReference)

// mdDestination writes a normalised address between < and >: it holds no
// space, < or > and no backslash, but an & that starts a character
// reference must be written as one to stay an &. (A backslash would do for
// CommonMark, but goldmark drops backslashes before it decodes references.)
func mdDestination(u string) string {
	return mdReferenceAnywhere.ReplaceAllString(u, "&amp;$1;")
}
