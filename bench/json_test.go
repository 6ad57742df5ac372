package bench

import (
	"time"

	"claimdesk/claims"
)

// claimDoc is a claim as JSON, in the shape the store keeps it: the
// dataset's claims are sized by it, and SQLite keeps the part of it that
// has no column of its own (bodyDoc).
type claimDoc struct {
	ArticleID string     `json:"article_id"`
	Text      string     `json:"text"`
	Summary   string     `json:"summary"`
	Speaker   speakerDoc `json:"speaker"`
	Kind      string     `json:"kind"`
	Score     float64    `json:"check_worthiness"`
	Tags      []string   `json:"tags,omitempty"`
	Status    string     `json:"status"`
	Assignee  string     `json:"assignee,omitempty"`
	bodyDoc
}

type speakerDoc struct {
	Name         string `json:"name"`
	Role         string `json:"role,omitempty"`
	Organization string `json:"organization,omitempty"`
}

// bodyDoc is what SQLite keeps as JSON in claims.body.
type bodyDoc struct {
	Anchor      anchorDoc   `json:"anchor"`
	SpeakerRole string      `json:"speaker_role,omitempty"`
	ClaimDate   string      `json:"claim_date,omitempty"`
	Reasons     []string    `json:"check_worthiness_reasons,omitempty"`
	Verdict     *verdictDoc `json:"verdict,omitempty"`
	Published   *time.Time  `json:"published_at,omitempty"`
}

type anchorDoc struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type verdictDoc struct {
	Rating      string    `json:"rating"`
	Explanation string    `json:"explanation"`
	Rationale   string    `json:"rationale,omitempty"`
	Methodology string    `json:"methodology,omitempty"`
	Author      string    `json:"author,omitempty"`
	Revision    string    `json:"revision,omitempty"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func bodyOf(c *claims.Claim) bodyDoc {
	b := bodyDoc{
		Anchor:      anchorDoc{c.Anchor.Start, c.Anchor.End, c.Anchor.Prefix, c.Anchor.Suffix},
		SpeakerRole: c.Speaker.Role, ClaimDate: c.ClaimDate, Reasons: c.CheckWorthiness.Reasons,
	}
	if v := c.Verdict; v != nil {
		b.Verdict = &verdictDoc{v.Rating, v.Explanation, v.Rationale, v.Methodology, v.Author, v.Revision, v.UpdatedAt}
	}
	if !c.PublishedAt.IsZero() {
		at := c.PublishedAt
		b.Published = &at
	}
	return b
}

// apply sets on c what the body holds.
func (b *bodyDoc) apply(c *claims.Claim) {
	c.Anchor = claims.Anchor{Start: b.Anchor.Start, End: b.Anchor.End, Exact: c.Text, Prefix: b.Anchor.Prefix, Suffix: b.Anchor.Suffix}
	c.Speaker.Role, c.ClaimDate, c.CheckWorthiness.Reasons = b.SpeakerRole, b.ClaimDate, b.Reasons
	if v := b.Verdict; v != nil {
		c.Verdict = &claims.Verdict{Rating: v.Rating, Explanation: v.Explanation, Rationale: v.Rationale,
			Methodology: v.Methodology, Author: v.Author, Revision: v.Revision, UpdatedAt: v.UpdatedAt}
	}
	if b.Published != nil {
		c.PublishedAt = *b.Published
	}
}

func claimJSON(c *claims.Claim) claimDoc {
	body := bodyOf(c)
	body.SpeakerRole = "" // in Speaker
	return claimDoc{
		ArticleID: c.ArticleID, Text: c.Text, Summary: c.Summary,
		Speaker: speakerDoc{c.Speaker.Name, c.Speaker.Role, c.Speaker.Organization},
		Kind:    string(c.Kind), Score: c.CheckWorthiness.Score, Tags: c.Tags, Status: string(c.Status),
		Assignee: c.Assignee, bodyDoc: body,
	}
}
