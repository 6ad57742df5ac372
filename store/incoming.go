package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"claimdesk/claims"
)

// inRecord is a record from outside this file, from a dump or another
// copy, that passed every check a record typed in here passes.
type inRecord struct {
	typ      string
	bucket   []byte
	key      []byte // the record's key in bucket
	env      *envelope
	raw      []byte // the bytes to store: re-encoded from what was understood
	claimID  string // the claim the record belongs to, or ""
	article  *claims.Article
	source   *claims.Source
	claim    *claims.Claim
	evidence *claims.Evidence
}

// checkIn validates records from outside. References may point at records
// that came in earlier, or, when merging, at this file's own records.
type checkIn struct {
	from     claims.Text // "dump", "other file" or "combination", for messages
	t        *tx         // this file, when references may resolve to it
	seen     map[string]bool
	articles map[string]*claims.Article
	claimIDs map[string]bool
	sources  map[string]bool
	indexes  map[string]*claims.TextIndex // by article ID: many claims share an article
}

func newCheckIn(from claims.Text, t *tx) *checkIn {
	return &checkIn{from: from, t: t, seen: map[string]bool{}, articles: map[string]*claims.Article{},
		claimIDs: map[string]bool{}, sources: map[string]bool{}, indexes: map[string]*claims.TextIndex{}}
}

// decode reads a record envelope of type typ, re-encoded from its parts.
func decodeIn[R any](in *checkIn, raw json.RawMessage, typ string, bucket []byte) (*inRecord, *R, error) {
	var rec R
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s has an unreadable %s: %v.", in.from, recordName(typ), err)
	}
	key, err := parseID(typ, env.ID)
	if err != nil || env.Type != typ {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s has a %s record with a bad ID or type (%.40q).", in.from, recordName(typ), env.ID)
	}
	if in.seen[string(key)] {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s has the %s %s twice.", in.from, recordName(typ), env.ID)
	}
	in.seen[string(key)] = true
	if !revisionsNamed(env) {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s's %s %s has a revision without a name or author.", in.from, recordName(typ), env.ID)
	}
	if env.Data, err = json.Marshal(rec); err != nil {
		return nil, nil, fmt.Errorf("read %s %s: %w", typ, env.ID, err)
	}
	out, err := env.encode()
	if err != nil {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s's %s %s cannot be kept: %v.", in.from, recordName(typ), env.ID, err)
	}
	return &inRecord{typ: typ, bucket: bucket, key: key, env: env, raw: out}, &rec, nil
}

// revisionsNamed reports whether every revision of env has a name and an
// author a person could be.
func revisionsNamed(env *envelope) bool {
	for _, r := range env.Revisions {
		if r.Rev == "" || claims.CheckActor(r.By) != nil {
			return false
		}
	}
	return claims.CheckActor(env.CreatedBy) == nil
}

// reason is err as another message quotes it: the application error
// itself, which prints as its message and which the window can translate,
// or ErrorMessage's sentence for any other error.
func reason(err error) any {
	var e *claims.Error
	if errors.As(err, &e) {
		return e
	}
	return claims.ErrorMessage(err)
}

func (in *checkIn) invalid(typ, id string, err error) error {
	return claims.Errorf(claims.EINVALID, "The %s's %s %s is invalid: %s", in.from, recordName(typ), id, reason(err))
}

func (in *checkIn) article(raw json.RawMessage) (*inRecord, error) {
	r, rec, err := decodeIn[articleRecord](in, raw, "article", bucketArticles)
	if err != nil {
		return nil, err
	}
	r.article = rec.article(r.env)
	if err := r.article.Validate(); err != nil {
		return nil, in.invalid("article", r.env.ID, err)
	}
	in.articles[r.env.ID] = r.article
	return r, nil
}

func (in *checkIn) source(raw json.RawMessage) (*inRecord, error) {
	r, rec, err := decodeIn[sourceRecord](in, raw, "source", bucketSources)
	if err != nil {
		return nil, err
	}
	r.source = rec.source(r.env)
	if err := r.source.Validate(); err != nil {
		return nil, in.invalid("source", r.env.ID, err)
	}
	in.sources[r.env.ID] = true
	return r, nil
}

