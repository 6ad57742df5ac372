package store

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"

	"claimdesk/claims"
)

// FindCaseFile reads the selected claims with everything a report cites, in
// one read transaction.
func (db *DB) FindCaseFile(ctx context.Context, f claims.CaseFilter) (*claims.CaseFile, error) {
	var cf *claims.CaseFile
	err := db.view(ctx, func(t *tx) error {
		var err error
		cf, err = t.caseFile(f)
		return err
	})
	return cf, err
}

// EachCase calls fn with each article's case file in turn, in one read
// transaction.
func (db *DB) EachCase(ctx context.Context, f claims.CaseFilter, fn func(*claims.CaseFile) error) error {
	return db.view(ctx, func(t *tx) error {
		if f.ArticleID != "" {
			cf, err := t.caseFile(f)
			if err != nil {
				return err
			}
			return fn(cf)
		}
		var ids []string
		err := eachLive(t, bucketArticles, func(env *envelope, _ *articleListRecord) { ids = append(ids, env.ID) })
		if err != nil {
			return err
		}
		return t.eachArticleCase(ctx, f, ids, fn)
	})
}

// eachArticleCase reads the case files of the articles ids on every core,
// a few ahead of fn, and gives them to fn in order: reading a case file is
// most of an export's time, and a few held at once bound its memory.
func (t *tx) eachArticleCase(ctx context.Context, f claims.CaseFilter, ids []string, fn func(*claims.CaseFile) error) error {
	type result struct {
		cf  *claims.CaseFile
		err error
	}
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan result, len(ids))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// A slot is taken for each article read and given back once fn is done
	// with it.
	slots := make(chan struct{}, 2*workers)
	next := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait() // the transaction must outlive every reader
	defer close(stop)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(next)
		for i := range ids {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				one := f
				one.ArticleID = ids[i]
				cf, err := t.caseFile(one)
				results[i] <- result{cf, err}
			}
		}()
	}
	for i := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := <-results[i]
		if r.err != nil {
			return r.err
		}
		if err := fn(r.cf); err != nil {
			return err
		}
		<-slots
	}
	return nil
}

func (t *tx) caseFile(f claims.CaseFilter) (*claims.CaseFile, error) {
	settings, err := t.settings()
	if err != nil {
		return nil, err
	}
	cf := &claims.CaseFile{
		Settings: *settings, ReadAt: t.now,
		Evidence:    map[string][]*claims.Evidence{},
		Sources:     map[string]*claims.Source{},
		HistoryHead: string(t.Bucket(bucketMeta).Get(metaHistoryHead)),
	}
	selected, err := t.selectClaims(f)
	if err != nil {
		return nil, err
	}
	articles := map[string]bool{}
	for _, c := range selected {
		if err := t.fillCase(cf, c); err != nil {
			return nil, err
		}
		if !articles[c.ArticleID] {
			articles[c.ArticleID] = true
			a, err := t.findArticle(c.ArticleID)
			if err != nil {
				return nil, err
			}
			cf.Articles = append(cf.Articles, a)
		}
	}
	if f.ArticleID != "" && len(cf.Articles) == 0 {
		a, err := t.findArticle(f.ArticleID)
		if err != nil {
			return nil, err
		}
		cf.Articles = append(cf.Articles, a)
	}
	// IDs are time-ordered, so this is creation order.
	slices.SortFunc(cf.Articles, func(a, b *claims.Article) int { return strings.Compare(a.ID, b.ID) })
	return cf, nil
}

// selectClaims decodes the live claims the filter selects, in creation order.
func (t *tx) selectClaims(f claims.CaseFilter) ([]*claims.Claim, error) {
	filter := claims.ClaimFilter{}
	if f.ArticleID != "" {
		filter.ArticleID = &f.ArticleID
	}
	sums, _, err := t.findSummaries(filter)
	if err != nil {
		return nil, err
	}
	bucket := t.Bucket(bucketClaims)
	var raws [][]byte
	for _, s := range sums {
		if f.PublishedOnly && !s.Status.IsPublic() {
			continue
		}
		key, err := parseID("Claim", s.ID)
		if err != nil {
			return nil, err
		}
		raws = append(raws, bucket.Get(key))
	}
	return decodeAll(raws, decodeClaim)
}

// decodeAll decodes raws on every core, in order: an export decodes every
// claim it writes, and that was most of its time. The values stay valid
// while the transaction that read them is open, which it is until
// decodeAll returns.
func decodeAll[T any](raws [][]byte, decode func([]byte) (T, error)) ([]T, error) {
	const perWorker = 256 // fewer are decoded faster than a goroutine starts
	out := make([]T, len(raws))
	workers := min(runtime.GOMAXPROCS(0), (len(raws)+perWorker-1)/perWorker)
	errs := make([]error, max(workers, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(raws); i += workers {
				var err error
				if out[i], err = decode(raws[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// fillCase adds a claim with its reviews, corrections, evidence and sources.
func (t *tx) fillCase(cf *claims.CaseFile, c *claims.Claim) error {
	claimKey, err := parseID("Claim", c.ID)
	if err != nil {
		return err
	}
	if c.Reviews, err = t.findReviews(claimKey); err != nil {
		return err
	}
	if c.Corrections, err = t.findCorrections(claimKey); err != nil {
		return err
	}
	evidence, err := t.findEvidence(claimKey)
	if err != nil {
		return err
	}
	for _, e := range evidence {
		if cf.Sources[e.SourceID] == nil {
			s, err := t.findSource(e.SourceID)
			if err != nil {
				return err
			}
			cf.Sources[s.ID] = s
		}
	}
	cf.Evidence[c.ID] = evidence
	cf.Claims = append(cf.Claims, c)
	return nil
}

// findEvidence returns the live evidence attached to a claim, oldest first.
func (t *tx) findEvidence(claimKey []byte) ([]*claims.Evidence, error) {
	var out []*claims.Evidence
	evidence := t.Bucket(bucketEvidence)
	c := t.Bucket(bucketClaimEvidence).Cursor()
	for k, _ := c.Seek(claimKey); bytes.HasPrefix(k, claimKey); k, _ = c.Next() {
		var rec evidenceRecord
		env, err := decodeEnvelope(evidence.Get(k[len(claimKey):]), &rec)
		if err != nil {
			return nil, err
		}
		if !env.Deleted {
			out = append(out, rec.evidence(env))
		}
	}
	return out, nil
}
