package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is a sequence of lower-case words; a word ending in "*" matches
// every word it starts ("accus*" matches "accusé" and "accused").
// Apostrophes are not words: "d'après" is "d", "après".
type phrase []string

// phraseSet finds phrases in tokens quickly, by their first word.
type phraseSet struct {
	byFirst map[string][]phrase
	stems   map[rune][]phrase // phrases whose first word is a stem, by its first letter
}

// newPhraseSet compiles phrases separated by "|" or new lines.
func newPhraseSet(list string) phraseSet {
	set := phraseSet{byFirst: make(map[string][]phrase), stems: make(map[rune][]phrase)}
	for entry := range strings.FieldsFuncSeq(list, func(r rune) bool { return r == '|' || r == '\n' }) {
		p := phrase(strings.FieldsFunc(strings.ToLower(entry), func(r rune) bool {
			return unicode.IsSpace(r) || r == '\'' || r == '’'
		}))
		switch {
		case len(p) == 0:
		case strings.HasSuffix(p[0], "*"):
			r, _ := utf8.DecodeRuneInString(p[0])
			set.stems[r] = append(set.stems[r], p)
		default:
			set.byFirst[p[0]] = append(set.byFirst[p[0]], p)
		}
	}
	return set
}

// at returns the end (token index) of the longest phrase of the set that
// starts at token i, or -1.
func (s phraseSet) at(ts tokens, i int) int {
	if i < 0 || i >= len(ts) {
		return -1
	}
	best := -1
	try := func(p phrase) {
		if end := ts.matchPhrase(i, p); end > best {
			best = end
		}
	}
	for _, p := range s.byFirst[ts[i].low] {
		try(p)
	}
	r, _ := utf8.DecodeRuneInString(ts[i].low)
	for _, p := range s.stems[r] {
		try(p)
	}
	return best
}

// matchPhrase returns the token index after p when p matches at i, or -1.
// Apostrophes between the words are skipped; a phrase may hold signs, "%".
func (ts tokens) matchPhrase(i int, p phrase) int {
	k := i
	for n, w := range p {
		if n > 0 {
			for k < len(ts) && ts[k].isApostrophe() {
				k++
			}
		}
		if k >= len(ts) || !wordMatches(ts[k].low, w) {
			return -1
		}
		k++
	}
	return k
}

// wordMatches reports whether the lower-case word low matches w, a word or
// a stem ending in "*".
func wordMatches(low, w string) bool {
	if stem, ok := strings.CutSuffix(w, "*"); ok {
		return stem != "" && strings.HasPrefix(low, stem)
	}
	return low == w
}

// span is a run of tokens [start, end) found in a sentence.
type span struct{ start, end int }

// findAll returns the non-overlapping, longest matches of s in ts, left to
// right. With outside set, matches inside quotations are skipped.
func (s phraseSet) findAll(ts tokens, outside bool) []span {
	var out []span
	for i := 0; i < len(ts); i++ {
		if outside && ts[i].quoted {
			continue
		}
		if end := s.at(ts, i); end > i {
			out = append(out, span{i, end})
			i = end - 1
		}
	}
	return out
}
