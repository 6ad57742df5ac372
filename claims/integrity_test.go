package claims_test

import (
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

func TestStatusCanReach(t *testing.T) {
	for _, tt := range []struct {
		from, to claims.Status
		want     bool
	}{
		{claims.StatusToTriage, claims.StatusPublished, true},
		{claims.StatusResearching, claims.StatusCorrected, true},
		{claims.StatusPublished, claims.StatusCorrected, true},
		{claims.StatusPublished, claims.StatusPublished, true},
		{claims.StatusPublished, claims.StatusResearching, false},
		{claims.StatusCorrected, claims.StatusPublished, false},
		{claims.StatusNotCheckWorthy, claims.StatusInReview, true},
	} {
		if got := tt.from.CanReach(tt.to); got != tt.want {
			t.Errorf("%s can reach %s = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

// publishedClaim is a claim as the commands leave it once Bob approved
// Alice's verdict and published it.
func publishedClaim() *claims.Claim {
	at := time.Date(2024, 6, 20, 10, 0, 0, 0, time.UTC)
	return &claims.Claim{
		ID: "c-1", ArticleID: "a-1", Text: "11 000 conteneurs", Status: claims.StatusPublished, PublishedAt: at,
		Verdict: &claims.Verdict{Rating: "vrai", Explanation: "Vrai.", Author: "Alice", Revision: "v-2"},
		Reviews: []claims.Review{
			{Reviewer: "Bob", Decision: claims.DecisionRequestChanges, Comment: "Sources ?", VerdictRevision: "v-1", At: at.Add(-2 * time.Hour)},
			{Reviewer: "Bob", Decision: claims.DecisionApprove, VerdictRevision: "v-2", VerdictAuthor: "Alice", Rating: "vrai", At: at.Add(-time.Hour)},
		},
	}
}

func TestCheckClaimState(t *testing.T) {
	for name, tt := range map[string]struct {
		edit func(c *claims.Claim)
		want string
	}{
		"published as the commands publish": {func(*claims.Claim) {}, ""},
		"a claim to triage":                 {func(c *claims.Claim) { *c = claims.Claim{ID: "c-1", Status: claims.StatusToTriage} }, ""},
		"in review without a verdict": {func(c *claims.Claim) { c.Status, c.Verdict, c.PublishedAt = claims.StatusInReview, nil, time.Time{} },
			"is in review but has no verdict"},
		"published without a date": {func(c *claims.Claim) { c.PublishedAt = time.Time{} }, "was never published"},
		"published without review": {func(c *claims.Claim) { c.Reviews = nil }, "published without an approving review"},
		"published after a request for changes": {func(c *claims.Claim) { c.Reviews = c.Reviews[:1] },
			"published without an approving review"},
		"approved after publication only": {func(c *claims.Claim) { c.Reviews[1].At = c.PublishedAt.Add(time.Minute) },
			"published without an approving review"},
		"approved by the verdict's author": {func(c *claims.Claim) { c.Reviews[1].Reviewer = " alice " },
			"approved by  alice , the author of its verdict"},
		"approved by the current verdict's author, in an older review": {func(c *claims.Claim) {
			c.Reviews[1].VerdictAuthor, c.Reviews[1].Rating, c.Reviews[1].Reviewer = "", "", "Alice"
		}, "the author of its verdict"},
		"edited after publication, same rating": {func(c *claims.Claim) { c.Verdict.Revision, c.Verdict.Author = "v-3", "Carol" }, ""},
		"rating changed without a correction":   {func(c *claims.Claim) { c.Verdict.Rating = "faux" }, `published as "vrai", but its rating became "faux"`},
		"corrected as the commands correct": {func(c *claims.Claim) {
			c.Status, c.Verdict.Rating = claims.StatusCorrected, "faux"
			c.Corrections = []claims.Correction{{OldRating: "vrai", NewRating: "plutot-faux"}, {OldRating: "plutot-faux", NewRating: "faux"}}
		}, ""},
		"corrections that skip a rating": {func(c *claims.Claim) {
			c.Status, c.Verdict.Rating = claims.StatusCorrected, "faux"
			c.Corrections = []claims.Correction{{OldRating: "vrai", NewRating: "plutot-faux"}, {OldRating: "trompeur", NewRating: "faux"}}
		}, "changed without a correction"},
		"corrected without a correction": {func(c *claims.Claim) { c.Status = claims.StatusCorrected }, "is corrected but has no correction"},
		"corrections of a claim not published": {func(c *claims.Claim) {
			c.Status, c.PublishedAt = claims.StatusVerdictDrafted, time.Time{}
			c.Corrections = []claims.Correction{{OldRating: "vrai", NewRating: "faux"}}
		}, "was published but is now verdict drafted"},
	} {
		t.Run(name, func(t *testing.T) {
			c := publishedClaim()
			tt.edit(c)
			checkErr(t, claims.CheckClaimState(c, true), codeFor(tt.want), tt.want)
		})
	}
	c := publishedClaim()
	c.Reviews[1].Reviewer = "Alice"
	if err := claims.CheckClaimState(c, false); err != nil {
		t.Errorf("a self-approval where no second reviewer is required: %v", err)
	}
}

func codeFor(want string) string {
	if want == "" {
		return ""
	}
	return claims.EINVALID
}

func TestCheckClaimChange(t *testing.T) {
	for name, tt := range map[string]struct {
		before, after func(c *claims.Claim)
		want          string
	}{
		"the same claim":  {func(*claims.Claim) {}, func(*claims.Claim) {}, ""},
		"tags and status": {func(c *claims.Claim) { c.Status = claims.StatusResearching }, func(c *claims.Claim) { c.Tags = []string{"x"} }, ""},
		"other words":     {func(*claims.Claim) {}, func(c *claims.Claim) { c.Text = "99 000 conteneurs" }, "moved to other words"},
		"another article": {func(*claims.Claim) {}, func(c *claims.Claim) { c.ArticleID = "a-2" }, "another article"},
		"published, then back to research": {func(*claims.Claim) {}, func(c *claims.Claim) { c.Status = claims.StatusResearching },
			"went from published to researching"},
		"first published later": {func(*claims.Claim) {}, func(c *claims.Claim) { c.PublishedAt = c.PublishedAt.Add(time.Hour) },
			"first published changed"},
	} {
		t.Run(name, func(t *testing.T) {
			before, after := publishedClaim(), publishedClaim()
			tt.before(before)
			tt.after(after)
			checkErr(t, claims.CheckClaimChange(before, after), codeFor(tt.want), tt.want)
		})
	}
}

func TestFrozenArticlesAndBoundEvidence(t *testing.T) {
	a := &claims.Article{ID: "a-1", Title: "T", Language: claims.LangFrench, Text: "Texte."}
	b := *a
	if err := claims.CheckArticleChange(a, &b); err != nil {
		t.Errorf("an unchanged article: %v", err)
	}
	b.Text = "Autre texte."
	if err := claims.CheckArticleChange(a, &b); err == nil || !strings.Contains(err.Error(), "articles are frozen") {
		t.Errorf("an article's text replaced: %v", err)
	}
	b = *a
	b.Meta.Deleted = true
	if err := claims.CheckArticleChange(a, &b); err == nil || !strings.Contains(err.Error(), "was deleted") {
		t.Errorf("an article deleted: %v", err)
	}
	e := &claims.Evidence{ID: "e-1", ClaimID: "c-1", SourceID: "s-1", Excerpt: "x"}
	moved := *e
	moved.ClaimID = "c-2"
	if err := claims.CheckEvidenceChange(e, &moved); err == nil {
		t.Error("evidence moved to another claim was accepted")
	}
	edited := *e
	edited.Excerpt = "y"
	if err := claims.CheckEvidenceChange(e, &edited); err != nil {
		t.Errorf("evidence with a new excerpt: %v", err)
	}
}
