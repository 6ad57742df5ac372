package extract

import (
	"strings"
	"unicode"
)

// quotePair is a matched opening and closing quotation mark, as indexes into
// a slice of runes.
type quotePair struct{ open, close int }

// maxQuoteSearch bounds how many open quotes a closing mark looks back
// through, so that hostile text full of marks stays linear.
const maxQuoteSearch = 16

// closerOf maps each opening quotation mark to its closing one. Single quotes
// are left out: ’ is the apostrophe of most French and English text.
var closerOf = map[rune]rune{'«': '»', '“': '”', '‹': '›', '"': '"'}

// isClosingQuote reports the closing marks, matched or not.
func isClosingQuote(r rune) bool {
	return r == '»' || r == '”' || r == '›' || r == '"'
}

// pairQuotes matches the quotation marks of rs[lo:hi]. A mark left unmatched
// (a typo, or a quote running over several paragraphs) opens nothing, so it
// cannot swallow the rest of the paragraph.
func pairQuotes(rs []rune, lo, hi int) []quotePair {
	type open struct {
		at     int
		closer rune
	}
	var stack []open
	var pairs []quotePair
	closeTo := func(i int, closer rune) bool {
		for k := len(stack) - 1; k >= 0 && k >= len(stack)-maxQuoteSearch; k-- {
			if stack[k].closer == closer {
				pairs = append(pairs, quotePair{stack[k].at, i})
				stack = stack[:k]
				return true
			}
		}
		return false
	}
	for i := lo; i < hi; i++ {
		r := rs[i]
		switch {
		case r == '"':
			if straightQuoteOpens(rs, lo, i) {
				stack = append(stack, open{i, '"'})
			} else {
				closeTo(i, '"')
			}
		case closerOf[r] != 0:
			stack = append(stack, open{i, closerOf[r]})
		case isClosingQuote(r):
			closeTo(i, r)
		}
	}
	return pairs
}

// straightQuoteOpens guesses whether the " at i opens a quote: it does after
// a space, an opening bracket or dash, or at the start, when a word follows.
func straightQuoteOpens(rs []rune, lo, i int) bool {
	if i+1 < len(rs) && unicode.IsSpace(rs[i+1]) {
		return false
	}
	return i == lo || unicode.IsSpace(rs[i-1]) || strings.ContainsRune("([{—–-/:«“", rs[i-1])
}

// quoteDepths returns, for every rune of rs[lo:hi], how many matched quotes
// it lies strictly inside (the marks themselves are outside), and the set of
// positions that close a quote.
func quoteDepths(rs []rune, lo, hi int) (depth []int, closes map[int]bool) {
	depth = make([]int, hi-lo+1)
	closes = make(map[int]bool)
	for _, p := range pairQuotes(rs, lo, hi) {
		depth[p.open+1-lo]++
		depth[p.close-lo]--
		closes[p.close] = true
	}
	for i := 1; i < len(depth); i++ {
		depth[i] += depth[i-1]
	}
	return depth[:hi-lo], closes
}
