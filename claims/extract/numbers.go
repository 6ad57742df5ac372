package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// Weights of the quantities and dates a claim can be checked against.
const (
	weightPercentage  = 0.5
	weightAmount      = 0.5
	weightNumber      = 0.4
	weightNumberWord  = 0.3
	weightMoreNumbers = 0.2
	weightDate        = 0.15
)

// ordinalSuffixes mark ordinals (1er, 11e, 3rd), which rank rather than count.
var ordinalSuffixes = wordSet("e er re ère ème eme è st nd rd th")

// quantities finds the figures of the sentence, and the dates written with
// figures, and marks their tokens as taken.
func (a *analyzer) quantities(s *sentence, f *features) {
	ts := s.toks
	for i := range ts {
		if s.taken[i] {
			continue
		}
		switch {
		case ts[i].kind == numberToken:
			a.number(s, f, i)
		case ts[i].kind == wordToken && a.lex.numberWords[ts[i].low] && !ts[i].cap:
			f.quantity("number", ts[i].text, weightNumberWord)
			s.taken[i] = true
		}
	}
}

// number reads the number at token i: a date, a percentage, an amount, a
// plain figure, or nothing worth checking (a time, an age, an ordinal).
func (a *analyzer) number(s *sentence, f *features, i int) {
	ts := s.toks
	digits, suffix := splitNumber(ts[i].text)
	end := i + 1
	switch {
	case a.dayOfMonth(s, f, i, digits):
	case ordinalSuffixes[strings.ToLower(suffix)], a.isTime(s, i), a.isAge(s, i):
		s.taken[i] = true
	case isYear(digits, suffix) && !a.lex.percents.matches(ts, i+1):
		f.date(ts[i].text)
		s.taken[i] = true
	default:
		start, label, weight := i, "number", weightNumber
		if ts.isCurrency(i - 1) {
			start, label, weight = i-1, "amount", weightAmount
		}
		if k := a.lex.percents.at(ts, i+1); k > 0 {
			end, label, weight = k, "percentage", weightPercentage
		}
		end = a.scaleAndCurrency(s, end, &label, &weight)
		for k := start; k < end; k++ {
			s.taken[k] = true
		}
		f.quantity(label, ts.between(s.rs, start, end), weight)
	}
}

// splitNumber cuts a number token into its figures and the letters stuck
// to it: "11e" is "11", "e"; "412-vote" is "412", "-vote".
func splitNumber(text string) (digits, suffix string) {
	i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || isHyphen(r) })
	if i < 0 {
		return text, ""
	}
	return text[:i], strings.TrimLeft(text[i:], "-‐‑")
}

// isYear reports a bare four-figure number from 1800 to 2100.
func isYear(digits, suffix string) bool {
	n, err := strconv.Atoi(digits)
	return err == nil && suffix == "" && len(digits) == 4 && n >= 1800 && n <= 2100
}

// dayOfMonth reads "18 juin", "1er février", "June 18" or "Nov. 18" at
// token i as a date, and reports whether it did.
func (a *analyzer) dayOfMonth(s *sentence, f *features, i int, digits string) bool {
	ts := s.toks
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > 31 {
		return false
	}
	start, end := i, i+1
	switch {
	case a.isMonth(s, i+1):
		end = i + 2
		if ts.isPunct(end, ".") && isAbbreviation(ts[i+1].text, a.lex.lang) {
			end++ // janv.
		}
	case a.isMonth(s, i-1):
		start = i - 1
	case ts.isPunct(i-1, ".") && a.isMonth(s, i-2):
		start = i - 2
	default:
		return false
	}
	if ts.kind(end) == numberToken {
		if d, _ := splitNumber(ts[end].text); isYear(d, "") {
			end++
		}
	}
	for k := start; k < end; k++ {
		s.taken[k] = true
	}
	f.date(s.toks.between(s.rs, start, end))
	return true
}

// isMonth reports whether token i names a month.
func (a *analyzer) isMonth(s *sentence, i int) bool {
	if !s.toks.isWord(i) || !a.lex.months[s.toks[i].low] {
		return false
	}
	return !a.lex.monthsCapital || s.toks[i].cap
}

// isTime reports a time of day: 3 p.m., 18 h, 14:30.
func (a *analyzer) isTime(s *sentence, i int) bool {
	ts := s.toks
	if ts.isPunct(i+1, ":") && ts.kind(i+2) == numberToken {
		return true
	}
	return i+1 < len(ts) && a.lex.times[ts[i+1].low]
}

// isAge reports an age in apposition: "Hale, 63, said".
func (a *analyzer) isAge(s *sentence, i int) bool {
	ts := s.toks
	return ts.isPunct(i-1, ",") && ts.isPunct(i+1, ",") && ts.isWord(i-2) && ts[i-2].cap
}

// scaleAndCurrency extends a figure ending at token end over the words
// that scale it and the currency that follows (5,8 millions d'euros,
// 1.2 billion dollars), updating its label.
func (a *analyzer) scaleAndCurrency(s *sentence, end int, label *string, weight *float64) int {
	ts := s.toks
	if ts.isWord(end) && a.lex.scales[ts[end].low] {
		end++
	}
	k := end
	if ts.isWord(k) && (ts[k].low == "d" || ts[k].low == "de") {
		k++
		for k < len(ts) && ts[k].isApostrophe() {
			k++
		}
	}
	if (ts.isWord(k) && a.lex.currencies[ts[k].low]) || ts.isCurrency(k) {
		end, *label, *weight = k+1, "amount", weightAmount
	}
	return end
}

// isCurrency reports whether token i is a currency sign such as $ or €.
func (ts tokens) isCurrency(i int) bool {
	return i >= 0 && i < len(ts) && ts[i].kind == punctToken && currencies[ts[i].text]
}

// kind returns the kind of token i, or punctToken past the end.
func (ts tokens) kind(i int) tokenKind {
	if i < 0 || i >= len(ts) {
		return punctToken
	}
	return ts[i].kind
}

// matches reports whether a phrase of the set starts at token i.
func (s phraseSet) matches(ts tokens, i int) bool {
	return s.at(ts, i) > i
}