func (in *checkIn) claim(raw json.RawMessage) (*inRecord, error) {
	r, rec, err := decodeIn[claimRecord](in, raw, "claim", bucketClaims)
	if err != nil {
		return nil, err
	}
	r.claim, r.claimID = rec.claim(r.env), r.env.ID
	if err := r.claim.Validate(); err != nil {
		return nil, in.invalid("claim", r.env.ID, err)
	}
	a := in.findArticle(r.claim.ArticleID)
	if a == nil {
		return nil, claims.Errorf(claims.EINVALID, "The %s's claim %s belongs to an article it does not have.", in.from, r.env.ID)
	}
	if !in.textIndex(a).Matches(r.claim.Anchor) {
		return nil, claims.Errorf(claims.EINVALID, "The %s's claim %s is not anchored in its article's words.", in.from, r.env.ID)
	}
	in.claimIDs[r.env.ID] = true
	return r, nil
}

func (in *checkIn) evidence(raw json.RawMessage) (*inRecord, error) {
	r, rec, err := decodeIn[evidenceRecord](in, raw, "evidence", bucketEvidence)
	if err != nil {
		return nil, err
	}
	r.evidence = rec.evidence(r.env)
	if err := r.evidence.Validate(); err != nil {
		return nil, in.invalid("evidence", r.env.ID, err)
	}
	if !in.hasClaim(r.evidence.ClaimID) || !in.hasSource(r.evidence.SourceID) {
		return nil, claims.Errorf(claims.EINVALID, "The %s's evidence %s points at a claim or source it does not have.", in.from, r.env.ID)
	}
	r.claimID = r.evidence.ClaimID
	return r, nil
}

// child validates a review or correction of a claim.
func (in *checkIn) child(c childRecord, typ string) (*inRecord, error) {
	if !in.hasClaim(c.ClaimID) {
		return nil, claims.Errorf(claims.EINVALID, "The %s has a %s of a claim it does not have (%.40q).", in.from, recordName(typ), c.ClaimID)
	}
	var r *inRecord
	var err error
	if typ == "review" {
		var rec *reviewRecord
		if r, rec, err = decodeIn[reviewRecord](in, c.Record, typ, bucketReviews); err == nil {
			review := rec.review(r.env)
			err = review.Validate()
		}
	} else {
		var rec *correctionRecord
		if r, rec, err = decodeIn[correctionRecord](in, c.Record, typ, bucketCorrections); err == nil {
			corr := claims.Correction{Author: rec.Author, OldRating: rec.OldRating, NewRating: rec.NewRating, Reason: rec.Reason, PublicNote: rec.PublicNote}
			err = corr.Validate()
		}
	}
	if err != nil {
		if claims.ErrorCode(err) == claims.EINVALID && r != nil {
			return nil, in.invalid(typ, r.env.ID, err)
		}
		return nil, err
	}
	claimKey, _ := parseID("Claim", c.ClaimID)
	r.key, r.claimID = joinKey(claimKey, r.key), c.ClaimID
	return r, nil
}

func (in *checkIn) textIndex(a *claims.Article) *claims.TextIndex {
	x := in.indexes[a.ID]
	if x == nil {
		x = claims.NewTextIndex(a.Text)
		in.indexes[a.ID] = x
	}
	return x
}

func (in *checkIn) findArticle(id string) *claims.Article {
	if a := in.articles[id]; a != nil {
		return a
	}
	if in.t != nil {
		if a, err := in.t.findArticleAny(id); err == nil {
			in.articles[id] = a
			return a
		}
	}
	return nil
}

func (in *checkIn) hasClaim(id string) bool {
	return in.claimIDs[id] || (in.t != nil && in.t.has(bucketClaims, id))
}

func (in *checkIn) hasSource(id string) bool {
	return in.sources[id] || (in.t != nil && in.t.has(bucketSources, id))
}

// has reports whether bucket holds a record, live or tombstone, with id.
func (t *tx) has(bucket []byte, id string) bool {
	key, err := parseID("Record", id)
	return err == nil && t.Bucket(bucket).Get(key) != nil
}

// findArticleAny returns an article, even a deleted one: its claims' anchors
// still point into its text.
func (t *tx) findArticleAny(id string) (*claims.Article, error) {
	key, err := parseID("Article", id)
	if err != nil {
		return nil, err
	}
	raw := t.Bucket(bucketArticles).Get(key)
	if raw == nil {
		return nil, claims.Errorf(claims.ENOTFOUND, "Article %s not found.", id)
	}
	var rec articleRecord
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return nil, err
	}
	return rec.article(env), nil
}

