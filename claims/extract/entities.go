package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entityKind says what a name names.
type entityKind uint8

const (
	otherEntity  entityKind = iota // a place, an event, a name of unknown kind
	personEntity                   // a person
	orgEntity                      // an organisation
)

// entity is a name found in a sentence: a run of capitalised words.
type entity struct {
	name        string // as written, titles left out
	full        string // for a person, the full name first met in the text
	kind        entityKind
	first, last int // tokens [first, last)
}

// Words that tell an organisation, or a place, a law or an event, by its name.
var (
	orgWords = wordSet(`board boards center centers centre centres council service services office department ministry
		ministère agency agence bank banque institute institut observatoire observatory commission committee comité
		party parti university université hospital hôpital house maison congress congrès senate sénat assembly
		assemblée court cour tribunal inc corp corporation company compagnie group groupe partners association union
		organisation organization nations force forces command police school college collège foundation fondation
		fund fonds reserve bureau administration authority autorité government gouvernement cabinet army armée navy
		network réseau times post news tribune journal club federation fédération league ligue church église media
		médias parliament parlement alliance coalition society société institution laboratory laboratoire airlines
		holdings ventures technologies motors secretariat mairie préfecture conseil syndicat confédération
		steel industries electric energy oil pharmaceuticals pharma foods airways railways workers steelworkers
		bancorp insurance airline automotive chemicals telecom communications`)
	knownOrgs  = wordSet("reuters afp ap bloomberg insee cdc oms onu otan nato un eu ue imf fmi ocde oecd bce ecb fed gao nasa fbi cia inserm ifop ipsos")
	notOrgs    = wordSet("pib gdp ceo pdg tva vat covid sida aids hiv vih ok tv usa")
	placeWords = wordSet(`street avenue road boulevard square hall river lake mountain mountains park island islands
		bay sea ocean valley rue pont mer océan lac mont île îles guerre war district region région province county
		republic république kingdom royaume empire coast côte strait détroit canal desert désert peninsula péninsule
		gulf golfe airport aéroport station stadium stade bridge city states emirates amendment act law bill treaty code constitution charter protocol convention accord agreement
		directive loi traité règlement`)
	directions  = wordSet("nord sud est ouest north south east west northern southern eastern western")
	nameJoiners = wordSet("and et")
)

// findEntities returns the names of the sentence, left to right. A
// capitalised word at the start of the sentence or of a quotation counts
// only when the text uses it as a name elsewhere.
func (a *analyzer) findEntities(s *sentence) []entity {
	var out []entity
	for i := 0; i < len(s.toks); i++ {
		if !a.startsName(s, i) {
			continue
		}
		j := a.nameEnd(s, i)
		e := a.classify(s, i, j)
		if e.kind != personEntity {
			a.widenToBody(s, &e)
		}
		out = append(out, e)
		i = j - 1
	}
	return out
}

// widenToBody makes "ministère de l'Intérieur" one organisation, as French
// writes the body's noun in lower case before its capitalised name.
func (a *analyzer) widenToBody(s *sentence, e *entity) {
	ts := s.toks
	k := e.first - 1
	for n := 0; k >= 0 && n < 3 && (ts[k].isApostrophe() || (ts.isWord(k) && !ts[k].cap && a.lex.connectors[ts[k].low])); k-- {
		n++
	}
	if !ts.isWord(k) || ts[k].cap || !a.lex.bodies[ts[k].low] || k == e.first-1 {
		return
	}
	e.first, e.kind = k, orgEntity
	e.name = ts.between(s.rs, e.first, e.last)
}

// capWord reports whether token i is a capitalised word that may be part of
// a name: not a month, a weekday, a title or part of a role.
func (a *analyzer) capWord(s *sentence, i int) bool {
	if !s.toks.isWord(i) || !s.toks[i].cap || s.inRole(i) || a.isDateWord(s.toks[i]) {
		return false
	}
	return !a.isTitle(s, i)
}

// isTitle reports a title before a name: M., Mme, Dr, Mr.
func (a *analyzer) isTitle(s *sentence, i int) bool {
	if !titleWords[s.toks[i].text] {
		return false
	}
	return s.toks.isPunct(i+1, ".") || (s.toks.isWord(i+1) && s.toks[i+1].cap)
}

// startsName reports whether a name starts at token i: a capitalised word
// inside the sentence, or at its start when it is an acronym or a known
// organisation, or a word the text uses as a name elsewhere.
func (a *analyzer) startsName(s *sentence, i int) bool {
	t := s.toks[i]
	if !a.capWord(s, i) || a.lex.notNames[t.low] || utf8.RuneCountInString(t.text) < 2 {
		return false // I, and the C' of C'est or °C
	}
	if !t.initial || isAcronymOrg(s.toks[i:i+1]) || isCamelCase(t.text) {
		return true
	}
	return a.known(t.text) || (a.capWord(s, i+1) && a.known(s.toks[i+1].text))
}

// isCamelCase reports a word with a capital inside, as brands are written:
// NetChoice, YouTube.
func isCamelCase(word string) bool {
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			return unicode.IsLower([]rune(word)[1])
		}
	}
	return false
}

// known reports whether word is used as a name somewhere in the text.
func (a *analyzer) known(word string) bool {
	return a.gazetteer[word] || a.person(word) != nil
}

// isDateWord reports a month or a weekday, which are capitalised in English
// but are not names.
func (a *analyzer) isDateWord(t token) bool {
	return a.lex.months[t.low] || a.lex.weekdays[t.low]
}

