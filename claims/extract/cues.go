package extract

import (
	"sort"
	"strings"
	"unicode"

	"claimdesk/claims"
)

// Penalties: factors applied to the score of sentences that are not claims.
const (
	penaltyQuestion    = 0.3 // a question asserts nothing
	penaltyNoVerb      = 0.5 // a headline without a verb: a label, not a statement
	penaltyOpinion     = 0.7 // feelings, hopes and hedges
	penaltyOpinionHard = 0.9 // ... next to a figure or comparison, which stays checkable
	penaltyRoutine     = 0.2 // "did not respond to a request for comment"
	penaltyShort       = 0.5 // a fragment of a few words
)

// phraseCue is a kind of cue found by its words.
type phraseCue struct {
	label  string
	set    func(*lexicon) phraseSet
	weight float64
}

// comparisonCue is read before the figures, so that "deux fois plus" is a
// comparison rather than the number two.
var comparisonCue = phraseCue{"comparison", func(l *lexicon) phraseSet { return l.comparison }, 0.35}

// phraseCues lists the other cues found by words, strongest first: where
// two overlap, the first one listed keeps the words.
var phraseCues = []phraseCue{
	{"accusation", func(l *lexicon) phraseSet { return l.accusation }, 0.4},
	{"promise or prediction", func(l *lexicon) phraseSet { return l.promise }, 0.35},
	{"superlative", func(l *lexicon) phraseSet { return l.superlative }, 0.35},
	{"denial", func(l *lexicon) phraseSet { return l.denial }, 0.3},
	{"absolute", func(l *lexicon) phraseSet { return l.absolute }, 0.25},
	{"promise or prediction", func(l *lexicon) phraseSet { return l.prediction }, 0.25},
	{"trend", func(l *lexicon) phraseSet { return l.trend }, 0.2},
	{"cause", func(l *lexicon) phraseSet { return l.causal }, 0.15},
}

// features finds every cue of the sentence. Each word serves one cue: roles
// first (le Premier ministre is no superlative), then comparisons, figures
// and dates, names, and the other cues.
func (a *analyzer) features(s *sentence, attr attribution) *features {
	f := newFeatures()
	for _, r := range s.roles {
		s.take(r)
	}
	a.sinceCues(s, f)
	a.phraseCue(s, f, comparisonCue)
	a.quantities(s, f)
	a.dateWords(s, f)
	a.futureTense(s, f)
	for _, e := range s.ents {
		s.take(span{e.first, e.last}) // "First Amendment" is no superlative
	}
	for _, pc := range phraseCues {
		a.phraseCue(s, f, pc)
	}
	a.quoteCues(s, f)
	if s.headline && f.statistic {
		f.add("headline figure", "", weightHeadlineFigure)
	}
	a.entityCues(s, f, attr.speaker)
	a.sourceCue(f, attr)
	a.penalties(s, f)
	return f
}

// dateWords finds dates written in words: months, weekdays, "last year".
func (a *analyzer) dateWords(s *sentence, f *features) {
	for _, sp := range a.lex.relative.findAll(s.toks, false) {
		if s.free(sp) {
			f.date(s.toks.between(s.rs, sp.start, sp.end))
			s.take(sp)
		}
	}
	for i, t := range s.toks {
		if !s.taken[i] && (a.isMonth(s, i) || a.lex.weekdays[t.low]) {
			f.date(t.text)
			s.taken[i] = true
		}
	}
}

// sinceCues finds comparisons with the past and between figures:
// "depuis 2015", "since 1998", "contre 1,1 %". A duration (depuis 24 ans)
// is the comparison's, not a quantity; a year stays a date as well.
func (a *analyzer) sinceCues(s *sentence, f *features) {
	ts := s.toks
	for i := 0; i+1 < len(ts); i++ {
		if !a.lex.since[ts[i].low] && !a.lex.versus[ts[i].low] {
			continue
		}
		if ts[i+1].kind == numberToken || a.lex.numberWords[ts[i+1].low] {
			end := i + 2
			if k := a.lex.percents.at(ts, end); k > end {
				end = k
			} else if ts.isWord(end) && !ts[end].cap && !a.lex.incidental[ts[end].low] && !a.lex.determiners[ts[end].low] {
				end++ // "depuis 24 ans", "since 2006 began" is rarer than "24 ans"
			}
			end = min(end, len(ts))
			f.add("comparison", ts.between(s.rs, i, end), 0.35)
			if d, suffix := splitNumber(ts[i+1].text); !a.lex.versus[ts[i].low] && !isYear(d, suffix) {
				s.take(span{i, end})
			}
		}
	}
}

// phraseCue finds the cues of one kind, skipping words already read.
func (a *analyzer) phraseCue(s *sentence, f *features, pc phraseCue) {
	for _, sp := range pc.set(a.lex).findAll(s.toks, false) {
		if !s.free(sp) {
			continue
		}
		end := sp.end
		if pc.label == "superlative" && a.opensSuperlative(s, sp) {
			end++
		}
		f.add(pc.label, s.toks.between(s.rs, sp.start, end), pc.weight)
		s.take(span{sp.start, end})
	}
}

// opensSuperlative reports "la plus", "the most" followed by the adjective
// that completes it: "la plus grande".
func (a *analyzer) opensSuperlative(s *sentence, sp span) bool {
	switch s.toks[sp.end-1].low {
	case "plus", "moins", "most", "least":
		return s.toks.isWord(sp.end) && !s.taken[sp.end]
	}
	return false
}

// frenchNotFuture are words ending like a future or conditional verb.
var frenchNotFuture = wordSet("portrait portraits extrait extraits retrait retraits attrait trait traits abstrait distrait soustrait caméra caméras opéra opéras ultra extra contra mantra tantra sutra front fronts affront affronts")

