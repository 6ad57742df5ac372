package extract

import (
	"claimdesk/claims"
)

// attribution is who a sentence says made its statement, and the words
// that say so.
type attribution struct {
	cue     cue // "attribution: a déclaré", "reporting verb: said"
	speaker claims.Speaker
}

// auxiliaries come between an English subject and its reporting verb:
// "Supporters have accused", "He has long argued".
var auxiliaries = wordSet("has have had also previously repeatedly reportedly recently again already later then often never not did does do will would could may might long once first since")

// quantifiers open a vague subject: "Some experts say".
var quantifiers = wordSet("some many several most other others few certains certaines plusieurs nombreux d'autres autres")

// attribution finds who makes the sentence's statement: the subject of its
// first reporting verb (X a déclaré, X said, « … », a déclaré X, "…," said
// X), else the source after "selon" or "according to", else the person of
// an opinion frame (Pour l'économiste X, …), else, for a quotation standing
// alone, the previous speaker.
func (a *analyzer) attribution(s *sentence) attribution {
	out, named := a.verbAttribution(s)
	if named {
		return out
	}
	src, named := a.sourceAttribution(s)
	if out.cue.label == "" {
		out.cue = src.cue
	}
	if named {
		out.speaker = src.speaker
		return out
	}
	if sp, ok := a.opinionFrame(s); ok {
		if out.cue.label == "" {
			out.cue = cue{label: "attribution", text: s.toks[0].text}
		}
		if out.speaker.Name == "" {
			out.speaker = sp
		}
	}
	if out.cue.label == "" && a.prev.Name != "" && whollyQuoted(s.rs) {
		out = attribution{cue: cue{label: "attribution", text: "quotation goes on"}, speaker: a.prev}
	}
	return out
}

// verbAttribution reads the sentence's first reporting verb; named reports
// that it named the speaker.
func (a *analyzer) verbAttribution(s *sentence) (out attribution, named bool) {
	for _, v := range a.reportingVerbs(s) {
		if out.cue.label == "" {
			out.cue = a.verbCue(s, v)
		}
		if !v.gerund {
			out.speaker = a.subjectOf(s, v)
			return out, out.speaker.Name != ""
		}
	}
	return out, false
}

// sourceAttribution reads "selon X", "according to X"; named reports that
// a source phrase named someone. Without a name, it still gives the cue.
func (a *analyzer) sourceAttribution(s *sentence) (out attribution, named bool) {
	for _, src := range a.lex.sources.findAll(s.toks, true) {
		if out.cue.label == "" {
			out.cue = cue{label: "attribution", text: s.toks.between(s.rs, src.start, src.end)}
		}
		if sp := a.npSpeaker(s, src.end, s.segmentEnd(src.end)); sp.Name != "" {
			out.speaker = sp
			return out, true
		}
	}
	return out, false
}

// whollyQuoted reports a sentence that is one quotation, which goes on with
// the previous sentence's speaker: «"I gave 31 years," said X. "Now they
// tell us."»
func whollyQuoted(rs []rune) bool {
	pairs := pairQuotes(rs, 0, len(rs))
	if len(pairs) == 0 {
		return false
	}
	p := pairs[0] // the pair that opens first
	for _, q := range pairs {
		if q.open < p.open {
			p = q
		}
	}
	return p.open == 0 && (p.close == len(rs)-1 || (p.close == len(rs)-2 && isTerminator(rs[len(rs)-1])))
}

// subjectOf returns the speaker of reporting verb v: the pronoun stuck to
// it, the name after it when the attribution is inverted, or the subject
// before it.
func (a *analyzer) subjectOf(s *sentence, v verbAt) claims.Speaker {
	if v.pronoun {
		return a.pronounSpeaker()
	}
	if k, ok := a.inverted(s, v); ok {
		return a.npSpeaker(s, k, s.segmentEnd(k))
	}
	from := a.clauseStart(s, v.start)
	to := v.start
	for to > from && s.toks.isWord(to-1) && auxiliaries[s.toks[to-1].low] {
		to--
	}
	for to > from {
		segFrom := s.segmentStart(to)
		segFrom = max(segFrom, from)
		if !a.skipSegment(s, segFrom, to) {
			return a.npSpeaker(s, segFrom, min(to, a.headEnd(s, segFrom, to)))
		}
		to = segFrom - 1
	}
	return claims.Speaker{}
}

