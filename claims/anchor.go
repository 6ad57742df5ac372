package claims

import (
	"strings"
	"unicode/utf8"
)

// anchorContext is how many characters of prefix and suffix an anchor keeps:
// enough to tell two occurrences of the same words apart.
const anchorContext = 32

// Anchor ties a claim to the exact words of its article, in the manner of
// the W3C Web Annotation TextQuoteSelector and TextPositionSelector. Start
// and End count Unicode code points from the start of the text (End is
// exclusive). Exact, Prefix and Suffix let the anchor be found again if the
// offsets ever stop matching, for example after a re-import.
type Anchor struct {
	Start  int
	End    int
	Exact  string
	Prefix string
	Suffix string
}

// NewAnchor anchors the first occurrence of exact in text. It returns
// ENOTFOUND when text does not contain exact.
func NewAnchor(text, exact string) (Anchor, error) {
	return NewAnchorAfter(text, exact, "")
}

// NewAnchorAfter anchors the first occurrence of exact that comes after the
// first occurrence of after (or anywhere, when after is ""). It tells apart
// words that occur more than once.
func NewAnchorAfter(text, exact, after string) (Anchor, error) {
	if exact == "" {
		return Anchor{}, Errorf(EINVALID, "The claim's words are required.")
	}
	from := 0
	if after != "" {
		i := strings.Index(text, after)
		if i < 0 {
			return Anchor{}, Errorf(ENOTFOUND, "The article does not contain %q.", truncate(after, 60))
		}
		from = i + len(after)
	}
	i := strings.Index(text[from:], exact)
	if i < 0 {
		return Anchor{}, Errorf(ENOTFOUND, "The article does not contain the words %q.", truncate(exact, 60))
	}
	return anchorAtByte(text, from+i, from+i+len(exact)), nil
}

// AnchorAt anchors the code points [start, end) of text. It counts code
// points from the start of text: to anchor many selections of one text, use
// a TextIndex.
func AnchorAt(text string, start, end int) (Anchor, error) {
	bs, be, ok := byteRange(text, start, end)
	if !ok || start >= end {
		return Anchor{}, errOutside(start, end)
	}
	return anchorOf(text, start, end, bs, be), nil
}

func errOutside(start, end int) error {
	return Errorf(EINVALID, "The selection %d–%d is not inside the article.", start, end)
}

func anchorAtByte(text string, bs, be int) Anchor {
	start := utf8.RuneCountInString(text[:bs])
	return anchorOf(text, start, start+utf8.RuneCountInString(text[bs:be]), bs, be)
}

// anchorOf is the anchor of the code points [start, end) of text, which are
// its bytes [bs, be).
func anchorOf(text string, start, end, bs, be int) Anchor {
	return Anchor{
		Start:  start,
		End:    end,
		Exact:  text[bs:be],
		Prefix: lastRunes(text[:bs], anchorContext),
		Suffix: firstRunes(text[be:], anchorContext),
	}
}

// Slice returns the words the anchor's offsets cut out of text, and false
// when the offsets fall outside it.
func (a Anchor) Slice(text string) (string, bool) {
	bs, be, ok := byteRange(text, a.Start, a.End)
	if !ok {
		return "", false
	}
	return text[bs:be], true
}

// ByteRange returns the anchor's offsets in bytes of text, for code that
// slices UTF-8 strings directly.
func (a Anchor) ByteRange(text string) (start, end int, ok bool) {
	return byteRange(text, a.Start, a.End)
}

// Matches reports whether the offsets cut exactly the anchor's words out of text.
func (a Anchor) Matches(text string) bool {
	s, ok := a.Slice(text)
	return ok && s == a.Exact
}

