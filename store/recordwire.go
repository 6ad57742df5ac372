package store

import (
	"fmt"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/wire"
)

// A record is stored, since schema 6, as one CBOR array:
//
//	[2, type, id, created at, created by, deleted, authors, revisions, packed, data]
//
// IDs are their 16 bytes when they are UUIDs (wire.ID), times nanoseconds
// since 1970 in UTC. authors lists each person once, and created by and
// each revision's author are indexes into it: a claim edited twenty times by
// two people names them twice, not twenty times. A revision is
// [rev, at, by]. data is the record's fields as JSON, packed with S2 when
// it is long, as an article's text or a verdict's rationale are. Against
// the JSON envelope of schemas 1 to 5, a source or a piece of evidence takes
// about two thirds of the bytes, a worked claim less than half (measured on
// the worked sample case).
type wireEnvelope struct {
	_         struct{} `cbor:",toarray"`
	Format    int
	Type      string
	ID        wire.ID
	CreatedAt int64
	CreatedBy uint
	Deleted   bool
	Authors   []string
	Revisions []wireRevision
	Packed    bool
	Data      []byte
}

type wireRevision struct {
	_   struct{} `cbor:",toarray"`
	Rev wire.ID
	At  int64
	By  uint
}

// packAbove is the length of data from which it is packed.
const packAbove = wire.PackAbove

// maxUnpacked bounds what packed data may unpack to: the longest record,
// an article at its limit, with room for JSON's escapes.
const maxUnpacked = 8 * claims.MaxArticleText

// encode returns the envelope in the binary form.
func (env *envelope) encode() ([]byte, error) {
	w := wireEnvelope{Format: envelopeFormat, Type: env.Type, ID: wire.ID(env.ID), Deleted: env.Deleted, Data: env.Data}
	index := map[string]uint{}
	author := func(name string) uint {
		i, ok := index[name]
		if !ok {
			i = uint(len(w.Authors))
			index[name] = i
			w.Authors = append(w.Authors, name)
		}
		return i
	}
	var err error
	w.CreatedBy = author(env.CreatedBy)
	if w.CreatedAt, err = nanos(env.CreatedAt); err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", env.Type, env.ID, err)
	}
	w.Revisions = make([]wireRevision, len(env.Revisions))
	for i, r := range env.Revisions {
		w.Revisions[i] = wireRevision{Rev: wire.ID(r.Rev), By: author(r.By)}
		if w.Revisions[i].At, err = nanos(r.At); err != nil {
			return nil, fmt.Errorf("encode %s %s: %w", env.Type, env.ID, err)
		}
	}
	if len(env.Data) > packAbove {
		w.Packed, w.Data = true, wire.Pack(env.Data)
	}
	return wire.Marshal(w)
}

// nanos returns t in nanoseconds since 1970, which holds the years 1678 to
// 2262: a time outside them, from a hostile file, cannot be stored.
func nanos(t time.Time) (int64, error) {
	if t.Year() < 1678 || t.Year() > 2261 {
		return 0, fmt.Errorf("a time outside the years 1678 to 2261 (%d)", t.Year())
	}
	return t.UnixNano(), nil
}

// parseWireEnvelope decodes an envelope in the binary form.
func parseWireEnvelope(raw []byte) (*envelope, error) {
	var w wireEnvelope
	if err := wire.Unmarshal(raw, &w); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	if w.Format != envelopeFormat || len(w.Revisions) == 0 || len(w.Revisions) > maxRevisions {
		return nil, fmt.Errorf("decode %s %s: unknown record format %d", w.Type, w.ID, w.Format)
	}
	name := func(i uint) (string, error) {
		if i >= uint(len(w.Authors)) {
			return "", fmt.Errorf("decode %s %s: an author that is not in its list", w.Type, w.ID)
		}
		return w.Authors[i], nil
	}
	env := &envelope{Format: envelopeFormat, Type: w.Type, ID: string(w.ID), CreatedAt: time.Unix(0, w.CreatedAt).UTC(),
		Deleted: w.Deleted, Data: w.Data, Revisions: make([]revision, len(w.Revisions))}
	var err error
	if env.CreatedBy, err = name(w.CreatedBy); err != nil {
		return nil, err
	}
	for i, r := range w.Revisions {
		env.Revisions[i] = revision{Rev: string(r.Rev), At: time.Unix(0, r.At).UTC()}
		if env.Revisions[i].By, err = name(r.By); err != nil {
			return nil, err
		}
	}
	if w.Packed {
		if env.Data, err = wire.Unpack(w.Data, maxUnpacked); err != nil {
			return nil, fmt.Errorf("decode %s %s: %w", w.Type, w.ID, err)
		}
	}
	return env, nil
}
