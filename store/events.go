package store

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"claimdesk/claims"
)

// An event is stored under its ID as its SHA-256, the length of its
// header, the header, then its body, which a copy for outside the newsroom
// may leave out:
//
//	hash (32 bytes) | header length (4, big-endian) | header | body
//
// Events written before schema 4 are stored as their hash then one JSON
// object (legacyEvent); the migration to schema 4 rewrites all of them but
// those already withheld, whose bodies are not in the file.
const eventHeaderAt = sha256.Size + 4

// eventValue returns what the file stores for e, which must be sealed.
func eventValue(e *claims.Event) []byte {
	header, body := e.HeaderBytes(), e.BodyBytes()
	if e.Withheld {
		body = nil
	}
	sum, _ := hex.DecodeString(e.Hash)
	out := make([]byte, 0, eventHeaderAt+len(header)+len(body))
	out = append(out, sum...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(header)))
	return append(append(out, header...), body...)
}

// newSalt returns the random salt of a new event's body.
func newSalt() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// storedEvent is an event as read back, with the hash stored beside it and
// what is wrong with it, if anything, for the history check to report.
type storedEvent struct {
	id         string // the ID of the key the event is stored under
	event      *claims.Event
	storedHash string
	legacy     string      // the event's hash before schema 4, or ""
	oldForm    bool        // stored in the form before schema 4
	problem    claims.Text // zero when the event is as it was written
}

func (se storedEvent) sound() bool { return se.problem.Format == "" }

// splitEvent returns the stored hash, header and body of a value in the
// current form, and false for a value in the form before schema 4.
func splitEvent(value []byte) (hash, header, body []byte, current bool, err error) {
	if len(value) < eventHeaderAt {
		return nil, nil, nil, false, fmt.Errorf("it is truncated")
	}
	if value[sha256.Size] == '{' {
		return value[:sha256.Size], value[sha256.Size:], nil, false, nil
	}
	n := binary.BigEndian.Uint32(value[sha256.Size:eventHeaderAt])
	if uint64(n) > uint64(len(value)-eventHeaderAt) {
		return nil, nil, nil, false, fmt.Errorf("its header runs past its end")
	}
	end := eventHeaderAt + int(n)
	return value[:sha256.Size], value[eventHeaderAt:end], value[end:], true, nil
}

// decodeEvent reads a stored event and checks it against its hash, its
// body against the header's commitment, and its ID against the key it is
// stored under. An event that fails is returned with the problem; only an
// event that cannot be read at all is an error.
func decodeEvent(key, value []byte) (storedEvent, error) {
	hash, header, body, current, err := splitEvent(value)
	if err != nil {
		return storedEvent{}, fmt.Errorf("event %s: %w", idString(key), err)
	}
	stored := hex.EncodeToString(hash)
	if !current {
		return decodeLegacy(key, header, stored)
	}
	e, err := parseEvent(header, body)
	if err != nil {
		return storedEvent{}, fmt.Errorf("event %s: %w", idString(key), err)
	}
	se := storedEvent{id: idString(key), event: e, storedHash: stored, legacy: e.LegacyHash}
	sum := sha256.Sum256(header)
	e.Hash = hex.EncodeToString(sum[:])
	switch {
	case e.Hash != stored, !bytes.Equal(e.HeaderBytes(), header):
		se.problem = claims.Textf("it was altered after it was written (its content no longer matches its hash)")
	case !e.Withheld && (e.ComputeBodyHash() != e.BodyHash || !bytes.Equal(e.BodyBytes(), body)):
		se.problem = claims.Textf("its summary or changes were altered after it was written (they no longer match its hash)")
	case e.ID != idString(key):
		se.problem = claims.Textf("it is a copy of another event, stored under a key not its own")
	}
	return se, nil
}

// parseEvent decodes a header and, unless it is empty, a body, in the
// binary form or the JSON form of schemas 4 and 5.
func parseEvent(header, body []byte) (*claims.Event, error) {
	if claims.IsWireHeader(header) {
		return claims.ParseWireEvent(header, body)
	}
	var h struct {
		V                                         int
		ID, At, Actor, Action, Body, Legacy, Prev string
		RecordType                                string `json:"record_type"`
		RecordID                                  string `json:"record_id"`
		ClaimID                                   string `json:"claim_id"`
	}
	if err := json.Unmarshal(header, &h); err != nil || h.V != claims.JSONEventFormat {
		return nil, fmt.Errorf("its header cannot be read")
	}
	at, err := time.Parse(time.RFC3339Nano, h.At)
	if err != nil {
		return nil, fmt.Errorf("its time cannot be read")
	}
	e := &claims.Event{ID: h.ID, At: at, Actor: h.Actor, Action: h.Action, RecordType: h.RecordType, RecordID: h.RecordID,
		ClaimID: h.ClaimID, BodyHash: h.Body, LegacyHash: h.Legacy, Prev: h.Prev, Withheld: len(body) == 0,
		Format: claims.JSONEventFormat}
	if e.Withheld {
		return e, nil
	}
	var b struct{ Salt, Summary, Before, After string }
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("its body cannot be read")
	}
	e.Salt, e.Summary, e.Before, e.After = b.Salt, b.Summary, b.Before, b.After
	return e, nil
}

