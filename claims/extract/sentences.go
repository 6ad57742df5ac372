package extract

import (
	"strings"
	"unicode"
)

// Sentences cuts text into sentences, located by code point offsets into
// text, with the spaces around each trimmed. A line break always ends a
// sentence: the articles ClaimDesk reads put one paragraph per line, and a
// headline has no final period. Inside a line, a period, question or
// exclamation mark or an ellipsis ends a sentence only where a new one
// starts, so that abbreviations (M., U.S., Nov.), initials (John F. Kennedy),
// numbers (9.4, 25,2) and a quotation that goes on with its attribution
// (« Ceci. Cela. » a déclaré X.) stay whole. lang ("fr" or "en") adds that
// language's abbreviations. Text need not be valid UTF-8: an invalid byte
// counts as one code point, as claims.AnchorAt counts it.
func Sentences(text, lang string) []Sentence {
	rs, offs := runesOf(text)
	var out []Sentence
	emit := func(start, end int) {
		for start < end && unicode.IsSpace(rs[start]) {
			start++
		}
		for end > start && unicode.IsSpace(rs[end-1]) {
			end--
		}
		if start < end {
			out = append(out, Sentence{Text: text[offs[start]:offs[end]], Start: start, End: end})
		}
	}
	lineStart := 0
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || isLineBreak(rs[i]) {
			for _, cut := range lineSentences(rs, lineStart, i, lang) {
				emit(cut[0], cut[1])
			}
			lineStart = i + 1
		}
	}
	return out
}

// runesOf returns the code points of text and the byte offset of each, with
// one more offset for the end of text.
func runesOf(text string) ([]rune, []int) {
	rs := make([]rune, 0, len(text))
	offs := make([]int, 0, len(text)+1)
	for i, r := range text {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	return rs, append(offs, len(text))
}

// maxLookAround bounds how far the segmenter looks around a period: a word
// or a run of opening marks longer than this says nothing, and the bound
// keeps hostile text linear.
const maxLookAround = 24

// isLineBreak reports the characters that end a line.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// lineSentences returns the [start, end) spans of the sentences of the line
// rs[lo:hi], untrimmed.
func lineSentences(rs []rune, lo, hi int, lang string) [][2]int {
	depth, closes := quoteDepths(rs, lo, hi)
	var cuts [][2]int
	start := lo
	for i := lo; i < hi; i++ {
		if !isTerminator(rs[i]) {
			continue
		}
		j := i
		for j < hi && isTerminator(rs[j]) {
			j++
		}
		e := afterClosers(rs, j, hi, closes)
		if depth[e-1-lo] == 0 && endsSentence(rs, lo, hi, i, j, e, lang) {
			cuts = append(cuts, [2]int{start, e})
			start = e
		}
		i = e - 1
	}
	return append(cuts, [2]int{start, hi})
}

// isTerminator reports the marks that may end a sentence.
func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '‼' || r == '⁇'
}

// afterClosers returns the position after the closing quotes and brackets
// that follow a sentence's final mark (". »" and ".”" both close).
func afterClosers(rs []rune, j, hi int, closes map[int]bool) int {
	e := j
	for {
		k := e
		for k < hi && isInlineSpace(rs[k]) {
			k++
		}
		if k >= hi {
			return e
		}
		r := rs[k]
		if !closes[k] && r != ')' && r != ']' && !(isClosingQuote(r) && r != '"') {
			return e
		}
		e = k + 1
	}
}

// isInlineSpace reports a space inside a line, non-breaking ones included.
func isInlineSpace(r rune) bool {
	return unicode.IsSpace(r) && !isLineBreak(r)
}

// endsSentence decides whether the marks rs[i:j], followed by closing marks
// up to e, end a sentence: they must be followed by a space and by what
// starts a sentence, which depends on what comes before the period.
func endsSentence(rs []rune, lo, hi, i, j, e int, lang string) bool {
	if e < hi && !unicode.IsSpace(rs[e]) {
		return false // 9.4, U.S., "p.m.," and ?», stay inside the sentence
	}
	n := e
	for n < hi && unicode.IsSpace(rs[n]) {
		n++
	}
	if n >= hi {
		return true
	}
	marks := string(rs[i:j])
	switch {
	case strings.ContainsRune(marks, '…') || strings.Count(marks, ".") > 1:
		return capitalFollows(rs, n, hi)
	case strings.ContainsAny(marks, "!?‼⁇"):
		return !unicode.IsLower(rs[n])
	}
	word := wordBefore(rs, lo, i)
	switch {
	case isTitleAbbreviation(word):
		return false
	case isInitial(word):
		return starterFollows(rs, n, hi)
	case isAbbreviation(word, lang):
		return !unicode.IsDigit(rs[n]) && starterFollows(rs, n, hi)
	}
	return !unicode.IsLower(rs[n])
}

// wordBefore returns the letters, and dots between letters, just before
// position i: "U.S" before the last period of "U.S.".
func wordBefore(rs []rune, lo, i int) string {
	k := i
	for k > lo && i-k < maxLookAround && (unicode.IsLetter(rs[k-1]) || (rs[k-1] == '.' && k-2 >= lo && unicode.IsLetter(rs[k-2]))) {
		k--
	}
	return string(rs[k:i])
}

// skipOpeners returns the position of the first letter or digit from n,
// past opening quotes, brackets and dashes; ok is false when a quote opens,
// which starts a sentence whatever follows.
func skipOpeners(rs []rune, n, hi int) (int, bool) {
	hi = min(hi, n+maxLookAround)
	for ; n < hi; n++ {
		r := rs[n]
		switch {
		case r == '«' || r == '“' || r == '"':
			return n, false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return n, true
		}
	}
	return n, true
}

// capitalFollows reports whether a capitalised word or a quotation starts at n.
func capitalFollows(rs []rune, n, hi int) bool {
	n, ok := skipOpeners(rs, n, hi)
	return !ok || (n < hi && isUpper(rs[n]))
}

// starterFollows reports whether the word at n is one that usually starts a
// sentence, or a quotation opens there.
func starterFollows(rs []rune, n, hi int) bool {
	n, ok := skipOpeners(rs, n, hi)
	if !ok {
		return true
	}
	k := n
	for k < hi && k-n < maxLookAround && unicode.IsLetter(rs[k]) {
		k++
	}
	return k > n && sentenceStarters[strings.ToLower(string(rs[n:k]))]
}

// isUpper reports a capital letter, titlecase included.
func isUpper(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}
