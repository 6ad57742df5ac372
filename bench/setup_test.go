package bench

import (
	"fmt"
	"os"
	"sort"
	"sync"
	"testing"
	"time"
)

// env is the dataset of one run, built once for every benchmark that
// needs it.
type env struct {
	dir string
	cd  *cdFiles
	sq  *sqFiles
}

var (
	envOnce sync.Once
	envData *env
	envErr  error
	envDir  string
)

// setup builds both engines' files on first use: SQLite first, since it
// takes seconds, then ClaimDesk, which takes minutes.
func setup(b *testing.B) *env {
	b.Helper()
	envOnce.Do(func() {
		scale()
		envDir, envErr = os.MkdirTemp("", "claimdesk-bench-")
		if envErr != nil {
			return
		}
		e := &env{dir: envDir, sq: sqlitePaths(envDir)}
		start := time.Now()
		if e.sq.claimIDs, envErr = buildSQLite(e.sq.big, numArticles); envErr != nil {
			return
		}
		logf("sqlite: %d claims built in %s (%s)", numClaims(), since(start), fileSize(e.sq.big))
		start = time.Now()
		if _, envErr = buildSQLite(e.sq.small, exportArticles); envErr != nil {
			return
		}
		logf("sqlite: %d claims built in %s (%s)", exportArticles*claimsPerArticle, since(start), fileSize(e.sq.small))
		start = time.Now()
		if e.cd, envErr = buildClaimDesk(envDir); envErr != nil {
			return
		}
		logf("claimdesk: %d claims built in %s (%s; %d-claim copy %s)", numClaims(), since(start), fileSize(e.cd.big), exportArticles*claimsPerArticle, fileSize(e.cd.small))
		envData = e
	})
	if envErr != nil {
		b.Fatal(envErr)
	}
	return envData
}

func TestMain(m *testing.M) {
	code := m.Run()
	if envDir != "" {
		os.RemoveAll(envDir)
	}
	os.Exit(code)
}

func fileSize(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return "no file"
	}
	return fmt.Sprintf("%.1f MB", float64(info.Size())/1e6)
}

// latencies collects the duration of each call of a latency benchmark.
type latencies []time.Duration

// time runs fn once and records how long it took.
func (l *latencies) time(b *testing.B, fn func() error) {
	start := time.Now()
	err := fn()
	*l = append(*l, time.Since(start))
	if err != nil {
		b.Fatal(err)
	}
}

// report sets the benchmark's latency metrics: the mean call, its 50th,
// 95th and 99th percentiles and the slowest, in milliseconds. The slowest
// matters for saves: a rare file growth or WAL checkpoint hides in p99 of a
// few hundred edits but not in the mean.
func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	sorted := append(latencies(nil), l...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	var sum time.Duration
	for _, d := range sorted {
		sum += d
	}
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(sum)/float64(len(sorted)), "ms/op")
	for _, p := range []struct {
		q    float64
		name string
	}{{0.50, "p50-ms"}, {0.95, "p95-ms"}, {0.99, "p99-ms"}} {
		b.ReportMetric(ms(sorted[percentileIndex(len(sorted), p.q)]), p.name)
	}
	b.ReportMetric(ms(sorted[len(sorted)-1]), "max-ms")
	b.ReportMetric(float64(len(sorted)), "samples")
}

// percentile returns the nearest-rank percentile q (a fraction) of the
// samples, in milliseconds.
func (l latencies) percentile(q float64) float64 {
	sorted := append(latencies(nil), l...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return float64(sorted[percentileIndex(len(sorted), q)]) / 1e6
}

// percentileIndex is the nearest-rank percentile: the smallest sample at
// or above a fraction q of them.
func percentileIndex(n int, q float64) int {
	i := int(float64(n)*q+0.999999) - 1
	return max(0, min(n-1, i))
}
