package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"context"
	"fmt"

	"claimdesk/claims"
)

// ImportArticle stores a frozen article and the claims found in it.
func (db *DB) ImportArticle(ctx context.Context, a *claims.Article, found []*claims.Claim) error {
	return db.update(ctx, func(t *tx) error {
		return t.importWithClaims(a, found)
	})
}

// ImportArticles stores a batch of articles and their claims in one
// transaction, leaving out those already stored.
func (db *DB) ImportArticles(ctx context.Context, batch []*claims.ArticleImport) error {
	return db.update(ctx, func(t *tx) error {
		for _, item := range batch {
			a := item.Article
			if a.TextSHA256 == "" {
				a.Freeze()
			}
			if title, found := t.storedText(a.TextSHA256); found {
				item.Duplicate = title
				continue
			}
			if err := t.importWithClaims(a, item.Claims); err != nil {
				return claims.Errorf(claims.ErrorCode(err), "Nothing was imported, because of the article %q: %v", a.Title, claims.TextOf(err))
			}
		}
		return nil
	})
}

func (t *tx) importWithClaims(a *claims.Article, found []*claims.Claim) error {
	if err := t.importArticle(a); err != nil {
		return err
	}
	// One index serves every claim: finding each anchor's words from the
	// start of the text would take time in the square of its size.
	words := claims.NewTextIndex(a.Text)
	for _, c := range found {
		c.ArticleID = a.ID
		if err := t.createClaim(c, a, words); err != nil {
			return err
		}
	}
	return nil
}

// storedText returns the title of the article stored with the text of
// this SHA-256, and whether there is one.
func (t *tx) storedText(sum string) (string, bool) {
	existing := t.Bucket(bucketArticleHashes).Get([]byte(sum))
	if existing == nil {
		return "", false
	}
	if other, err := t.findArticle(idString(existing)); err == nil {
		return other.Title, true
	}
	return "", false
}

func (t *tx) importArticle(a *claims.Article) error {
	if a.TextSHA256 == "" {
		a.Freeze()
	}
	if a.ImportedAt.IsZero() {
		a.ImportedAt = t.now
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if title, found := t.storedText(a.TextSHA256); found {
		return claims.Errorf(claims.ECONFLICT, "This article is already in the database as %q.", title)
	}
	key := t.db.ids.next(t.now)
	a.ID = key.String()
	rec := articleRecordOf(a)
	env, raw, err := newEnvelope("article", a.ID, t.now, t.actor, rec)
	if err != nil {
		return err
	}
	if err := firstErr(
		t.put(bucketArticles, key[:], raw),
		t.put(bucketArticleHashes, []byte(a.TextSHA256), key[:]),
	); err != nil {
		return err
	}
	a.Meta = env.meta()
	rec.Text = "" // the hash stands for the text in the history
	return t.appendEvent(change{action: "article.import", recordType: "article", recordID: a.ID,
		summary: fmt.Sprintf("imported the article %q", a.Title), after: &rec})
}

// FindArticleByID returns an article with its text.
func (db *DB) FindArticleByID(ctx context.Context, id string) (*claims.Article, error) {
	var a *claims.Article
	err := db.view(ctx, func(t *tx) error {
		var err error
		a, err = t.findArticle(id)
		return err
	})
	return a, err
}

func (t *tx) findArticle(id string) (*claims.Article, error) {
	key, err := parseID("Article", id)
	if err != nil {
		return nil, err
	}
	var rec articleRecord
	env, err := t.get(bucketArticles, key, "Article", &rec)
	if err != nil {
		return nil, err
	}
	return rec.article(env), nil
}

// FindArticles returns the live articles without their text.
func (db *DB) FindArticles(ctx context.Context) ([]*claims.Article, error) {
	var out []*claims.Article
	err := db.view(ctx, func(t *tx) error {
		return eachLive(t, bucketArticles, func(env *envelope, rec *articleListRecord) {
			out = append(out, rec.articleRecord.article(env))
		})
	})
	return out, err
}

// articleListRecord reads an article without its text, which lists do not
// show: the decoder steps over the text without copying it.
type articleListRecord struct {
	articleRecord
	Text skipped `json:"text,omitempty"`
}

// skipped is a JSON value read past and dropped.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// eachLive decodes every live record of bucket, oldest first.
func eachLive[R any](t *tx, bucket []byte, fn func(env *envelope, rec *R)) error {
	return t.Bucket(bucket).ForEach(func(k, v []byte) error {
		var rec R
		env, err := decodeEnvelope(v, &rec)
		if err != nil {
			return err
		}
		if !env.Deleted {
			fn(env, &rec)
		}
		return nil
	})
}

// get decodes the live record at key into data; a missing or deleted record
// is ENOTFOUND, named by what.
func (t *tx) get(bucket, key []byte, what string, data any) (*envelope, error) {
	raw := t.Bucket(bucket).Get(key)
	if raw == nil {
		return nil, claims.Errorf(claims.ENOTFOUND, "%s %s not found.", recordName(what), idString(key))
	}
	env, err := decodeEnvelope(raw, data)
	if err != nil {
		return nil, err
	}
	if env.Deleted {
		return nil, claims.Errorf(claims.ENOTFOUND, "%s %s was deleted.", recordName(what), idString(key))
	}
	return env, nil
}

// revise writes a new revision of the record at key.
func (t *tx) revise(bucket, key []byte, env *envelope, data any) error {
	raw, err := env.revise(t.now, t.actor, data)
	if err != nil {
		return err
	}
	return t.put(bucket, key, raw)
}

// fillPercent packs pages full rather than bbolt's default half: keys are
// time-ordered, so nearly every write appends, and a page left half empty
// at a split would never fill again. The index of article texts is keyed by
// hash, in no order, and keeps bbolt's default.
const fillPercent = 1.0

func (t *tx) put(bucket, key, raw []byte) error {
	b := t.Bucket(bucket)
	b.FillPercent = fillPercent
	if bytes.Equal(bucket, bucketArticleHashes) {
		b.FillPercent = bolt.DefaultFillPercent
	}
	if err := b.Put(key, raw); err != nil {
		return fmt.Errorf("store %s: %w", bucket, err)
	}
	return nil
}

// firstErr returns the first error of a sequence of writes that each stop
// mattering once one has failed: the transaction rolls back whole.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
