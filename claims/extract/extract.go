// Package extract finds the checkable claims in a news article, in French
// or English, on the reader's own machine: it turns a saved page into plain
// text, cuts the text into sentences, scores each for check-worthiness with
// the reasons for its score, and says who made each statement.
package extract

import "claimdesk/claims"

// DefaultThreshold is the check-worthiness score from which a sentence is
// suggested as a claim.
const DefaultThreshold = 0.5

// Sentence is one sentence of a text, located by Unicode code point offsets
// (End exclusive), the unit of claims.Anchor.
type Sentence struct {
	Text  string
	Start int
	End   int
}

// Candidate is a sentence with its check-worthiness, the reasons for it, who
// made the statement and what kind of claim it is.
type Candidate struct {
	Sentence
	Score   float64  // 0 (not worth checking) to 1
	Reasons []string // short phrases a fact-checker reads, e.g. "number: 11 000"
	Speaker claims.Speaker
	Kind    claims.Kind
}

// Worthy reports whether the candidate reaches the threshold.
func (c Candidate) Worthy(threshold float64) bool {
	return c.Score >= threshold
}
