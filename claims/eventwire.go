package claims

import (
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// The events written now (EventFormat) are CBOR (RFC 8949) in its core
// deterministic encoding, so that one event has one sequence of bytes, the
// one its hash covers and the file stores. The header is an array:
//
//	[3, id, at, actor, action, record type, record id, claim id, body, legacy, prev]
//
// and the body [salt, summary, before, after]. An ID that is a UUID is its
// 16 bytes, any other ID its text; a hash or a salt is its bytes (none when
// absent); the time is nanoseconds since 1970 in UTC. Against the JSON form
// of schemas 4 and 5 this halves a header: hex digits, quotes, field names
// and the escaping of the JSON carried inside went.

// wireHeader fixes the order of the header's items. Changing it breaks
// every chain written since schema 6.
type wireHeader struct {
	_          struct{} `cbor:",toarray"`
	Format     int
	ID         wireID
	At         int64
	Actor      string
	Action     string
	RecordType string
	RecordID   wireID
	ClaimID    wireID
	Body       wireHex
	Legacy     wireHex
	Prev       wireHex
}

// wireBody fixes the order of the body's items.
type wireBody struct {
	_       struct{} `cbor:",toarray"`
	Salt    wireHex
	Summary string
	Before  string
	After   string
}

var (
	wireEnc = mustEncMode()
	// wireDec reads bytes from files that may be hostile: it refuses what
	// an event never holds (maps, tags, nesting, indefinite lengths), and
	// readers compare the canonical bytes of what it read with what was
	// stored, so no second encoding of an event passes for it.
	wireDec = mustDecMode()
)

func mustEncMode() cbor.EncMode {
	em, err := cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		panic(err) // the options are constants: this cannot happen at run time
	}
	return em
}

func mustDecMode() cbor.DecMode {
	dm, err := cbor.DecOptions{
		MaxNestedLevels: 4, MaxArrayElements: 16, MaxMapPairs: 16,
		IndefLength: cbor.IndefLengthForbidden, TagsMd: cbor.TagsForbidden,
		UTF8: cbor.UTF8RejectInvalid,
	}.DecMode()
	if err != nil {
		panic(err) // the options are constants: this cannot happen at run time
	}
	return dm
}

// wireHeader encodes the header in the binary form, which cannot fail: it
// holds integers and strings only.
func (e *Event) wireHeader() []byte {
	out, _ := wireEnc.Marshal(wireHeader{
		Format: EventFormat, ID: wireID(e.ID), At: e.At.UnixNano(), Actor: e.Actor, Action: e.Action,
		RecordType: e.RecordType, RecordID: wireID(e.RecordID), ClaimID: wireID(e.ClaimID),
		Body: wireHex(e.BodyHash), Legacy: wireHex(e.LegacyHash), Prev: wireHex(e.Prev),
	})
	return out
}

func (e *Event) wireBody() []byte {
	out, _ := wireEnc.Marshal(wireBody{Salt: wireHex(e.Salt), Summary: e.Summary, Before: e.Before, After: e.After})
	return out
}

// IsWireHeader reports whether a stored header is in the binary form: a
// CBOR array, where the JSON form starts with a brace.
func IsWireHeader(header []byte) bool {
	return len(header) > 0 && header[0]>>5 == 4
}

// ParseWireEvent reads an event in the binary form: its header and, unless
// body is empty, its body. It checks that they can be read, not that they
// are canonical or match their hashes: the caller compares HeaderBytes and
// BodyBytes with what it read.
func ParseWireEvent(header, body []byte) (*Event, error) {
	var h wireHeader
	if err := wireDec.Unmarshal(header, &h); err != nil || h.Format != EventFormat {
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
	if err := wireDec.Unmarshal(body, &b); err != nil {
		return nil, errors.New("its body cannot be read")
	}
	e.Salt, e.Summary, e.Before, e.After = string(b.Salt), b.Summary, b.Before, b.After
	return e, nil
}

// wireID is an ID on the wire: a UUID as its 16 bytes, anything else as
// text.
type wireID string

// MarshalCBOR encodes the ID.
func (id wireID) MarshalCBOR() ([]byte, error) {
	if b, ok := uuidBytes(string(id)); ok {
		return wireEnc.Marshal(b)
	}
	return wireEnc.Marshal(string(id))
}

// UnmarshalCBOR decodes an ID: 16 bytes or text.
func (id *wireID) UnmarshalCBOR(data []byte) error {
	if len(data) > 0 && data[0]>>5 == 3 {
		var s string
		err := wireDec.Unmarshal(data, &s)
		*id = wireID(s)
		return err
	}
	var b []byte
	if err := wireDec.Unmarshal(data, &b); err != nil {
		return err
	}
	if len(b) != 16 {
		return fmt.Errorf("an ID of %d bytes", len(b))
	}
	*id = wireID(formatUUID(b))
	return nil
}

// wireHex is a hash or salt on the wire: lowercase hex as its bytes, which
// is every hash and salt written; anything else as text, which validation
// then refuses.
type wireHex string

// MarshalCBOR encodes the value.
func (h wireHex) MarshalCBOR() ([]byte, error) {
	if b, err := hex.DecodeString(string(h)); err == nil && hex.EncodeToString(b) == string(h) {
		return wireEnc.Marshal(b)
	}
	return wireEnc.Marshal(string(h))
}

// UnmarshalCBOR decodes bytes, as lowercase hex, or text.
func (h *wireHex) UnmarshalCBOR(data []byte) error {
	if len(data) > 0 && data[0]>>5 == 3 {
		var s string
		err := wireDec.Unmarshal(data, &s)
		*h = wireHex(s)
		return err
	}
	var b []byte
	err := wireDec.Unmarshal(data, &b)
	*h = wireHex(hex.EncodeToString(b))
	return err
}

// uuidBytes returns the 16 bytes of a UUID in its canonical text, lowercase
// with four hyphens; any other spelling is not one, so that an ID has one
// encoding.
func uuidBytes(s string) ([]byte, bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return nil, false
	}
	digits := s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	b, err := hex.DecodeString(digits)
	if err != nil || hex.EncodeToString(b) != digits {
		return nil, false
	}
	return b, true
}

func formatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
