package store

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"claimdesk/claims"
)

// CreateClaim stores a new claim anchored in its article.
func (db *DB) CreateClaim(ctx context.Context, c *claims.Claim) error {
	return db.update(ctx, func(t *tx) error {
		a, err := t.findArticle(c.ArticleID)
		if err != nil {
			return err
		}
		return t.createClaim(c, a, nil)
	})
}

// createClaim stores a new claim of the article a, whose words, when
// given, index a's text.
func (t *tx) createClaim(c *claims.Claim, a *claims.Article, words *claims.TextIndex) error {
	if err := fillClaimDefaults(c, a); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if words == nil {
		words = claims.NewTextIndex(a.Text)
	}
	if !words.Matches(c.Anchor) {
		return claims.Errorf(claims.EINVALID, "The claim's anchor does not cut its words out of the article.")
	}
	key := t.db.ids.next(t.now)
	c.ID = key.String()
	rec := claimRecordOf(c)
	env, raw, err := newEnvelope("claim", c.ID, t.now, t.actor, rec)
	if err != nil {
		return err
	}
	articleKey, _ := parseID("Article", a.ID)
	if err := t.put(bucketClaims, key[:], raw); err != nil {
		return err
	}
	if err := t.put(bucketArticleClaims, joinKey(articleKey, key[:]), nil); err != nil {
		return err
	}
	c.Meta = env.meta()
	if err := t.putSummary(c); err != nil {
		return err
	}
	return t.appendEvent(change{action: "claim.create", recordType: "claim", recordID: c.ID, claimID: c.ID,
		summary: fmt.Sprintf("added the claim %q", c.Summary), after: &rec})
}

func fillClaimDefaults(c *claims.Claim, a *claims.Article) error {
	if c.Status == "" {
		c.Status = claims.StatusToTriage
	}
	if c.Summary == "" {
		c.Summary = claims.Summarize(c.Text)
	}
	if c.Anchor == (claims.Anchor{}) && c.Text != "" {
		anchor, err := claims.NewAnchor(a.Text, c.Text)
		if err != nil {
			return err
		}
		c.Anchor = anchor
	}
	return nil
}

// putSummary writes the claim's list entry and moves its index entries.
func (t *tx) putSummary(c *claims.Claim) error {
	key, _ := parseID("Claim", c.ID)
	summary := encodeSummary(summaryOf(c), searchText(c))
	old := t.Bucket(bucketSummaries).Get(key)
	if bytes.Equal(old, summary) {
		return nil
	}
	if err := t.reindex(key, old, summary); err != nil {
		return err
	}
	return t.put(bucketSummaries, key, summary)
}

// FindClaimByID returns a claim with its reviews and corrections.
func (db *DB) FindClaimByID(ctx context.Context, id string) (*claims.Claim, error) {
	var c *claims.Claim
	err := db.view(ctx, func(t *tx) error {
		var err error
		c, _, err = t.findClaim(id)
		return err
	})
	return c, err
}

// findClaim returns the live claim with its reviews and corrections, and the
// envelope to revise it with.
func (t *tx) findClaim(id string) (*claims.Claim, *envelope, error) {
	key, err := parseID("Claim", id)
	if err != nil {
		return nil, nil, err
	}
	var rec claimRecord
	env, err := t.get(bucketClaims, key, "Claim", &rec)
	if err != nil {
		return nil, nil, err
	}
	c := rec.claim(env)
	if c.Reviews, err = t.findReviews(key); err != nil {
		return nil, nil, err
	}
	if c.Corrections, err = t.findCorrections(key); err != nil {
		return nil, nil, err
	}
	return c, env, nil
}

func decodeClaim(raw []byte) (*claims.Claim, error) {
	var rec claimRecord
	env, err := decodeEnvelope(raw, &rec)
	if err != nil {
		return nil, err
	}
	return rec.claim(env), nil
}

// saveClaim writes c as a new revision of env, refreshes its summary and
// records the change. before is the claim as it was.
func (t *tx) saveClaim(c *claims.Claim, env *envelope, before *claims.Claim, action, summary string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	key, _ := parseID("Claim", c.ID)
	rec := claimRecordOf(c)
	if err := t.revise(bucketClaims, key, env, rec); err != nil {
		return err
	}
	c.Meta = env.meta()
	if err := t.putSummary(c); err != nil {
		return err
	}
	old := claimRecordOf(before)
	return t.appendEvent(change{action: action, recordType: "claim", recordID: c.ID, claimID: c.ID,
		summary: summary, before: &old, after: &rec})
}

// FindClaims returns the claims that match the filter.
func (db *DB) FindClaims(ctx context.Context, f claims.ClaimFilter) ([]*claims.Claim, int, error) {
	var out []*claims.Claim
	total := 0
	err := db.view(ctx, func(t *tx) error {
		var err error
		total, err = t.eachClaim(f, func(c *claims.Claim) error {
			out = append(out, c)
			return nil
		})
		return err
	})
	return out, total, err
}

// EachClaim calls fn with each claim that matches the filter, in order.
func (db *DB) EachClaim(ctx context.Context, f claims.ClaimFilter, fn func(*claims.Claim) error) error {
	return db.view(ctx, func(t *tx) error {
		_, err := t.eachClaim(f, fn)
		return err
	})
}

