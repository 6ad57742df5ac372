package claims

import (
	"errors"
	"time"

	"claimdesk/internal/wire"
)

// The events written now (EventFormat) are CBOR (RFC 8949) in its core
// deterministic encoding, so that one event has one sequence of bytes, the
// one its hash covers and the file stores. The header is an array:
//
//	[3, id, at, actor, action, record type, record id, claim id, body, legacy, prev]
//
// and the body [salt, summary, before, after]. An ID that is a UUID is its
// 16 bytes, any other ID its text; a hash or a salt is its bytes (none when
// absent); the time is nanoseconds since 1970 in UTC; before and after are
// text, or its bytes packed with S2 above wire.PackAbove. Against the JSON form
// of schemas 4 and 5 this halves a header: hex digits, quotes, field names
// and the escaping of the JSON carried inside went.

// wireHeader fixes the order of the header's items. Changing it breaks
// every chain written since schema 6.
type wireHeader struct {
	_          struct{} `cbor:",toarray"`
	Format     int
	ID         wire.ID
	At         int64
	Actor      string
	Action     string
	RecordType string
	RecordID   wire.ID
	ClaimID    wire.ID
	Body       wire.Hex
	Legacy     wire.Hex
	Prev       wire.Hex
}

// wireBody fixes the order of the body's items. before and after are
// packed when long, as the fields of a new record or a long rationale are.
type wireBody struct {
	_       struct{} `cbor:",toarray"`
	Salt    wire.Hex
	Summary string
	Before  wire.Text
	After   wire.Text
}

// wireHeader encodes the header in the binary form, which cannot fail: it
// holds integers and strings only.
func (e *Event) wireHeader() []byte {
	out, _ := wire.Marshal(wireHeader{
		Format: EventFormat, ID: wire.ID(e.ID), At: e.At.UnixNano(), Actor: e.Actor, Action: e.Action,
		RecordType: e.RecordType, RecordID: wire.ID(e.RecordID), ClaimID: wire.ID(e.ClaimID),
		Body: wire.Hex(e.BodyHash), Legacy: wire.Hex(e.LegacyHash), Prev: wire.Hex(e.Prev),
	})
	return out
}

func (e *Event) wireBody() []byte {
	out, _ := wire.Marshal(wireBody{Salt: wire.Hex(e.Salt), Summary: e.Summary,
		Before: e.read.before.Same(e.Before), After: e.read.after.Same(e.After)})
	return out
}

// IsWireHeader reports whether a stored header is in the binary form: a
// CBOR array, where the JSON form starts with a brace.
func IsWireHeader(header []byte) bool {
	return wire.IsArray(header)
}

// ParseWireEvent reads an event in the binary form: its header and, unless
// body is empty, its body. It checks that they can be read, not that they
// are canonical or match their hashes: the caller compares HeaderBytes and
// BodyBytes with what it read.
func ParseWireEvent(header, body []byte) (*Event, error) {
	var h wireHeader
	if err := wire.Unmarshal(header, &h); err != nil || h.Format != EventFormat {
		return nil, errors.New("its header cannot be read")
	}
	e := &Event{ID: string(h.ID), At: time.Unix(0, h.At).UTC(), Actor: h.Actor, Action: h.Action,
		RecordType: h.RecordType, RecordID: string(h.RecordID), ClaimID: string(h.ClaimID),
		BodyHash: string(h.Body), LegacyHash: string(h.Legacy), Prev: string(h.Prev),
		Withheld: len(body) == 0, Format: EventFormat}
	if e.Withheld {
		return e, nil
	}
	var b wireBody
	if err := wire.Unmarshal(body, &b); err != nil {
		return nil, errors.New("its body cannot be read")
	}
	e.Salt, e.Summary, e.Before, e.After = string(b.Salt), b.Summary, b.Before.S, b.After.S
	e.read.before, e.read.after = b.Before, b.After
	return e, nil
}

// readForm keeps the packed fields of an event as they were read, so that
// the event's bytes, encoded again, are the bytes read: another version of
// the packer could pack the same text otherwise.
type readForm struct {
	before, after wire.Text
}
