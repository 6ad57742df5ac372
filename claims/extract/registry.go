package extract

import (
	"slices"
	"strings"

	"claimdesk/claims"
)

// maxRecall bounds how far back "la ministre" or "the board" is looked for:
// the referent is recent, and the bound keeps hostile texts fast.
const maxRecall = 500

// person is someone named in the text, with the role the text gives them.
type person struct {
	name  string
	role  string
	org   string
	words []string // the folded words of the name, particles left out
}

// registry remembers the people and bodies named so far in a text, so that
// "M. Stoltenberg", "Stoltenberg" or "la ministre" later on are the person
// first named in full, and "the board" the body named before.
type registry struct {
	people []*person
	byWord map[string][]*person // people by each word of their name, in order met
	bodies []string             // bodies in the order named, repeats included
	org    string               // the organisation named last
}

// nameParticles are the small words of names that do not identify anyone.
var nameParticles = wordSet("de du des d la le van von der den di da del al bin ben of the")

// nameWords returns the folded words of a name, particles left out.
func nameWords(name string) []string {
	var words []string
	for w := range strings.FieldsFuncSeq(claims.Fold(name), func(r rune) bool {
		return r == ' ' || r == '\'' || r == '’' || r == '.' || r == '\u00a0'
	}) {
		if !nameParticles[w] && len([]rune(w)) > 1 {
			words = append(words, w)
		}
	}
	return words
}

// addPerson records a person named in full and returns the record, which
// is the earlier one when the name was met before.
func (r *registry) addPerson(name string) *person {
	words := nameWords(name)
	if len(words) == 0 {
		return nil
	}
	if p := r.find(words, true); p != nil {
		return p
	}
	p := &person{name: name, words: words}
	r.people = append(r.people, p)
	if r.byWord == nil {
		r.byWord = make(map[string][]*person)
	}
	for _, w := range words {
		r.byWord[w] = append(r.byWord[w], p)
	}
	return p
}

// person returns the most recent person whose name contains every word of
// name ("Stoltenberg" or "Jens Stoltenberg"), or nil.
func (r *registry) person(name string) *person {
	words := nameWords(name)
	if len(words) == 0 {
		return nil
	}
	return r.find(words, false)
}

// find returns the person whose name holds all of words: the first met
// when first is set, else the most recent.
func (r *registry) find(words []string, first bool) *person {
	candidates := r.byWord[words[0]]
	for k := range candidates {
		if !first {
			k = len(candidates) - 1 - k
		}
		if containsAll(candidates[k].words, words) {
			return candidates[k]
		}
	}
	return nil
}

// byRole returns the most recent person whose role contains role ("la
// ministre" for "ministre de l'Économie"), or nil.
func (r *registry) byRole(role string) *person {
	role = claims.Fold(role)
	for k := len(r.people) - 1; k >= 0 && k >= len(r.people)-maxRecall; k-- {
		if p := r.people[k]; p.role != "" && strings.Contains(claims.Fold(p.role), role) {
			return p
		}
	}
	return nil
}

// addBody records a body or place named in the text, as the most recent.
func (r *registry) addBody(name string) {
	r.bodies = append(r.bodies, name)
}

// bodyNamed returns the most recent body whose name contains the word noun
// ("board" in "Harlan County Board of Elections"), or "".
func (r *registry) bodyNamed(noun string) string {
	noun = claims.Fold(noun)
	for k := len(r.bodies) - 1; k >= 0 && k >= len(r.bodies)-maxRecall; k-- {
		for _, w := range nameWords(r.bodies[k]) {
			if w == noun || w == noun+"s" {
				return r.bodies[k]
			}
		}
	}
	return ""
}

// containsAll reports whether every word of want is in have.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
