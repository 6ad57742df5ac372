package claims

import "slices"

// The rules below say which states and changes ClaimDesk's commands can
// produce. A record from outside the file (another copy merged in, a dump
// restored, a conflict settled) is held to them as if the command that
// could have made it had run, and the file check reports a file that
// breaks them. Each returns EINVALID naming the record.

// CanReach reports whether the workflow leads from s to t in any number of
// moves, none included.
func (s Status) CanReach(t Status) bool {
	seen := map[Status]bool{s: true}
	for next := []Status{s}; len(next) > 0; {
		cur := next[0]
		next = next[1:]
		if cur == t {
			return true
		}
		for _, n := range transitions[cur] {
			if !seen[n] {
				seen[n] = true
				next = append(next, n)
			}
		}
	}
	return false
}

// needsVerdict lists the statuses only a verdict can put a claim in.
var needsVerdict = map[Status]bool{
	StatusVerdictDrafted: true, StatusInReview: true, StatusChangesRequested: true,
	StatusPublished: true, StatusCorrected: true,
}

// CheckClaimState returns EINVALID when no sequence of commands could have
// left c, with its reviews and corrections, as it is: a status that takes
// a verdict without one, a publication without an approving review before
// it, an approval by the verdict's own author while requireSecondReviewer
// is set, a rating changed after publication without a correction, or
// corrections of a claim never published.
func CheckClaimState(c *Claim, requireSecondReviewer bool) error {
	if needsVerdict[c.Status] && c.Verdict == nil {
		return Errorf(EINVALID, "The claim %s is %s but has no verdict.", c.ID, StatusLabel(c.Status))
	}
	if !c.Status.IsPublic() {
		if !c.PublishedAt.IsZero() || len(c.Corrections) > 0 {
			return Errorf(EINVALID, "The claim %s was published but is now %s, which no command allows.", c.ID, StatusLabel(c.Status))
		}
		return nil
	}
	if c.PublishedAt.IsZero() {
		return Errorf(EINVALID, "The claim %s is %s but was never published.", c.ID, StatusLabel(c.Status))
	}
	if err := c.checkSignOff(requireSecondReviewer); err != nil {
		return err
	}
	return c.checkCorrections()
}

// publishingReview returns the last review made before the claim was first
// published: the one publishing checked.
func (c *Claim) publishingReview() *Review {
	var last *Review
	for i := range c.Reviews {
		if r := &c.Reviews[i]; !r.At.After(c.PublishedAt) {
			last = r
		}
	}
	return last
}

// checkSignOff checks the review that publication rested on.
func (c *Claim) checkSignOff(requireSecondReviewer bool) error {
	r := c.publishingReview()
	if r == nil || r.Decision != DecisionApprove {
		return Errorf(EINVALID, "The claim %s was published without an approving review.", c.ID)
	}
	author := r.VerdictAuthor
	if author == "" && r.VerdictRevision == c.Verdict.Revision {
		author = c.Verdict.Author
	}
	if requireSecondReviewer && author != "" && SamePerson(r.Reviewer, author) {
		return Errorf(EINVALID, "The claim %s was approved by %s, the author of its verdict, while a second reviewer is required.", c.ID, r.Reviewer)
	}
	if r.Rating != "" && r.Rating != c.publishedRating() {
		return Errorf(EINVALID, "The claim %s was published as %q, but its rating became %q without a correction.", c.ID, r.Rating, c.publishedRating())
	}
	return nil
}

// publishedRating is the rating the claim was first published with, as
// its corrections tell it.
func (c *Claim) publishedRating() string {
	if len(c.Corrections) > 0 {
		return c.Corrections[0].OldRating
	}
	return c.Verdict.Rating
}

// checkCorrections checks that each correction took the rating from where
// the one before left it, that the last left it where it is, and that a
// corrected claim has corrections.
func (c *Claim) checkCorrections() error {
	if c.Status == StatusCorrected && len(c.Corrections) == 0 {
		return Errorf(EINVALID, "The claim %s is corrected but has no correction.", c.ID)
	}
	if c.Status == StatusPublished && len(c.Corrections) > 0 {
		return Errorf(EINVALID, "The claim %s has corrections but is not marked corrected.", c.ID)
	}
	for i := 1; i < len(c.Corrections); i++ {
		if c.Corrections[i].OldRating != c.Corrections[i-1].NewRating {
			return Errorf(EINVALID, "The rating of the claim %s changed without a correction.", c.ID)
		}
	}
	if n := len(c.Corrections); n > 0 && c.Corrections[n-1].NewRating != c.Verdict.Rating {
		return Errorf(EINVALID, "The rating of the claim %s changed without a correction.", c.ID)
	}
	return nil
}

