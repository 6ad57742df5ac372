package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/store"
)

// launchDB builds a database of 100,000 claims: 1,000 articles of 100.
func launchDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "launch.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := claims.NewContext(context.Background(), "Bench")
	for i := 0; i < 1000; i++ {
		var text strings.Builder
		var list []*claims.Claim
		for j := 0; j < 100; j++ {
			s := fmt.Sprintf("Selon le rapport %d, plus de %d conteneurs de munitions ont été livrés à la Corée du Nord.", i, j*1000+i)
			text.WriteString(s + " ")
			list = append(list, &claims.Claim{Text: s, Kind: claims.KindStatistic, Tags: []string{"munitions"},
				Speaker: claims.Speaker{Name: fmt.Sprintf("Porte-parole %d", j%50)}})
		}
		a := &claims.Article{Title: fmt.Sprintf("Article %d", i), Language: claims.LangFrench, Text: text.String()}
		// The same sentence may not occur twice in an article, so each
		// claim's first occurrence is its own.
		if err := db.ImportArticle(ctx, a, list); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLaunchToFirstRows starts the real window on a 100,000-claim
// database and measures the time from starting the process to the claim
// list's first rows, and the database's share of it. It needs a display
// (make bench runs it under Xvfb).
func BenchmarkLaunchToFirstRows(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no display: run under xvfb-run")
	}
	path := launchDB(b)
	// The floor is the same window on the 21-claim sample: what starting
	// the program and drawing the window take, whatever the database.
	sample := filepath.Join(b.TempDir(), "sample.db")
	if r := claimdeskForBench(b, "init", "--db", sample); r != nil {
		b.Fatal(r)
	}
	config := b.TempDir()
	var launches, opens, floors []time.Duration
	var anonPeak int64
	for i := 0; b.Loop(); i++ {
		// The second launch, the first of a file this machine closed last,
		// stays open while the check it runs in the background after the
		// first rows goes on, its memory watched.
		watch := time.Duration(0)
		if i == 1 {
			watch = memoryWatch
		}
		launch, open, anon := launchOnce(b, path, config, watch)
		floor, _, _ := launchOnce(b, sample, config, 0)
		anonPeak = max(anonPeak, anon)
		if i > 0 { // the first launch records the files as trusted, as any first run does
			launches, opens, floors = append(launches, launch), append(opens, open), append(floors, floor)
		}
	}
	if len(launches) > 0 {
		b.ReportMetric(float64(median(launches).Microseconds())/1000, "ms-to-first-rows")
		b.ReportMetric(float64(median(opens).Microseconds())/1000, "ms-db-open")
		b.ReportMetric(float64(median(floors).Microseconds())/1000, "ms-floor")
		b.ReportMetric(float64(anonPeak)/1024, "anon-peak-MB")
	}
}

// memoryWatch is how long the window's memory is watched after its first
// rows: longer than its background check of 100,000 claims takes.
const memoryWatch = 15 * time.Second

// anonKB returns the process's anonymous resident memory, its own as
// opposed to the file's pages it maps, in KB, or 0 when it cannot be read.
func anonKB(pid int) int64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "RssAnon:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

// claimdeskForBench runs the program's command line, as the launch does.
func claimdeskForBench(b *testing.B, args ...string) error {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CLAIMDESK_TEST_MAIN=1", "DISPLAY=", "XDG_CONFIG_HOME="+b.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("claimdesk %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// launchOnce starts the window on path and returns when it shows its first
// rows, or, when watch is set, after watching its anonymous memory that
// long, with the peak seen.
func launchOnce(b *testing.B, path, config string, watch time.Duration) (launch, open time.Duration, anonPeak int64) {
	cmd := exec.Command(os.Args[0], "--db", path)
	cmd.Env = append(os.Environ(), "CLAIMDESK_TEST_MAIN=1", "CLAIMDESK_TRACE_STARTUP=1", "XDG_CONFIG_HOME="+config,
		"HOME="+config, "CLAIMDESK_REVIEWER=Bench")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		fields := strings.Fields(lines.Text())
		switch {
		case len(fields) == 4 && fields[1] == "open":
			us, _ := strconv.Atoi(fields[2])
			open = time.Duration(us) * time.Microsecond
		case len(fields) == 3 && fields[1] == "first-rows":
			ns, _ := strconv.ParseInt(fields[2], 10, 64)
			for end := time.Now().Add(watch); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
				anonPeak = max(anonPeak, anonKB(cmd.Process.Pid))
			}
			return time.Unix(0, ns).Sub(start), open, anonPeak
		}
	}
	b.Fatal("the window never showed its first rows")
	return 0, 0, 0
}

func median(list []time.Duration) time.Duration {
	sorted := append([]time.Duration(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[len(sorted)/2]
}
