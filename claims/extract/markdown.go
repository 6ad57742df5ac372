package extract

import (
	"regexp"
	"strings"
)

// Markdown block syntax, matched on one line.
var (
	mdHeading  = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$`)
	mdRule     = regexp.MustCompile(`^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$`)
	mdFence    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdListItem = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	mdQuote    = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	mdRefDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S`)
)

// markdownInline lists the inline syntax removed from the text, in order:
// images go entirely, links and emphasis keep their words.
var markdownInline = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`), ""},
	{regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`), "$1"},
	{regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`), "$1"},
	{regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`), "$1"},
	{regexp.MustCompile("`+([^`]+?)`+"), "$1"},
	{regexp.MustCompile(`\*\*(\S(?:[^*]*\S)?)\*\*`), "$1"},
	{regexp.MustCompile(`__(\S(?:[^_]*\S)?)__`), "$1"},
	{regexp.MustCompile(`~~(\S(?:[^~]*\S)?)~~`), "$1"},
	{regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*([^*\s](?:[^*]*[^*\s])?)\*`), "$1$2"},
	{regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_($|[^\p{L}\p{N}_])`), "$1$2$3"},
}

// mdEscape is a backslash escape, such as \* for a literal star.
var mdEscape = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>~|])`)

// markdownText strips Markdown syntax and keeps the words: one block
// (paragraph, heading, list item) per paragraph, blocks separated by a blank
// line. Lines of one paragraph are joined, since a line break ends a
// sentence in ClaimDesk; code blocks keep their lines.
func markdownText(text string) string {
	var w markdownWriter
	for line := range strings.SplitSeq(text, "\n") {
		w.line(line)
	}
	w.flush()
	return strings.Join(w.blocks, "\n\n")
}

// markdownWriter gathers the blocks of a Markdown text, line by line.
type markdownWriter struct {
	blocks []string
	para   []string // lines of the paragraph being read
	fence  string   // the code fence we are inside, or ""
}

// flush ends the paragraph being read.
func (w *markdownWriter) flush() {
	if len(w.para) > 0 {
		w.blocks = append(w.blocks, strings.Join(w.para, " "))
		w.para = nil
	}
}

// line reads one line.
func (w *markdownWriter) line(line string) {
	if m := mdFence.FindStringSubmatch(line); m != nil && (w.fence == "" || strings.HasPrefix(m[1], w.fence)) {
		w.flush()
		if w.fence == "" {
			w.fence = m[1]
		} else {
			w.fence = ""
		}
		return
	}
	if w.fence != "" {
		w.blocks = append(w.blocks, line)
		return
	}
	for mdQuote.MatchString(line) {
		line = mdQuote.ReplaceAllString(line, "")
	}
	switch {
	case strings.TrimSpace(line) == "" || mdRule.MatchString(line):
		w.flush()
	case mdRefDef.MatchString(line):
	case mdHeading.MatchString(line):
		w.flush()
		if h := markdownInlineText(mdHeading.FindStringSubmatch(line)[1]); h != "" {
			w.blocks = append(w.blocks, h)
		}
	case mdListItem.MatchString(line):
		w.flush()
		w.para = append(w.para, markdownInlineText(mdListItem.ReplaceAllString(line, "")))
	default:
		w.para = append(w.para, markdownInlineText(line))
	}
}

// escapeBase moves escaped characters out of the way of the inline rules,
// to a private-use plane no article writes in.
const escapeBase = 0xF0000

// markdownInlineText removes the inline syntax of one line; escaped
// characters (\*) stay as they are written, without their backslash.
func markdownInlineText(line string) string {
	line = mdEscape.ReplaceAllStringFunc(line, func(m string) string {
		return string(rune(escapeBase + int(m[1])))
	})
	for _, r := range markdownInline {
		// Twice, as neighbouring matches share the character between them.
		line = r.re.ReplaceAllString(r.re.ReplaceAllString(line, r.with), r.with)
	}
	line = strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+128 {
			return r - escapeBase
		}
		return r
	}, line)
	return strings.TrimSpace(line)
}
