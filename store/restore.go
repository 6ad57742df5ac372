package store

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"sort"

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
	Conflicts   []dumpedConflict  `json:"conflicts"`
}

// Restore creates a database at path from a JSON dump of a whole database,
// in one transaction. Every record is validated as if it were typed in,
// references must resolve and the history must verify; otherwise Restore
// returns EINVALID naming the first fault and leaves no file behind. A path
// that exists already is ECONFLICT: a restore never overwrites. The file is
// made under another name and appears at path only when complete, so a
// crash or a full disk half-way leaves nothing to block a second try. A
// dump larger than claims.MaxDumpSize is refused before it is read whole.
func Restore(ctx context.Context, path string, r io.Reader, opts Options) (*DB, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, claims.Errorf(claims.ECONFLICT, "%s already exists; restore into a new file.", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, claims.FileError(path, err)
	}
	d, err := readDump(r, claims.MaxDumpSize)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opts.Fill = func(db *DB) error {
		return db.bolt.Update(func(btx *bolt.Tx) error {
			t := &tx{Tx: btx, db: db, now: db.now().UTC(), actor: Program}
			return firstErr(t.restore(d), t.flushStaged())
		})
	}
	db, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	if !db.Created() {
		db.Close()
		return nil, claims.Errorf(claims.ECONFLICT, "%s already exists; restore into a new file.", path)
	}
	return db, nil
}

