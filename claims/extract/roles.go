package extract

// findRoles returns the role phrases of the sentence. A capitalised role
// counts as a title before a name (Mayor Gregory Hale) or after a
// determiner (le Premier ministre), not inside an organisation's name
// (Office of the Director, General Motors).
func (a *analyzer) findRoles(s *sentence) []span {
	var out []span
	for _, r := range a.lex.roles.findAll(s.toks, false) {
		if !s.toks[r.start].cap || a.capitalisedRole(s, r) {
			out = append(out, r)
		}
	}
	return out
}

// capitalisedRole reports whether the capitalised words of r are a title.
func (a *analyzer) capitalisedRole(s *sentence, r span) bool {
	ts := s.toks
	prev := r.start - 1
	for prev >= 0 && ts[prev].isApostrophe() {
		prev--
	}
	switch {
	case ts.isWord(prev) && a.lex.connectors[ts[prev].low] && !a.lex.determiners[ts[prev].low]:
		return false
	case ts.isWord(prev) && a.lex.determiners[ts[prev].low]:
		return true
	}
	return ts.isWord(r.end) && ts[r.end].cap
}

// roleEndingAt returns the role phrase ending just before token i, or -1.
func (s *sentence) roleEndingAt(i int) int {
	if i < 0 || i >= len(s.roleTo) {
		return -1
	}
	return s.roleTo[i]
}

// roleStartingAt returns the role phrase starting at token i, or -1.
func (s *sentence) roleStartingAt(i int) int {
	if i < 0 || i >= len(s.roleFrom) {
		return -1
	}
	return s.roleFrom[i]
}

// roleBefore returns the role phrase that qualifies the name at token i
// directly, with at most two adjectives between (le président russe
// Vladimir Poutine, county clerk Denise Okafor), or -1.
func (a *analyzer) roleBefore(s *sentence, i int) int {
	for k := i; k >= i-2 && k >= 0; k-- {
		if r := s.roleEndingAt(k); r >= 0 {
			return r
		}
		if k > 0 && !a.isAdjective(s, k-1) {
			return -1
		}
	}
	return -1
}

// isAdjective reports a lower-case word that is not a small grammatical
// word: "russe" in "le président russe".
func (a *analyzer) isAdjective(s *sentence, i int) bool {
	t := s.toks[i]
	return t.kind == wordToken && !t.cap && !a.lex.determiners[t.low] && !a.lex.connectors[t.low] &&
		!a.lex.incidental[t.low] && !s.inRole(i)
}

// roleOf returns the role and organisation the sentence gives person e: in
// front of the name, or in an apposition before or after it.
func (a *analyzer) roleOf(s *sentence, e entity) (role, org string) {
	if r := a.roleBefore(s, e.first); r >= 0 {
		return a.describeRole(s, r)
	}
	if s.toks.isPunct(e.first-1, ",") {
		if r := s.lastRoleIn(s.segmentStart(e.first-1), e.first-1); r >= 0 {
			return a.describeRole(s, r)
		}
	}
	if s.toks.isPunct(e.last, ",") {
		if r := a.roleOpening(s, e.last+1, s.segmentEnd(e.last+1)); r >= 0 {
			return a.describeRole(s, r)
		}
	}
	return "", ""
}

// segmentStart returns the first token of the comma-separated segment that
// ends before token i.
func (s *sentence) segmentStart(i int) int {
	for k := i - 1; k >= 0; k-- {
		if s.toks.isPunct(k, ",;:«»“”\"()") {
			return k + 1
		}
	}
	return 0
}

// segmentEnd returns the end of the comma-separated segment starting at i.
// Periods do not end it: inside a sentence they follow titles (M., Dr.).
func (s *sentence) segmentEnd(i int) int {
	for k := i; k < len(s.toks); k++ {
		if s.toks.isPunct(k, ",;:«»“”\"()") {
			return k
		}
	}
	return len(s.toks)
}

// lastRoleIn returns the last role phrase starting in tokens [from, to),
// or -1: "le porte-parole de la Maison Blanche chargé de la sécurité
// nationale" before ", John Kirby".
func (s *sentence) lastRoleIn(from, to int) int {
	for k := to - 1; k >= from; k-- {
		if r := s.roleStartingAt(k); r >= 0 {
			return r
		}
	}
	return -1
}

// roleOpening returns the role phrase that opens tokens [from, to), after a
// determiner and an adjective (la principale responsable), or -1.
func (a *analyzer) roleOpening(s *sentence, from, to int) int {
	k := from
	if k < to && (a.lex.determiners[s.toks[k].low] || a.lex.appositive[s.toks[k].low]) {
		k++
	}
	for skipped := 0; k < to && skipped < 2; skipped++ {
		if r := s.roleStartingAt(k); r >= 0 {
			return r
		}
		if !a.isAdjective(s, k) {
			return -1
		}
		k++
	}
	if k < to {
		return s.roleStartingAt(k)
	}
	return -1
}

// describeRole returns the words of role phrase r and the organisation it
// belongs to: the name just before it (White House spokesperson) or its
// complement (porte-parole de la Maison Blanche, chief executive of X). A
// minister's portfolio stays in the role: ministre de l'Économie.
func (a *analyzer) describeRole(s *sentence, r int) (role, org string) {
	rs := s.roles[r]
	role = s.toks.between(s.rs, rs.start, rs.end)
	if e := s.entityEndingAt(rs.start); e != nil && e.kind != personEntity {
		return role, e.name
	}
	e := s.complementOf(rs.end, a.lex)
	if e == nil || e.kind == personEntity {
		return role, ""
	}
	if low := s.toks[rs.start].low; low == "ministre" || low == "minister" {
		return s.toks.between(s.rs, rs.start, e.last), ""
	}
	return role, e.name
}

// entityEndingAt returns the name that ends just before token i, or nil.
func (s *sentence) entityEndingAt(i int) *entity {
	if e := s.entityAt(i - 1); e != nil && e.last == i {
		return e
	}
	return nil
}

// complementOf returns the name that completes a role at token i through
// small words (de la, of the, at the), allowing a few words between
// (chargé de la sécurité nationale), or nil.
func (s *sentence) complementOf(i int, lex *lexicon) *entity {
	for k := i; k < len(s.toks) && k < i+4; k++ {
		t := s.toks[k]
		if t.kind == punctToken && !t.isApostrophe() {
			return nil
		}
		if t.kind == wordToken && !t.cap && !lex.connectors[t.low] && t.low != "at" && t.low != "à" && t.low != "au" && t.low != "aux" {
			return nil
		}
		if e := s.entityStarting(k); e != nil {
			return e
		}
	}
	return nil
}
