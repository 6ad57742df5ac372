package store

import (
	"bytes"
	"cmp"
	"context"

	"claimdesk/claims"
)

// maxProblems bounds a report: past a few dozen, more lines tell nothing new.
const maxProblems = 50

// Check verifies the whole database in one read transaction. bbolt's own
// check of the pages runs beside the rest, on the same transaction, as
// bbolt means it to. When ctx ends, Check returns at once; the pages'
// check, which cannot be stopped, finishes on its own, and only then does
// the transaction end, since it reads the file's memory map: closing the
// database waits for it.
func (db *DB) Check(ctx context.Context) (*claims.IntegrityReport, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	btx, err := db.bolt.Begin(false)
	if err != nil {
		return nil, claims.FileError(db.path, err)
	}
	pages := make(chan []claims.Text, 1)
	go func() {
		var found []claims.Text
		for err := range btx.Check() {
			found = append(found, claims.Textf("The file's structure: %v.", err))
		}
		pages <- found
	}()
	t := &tx{Tx: btx, db: db, now: db.now().UTC()}
	report, err := t.check(ctx)
	if err != nil {
		go func() {
			<-pages
			_ = btx.Rollback()
		}()
		return nil, err
	}
	structure := <-pages
	_ = btx.Rollback()
	report.Problems = append(structure, report.Problems...)
	if len(report.Problems) > maxProblems {
		report.Problems = report.Problems[:maxProblems]
	}
	return report, nil
}

// stopping returns the context's error every 1024 calls: a loop over a
// bucket calls it to stop soon after the program closes the file.
func (c *checker) stopping(n *int) error {
	if *n++; *n%1024 == 0 {
		return c.ctx.Err()
	}
	return nil
}

// checker gathers problems as the check goes.
type checker struct {
	t      *tx
	ctx    context.Context
	report *claims.IntegrityReport
}

func (c *checker) problem(p claims.Text) {
	if len(c.report.Problems) < maxProblems {
		c.report.Problems = append(c.report.Problems, p)
	}
}

// check runs in two halves, each on its own goroutine in the one read
// transaction: the history and the indexes on one, the records on the
// other. Each half has its own problems; the report lists the records'
// first.
func (t *tx) check(ctx context.Context) (*claims.IntegrityReport, error) {
	records := &checker{t: t, ctx: ctx, report: &claims.IntegrityReport{}}
	indexes := &checker{t: t, ctx: ctx, report: &claims.IntegrityReport{}}
	var history *claims.HistoryCheck
	var historyErr, indexErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if history, historyErr = verifyEvents(ctx, t.Tx); historyErr == nil {
			indexErr = indexes.run(indexes.index, indexes.claimEvents)
		}
	}()
	recordsErr := records.run(records.settings, records.articles, records.claims, records.sources,
		records.evidence, records.children, records.claimStates)
	<-done
	if err := cmp.Or(historyErr, indexErr, recordsErr); err != nil {
		return nil, err // the program is closing the file: stop reading it
	}
	report := records.report
	report.History = history
	for _, p := range indexes.report.Problems {
		records.problem(p)
	}
	return report, nil
}

