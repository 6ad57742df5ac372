package claims

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
)

// Event is one entry of a database's history. Each event names the event
// written before it in the same file by that event's SHA-256, so the history
// of a file is a hash chain, and that of merged files a tree of chains:
// altering, removing or reordering an entry breaks a link.
//
// An event is a header (who did what to which record, when, and the link)
// and a body (the summary and the fields that changed). The hash covers the
// header, and the header holds the SHA-256 of the body: every field shown
// is covered, and a copy for outside the newsroom can leave out the body of
// an event about a protected source while the chain still verifies and the
// header still proves who did what, when.
type Event struct {
	ID         string
	At         time.Time
	Actor      string
	Action     string // such as "claim.create", "claim.status", "verdict.set"
	RecordType string // "article", "claim", "source", "evidence", "review", ...
	RecordID   string
	ClaimID    string // the claim the event concerns, or ""
	Summary    string // one line for people: "in review → published"
	Before     string // compact JSON of the fields that changed, as they were
	After      string // the same fields as they became
	// Salt is random, hex, and part of the body: without it, someone with a
	// copy that withholds the body could test guesses of it against
	// BodyHash.
	Salt string
	// BodyHash is the hex SHA-256 of BodyBytes, kept in the header.
	BodyHash string
	// LegacyHash is the hash the event had in a file from before events
	// committed to their bodies (schema 3), so that a report printed then
	// can still be found in the chain; "" for later events.
	LegacyHash string
	Prev       string // hex SHA-256 of the previous event in its file; "" for the first
	Hash       string // hex SHA-256 of HeaderBytes
	// Withheld marks an event whose body was left out of a copy made for
	// outside the newsroom, because it names a protected source. Its
	// header, and so its hash, stay as they were.
	Withheld bool
	// Format is the form of the event's canonical bytes, fixed when it was
	// written: EventFormat for events written now, JSONEventFormat for the
	// events of schemas 4 and 5, which keep the form they were hashed in.
	// Zero stands for EventFormat.
	Format int

	read readForm
}

// Validate returns EINVALID when the event lacks what makes it an account
// of a change: who, when, what and to which record.
func (e *Event) Validate() error {
	if e.At.IsZero() {
		return Errorf(EINVALID, "The event has no time.")
	}
	if e.Prev != "" && !isHexHash(e.Prev) {
		return Errorf(EINVALID, "The event's link to the one before it is not a SHA-256.")
	}
	if e.LegacyHash != "" && !isHexHash(e.LegacyHash) {
		return Errorf(EINVALID, "The event's earlier hash is not a SHA-256.")
	}
	if e.Withheld && !isHexHash(e.BodyHash) {
		return Errorf(EINVALID, "The withheld event does not commit to what it leaves out.")
	}
	return firstError(
		checkRequired(Textf("The event's author"), e.Actor, MaxShortText),
		checkRequired(Textf("The event's action"), e.Action, 100),
		checkRequired(Textf("The event's record type"), e.RecordType, 100),
		checkRequired(Textf("The event's record"), e.RecordID, MaxShortText),
		checkText(Textf("The event's summary"), e.Summary, MaxLongText),
		checkText(Textf("The event's before"), e.Before, MaxArticleText),
		checkText(Textf("The event's after"), e.After, MaxArticleText),
		checkText(Textf("The event's salt"), e.Salt, 100),
	)
}

func isHexHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// EventFormat is the version of the header events are written in now,
// its first field: a compact binary form (see eventwire.go).
const EventFormat = 3

// JSONEventFormat is the version of the JSON header of the events written
// by schemas 4 and 5. A reader tells it from the form events had before,
// which has none.
const JSONEventFormat = 2

// eventHeader fixes the field order and spelling of the hashed bytes of
// the JSON form. Changing it breaks every chain written by schemas 4 and 5.
type eventHeader struct {
	Format     int    `json:"v"`
	ID         string `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Action     string `json:"action"`
	RecordType string `json:"record_type"`
	RecordID   string `json:"record_id"`
	ClaimID    string `json:"claim_id"`
	Body       string `json:"body"`
	Legacy     string `json:"legacy,omitempty"`
	Prev       string `json:"prev"`
}

// eventBody fixes the field order and spelling of the body's bytes.
type eventBody struct {
	Salt    string `json:"salt"`
	Summary string `json:"summary"`
	Before  string `json:"before"`
	After   string `json:"after"`
}

// HeaderBytes returns the bytes the event's hash is computed over: every
// field of the header, BodyHash included, in the event's format.
func (e *Event) HeaderBytes() []byte {
	if e.Format == JSONEventFormat {
		return e.jsonHeader()
	}
	return e.wireHeader()
}

// BodyBytes returns the canonical bytes of the body, whose SHA-256 is
// BodyHash, in the event's format.
func (e *Event) BodyBytes() []byte {
	if e.Format == JSONEventFormat {
		return canonicalJSON(eventBody{Salt: e.Salt, Summary: e.Summary, Before: e.Before, After: e.After})
	}
	return e.wireBody()
}

// jsonHeader is the header in the JSON form: a fixed field order and UTC
// nanosecond time.
func (e *Event) jsonHeader() []byte {
	return canonicalJSON(eventHeader{
		Format: JSONEventFormat, ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), Actor: e.Actor, Action: e.Action,
		RecordType: e.RecordType, RecordID: e.RecordID, ClaimID: e.ClaimID, Body: e.BodyHash,
		Legacy: e.LegacyHash, Prev: e.Prev,
	})
}

// canonicalJSON encodes a struct of strings and ints, which cannot fail,
// without escaping HTML and without a trailing newline.
func canonicalJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// ComputeBodyHash returns the hex SHA-256 of the event's body.
func (e *Event) ComputeBodyHash() string {
	sum := sha256.Sum256(e.BodyBytes())
	return hex.EncodeToString(sum[:])
}

// ComputeHash returns the hex SHA-256 of the event's header.
func (e *Event) ComputeHash() string {
	sum := sha256.Sum256(e.HeaderBytes())
	return hex.EncodeToString(sum[:])
}

// Seal sets BodyHash from the body, then Hash from the header: what a
// writer does once every other field is set. An event without a format
// takes the current one.
func (e *Event) Seal() {
	if e.Format == 0 {
		e.Format = EventFormat
	}
	e.BodyHash = e.ComputeBodyHash()
	e.Hash = e.ComputeHash()
}

// HistoryCheck is the result of verifying a database's history.
type HistoryCheck struct {
	Events int      // events checked
	Heads  []string // hashes of the latest event of each chain
	// Broken is nil when every link holds, otherwise the first event, in
	// time order, whose link does not.
	Broken *BrokenLink
}

// OK reports whether the whole history verified.
func (h *HistoryCheck) OK() bool {
	return h.Broken == nil
}

// BrokenLink names an event that fails verification, and why.
type BrokenLink struct {
	EventID string
	At      time.Time
	Reason  Text
}
