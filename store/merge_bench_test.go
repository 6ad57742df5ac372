package store

import (
	"os"
	"path/filepath"
	"testing"

	"claimdesk/claims"
)

// mergeBenchFiles builds, once, two 50,000-claim copies of one database
// that share 25,000 claims and each added 25,000 of their own.
func mergeBenchFiles(b *testing.B) (a, other string) {
	b.Helper()
	dir := b.TempDir()
	base := filepath.Join(dir, "base.db")
	db := mustOpenPath(b, base, claims.LangFrench)
	importBench(b, db, 0, 250)
	db.Close()
	a, other = filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for i, path := range []string{a, other} {
		copyDBb(b, base, path)
		db := mustOpenPath(b, path, claims.LangFrench)
		importBench(b, db, 1000*(i+1), 250)
		db.Close()
	}
	return a, other
}

func importBench(b *testing.B, db *DB, from, articles int) {
	for i := from; i < from+articles; i++ {
		a, list := benchArticle(i, 100)
		if err := db.ImportArticle(as("Bench"), a, list); err != nil {
			b.Fatal(err)
		}
	}
}

func copyDBb(b *testing.B, from, to string) {
	raw, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkMerge50kInto50k merges a 50,000-claim copy into another that
// shares half of it, validation of the incoming file included, and compares
// the merged file's size with a fresh compact write of the same data.
func BenchmarkMerge50kInto50k(b *testing.B) {
	a, other := mergeBenchFiles(b)
	var merged string
	for b.Loop() {
		b.StopTimer()
		merged = filepath.Join(b.TempDir(), "merged.db")
		copyDBb(b, a, merged)
		db, err := Open(merged, Options{SkipDeepCheck: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		report, err := db.Merge(as("Bench"), other)
		b.StopTimer()
		if err != nil || report.Added["claim"] != 25_000 {
			b.Fatalf("merge: %v, %+v", err, report)
		}
		db.Close()
		b.StartTimer()
	}
	b.StopTimer()
	db, err := Open(merged, Options{SkipDeepCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fresh := filepath.Join(b.TempDir(), "fresh.db")
	if err := db.SaveCopy(as("Bench"), fresh, claims.CopyOptions{}); err != nil {
		b.Fatal(err)
	}
	m, _ := os.Stat(merged)
	f, _ := os.Stat(fresh)
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
	b.ReportMetric(float64(m.Size())/float64(f.Size()), "size/fresh")
	b.ReportMetric(float64(m.Size())/75_000, "B/claim")
	b.ReportMetric(float64(m.Size())/1e6, "MB")

}