// eachClaim decodes the claims of the filter's page a batch at a time, on
// every core, gives them to fn in order, and returns how many matched. A
// batch bounds what is held in memory however long the list.
func (t *tx) eachClaim(f claims.ClaimFilter, fn func(*claims.Claim) error) (int, error) {
	const batch = 1024
	bucket := t.Bucket(bucketClaims)
	raws := make([][]byte, 0, batch)
	flush := func() error {
		list, err := decodeAll(raws, decodeClaim)
		raws = raws[:0]
		for _, c := range list {
			if err == nil {
				err = fn(c)
			}
		}
		return err
	}
	n, err := t.eachMatch(f, nil, func(key []byte) error {
		if raws = append(raws, bucket.Get(key)); len(raws) == batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, flush()
}

// FindClaimSummaries returns the summaries of the claims that match the filter.
func (db *DB) FindClaimSummaries(ctx context.Context, f claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
	var out []claims.ClaimSummary
	var total int
	err := db.view(ctx, func(t *tx) error {
		var err error
		out, total, err = t.findSummaries(f)
		return err
	})
	return out, total, err
}

func (t *tx) findSummaries(f claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
	var out []claims.ClaimSummary
	sums := &forwardCursor{c: t.Bucket(bucketSummaries).Cursor()}
	total, err := t.eachMatch(f, func(rows int) { out = make([]claims.ClaimSummary, 0, rows) }, func(k []byte) error {
		v, err := viewSummary(sums.get(k))
		if err != nil {
			return fmt.Errorf("claim %s: %w", idString(k), err)
		}
		out = append(out, v.summary(k))
		return nil
	})
	return out, total, err
}

// forwardCursor reads keys in increasing order: a key a few steps ahead
// is reached by stepping, which stays in the page at hand, where a lookup
// would walk down from the root each time.
type forwardCursor struct {
	c    *bolt.Cursor
	k, v []byte
}

// maxSteps is how far ahead stepping beats a lookup.
const maxSteps = 8

func (fc *forwardCursor) get(key []byte) []byte {
	for steps := 0; fc.k != nil && steps < maxSteps && bytes.Compare(fc.k, key) < 0; steps++ {
		fc.k, fc.v = fc.c.Next()
	}
	if fc.k == nil || !bytes.Equal(fc.k, key) {
		fc.k, fc.v = fc.c.Seek(key)
	}
	if !bytes.Equal(fc.k, key) {
		return nil
	}
	return fc.v
}

// eachMatch calls fn with the key of each claim of the filter's page, in
// list order, and returns how many claims match in all: from the index
// when it answers the filter, else by reading every summary. When the
// index answers, reserve, unless nil, hears first how many keys will come.
func (t *tx) eachMatch(f claims.ClaimFilter, reserve func(rows int), fn func(key []byte) error) (int, error) {
	filter, err := newSummaryFilter(&f)
	if claims.ErrorCode(err) == claims.ENOTFOUND {
		return 0, nil // an article that cannot exist has no claims
	} else if err != nil {
		return 0, err
	}
	if terms, ok := filter.terms(); ok && !f.Deleted && (len(terms) > 0 || len(filter.words) > 0) {
		found := t.indexedClaims(filter, terms)
		end := found.len()
		if f.Limit > 0 {
			end = min(end, f.Offset+f.Limit)
		}
		if reserve != nil && end > f.Offset {
			reserve(end - f.Offset)
		}
		for i := f.Offset; i < end; i++ {
			if err := fn(found.at(i)); err != nil {
				return 0, err
			}
		}
		return found.len(), nil
	}
	return t.scanMatches(filter, f, fn)
}

// scanMatches reads the summaries in list order, for what the index does
// not answer: the whole list, tombstones included, or an empty value. The
// whole list of live claims stops reading at the page asked for, since the
// index counts them.
func (t *tx) scanMatches(filter *summaryFilter, f claims.ClaimFilter, fn func(key []byte) error) (int, error) {
	total, taken := 0, 0
	counted := filter.onlyDeleted() && !f.Deleted
	c := t.Bucket(bucketSummaries).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		ok, err := filter.matchesRaw(raw)
		if err != nil {
			return 0, fmt.Errorf("claim %s: %w", idString(k), err)
		}
		if !ok {
			continue
		}
		total++
		if total > f.Offset && (f.Limit <= 0 || taken < f.Limit) {
			taken++
			if err := fn(k); err != nil {
				return 0, err
			}
		} else if counted && f.Limit > 0 && taken == f.Limit {
			break
		}
	}
	if counted {
		total = int(readCount(t.Bucket(bucketClaimIndex), countLive))
	}
	return total, nil
}

// UpdateClaim edits a claim's description.
func (db *DB) UpdateClaim(ctx context.Context, id string, upd claims.ClaimUpdate) (*claims.Claim, error) {
	var c *claims.Claim
	err := db.update(ctx, func(t *tx) error {
		before, env, err := t.findClaim(id)
		if err != nil {
			return err
		}
		after := *before
		upd.Apply(&after)
		c = &after
		return t.saveClaim(c, env, before, "claim.update", "edited the claim")
	})
	return c, err
}

// DeleteClaim leaves a tombstone in place of a claim.
func (db *DB) DeleteClaim(ctx context.Context, id string) error {
	return db.update(ctx, func(t *tx) error {
		c, env, err := t.findClaim(id)
		if err != nil {
			return err
		}
		env.Deleted = true
		return t.saveClaim(c, env, c, "claim.delete", fmt.Sprintf("deleted the claim %q", c.Summary))
	})
}
