package extract

import (
	"strings"
	"unicode"

	"claimdesk/claims"
)

// Stop words frequent in one language and rare in the other. Words shared by
// both ("a", "on", "en" as in "en route") are left out, so they do not count.
var (
	frenchStopWords  = wordSet("le la les des est que qui dans pour avec une un du au aux et sur pas ne par ce cette sont il elle ont été mais ou nous vous ils leur plus ses entre selon depuis sous être avait sera très aussi comme")
	englishStopWords = wordSet("the and of to is that in for with was were are it by as be has have had from at this an he she they their not but which said will would been its who than also")
)

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	set := make(map[string]bool)
	for w := range strings.FieldsSeq(s) {
		set[w] = true
	}
	return set
}

// DetectLanguage tells French from English by counting each language's stop
// words, which every sentence has many of whatever its subject. It returns
// claims.LangFrench or claims.LangEnglish, English on a tie or an empty text.
func DetectLanguage(text string) string {
	french, english := 0, 0
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	for _, w := range words {
		if frenchStopWords[w] {
			french++
		}
		if englishStopWords[w] {
			english++
		}
	}
	if french > english {
		return claims.LangFrench
	}
	return claims.LangEnglish
}