// nameEnd returns the end of the name starting at token i: capitalised
// words, initials (John F. Kennedy) and the small words inside names
// (Banque de France, University of Washington).
func (a *analyzer) nameEnd(s *sentence, i int) int {
	ts := s.toks
	j := i + 1
	if placeTitles[ts[i].text] && ts.isPunct(j, ".") && a.capWord(s, j+1) {
		j += 2
	}
	for j < len(ts) {
		switch {
		case isInitialToken(ts, j) && ts.isPunct(j+1, ".") && a.capWord(s, j+2):
			j += 3
		case a.capWord(s, j):
			j++
		case a.innerAdjective(s, j) && a.capWord(s, j+1):
			j += 2
		default:
			k := a.afterConnectors(s, i, j)
			if k < 0 {
				return j
			}
			j = k + 1
		}
	}
	return j
}

// afterConnectors returns the capitalised word that continues a name after
// the small words at j ("de la", "of", "d'"), or -1.
func (a *analyzer) afterConnectors(s *sentence, i, j int) int {
	ts := s.toks
	k, n := j, 0
	for ; k < len(ts) && n < 3; k++ {
		switch {
		case ts[k].isApostrophe():
		case ts.isWord(k) && !ts[k].cap && a.lex.connectors[ts[k].low]:
			n++
		default:
			if n == 0 || !a.capWord(s, k) {
				return -1
			}
			if nameJoiners[ts[j].low] && !hasOrgWord(ts[i:j]) {
				return -1 // "la Chine et l'Iran" are two names
			}
			return k
		}
	}
	return -1
}

// frenchNameAdjectives are the endings of the adjectives French writes in
// lower case inside a name: Santé publique France, Syndicat national.
var frenchNameAdjectives = []string{"ique", "iques", "al", "ale", "aux", "ales", "ais", "aise", "ien", "ienne", "aire", "el", "elle"}

// innerAdjective reports a lower-case French adjective at token j that may
// sit inside a name.
func (a *analyzer) innerAdjective(s *sentence, j int) bool {
	if a.lex.lang != "fr" || !s.toks.isWord(j) || s.toks[j].cap {
		return false
	}
	for _, end := range frenchNameAdjectives {
		if strings.HasSuffix(s.toks[j].low, end) {
			return true
		}
	}
	return false
}

// isInitialToken reports a single capital letter: the F of John F. Kennedy.
func isInitialToken(ts tokens, i int) bool {
	return ts.isWord(i) && isInitial(ts[i].text)
}

// hasOrgWord reports whether the words name an organisation.
func hasOrgWord(ts tokens) bool {
	for _, t := range ts {
		if orgWords[t.low] {
			return true
		}
	}
	return false
}

// classify tells whether tokens [i, j) name a person, an organisation or
// something else, and resolves a person's surname to the full name.
func (a *analyzer) classify(s *sentence, i, j int) entity {
	e := entity{name: s.toks.between(s.rs, i, j), first: i, last: j}
	words := s.toks[i:j]
	switch {
	case a.titled(s, i):
		e.kind = personEntity
	case hasOrgWord(words) || isAcronymOrg(words) || a.bodyNounAfter(s, j):
		e.kind = orgEntity
	case isPlace(words):
		e.kind = otherEntity
	case a.person(e.name) != nil || a.roleBefore(s, i) >= 0 || looksLikePersonName(words):
		e.kind = personEntity
	}
	if e.kind == personEntity {
		e.full = e.name
		if p := a.person(e.name); p != nil {
			e.full = p.name
		}
	}
	return e
}

// bodyNounAfter reports a lower-case body noun right after a name, as
// English names organisations: "the United Steelworkers union".
func (a *analyzer) bodyNounAfter(s *sentence, j int) bool {
	return s.toks.isWord(j) && !s.toks[j].cap && a.lex.bodies[s.toks[j].low] && !a.lex.documents[s.toks[j].low]
}

// titled reports whether the name at token i follows a title: M., Dr, Mrs.
func (a *analyzer) titled(s *sentence, i int) bool {
	ts := s.toks
	if ts.isPunct(i-1, ".") {
		i--
	}
	return ts.isWord(i-1) && titleWords[ts[i-1].text]
}

// isAcronymOrg reports a single known organisation or an acronym such as
// OTAN or CDC, most of which name bodies.
func isAcronymOrg(words tokens) bool {
	if len(words) != 1 {
		return false
	}
	w := words[0]
	if knownOrgs[w.low] {
		return true
	}
	letters := 0
	for _, r := range w.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && !notOrgs[w.low] && !strings.Contains(w.text, ".")
}

// isPlace reports names of places and events: Corée du Nord, Main Street.
func isPlace(words tokens) bool {
	if len(words) > 0 && placeTitles[words[0].text] && len(words) > 1 {
		return true
	}
	for _, w := range words {
		if placeWords[w.low] || directions[w.low] || directions[strings.SplitN(w.low, "-", 2)[0]] {
			return true
		}
	}
	return false
}

// looksLikePersonName reports two to four capitalised words with no small
// words but particles (Jens Stoltenberg, François Villeroy de Galhau).
func looksLikePersonName(words tokens) bool {
	caps := 0
	for _, w := range words {
		switch {
		case w.kind == punctToken || isInitial(w.text):
		case w.cap && !isAcronymOrg(tokens{w}):
			caps++
		case w.low == "de" || w.low == "van" || w.low == "von" || w.low == "der" || w.low == "da" || w.low == "di" || w.low == "del" || w.low == "bin":
		default:
			return false
		}
	}
	return caps >= 2 && caps <= 4
}
