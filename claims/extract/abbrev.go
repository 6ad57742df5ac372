package extract

import "strings"

// titleAbbreviations come before a name, so their period never ends a
// sentence. They are matched with their capital, as written.
var titleAbbreviations = wordSet("M MM Mme Mmes Mlle Mlles Me Mgr Dr Drs Pr Prof Mr Mrs Ms Messrs Gen Sen Sens Rep Reps Gov Lt Col Capt Cpt Sgt Cpl Rev Hon St Ste Sts Mt Ft Adm Cmdr Maj Supt Insp Pres Gén Fr Jr Sr")

// abbreviations end with a period that may also end the sentence, as in
// "made in the U.S." or "apples, pears, etc.": the sentence ends only when
// the next word is one that usually starts a sentence. Matched in lower case.
var abbreviations = map[string]map[string]bool{
	"":   wordSet("etc vs v cf al ca approx fig figs vol vols no nos nr p pp ch chap dept univ inc corp ltd co bros assn ave blvd rd hwy min max tel ed eds"),
	"en": wordSet("jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri mt ft oz lb lbs yr yrs mos hr hrs"),
	"fr": wordSet("janv févr fév avr juil sept oct nov déc env hab éd coll av apr tél réf mds mrd nb ss"),
}

// sentenceStarters are words that often start a sentence and seldom follow
// an abbreviation or an initial in the middle of one.
var sentenceStarters = wordSet(`the a an he she it they we i you this that these those there here in on at
	but and however his her its their our my when while after before as for if since some many most all
	no not yet so then also meanwhile still one two three what why how who where
	le la les l il elle ils elles on nous je tu vous ce cet cette ces cela ceci mais en dans un une des
	selon pour par au aux du de d après avant lors pendant si quand alors ainsi or donc puis enfin certains
	plusieurs tous toutes aucun rien`)

// isTitleAbbreviation reports whether word, the letters before a period,
// is a title such as "M" or "Dr".
func isTitleAbbreviation(word string) bool {
	return titleAbbreviations[word]
}

// isAbbreviation reports whether word, the letters before a period, is an
// abbreviation in lang: a known one or a dotted one such as "U.S" or "p.m".
func isAbbreviation(word, lang string) bool {
	low := strings.ToLower(word)
	if abbreviations[""][low] || abbreviations[lang][low] {
		return true
	}
	return strings.Contains(word, ".")
}

// isInitial reports whether word is a single capital letter, as in
// "John F. Kennedy".
func isInitial(word string) bool {
	rs := []rune(word)
	return len(rs) == 1 && isUpper(rs[0])
}
