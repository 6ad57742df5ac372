package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// dump is a decoded JSON dump, before any of it is trusted.
type dump struct {
	dumpHeader
	Articles    []json.RawMessage `json:"articles"`
	Sources     []json.RawMessage `json:"sources"`
	Claims      []json.RawMessage `json:"claims"`
	Evidence    []json.RawMessage `json:"evidence"`
	Reviews     []childRecord     `json:"reviews"`
	Corrections []childRecord     `json:"corrections"`
	Events      []dumpedEvent     `json:"events"`
}

// Restore creates a database at path from a JSON dump of a whole database,
// in one transaction. Every record is validated as if it were typed in,
// references must resolve and the history must verify; otherwise Restore
// returns EINVALID naming the first fault and leaves no file behind. A path
// that exists already is ECONFLICT: a restore never overwrites.
func Restore(ctx context.Context, path string, r io.Reader, opts Options) (*DB, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, claims.Errorf(claims.ECONFLICT, "%s already exists; restore into a new file.", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("restore into %s: %w", path, err)
	}
	d, err := readDump(r)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	db, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	err = db.bolt.Update(func(btx *bolt.Tx) error {
		t := &tx{Tx: btx, db: db, now: db.now().UTC(), actor: Program}
		return t.restore(d)
	})
	if err != nil {
		db.Close()
		os.Remove(path)
		return nil, err
	}
	return db, nil
}

