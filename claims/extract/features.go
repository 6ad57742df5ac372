package extract

import (
	"cmp"
	"math"
	"slices"

	"claimdesk/claims"
)

// Weights of the cues a claim is recognised by. A sentence's score is
// 1 - (1-source) × Π(1-cue), so that cues add up without passing 1, and
// then shrinks by the penalties of opinions, questions and routine lines.
const (
	weightAttribution = 0.3  // someone is reported to have said it
	weightNamedSource = 0.4  // ... and the text says who
	weightEntity      = 0.12 // a person, body or place the claim is about
	maxEntities       = 2
	weightQuote       = 0.1
	weightQuotedWords = 0.15 // a quotation that itself reports what others say
	// A headline's figure is the story's main claim, not scene-setting.
	weightHeadlineFigure = 0.15
	maxReasons           = 8
)

// cue is one reason for a score: a label, the words it was found in, and
// its weight (or, for a penalty, the factor the score is multiplied by).
type cue struct {
	label  string
	text   string
	weight float64
}

// reason is the phrase shown to a fact-checker for the cue.
func (c cue) reason() string {
	if c.text == "" {
		return c.label
	}
	return c.label + ": " + c.text
}

// features gathers the cues of one sentence.
type features struct {
	source    cue
	cues      []cue
	penalties []cue
	seen      map[string]int // cues per label
	statistic bool           // a figure is what the sentence is about
}

// newFeatures returns empty features.
func newFeatures() *features {
	return &features{seen: make(map[string]int)}
}

// add records a cue; a label weighs only the first time it is met, so that
// a list of dates is not worth more than one date.
func (f *features) add(label, text string, weight float64) {
	if f.seen[label] > 0 {
		weight = 0
	}
	f.seen[label]++
	f.cues = append(f.cues, cue{label, text, weight})
}

// quantity records a figure; a second figure adds a little, more add nothing.
func (f *features) quantity(label, text string, weight float64) {
	n := f.seen["number"] + f.seen["percentage"] + f.seen["amount"]
	switch {
	case n == 1:
		weight = weightMoreNumbers
	case n > 1:
		weight = 0
	}
	f.seen[label]++
	f.cues = append(f.cues, cue{label, text, weight})
	if weight >= weightNumberWord || label != "number" {
		f.statistic = true
	}
}

// date records a date.
func (f *features) date(text string) {
	f.add("date", text, weightDate)
}

// penalize records a cue that lowers the score by factor.
func (f *features) penalize(label, text string, factor float64) {
	f.seen[label]++
	f.penalties = append(f.penalties, cue{label, text, factor})
}

// has reports whether any cue of these labels was found.
func (f *features) has(labels ...string) bool {
	for _, l := range labels {
		if f.seen[l] > 0 {
			return true
		}
	}
	return false
}

// hard reports cues that make a sentence checkable whatever its tone:
// figures, comparisons and accusations.
func (f *features) hard() bool {
	return f.statistic || f.has("percentage", "amount", "comparison", "superlative", "accusation")
}

// score combines the cues into a score from 0 to 1 and lists the reasons:
// who says it, what lowers the score, then the strongest cues.
func (f *features) score() (float64, []string) {
	keep := 1 - f.source.weight
	for _, c := range f.cues {
		keep *= 1 - c.weight
	}
	score := 1 - keep
	for _, p := range f.penalties {
		score *= p.weight
	}
	score = math.Round(math.Min(1, math.Max(0, score))*100) / 100
	var reasons []string
	if f.source.label != "" {
		reasons = append(reasons, f.source.reason())
	}
	for _, p := range f.penalties {
		reasons = append(reasons, p.reason())
	}
	for _, c := range sortedByWeight(f.cues) {
		reasons = append(reasons, c.reason())
	}
	return score, dedupe(reasons, maxReasons)
}

// sortedByWeight returns the cues, heaviest first, in text order among equals.
func sortedByWeight(cues []cue) []cue {
	out := slices.Clone(cues)
	slices.SortStableFunc(out, func(a, b cue) int { return cmp.Compare(b.weight, a.weight) })
	return out
}

// dedupe drops repeated reasons and keeps at most n.
func dedupe(reasons []string, n int) []string {
	seen := make(map[string]bool)
	var out []string
	for _, r := range reasons {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// kind says what sort of claim the cues make: a figure first, then a
// quotation, a comparison, a promise or prediction, reported speech.
func (f *features) kind() claims.Kind {
	switch {
	case f.statistic:
		return claims.KindStatistic
	case f.has("direct quote"):
		return claims.KindQuote
	case f.has("comparison", "superlative", "absolute"):
		return claims.KindComparison
	case f.has("promise or prediction"):
		return claims.KindPrediction
	case f.source.label != "" || f.has("accusation", "denial"):
		return claims.KindAttribution
	}
	return claims.KindEvent
}
