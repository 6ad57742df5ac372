package store

import (
	"encoding/json"
	"fmt"
	"time"

	"claimdesk/claims"
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

const envelopeFormat = 1

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
	out, err := json.Marshal(env)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", env.Type, env.ID, err)
	}
	return out, nil
}

// decodeEnvelope decodes a record and its data into data.
func decodeEnvelope(raw []byte, data any) (*envelope, error) {
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	if env.Format != envelopeFormat || len(env.Revisions) == 0 {
		return nil, fmt.Errorf("decode %s %s: unknown record format %d", env.Type, env.ID, env.Format)
	}
	if err := json.Unmarshal(env.Data, data); err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", env.Type, env.ID, err)
	}
	return &env, nil
}

// peekRecord decodes a record for reading only, in one pass: its data into
// rec, and an envelope that holds the current revision alone, since only
// writes and merges need the ancestry. Never revise what it returns.
func peekRecord[R any](raw []byte, rec *R) (*envelope, error) {
	var head struct {
		Format    int               `json:"format"`
		Type      string            `json:"type"`
		ID        string            `json:"id"`
		Revisions []json.RawMessage `json:"revisions"`
		CreatedAt time.Time         `json:"created_at"`
		CreatedBy string            `json:"created_by"`
		Deleted   bool              `json:"deleted,omitempty"`
		Data      *R                `json:"data"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	env := &envelope{Format: head.Format, Type: head.Type, ID: head.ID, CreatedAt: head.CreatedAt,
		CreatedBy: head.CreatedBy, Deleted: head.Deleted, Revisions: make([]revision, 1)}
	if head.Format != envelopeFormat || len(head.Revisions) == 0 || head.Data == nil ||
		json.Unmarshal(head.Revisions[0], &env.Revisions[0]) != nil {
		return nil, fmt.Errorf("decode %s %s: unknown record format %d", head.Type, head.ID, head.Format)
	}
	*rec = *head.Data
	return env, nil
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
