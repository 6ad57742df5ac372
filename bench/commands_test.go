package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/store"
)

// gnuTime measures a command's peak memory.
const gnuTime = "/usr/bin/time"

// commandRuns is how many times each command runs; the median counts.
const commandRuns = 5

// command is one W row: a claimdesk command line and the sqlite3 command
// line that answers the same question from the SQLite dataset, as whole
// processes a user would type. Both print to a pipe that is read and
// dropped, as a terminal or a script would read it.
type command struct {
	name      string
	claimdesk []string
	sqlite    []string // nil: SQLite has no equivalent
}

// BenchmarkCommands is W1–W3 and W5: the commands as processes at 100,000
// claims beside Debian's sqlite3 on the same data, with the peak memory of
// each (the process's maximum resident set). It skips when sqlite3 is not
// installed, nor GNU time.
func BenchmarkCommands(b *testing.B) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 is not installed (apt-get install sqlite3)")
	}
	if _, err := os.Stat(gnuTime); err != nil {
		b.Skip("GNU time is not installed (apt-get install time)")
	}
	e := setup(b)
	bin := buildClaimDeskBinary(b)
	articleID := firstArticle(b, e.cd.big)
	claimID := e.cd.claimIDs[0][0]
	out := b.TempDir()
	db, sq := e.cd.big, e.sq.big
	cols := "id, article_id, text, summary, speaker, organization, kind, status, rating, tags, assignee, check_worthiness, updated_at, body"
	list := func(where string) string { return "SELECT " + cols + " FROM claims WHERE " + where + " ORDER BY rowid" }
	commands := []command{
		{"W0 start-up", []string{"help"}, []string{"-version"}},
		{"W1 claims --status --json", []string{"claims", "--db", db, "--status", string(filterStatus), "--json"},
			[]string{"-json", sq, list(fmt.Sprintf("status = '%s'", filterStatus))}},
		{"W1 claims --rating --json", []string{"claims", "--db", db, "--rating", filterRating, "--json"},
			[]string{"-json", sq, list(fmt.Sprintf("rating = '%s'", filterRating))}},
		{"W1 claims --speaker --json", []string{"claims", "--db", db, "--speaker", filterSpeaker, "--json"},
			[]string{"-json", sq, list(fmt.Sprintf("speaker = '%s'", filterSpeaker))}},
		{"W1 claims --tag --json", []string{"claims", "--db", db, "--tag", filterTag, "--json"},
			[]string{"-json", sq, list(fmt.Sprintf("rowid IN (SELECT claim FROM claim_tags WHERE tag = '%s')", filterTag))}},
		{"W1 claims --query --json", []string{"claims", "--db", db, "--query", queries[2], "--json"},
			[]string{"-json", sq, list(fmt.Sprintf("rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH '%s')", ftsQuery(queries[2])))}},
		{"W1 claims --status", []string{"claims", "--db", db, "--status", string(filterStatus)},
			[]string{sq, fmt.Sprintf("SELECT id, status, rating, speaker, summary FROM claims WHERE status = '%s' ORDER BY rowid", filterStatus)}},
		{"W2 articles", []string{"articles", "--db", db},
			[]string{sq, "SELECT id, language, title FROM articles ORDER BY rowid"}},
		{"W2 claim show", []string{"claim", "show", "--db", db, "--claim", claimID, "--json"},
			[]string{"-json", sq, fmt.Sprintf("SELECT * FROM claims WHERE id = '%s'", claimID)}},
		{"W3 export CSV of every claim", []string{"export", "--db", db, "--format", "csv", "--out", "-"},
			[]string{"-csv", "-header", sq, "SELECT c.id, a.title, c.text, c.summary, c.speaker, c.organization, c.status, c.rating, c.tags FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.rowid"}},
		{"W3 export JSON of one article", []string{"export", "--db", db, "--format", "json", "--article", articleID, "--out", "-"},
			[]string{"-json", sq, fmt.Sprintf("SELECT * FROM articles WHERE id = '%[1]s'; SELECT * FROM claims WHERE article_id = '%[1]s'; "+
				"SELECT * FROM evidence WHERE claim_id IN (SELECT id FROM claims WHERE article_id = '%[1]s'); "+
				"SELECT * FROM events WHERE claim_id IN (SELECT id FROM claims WHERE article_id = '%[1]s')", articleID)}},
		{"W5 check", []string{"check", "--db", db}, []string{sq, "PRAGMA quick_check"}},
		{"W5 backup", []string{"backup", "--db", db, filepath.Join(out, "copy-%d.db")},
			[]string{sq, "VACUUM INTO '" + filepath.Join(out, "sqlite-copy-%d.db") + "'"}},
	}
	// The program opens a file it did not write after checking it whole,
	// and remembers the files it closed: one command, not measured, makes
	// the dataset a file this program left, as a user's own file is. The
	// first opening of another's file is S8's check.
	warm := exec.Command(bin, "articles", "--db", db)
	if raw, err := warm.CombinedOutput(); err != nil {
		b.Fatalf("claimdesk articles: %v\n%s", err, raw)
	}
	for _, c := range commands {
		b.Run(c.name, func(b *testing.B) {
			b.Run("claimdesk", func(b *testing.B) { runCommand(b, bin, c.claimdesk) })
			if c.sqlite != nil {
				b.Run("sqlite", func(b *testing.B) { runCommand(b, sqlite3, c.sqlite) })
			}
		})
	}
}

// runCommand runs a command line commandRuns times per iteration and
// reports the median wall time and the highest peak memory. A %d in an
// argument becomes the run's number, for commands that write a new file.
func runCommand(b *testing.B, bin string, args []string) {
	var times []time.Duration
	var peakKB int64
	run := 0
	for b.Loop() {
		for range commandRuns {
			run++
			argv := slices.Clone(args)
			for i, a := range argv {
				if bytes.Contains([]byte(a), []byte("%d")) {
					argv[i] = fmt.Sprintf(a, run)
				}
			}
			// GNU time reports the command's own peak: a child of this
			// process would count this process's memory as its own, since
			// Go starts children with vfork.
			peakFile := filepath.Join(b.TempDir(), "peak")
			cmd := exec.Command(gnuTime, append([]string{"-f", "%M", "-o", peakFile, bin}, argv...)...)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = discard{}, &stderr
			cmd.Env = append(os.Environ(), "CLAIMDESK_REVIEWER=Bench")
			start := time.Now()
			if err := cmd.Run(); err != nil {
				b.Fatalf("%s %v: %v\n%s", filepath.Base(bin), argv, err, stderr.Bytes())
			}
			times = append(times, time.Since(start))
			raw, err := os.ReadFile(peakFile)
			if kb, convErr := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64); err == nil && convErr == nil {
				peakKB = max(peakKB, kb)
			}
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1e3, "median-ms")
	b.ReportMetric(float64(peakKB)/1024, "peak-MB")
}

// discard reads a command's output and drops it, as a pipe to a reader.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// buildClaimDeskBinary builds the program once for the run.
func buildClaimDeskBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(envDir, "claimdesk")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	start := time.Now()
	cmd := exec.Command("go", "build", "-o", bin, "claimdesk")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("go build: %v", err)
	}
	logf("claimdesk built in %s", since(start))
	return bin
}

func firstArticle(b *testing.B, path string) string {
	b.Helper()
	db, err := store.Open(path, store.Options{SkipDeepCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	articles, err := db.FindArticles(context.Background())
	if err != nil || len(articles) == 0 {
		b.Fatalf("no article: %v", err)
	}
	return articles[0].ID
}
