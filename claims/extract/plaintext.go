package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"claimdesk/claims"
)

// maxTitle bounds a title taken from the first line of a text, which may be
// a whole paragraph when the file has no headline.
const maxTitle = 200

// utf8BOM is the byte order mark some editors put at the start of UTF-8 files.
var utf8BOM = []byte("\xef\xbb\xbf")

// PlainText turns a file into the article's title and plain text. The file
// may be plain text, Markdown or an HTML page saved from a browser; filename
// (only its extension is used) and the content tell them apart. Plain text
// is kept byte for byte, apart from a leading byte order mark and CRLF line
// ends, so that what the user reads is what the claims are anchored in.
// HTML and Markdown lose their markup and keep one paragraph per line or
// block. Returns EINVALID for what is not UTF-8 text.
func PlainText(raw []byte, filename string) (title, text string, err error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if looksLikeHTML(raw, filename) {
		return htmlText(raw)
	}
	if !utf8.Valid(raw) {
		return "", "", claims.Errorf(claims.EINVALID, "The file is not UTF-8 text; save it as UTF-8 and import it again.")
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", claims.Errorf(claims.EINVALID, "The file contains NUL bytes: it is not a text file.")
	}
	text = strings.ReplaceAll(string(raw), "\r\n", "\n")
	if looksLikeMarkdown(text, filename) {
		text = markdownText(text)
	}
	return firstLine(text), text, nil
}

// looksLikeHTML sniffs an HTML page by its extension or by the tag it
// starts with, since browsers save pages under many names.
func looksLikeHTML(raw []byte, filename string) bool {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	head := bytes.TrimLeft(raw[:min(len(raw), 512)], " \t\r\n\f")
	head = bytes.ToLower(head[:min(len(head), 14)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// markdownHeading matches an ATX heading line such as "# Title".
var markdownHeading = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]+\S`)

// looksLikeMarkdown reports whether text is Markdown: by its extension, or by
// a heading on its first line or on several lines, which plain articles do
// not have.
func looksLikeMarkdown(text, filename string) bool {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	if markdownHeading.MatchString(firstLine(text)) {
		return true
	}
	return len(markdownHeading.FindAllStringIndex(text, 2)) == 2
}

// firstLine returns the first non-blank line of text, trimmed and shortened
// to a title's length.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return shorten(line, maxTitle)
		}
	}
	return ""
}

// shorten cuts s to at most n code points, ending with an ellipsis when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
