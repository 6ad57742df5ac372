package claims

import (
	"strings"
	"time"
)

// Verdict is a fact-checker's conclusion on a claim.
type Verdict struct {
	Rating      string // key of a rating in the database's scale
	Explanation string // one or two sentences, shown next to the rating
	Rationale   string // the full reasoning, in Markdown
	Methodology string
	Author      string
	// Revision changes at every edit, so a review can say which version of
	// the verdict it approved.
	Revision  string
	UpdatedAt time.Time
}

// Validate returns EINVALID when the verdict is incomplete or malformed. It
// does not know the rating scale; the store checks the rating against it.
func (v *Verdict) Validate() error {
	return firstError(
		checkRequired(Textf("The rating"), v.Rating, 100),
		checkRequired(Textf("The explanation"), v.Explanation, MaxLongText),
		checkText(Textf("The rationale"), v.Rationale, MaxLongText),
		checkText(Textf("The methodology"), v.Methodology, MaxLongText),
		checkText(Textf("The verdict's author"), v.Author, MaxShortText),
	)
}

// Decision is a reviewer's answer to a drafted verdict.
type Decision string

// Review decisions. The values are stored: never rename them.
const (
	DecisionApprove        Decision = "approve"
	DecisionRequestChanges Decision = "request-changes"
)

// Review is a second reviewer's sign-off on, or push-back against, a verdict.
type Review struct {
	ID              string
	Reviewer        string
	Decision        Decision
	Comment         string
	VerdictRevision string // the verdict version that was reviewed
	// VerdictAuthor and Rating are the author and rating of the version
	// reviewed, so that a review says by itself what it approved, and from
	// whom; both are "" in reviews made before ClaimDesk kept them.
	VerdictAuthor string
	Rating        string
	At            time.Time
}

// Validate returns EINVALID when the review cannot be recorded.
func (r *Review) Validate() error {
	if r.Decision != DecisionApprove && r.Decision != DecisionRequestChanges {
		return Errorf(EINVALID, "A review either approves or requests changes.")
	}
	if r.Decision == DecisionRequestChanges && strings.TrimSpace(r.Comment) == "" {
		return Errorf(EINVALID, "Say what needs changing in a comment.")
	}
	return firstError(
		checkRequired(Textf("The reviewer"), r.Reviewer, MaxShortText),
		checkText(Textf("The review comment"), r.Comment, MaxLongText),
		checkRequired(Textf("The reviewed verdict's revision"), r.VerdictRevision, MaxShortText),
		checkText(Textf("The reviewed verdict's author"), r.VerdictAuthor, MaxShortText),
		checkText(Textf("The reviewed rating"), r.Rating, 100),
	)
}

// Correction records a change of rating after publication, as readers of the
// published verdict are owed an account of it.
type Correction struct {
	ID         string
	At         time.Time
	Author     string
	OldRating  string
	NewRating  string
	Reason     string // internal: why the rating changed
	PublicNote string // shown to readers under the verdict
}

// Validate returns EINVALID when the correction cannot be recorded.
func (c *Correction) Validate() error {
	return firstError(
		checkRequired(Textf("The correction's reason"), c.Reason, MaxLongText),
		checkText(Textf("The correction's public note"), c.PublicNote, MaxLongText),
		checkRequired(Textf("The old rating"), c.OldRating, 100),
		checkRequired(Textf("The new rating"), c.NewRating, 100),
	)
}

// SamePerson reports whether two names name the same person as people write
// names: case and spacing aside.
func SamePerson(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
