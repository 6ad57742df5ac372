package store

import (
	"bytes"
	"context"
	"fmt"

	"claimdesk/claims"
)

// movesWithTheirOwnAction are the statuses MoveClaim refuses: reaching them
// takes an action that records more than a status (a review, a publication,
// a correction).
var movesWithTheirOwnAction = map[claims.Status]claims.Text{
	claims.StatusInReview:         claims.Textf("submit it for review"),
	claims.StatusChangesRequested: claims.Textf("review it and request changes"),
	claims.StatusPublished:        claims.Textf("publish it"),
	claims.StatusCorrected:        claims.Textf("change its rating with a reason"),
}

// MoveClaim moves a claim to another workflow status.
func (db *DB) MoveClaim(ctx context.Context, id string, to claims.Status) (*claims.Claim, error) {
	if how, ok := movesWithTheirOwnAction[to]; ok {
		return nil, claims.Errorf(claims.ECONFLICT, "To make a claim %s, %s.", claims.StatusLabel(to), how)
	}
	return db.editClaim(ctx, id, "claim.status", func(t *tx, c *claims.Claim) (string, error) {
		if to == claims.StatusVerdictDrafted && c.Verdict == nil {
			return "", claims.Errorf(claims.ECONFLICT, "Draft a verdict first.")
		}
		return t.move(c, to)
	})
}

// move changes c's status if the workflow allows it, and describes the move.
func (t *tx) move(c *claims.Claim, to claims.Status) (string, error) {
	if err := c.Status.CheckMove(to); err != nil {
		return "", err
	}
	from := c.Status
	c.Status = to
	return fmt.Sprintf("%s → %s", from.Label(), to.Label()), nil
}

// editClaim loads a claim, lets edit change it, and saves it as one event
// whose summary edit returns.
func (db *DB) editClaim(ctx context.Context, id, action string, edit func(*tx, *claims.Claim) (string, error)) (*claims.Claim, error) {
	var out *claims.Claim
	err := db.update(ctx, func(t *tx) error {
		before, env, err := t.findClaim(id)
		if err != nil {
			return err
		}
		after := *before
		summary, err := edit(t, &after)
		if err != nil {
			return err
		}
		out = &after
		return t.saveClaim(out, env, before, action, summary)
	})
	return out, err
}

// SetVerdict drafts or edits a claim's verdict, or corrects a published one.
func (db *DB) SetVerdict(ctx context.Context, claimID string, v claims.Verdict, reason, note string) (*claims.Claim, error) {
	var out *claims.Claim
	err := db.update(ctx, func(t *tx) error {
		before, env, err := t.findClaim(claimID)
		if err != nil {
			return err
		}
		settings, err := t.settings()
		if err != nil {
			return err
		}
		if err := settings.Scale.CheckRating(v.Rating); err != nil {
			return err
		}
		after := *before
		v.Author, v.Revision, v.UpdatedAt = t.actor, newRevision(), t.now
		if err := v.Validate(); err != nil {
			return err
		}
		summary, err := t.applyVerdict(&after, v, reason, note)
		if err != nil {
			return err
		}
		out = &after
		return t.saveClaim(out, env, before, "verdict.set", summary)
	})
	return out, err
}

// applyVerdict sets the verdict and moves the claim as drafting or
// correcting requires.
func (t *tx) applyVerdict(c *claims.Claim, v claims.Verdict, reason, note string) (string, error) {
	old := c.Verdict
	c.Verdict = &v
	switch c.Status {
	case claims.StatusToTriage:
		if _, err := t.move(c, claims.StatusResearching); err != nil {
			return "", err
		}
		return t.draft(c, "to triage")
	case claims.StatusResearching, claims.StatusInReview, claims.StatusChangesRequested:
		return t.draft(c, c.Status.Label())
	case claims.StatusVerdictDrafted:
		return "revised the verdict: " + v.Rating, nil
	case claims.StatusPublished, claims.StatusCorrected:
		if old != nil && old.Rating == v.Rating {
			return "edited the published verdict", nil
		}
		return t.correct(c, old, v, reason, note)
	default:
		return "", claims.Errorf(claims.ECONFLICT, "A claim that is %s cannot take a verdict; move it back to research first.", claims.StatusLabel(c.Status))
	}
}

func (t *tx) draft(c *claims.Claim, from string) (string, error) {
	if _, err := t.move(c, claims.StatusVerdictDrafted); err != nil {
		return "", err
	}
	return fmt.Sprintf("drafted the verdict %s (%s → verdict drafted)", c.Verdict.Rating, from), nil
}

// correct records a change of rating on a published claim.
func (t *tx) correct(c *claims.Claim, old *claims.Verdict, v claims.Verdict, reason, note string) (string, error) {
	oldRating := ""
	if old != nil {
		oldRating = old.Rating
	}
	corr := claims.Correction{At: t.now, Author: t.actor, OldRating: oldRating, NewRating: v.Rating, Reason: reason, PublicNote: note}
	if err := corr.Validate(); err != nil {
		return "", err
	}
	if _, err := t.move(c, claims.StatusCorrected); err != nil {
		return "", err
	}
	if err := t.addCorrection(c, &corr); err != nil {
		return "", err
	}
	return fmt.Sprintf("corrected the rating %s → %s", oldRating, v.Rating), nil
}

// SubmitForReview moves a claim with a drafted verdict into review.
func (db *DB) SubmitForReview(ctx context.Context, claimID string) (*claims.Claim, error) {
	return db.editClaim(ctx, claimID, "claim.submit", func(t *tx, c *claims.Claim) (string, error) {
		return t.submit(c)
	})
}

