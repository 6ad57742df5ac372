package store

import (
	"claimdesk/claims"
)

// A record from outside the file is held to the rules of claims/integrity.go
// as if the command that could have made it had run. These functions find
// what the rules need: the version this file has, and a claim's reviews
// and corrections.

// checkAgainst checks an incoming record against this file's version of it,
// ours (nil when the record is new here). descends reports whether the
// incoming version descends from ours, which the workflow's moves must then
// lead to; two versions made apart need only agree on what no command
// changes. A claim's own state waits for its reviews and corrections to be
// merged: see checkClaimStates.
func checkAgainst(rec *inRecord, ours []byte, descends bool) error {
	switch {
	case rec.article != nil:
		if ours == nil {
			return claims.CheckArticleState(rec.article)
		}
		before, err := articleOf(ours)
		if err != nil {
			return err
		}
		return claims.CheckArticleChange(before, rec.article)
	case rec.source != nil:
		return claims.CheckSourceState(rec.source)
	case rec.evidence != nil && ours != nil:
		before, err := evidenceOf(ours)
		if err != nil {
			return err
		}
		return claims.CheckEvidenceChange(before, rec.evidence)
	case rec.claim != nil && ours != nil:
		before, err := claimOf(ours)
		if err != nil {
			return err
		}
		if descends {
			return claims.CheckClaimChange(before, rec.claim)
		}
		return claims.CheckClaimsApart(before, rec.claim)
	}
	return nil
}

func articleOf(raw []byte) (*claims.Article, error) { return domainOf(raw, articleRecord.article) }

func evidenceOf(raw []byte) (*claims.Evidence, error) { return domainOf(raw, evidenceRecord.evidence) }

func claimOf(raw []byte) (*claims.Claim, error) { return domainOf(raw, claimRecord.claim) }

// domainOf decodes a stored record, tombstones included, into the domain
// type that of makes of it.
func domainOf[R, T any](raw []byte, of func(R, *envelope) T) (T, error) {
	var rec R
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		var none T
		return none, err
	}
	return of(rec, env), nil
}

// claimWithChildren decodes a version of a claim, tombstone or set aside
// alike, with the reviews and corrections this file holds for it.
func (t *tx) claimWithChildren(raw []byte) (*claims.Claim, error) {
	c, err := claimOf(raw)
	if err != nil {
		return nil, err
	}
	key, err := parseID("Claim", c.ID)
	if err != nil {
		return nil, err
	}
	if c.Reviews, err = t.findReviews(key); err != nil {
		return nil, err
	}
	if c.Corrections, err = t.findCorrections(key); err != nil {
		return nil, err
	}
	return c, nil
}

// checkClaimStates checks every version of the claims at keys, the one in
// place and those set aside, with their reviews and corrections, against
// the rules on what commands can leave a claim in.
func (t *tx) checkClaimStates(keys map[string]bool) error {
	settings, err := t.settings()
	if err != nil {
		return err
	}
	for key := range keys {
		versions := [][]byte{t.Bucket(bucketClaims).Get([]byte(key))}
		for _, aside := range t.setAsideOf([]byte(key)) {
			versions = append(versions, aside.Record)
		}
		for _, raw := range versions {
			if raw == nil {
				continue
			}
			c, err := t.claimWithChildren(raw)
			if err != nil {
				return err
			}
			if err := claims.CheckClaimState(c, settings.RequireSecondReviewer); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSettingsAgainst holds settings from outside to what the commands can
// change of this file's: not the language or the rating scale.
func checkSettingsAgainst(oursRaw, theirsRaw []byte) error {
	var ours, theirs settingsRecord
	if _, err := decodeEnvelope(oursRaw, &ours); err != nil {
		return err
	}
	if _, err := decodeEnvelope(theirsRaw, &theirs); err != nil {
		return err
	}
	return claims.CheckSettingsChange(ours.settings(), theirs.settings())
}
