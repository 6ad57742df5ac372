// Package wire is the compact binary form of what a case file stores since
// schema 6: CBOR (RFC 8949) in its core deterministic encoding, so that one
// value has one sequence of bytes, with IDs and hashes as their bytes rather
// than their text. The domain's events and the store's records share it.
package wire

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/fxamacker/cbor/v2"
	"github.com/klauspost/compress/s2"
)

var (
	enc = mustEncMode()
	// dec reads bytes from files that may be hostile: it refuses what the
	// file's values never hold (maps, tags, deep nesting, indefinite
	// lengths, invalid UTF-8). Readers that need one encoding per value
	// compare the bytes of what they read, encoded again, with what was
	// stored.
	dec = mustDecMode()
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
		MaxNestedLevels: 4, MaxArrayElements: 1024, MaxMapPairs: 16,
		IndefLength: cbor.IndefLengthForbidden, TagsMd: cbor.TagsForbidden,
		UTF8: cbor.UTF8RejectInvalid,
	}.DecMode()
	if err != nil {
		panic(err) // the options are constants: this cannot happen at run time
	}
	return dm
}

// Marshal encodes v in the core deterministic encoding.
func Marshal(v any) ([]byte, error) {
	return enc.Marshal(v)
}

// Unmarshal decodes data into v, refusing trailing bytes and what Marshal
// never writes.
func Unmarshal(data []byte, v any) error {
	return dec.Unmarshal(data, v)
}

// IsArray reports whether data starts a CBOR array, as every value of the
// binary form does; JSON starts with a brace.
func IsArray(data []byte) bool {
	return len(data) > 0 && data[0]>>5 == 4
}

func isText(data []byte) bool {
	return len(data) > 0 && data[0]>>5 == 3
}

// ID is an ID in the binary form: a UUID in its canonical text as its 16
// bytes, anything else as text.
type ID string

// MarshalCBOR encodes the ID.
func (id ID) MarshalCBOR() ([]byte, error) {
	if b, ok := UUIDBytes(string(id)); ok {
		return enc.Marshal(b)
	}
	return enc.Marshal(string(id))
}

// UnmarshalCBOR decodes an ID: 16 bytes or text.
func (id *ID) UnmarshalCBOR(data []byte) error {
	if isText(data) {
		var s string
		err := dec.Unmarshal(data, &s)
		*id = ID(s)
		return err
	}
	var b []byte
	if err := dec.Unmarshal(data, &b); err != nil {
		return err
	}
	if len(b) != 16 {
		return fmt.Errorf("an ID of %d bytes", len(b))
	}
	*id = ID(FormatUUID(b))
	return nil
}

// Hex is a hash or salt in the binary form: lowercase hex as its bytes,
// anything else as text.
type Hex string

// MarshalCBOR encodes the value.
func (h Hex) MarshalCBOR() ([]byte, error) {
	if b, err := hex.DecodeString(string(h)); err == nil && hex.EncodeToString(b) == string(h) {
		return enc.Marshal(b)
	}
	return enc.Marshal(string(h))
}

// UnmarshalCBOR decodes bytes, as lowercase hex, or text.
func (h *Hex) UnmarshalCBOR(data []byte) error {
	if isText(data) {
		var s string
		err := dec.Unmarshal(data, &s)
		*h = Hex(s)
		return err
	}
	var b []byte
	err := dec.Unmarshal(data, &b)
	*h = Hex(hex.EncodeToString(b))
	return err
}

// UUIDBytes returns the 16 bytes of a UUID in its canonical text, lowercase
// with four hyphens; any other spelling is not one, so that an ID has one
// encoding.
func UUIDBytes(s string) ([]byte, bool) {
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

// FormatUUID returns the canonical text of a UUID's 16 bytes.
func FormatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// PackAbove is the length from which text is packed: below it, packing
// saves little.
const PackAbove = 512

// Pack compresses data with S2, the faster extension of Snappy's block
// format: what ClaimDesk stores is read far more often than written, and S2
// unpacks a claim in about a microsecond, where deflate took ten.
func Pack(data []byte) []byte {
	return s2.EncodeBetter(nil, data)
}

// Unpack undoes Pack, refusing data that says it would grow past max before
// anything is allocated: a few bytes from a hostile file must not fill the
// memory.
func Unpack(packed []byte, max int) ([]byte, error) {
	n, err := s2.DecodedLen(packed)
	switch {
	case err != nil:
		return nil, fmt.Errorf("its packed data cannot be read: %w", err)
	case n > max:
		return nil, errors.New("its packed data is too long")
	}
	out, err := s2.Decode(make([]byte, n), packed)
	if err != nil {
		return nil, fmt.Errorf("its packed data cannot be read: %w", err)
	}
	return out, nil
}

// Text is a text on the wire: as text up to PackAbove bytes, packed into
// bytes above. Its packed bytes, once read, are written again as they were,
// whatever S2 would make of the text today, so that what a hash covers
// stays the same bytes from one version of the program to the next.
type Text struct {
	S      string
	packed []byte
}

// MaxText bounds what a packed Text may unpack to.
const MaxText = 64 << 20

// MarshalCBOR encodes the text.
func (t Text) MarshalCBOR() ([]byte, error) {
	switch {
	case len(t.S) <= PackAbove:
		return enc.Marshal(t.S)
	case t.packed != nil:
		return enc.Marshal(t.packed)
	}
	return enc.Marshal(Pack([]byte(t.S)))
}

// UnmarshalCBOR decodes text, or packed bytes.
func (t *Text) UnmarshalCBOR(data []byte) error {
	if isText(data) {
		return dec.Unmarshal(data, &t.S)
	}
	if err := dec.Unmarshal(data, &t.packed); err != nil {
		return err
	}
	out, err := Unpack(t.packed, MaxText)
	t.S = string(out)
	return err
}

// Same returns t's packed bytes if it still holds s, for an encoder to
// write them again, and a Text of s otherwise.
func (t Text) Same(s string) Text {
	if t.S == s {
		return t
	}
	return Text{S: s}
}
