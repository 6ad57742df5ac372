package extract

import "claimdesk/claims"

// lexicon holds the words a language marks its cues with. Cues are general
// to news writing (reporting verbs, titles, comparisons), not to any story.
type lexicon struct {
	lang string

	// Who speaks.
	aux          map[string]bool // auxiliaries of a compound reporting verb: "a" in "a déclaré"
	reflexive    map[string]bool // participles after "s'est": "engagé", "exprimé"
	reporting    map[string]bool // forms of verbs that report speech
	invertible   map[string]bool // reporting verbs written before their subject: "said X"
	gerunds      map[string]bool // reporting verbs that go on with the same speaker
	sources      phraseSet       // "selon", "according to"
	opinionFrame map[string]bool // "pour" in "Pour l'économiste X, …"
	roles        phraseSet       // titles and jobs: "porte-parole", "spokesperson"
	bodies       map[string]bool // nouns naming an institution or its output: "agency", "rapport"
	documents    map[string]bool // the bodies that stand for whoever published them: "report"
	pronouns     map[string]bool // subject pronouns
	objects      map[string]bool // pronouns after "selon"/"according to"
	determiners  map[string]bool
	incidental   map[string]bool // words that open a phrase which is not a subject
	appositive   map[string]bool // words that open a description of someone: "un", "a"

	// What is said.
	accusation  phraseSet
	denial      phraseSet
	promise     phraseSet
	prediction  phraseSet
	comparison  phraseSet
	superlative phraseSet
	absolute    phraseSet
	trend       phraseSet
	causal      phraseSet
	opinion     phraseSet
	boilerplate phraseSet
	since       map[string]bool // "depuis", "since": a comparison with the past
	versus      map[string]bool // "contre" between two figures

	// Numbers and dates.
	numberWords   map[string]bool
	scales        map[string]bool // "million", "milliards"
	currencies    map[string]bool
	percents      phraseSet
	times         map[string]bool // "h", "p.m."
	months        map[string]bool
	monthsCapital bool // English months need their capital: "may" is a verb
	weekdays      map[string]bool
	relative      phraseSet // "l'an dernier", "last year"

	// Names.
	connectors map[string]bool // words inside names: "de" in "Banque de France"
	notNames   map[string]bool // capitalised words that are not names

	// Verbs, to tell a headline from a sentence.
	commonVerbs map[string]bool
	verbEndings []string
}

// lexiconFor returns the lexicon of lang, English for anything else.
func lexiconFor(lang string) *lexicon {
	if lang == claims.LangFrench {
		return frenchLexicon
	}
	return englishLexicon
}

// Words shared by both languages.
var (
	titleWords  = wordSet("M MM Mme Mmes Mlle Me Mgr Dr Pr Prof Mr Mrs Ms Messrs Sen Rep Gov Lt Col Capt Sgt Rev Hon Gén Gen Adm Maj")
	placeTitles = wordSet("St Ste Saint Sainte Mt Fort Lake Mount San Santa Los Las New Hong Sri Costa El Port Porto Rio Cape")
	currencies  = wordSet("$ € £ ¥ ₽ ₹ ₩ ¢")
)