// run runs the steps of a check in order, and stops when the context ends.
func (c *checker) run(steps ...func()) error {
	for _, step := range steps {
		step()
		if err := c.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// checkRecords decodes every record of a bucket once, into its own type,
// counting them and reporting those that cannot be read.
func checkRecords[R any](c *checker, bucket []byte, what string, fn func(k []byte, env *envelope, rec *R)) {
	_ = c.t.Bucket(bucket).ForEach(func(k, v []byte) error {
		c.report.Records++
		if c.report.Records%1024 == 0 && c.ctx.Err() != nil {
			return c.ctx.Err()
		}
		var rec R
		env, err := decodeEnvelope(v, &rec)
		if err != nil {
			c.problem(claims.Textf("The %s %s cannot be read: %v.", recordName(what), idString(k), err))
			return nil
		}
		fn(k, env, &rec)
		return nil
	})
}

// settings checks that the file has settings a person could have set.
func (c *checker) settings() {
	raw := c.t.Bucket(bucketMeta).Get(metaSettings)
	if raw == nil {
		c.problem(claims.Textf("The file's settings are missing."))
		return
	}
	if _, err := checkSettings(raw, claims.Textf("file")); err != nil {
		c.problem(claims.TextOf(err))
	}
}

func (c *checker) articles() {
	hashes := c.t.Bucket(bucketArticleHashes)
	checkRecords(c, bucketArticles, "article", func(k []byte, env *envelope, rec *articleRecord) {
		if err := claims.CheckArticleState(rec.article(env)); err != nil {
			c.problem(claims.TextOf(err))
		}
		if claims.TextHash(rec.Text) != rec.TextSHA256 {
			c.problem(claims.Textf("The article %s's text no longer matches its SHA-256.", env.ID))
		}
		if hashes.Get([]byte(rec.TextSHA256)) == nil {
			c.problem(claims.Textf("The article %s is missing from the index of article texts.", env.ID))
		}
	})
}

func (c *checker) claims() {
	articles, sums := c.t.Bucket(bucketArticles), c.t.Bucket(bucketSummaries)
	links := c.t.Bucket(bucketArticleClaims)
	anchors := &anchorCheck{}
	checkRecords(c, bucketClaims, "claim", func(k []byte, env *envelope, rec *claimRecord) {
		cl := rec.claim(env)
		articleKey, err := parseID("Article", cl.ArticleID)
		if err != nil || articles.Get(articleKey) == nil {
			c.problem(claims.Textf("The claim %s belongs to an article that is not in the file.", env.ID))
			return
		}
		if links.Get(joinKey(articleKey, k)) == nil {
			c.problem(claims.Textf("The claim %s is missing from its article's index.", env.ID))
		}
		if !anchors.matches(articles.Get(articleKey), cl) {
			c.problem(claims.Textf("The claim %s is not anchored in its article's words.", env.ID))
		}
		if !bytes.Equal(sums.Get(k), encodeSummary(summaryOf(cl), searchText(cl))) {
			c.problem(claims.Textf("The list entry of the claim %s does not match the claim.", env.ID))
		}
	})
	c.orphans(bucketSummaries, bucketClaims, 0, claims.Textf("list entry"))
	c.orphans(bucketArticleClaims, bucketClaims, 16, claims.Textf("article index entry"))
}

func (c *checker) sources() {
	checkRecords(c, bucketSources, "source", func(_ []byte, env *envelope, rec *sourceRecord) {
		if err := claims.CheckSourceState(rec.source(env)); err != nil {
			c.problem(claims.TextOf(err))
		}
	})
}

// claimStates checks every claim, and every version of one set aside, with
// its reviews and corrections, against the states commands can leave.
func (c *checker) claimStates() {
	settings, err := c.t.settings()
	if err != nil {
		return // reported by settings
	}
	check := func(raw []byte) {
		cl, err := c.t.claimWithChildren(raw)
		if err != nil {
			return // reported by claims
		}
		if err := claims.CheckClaimState(cl, settings.RequireSecondReviewer); err != nil {
			c.problem(claims.TextOf(err))
		}
	}
	n := 0
	_ = c.t.Bucket(bucketClaims).ForEach(func(k, v []byte) error {
		check(v)
		for _, aside := range c.t.setAsideOf(k) {
			check(aside.Record)
		}
		return c.stopping(&n)
	})
}

// anchorCheck checks claims' anchors against their article's text, keeping
// the index of the last article read: a file stores an article's claims
// together, in the order they were created.
type anchorCheck struct {
	article []byte
	index   *claims.TextIndex
}

func (a *anchorCheck) matches(articleRaw []byte, c *claims.Claim) bool {
	if a.index == nil || !bytes.Equal(a.article, articleRaw) {
		art, err := articleOf(articleRaw)
		if err != nil {
			return true // reported by articles
		}
		a.article, a.index = articleRaw, claims.NewTextIndex(art.Text)
	}
	return a.index.Matches(c.Anchor)
}

func (c *checker) evidence() {
	claimsB, sources := c.t.Bucket(bucketClaims), c.t.Bucket(bucketSources)
	byClaim, bySource := c.t.Bucket(bucketClaimEvidence), c.t.Bucket(bucketSourceUses)
	checkRecords(c, bucketEvidence, "evidence", func(k []byte, env *envelope, rec *evidenceRecord) {
		claimKey, errC := parseID("Claim", rec.ClaimID)
		sourceKey, errS := parseID("Source", rec.SourceID)
		switch {
		case errC != nil || claimsB.Get(claimKey) == nil:
			c.problem(claims.Textf("The evidence %s points at a claim that is not in the file.", env.ID))
		case errS != nil || sources.Get(sourceKey) == nil:
			c.problem(claims.Textf("The evidence %s points at a source that is not in the file.", env.ID))
		case byClaim.Get(joinKey(claimKey, k)) == nil || bySource.Get(joinKey(sourceKey, k)) == nil:
			c.problem(claims.Textf("The evidence %s is missing from the index of its claim or source.", env.ID))
		}
	})
	c.orphans(bucketClaimEvidence, bucketEvidence, 16, claims.Textf("claim's evidence index entry"))
	c.orphans(bucketSourceUses, bucketEvidence, 16, claims.Textf("source's evidence index entry"))
}

// children checks that every review and correction belongs to a claim.
func (c *checker) children() {
	checkRecords(c, bucketReviews, "review", func([]byte, *envelope, *reviewRecord) {})
	c.orphans(bucketReviews, bucketClaims, 0, claims.Textf("review"))
	checkRecords(c, bucketCorrections, "correction", func([]byte, *envelope, *correctionRecord) {})
	c.orphans(bucketCorrections, bucketClaims, 0, claims.Textf("correction"))
}

func (c *checker) claimEvents() {
	c.orphans(bucketClaimEvents, bucketClaims, 0, claims.Textf("claim history index entry"))
	c.orphans(bucketClaimEvents, bucketEvents, 16, claims.Textf("claim history index entry"))
	c.orphans(bucketRecordEvents, bucketEvents, 16, claims.Textf("record history index entry"))
}

// orphans reports the keys of bucket whose 16 bytes at offset name no
// record of target: an index entry or a child left behind by its record.
func (c *checker) orphans(bucket, target []byte, offset int, what claims.Text) {
	t := c.t.Bucket(target)
	n := 0
	_ = c.t.Bucket(bucket).ForEach(func(k, _ []byte) error {
		if len(k) < offset+16 || t.Get(k[offset:offset+16]) == nil {
			c.problem(claims.Textf("A %s points at a record that is not in the file (%x).", what, k))
		}
		return c.stopping(&n)
	})
}