// Relocate finds the anchor again in text, which may differ from the text it
// was made in. Offsets that still match win; otherwise the occurrence of
// Exact whose surroundings best match Prefix and Suffix. It returns
// ENOTFOUND when the words are gone.
func (a Anchor) Relocate(text string) (Anchor, error) {
	if a.Matches(text) {
		return anchorAtByte(text, mustByte(text, a.Start), mustByte(text, a.End)), nil
	}
	best, bestScore := -1, -1
	for i := 0; ; {
		j := strings.Index(text[i:], a.Exact)
		if j < 0 || a.Exact == "" {
			break
		}
		at := i + j
		score := commonSuffix(text[:at], a.Prefix) + commonPrefix(text[at+len(a.Exact):], a.Suffix)
		if score > bestScore {
			best, bestScore = at, score
		}
		i = at + 1
	}
	if best < 0 {
		return Anchor{}, Errorf(ENOTFOUND, "The words %q are no longer in the article.", truncate(a.Exact, 60))
	}
	return anchorAtByte(text, best, best+len(a.Exact)), nil
}

// Validate returns EINVALID when the anchor is not a plausible selection.
func (a Anchor) Validate() error {
	if a.Start < 0 || a.End <= a.Start {
		return Errorf(EINVALID, "The anchor's offsets %d–%d are not a selection.", a.Start, a.End)
	}
	if utf8.RuneCountInString(a.Exact) != a.End-a.Start {
		return Errorf(EINVALID, "The anchor's words do not fit its offsets %d–%d.", a.Start, a.End)
	}
	return firstError(
		checkText(Textf("The anchor's words"), a.Exact, MaxLongText),
		checkText(Textf("The anchor's prefix"), a.Prefix, MaxShortText),
		checkText(Textf("The anchor's suffix"), a.Suffix, MaxShortText),
	)
}

// byteRange converts code point offsets to byte offsets of text. An invalid
// byte counts as one code point, as ranging over a string does.
func byteRange(text string, start, end int) (int, int, bool) {
	if start < 0 || end < start {
		return -1, -1, false
	}
	bs, ok := skipRunes(text, 0, start)
	if !ok {
		return -1, -1, false
	}
	be, ok := skipRunes(text, bs, end-start)
	if !ok {
		return bs, -1, false
	}
	return bs, be, true
}

// skipRunes returns the byte offset n code points after byte i of text, and
// false when text ends first. The store checks every claim of an article
// this way, so runs of ASCII, most of any article, are skipped eight bytes
// at a time.
func skipRunes(text string, i, n int) (int, bool) {
	for n > 0 && i < len(text) {
		switch {
		case n >= 8 && i+8 <= len(text) && isASCII8(text[i:i+8]):
			i, n = i+8, n-8
			continue
		case text[i] < utf8.RuneSelf:
			i++
		default:
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
		n--
	}
	return i, n == 0
}

// isASCII8 reports whether the 8 bytes of s are all ASCII.
func isASCII8(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0
}

func mustByte(text string, runeOffset int) int {
	b, _, _ := byteRange(text, runeOffset, runeOffset)
	return b
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// TextIndex finds the byte offset of any code point of one text at once,
// for checking many anchors against the same article.
type TextIndex struct {
	text    string
	offsets []int32 // byte offset of each code point, then len(text)
}

// NewTextIndex indexes text.
func NewTextIndex(text string) *TextIndex {
	x := &TextIndex{text: text, offsets: make([]int32, 0, len(text)+1)}
	for i := range text {
		x.offsets = append(x.offsets, int32(i))
	}
	x.offsets = append(x.offsets, int32(len(text)))
	return x
}

// Matches is Anchor.Matches on the indexed text.
func (x *TextIndex) Matches(a Anchor) bool {
	if a.Start < 0 || a.End < a.Start || a.End >= len(x.offsets) {
		return false
	}
	return x.text[x.offsets[a.Start]:x.offsets[a.End]] == a.Exact
}

// AnchorAt is claims.AnchorAt on the indexed text, in time that does not
// grow with the text: an import anchors every suggested claim of an article.
func (x *TextIndex) AnchorAt(start, end int) (Anchor, error) {
	if start < 0 || end <= start || end >= len(x.offsets) {
		return Anchor{}, errOutside(start, end)
	}
	return anchorOf(x.text, start, end, int(x.offsets[start]), int(x.offsets[end])), nil
}