// linkOf reads what verifying the chain needs of an event: its hash, its
// link and that it is the event its key names. An event whose bytes match
// its hash and commitment, in the exact form this program writes, needs no
// more than its header: in the JSON form not even decoding, since its
// header starts with its ID and ends with its link, and a JSON string
// cannot hide the field names looked for, since it escapes quotes. Any
// other event is decoded in full, to say what is wrong.
func linkOf(key, value []byte) (storedEvent, error) {
	if se, ok := quickLink(key, value); ok {
		return se, nil
	}
	return decodeEvent(key, value)
}

func quickLink(key, value []byte) (storedEvent, bool) {
	hash, header, body, current, err := splitEvent(value)
	if err != nil || !current {
		return storedEvent{}, false
	}
	sum := sha256.Sum256(header)
	if claims.IsWireHeader(header) {
		return quickWireLink(key, sum, hash, header, body)
	}
	prefix := `{"v":2,"id":"` + idString(key) + `","at":"`
	if !bytes.Equal(sum[:], hash) || !bytes.HasPrefix(header, []byte(prefix)) {
		return storedEvent{}, false
	}
	if len(body) > 0 {
		committed, ok := hashField(header, `,"body":"`)
		bodySum := sha256.Sum256(body)
		if !ok || committed != hex.EncodeToString(bodySum[:]) {
			return storedEvent{}, false
		}
	}
	prev, ok := tailPrev(header)
	if !ok {
		return storedEvent{}, false
	}
	legacy, _ := hashField(header, `,"legacy":"`)
	h := hex.EncodeToString(hash)
	return storedEvent{id: idString(key), event: &claims.Event{ID: idString(key), Prev: prev, Hash: h}, storedHash: h, legacy: legacy}, true
}

// quickWireLink is quickLink for an event in the binary form: its header
// is read, which is quick, and its body only hashed.
func quickWireLink(key []byte, sum [sha256.Size]byte, hash, header, body []byte) (storedEvent, bool) {
	e, err := claims.ParseWireEvent(header, nil)
	if err != nil || e.ID != idString(key) || !bytes.Equal(sum[:], hash) || !bytes.Equal(e.HeaderBytes(), header) {
		return storedEvent{}, false
	}
	if len(body) > 0 {
		bodySum := sha256.Sum256(body)
		if hex.EncodeToString(bodySum[:]) != e.BodyHash {
			return storedEvent{}, false
		}
	}
	h := hex.EncodeToString(hash)
	return storedEvent{id: e.ID, event: &claims.Event{ID: e.ID, Prev: e.Prev, Hash: h}, storedHash: h, legacy: e.LegacyHash}, true
}

// hashField returns the hash that follows name (`,"body":"`) in a header.
func hashField(header []byte, name string) (string, bool) {
	i := bytes.Index(header, []byte(name))
	if i < 0 || i+len(name)+2*sha256.Size >= len(header) {
		return "", false
	}
	start := i + len(name)
	return string(header[start : start+2*sha256.Size]), header[start+2*sha256.Size] == '"'
}

// withhold returns the stored form of the event at key without its body,
// for a copy for outside the newsroom: the header, and so the hash and the
// links, stay as they are.
func withhold(key, value []byte) ([]byte, error) {
	_, header, _, current, err := splitEvent(value)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", idString(key), err)
	}
	if !current {
		// Nothing in this form commits to its body: the body goes, and the
		// event can no longer be proven, but nothing protected leaves.
		e, _, _, err := parseLegacy(header)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", idString(key), err)
		}
		w := legacyWithheld{ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), Actor: e.Actor, Action: e.Action,
			RecordType: e.RecordType, RecordID: e.RecordID, ClaimID: e.ClaimID, Prev: e.Prev, Withheld: true}
		return append(bytes.Clone(value[:sha256.Size]), legacyBytes(w)...), nil
	}
	return bytes.Clone(value[:eventHeaderAt+len(header)]), nil
}
