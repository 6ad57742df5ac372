package store

import (
	"context"
	"fmt"

	"claimdesk/claims"
)

// CreateSource stores a source.
func (db *DB) CreateSource(ctx context.Context, s *claims.Source) error {
	return db.update(ctx, func(t *tx) error { return t.createSource(s) })
}

func (t *tx) createSource(s *claims.Source) error {
	if s.Type == "" {
		s.Type = claims.SourceWebpage
	}
	if s.Reliability == "" {
		s.Reliability = claims.ReliabilityF
	}
	if err := s.Validate(); err != nil {
		return err
	}
	key := t.db.ids.next(t.now)
	s.ID = key.String()
	rec := sourceRecordOf(s)
	env, raw, err := newEnvelope("source", s.ID, t.now, t.actor, rec)
	if err != nil {
		return err
	}
	if err := t.put(bucketSources, key[:], raw); err != nil {
		return err
	}
	s.Meta = env.meta()
	return t.appendEvent(change{action: "source.create", recordType: "source", recordID: s.ID,
		summary: fmt.Sprintf("added the source %q", s.Title), after: &rec})
}

// FindSourceByID returns a source.
func (db *DB) FindSourceByID(ctx context.Context, id string) (*claims.Source, error) {
	var s *claims.Source
	err := db.view(ctx, func(t *tx) error {
		var err error
		s, err = t.findSource(id)
		return err
	})
	return s, err
}

func (t *tx) findSource(id string) (*claims.Source, error) {
	key, err := parseID("Source", id)
	if err != nil {
		return nil, err
	}
	var rec sourceRecord
	env, err := t.get(bucketSources, key, "Source", &rec)
	if err != nil {
		return nil, err
	}
	return rec.source(env), nil
}

// FindSources returns the live sources.
func (db *DB) FindSources(ctx context.Context) ([]*claims.Source, error) {
	var out []*claims.Source
	err := db.view(ctx, func(t *tx) error {
		return eachLive(t, bucketSources, func(env *envelope, rec *sourceRecord) {
			out = append(out, rec.source(env))
		})
	})
	return out, err
}

// AttachEvidence links a claim to an existing source.
func (db *DB) AttachEvidence(ctx context.Context, e *claims.Evidence) error {
	return db.update(ctx, func(t *tx) error { return t.attachEvidence(e) })
}

// AddSourceWithEvidence stores a new source and attaches it to a claim.
func (db *DB) AddSourceWithEvidence(ctx context.Context, s *claims.Source, e *claims.Evidence) error {
	return db.update(ctx, func(t *tx) error {
		if _, _, err := t.findClaim(e.ClaimID); err != nil {
			return err
		}
		if err := t.createSource(s); err != nil {
			return err
		}
		e.SourceID = s.ID
		return t.attachEvidence(e)
	})
}

func (t *tx) attachEvidence(e *claims.Evidence) error {
	if e.Stance == "" {
		e.Stance = claims.StanceContext
	}
	if err := e.Validate(); err != nil {
		return err
	}
	c, _, err := t.findClaim(e.ClaimID)
	if err != nil {
		return err
	}
	s, err := t.findSource(e.SourceID)
	if err != nil {
		return err
	}
	key := t.db.ids.next(t.now)
	e.ID = key.String()
	rec := evidenceRecordOf(e)
	env, raw, err := newEnvelope("evidence", e.ID, t.now, t.actor, rec)
	if err != nil {
		return err
	}
	claimKey, _ := parseID("Claim", c.ID)
	sourceKey, _ := parseID("Source", s.ID)
	if err := firstErr(
		t.put(bucketEvidence, key[:], raw),
		t.put(bucketClaimEvidence, joinKey(claimKey, key[:]), nil),
		t.put(bucketSourceUses, joinKey(sourceKey, key[:]), nil),
	); err != nil {
		return err
	}
	e.Meta = env.meta()
	return t.appendEvent(change{action: "evidence.attach", recordType: "evidence", recordID: e.ID, claimID: c.ID,
		summary: fmt.Sprintf("attached %q (%s)", s.Title, e.Stance), after: &rec})
}

// FindEvidence returns the evidence attached to a claim.
func (db *DB) FindEvidence(ctx context.Context, claimID string) ([]*claims.Evidence, error) {
	var out []*claims.Evidence
	err := db.view(ctx, func(t *tx) error {
		claimKey, err := parseID("Claim", claimID)
		if err != nil {
			return err
		}
		out, err = t.findEvidence(claimKey)
		return err
	})
	return out, err
}

// DetachEvidence removes evidence from its claim, leaving a tombstone.
func (db *DB) DetachEvidence(ctx context.Context, id string) error {
	return db.update(ctx, func(t *tx) error {
		key, err := parseID("Evidence", id)
		if err != nil {
			return err
		}
		var rec evidenceRecord
		env, err := t.get(bucketEvidence, key, "Evidence", &rec)
		if err != nil {
			return err
		}
		env.Deleted = true
		if err := t.revise(bucketEvidence, key, env, rec); err != nil {
			return err
		}
		return t.appendEvent(change{action: "evidence.detach", recordType: "evidence", recordID: id, claimID: rec.ClaimID,
			summary: "detached evidence"})
	})
}

// UpdateSource edits a source.
func (db *DB) UpdateSource(ctx context.Context, id string, upd claims.SourceUpdate) (*claims.Source, error) {
	var out *claims.Source
	err := db.update(ctx, func(t *tx) error {
		key, err := parseID("Source", id)
		if err != nil {
			return err
		}
		var before sourceRecord
		env, err := t.get(bucketSources, key, "Source", &before)
		if err != nil {
			return err
		}
		s := before.source(env)
		upd.Apply(s)
		if err := s.Validate(); err != nil {
			return err
		}
		after := sourceRecordOf(s)
		if err := t.revise(bucketSources, key, env, after); err != nil {
			return err
		}
		s.Meta, out = env.meta(), s
		return t.appendEvent(change{action: "source.update", recordType: "source", recordID: id,
			summary: fmt.Sprintf("edited the source %q", s.Title), before: &before, after: &after})
	})
	return out, err
}

// UpdateEvidence edits evidence.
func (db *DB) UpdateEvidence(ctx context.Context, id string, upd claims.EvidenceUpdate) (*claims.Evidence, error) {
	var out *claims.Evidence
	err := db.update(ctx, func(t *tx) error {
		key, err := parseID("Evidence", id)
		if err != nil {
			return err
		}
		var before evidenceRecord
		env, err := t.get(bucketEvidence, key, "Evidence", &before)
		if err != nil {
			return err
		}
		e := before.evidence(env)
		upd.Apply(e)
		if err := e.Validate(); err != nil {
			return err
		}
		after := evidenceRecordOf(e)
		if err := t.revise(bucketEvidence, key, env, after); err != nil {
			return err
		}
		e.Meta, out = env.meta(), e
		return t.appendEvent(change{action: "evidence.update", recordType: "evidence", recordID: id, claimID: e.ClaimID,
			summary: "edited evidence", before: &before, after: &after})
	})
	return out, err
}
