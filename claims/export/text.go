package export

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// clean makes a field safe to print in any format: invalid UTF-8 becomes
// U+FFFD, control characters other than tab and newline go, and so do the
// invisible bidirectional embedding, override and isolate controls, which
// can make text read differently from what it says ("Trojan Source"). Right-
// to-left scripts still display right, from their letters alone.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// characterReference is a character reference as Markdown decodes it.
var characterReference = regexp.MustCompile(mdReference)

// dropHiddenReferences removes from Markdown the character references that
// spell a character clean drops: the renderer would decode them into the
// page after clean ran, and a &#x202e; would turn a rationale around.
func dropHiddenReferences(md string) string {
	if !strings.Contains(md, "&") {
		return md
	}
	return characterReference.ReplaceAllStringFunc(md, func(ref string) string {
		for _, r := range html.UnescapeString(ref) {
			if dropped(r) {
				return ""
			}
		}
		return ref
	})
}

// isClean is clean's fast path: most fields need nothing done.
func isClean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || dropped(r) {
			return false
		}
	}
	return true
}

func dropped(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028 || r == 0x2029:
		return true // line and paragraph separators break scripts and CSV readers
	}
	return false
}

// oneLine cleans s and folds its line breaks into spaces, for table cells
// and headings.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// shorten cleans s and cuts it to at most n characters at a word boundary,
// marking the cut with an ellipsis.
func shorten(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
