package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/extract"
	"claimdesk/store"
)

// benchSizes are the article sizes an import is measured at: an ordinary
// long page, and the largest article ClaimDesk accepts.
var benchSizes = []struct {
	name  string
	bytes int
}{
	{"1MB", 1 << 20},
	{"5MB", claims.MaxArticleText},
}

// benchSources are the real articles a large one is made of.
var benchSources = []string{
	filepath.Join("..", "..", "assets", "sample", "article-fr.txt"),
	filepath.Join("testdata", "eval", "economie-fr.txt"),
}

var digits = regexp.MustCompile(`[0-9]+`)

// bigArticle repeats the real French articles up to size bytes. With vary,
// every copy shifts its numbers, so that no two sentences are the same, as
// in a real long text.
func bigArticle(tb testing.TB, size int, vary bool) string {
	tb.Helper()
	var parts []string
	for _, path := range benchSources {
		raw, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, strings.TrimSpace(string(raw)))
	}
	var b strings.Builder
	for copyNo := 0; b.Len() < size; copyNo++ {
		part := parts[copyNo%len(parts)]
		if vary {
			part = digits.ReplaceAllStringFunc(part, func(d string) string {
				n, _ := strconv.Atoi(d)
				return strconv.Itoa(n + copyNo)
			})
		}
		b.WriteString(part)
		b.WriteString("\n\n")
	}
	return truncateAtLine(b.String(), size)
}

// truncateAtLine cuts text to at most size bytes, at a line break.
func truncateAtLine(text string, size int) string {
	if len(text) <= size {
		return text
	}
	return text[:strings.LastIndexByte(text[:size], '\n')+1]
}

// BenchmarkImportArticle measures what `claimdesk import` does with a large
// article, step by step and end to end, to show that the time grows in
// proportion to the article's size.
func BenchmarkImportArticle(b *testing.B) {
	for _, size := range benchSizes {
		text := bigArticle(b, size.bytes, true)
		b.Run(size.name+"/Analyze", func(b *testing.B) {
			for b.Loop() {
				extract.Analyze(text, claims.LangFrench)
			}
			reportSpeed(b, text)
		})
		candidates := extract.Analyze(text, claims.LangFrench)
		b.Run(size.name+"/Suggest", func(b *testing.B) {
			for b.Loop() {
				if _, err := extract.Suggest(text, candidates, extract.DefaultThreshold); err != nil {
					b.Fatal(err)
				}
			}
			reportSpeed(b, text)
		})
		b.Run(size.name+"/Store", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				found, err := extract.Suggest(text, candidates, extract.DefaultThreshold)
				if err != nil {
					b.Fatal(err)
				}
				db := openBenchDB(b)
				b.StartTimer()
				storeArticle(b, db, text, found)
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			reportSpeed(b, text)
		})
		b.Run(size.name+"/All", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := openBenchDB(b)
				b.StartTimer()
				found, err := extract.Suggest(text, extract.Analyze(text, claims.LangFrench), extract.DefaultThreshold)
				if err != nil {
					b.Fatal(err)
				}
				storeArticle(b, db, text, found)
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			reportSpeed(b, text)
		})
	}
}

func openBenchDB(b *testing.B) *store.DB {
	b.Helper()
	db, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{Language: claims.LangFrench})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func storeArticle(b *testing.B, db *store.DB, text string, found []*claims.Claim) {
	b.Helper()
	a := &claims.Article{Title: "Bench", Language: claims.LangFrench, Text: text}
	if err := db.ImportArticle(claims.NewContext(context.Background(), "Bench"), a, found); err != nil {
		b.Fatal(err)
	}
}

// reportSpeed reports the throughput in megabytes of article per second.
func reportSpeed(b *testing.B, text string) {
	b.ReportMetric(float64(len(text))*float64(b.N)/1e6/b.Elapsed().Seconds(), "MB/s")
}
