package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"claimdesk/claims"
)

// crashKills sets how many times TestKillDuringWritesLosesNoSavedChange
// kills its writer. The default keeps `go test ./store` short; a longer run
// asks for more:
//
//	go test ./store -run '^TestKillDuringWritesLosesNoSavedChange$' -crash.kills=1000
var (
	crashKills = flag.Int("crash.kills", 200, "writers TestKillDuringWritesLosesNoSavedChange kills with SIGKILL")
	crashSeed  = flag.Uint64("crash.seed", 20240618, "seed of the kill schedule and of the writers' choices")
)

// The child learns what to do from its environment, since it is this test
// binary started again with -test.run=^TestCrashChild$.
const (
	crashChildEnv = "CLAIMDESK_CRASH_CHILD" // the database's path
	crashSeedEnv  = "CLAIMDESK_CRASH_SEED"  // the child's random choices
	crashFirstEnv = "CLAIMDESK_CRASH_FIRST" // the first change number the child uses
	crashRunEnv   = "CLAIMDESK_CRASH_RUN"   // how long the child may live if nobody kills it
)

// crashPhrases are words of testText the writer anchors new claims on.
var crashPhrases = []string{
	"premier voyage en Corée du Nord depuis 24 ans",
	"plus de 11 000 conteneurs de munitions",
	"la Chine alimentait la guerre",
	"Les États-Unis ont accusé Pyongyang",
}

// crashRatings are keys of the French scale, which the parent's file uses.
var crashRatings = []string{"vrai", "faux", "trompeur"}

// TestKillDuringWritesLosesNoSavedChange kills a writer with SIGKILL at a
// random moment, again and again on the same file, and checks that the file
// still opens, passes every check, and holds every change the writer
// reported as saved. A change is reported only after its transaction
// returned, so losing one would mean a commit that did not last; a file
// refused after a kill would mean the checks at open mistake an interrupted
// write for damage. SIGKILL leaves the kernel's page cache in place, so this
// is about bbolt's commit protocol and ClaimDesk's checks, not about power
// loss.
func TestKillDuringWritesLosesNoSavedChange(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	seed := *crashSeed
	r := rand.New(rand.NewPCG(seed, 0))
	kill := 0
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("failed at kill %d of %d; replay the same schedule with -crash.seed=%d", kill, *crashKills, seed)
		}
	})

	// With -artifacts, the file is kept for a look after a failure.
	path := filepath.Join(t.ArtifactDir(), "crash.db")
	db, err := Open(path, Options{Language: claims.LangFrench})
	if err != nil {
		t.Fatal(err)
	}
	_, initial := mustImport(t, db, crashPhrases[0], crashPhrases[1])
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	want := newSavedChanges()
	for _, c := range initial {
		want.claims[c.ID] = &savedClaim{}
	}
	events := 1 // the import's event

	var stats crashStats
	for kill = 1; kill <= *crashKills; kill++ {
		// Change numbers only grow, from one child to the next, so that "the
		// reported change or a later one" means a larger number.
		first := int64(kill) * 1_000_000
		lines := runAndKill(t, path, r, first)
		touched := map[string]bool{}
		for _, line := range lines {
			id, err := want.record(line)
			if err != nil {
				t.Fatalf("kill %d: %v", kill, err)
			}
			touched[id] = true
		}
		events = checkAfterKill(t, path, want, touched, events+len(lines))
		stats.add(len(lines))
	}
	t.Logf("%d kills, %d changes reported saved (at most %d by one writer), %d claims, %d events",
		stats.kills, stats.saved, stats.most, len(want.claims), events)
}

type crashStats struct{ kills, saved, most int }

func (s *crashStats) add(saved int) {
	s.kills++
	s.saved += saved
	s.most = max(s.most, saved)
}

