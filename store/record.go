package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/wire"
)

// maxRevisions bounds the ancestry a record carries, as CouchDB bounds
// _revs: enough for a merge to find the common ancestor of two copies that
// diverged for a long time, small enough to keep records small.
const maxRevisions = 100

// envelope wraps every record on disk with what a merge needs: the record's
// identity, its revision ancestry with who made each revision, and whether
// it is a tombstone. Nothing in it depends on the file, so it stays true in
// a byte-for-byte copy.
type envelope struct {
	Format    int             `json:"format"`
	Type      string          `json:"type"`
	ID        string          `json:"id"`
	Revisions []revision      `json:"revisions"` // newest first; [0] is the current one
	CreatedAt time.Time       `json:"created_at"`
	CreatedBy string          `json:"created_by"`
	Deleted   bool            `json:"deleted,omitempty"`
	Data      json.RawMessage `json:"data"`
}

// revision is one edit of a record.
type revision struct {
	Rev string    `json:"rev"`
	By  string    `json:"by"`
	At  time.Time `json:"at"`
}

// The forms of the envelope: JSON up to schema 5, and still in dumps and
// in the versions merges set aside; binary since schema 6 (recordwire.go).
const (
	jsonEnvelopeFormat = 1
	envelopeFormat     = 2
)

func newEnvelope(typ, id string, now time.Time, actor string, data any) (*envelope, []byte, error) {
	env := &envelope{Format: envelopeFormat, Type: typ, ID: id, CreatedAt: now, CreatedBy: actor}
	raw, err := env.revise(now, actor, data)
	return env, raw, err
}

// revise replaces the data with a new revision made by actor at now.
func (env *envelope) revise(now time.Time, actor string, data any) ([]byte, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", env.Type, env.ID, err)
	}
	env.Data = raw
	env.Revisions = append([]revision{{Rev: newRevision(), By: actor, At: now}}, env.Revisions...)
	if len(env.Revisions) > maxRevisions {
		env.Revisions = env.Revisions[:maxRevisions]
	}
	return env.encode()
}

// decodeEnvelope decodes a record, in either form, and its data into data.
func decodeEnvelope(raw []byte, data any) (*envelope, error) {
	env, err := parseEnvelope(raw)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(env.Data, data); err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", env.Type, env.ID, err)
	}
	return env, nil
}

// parseEnvelope decodes a record's envelope, in either form, leaving its
// data as JSON.
func parseEnvelope(raw []byte) (*envelope, error) {
	if wire.IsArray(raw) {
		return parseWireEnvelope(raw)
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	if env.Format != jsonEnvelopeFormat || len(env.Revisions) == 0 {
		return nil, fmt.Errorf("decode %s %s: unknown record format %d", env.Type, env.ID, env.Format)
	}
	return &env, nil
}

// jsonEnvelope returns a stored record in the JSON form, as dumps and the
// versions merges set aside hold it: valid JSON, or an error.
func jsonEnvelope(raw []byte) (json.RawMessage, error) {
	if !wire.IsArray(raw) {
		if !json.Valid(raw) {
			return nil, errors.New("decode record: it is not valid JSON")
		}
		return raw, nil
	}
	env, err := parseWireEnvelope(raw)
	if err != nil {
		return nil, err
	}
	if !json.Valid(env.Data) {
		return nil, fmt.Errorf("decode %s %s: its data is not JSON", env.Type, env.ID)
	}
	return env.appendJSON(make([]byte, 0, len(env.Data)+256)), nil
}

// appendJSON appends the envelope in the JSON form, the bytes json.Marshal
// gives, written by hand: a dump writes every record so, and reflection
// took most of its time.
func (env *envelope) appendJSON(out []byte) []byte {
	str := func(s string) {
		q, _ := json.Marshal(s) // a string always encodes
		out = append(out, q...)
	}
	at := func(t time.Time) {
		out = append(t.AppendFormat(append(out, '"'), time.RFC3339Nano), '"')
	}
	out = fmt.Appendf(out, `{"format":%d,"type":`, jsonEnvelopeFormat)
	str(env.Type)
	out = append(out, `,"id":`...)
	str(env.ID)
	out = append(out, `,"revisions":[`...)
	for i, r := range env.Revisions {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, `{"rev":`...)
		str(r.Rev)
		out = append(out, `,"by":`...)
		str(r.By)
		out = append(out, `,"at":`...)
		at(r.At)
		out = append(out, '}')
	}
	out = append(out, `],"created_at":`...)
	at(env.CreatedAt)
	out = append(out, `,"created_by":`...)
	str(env.CreatedBy)
	if env.Deleted {
		out = append(out, `,"deleted":true`...)
	}
	out = append(out, `,"data":`...)
	return append(append(out, env.Data...), '}')
}

// meta describes the record's life for the domain types.
func (env *envelope) meta() claims.Meta {
	cur := env.Revisions[0]
	return claims.Meta{
		CreatedAt: env.CreatedAt, CreatedBy: env.CreatedBy,
		UpdatedAt: cur.At, UpdatedBy: cur.By,
		Revision: cur.Rev, Deleted: env.Deleted,
	}
}
