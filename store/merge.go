package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/regularfile"

	bolt "go.etcd.io/bbolt"
)

// settingsKey is the conflicts key of the settings, which have no ID.
var settingsKey = []byte("settings")

// setAside is a version a merge set aside, stored under the record's key.
type setAside struct {
	Type    string          `json:"type"`
	ClaimID string          `json:"claim_id,omitempty"`
	Record  json.RawMessage `json:"record"`
}

// Merge brings another copy's work into this database.
func (db *DB) Merge(ctx context.Context, path string) (*claims.MergeReport, error) {
	dir, err := os.MkdirTemp("", "claimdesk-merge-")
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	defer os.RemoveAll(dir)
	// Work on a private copy: nobody can truncate or rewrite it while it is
	// mapped, and the colleague's file is never opened for writing.
	private := filepath.Join(dir, "other.db")
	if err := copyFile(path, private); err != nil {
		return nil, err
	}
	if err := db.validate(private); err != nil {
		return nil, err
	}
	other, err := bolt.Open(private, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
	}
	defer other.Close()
	var report *claims.MergeReport
	err = other.View(func(o *bolt.Tx) error {
		if err := checkOtherSchema(o); err != nil {
			return err
		}
		return db.update(ctx, func(t *tx) error {
			m := newMerger(t, o)
			if err := m.run(); err != nil {
				return err
			}
			report = m.report
			return nil
		})
	})
	return report, err
}