// inverted reports an attribution written verb first, after a quotation or
// a comma: « … », a déclaré M. Stoltenberg / "…," said John Kirby / …, a
// annoncé mercredi Santé publique France. It returns where the subject
// starts, past the dates and adverbs after the verb.
func (a *analyzer) inverted(s *sentence, v verbAt) (int, bool) {
	if a.lex.lang != claims.LangFrench && !a.lex.invertible[s.toks[v.end-1].low] {
		return 0, false
	}
	if !s.toks.isPunct(v.start-1, ",»”\"") {
		return 0, false
	}
	k := v.end
	for n := 0; n < 3 && s.toks.isWord(k) && (a.isDateWord(s.toks[k]) || adverbs[s.toks[k].low] || dayParts[s.toks[k].low]); n++ {
		k++
	}
	return k, a.subjectLike(s, k) && !a.startsClause(s, k)
}

// startsClause reports a name followed by its verb: in "Ellen Ruiz, said
// Harmon would pay", Harmon is the subject of what was said, not the
// speaker.
func (a *analyzer) startsClause(s *sentence, k int) bool {
	e := s.entityStarting(k)
	for n := 1; e == nil && n <= 2 && a.isTitle(s, k); n++ {
		e = s.entityStarting(k + n)
	}
	if e == nil {
		return false
	}
	next := e.last
	return s.toks.isWord(next) && !s.toks[next].cap && !a.lex.incidental[s.toks[next].low] &&
		!a.lex.connectors[s.toks[next].low] && !a.lex.gerunds[s.toks[next].low]
}

// dayParts follow a weekday: "mardi soir", "Monday morning".
var dayParts = wordSet("matin soir midi après-midi morning afternoon evening night hier yesterday today aujourd")

// subjectLike reports whether a subject starts at token k: a name, a
// title, a pronoun, or a determiner before a role or a body.
func (a *analyzer) subjectLike(s *sentence, k int) bool {
	ts := s.toks
	if !ts.isWord(k) {
		return false
	}
	t := ts[k]
	switch {
	case t.cap && !a.isDateWord(t):
		return true
	case a.lex.pronouns[t.low]:
		return true
	case a.lex.determiners[t.low]:
		k++
		for k < len(ts) && ts[k].isApostrophe() {
			k++
		}
		return s.roleStartingAt(k) >= 0 || (ts.isWord(k) && a.lex.bodies[ts[k].low])
	}
	return false
}

// clauseStart returns where the clause holding token i starts: after the
// closest quotation, semicolon or colon before it.
func (a *analyzer) clauseStart(s *sentence, i int) int {
	for k := i - 1; k >= 0; k-- {
		if s.toks[k].quoted || s.toks.isPunct(k, ";:»”\"(") {
			return k + 1
		}
	}
	return 0
}

// skipSegment reports a comma-separated part of a clause that cannot be
// the subject: a circumstance (lors d'une visite, in turn), a date, an age,
// or a description of the subject (a former school principal).
func (a *analyzer) skipSegment(s *sentence, from, to int) bool {
	ts := s.toks
	first := -1
	for k := from; k < to; k++ {
		if ts[k].kind == wordToken {
			first = k
			break
		}
	}
	if first < 0 {
		return true
	}
	low := ts[first].low
	switch {
	case a.lex.incidental[low] && !a.lex.pronouns[low], a.lex.appositive[low]:
		return true
	case s.roleStartingAt(first) >= 0 && !a.hasPerson(s, from, to):
		return true
	}
	for k := first; k < to; k++ {
		if ts[k].kind == wordToken && !a.lex.determiners[ts[k].low] && !a.isDateWord(ts[k]) {
			return false
		}
	}
	return true
}

// headEnd returns where the noun phrase opening tokens [from, to) ends: at
// its first lower-case word past the head, so that "La canicule a causé
// des décès en France" names no speaker. Names, titles, roles and their
// complements belong to the phrase.
func (a *analyzer) headEnd(s *sentence, from, to int) int {
	ts := s.toks
	inName := func(k int) bool { return s.entityAt(k) != nil }
	seenHead := false
	for k := from; k < to; k++ {
		t := ts[k]
		switch {
		case a.lex.determiners[t.low] || a.lex.connectors[t.low] || quantifiers[t.low] || a.lex.pronouns[t.low]:
		case t.kind != wordToken || inName(k) || s.inRole(k) || t.cap:
			seenHead = seenHead || t.kind == wordToken
		case !seenHead:
			seenHead = true
		case a.isAdjective(s, k) && k+1 < to && (inName(k+1) || s.inRole(k+1)):
		default:
			return k
		}
	}
	return to
}