// runAndKill starts a writer on path, kills it at a moment r picks, and
// returns the changes it reported saved, read to the end of its output.
func runAndKill(t *testing.T, path string, r *rand.Rand, first int64) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		crashChildEnv+"="+path,
		crashSeedEnv+"="+strconv.FormatUint(r.Uint64(), 10),
		crashFirstEnv+"="+strconv.FormatInt(first, 10),
		crashRunEnv+"=2m",
	)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Whatever happens below, no writer outlives the test.
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	lines := make(chan string, 64)
	go readLines(stdout, lines)

	var saved []string
	// One kill in ten comes at a random moment after the start, often
	// while the writer is still opening and checking the file; the others
	// come while it writes: a random time after its first saved change, or
	// right after a random number of them.
	waitFirst := 2*time.Millisecond + time.Duration(r.Int64N(int64(38*time.Millisecond)))
	var deadline <-chan time.Time
	wantLines := 0
	switch mode := r.IntN(10); {
	case mode == 0:
		deadline = time.After(time.Duration(r.Int64N(int64(15 * time.Millisecond))))
	case mode < 5:
		wantLines = 1 + r.IntN(30)
	}
	started := false
	// The writer prints its first line within a second or so; the limit is
	// generous for slow machines and -race, and only stops a stuck test.
	stuck := time.After(time.Minute)
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the writer stopped by itself after %d saved changes: %v\n%s", len(saved), cmd.ProcessState, stderr.Bytes())
			}
			saved = append(saved, line)
			if !started && wantLines == 0 && deadline == nil {
				deadline = time.After(waitFirst)
			}
			started = true
			if wantLines > 0 && len(saved) >= wantLines {
				break wait
			}
		case <-deadline:
			break wait
		case <-stuck:
			t.Fatalf("the writer saved %d changes in a minute\n%s", len(saved), stderr.Bytes())
		}
	}
	// Kill sends SIGKILL on Unix: the writer gets no chance to finish what
	// it is doing.
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	// Lines already in the pipe were reported before the kill: they count.
	for line := range lines {
		saved = append(saved, line)
	}
	err = cmd.Wait()
	status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !status.Signaled() || status.Signal() != syscall.SIGKILL {
		t.Fatalf("the writer ended with %v, not by the kill\n%s", err, stderr.Bytes())
	}
	return saved
}

// readLines sends each complete line of r, and closes lines at the end. A
// line cut short by the kill was never reported, and is dropped.
func readLines(r io.Reader, lines chan<- string) {
	defer close(lines)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		lines <- strings.TrimSuffix(line, "\n")
	}
}

// checkAfterKill checks the file the way the next ClaimDesk would find it,
// and returns how many events it holds, which must be at least minEvents:
// each reported change wrote one. Every claim reported so far must be
// there with its latest tag, as the list shows it; the claims the last
// writer changed are read whole, their verdicts too. The cost grows with
// the file, since the history is verified whole every time.
func checkAfterKill(t *testing.T, path string, want *savedChanges, touched map[string]bool, minEvents int) int {
	t.Helper()
	// Open runs walkFile too; this keeps the test honest should Open's
	// default ever change.
	if err := walkFile(path); err != nil {
		t.Fatalf("walkFile after the kill: %v", err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after the kill: %v", err)
	}
	defer db.Close()
	ctx := context.Background()
	report, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !report.OK() {
		t.Fatalf("the check after the kill: %q, history %+v", report.Problems, report.History.Broken)
	}
	check := report.History
	if check.Events < minEvents {
		t.Fatalf("history holds %d events, want at least %d", check.Events, minEvents)
	}
	sums, _, err := db.FindClaimSummaries(ctx, claims.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := want.checkList(sums); err != nil {
		t.Fatal(err)
	}
	for id := range touched {
		c, err := db.FindClaimByID(ctx, id)
		if err != nil {
			t.Fatalf("claim %s was reported saved: %v", id, err)
		}
		if err := want.checkClaim(c); err != nil {
			t.Fatal(err)
		}
	}
	return check.Events
}

// savedClaim is what the writers reported of one claim: the numbers of its
// latest saved tag and verdict, which the file must hold or exceed.
type savedClaim struct {
	tag, verdict int64
}

type savedChanges struct {
	claims map[string]*savedClaim
}

func newSavedChanges() *savedChanges {
	return &savedChanges{claims: map[string]*savedClaim{}}
}

// record notes one line of a writer, "saved <op> <claim ID> <n>", and
// returns the claim's ID.
func (s *savedChanges) record(line string) (string, error) {
	var op, id string
	var n int64
	if _, err := fmt.Sscanf(line, "saved %s %s %d", &op, &id, &n); err != nil {
		return "", fmt.Errorf("the writer printed %q: %v", line, err)
	}
	c := s.claims[id]
	if c == nil {
		// A writer may also change a claim whose creation was saved but
		// never reported, its writer killed in between.
		c = &savedClaim{}
		s.claims[id] = c
	}
	switch op {
	case "create", "tags":
		c.tag = n
	case "verdict":
		c.verdict = n
	default:
		return "", fmt.Errorf("the writer printed %q", line)
	}
	return id, nil
}

// checkList compares the claim list with what the writers reported.
func (s *savedChanges) checkList(list []claims.ClaimSummary) error {
	found := make(map[string]claims.ClaimSummary, len(list))
	for _, c := range list {
		found[c.ID] = c
	}
	var errs []error
	for id, want := range s.claims {
		c, ok := found[id]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("claim %s was reported saved and is gone", id))
		case tagNumber(c.Tags) < want.tag:
			errs = append(errs, fmt.Errorf("claim %s: tags %q, want change %d or a later one", id, c.Tags, want.tag))
		case want.verdict != 0 && c.Rating == "":
			errs = append(errs, fmt.Errorf("claim %s: verdict %d was reported saved and is gone", id, want.verdict))
		}
	}
	return errors.Join(errs...)
}