func (t *tx) submit(c *claims.Claim) (string, error) {
	if c.Verdict == nil || c.Status != claims.StatusVerdictDrafted {
		return "", claims.Errorf(claims.ECONFLICT, "Only a drafted verdict can be submitted for review; this claim is %s.", claims.StatusLabel(c.Status))
	}
	return t.move(c, claims.StatusInReview)
}

// ReviewClaim records a review of the claim's verdict.
func (db *DB) ReviewClaim(ctx context.Context, claimID string, r claims.Review) (*claims.Claim, error) {
	return db.editClaim(ctx, claimID, "review."+string(r.Decision), func(t *tx, c *claims.Claim) (string, error) {
		summary := ""
		if c.Status == claims.StatusVerdictDrafted {
			moved, err := t.submit(c)
			if err != nil {
				return "", err
			}
			summary = moved + "; "
		}
		if c.Status != claims.StatusInReview || c.Verdict == nil {
			return "", claims.Errorf(claims.ECONFLICT, "There is no verdict in review on this claim; it is %s.", claims.StatusLabel(c.Status))
		}
		decided, err := t.review(c, r)
		return summary + decided, err
	})
}

func (t *tx) review(c *claims.Claim, r claims.Review) (string, error) {
	r.Reviewer, r.At, r.VerdictRevision = t.actor, t.now, c.Verdict.Revision
	r.VerdictAuthor, r.Rating = c.Verdict.Author, c.Verdict.Rating
	if err := r.Validate(); err != nil {
		return "", err
	}
	settings, err := t.settings()
	if err != nil {
		return "", err
	}
	if settings.RequireSecondReviewer && r.Decision == claims.DecisionApprove && claims.SamePerson(r.Reviewer, c.Verdict.Author) {
		return "", claims.Errorf(claims.ECONFLICT, "You wrote this verdict, so a second reviewer must approve it.")
	}
	if err := t.addReview(c, &r); err != nil {
		return "", err
	}
	if r.Decision == claims.DecisionRequestChanges {
		moved, err := t.move(c, claims.StatusChangesRequested)
		return fmt.Sprintf("requested changes (%s): %q", moved, r.Comment), err
	}
	if r.Comment != "" {
		return fmt.Sprintf("approved the verdict %s: %q", c.Verdict.Rating, r.Comment), nil
	}
	return "approved the verdict " + c.Verdict.Rating, nil
}

// PublishClaim publishes a reviewed claim.
func (db *DB) PublishClaim(ctx context.Context, claimID string) (*claims.Claim, error) {
	return db.editClaim(ctx, claimID, "claim.publish", func(t *tx, c *claims.Claim) (string, error) {
		settings, err := t.settings()
		if err != nil {
			return "", err
		}
		if err := c.CheckPublishable(settings.RequireSecondReviewer); err != nil {
			return "", err
		}
		if c.PublishedAt.IsZero() {
			c.PublishedAt = t.now
		}
		return t.move(c, claims.StatusPublished)
	})
}

func (t *tx) addReview(c *claims.Claim, r *claims.Review) error {
	key := t.db.ids.next(t.now)
	r.ID = key.String()
	rec := reviewRecordOf(r)
	if err := t.appendChild(bucketReviews, "review", c.ID, key[:], rec); err != nil {
		return err
	}
	c.Reviews = append(append([]claims.Review(nil), c.Reviews...), *r)
	return nil
}

func (t *tx) addCorrection(c *claims.Claim, corr *claims.Correction) error {
	key := t.db.ids.next(t.now)
	corr.ID = key.String()
	rec := correctionRecord{corr.Author, corr.OldRating, corr.NewRating, corr.Reason, corr.PublicNote}
	if err := t.appendChild(bucketCorrections, "correction", c.ID, key[:], rec); err != nil {
		return err
	}
	c.Corrections = append(append([]claims.Correction(nil), c.Corrections...), *corr)
	return nil
}

// appendChild stores an append-only record that belongs to a claim under
// the claim's ID, so a prefix scan returns a claim's records in order.
func (t *tx) appendChild(bucket []byte, typ, claimID string, key []byte, rec any) error {
	claimKey, err := parseID("Claim", claimID)
	if err != nil {
		return err
	}
	_, raw, err := newEnvelope(typ, idString(key), t.now, t.actor, rec)
	if err != nil {
		return err
	}
	return t.put(bucket, joinKey(claimKey, key), raw)
}

func (t *tx) findReviews(claimKey []byte) ([]claims.Review, error) {
	var out []claims.Review
	err := t.eachChild(bucketReviews, claimKey, func(raw []byte) error {
		var rec reviewRecord
		env, err := decodeEnvelope(raw, &rec)
		if err != nil {
			return err
		}
		out = append(out, rec.review(env))
		return nil
	})
	return out, err
}

func (t *tx) findCorrections(claimKey []byte) ([]claims.Correction, error) {
	var out []claims.Correction
	err := t.eachChild(bucketCorrections, claimKey, func(raw []byte) error {
		var rec correctionRecord
		env, err := decodeEnvelope(raw, &rec)
		if err != nil {
			return err
		}
		out = append(out, claims.Correction{ID: env.ID, At: env.CreatedAt, Author: rec.Author, OldRating: rec.OldRating,
			NewRating: rec.NewRating, Reason: rec.Reason, PublicNote: rec.PublicNote})
		return nil
	})
	return out, err
}

// eachChild calls fn for every record under a claim's prefix, oldest first.
func (t *tx) eachChild(bucket, claimKey []byte, fn func(raw []byte) error) error {
	c := t.Bucket(bucket).Cursor()
	for k, v := c.Seek(claimKey); bytes.HasPrefix(k, claimKey); k, v = c.Next() {
		if err := fn(v); err != nil {
			return err
		}
	}
	return nil
}
