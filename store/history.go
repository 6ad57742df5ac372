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
	h := &historyLinks{problems: map[int]claims.Text{}, legacy: map[int]hashBytes{}}
	check := &claims.HistoryCheck{}
	err := btx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		if len(h.links)%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		se, err := linkOf(k, v)
		if err != nil {
			fail(check, idString(k), time.Time{}, claims.Textf("it cannot be read: %v", err))
			return nil
		}
		h.add(k, se)
		return nil
	})
	if err != nil {
		return nil, err
	}
	check.Events = len(h.links)
	meta := btx.Bucket(bucketMeta)
	heads := map[string]bool{string(meta.Get(metaHistoryHead)): true}
	for _, head := range mergedHeads(meta) {
		heads[head] = true
	}
	delete(heads, "")
	h.check(check, heads, func(key []byte) time.Time {
		if se, err := decodeEvent(key, btx.Bucket(bucketEvents).Get(key)); err == nil {
			return se.event.At
		}
		return time.Time{}
	})
	return check, nil
}

// hashBytes is a SHA-256 as bytes: the history check holds one or two per
// event, and as hex strings in maps they took most of its memory.
type hashBytes [32]byte

// hashOf returns the bytes of a SHA-256 in lowercase hex, the one way
// ClaimDesk writes one, and false for anything else.
func hashOf(s string) (hashBytes, bool) {
	var h hashBytes
	if !isHexHash(s) {
		return h, false
	}
	_, err := hex.Decode(h[:], []byte(s))
	return h, err == nil
}

// link is what verifying the chain needs of one event.
type link struct {
	key        [16]byte
	hash, prev hashBytes
	hasPrev    bool // it names an event before it
	prevBad    bool // what it names is no SHA-256: it links to nothing
	oldForm    bool // stored in the form before schema 4
	altered    bool // its content no longer matches its stored hash
}

// historyLinks are the links of a file's events, in key order, with what
// is rare kept aside: problems and hashes from before schema 4.
type historyLinks struct {
	links    []link
	problems map[int]claims.Text
	legacy   map[int]hashBytes
}

func (h *historyLinks) add(key []byte, se storedEvent) {
	l := link{oldForm: se.oldForm, altered: se.event.Hash != se.storedHash}
	copy(l.key[:], key)
	var ok bool
	if l.hash, ok = hashOf(se.storedHash); !ok {
		l.altered = true
	}
	if se.event.Prev != "" {
		l.hasPrev = true
		l.prev, ok = hashOf(se.event.Prev)
		l.prevBad = !ok
	}
	i := len(h.links)
	if !se.sound() {
		h.problems[i] = se.problem
	}
	if legacy, ok := hashOf(se.legacy); ok {
		h.legacy[i] = legacy
	}
	h.links = append(h.links, l)
}

// check finds, in time order, the first event that was altered, whose
// predecessor is missing, or that neither a later event nor a known head
// (this file's, or one merged from another copy) points to. The events that
// nothing follows are the heads of the chains. at gives the time of the
// event under a key.
func (h *historyLinks) check(check *claims.HistoryCheck, heads map[string]bool, at func(key []byte) time.Time) {
	stored := make(map[hashBytes]bool, len(h.links))
	followed := make(map[hashBytes]bool, len(h.links))
	// An event withheld by an older ClaimDesk links to the old hash of the
	// event before it: that event is followed, and the withheld one is the
	// break to report. It breaks the history whatever it links to.
	followedByOld := map[hashBytes]bool{}
	for _, l := range h.links {
		stored[l.hash] = true
		if l.hasPrev && !l.prevBad {
			followed[l.prev] = true
			if l.oldForm {
				followedByOld[l.prev] = true
			}
		}
	}
	recorded := map[hashBytes]bool{}
	for head := range heads {
		hb, ok := hashOf(head)
		if !ok || !stored[hb] {
			fail(check, "", time.Time{}, claims.Textf("the latest event of the history is missing"))
			continue
		}
		recorded[hb] = true
	}
	for i, l := range h.links {
		legacy, hasLegacy := h.legacy[i]
		isFollowed := followed[l.hash] || (hasLegacy && followedByOld[legacy])
		id := idString(l.key[:])
		problem, bad := h.problems[i]
		switch {
		case bad:
			fail(check, id, at(l.key[:]), problem)
		case l.altered:
			fail(check, id, at(l.key[:]), claims.Textf("it was altered after it was written (its content no longer matches its hash)"))
		case l.hasPrev && (l.prevBad || !stored[l.prev]):
			fail(check, id, at(l.key[:]), claims.Textf("the event before it is missing or was altered"))
		case !isFollowed && !recorded[l.hash]:
			fail(check, id, at(l.key[:]), claims.Textf("no later event links to it: an event after it was removed, or it was inserted"))
		}
		if !isFollowed {
			check.Heads = append(check.Heads, hex.EncodeToString(l.hash[:]))
		}
	}
	sort.Strings(check.Heads)
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

// fail records a broken link unless an earlier one is already recorded.
// UUIDv7 strings sort in time order; an unnamed event sorts last.
func fail(check *claims.HistoryCheck, id string, at time.Time, reason claims.Text) {
	if b := check.Broken; b != nil && (id == "" || (b.EventID != "" && b.EventID <= id)) {
		return
	}
	check.Broken = &claims.BrokenLink{EventID: id, At: at, Reason: reason}
}
