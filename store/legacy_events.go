package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"claimdesk/claims"
)

// legacyEvent is an event as files before schema 4 stored it: one JSON
// object hashed whole, or, withheld in a copy for outside the newsroom,
// without its summary and changes and with nothing that committed to
// them. Its field order is fixed: the hashes of those files depend on it.
type legacyEvent struct {
	ID         string `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Action     string `json:"action"`
	RecordType string `json:"record_type"`
	RecordID   string `json:"record_id"`
	ClaimID    string `json:"claim_id"`
	Summary    string `json:"summary"`
	Before     string `json:"before"`
	After      string `json:"after"`
	Prev       string `json:"prev"`
}

// legacyWithheld is the form of a legacy event withheld from a copy.
type legacyWithheld struct {
	ID         string `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Action     string `json:"action"`
	RecordType string `json:"record_type"`
	RecordID   string `json:"record_id"`
	ClaimID    string `json:"claim_id"`
	Prev       string `json:"prev"`
	Withheld   bool   `json:"withheld"`
}

func legacyBytes(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a struct of strings always encodes
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// parseLegacy decodes a legacy event and reports whether it was withheld
// and whether body is exactly its canonical form.
func parseLegacy(body []byte) (*claims.Event, bool, bool, error) {
	var w legacyWithheld
	var l legacyEvent
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, false, false, fmt.Errorf("it cannot be read")
	}
	if err := json.Unmarshal(body, &l); err != nil {
		return nil, false, false, fmt.Errorf("it cannot be read")
	}
	at, err := time.Parse(time.RFC3339Nano, l.At)
	if err != nil {
		return nil, false, false, fmt.Errorf("its time cannot be read")
	}
	e := &claims.Event{ID: l.ID, At: at, Actor: l.Actor, Action: l.Action, RecordType: l.RecordType,
		RecordID: l.RecordID, ClaimID: l.ClaimID, Summary: l.Summary, Before: l.Before, After: l.After, Prev: l.Prev}
	canonical := legacyBytes(l)
	if w.Withheld {
		canonical = legacyBytes(w)
		e.Summary, e.Before, e.After = "", "", ""
	}
	return e, w.Withheld, bytes.Equal(canonical, body), nil
}

// decodeLegacy reads an event in the form before schema 4. None belongs in
// a file of schema 4: the migration rewrote every one it could, and those
// withheld by an older ClaimDesk cannot be proven, since nothing in them
// commits to what they show.
func decodeLegacy(key, body []byte, stored string) (storedEvent, error) {
	e, withheld, canonical, err := parseLegacy(body)
	if err != nil {
		return storedEvent{}, fmt.Errorf("event %s: %w", idString(key), err)
	}
	e.Withheld, e.Hash = withheld, stored
	se := storedEvent{id: idString(key), event: e, storedHash: stored, oldForm: true}
	switch {
	case withheld:
		se.problem = claims.Textf("it was withheld by an older ClaimDesk, which did not commit to what it left out, so what it shows cannot be proven")
	case !canonical || sha256.Sum256(body) != mustHash(stored):
		se.problem = claims.Textf("it was altered after it was written (its content no longer matches its hash)")
	default:
		se.problem = claims.Textf("it is still in the form of files before schema 4, which no ClaimDesk writes any more")
	}
	return se, nil
}

func mustHash(s string) [sha256.Size]byte {
	var out [sha256.Size]byte
	b, err := hex.DecodeString(s)
	if err == nil && len(b) == sha256.Size {
		copy(out[:], b)
	}
	return out
}

// upgraded is the result of bringing legacy events to the current form.
type upgraded struct {
	values map[string][]byte // by event key: the value to store
	hashes map[string]string // the old hash of each rewritten event → its new one
}

// upgradeEvents rewrites events in the form before schema 4 as events
// that commit to their bodies, and relinks each to the new hash of the one
// before it. The result depends on the events alone (the salt of a
// rewritten event is drawn from its old bytes), so two copies of a file
// rewrite the same event to the same bytes, and still merge. An event
// already withheld has no body to commit to: it stays as it is, and its
// successor keeps its link to it. Events already in the current form are
// kept as they are. The values are checked against their hashes first: an
// altered event is kept as it is, not rewritten into one that verifies.
//
// known gives, for events this file rewrote already, their new hash by
// their old one: the successor of an event another copy withheld links to
// it as this file rewrote it, and so is rewritten as this file rewrote it.
func upgradeEvents(values map[string][]byte, known map[string]string) (*upgraded, error) {
	up := &upgraded{values: map[string][]byte{}, hashes: map[string]string{}}
	legacy := map[string]*claims.Event{} // by old hash
	keyOf := map[string]string{}         // old hash → key
	oldBytes := map[string][]byte{}      // old hash → canonical bytes
	for key, value := range values {
		hash, body, _, current, err := splitEvent(value)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", idString([]byte(key)), err)
		}
		if current {
			up.values[key] = value
			continue
		}
		e, withheld, canonical, err := parseLegacy(body)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", idString([]byte(key)), err)
		}
		old := hex.EncodeToString(hash)
		if withheld {
			up.values[key] = value
			continue
		}
		if sum := sha256.Sum256(body); !canonical || !bytes.Equal(sum[:], hash) {
			// Rewritten, it would verify: left as it is, the history
			// check reports it, and no merge or restore takes it.
			up.values[key] = value
			continue
		}
		legacy[old], keyOf[old], oldBytes[old] = e, key, body
	}
	for old, now := range known {
		if legacy[old] == nil {
			up.hashes[old] = now
		}
	}
	for old := range legacy {
		up.rewrite(old, legacy, keyOf, oldBytes)
	}
	return up, nil
}

// rewrite gives the legacy event with hash old its new form, after the
// events before it, walking back the chain without recursion: a chain is
// as long as the history.
func (up *upgraded) rewrite(old string, legacy map[string]*claims.Event, keyOf map[string]string, oldBytes map[string][]byte) {
	var stack []string
	for h := old; ; {
		if _, done := up.hashes[h]; done || legacy[h] == nil {
			break
		}
		stack = append(stack, h)
		h = legacy[h].Prev
	}
	for i := len(stack) - 1; i >= 0; i-- {
		h := stack[i]
		e := *legacy[h]
		if prev, ok := up.hashes[e.Prev]; ok {
			e.Prev = prev
		}
		salt := sha256.Sum256(append([]byte("ClaimDesk event salt\x00"), oldBytes[h]...))
		e.Salt, e.LegacyHash = hex.EncodeToString(salt[:16]), h
		// The form schema 4 rewrote them in, so that every copy rewrites an
		// event to the same bytes, whichever ClaimDesk did it.
		e.Format = claims.JSONEventFormat
		e.Seal()
		up.hashes[h] = e.Hash
		up.values[keyOf[h]] = eventValue(&e)
	}
}

// newHead returns the new hash of the event whose old hash was h, or h.
func (up *upgraded) newHead(h string) string {
	if n, ok := up.hashes[h]; ok {
		return n
	}
	return h
}

// rewrittenHashes maps the old hash of each event of the bucket rewritten
// at schema 4 to its hash today.
func rewrittenHashes(events interface {
	ForEach(func(k, v []byte) error) error
}) map[string]string {
	known := map[string]string{}
	_ = events.ForEach(func(k, v []byte) error {
		if se, err := decodeEvent(k, v); err == nil && se.event.LegacyHash != "" {
			known[se.event.LegacyHash] = se.storedHash
		}
		return nil
	})
	return known
}
