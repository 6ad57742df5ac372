package extract

import (
	"slices"

	"claimdesk/claims"
)

// sentence is a sentence under analysis, with what was found in it.
type sentence struct {
	Sentence
	rs       []rune
	toks     tokens
	roles    []span   // role phrases: "secrétaire général", "spokesperson"
	roleAt   []bool   // tokens inside a role phrase
	roleFrom []int    // the role phrase starting at each token, or -1
	roleTo   []int    // the role phrase ending before each token, or -1
	ents     []entity // names
	entAt    []int    // the name covering each token, or -1
	taken    []bool   // tokens already read as a number, a date or a role
	headline bool     // a line of its own with no final punctuation
}

// inRole reports whether token i is part of a role phrase.
func (s *sentence) inRole(i int) bool {
	return i >= 0 && i < len(s.roleAt) && s.roleAt[i]
}

// analyzer carries what one text has taught so far: the names it uses and
// who spoke last, which later sentences refer back to.
type analyzer struct {
	lex        *lexicon
	gazetteer  map[string]bool // capitalised words used as names inside sentences
	reg        registry        // people and bodies named so far
	ahead      registry        // people named anywhere in the text
	prev       claims.Speaker  // the previous sentence's speaker
	prevPeople []string        // the people named in the previous sentence
	lastBody   string          // the last body that was a speaker
}

// Analyze scores every sentence of text for check-worthiness, with the
// reasons for its score, its kind and who makes the statement. lang is
// claims.LangFrench or claims.LangEnglish; anything else is detected.
// Sentences are analysed in order, as later ones refer back to people and
// bodies named earlier.
func Analyze(text, lang string) []Candidate {
	if !claims.ValidLanguage(lang) {
		lang = DetectLanguage(text)
	}
	a := &analyzer{lex: lexiconFor(lang), gazetteer: make(map[string]bool)}
	sents := a.prepare(Sentences(text, lang))
	a.lookAhead(sents)
	out := make([]Candidate, 0, len(sents))
	for _, s := range sents {
		out = append(out, a.candidate(s))
	}
	return out
}

// prepare tokenises the sentences and learns which capitalised words the
// text uses as names, from their uses inside sentences.
func (a *analyzer) prepare(sents []Sentence) []*sentence {
	out := make([]*sentence, len(sents))
	for k, sent := range sents {
		rs := []rune(sent.Text)
		s := &sentence{Sentence: sent, rs: rs, toks: tokenize(rs)}
		s.headline = isHeadline(rs)
		for i, t := range s.toks {
			if t.kind == wordToken && t.cap && !t.initial && !a.lex.notNames[t.low] && !a.isDateWord(t) && !a.lex.roles.matches(s.toks, i) {
				a.gazetteer[t.text] = true
			}
		}
		out[k] = s
	}
	return out
}

// lookAhead learns the people the whole text names, so that a headline's
// "Starmer" is known as a person before "Keir Starmer" is met.
func (a *analyzer) lookAhead(sents []*sentence) {
	for _, s := range sents {
		a.read(s)
	}
	a.ahead, a.reg = a.reg, registry{}
}

// read finds the roles and names of a sentence and learns them.
func (a *analyzer) read(s *sentence) {
	s.taken = make([]bool, len(s.toks))
	s.roles = a.findRoles(s)
	s.indexRoles()
	s.ents = a.findEntities(s)
	s.indexEntities()
	a.learn(s)
}

// indexRoles maps tokens to the role phrases over them, so that lookups
// stay constant-time in long sentences.
func (s *sentence) indexRoles() {
	s.roleAt = make([]bool, len(s.toks))
	s.roleFrom = slices.Repeat([]int{-1}, len(s.toks)+1)
	s.roleTo = slices.Repeat([]int{-1}, len(s.toks)+1)
	for k, r := range s.roles {
		for i := r.start; i < r.end; i++ {
			s.roleAt[i] = true
		}
		s.roleFrom[r.start], s.roleTo[r.end] = k, k
	}
}

// indexEntities maps tokens to the names over them.
func (s *sentence) indexEntities() {
	s.entAt = slices.Repeat([]int{-1}, len(s.toks)+1)
	for k, e := range s.ents {
		for i := e.first; i < e.last; i++ {
			s.entAt[i] = k
		}
	}
}

// entityAt returns the name covering token i, or nil.
func (s *sentence) entityAt(i int) *entity {
	if i < 0 || i >= len(s.entAt) || s.entAt[i] < 0 {
		return nil
	}
	return &s.ents[s.entAt[i]]
}

// entityStarting returns the name starting at token i, or nil.
func (s *sentence) entityStarting(i int) *entity {
	if e := s.entityAt(i); e != nil && e.first == i {
		return e
	}
	return nil
}

// person returns the person named name met so far, else anywhere in the text.
func (a *analyzer) person(name string) *person {
	if p := a.reg.person(name); p != nil {
		return p
	}
	return a.ahead.person(name)
}

// candidate analyses one sentence.
func (a *analyzer) candidate(s *sentence) Candidate {
	a.read(s)
	attr := a.attribution(s)
	f := a.features(s, attr)
	score, reasons := f.score()
	a.remember(s, attr.speaker)
	return Candidate{
		Sentence: s.Sentence,
		Score:    score,
		Reasons:  reasons,
		Speaker:  attr.speaker,
		Kind:     f.kind(),
	}
}

// learn records the people and bodies the sentence names, with the roles
// it gives them.
func (a *analyzer) learn(s *sentence) {
	for k := range s.ents {
		e := &s.ents[k]
		if e.kind == personEntity {
			a.learnPerson(s, e)
			continue
		}
		a.reg.addBody(e.name)
		if e.kind == orgEntity {
			a.reg.org = e.name
		}
	}
}

// learnPerson records person e, resolving a surname to the full name met
// before (or, failing that, later in the text), and the role given to it.
func (a *analyzer) learnPerson(s *sentence, e *entity) {
	name := e.name
	if q := a.ahead.person(name); q != nil && a.reg.person(name) == nil {
		name = q.name
	}
	p := a.reg.person(name)
	if p == nil || len(nameWords(name)) > 1 {
		if q := a.reg.addPerson(name); q != nil {
			p = q
		}
	}
	if p == nil {
		return
	}
	e.full = p.name
	if role, org := a.roleOf(s, *e); role != "" && p.role == "" {
		p.role, p.org = role, org
	}
	if q := a.ahead.person(p.name); q != nil && p.role == "" {
		p.role, p.org = q.role, q.org
	}
}

// remember keeps what the next sentence may refer back to.
func (a *analyzer) remember(s *sentence, sp claims.Speaker) {
	a.prev = sp
	a.prevPeople = a.prevPeople[:0]
	for _, e := range s.ents {
		if e.kind == personEntity {
			a.prevPeople = append(a.prevPeople, e.full)
		}
	}
	if sp.Name != "" && sp.Name == sp.Organization {
		a.lastBody = sp.Name
	}
}
