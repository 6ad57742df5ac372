package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// change describes one event before it is chained: what happened to which
// record, and the record's fields before and after.
type change struct {
	action     string
	recordType string
	recordID   string
	claimID    string
	summary    string
	before     any // a record struct, or nil when the record is new
	after      any
}

// appendEvent chains an event for ch onto this file's history.
func (t *tx) appendEvent(ch change) error {
	before, after, err := diff(ch.before, ch.after)
	if err != nil {
		return err
	}
	meta := t.Bucket(bucketMeta)
	id := t.db.ids.next(t.now)
	e := claims.Event{
		ID: id.String(), At: t.now, Actor: t.actor, Action: ch.action,
		RecordType: ch.recordType, RecordID: ch.recordID, ClaimID: ch.claimID,
		Summary: ch.summary, Before: before, After: after, Salt: newSalt(),
		Prev: string(meta.Get(metaHistoryHead)),
	}
	if err := e.Validate(); err != nil {
		return err
	}
	e.Seal()
	if err := firstErr(
		t.put(bucketEvents, id[:], eventValue(&e)),
		t.put(bucketMeta, metaHistoryHead, []byte(e.Hash)),
	); err != nil {
		return err
	}
	if err := t.indexEventByRecord(id[:], &e); err != nil || ch.claimID == "" {
		return err
	}
	claimKey, err := parseID("Claim", ch.claimID)
	if err != nil {
		return err
	}
	t.stage(bucketClaimEvents, joinKey(claimKey, id[:]), true)
	return nil
}

// diff returns the fields of before and after that differ, each side as
// compact JSON, so an event says what changed without copying whole records.
func diff(before, after any) (string, string, error) {
	if isNil(before) && !isNil(after) {
		created, err := compactRecord(after)
		return "", created, err
	}
	b, err := fieldsOf(before)
	if err != nil {
		return "", "", err
	}
	a, err := fieldsOf(after)
	if err != nil {
		return "", "", err
	}
	for k, v := range b {
		if w, ok := a[k]; ok && reflect.DeepEqual(v, w) {
			delete(a, k)
			delete(b, k)
		}
	}
	return compactJSON(b), compactJSON(a), nil
}

func isNil(record any) bool {
	return record == nil || reflect.ValueOf(record).IsNil()
}

// compactRecord encodes a whole new record, as a creation changes every field.
func compactRecord(record any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(record); err != nil {
		return "", fmt.Errorf("describe change: %w", err)
	}
	return string(bytes.TrimSpace(buf.Bytes())), nil
}

func fieldsOf(record any) (map[string]any, error) {
	fields := map[string]any{}
	if isNil(record) {
		return fields, nil
	}
	raw, err := json.Marshal(record)
	if err != nil {
		return nil, fmt.Errorf("describe change: %w", err)
	}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("describe change: %w", err)
	}
	return fields, nil
}

func compactJSON(fields map[string]any) string {
	if len(fields) == 0 {
		return ""
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(fields) // maps of decoded JSON always encode
	return string(bytes.TrimSpace(buf.Bytes()))
}

// FindEvents returns the history events that match the filter, oldest first.
func (db *DB) FindEvents(ctx context.Context, f claims.EventFilter) ([]*claims.Event, error) {
	var out []*claims.Event
	err := db.view(ctx, func(t *tx) error {
		var err error
		out, err = t.findEvents(f)
		return err
	})
	return out, err
}

func (t *tx) findEvents(f claims.EventFilter) ([]*claims.Event, error) {
	var out []*claims.Event
	add := func(k, v []byte) error {
		se, err := decodeEvent(k, v)
		if err != nil {
			return err
		}
		if f.RecordID == "" || se.event.RecordID == f.RecordID {
			out = append(out, se.event)
		}
		return nil
	}
	events := t.Bucket(bucketEvents)
	if f.ClaimID == "" && f.RecordID == "" {
		if err := events.ForEach(add); err != nil {
			return nil, err
		}
	} else {
		keys, err := t.eventKeys(f)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if err := add(k, events.Get(k)); err != nil {
				return nil, err
			}
		}
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[len(out)-f.Limit:]
	}
	return out, nil
}

// eventKeys returns, oldest first, the keys of the events the filter may
// select: a claim's, or a record's, which is a claim or has an index of its
// own.
func (t *tx) eventKeys(f claims.EventFilter) ([][]byte, error) {
	id, what, index := f.ClaimID, "Claim", []*bolt.Bucket{t.Bucket(bucketClaimEvents)}
	if id == "" {
		id, what, index = f.RecordID, "Record", append(index, t.Bucket(bucketRecordEvents))
	}
	parent, err := parseID(what, id)
	if err != nil {
		return nil, err
	}
	var keys [][]byte
	for _, b := range index {
		keys = append(keys, childKeys(b, parent)...)
	}
	if len(index) > 1 {
		slices.SortFunc(keys, bytes.Compare)
	}
	return keys, nil
}

