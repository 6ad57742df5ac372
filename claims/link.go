package claims

import (
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode"
)

// SafeLinkURL decides whether an address a user wrote may become a link a
// reader can follow, in a report or in the window, and returns it
// normalised. Only an http or https URL with a host, or a mailto: URL with
// an address, may: javascript:, vbscript:, data: and file: URLs run code or
// reach the reader's own files, and a relative address or a fragment means
// something different in each place a rationale is shown.
//
// raw is the address once its format's own escapes are undone (Markdown's
// backslashes and character references). Spaces and control characters
// around it are ignored; any control or invisible formatting character
// within it, which a browser would drop before reading the scheme, makes
// it no link, and so does a scheme spelt with character references or
// percent-escapes, whether or not the reader decodes them. The scheme's
// case does not matter. The normalised URL has a lower-case scheme and
// percent-escapes every byte that could end an attribute, a Markdown
// destination or a PDF string, and every non-ASCII byte.
func SafeLinkURL(raw string) (string, bool) {
	u, ok := parseLinkURL(raw)
	if !ok {
		return "", false
	}
	// A reader that decodes character references once more must find a
	// safe address too: "https://x&#10;y" hides a newline.
	if decoded := html.UnescapeString(raw); decoded != raw {
		if _, ok := parseLinkURL(decoded); !ok {
			return "", false
		}
	}
	return escapeLinkURL(u.String()), true
}

// parseLinkURL parses s as SafeLinkURL accepts it.
func parseLinkURL(s string) (*url.URL, bool) {
	s = strings.TrimFunc(s, invisibleInLink)
	if strings.IndexFunc(s, func(r rune) bool { return invisibleInLink(r) && r != ' ' }) >= 0 {
		return nil, false
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, false
	}
	switch u.Scheme { // url.Parse lowers its case
	case "http", "https":
		return u, u.Opaque == "" && u.Hostname() != ""
	case "mailto":
		return u, u.Host == "" && isMailAddress(u.Opaque)
	}
	return nil, false
}

// invisibleInLink reports whether r is a space, a control character or an
// invisible formatting character (bidirectional overrides, zero-width
// spaces), none of which a reader sees in an address.
func invisibleInLink(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// isMailAddress reports whether a mailto: URL's address part names a
// mailbox: something, an @, then a domain.
func isMailAddress(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1
}

// escapeLinkURL percent-escapes what url.URL.String leaves that an
// attribute, a Markdown destination or a PDF string could read as its end,
// and every byte outside printable ASCII.
func escapeLinkURL(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"'<>\^{|}`+"`", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
