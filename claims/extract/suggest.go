package extract

import (
	"cmp"
	"slices"

	"claimdesk/claims"
)

// MaxSuggestions is how many claims one article may suggest. A fact-checker
// triages a few hundred suggestions, not the tens of thousands a book-length
// text yields (72,058 in one 4.9 MB file), which would bury the claims
// worth checking and fill the database with claims nobody reads.
const MaxSuggestions = 500

// Suggestions are the claims suggested for one article, and how many
// sentences reached the threshold, which is more than the claims when
// MaxSuggestions cut them.
type Suggestions struct {
	Claims []*claims.Claim
	Found  int
}

// Capped reports whether MaxSuggestions left out sentences that reached the
// threshold.
func (s Suggestions) Capped() bool {
	return s.Found > len(s.Claims)
}

// Note is the sentence that tells the user the suggestions were capped, for
// the command line and the window to show after an import; it is empty when
// they were not.
func (s Suggestions) Note() claims.Text {
	if !s.Capped() {
		return claims.Text{}
	}
	return claims.Textf("Suggested the %d most check-worthy of %d sentences that could be claims; the others were left out, and can be added by hand.", len(s.Claims), s.Found)
}

// Suggest returns, for the candidates that reach threshold, claims in status
// "to triage" anchored on the candidates' sentences, ready for
// claims.Store.ImportArticle: at most MaxSuggestions, the most check-worthy
// (the first in the text among equals), in the order of the text. text is
// the article text the candidates were found in.
func Suggest(text string, candidates []Candidate, threshold float64) ([]*claims.Claim, error) {
	s, err := SuggestCapped(text, candidates, threshold)
	return s.Claims, err
}

// SuggestCapped is Suggest, saying as well how many candidates reached the
// threshold.
func SuggestCapped(text string, candidates []Candidate, threshold float64) (Suggestions, error) {
	worthy := mostWorthy(candidates, threshold, MaxSuggestions)
	s := Suggestions{Found: worthy.found}
	index := claims.NewTextIndex(text)
	for _, i := range worthy.kept {
		c, err := suggestion(index, candidates[i])
		if err != nil {
			return Suggestions{}, err
		}
		s.Claims = append(s.Claims, c)
	}
	return s, nil
}

// worthy are the candidates kept for suggestion, by index in order, and how
// many reached the threshold.
type worthy struct {
	kept  []int
	found int
}

// mostWorthy returns the indices of the at most limit candidates with the
// best scores at or above threshold, earlier ones first among equal scores,
// sorted back into the order of candidates.
func mostWorthy(candidates []Candidate, threshold float64, limit int) worthy {
	var kept []int
	for i, c := range candidates {
		if c.Worthy(threshold) {
			kept = append(kept, i)
		}
	}
	w := worthy{kept: kept, found: len(kept)}
	if len(kept) <= limit {
		return w
	}
	slices.SortFunc(kept, func(i, j int) int {
		return cmp.Or(cmp.Compare(candidates[j].Score, candidates[i].Score), cmp.Compare(i, j))
	})
	w.kept = kept[:limit]
	slices.Sort(w.kept)
	return w
}

// suggestion is the claim to triage that candidate c makes.
func suggestion(index *claims.TextIndex, c Candidate) (*claims.Claim, error) {
	anchor, err := index.AnchorAt(c.Start, c.End)
	if err != nil {
		return nil, err
	}
	return &claims.Claim{
		Text:            anchor.Exact,
		Summary:         claims.Summarize(anchor.Exact),
		Anchor:          anchor,
		Speaker:         c.Speaker,
		Kind:            c.Kind,
		CheckWorthiness: claims.CheckWorthiness{Score: c.Score, Reasons: c.Reasons},
		Status:          claims.StatusToTriage,
	}, nil
}
