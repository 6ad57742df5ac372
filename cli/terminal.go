package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"claimdesk/claims"
)

// terminalWriter writes what the commands print with every character a
// terminal would act on, rather than show, spelt as an escape: control
// characters (ESC could clear the screen, set the window's title or hide
// the rest of a line; BEL rings), and the marks that reorder text on
// screen. A record from a colleague's file is printed as the text it is.
// The escapes are JSON's, \u001b, so that --json output read through this
// writer is the same JSON: those characters only ever stand in its strings.
// Bytes that are not UTF-8 are written \xNN.
type terminalWriter struct {
	w io.Writer
}

func (t terminalWriter) Write(p []byte) (int, error) {
	if !needsEscape(p) {
		return t.w.Write(p)
	}
	var b strings.Builder
	b.Grow(len(p) + 16)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, p[i])
		case actsOnTerminal(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.Write(p[i : i+size])
		}
		i += size
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func needsEscape(p []byte) bool {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if (r == utf8.RuneError && size == 1) || actsOnTerminal(r) {
			return true
		}
		i += size
	}
	return false
}

// actsOnTerminal reports whether a terminal acts on r rather than shows it:
// a control character other than a tab or a line break, a carriage return
// (which lets the rest of a line write over its start), or a mark that
// reorders the text around it.
func actsOnTerminal(r rune) bool {
	switch {
	case r == '\t', r == '\n':
		return false
	case r == '\r', r == '\v', r == '\f', claims.IsControl(r):
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// field is one field of a record on one line of a listing: line breaks and
// tabs inside it are spelt \n and \t, so that no record can add lines of
// its own to what a command prints, or push its columns about.
func field(s string) string {
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(s)
}