// hasPerson reports whether a person is named in tokens [from, to).
func (a *analyzer) hasPerson(s *sentence, from, to int) bool {
	return s.lastPerson(from, to) != nil
}

// lastPerson returns the last person named wholly in tokens [from, to), or
// nil.
func (s *sentence) lastPerson(from, to int) *entity {
	for k := to - 1; k >= from; k-- {
		if e := s.entityAt(k); e != nil && e.first >= from && e.last <= to && e.kind == personEntity {
			return e
		}
	}
	return nil
}

// firstName returns the first name that lies wholly in tokens [from, to),
// or nil.
func (s *sentence) firstName(from, to int) *entity {
	for k := from; k < to; k++ {
		if e := s.entityAt(k); e != nil && e.first >= from && e.last <= to {
			return e
		}
	}
	return nil
}

// npSpeaker returns who the phrase in tokens [from, to) names: a person,
// a pronoun's antecedent, the person holding a role, a body, or the body
// behind a document ("the report").
func (a *analyzer) npSpeaker(s *sentence, from, to int) claims.Speaker {
	ts := s.toks
	if e := s.lastPerson(from, to); e != nil {
		return a.personSpeaker(e.full)
	}
	head := from
	for head < to && (a.lex.determiners[ts[head].low] || quantifiers[ts[head].low] || ts[head].isApostrophe()) {
		head++
	}
	if head >= to {
		return claims.Speaker{}
	}
	if a.lex.pronouns[ts[head].low] || a.lex.objects[ts[head].low] {
		return a.pronounSpeaker()
	}
	if r := s.roleStartingAt(head); r >= 0 {
		return a.roleSpeaker(s, r)
	}
	if e := s.firstName(from, to); e != nil {
		return bodySpeaker(e.name)
	}
	if a.lex.bodies[ts[head].low] {
		return a.bodyNounSpeaker(ts[head].low)
	}
	return claims.Speaker{}
}

// companyNouns stand for the company or group named last: "the company
// announced", "le groupe a annoncé".
var companyNouns = wordSet("company firm group groupe entreprise société compagnie")

// bodyNounSpeaker resolves "the board", "l'institut", "the company": the
// body named before whose name holds the noun, else for a document the
// body that last spoke, else for a company the organisation last named.
func (a *analyzer) bodyNounSpeaker(noun string) claims.Speaker {
	switch {
	case a.reg.bodyNamed(noun) != "":
		return bodySpeaker(a.reg.bodyNamed(noun))
	case a.lex.documents[noun] && a.lastBody != "":
		return bodySpeaker(a.lastBody)
	case companyNouns[noun] && a.reg.org != "":
		return bodySpeaker(a.reg.org)
	}
	return claims.Speaker{}
}

// roleSpeaker returns the person last given role r's title ("la ministre"),
// or just the role and its body when nobody was.
func (a *analyzer) roleSpeaker(s *sentence, r int) claims.Speaker {
	role, org := a.describeRole(s, r)
	if p := a.reg.byRole(s.toks.between(s.rs, s.roles[r].start, s.roles[r].end)); p != nil {
		return a.personSpeaker(p.name)
	}
	if org == "" {
		return claims.Speaker{}
	}
	return claims.Speaker{Role: role, Organization: org}
}

// personSpeaker returns the person named name, with the role the text gave.
func (a *analyzer) personSpeaker(name string) claims.Speaker {
	if p := a.person(name); p != nil {
		return claims.Speaker{Name: p.name, Role: p.role, Organization: p.org}
	}
	return claims.Speaker{Name: name}
}

// bodySpeaker returns a body speaking as one.
func bodySpeaker(name string) claims.Speaker {
	return claims.Speaker{Name: name, Organization: name}
}

// pronounSpeaker resolves il, elle, he, she: the previous sentence's
// speaker, else the last person it named.
func (a *analyzer) pronounSpeaker() claims.Speaker {
	if a.prev.Name != "" {
		return a.prev
	}
	if n := len(a.prevPeople); n > 0 {
		return a.personSpeaker(a.prevPeople[n-1])
	}
	return claims.Speaker{}
}

// opinionFrame reads "Pour l'économiste X, …", which gives X's view.
func (a *analyzer) opinionFrame(s *sentence) (claims.Speaker, bool) {
	ts := s.toks
	if len(ts) == 0 || !a.lex.opinionFrame[ts[0].low] {
		return claims.Speaker{}, false
	}
	end := s.segmentEnd(1)
	if !a.hasPerson(s, 1, end) {
		return claims.Speaker{}, false
	}
	return a.npSpeaker(s, 1, end), true
}
