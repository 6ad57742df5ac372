package claims

// Status is where a claim stands in the workflow. It is kept apart from the
// verdict: a claim may have a drafted rating long before it is published.
type Status string

// Workflow statuses. The values are stored: never rename them.
const (
	StatusToTriage         Status = "to-triage"
	StatusNotCheckWorthy   Status = "not-check-worthy"
	StatusResearching      Status = "researching"
	StatusVerdictDrafted   Status = "verdict-drafted"
	StatusInReview         Status = "in-review"
	StatusChangesRequested Status = "changes-requested"
	StatusPublished        Status = "published"
	StatusCorrected        Status = "corrected"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{
	StatusToTriage, StatusNotCheckWorthy, StatusResearching, StatusVerdictDrafted,
	StatusInReview, StatusChangesRequested, StatusPublished, StatusCorrected,
}

// transitions is the workflow: for each status, the statuses a claim may move
// to next. Anything not listed is refused.
var transitions = map[Status][]Status{
	StatusToTriage:         {StatusResearching, StatusNotCheckWorthy},
	StatusNotCheckWorthy:   {StatusToTriage},
	StatusResearching:      {StatusVerdictDrafted, StatusToTriage, StatusNotCheckWorthy},
	StatusVerdictDrafted:   {StatusInReview, StatusResearching},
	StatusInReview:         {StatusPublished, StatusChangesRequested, StatusVerdictDrafted},
	StatusChangesRequested: {StatusVerdictDrafted, StatusResearching},
	StatusPublished:        {StatusCorrected},
	StatusCorrected:        {StatusCorrected},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Label returns the status as a person reads it.
func (s Status) Label() string {
	switch s {
	case StatusToTriage:
		return "to triage"
	case StatusNotCheckWorthy:
		return "not check-worthy"
	case StatusVerdictDrafted:
		return "verdict drafted"
	case StatusInReview:
		return "in review"
	case StatusChangesRequested:
		return "changes requested"
	default:
		return string(s)
	}
}

// Next returns the statuses a claim in status s may move to.
func (s Status) Next() []Status {
	return append([]Status(nil), transitions[s]...)
}

// CanMoveTo reports whether the workflow allows a move from s to next.
func (s Status) CanMoveTo(next Status) bool {
	for _, allowed := range transitions[s] {
		if allowed == next {
			return true
		}
	}
	return false
}

// CheckMove returns ECONFLICT, with the allowed moves in the message, when
// the workflow does not allow a move from s to next.
func (s Status) CheckMove(next Status) error {
	if !next.Valid() {
		return Errorf(EINVALID, "%q is not a workflow status.", truncate(string(next), 30))
	}
	if !s.CanMoveTo(next) {
		return Errorf(ECONFLICT, "A claim that is %s cannot become %s; it can become %s.", StatusLabel(s), StatusLabel(next), StatusList(s.Next()))
	}
	return nil
}

// IsPublic reports whether claims in status s have been published.
func (s Status) IsPublic() bool {
	return s == StatusPublished || s == StatusCorrected
}

// StatusLabel is a status as a message names it: by its Label in English,
// and in the window by its name in the interface's language. Status itself
// prints as its stored value, which commands and files rely on.
type StatusLabel Status

// String returns the status's label.
func (s StatusLabel) String() string {
	return Status(s).Label()
}

// StatusList is statuses a message offers as choices, "a, b or c" in
// English; the window names them in the interface's language.
type StatusList []Status

// String returns the labels in English.
func (l StatusList) String() string {
	if len(l) == 0 {
		return "nothing else"
	}
	out := ""
	for i, s := range l {
		switch {
		case i == 0:
		case i == len(l)-1:
			out += " or "
		default:
			out += ", "
		}
		out += s.Label()
	}
	return out
}

// ParseStatus returns the status named by s, accepting its stored value or
// its label ("in review" as well as "in-review").
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses {
		if string(st) == s || st.Label() == s {
			return st, nil
		}
	}
	return "", Errorf(EINVALID, "%q is not a workflow status; use one of %s.", truncate(s, 30), StatusList(Statuses))
}

// CheckPublishable returns ECONFLICT with the reason when c may not be
// published yet: it must be in review, with a verdict, approved by a
// reviewer, who must not be the verdict's author when requireSecondReviewer
// is set.
func (c *Claim) CheckPublishable(requireSecondReviewer bool) error {
	if c.Status != StatusInReview {
		return Errorf(ECONFLICT, "Only a claim in review can be published; this one is %s.", StatusLabel(c.Status))
	}
	if c.Verdict == nil {
		return Errorf(ECONFLICT, "The claim has no verdict to publish.")
	}
	review := c.LatestReview()
	if review == nil || review.VerdictRevision != c.Verdict.Revision {
		return Errorf(ECONFLICT, "The verdict has not been reviewed since it was last changed.")
	}
	if review.Decision != DecisionApprove {
		return Errorf(ECONFLICT, "The last review requested changes.")
	}
	if requireSecondReviewer && SamePerson(review.Reviewer, c.Verdict.Author) {
		return Errorf(ECONFLICT, "The verdict must be approved by someone other than its author, %s.", c.Verdict.Author)
	}
	return nil
}

// Approval returns the review that approved the current verdict, or nil
// when the current verdict has not been approved.
func (c *Claim) Approval() *Review {
	if c.Verdict == nil {
		return nil
	}
	for i := len(c.Reviews) - 1; i >= 0; i-- {
		r := &c.Reviews[i]
		if r.VerdictRevision == c.Verdict.Revision && r.Decision == DecisionApprove {
			return r
		}
	}
	return nil
}

// LatestReview returns the most recent review, or nil when there is none.
func (c *Claim) LatestReview() *Review {
	if len(c.Reviews) == 0 {
		return nil
	}
	return &c.Reviews[len(c.Reviews)-1]
}