// futureTense finds French verbs in the future or the conditional, the
// tenses of forecasts and promises: "verra", "atteindrait".
func (a *analyzer) futureTense(s *sentence, f *features) {
	if a.lex.lang != claims.LangFrench {
		return
	}
	for i, t := range s.toks {
		if s.taken[i] || t.kind != wordToken || t.cap || len([]rune(t.low)) < 5 || frenchNotFuture[t.low] {
			continue
		}
		for _, end := range []string{"rait", "raient", "ront", "era", "ira", "rra", "dra", "tra"} {
			if strings.HasSuffix(t.low, end) {
				f.add("promise or prediction", t.text, 0.25)
				s.taken[i] = true
				break
			}
		}
	}
}

// quoteCues finds direct quotations of three words or more, and reported
// speech inside them ("residents who say…").
func (a *analyzer) quoteCues(s *sentence, f *features) {
	wordsBefore := make([]int, len(s.toks)+1) // word tokens before token k
	for k, t := range s.toks {
		wordsBefore[k+1] = wordsBefore[k]
		if t.kind == wordToken {
			wordsBefore[k+1]++
			if t.quoted && a.lex.reporting[t.low] && !s.taken[k] {
				f.add("reported speech", t.text, weightQuotedWords)
			}
		}
	}
	for _, p := range pairQuotes(s.rs, 0, len(s.rs)) {
		from := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start > p.open })
		to := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= p.close })
		if wordsBefore[to]-wordsBefore[from] >= 3 {
			f.add("direct quote", "", weightQuote)
			return
		}
	}
}

// entityCues lists the names of the sentence. The speaker's own names are
// counted by the attribution; others are what the claim is about.
func (a *analyzer) entityCues(s *sentence, f *features, sp claims.Speaker) {
	counted := 0
	for _, e := range s.ents {
		label := map[entityKind]string{personEntity: "named person", orgEntity: "organisation", otherEntity: "named entity"}[e.kind]
		name := e.name
		if e.full != "" {
			name = e.full
		}
		weight := 0.0
		if !speakerNames(sp, name) && counted < maxEntities {
			weight = weightEntity
			counted++
		}
		f.cues = append(f.cues, cue{label, name, weight})
		f.seen[label]++
	}
}

// speakerNames reports whether name is the speaker or the speaker's body.
func speakerNames(sp claims.Speaker, name string) bool {
	n := claims.Fold(name)
	return n != "" && (n == claims.Fold(sp.Name) || n == claims.Fold(sp.Organization))
}

// sourceCue weighs the attribution: reported speech is a claim someone
// made, and more so when the text says who.
func (a *analyzer) sourceCue(f *features, attr attribution) {
	if attr.cue.label == "" {
		return
	}
	f.source = attr.cue
	f.source.weight = weightAttribution
	if attr.speaker.Name != "" {
		f.source.weight = weightNamedSource
	}
}

// penalties lowers the score of questions, verbless headlines, opinions
// and routine lines.
func (a *analyzer) penalties(s *sentence, f *features) {
	if endsWithQuestion(s.rs) {
		f.penalize("question", "", penaltyQuestion)
	}
	if s.headline && !a.hasVerb(s) {
		f.penalize("headline without a verb", "", penaltyNoVerb)
	}
	if sp := a.lex.opinion.findAll(s.toks, false); len(sp) > 0 {
		factor := penaltyOpinion
		if f.hard() {
			factor = penaltyOpinionHard
		}
		f.penalize("opinion or description", s.toks.between(s.rs, sp[0].start, sp[0].end), factor)
	}
	if sp := a.lex.boilerplate.findAll(s.toks, false); len(sp) > 0 {
		f.penalize("routine", s.toks.between(s.rs, sp[0].start, sp[0].end), penaltyRoutine)
	}
	words := 0
	for _, t := range s.toks {
		if t.kind != punctToken {
			words++
		}
	}
	if words < 4 {
		f.penalize("too short to check", "", penaltyShort)
	}
}

// endsWithQuestion reports a sentence whose last mark, before closing
// quotes and brackets, is a question mark.
func endsWithQuestion(rs []rune) bool {
	r := lastMark(rs)
	return r == '?' || r == '⁇'
}

// lastMark returns the last rune of rs before closing quotes, brackets and
// spaces.
func lastMark(rs []rune) rune {
	for i := len(rs) - 1; i >= 0; i-- {
		if r := rs[i]; !unicode.IsSpace(r) && !isClosingQuote(r) && r != ')' && r != ']' {
			return r
		}
	}
	return 0
}

// isHeadline reports a line with no final mark, as headlines are written.
func isHeadline(rs []rune) bool {
	return !isTerminator(lastMark(rs))
}

// hasVerb guesses whether a sentence has a verb, from common verbs and the
// endings of verb forms; it errs towards yes.
func (a *analyzer) hasVerb(s *sentence) bool {
	for _, t := range s.toks {
		if t.kind != wordToken || t.cap {
			continue
		}
		if a.lex.commonVerbs[t.low] || a.lex.reporting[t.low] {
			return true
		}
		for _, end := range a.lex.verbEndings {
			if strings.HasSuffix(t.low, end) && len(t.low) > len(end)+2 {
				return true
			}
		}
	}
	return false
}

// free reports whether no token of sp is taken yet.
func (s *sentence) free(sp span) bool {
	for k := sp.start; k < sp.end; k++ {
		if s.taken[k] {
			return false
		}
	}
	return true
}

// take marks the tokens of sp as read.
func (s *sentence) take(sp span) {
	for k := sp.start; k < sp.end && k < len(s.taken); k++ {
		s.taken[k] = true
	}
}