// CheckClaimChange returns EINVALID when no sequence of commands leads from
// before to after, two versions of one claim: a claim stays on the words
// of its article, moves only as the workflow allows, and keeps the date of
// its first publication.
func CheckClaimChange(before, after *Claim) error {
	if err := CheckClaimsApart(before, after); err != nil {
		return err
	}
	if !before.Status.CanReach(after.Status) {
		return Errorf(EINVALID, "The claim %s went from %s to %s, which the workflow does not allow.", after.ID, StatusLabel(before.Status), StatusLabel(after.Status))
	}
	if before.Status.IsPublic() && !after.PublishedAt.Equal(before.PublishedAt) {
		return Errorf(EINVALID, "The date the claim %s was first published changed.", after.ID)
	}
	return nil
}

// CheckClaimsApart returns EINVALID when a and b, two versions of one
// claim made apart in two copies, disagree on what no command changes:
// the words and the article the claim is anchored in, and the date it was
// first published, when both were.
func CheckClaimsApart(a, b *Claim) error {
	if a.ArticleID != b.ArticleID || a.Text != b.Text || a.Anchor != b.Anchor {
		return Errorf(EINVALID, "The claim %s was moved to other words or another article, which no command does.", b.ID)
	}
	if a.Status.IsPublic() && b.Status.IsPublic() && !a.PublishedAt.Equal(b.PublishedAt) {
		return Errorf(EINVALID, "The date the claim %s was first published changed.", b.ID)
	}
	return nil
}

// CheckArticleChange returns EINVALID when after is not before: an article
// is frozen when it is imported, and no command changes or deletes it.
func CheckArticleChange(before, after *Article) error {
	if after.Title != before.Title || after.Outlet != before.Outlet || after.URL != before.URL ||
		after.PublishedOn != before.PublishedOn || after.Language != before.Language ||
		after.Text != before.Text || after.TextSHA256 != before.TextSHA256 || !after.ImportedAt.Equal(before.ImportedAt) {
		return Errorf(EINVALID, "The article %s was changed after it was imported; articles are frozen.", after.ID)
	}
	return CheckArticleState(after)
}

// CheckArticleState returns EINVALID for a deleted article: no command
// deletes one, and the claims anchored in it need its text.
func CheckArticleState(a *Article) error {
	if a.Meta.Deleted {
		return Errorf(EINVALID, "The article %s was deleted, which no command does.", a.ID)
	}
	return nil
}

// CheckSourceState returns EINVALID for a deleted source: no command
// deletes one, and evidence cites it.
func CheckSourceState(s *Source) error {
	if s.Meta.Deleted {
		return Errorf(EINVALID, "The source %s was deleted, which no command does.", s.ID)
	}
	return nil
}

// CheckEvidenceChange returns EINVALID when after cites another claim or
// source than before: evidence is bound to one of each.
func CheckEvidenceChange(before, after *Evidence) error {
	if after.ClaimID != before.ClaimID || after.SourceID != before.SourceID {
		return Errorf(EINVALID, "The evidence %s was moved to another claim or source, which no command does.", after.ID)
	}
	return nil
}

// CheckSettingsChange returns EINVALID when after changes what no command
// changes in a database's settings: its language and its rating scale, on
// which every verdict's rating and every report's labels rest.
func CheckSettingsChange(before, after *Settings) error {
	if after.Language != before.Language || !slices.Equal(after.Scale.Ratings, before.Scale.Ratings) ||
		after.Scale.Key != before.Scale.Key || after.Scale.Name != before.Scale.Name || after.Scale.Language != before.Scale.Language ||
		after.Scale.Best != before.Scale.Best || after.Scale.Worst != before.Scale.Worst {
		return Errorf(EINVALID, "The settings' language or rating scale changed, which no command does.")
	}
	return nil
}