// checkClaim compares a claim with what the writers reported of it.
func (s *savedChanges) checkClaim(c *claims.Claim) error {
	want := s.claims[c.ID]
	switch {
	case tagNumber(c.Tags) < want.tag:
		return fmt.Errorf("claim %s: tags %q, want change %d or a later one", c.ID, c.Tags, want.tag)
	case want.verdict == 0:
		return nil
	case c.Verdict == nil:
		return fmt.Errorf("claim %s: verdict %d was reported saved and is gone", c.ID, want.verdict)
	case verdictNumber(c.Verdict) < want.verdict:
		return fmt.Errorf("claim %s: verdict %q, want change %d or a later one", c.ID, c.Verdict.Explanation, want.verdict)
	}
	return nil
}

func crashTag(n int64) string { return fmt.Sprintf("change-%d", n) }

func crashExplanation(n int64) string { return fmt.Sprintf("Vérifié à la modification %d.", n) }

// tagNumber returns the change number of the tag a writer set, or 0.
func tagNumber(tags []string) int64 {
	for _, tag := range tags {
		if s, ok := strings.CutPrefix(tag, "change-"); ok {
			n, _ := strconv.ParseInt(s, 10, 64)
			return n
		}
	}
	return 0
}

func verdictNumber(v *claims.Verdict) int64 {
	var n int64
	fmt.Sscanf(v.Explanation, "Vérifié à la modification %d.", &n)
	return n
}

// TestCrashChild is the writer that TestKillDuringWritesLosesNoSavedChange
// kills; run on its own, it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		return
	}
	// The parent learns of trouble from the exit status and stderr; t.Fatal
	// would print to stdout, which the parent reads as reports.
	if err := crashWriter(path); err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		os.Exit(3)
	}
	fmt.Fprintln(os.Stderr, "writer: nobody killed me")
	os.Exit(4)
}

// crashWriter opens path and changes it until it is killed, reporting each
// change on stdout once its transaction has returned.
func crashWriter(path string) error {
	seed, err := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(os.Getenv(crashFirstEnv), 10, 64)
	if err != nil {
		return err
	}
	lifetime, err := time.ParseDuration(os.Getenv(crashRunEnv))
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 1))
	db, err := Open(path, Options{})
	if err != nil {
		return err
	}
	ctx := as("Writer")
	articles, err := db.FindArticles(ctx)
	if err != nil || len(articles) != 1 {
		return fmt.Errorf("%d articles, %v", len(articles), err)
	}
	sums, _, err := db.FindClaimSummaries(ctx, claims.ClaimFilter{})
	if err != nil {
		return err
	}
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	for end := time.Now().Add(lifetime); time.Now().Before(end); n++ {
		var op, id string
		switch pick := r.IntN(100); {
		case pick < 10 || len(ids) == 0:
			op = "create"
			c := &claims.Claim{ArticleID: articles[0].ID, Text: crashPhrases[r.IntN(len(crashPhrases))],
				Kind: claims.KindStatistic, Tags: []string{crashTag(n)}}
			err = db.CreateClaim(ctx, c)
			id = c.ID
			ids = append(ids, id)
		case pick < 60:
			op, id = "tags", ids[r.IntN(len(ids))]
			tags := []string{crashTag(n), "otan"}
			_, err = db.UpdateClaim(ctx, id, claims.ClaimUpdate{Tags: &tags})
		default:
			op, id = "verdict", ids[r.IntN(len(ids))]
			v := claims.Verdict{Rating: crashRatings[r.IntN(len(crashRatings))], Explanation: crashExplanation(n)}
			_, err = db.SetVerdict(ctx, id, v, "", "")
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", op, id, err)
		}
		// One write per line: a pipe delivers it whole or not at all.
		if _, err := os.Stdout.Write(fmt.Appendf(nil, "saved %s %s %d\n", op, id, n)); err != nil {
			return err
		}
	}
	return db.Close()
}