// putIncoming stores a checked record with the index entries and summary
// that go with it.
func (t *tx) putIncoming(r *inRecord) error {
	if err := t.put(r.bucket, r.key, r.raw); err != nil {
		return err
	}
	switch {
	case r.article != nil:
		return t.put(bucketArticleHashes, []byte(r.article.TextSHA256), r.key)
	case r.claim != nil:
		articleKey, _ := parseID("Article", r.claim.ArticleID)
		return firstErr(t.put(bucketArticleClaims, joinKey(articleKey, r.key), nil), t.putSummary(r.claim))
	case r.evidence != nil:
		claimKey, _ := parseID("Claim", r.evidence.ClaimID)
		sourceKey, _ := parseID("Source", r.evidence.SourceID)
		return firstErr(t.put(bucketClaimEvidence, joinKey(claimKey, r.key), nil), t.put(bucketSourceUses, joinKey(sourceKey, r.key), nil))
	}
	return nil
}

// event checks an event from outside, in the form the file stores it: its
// hash, the commitment to its body, its canonical form, the key it comes
// under, and its fields.
func (in *checkIn) event(key, value []byte) (*claims.Event, error) {
	if len(key) != 16 || in.seen[string(key)] {
		return nil, claims.Errorf(claims.EINVALID, "The %s has an event with a bad or repeated ID (%s).", in.from, idString(key))
	}
	in.seen[string(key)] = true
	se, err := decodeEvent(key, value)
	if err != nil {
		return nil, claims.Errorf(claims.EINVALID, "The %s has an unreadable event: %v.", in.from, err)
	}
	if !se.sound() {
		return nil, claims.Errorf(claims.EINVALID, "The %s's event %s cannot be accepted: %s.", in.from, idString(key), se.problem)
	}
	if err := se.event.Validate(); err != nil {
		return nil, in.invalid("event", idString(key), err)
	}
	return se.event, nil
}

// putEvent stores an event and indexes it under its claim and its record.
func (t *tx) putEvent(key, value []byte, e *claims.Event) error {
	if err := t.put(bucketEvents, key, value); err != nil {
		return err
	}
	if claimKey, err := parseID("Claim", e.ClaimID); err == nil && e.ClaimID != "" {
		t.stage(bucketClaimEvents, joinKey(claimKey, key), true)
	}
	return t.indexEventByRecord(key, e)
}

// indexEventByRecord indexes an event under its record, unless the record
// is its claim, whose events claim_events lists already.
func (t *tx) indexEventByRecord(key []byte, e *claims.Event) error {
	recordKey, err := parseID("Record", e.RecordID)
	if err != nil || e.RecordID == e.ClaimID {
		return nil // settings, or a claim
	}
	t.stage(bucketRecordEvents, joinKey(recordKey, key), true)
	return nil
}

// storedForm returns the key and the stored value of a dumped event. An
// event in the form before schema 4 is returned in that form, for
// upgradeEvents to rewrite.
func (de dumpedEvent) storedForm(from claims.Text) ([]byte, []byte, error) {
	if len(de.Wire) > 0 {
		return de.wireForm(from)
	}
	var probe struct{ ID string }
	_ = json.Unmarshal(de.Event, &probe)
	key, err := parseID("Event", probe.ID)
	sum, hashErr := hex.DecodeString(de.Hash)
	if err != nil || hashErr != nil || len(sum) != sha256.Size {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s has an event with a bad ID or hash (%.40q).", from, probe.ID)
	}
	if bytes.HasPrefix(de.Event, []byte(`{"v":`)) {
		value := binary.BigEndian.AppendUint32(sum, uint32(len(de.Event)))
		return key, append(append(value, de.Event...), de.Body...), nil
	}
	if len(de.Body) > 0 {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s's event %s has a body its form does not allow.", from, probe.ID)
	}
	return key, append(sum, de.Event...), nil
}

// wireForm returns the key and the stored value of a dumped event in the
// binary form. Reading its ID is all this does: the event is checked as it
// is stored, like any event from outside.
func (de dumpedEvent) wireForm(from claims.Text) ([]byte, []byte, error) {
	var id string
	if e, err := claims.ParseWireEvent(de.Wire, nil); err == nil {
		id = e.ID
	}
	key, err := parseID("Event", id)
	sum, hashErr := hex.DecodeString(de.Hash)
	if err != nil || hashErr != nil || len(sum) != sha256.Size || len(de.Event) > 0 || len(de.Body) > 0 {
		return nil, nil, claims.Errorf(claims.EINVALID, "The %s has an event with a bad ID or hash (%.40q).", from, id)
	}
	value := binary.BigEndian.AppendUint32(sum, uint32(len(de.Wire)))
	return key, append(append(value, de.Wire...), de.WireBody...), nil
}