// childKeys returns the second halves of the keys of b that begin with
// parent, in order.
func childKeys(b *bolt.Bucket, parent []byte) [][]byte {
	var out [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(parent); bytes.HasPrefix(k, parent); k, _ = c.Next() {
		out = append(out, k[len(parent):])
	}
	return out
}

// FindEventByHash returns the event with hash as its hash or its hash
// before schema 4.
func (db *DB) FindEventByHash(ctx context.Context, hash string) (*claims.Event, error) {
	hash = strings.ToLower(strings.TrimSpace(hash))
	if !isHexHash(hash) {
		return nil, claims.Errorf(claims.EINVALID, "%.80q is not a SHA-256 written in hexadecimal.", hash)
	}
	var found *claims.Event
	err := db.view(ctx, func(t *tx) error {
		return t.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			if found != nil {
				return nil
			}
			if se, err := decodeEvent(k, v); err == nil && (se.storedHash == hash || se.event.LegacyHash == hash) {
				found = se.event
			}
			return nil
		})
	})
	if err == nil && found == nil {
		err = claims.Errorf(claims.ENOTFOUND, "No event of this file has the hash %s: the history it belongs to is not this file's, or was rewritten.", hash)
	}
	return found, err
}

// VerifyHistory checks every event's hash and every link of the chains, and
// names the earliest event that fails.
func (db *DB) VerifyHistory(ctx context.Context) (*claims.HistoryCheck, error) {
	var check *claims.HistoryCheck
	err := db.view(ctx, func(t *tx) error {
		var err error
		check, err = verifyEvents(ctx, t.Tx)
		return err
	})
	return check, err
}

func verifyEvents(ctx context.Context, btx *bolt.Tx) (*claims.HistoryCheck, error) {
	var all []storedEvent
	check := &claims.HistoryCheck{}
	err := btx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		if len(all)%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		se, err := linkOf(k, v)
		if err != nil {
			fail(check, idString(k), time.Time{}, claims.Textf("it cannot be read: %v", err))
			return nil
		}
		all = append(all, se)
		return nil
	})
	if err != nil {
		return nil, err
	}
	check.Events = len(all)
	meta := btx.Bucket(bucketMeta)
	heads := map[string]bool{string(meta.Get(metaHistoryHead)): true}
	for _, h := range mergedHeads(meta) {
		heads[h] = true
	}
	delete(heads, "")
	checkLinks(check, all, heads, func(id string) time.Time {
		key, _ := parseID("Event", id)
		if se, err := decodeEvent(key, btx.Bucket(bucketEvents).Get(key)); err == nil {
			return se.event.At
		}
		return time.Time{}
	})
	return check, nil
}

// tailPrev returns the value of the last field of an event's header, prev.
// JSON escapes quotes inside strings, so the field's name cannot be faked
// by the text before it.
func tailPrev(body []byte) (string, bool) {
	i := bytes.LastIndex(body, []byte(`,"prev":"`))
	if i < 0 || !bytes.HasSuffix(body, []byte(`"}`)) {
		return "", false
	}
	prev := string(body[i+len(`,"prev":"`) : len(body)-2])
	return prev, prev == "" || isHexHash(prev)
}

func isHexHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// mergedHeads returns the heads of the other copies' chains merged into
// this file: their last events are expected to have no successor here.
func mergedHeads(meta *bolt.Bucket) []string {
	var heads []string
	if raw := meta.Get(metaMergedHeads); raw != nil {
		_ = json.Unmarshal(raw, &heads) // unreadable: verification reports the heads as unlinked
	}
	return heads
}

// checkLinks finds, in time order, the first event that was altered, whose
// predecessor is missing, or that neither a later event nor a known head
// (this file's, or one merged from another copy) points to. The events that
// nothing follows are the heads of the chains.
func checkLinks(check *claims.HistoryCheck, all []storedEvent, heads map[string]bool, at func(id string) time.Time) {
	stored := make(map[string]bool, len(all))
	followed := make(map[string]bool, len(all))
	// An event withheld by an older ClaimDesk links to the old hash of the
	// event before it: that event is followed, and the withheld one is the
	// break to report. It breaks the history whatever it links to.
	followedByOld := map[string]bool{}
	for _, se := range all {
		stored[se.storedHash] = true
		followed[se.event.Prev] = true
		if se.oldForm {
			followedByOld[se.event.Prev] = true
		}
	}
	isFollowed := func(se storedEvent) bool {
		return followed[se.storedHash] || (se.legacy != "" && followedByOld[se.legacy])
	}
	for _, se := range all {
		e := se.event
		when := func() time.Time {
			if e.At.IsZero() {
				return at(se.id)
			}
			return e.At
		}
		switch {
		case !se.sound():
			fail(check, se.id, when(), se.problem)
		case e.Hash != se.storedHash:
			fail(check, se.id, when(), claims.Textf("it was altered after it was written (its content no longer matches its hash)"))
		case e.Prev != "" && !stored[e.Prev]:
			fail(check, se.id, when(), claims.Textf("the event before it is missing or was altered"))
		case !isFollowed(se) && !heads[se.storedHash]:
			fail(check, se.id, when(), claims.Textf("no later event links to it: an event after it was removed, or it was inserted"))
		}
		if !isFollowed(se) {
			check.Heads = append(check.Heads, se.storedHash)
		}
	}
	for head := range heads {
		if !stored[head] {
			fail(check, "", time.Time{}, claims.Textf("the latest event of the history is missing"))
		}
	}
	sort.Strings(check.Heads)
}

// fail records a broken link unless an earlier one is already recorded.
// UUIDv7 strings sort in time order; an unnamed event sorts last.
func fail(check *claims.HistoryCheck, id string, at time.Time, reason claims.Text) {
	if b := check.Broken; b != nil && (id == "" || (b.EventID != "" && b.EventID <= id)) {
		return
	}
	check.Broken = &claims.BrokenLink{EventID: id, At: at, Reason: reason}
}
