// Package claims is ClaimDesk's domain: articles, the claims found in them,
// the sources and evidence that settle them, verdicts and their review, the
// workflow that ties these together, and the Store contract that the storage
// layer fulfils for the window and the command line.
//
// The package knows nothing of storage or of the user interface.
package claims

import (
	"context"
	"strings"
	"time"
)

// Meta describes a record's life: who made it, who last changed it and which
// revision it is at. The store fills it in; callers only read it.
type Meta struct {
	CreatedAt time.Time
	CreatedBy string
	UpdatedAt time.Time
	UpdatedBy string
	// Revision identifies this version of the record. It is random, not a
	// counter, so that two copies of a file never give the same name to two
	// different edits.
	Revision string
	// Deleted marks a tombstone: the record stays so that a merge with an
	// older copy does not bring it back.
	Deleted bool
}

type actorKey struct{}

// NewContext returns a context that carries the name of the person acting.
// Every change the store makes is attributed to that name.
func NewContext(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, strings.TrimSpace(actor))
}

// ActorFromContext returns the name of the person acting, or "" when unknown.
func ActorFromContext(ctx context.Context) string {
	actor, _ := ctx.Value(actorKey{}).(string)
	return actor
}

// CheckActor returns EINVALID when name cannot sign changes: a name too long
// or not plain text. A blank name is refused where changes are made, with
// the way to give one.
func CheckActor(name string) error {
	return checkText(Textf("Your reviewer name"), name, 200)
}
