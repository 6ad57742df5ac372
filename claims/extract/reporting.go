package extract

import (
	"strings"

	"claimdesk/claims"
)

// verbAt is a reporting verb found in a sentence: tokens [start, end).
type verbAt struct {
	start, end int
	pronoun    bool // the subject is a pronoun stuck to the verb: explique-t-elle
	gerund     bool // ajoutant, saying: the same speaker goes on
}

// adverbs may come between an auxiliary and its participle: a même déclaré.
var adverbs = wordSet("même également aussi encore déjà notamment pourtant ensuite alors toutefois enfin bien longtemps récemment publiquement clairement ouvertement souvent pas jamais plus toujours")

// verbCue is the reason shown for a reporting verb.
func (a *analyzer) verbCue(s *sentence, v verbAt) cue {
	text := s.toks.between(s.rs, v.start, v.end)
	if v.end-v.start > 1 || a.lex.lang == claims.LangFrench {
		return cue{label: "attribution", text: text}
	}
	return cue{label: "reporting verb", text: text}
}

// reportingVerbs returns the reporting verbs outside quotations, in order.
func (a *analyzer) reportingVerbs(s *sentence) []verbAt {
	var out []verbAt
	for i := 0; i < len(s.toks); i++ {
		if s.toks[i].quoted || s.toks[i].kind != wordToken {
			continue
		}
		if v, ok := a.verbAt(s, i); ok {
			out = append(out, v)
			i = v.end - 1
		}
	}
	return out
}

// verbAt reads a reporting verb at token i: a compound form (a déclaré,
// s'est engagé), a simple one (said, explique-t-elle) or a gerund.
func (a *analyzer) verbAt(s *sentence, i int) (verbAt, bool) {
	ts, lex := s.toks, a.lex
	low := ts[i].low
	if lex.aux[low] {
		k := a.skipAdverbs(s, i+1)
		ok := ts.isWord(k) && lex.reporting[ts[k].low]
		return verbAt{start: i, end: k + 1, pronoun: strings.Contains(low, "-t-")}, ok
	}
	if low == "s" || low == "se" {
		k := i + 1
		for k < len(ts) && ts[k].isApostrophe() {
			k++
		}
		if ts.isWord(k) && (ts[k].low == "est" || ts[k].low == "sont" || ts[k].low == "était") {
			k = a.skipAdverbs(s, k+1)
			return verbAt{start: i, end: k + 1}, ts.isWord(k) && lex.reflexive[ts[k].low]
		}
	}
	if lex.gerunds[low] {
		return verbAt{start: i, end: i + 1, gerund: true}, true
	}
	base, pronoun := splitInverted(low)
	if !lex.reporting[base] || a.notAVerb(s, i) || (lex.lang == claims.LangFrench && frenchParticiple(base)) {
		return verbAt{}, false
	}
	return verbAt{start: i, end: i + 1, pronoun: pronoun}, true
}

// frenchOnlyParticiples are participles that are not also present forms.
var frenchOnlyParticiples = wordSet("promis admis averti réagi conclu maintenu soutenu reconnu prévu démenti répondu")

// frenchParticiple reports a French past participle, which reports speech
// only after an auxiliary: "a relevé", not "serait relevé".
func frenchParticiple(word string) bool {
	return strings.HasSuffix(word, "é") || frenchOnlyParticiples[word]
}

// skipAdverbs returns the first token from k that is not an adverb or a
// negation.
func (a *analyzer) skipAdverbs(s *sentence, k int) int {
	for n := 0; n < 3 && s.toks.isWord(k) && adverbs[s.toks[k].low]; n++ {
		k++
	}
	return k
}

// splitInverted cuts the pronoun off an inverted verb: "explique-t-elle" is
// "explique", true.
func splitInverted(low string) (string, bool) {
	for _, suffix := range []string{"-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle", "-ils", "-elles", "-on"} {
		if base, ok := strings.CutSuffix(low, suffix); ok && base != "" {
			return base, true
		}
	}
	return low, false
}

// notAVerb reports a reporting word used otherwise: a noun after a
// determiner (la note, an estimated $38,000) or a passive (was reported).
func (a *analyzer) notAVerb(s *sentence, i int) bool {
	if i == 0 {
		return false
	}
	prev := s.toks[i-1].low
	switch prev {
	case "is", "are", "was", "were", "be", "been", "being", "get", "got":
		return true
	}
	return a.lex.determiners[prev]
}
