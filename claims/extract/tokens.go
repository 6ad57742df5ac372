package extract

import (
	"strings"
	"unicode"
)

// tokenKind tells words, numbers and punctuation apart.
type tokenKind uint8

const (
	wordToken tokenKind = iota
	numberToken
	punctToken
)

// token is a word, a number or a punctuation mark of a sentence.
type token struct {
	text       string // as written
	low        string // lower case
	kind       tokenKind
	start, end int  // code points in the sentence
	cap        bool // starts with a capital letter
	quoted     bool // inside a quotation
	initial    bool // first word of the sentence, of a quotation or after a colon
}

// tokens is a tokenised sentence.
type tokens []token

// tokenize cuts a sentence into tokens. Hyphenated words (Jean-Pierre,
// a-t-il), dotted abbreviations (U.S., p.m.) and numbers written with spaces,
// commas or points (11 000, 13,030, 9.4) are one token each; apostrophes
// are tokens of their own, so that l'OTAN is "l", "'", "OTAN".
func tokenize(rs []rune) tokens {
	depth, _ := quoteDepths(rs, 0, len(rs))
	var toks tokens
	for i := 0; i < len(rs); {
		r := rs[i]
		var j int
		kind := punctToken
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case unicode.IsLetter(r):
			j, kind = scanWord(rs, i), wordToken
		case unicode.IsDigit(r):
			j, kind = scanNumber(rs, i), numberToken
		default:
			j = i + 1
		}
		text := string(rs[i:j])
		toks = append(toks, token{
			text: text, low: strings.ToLower(text), kind: kind, start: i, end: j,
			cap: isUpper(r), quoted: depth[i] > 0,
		})
		i = j
	}
	markInitials(toks)
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(rs []rune, i int) int {
	if j := scanDotted(rs, i); j > i {
		return j
	}
	j := i
	for j < len(rs) {
		switch r := rs[j]; {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			j++
		case isHyphen(r) && j+1 < len(rs) && (unicode.IsLetter(rs[j+1]) || unicode.IsDigit(rs[j+1])):
			j += 2
		default:
			return j
		}
	}
	return j
}

// scanDotted returns the end of a dotted abbreviation such as U.S. or p.m.
// starting at i, or i when there is none.
func scanDotted(rs []rune, i int) int {
	j := i
	for j+1 < len(rs) && unicode.IsLetter(rs[j]) && rs[j+1] == '.' && (j == i || rs[j-1] == '.') {
		j += 2
		if j < len(rs) && unicode.IsLetter(rs[j]) && (j+1 >= len(rs) || rs[j+1] != '.') {
			return i // a word follows the dot: "M.Poutine", not an abbreviation
		}
	}
	if j-i < 4 {
		return i
	}
	return j
}

// isHyphen reports the hyphens that join words.
func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// isGroupSpace reports the spaces that separate thousands: 11 000.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// scanNumber returns the end of the number starting at i: digits grouped by
// spaces (11 000), commas or points (13,030, 9.4, 2,3), with letters stuck
// to it (1er, 11e, 3rd, 412-vote).
func scanNumber(rs []rune, i int) int {
	j, group, decimal := i, 0, false
	for j < len(rs) {
		r := rs[j]
		switch {
		case unicode.IsDigit(r):
			j, group = j+1, group+1
		case (r == '.' || r == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]):
			j, group, decimal = j+1, 0, decimal || r == '.'
		case isGroupSpace(r) && !decimal && group <= 3 && threeDigits(rs, j+1):
			j, group = j+1, 0
		default:
			return scanSuffix(rs, j)
		}
	}
	return j
}

// threeDigits reports whether exactly three digits start at i.
func threeDigits(rs []rune, i int) bool {
	for k := i; k < i+3; k++ {
		if k >= len(rs) || !unicode.IsDigit(rs[k]) {
			return false
		}
	}
	return i+3 >= len(rs) || !unicode.IsDigit(rs[i+3])
}

// scanSuffix returns the end of the letters stuck to a number at j.
func scanSuffix(rs []rune, j int) int {
	if j < len(rs) && isHyphen(rs[j]) && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) {
		j++
	}
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		j++
	}
	return j
}

// markInitials flags the words that start the sentence, a quotation or what
// follows a colon or a dash, where a capital says nothing about names.
func markInitials(toks tokens) {
	next := true
	for i := range toks {
		t := &toks[i]
		if t.kind == punctToken {
			opensQuote := t.text == "\"" && i+1 < len(toks) && toks[i+1].quoted
			if opensQuote || strings.Contains("«“:—–(", t.text) {
				next = true
			}
			continue
		}
		t.initial, next = next, false
	}
}

// between returns the sentence's text from token i to token j (exclusive).
func (ts tokens) between(rs []rune, i, j int) string {
	if i >= j || i < 0 || j > len(ts) {
		return ""
	}
	return string(rs[ts[i].start:ts[j-1].end])
}

// isWord reports whether token i is a word.
func (ts tokens) isWord(i int) bool {
	return i >= 0 && i < len(ts) && ts[i].kind == wordToken
}

// isPunct reports whether token i is the punctuation mark p.
func (ts tokens) isPunct(i int, p string) bool {
	return i >= 0 && i < len(ts) && ts[i].kind == punctToken && strings.Contains(p, ts[i].text)
}

// isApostrophe reports an apostrophe token.
func (t token) isApostrophe() bool {
	return t.kind == punctToken && (t.text == "'" || t.text == "’" || t.text == "ʼ")
}
