package store

import (
	"crypto/rand"
	"encoding/binary"
	"sync"
	"time"

	"claimdesk/claims"

	"github.com/google/uuid"
)

// idSource mints UUIDv7 identifiers: a millisecond timestamp then random
// bits, so keys sort by creation time and two copies of a file never mint
// the same ID. Within one millisecond, or when the clock stands still (as in
// tests) or steps back, it counts up from the last ID instead, keeping the
// order.
type idSource struct {
	mu   sync.Mutex
	last uuid.UUID
}

func (s *idSource) next(now time.Time) uuid.UUID {
	s.mu.Lock()
	defer s.mu.Unlock()
	var id uuid.UUID
	ms := uint64(now.UnixMilli())
	if ms <= timestampOf(s.last) {
		id = increment(s.last)
	} else {
		binary.BigEndian.PutUint64(id[:8], ms<<16)
		// crypto/rand.Read never fails on supported platforms.
		_, _ = rand.Read(id[6:])
	}
	id[6] = id[6]&0x0f | 0x70 // version 7
	id[8] = id[8]&0x3f | 0x80 // RFC 9562 variant
	s.last = id
	return id
}

func timestampOf(id uuid.UUID) uint64 {
	return binary.BigEndian.Uint64(id[:8]) >> 16
}

// increment adds one to the 74 random bits of id, skipping the version and
// variant bits.
func increment(id uuid.UUID) uuid.UUID {
	lo := binary.BigEndian.Uint64(id[8:]) & (1<<62 - 1)
	hi := uint64(id[6]&0x0f)<<8 | uint64(id[7])
	lo++
	if lo == 1<<62 {
		lo = 0
		hi++
	}
	if hi == 1<<12 { // the random bits ran out: borrow the next millisecond
		binary.BigEndian.PutUint64(id[:8], (timestampOf(id)+1)<<16)
		hi = 0
	}
	id[6], id[7] = byte(hi>>8), byte(hi)
	binary.BigEndian.PutUint64(id[8:], lo)
	return id
}

// newRevision returns a random revision name. Revisions are not ordered:
// their ancestry says which came first.
func newRevision() string {
	return uuid.NewString()
}

// parseID turns a record ID into its key, or returns ENOTFOUND naming what
// was looked for, since an ID that cannot be parsed cannot name a record.
func parseID(what, id string) ([]byte, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return nil, claims.Errorf(claims.ENOTFOUND, "%s %q not found.", recordName(what), truncateID(id))
	}
	return u[:], nil
}

func idString(key []byte) string {
	u, err := uuid.FromBytes(key)
	if err != nil {
		return ""
	}
	return u.String()
}

func truncateID(id string) string {
	if len(id) > 40 {
		return id[:40] + "…"
	}
	return id
}

// joinKey makes an index key: a parent ID followed by a child ID.
func joinKey(parent, child []byte) []byte {
	return append(append(make([]byte, 0, len(parent)+len(child)), parent...), child...)
}

// recordName is what, a kind of record as the code names it ("claim", or
// "Claim" to begin a sentence), as a message fills it in: a Text, so that
// the window names it in the interface's language. Each name is spelt out
// for the translation test; another stays as it is.
func recordName(what string) any {
	switch what {
	case "article":
		return claims.Textf("article")
	case "Article":
		return claims.Textf("Article")
	case "claim":
		return claims.Textf("claim")
	case "Claim":
		return claims.Textf("Claim")
	case "source":
		return claims.Textf("source")
	case "Source":
		return claims.Textf("Source")
	case "evidence":
		return claims.Textf("evidence")
	case "Evidence":
		return claims.Textf("Evidence")
	case "review":
		return claims.Textf("review")
	case "correction":
		return claims.Textf("correction")
	case "event":
		return claims.Textf("event")
	case "Event":
		return claims.Textf("Event")
	case "Record":
		return claims.Textf("Record")
	}
	return what
}