func copyFile(from, to string) error {
	src, err := regularfile.Open(from)
	if errors.Is(err, regularfile.ErrNotRegular) {
		return claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
	}
	if err != nil {
		return claims.Errorf(claims.ENOTFOUND, "Cannot read %s: %v.", from, err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	defer dst.Close()
	if _, err := io.Copy(dst, src); err != nil {
		return fmt.Errorf("merge: copy %s: %w", from, err)
	}
	return nil
}

func checkOtherSchema(o *bolt.Tx) error {
	v, ok := readVersion(o)
	switch {
	case !ok:
		return claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
	case v > SchemaVersion:
		return claims.Errorf(claims.EINVALID, "This file was made by a newer ClaimDesk (schema %d; this one reads up to %d). Update ClaimDesk to merge it.", v, SchemaVersion)
	}
	for _, b := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections, bucketEvents} {
		if o.Bucket(b) == nil {
			return claims.Errorf(claims.EINVALID, "This file is damaged: its %s are missing.", b)
		}
	}
	return nil
}

// merger merges the other file (o) into this one (t).
type merger struct {
	t      *tx
	o      *bolt.Tx
	in     *checkIn
	report *claims.MergeReport
	claims map[string]bool // keys of the claims the merge touched
}

func newMerger(t *tx, o *bolt.Tx) *merger {
	return &merger{t: t, o: o, in: newCheckIn(claims.Textf("other file"), t),
		report: &claims.MergeReport{Added: map[string]int{}, Updated: map[string]int{}}, claims: map[string]bool{}}
}

func (m *merger) run() error {
	if err := m.settings(); err != nil {
		return err
	}
	sections := []struct {
		bucket []byte
		check  func(json.RawMessage) (*inRecord, error)
	}{{bucketArticles, m.in.article}, {bucketSources, m.in.source}, {bucketClaims, m.in.claim}, {bucketEvidence, m.in.evidence}}
	for _, s := range sections {
		ours := m.t.Bucket(s.bucket)
		err := m.o.Bucket(s.bucket).ForEach(func(k, v []byte) error {
			if bytes.Equal(ours.Get(k), v) {
				return nil // the same version, checked when it was written here
			}
			rec, err := s.check(v)
			if err != nil {
				return err
			}
			return m.record(rec)
		})
		if err != nil {
			return err
		}
	}
	for _, typ := range []string{"review", "correction"} {
		if err := m.children(typ); err != nil {
			return err
		}
	}
	if err := m.setAsides(); err != nil {
		return err
	}
	if err := m.t.checkClaimStates(m.claims); err != nil {
		return err
	}
	if err := m.events(); err != nil {
		return err
	}
	if !m.report.Changed() {
		return nil
	}
	r := m.report
	return m.t.appendEvent(change{action: "file.merge", recordType: "file", recordID: "merge",
		summary: fmt.Sprintf("merged another copy: %d added, %d updated, %d in conflict, %d history events",
			sum(r.Added), sum(r.Updated), len(r.Conflicts), r.Events)})
}

func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// record merges one record by its revisions: the version that descends
// from the other wins; two versions that do not are a conflict.
func (m *merger) record(rec *inRecord) error {
	ours := m.t.Bucket(rec.bucket).Get(rec.key)
	if ours == nil {
		if err := m.check(rec, nil, false); err != nil {
			return err
		}
		m.report.Added[rec.typ]++
		return m.t.putIncoming(rec)
	}
	var data json.RawMessage
	env, err := decodeEnvelope(ours, &data)
	if err != nil {
		return err
	}
	theirs := rec.env
	switch {
	case env.Revisions[0].Rev == theirs.Revisions[0].Rev, hasRevision(env, theirs.Revisions[0].Rev):
		return nil
	case hasRevision(theirs, env.Revisions[0].Rev):
		if err := m.check(rec, ours, true); err != nil {
			return err
		}
		m.report.Updated[rec.typ]++
		return m.t.putIncoming(rec)
	}
	if err := m.check(rec, ours, false); err != nil {
		return err
	}
	return m.conflict(rec, env, ours)
}

// check holds an incoming record to the rules, and notes a claim whose
// state is to be checked once its reviews and corrections are merged.
func (m *merger) check(rec *inRecord, ours []byte, descends bool) error {
	if rec.claim != nil {
		m.claims[string(rec.key)] = true
	}
	return checkAgainst(rec, ours, descends)
}

func hasRevision(env *envelope, rev string) bool {
	for _, r := range env.Revisions {
		if r.Rev == rev {
			return true
		}
	}
	return false
}

// later reports whether revision a comes after b. Ties on time fall to the
// revision ID, so both copies pick the same version whichever way they merge.
func later(a, b revision) bool {
	if !a.At.Equal(b.At) {
		return a.At.After(b.At)
	}
	return a.Rev > b.Rev
}

// conflict keeps the later version in place and sets the other aside.
func (m *merger) conflict(rec *inRecord, ours *envelope, oursRaw []byte) error {
	aside := oursRaw
	if later(rec.env.Revisions[0], ours.Revisions[0]) {
		if err := m.t.putIncoming(rec); err != nil {
			return err
		}
	} else {
		aside = rec.raw
	}
	added, err := m.t.setAside(rec.key, setAside{Type: rec.typ, ClaimID: rec.claimID, Record: aside})
	if err != nil || !added {
		return err
	}
	c, err := m.t.conflictOf(rec.key, setAside{Type: rec.typ, ClaimID: rec.claimID, Record: aside})
	if err != nil {
		return err
	}
	m.report.Conflicts = append(m.report.Conflicts, *c)
	return nil
}

// setAside stores a version beside the record, unless it is there already,
// in the JSON form that the list of versions set aside holds.
func (t *tx) setAside(key []byte, v setAside) (bool, error) {
	var err error
	if v.Record, err = jsonEnvelope(v.Record); err != nil {
		return false, err
	}
	var list []setAside
	if raw := t.Bucket(bucketConflicts).Get(key); raw != nil {
		if err := json.Unmarshal(raw, &list); err != nil {
			return false, fmt.Errorf("read the conflict of %x: %w", key, err)
		}
	}
	rev := revisionOf(v.Record)
	for _, old := range list {
		if revisionOf(old.Record) == rev {
			return false, nil
		}
	}
	raw, err := json.Marshal(append(list, v))
	if err != nil {
		return false, err
	}
	return true, t.put(bucketConflicts, key, raw)
}

func revisionOf(raw []byte) string {
	env, err := parseEnvelope(raw)
	if err != nil {
		return ""
	}
	return env.Revisions[0].Rev
}

// settings merge as a record does.
func (m *merger) settings() error {
	theirsRaw := m.o.Bucket(bucketMeta).Get(metaSettings)
	if theirsRaw == nil {
		return claims.Errorf(claims.EINVALID, "This file is damaged: its settings are missing.")
	}
	raw, err := checkSettings(theirsRaw, claims.Textf("other file"))
	if err != nil {
		return err
	}
	var data json.RawMessage
	theirs, _ := decodeEnvelope(raw, &data)
	oursRaw := m.t.Bucket(bucketMeta).Get(metaSettings)
	ours, err := decodeEnvelope(oursRaw, &data)
	if err != nil {
		return err
	}
	if ours.Revisions[0].Rev == theirs.Revisions[0].Rev || hasRevision(ours, theirs.Revisions[0].Rev) {
		return nil
	}
	if err := checkSettingsAgainst(oursRaw, raw); err != nil {
		return err
	}
	if hasRevision(theirs, ours.Revisions[0].Rev) {
		m.report.Updated["settings"]++
		return m.t.put(bucketMeta, metaSettings, raw)
	}
	aside := oursRaw
	if later(theirs.Revisions[0], ours.Revisions[0]) {
		if err := m.t.put(bucketMeta, metaSettings, raw); err != nil {
			return err
		}
	} else {
		aside = raw
	}
	added, err := m.t.setAside(settingsKey, setAside{Type: "settings", Record: aside})
	if err != nil || !added {
		return err
	}
	c, err := m.t.conflictOf(settingsKey, setAside{Type: "settings", Record: aside})
	if err == nil {
		m.report.Conflicts = append(m.report.Conflicts, *c)
	}
	return err
}

// children adds the reviews or corrections this file lacks: they are
// never edited, so there is nothing else to merge.
func (m *merger) children(typ string) error {
	bucket := map[string][]byte{"review": bucketReviews, "correction": bucketCorrections}[typ]
	return m.o.Bucket(bucket).ForEach(func(k, v []byte) error {
		if len(k) != 32 {
			return claims.Errorf(claims.EINVALID, "This file is damaged: a %s has a malformed key.", recordName(typ))
		}
		if bytes.Equal(m.t.Bucket(bucket).Get(k), v) {
			return nil
		}
		rec, err := m.in.child(childRecord{ClaimID: idString(k[:16]), Record: v}, typ)
		if err != nil || m.t.Bucket(bucket).Get(rec.key) != nil {
			return err
		}
		m.claims[string(k[:16])] = true
		m.report.Added[typ]++
		return m.t.putIncoming(rec)
	})
}

// events adds the other file's events this one lacks, each checked as any
// event from outside, and adopts the other file's chain heads, so that both
// histories verify in the merged file. The events of a file from before
// schema 4 are first rewritten as the migration to schema 4 rewrites them.
func (m *merger) events() error {
	heads := &upgraded{hashes: map[string]string{}}
	if v, _ := readVersion(m.o); v < 4 {
		up, err := m.rewrittenEvents()
		if err != nil {
			return err
		}
		heads = up
		for _, key := range sortedKeys(up.values) {
			if err := m.event([]byte(key), up.values[key]); err != nil {
				return err
			}
		}
	} else if err := m.o.Bucket(bucketEvents).ForEach(m.event); err != nil {
		return err
	}
	if m.report.Events == 0 {
		return nil
	}
	return m.adoptHeads(heads)
}

// event merges one of the other file's events.
func (m *merger) event(k, v []byte) error {
	if mine := m.t.Bucket(bucketEvents).Get(k); mine != nil {
		return m.sameEvent(k, mine, v)
	}
	e, err := m.in.event(k, v)
	if err != nil {
		return err
	}
	m.report.Events++
	return m.t.putEvent(k, v, e)
}

// rewrittenEvents reads the events of a file older than schema 4,
// rewritten as the migration to schema 4 rewrites them, and as this file
// rewrote those it shares.
func (m *merger) rewrittenEvents() (*upgraded, error) {
	values := map[string][]byte{}
	err := m.o.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		values[string(k)] = bytes.Clone(v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	up, err := upgradeEvents(values, rewrittenHashes(m.t.Bucket(bucketEvents)))
	if err != nil {
		return nil, claims.Errorf(claims.EINVALID, "The other file's history does not verify: %s", reason(err))
	}
	return up, nil
}

// sameEvent accepts the other file's version of an event this file has
// when it is the same event: the same bytes, or the same header (and so
// the same hash) with or without the body a copy for outside withheld. A
// body this file lacks is taken, once checked. Anything else means one of
// the two files was altered.
func (m *merger) sameEvent(key, mine, theirs []byte) error {
	if bytes.Equal(mine, theirs) {
		return nil
	}
	ours, errO := decodeEvent(key, mine)
	other, errT := decodeEvent(key, theirs)
	switch {
	case errO != nil || errT != nil:
	case other.storedHash == ours.storedHash && ours.event.Withheld && !other.event.Withheld && other.sound():
		return m.t.put(bucketEvents, key, theirs)
	case other.storedHash == ours.storedHash && other.event.Withheld:
		return nil
	case other.event.Withheld && !other.sound() && ours.event.LegacyHash == other.storedHash:
		return nil // withheld by an older ClaimDesk from this very event
	case ours.event.LegacyHash != "" && ours.event.LegacyHash == other.event.LegacyHash:
		// The same event of a file before schema 4, rewritten in a copy
		// that could not link it as this one did: its predecessor there
		// was withheld by an older ClaimDesk.
		return nil
	}
	return claims.Errorf(claims.EINVALID, "The other file's event %s differs from this file's: one of them was altered.", idString(key))
}

func (m *merger) adoptHeads(theirs *upgraded) error {
	meta := m.t.Bucket(bucketMeta)
	own := string(meta.Get(metaHistoryHead))
	set := map[string]bool{}
	other := append(mergedHeads(m.o.Bucket(bucketMeta)), string(m.o.Bucket(bucketMeta).Get(metaHistoryHead)))
	for i, h := range other {
		other[i] = theirs.newHead(h)
	}
	for _, h := range append(mergedHeads(meta), other...) {
		if h != "" && h != own {
			set[h] = true
		}
	}
	heads := make([]string, 0, len(set))
	for h := range set {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	raw, err := json.Marshal(heads)
	if err != nil {
		return err
	}
	if err := m.t.put(bucketMeta, metaMergedHeads, raw); err != nil {
		return err
	}
	check, err := verifyEvents(context.Background(), m.t.Tx)
	if err != nil {
		return err
	}
	if !check.OK() {
		return claims.Errorf(claims.EINVALID, "The other file's history does not verify: event %s %s.", check.Broken.EventID, check.Broken.Reason)
	}
	return nil
}

// setAsides brings in the versions the other copy's merges set aside and
// nobody settled there: a conflict shown in one copy stays shown in the
// merged file until someone settles it. A version this file's record
// already descends from was settled here, and stays settled.
func (m *merger) setAsides() error {
	theirs := m.o.Bucket(bucketConflicts)
	if theirs == nil {
		return nil // a file from before schema 3 kept none
	}
	return theirs.ForEach(func(k, v []byte) error {
		var list []setAside
		if err := json.Unmarshal(v, &list); err != nil {
			return claims.Errorf(claims.EINVALID, "This file is damaged: a conflict cannot be read.")
		}
		for _, aside := range list {
			if err := m.setAsideFrom(k, aside); err != nil {
				return err
			}
		}
		return nil
	})
}

func (m *merger) setAsideFrom(key []byte, aside setAside) error {
	raw, err := m.t.checkSetAside(key, aside)
	if err != nil {
		return err
	}
	current, err := m.t.currentRaw(key, aside.Type)
	if err != nil {
		return claims.Errorf(claims.EINVALID, "The other file has a conflict on a %s it does not have.", recordName(aside.Type))
	}
	var data json.RawMessage
	env, err := decodeEnvelope(current, &data)
	if err != nil {
		return err
	}
	if hasRevision(env, revisionOf(raw)) {
		return nil
	}
	aside.Record = raw
	added, err := m.t.setAside(key, aside)
	if err != nil || !added {
		return err
	}
	if aside.Type == "claim" {
		m.claims[string(key)] = true
	}
	c, err := m.t.conflictOf(key, aside)
	if err == nil {
		m.report.Conflicts = append(m.report.Conflicts, *c)
	}
	return err
}
