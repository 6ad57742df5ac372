package claims

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Size limits keep one hostile field from filling the file or the screen.
const (
	MaxShortText   = 1_000     // names, titles, labels
	MaxLongText    = 100_000   // excerpts, rationales, notes
	MaxArticleText = 5_000_000 // the frozen article body
	MaxSummary     = 75        // ClaimReview's claimReviewed limit
)

// MaxDumpSize is the largest JSON dump, in bytes, that a restore reads: a
// restore holds the whole dump in memory while it checks it.
const MaxDumpSize int64 = 2 << 30

// ErrDumpTooLarge is the error for a dump larger than MaxDumpSize.
func ErrDumpTooLarge() error {
	return Errorf(EINVALID, "This dump is larger than ClaimDesk restores (%d MB); it was not read.", MaxDumpSize>>20)
}

// checkText returns an EINVALID error when s is not text a person could have
// typed: invalid UTF-8, NUL bytes or other control characters, or longer
// than max characters.
func checkText(field Text, s string, max int) error {
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s must be valid UTF-8 text.", field)
	}
	if strings.ContainsRune(s, 0) {
		return Errorf(EINVALID, "%s must not contain a NUL character.", field)
	}
	if i := strings.IndexFunc(s, IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return Errorf(EINVALID, "%s must not contain control characters, such as %U at character %d.", field, r, utf8.RuneCountInString(s[:i])+1)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(EINVALID, "%s must be at most %d characters long, not %d.", field, max, n)
	}
	return nil
}

// IsControl reports whether r is a control character that no text a person
// types holds, and that a terminal acts on rather than shows: the C0 codes
// but the spaces (tab, line and page breaks), DEL, and the C1 codes. ESC and
// BEL from a colleague's file could otherwise clear a screen, set a
// terminal's title or hide what a command prints.
func IsControl(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\v', r == '\f', r == '\r':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	}
	return false
}

// checkRequired is checkText for a field that may not be blank.
func checkRequired(field Text, s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return Errorf(EINVALID, "%s must not be empty.", field)
	}
	return checkText(field, s, max)
}

// firstError returns the first non-nil error, so Validate methods read as a
// list of rules.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// DateLayout is the layout of calendar dates such as a publication date.
const DateLayout = "2006-01-02"

// checkDate accepts "" (unknown) or a real YYYY-MM-DD date.
func checkDate(field Text, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return Errorf(EINVALID, "%s must be a date written YYYY-MM-DD, not %q.", field, truncate(s, 40))
	}
	return nil
}

var urlPattern = regexp.MustCompile(`^https?://[^\s/$.?#][^\s]*$`)

// checkURL accepts "" or an absolute http(s) URL. Other schemes are refused
// because a report turns them into links a reader may click.
func checkURL(field Text, s string) error {
	if s == "" {
		return nil
	}
	if err := checkText(field, s, MaxShortText*4); err != nil {
		return err
	}
	if !urlPattern.MatchString(s) {
		return Errorf(EINVALID, "%s must be a web address starting with http:// or https://.", field)
	}
	return nil
}

// truncate shortens s to at most n characters for quoting in a message.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
