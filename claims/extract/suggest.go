package extract

import "claimdesk/claims"

// Suggest returns, for every candidate that reaches threshold, a claim in
// status "to triage" anchored on the candidate's sentence, ready for
// claims.Store.ImportArticle. text is the article text the candidates were
// found in.
func Suggest(text string, candidates []Candidate, threshold float64) ([]*claims.Claim, error) {
	var out []*claims.Claim
	for _, c := range candidates {
		if !c.Worthy(threshold) {
			continue
		}
		anchor, err := claims.AnchorAt(text, c.Start, c.End)
		if err != nil {
			return nil, err
		}
		out = append(out, &claims.Claim{
			Text:            anchor.Exact,
			Summary:         claims.Summarize(anchor.Exact),
			Anchor:          anchor,
			Speaker:         c.Speaker,
			Kind:            c.Kind,
			CheckWorthiness: claims.CheckWorthiness{Score: c.Score, Reasons: c.Reasons},
			Status:          claims.StatusToTriage,
		})
	}
	return out, nil
}