// readDump decodes a dump of at most limit bytes, and refuses a larger one
// as soon as it has read past the limit.
func readDump(r io.Reader, limit int64) (*dump, error) {
	var d dump
	limited := &io.LimitedReader{R: r, N: limit + 1}
	dec := json.NewDecoder(limited)
	err := dec.Decode(&d)
	trailing := false
	if err == nil {
		_, tokErr := dec.Token()
		trailing = tokErr != io.EOF
	}
	switch {
	case limited.N <= 0:
		return nil, claims.ErrDumpTooLarge()
	case err != nil:
		return nil, claims.Errorf(claims.EINVALID, "This is not a ClaimDesk JSON dump: %v.", err)
	case trailing:
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

func (t *tx) restore(d *dump) error {
	in := newCheckIn(claims.Textf("dump"), nil)
	if err := t.restoreSettings(d.Settings); err != nil {
		return err
	}
	sections := []struct {
		list  []json.RawMessage
		check func(json.RawMessage) (*inRecord, error)
	}{{d.Articles, in.article}, {d.Sources, in.source}, {d.Claims, in.claim}, {d.Evidence, in.evidence}}
	restoredClaims := map[string]bool{}
	for _, s := range sections {
		for _, raw := range s.list {
			rec, err := s.check(raw)
			if err != nil {
				return err
			}
			if err := checkAgainst(rec, nil, false); err != nil {
				return err
			}
			if rec.claim != nil {
				restoredClaims[string(rec.key)] = true
			}
			if err := t.putIncoming(rec); err != nil {
				return err
			}
		}
	}
	for _, children := range []struct {
		list []childRecord
		typ  string
	}{{d.Reviews, "review"}, {d.Corrections, "correction"}} {
		for _, child := range children.list {
			rec, err := in.child(child, children.typ)
			if err != nil {
				return err
			}
			if err := t.putIncoming(rec); err != nil {
				return err
			}
		}
	}
	if err := t.restoreEvents(in, d.Events, d.HistoryHead, d.MergedHeads); err != nil {
		return err
	}
	if err := t.restoreConflicts(d.Conflicts); err != nil {
		return err
	}
	return t.checkClaimStates(restoredClaims)
}

func (t *tx) restoreSettings(raw json.RawMessage) error {
	out, err := checkSettings(raw, claims.Textf("dump"))
	if err != nil {
		return err
	}
	return t.put(bucketMeta, metaSettings, out)
}

// checkSettings validates settings from outside and returns the bytes to store.
func checkSettings(raw json.RawMessage, from claims.Text) ([]byte, error) {
	var rec settingsRecord
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return nil, claims.Errorf(claims.EINVALID, "The %s's settings cannot be read: %v.", from, err)
	}
	if err := rec.settings().Validate(); err != nil {
		return nil, claims.Errorf(claims.EINVALID, "The %s's settings are invalid: %s", from, reason(err))
	}
	if !revisionsNamed(env) {
		return nil, claims.Errorf(claims.EINVALID, "The %s's settings have a revision without a name or author.", from)
	}
	if env.Data, err = json.Marshal(rec); err != nil {
		return nil, err
	}
	return env.encode()
}

// restoreEvents stores the events as they were, after checking that each is
// in canonical form and matches its hash, then requires the whole history
// to verify: a restored file must be as trustworthy as the one dumped.
// Events of a dump from before schema 4 are first rewritten as the
// migration to schema 4 rewrites them, heads and all.
func (t *tx) restoreEvents(in *checkIn, events []dumpedEvent, head string, merged []string) error {
	values := make(map[string][]byte, len(events))
	for _, de := range events {
		key, value, err := de.storedForm(claims.Textf("dump"))
		if err != nil {
			return err
		}
		if values[string(key)] != nil {
			return claims.Errorf(claims.EINVALID, "The %s has an event with a bad or repeated ID (%s).", claims.Textf("dump"), idString(key))
		}
		values[string(key)] = value
	}
	up, err := upgradeEvents(values, nil)
	if err != nil {
		return claims.Errorf(claims.EINVALID, "The %s has an unreadable event: %v.", claims.Textf("dump"), err)
	}
	for _, key := range sortedKeys(up.values) {
		e, err := in.event([]byte(key), up.values[key])
		if err != nil {
			return err
		}
		if err := t.putEvent([]byte(key), up.values[key], e); err != nil {
			return err
		}
	}
	if err := t.put(bucketMeta, metaHistoryHead, []byte(up.newHead(head))); err != nil {
		return err
	}
	if err := t.putMergedHeads(merged, up); err != nil {
		return err
	}
	check, err := verifyEvents(context.Background(), t.Tx)
	if err != nil {
		return err
	}
	if !check.OK() {
		return claims.Errorf(claims.EINVALID, "The dump's history does not verify: event %s %s.", check.Broken.EventID, check.Broken.Reason)
	}
	return nil
}

// putMergedHeads stores the heads of the chains merged in, each as its
// events were rewritten.
func (t *tx) putMergedHeads(merged []string, up *upgraded) error {
	if len(merged) == 0 {
		return nil
	}
	heads := make([]string, len(merged))
	for i, h := range merged {
		if !isHexHash(h) {
			return claims.Errorf(claims.EINVALID, "The dump names a merged history whose head is not a SHA-256.")
		}
		heads[i] = up.newHead(h)
	}
	raw, err := json.Marshal(heads)
	if err != nil {
		return err
	}
	return t.put(bucketMeta, metaMergedHeads, raw)
}

// sortedKeys returns the keys of m in order, as bbolt takes them fastest.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// restoreConflicts stores the versions merges set aside, each checked as
// the record it is, beside a record the dump holds.
func (t *tx) restoreConflicts(conflicts []dumpedConflict) error {
	for _, c := range conflicts {
		key := settingsKey
		if c.RecordID != string(settingsKey) {
			var err error
			if key, err = parseID("Record", c.RecordID); err != nil {
				return claims.Errorf(claims.EINVALID, "The dump has a conflict on a record with a bad ID (%.40q).", c.RecordID)
			}
		}
		var versions []setAside
		if err := json.Unmarshal(c.Versions, &versions); err != nil || len(versions) == 0 {
			return claims.Errorf(claims.EINVALID, "The dump's conflict on %s cannot be read.", c.RecordID)
		}
		for _, v := range versions {
			if err := t.restoreSetAside(key, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// restoreSetAside checks one version set aside as a record from outside,
// which must be the record at key, and stores it.
func (t *tx) restoreSetAside(key []byte, v setAside) error {
	if _, err := t.currentRaw(key, v.Type); err != nil {
		return claims.Errorf(claims.EINVALID, "The dump has a conflict on a %s it does not have.", recordName(v.Type))
	}
	raw, err := t.checkSetAside(key, v)
	if err != nil {
		return err
	}
	v.Record = raw
	_, err = t.setAside(key, v)
	return err
}
