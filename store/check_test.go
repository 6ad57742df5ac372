package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

func TestCheckPassesASoundDatabase(t *testing.T) {
	db, _ := richDB(t)
	report, err := db.Check(context.Background())
	if err != nil || !report.OK() {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	if report.Records < 10 || report.History.Events < 10 {
		t.Fatalf("the check read %d records and %d events", report.Records, report.History.Events)
	}
}

func TestCheckFindsWhatDoesNotHold(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bolt.Tx, c *claims.Claim) error
		want   string
	}{
		{"summary missing", func(tx *bolt.Tx, c *claims.Claim) error {
			key, _ := parseID("Claim", c.ID)
			return tx.Bucket(bucketSummaries).Delete(key)
		}, "list entry of the claim"},
		{"summary stale", func(tx *bolt.Tx, c *claims.Claim) error {
			key, _ := parseID("Claim", c.ID)
			stale := *c
			stale.Status = claims.StatusToTriage
			return tx.Bucket(bucketSummaries).Put(key, encodeSummary(summaryOf(&stale), searchText(&stale)))
		}, "does not match the claim"},
		{"source removed under its evidence", func(tx *bolt.Tx, _ *claims.Claim) error {
			k, _ := tx.Bucket(bucketSources).Cursor().First()
			return tx.Bucket(bucketSources).Delete(k)
		}, "points at a source that is not in the file"},
		{"claim removed under its reviews", func(tx *bolt.Tx, c *claims.Claim) error {
			key, _ := parseID("Claim", c.ID)
			return tx.Bucket(bucketClaims).Delete(key)
		}, "review points at a record that is not in the file"},
		{"record unreadable", func(tx *bolt.Tx, _ *claims.Claim) error {
			k, _ := tx.Bucket(bucketEvidence).Cursor().First()
			return tx.Bucket(bucketEvidence).Put(k, []byte("{not json"))
		}, "cannot be read"},
		{"settings missing", func(tx *bolt.Tx, _ *claims.Claim) error {
			return tx.Bucket(bucketMeta).Delete(metaSettings)
		}, "The file's settings are missing."},
		{"settings invalid", func(tx *bolt.Tx, _ *claims.Claim) error {
			raw := tx.Bucket(bucketMeta).Get(metaSettings)
			return tx.Bucket(bucketMeta).Put(metaSettings, editData(t, raw, `"language":"fr"`, `"language":"xx"`))
		}, "settings are invalid"},
		{"anchor out of range", func(tx *bolt.Tx, c *claims.Claim) error {
			key, _ := parseID("Claim", c.ID)
			raw := tx.Bucket(bucketClaims).Get(key)
			return tx.Bucket(bucketClaims).Put(key, editData(t, raw, `"start":`, `"start":9`))
		}, "is not anchored in its article's words"},
		{"article text changed", func(tx *bolt.Tx, _ *claims.Claim) error {
			b := tx.Bucket(bucketArticles)
			k, v := b.Cursor().First()
			return b.Put(k, editData(t, v, "depuis 24 ans", "depuis 25 ans"))
		}, "no longer matches its SHA-256"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, c := richDB(t)
			if err := db.bolt.Update(func(tx *bolt.Tx) error { return tt.damage(tx, c) }); err != nil {
				t.Fatal(err)
			}
			report, err := db.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if report.OK() || !strings.Contains(fmt.Sprint(report.Problems), tt.want) {
				t.Fatalf("problems = %q, want one saying %q", report.Problems, tt.want)
			}
		})
	}
}

// countdownCtx ends after its n-th question: a test stops a check
// wherever it happens to ask, as closing the window does.
type countdownCtx struct {
	context.Context
	n    atomic.Int64
	done chan struct{}
	once sync.Once
}

func newCountdown(n int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background(), done: make(chan struct{})}
	c.n.Store(n)
	return c
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		c.once.Do(func() { close(c.done) })
		return context.Canceled
	}
	return nil
}

func (c *countdownCtx) Done() <-chan struct{} { return c.done }

// Stopped at any point, the check returns the context's error and no
// report, and the database still closes; left alone, it passes. The file
// has more than 1,024 claims, summaries, index entries and events, which
// the check's loops stop between.
func TestCheckStopsWhenItsContextEnds(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	var text strings.Builder
	var list []*claims.Claim
	for i := range 1100 {
		sentence := fmt.Sprintf("Le rapport %d compte %d conteneurs.", i, 1000+i)
		text.WriteString(sentence + " ")
		list = append(list, &claims.Claim{Text: sentence, Kind: claims.KindStatistic, Tags: []string{"munitions"}})
	}
	a := &claims.Article{Title: "Mille rapports", Language: claims.LangFrench, Text: text.String()}
	if err := db.ImportArticle(as("Alice"), a, list); err != nil {
		t.Fatal(err)
	}
	for n := int64(0); ; n++ {
		report, err := db.Check(newCountdown(n))
		if err == nil {
			t.Logf("passed after %d questions", n)
			if !report.OK() || n < 3 {
				t.Fatalf("after %d questions: %+v", n, report)
			}
			break
		}
		if !errors.Is(err, context.Canceled) || report != nil {
			t.Fatalf("stopped after %d questions: %+v, %v", n, report, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
