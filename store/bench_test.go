package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"claimdesk/claims"
)

const (
	benchArticles   = 1000
	benchPerArticle = 100 // 100,000 claims in all
)

// benchArticle returns an article of n sentences and a claim per sentence.
func benchArticle(i, n int) (*claims.Article, []*claims.Claim) {
	var text strings.Builder
	list := make([]*claims.Claim, 0, n)
	for j := 0; j < n; j++ {
		sentence := fmt.Sprintf("Selon le rapport %d, plus de %d conteneurs de munitions ont été livrés à la Corée du Nord.", i, j*1000+i)
		start := len([]rune(text.String()))
		text.WriteString(sentence + " ")
		status := claims.StatusToTriage
		if j%10 == 0 {
			status = claims.StatusResearching
		}
		list = append(list, &claims.Claim{
			Text: sentence, Kind: claims.KindStatistic, Status: status, Tags: []string{"munitions"},
			Speaker: claims.Speaker{Name: fmt.Sprintf("Porte-parole %d", j%50)},
			Anchor:  claims.Anchor{Start: start, End: start + len([]rune(sentence)), Exact: sentence},
		})
	}
	a := &claims.Article{Title: fmt.Sprintf("Article %d", i), Language: claims.LangFrench, Text: text.String()}
	for _, c := range list {
		c.Anchor, _ = claims.AnchorAt(a.Text, c.Anchor.Start, c.Anchor.End)
	}
	return a, list
}

// BenchmarkInsert100kClaims imports 100,000 claims as a newsroom would: a
// thousand articles of a hundred claims, one transaction each.
func BenchmarkInsert100kClaims(b *testing.B) {
	inputs := make([][]*claims.Claim, benchArticles)
	articles := make([]*claims.Article, benchArticles)
	for i := range articles {
		articles[i], inputs[i] = benchArticle(i, benchPerArticle)
	}
	for b.Loop() {
		b.StopTimer()
		db := mustOpen(b, claims.LangFrench)
		b.StartTimer()
		for i, a := range articles {
			copyA := *a
			if err := db.ImportArticle(as("Bench"), &copyA, cloneClaims(inputs[i])); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		reportSize(b, db.Path())
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchArticles*benchPerArticle)/b.Elapsed().Seconds()*float64(b.N), "claims/s")
}

func cloneClaims(list []*claims.Claim) []*claims.Claim {
	out := make([]*claims.Claim, len(list))
	for i, c := range list {
		copyC := *c
		out[i] = &copyC
	}
	return out
}

func reportSize(b *testing.B, path string) {
	if info, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "MiB-file")
	}
}

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchFile returns the path of a database of 100,000 claims, built once
// per test binary.
func benchFile(b *testing.B) string {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "claimdesk-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "100k.db")
		db, err := Open(benchPath, Options{})
		if err != nil {
			benchErr = err
			return
		}
		defer db.Close()
		benchErr = db.update(as("Bench"), func(t *tx) error {
			for i := 0; i < benchArticles; i++ {
				a, list := benchArticle(i, benchPerArticle)
				if err := t.importArticle(a); err != nil {
					return err
				}
				words := claims.NewTextIndex(a.Text)
				for _, c := range list {
					c.ArticleID = a.ID
					if err := t.createClaim(c, a, words); err != nil {
						return err
					}
				}
			}
			return nil
		})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

// BenchmarkOpenFirst50Summaries is what the window waits for at start-up:
// open the file and read the first screen of the claim list.
func BenchmarkOpenFirst50Summaries(b *testing.B) {
	path := benchFile(b)
	for _, deep := range []bool{false, true} {
		b.Run(fmt.Sprintf("deep-check=%v", deep), func(b *testing.B) {
			for b.Loop() {
				db, err := Open(path, Options{SkipDeepCheck: !deep})
				if err != nil {
					b.Fatal(err)
				}
				list, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Limit: 50})
				if err != nil || len(list) != 50 {
					b.Fatalf("%d summaries, %v", len(list), err)
				}
				db.Close()
			}
		})
	}
}

// BenchmarkLoadAllSummaries loads the whole claim list.
func BenchmarkLoadAllSummaries(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		list, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
		if err != nil || len(list) != benchArticles*benchPerArticle {
			b.Fatalf("%d summaries, %v", len(list), err)
		}
	}
}

// BenchmarkFilterByStatus filters the 100,000 summaries by status.
func BenchmarkFilterByStatus(b *testing.B) {
	db := openBench(b)
	status := claims.StatusResearching
	for b.Loop() {
		list, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Status: &status})
		if err != nil || len(list) != benchArticles*benchPerArticle/10 {
			b.Fatalf("%d summaries, %v", len(list), err)
		}
	}
}

// BenchmarkSearchAccentInsensitive searches the 100,000 summaries for words.
func BenchmarkSearchAccentInsensitive(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		list, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Query: "COREE 999"})
		if err != nil || len(list) == 0 {
			b.Fatalf("%d summaries, %v", len(list), err)
		}
	}
}

func openBench(b *testing.B) *DB {
	db, err := Open(benchFile(b), Options{SkipDeepCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}