func readDump(r io.Reader) (*dump, error) {
	var d dump
	dec := json.NewDecoder(r)
	if err := dec.Decode(&d); err != nil {
		return nil, claims.Errorf(claims.EINVALID, "This is not a ClaimDesk JSON dump: %v.", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, claims.Errorf(claims.EINVALID, "This is not a ClaimDesk JSON dump: something follows the dump.")
	}
	switch {
	case d.Dump == 0:
		return nil, claims.Errorf(claims.EINVALID, "This is not a ClaimDesk JSON dump.")
	case d.Dump > dumpFormat || d.Schema > SchemaVersion:
		return nil, claims.Errorf(claims.EINVALID, "This dump was written by a newer ClaimDesk (dump format %d, schema %d). Update ClaimDesk to restore it.", d.Dump, d.Schema)
	case !d.Complete:
		return nil, claims.Errorf(claims.EINVALID, "This dump holds a selection (one article, or published verdicts only), not a whole database; only a whole database can be restored.")
	}
	return &d, nil
}

// restored tracks the records restored so far, for references and duplicates.
type restored struct {
	articles map[string]*claims.Article
	claims   map[string]bool
	sources  map[string]bool
	seen     map[string]bool
}

func (t *tx) restore(d *dump) error {
	rs := &restored{articles: map[string]*claims.Article{}, claims: map[string]bool{}, sources: map[string]bool{}, seen: map[string]bool{}}
	steps := []func() error{
		func() error { return t.restoreSettings(d.Settings) },
		func() error {
			return eachRaw(d.Articles, func(raw json.RawMessage) error { return t.restoreArticle(rs, raw) })
		},
		func() error {
			return eachRaw(d.Sources, func(raw json.RawMessage) error { return t.restoreSource(rs, raw) })
		},
		func() error {
			return eachRaw(d.Claims, func(raw json.RawMessage) error { return t.restoreClaim(rs, raw) })
		},
		func() error {
			return eachRaw(d.Evidence, func(raw json.RawMessage) error { return t.restoreEvidence(rs, raw) })
		},
		func() error { return t.restoreChildren(rs, d.Reviews, "review", bucketReviews) },
		func() error { return t.restoreChildren(rs, d.Corrections, "correction", bucketCorrections) },
		func() error { return t.restoreEvents(rs, d.Events, d.HistoryHead) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func eachRaw(list []json.RawMessage, fn func(json.RawMessage) error) error {
	for _, raw := range list {
		if err := fn(raw); err != nil {
			return err
		}
	}
	return nil
}

// decodeRestored decodes a dumped record of type typ and returns its key and
// the bytes to store: the envelope re-encoded from what was understood, so
// the file holds nothing this program did not read.
func decodeRestored[R any](rs *restored, raw json.RawMessage, typ string) (*envelope, *R, []byte, []byte, error) {
	var rec R
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return nil, nil, nil, nil, claims.Errorf(claims.EINVALID, "The dump has an unreadable %s: %v.", typ, err)
	}
	key, err := parseID(typ, env.ID)
	if err != nil || env.Type != typ {
		return nil, nil, nil, nil, claims.Errorf(claims.EINVALID, "The dump has a %s record with a bad ID or type (%.40q).", typ, env.ID)
	}
	if rs.seen[string(key)] {
		return nil, nil, nil, nil, claims.Errorf(claims.EINVALID, "The dump has the %s %s twice.", typ, env.ID)
	}
	rs.seen[string(key)] = true
	for _, r := range env.Revisions {
		if r.Rev == "" || claims.CheckActor(r.By) != nil {
			return nil, nil, nil, nil, claims.Errorf(claims.EINVALID, "The %s %s has a revision without a name or author.", typ, env.ID)
		}
	}
	if env.Data, err = json.Marshal(rec); err != nil {
		return nil, nil, nil, nil, fmt.Errorf("restore %s %s: %w", typ, env.ID, err)
	}
	out, err := json.Marshal(env)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("restore %s %s: %w", typ, env.ID, err)
	}
	return env, &rec, key, out, nil
}

// invalid names the dumped record that a rule refused.
func invalid(typ, id string, err error) error {
	return claims.Errorf(claims.EINVALID, "The dump's %s %s is invalid: %s", typ, id, claims.ErrorMessage(err))
}

func (t *tx) restoreSettings(raw json.RawMessage) error {
	var rec settingsRecord
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return claims.Errorf(claims.EINVALID, "The dump's settings cannot be read: %v.", err)
	}
	if err := rec.settings().Validate(); err != nil {
		return invalid("settings", "", err)
	}
	if env.Data, err = json.Marshal(rec); err != nil {
		return err
	}
	out, err := json.Marshal(env)
	if err != nil {
		return err
	}
	return t.put(bucketMeta, metaSettings, out)
}

func (t *tx) restoreArticle(rs *restored, raw json.RawMessage) error {
	env, rec, key, out, err := decodeRestored[articleRecord](rs, raw, "article")
	if err != nil {
		return err
	}
	a := rec.article(env)
	if err := a.Validate(); err != nil {
		return invalid("article", env.ID, err)
	}
	rs.articles[env.ID] = a
	return firstErr(t.put(bucketArticles, key, out), t.put(bucketArticleHashes, []byte(a.TextSHA256), key))
}

func (t *tx) restoreSource(rs *restored, raw json.RawMessage) error {
	env, rec, key, out, err := decodeRestored[sourceRecord](rs, raw, "source")
	if err != nil {
		return err
	}
	if err := rec.source(env).Validate(); err != nil {
		return invalid("source", env.ID, err)
	}
	rs.sources[env.ID] = true
	return t.put(bucketSources, key, out)
}

func (t *tx) restoreClaim(rs *restored, raw json.RawMessage) error {
	env, rec, key, out, err := decodeRestored[claimRecord](rs, raw, "claim")
	if err != nil {
		return err
	}
	c := rec.claim(env)
	if err := c.Validate(); err != nil {
		return invalid("claim", env.ID, err)
	}
	a := rs.articles[c.ArticleID]
	if a == nil {
		return claims.Errorf(claims.EINVALID, "The dump's claim %s belongs to an article the dump does not have.", env.ID)
	}
	if !c.Anchor.Matches(a.Text) {
		return claims.Errorf(claims.EINVALID, "The dump's claim %s is not anchored in its article's words.", env.ID)
	}
	rs.claims[env.ID] = true
	articleKey, _ := parseID("Article", a.ID)
	return firstErr(
		t.put(bucketClaims, key, out),
		t.put(bucketArticleClaims, joinKey(articleKey, key), nil),
		t.putSummary(c),
	)
}

func (t *tx) restoreEvidence(rs *restored, raw json.RawMessage) error {
	env, rec, key, out, err := decodeRestored[evidenceRecord](rs, raw, "evidence")
	if err != nil {
		return err
	}
	e := rec.evidence(env)
	if err := e.Validate(); err != nil {
		return invalid("evidence", env.ID, err)
	}
	if !rs.claims[e.ClaimID] || !rs.sources[e.SourceID] {
		return claims.Errorf(claims.EINVALID, "The dump's evidence %s points at a claim or source the dump does not have.", env.ID)
	}
	claimKey, _ := parseID("Claim", e.ClaimID)
	sourceKey, _ := parseID("Source", e.SourceID)
	return firstErr(
		t.put(bucketEvidence, key, out),
		t.put(bucketClaimEvidence, joinKey(claimKey, key), nil),
		t.put(bucketSourceUses, joinKey(sourceKey, key), nil),
	)
}

func (t *tx) restoreChildren(rs *restored, list []childRecord, typ string, bucket []byte) error {
	for _, child := range list {
		if !rs.claims[child.ClaimID] {
			return claims.Errorf(claims.EINVALID, "The dump has a %s of a claim it does not have (%.40q).", typ, child.ClaimID)
		}
		key, out, err := restoreChild(rs, child.Record, typ)
		if err != nil {
			return err
		}
		claimKey, _ := parseID("Claim", child.ClaimID)
		if err := t.put(bucket, joinKey(claimKey, key), out); err != nil {
			return err
		}
	}
	return nil
}

func restoreChild(rs *restored, raw json.RawMessage, typ string) ([]byte, []byte, error) {
	if typ == "review" {
		env, rec, key, out, err := decodeRestored[reviewRecord](rs, raw, typ)
		if err != nil {
			return nil, nil, err
		}
		r := claims.Review{Reviewer: rec.Reviewer, Decision: claims.Decision(rec.Decision), Comment: rec.Comment}
		if err := r.Validate(); err != nil {
			return nil, nil, invalid(typ, env.ID, err)
		}
		return key, out, nil
	}
	env, rec, key, out, err := decodeRestored[correctionRecord](rs, raw, typ)
	if err != nil {
		return nil, nil, err
	}
	c := claims.Correction{Author: rec.Author, OldRating: rec.OldRating, NewRating: rec.NewRating, Reason: rec.Reason, PublicNote: rec.PublicNote}
	if err := c.Validate(); err != nil {
		return nil, nil, invalid(typ, env.ID, err)
	}
	return key, out, nil
}

// restoreEvents stores the events as they were, after checking that each is
// in canonical form and matches its hash, then requires the whole history
// to verify: a restored file must be as trustworthy as the one dumped.
func (t *tx) restoreEvents(rs *restored, events []dumpedEvent, head string) error {
	for _, de := range events {
		value, err := eventValue(de)
		if err != nil {
			return err
		}
		var probe struct{ ID string }
		_ = json.Unmarshal(de.Event, &probe)
		key, err := parseID("Event", probe.ID)
		if err != nil || rs.seen[string(key)] {
			return claims.Errorf(claims.EINVALID, "The dump has an event with a bad or repeated ID (%.40q).", probe.ID)
		}
		rs.seen[string(key)] = true
		se, err := decodeEvent(key, value)
		if err != nil {
			return claims.Errorf(claims.EINVALID, "The dump has an unreadable event: %v.", err)
		}
		if err := se.event.Validate(); err != nil {
			return invalid("event", probe.ID, err)
		}
		canonical := se.event.CanonicalBytes()
		if se.event.Withheld {
			canonical = withheldBytes(se.event)
		}
		if !bytes.Equal(canonical, de.Event) {
			return claims.Errorf(claims.EINVALID, "The dump's event %s is not in canonical form; it was edited.", probe.ID)
		}
		if err := t.put(bucketEvents, key, value); err != nil {
			return err
		}
		if claimKey, err := parseID("Claim", se.event.ClaimID); err == nil && se.event.ClaimID != "" {
			if err := t.put(bucketClaimEvents, joinKey(claimKey, key), nil); err != nil {
				return err
			}
		}
	}
	if err := t.put(bucketMeta, metaHistoryHead, []byte(head)); err != nil {
		return err
	}
	check, err := verifyEvents(t.Tx)
	if err != nil {
		return err
	}
	if !check.OK() {
		return claims.Errorf(claims.EINVALID, "The dump's history does not verify: event %s %s.", check.Broken.EventID, check.Broken.Reason)
	}
	return nil
}

// eventValue returns what the file stores for a dumped event: its SHA-256
// followed by its canonical bytes.
func eventValue(de dumpedEvent) ([]byte, error) {
	var withheld struct{ Withheld bool }
	_ = json.Unmarshal(de.Event, &withheld)
	if withheld.Withheld {
		// Its content is not in the dump: the hash stands as given, and
		// the history check below tests its links.
		sum, err := hex.DecodeString(de.Hash)
		if err != nil || len(sum) != sha256.Size {
			return nil, claims.Errorf(claims.EINVALID, "The dump has a withheld event without a proper hash.")
		}
		return append(sum, de.Event...), nil
	}
	sum := sha256.Sum256(de.Event)
	if hex.EncodeToString(sum[:]) != de.Hash {
		return nil, claims.Errorf(claims.EINVALID, "The dump has an event whose hash does not match it; it was edited.")
	}
	return append(sum[:], de.Event...), nil
}
