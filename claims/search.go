package claims

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSearchWord is the longest word, in bytes, that a search tells apart:
// longer words are cut, so an index entry stays small whatever is typed.
const MaxSearchWord = 48

// SearchWords returns the words a search matches in s, each once and
// sorted: folded (no case, no accents, as Fold) and split at every
// character that is neither a letter nor a digit, so that "11,000", "11 000"
// and "11 000" all give 11 and 000, and "États-Unis" gives etats and unis.
// A query's words go through the same function; each must begin a word of
// the claim.
func SearchWords(s string) []string {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = cutWord(w)
	}
	slices.Sort(words)
	return slices.Compact(words)
}

func cutWord(w string) string {
	if len(w) <= MaxSearchWord {
		return w
	}
	end := MaxSearchWord
	for end > 0 && !utf8.RuneStart(w[end]) {
		end--
	}
	return w[:end]
}
