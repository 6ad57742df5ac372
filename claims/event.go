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
	Prev       string // hex SHA-256 of the previous event in its file; "" for the first
	Hash       string // hex SHA-256 of CanonicalBytes
	// Withheld marks an event whose summary and changes were left out of a
	// copy made for outside the newsroom, because they name a protected
	// source. Its hash is kept as it was, so the chain still verifies.
	Withheld bool
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
	return firstError(
		checkRequired(Textf("The event's author"), e.Actor, MaxShortText),
		checkRequired(Textf("The event's action"), e.Action, 100),
		checkRequired(Textf("The event's record type"), e.RecordType, 100),
		checkRequired(Textf("The event's record"), e.RecordID, MaxShortText),
		checkText(Textf("The event's summary"), e.Summary, MaxLongText),
		checkText(Textf("The event's before"), e.Before, MaxArticleText),
		checkText(Textf("The event's after"), e.After, MaxArticleText),
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

// canonicalEvent fixes the field order and spelling of the hashed bytes.
// Changing it breaks every existing chain.
type canonicalEvent struct {
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

// CanonicalBytes returns the bytes the event's hash is computed over: every
// field but Hash, as JSON with a fixed field order and UTC nanosecond time.
func (e *Event) CanonicalBytes() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// Encoding a struct of strings cannot fail.
	_ = enc.Encode(canonicalEvent{
		ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), Actor: e.Actor, Action: e.Action,
		RecordType: e.RecordType, RecordID: e.RecordID, ClaimID: e.ClaimID, Summary: e.Summary,
		Before: e.Before, After: e.After, Prev: e.Prev,
	})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// ComputeHash returns the hex SHA-256 of the event's canonical bytes.
func (e *Event) ComputeHash() string {
	sum := sha256.Sum256(e.CanonicalBytes())
	return hex.EncodeToString(sum[:])
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
