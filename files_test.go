//go:build linux

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/store"
)

// smallDisk mounts a file system of size bytes for the test, or skips the
// test where this user may not mount one.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small disk here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill leaves about free bytes on the disk at dir, in a file it returns.
func fill(t *testing.T, dir string, free int64) string {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, int64(st.Bavail)*st.Bsize-free), 0o600); err != nil {
		t.Fatal(err)
	}
	return filler
}

// A full disk while a database is made (init, import-json) says so, names
// the file, and leaves nothing there: once there is room, the same command
// works.
func TestFullDiskLeavesNothingToBlockTheNextTry(t *testing.T) {
	t.Parallel()
	source, _ := publishedSample(t)
	dump := filepath.Join(t.TempDir(), "dump.json")
	mustRun(t, "export", "--db", source, "--format", "json", "--out", dump)
	disk := smallDisk(t, "1m")
	filler := fill(t, disk, 64<<10)
	commands := map[string]func(db string) []string{
		"init":        func(db string) []string { return []string{"init", "--db", db} },
		"import-json": func(db string) []string { return []string{"import-json", "--db", db, dump} },
	}
	for name, args := range commands {
		db := filepath.Join(disk, name+".db")
		assertUserError(t, claimdesk(t, args(db)...), "The disk is full: "+db+" could not be written.")
		if _, err := os.Lstat(db); err == nil {
			t.Errorf("%s left a file at %s", name, db)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(disk, ".*")); len(left) != 0 {
		t.Errorf("the failed commands left %v", left)
	}
	os.Remove(filler)
	for name, args := range commands {
		mustRun(t, args(filepath.Join(disk, name+".db"))...)
	}
}

// bigDump writes the dump of a database of n claims, large enough that
// restoring it takes a while.
func bigDump(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "big.db"), store.Options{Language: claims.LangEnglish})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := claims.NewContext(context.Background(), "Alice")
	for a := 0; a < n/100; a++ {
		var text strings.Builder
		var found []*claims.Claim
		for i := 0; i < 100; i++ {
			sentence := fmt.Sprintf("Article %d says that %d containers left port %d.", a, i*1000+a, i)
			text.WriteString(sentence + " ")
			found = append(found, &claims.Claim{Text: sentence, Kind: claims.KindStatistic})
		}
		if err := db.ImportArticle(ctx, &claims.Article{Title: fmt.Sprintf("Article %d", a), Language: claims.LangEnglish, Text: text.String()}, found); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := db.WriteDump(ctx, f, claims.CaseFilter{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// kill -9 during import-json leaves either nothing at the path, and the
// command works again, or the whole database: never an empty one that
// passes the check and blocks a retry.
func TestKillDuringImportJSONLeavesNothingHalfMade(t *testing.T) {
	t.Parallel()
	const claimCount = 1000
	dump := bigDump(t, claimCount)
	// Each kill comes a moment after the first file appears in the folder,
	// the database or the file it is being made in: while it is filled.
	for i, delay := range []time.Duration{0, 5 * time.Millisecond, 20 * time.Millisecond} {
		dir := t.TempDir()
		db := filepath.Join(dir, fmt.Sprintf("restored-%d.db", i))
		cmd := exec.Command(os.Args[0], "import-json", "--db", db, dump)
		cmd.Env = append(os.Environ(), "CLAIMDESK_TEST_MAIN=1", "XDG_CONFIG_HOME="+configHome)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForAFile(t, dir)
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		if _, err := os.Lstat(db); err != nil {
			mustRun(t, "import-json", "--db", db, dump)
		}
		if got := len(listClaims(t, "--db", db)); got != claimCount {
			t.Errorf("killed %v after the first file appeared: the database at the path holds %d claims, want %d", delay, got, claimCount)
		}
	}
}

// waitForAFile returns once dir holds a file.
func waitForAFile(t *testing.T, dir string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			return
		}
	}
	t.Fatal("no file appeared")
}

// readOnlyDB returns a database on a disk mounted read-only, or on a
// disk this user may not write to, or skips the test.
func readOnlyDB(t *testing.T) (db, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		dir = t.TempDir()
		db = filepath.Join(dir, "ro.db")
		mustRun(t, "init", "--db", db)
		os.Chmod(db, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return db, dir
	}
	dir = smallDisk(t, "4m")
	db = filepath.Join(dir, "ro.db")
	mustRun(t, "init", "--db", db)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make the disk read-only (%v: %s)", err, out)
	}
	return db, dir
}

// A database this user may only read opens read-only: it is listed and
// exported, and a change is refused with a sentence that says why.
func TestReadOnlyDatabaseCanBeListedAndExported(t *testing.T) {
	t.Parallel()
	db, dir := readOnlyDB(t)
	before := fileSum(t, db)
	list := listClaims(t, "--db", db)
	if len(list) != 21 {
		t.Fatalf("listed %d claims, want the sample's 21", len(list))
	}
	mustRun(t, "history", "--db", db, "--verify")
	out := filepath.Join(t.TempDir(), "report.html")
	mustRun(t, "export", "--db", db, "--format", "html", "--out", out)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("the export: %v", err)
	}
	assertUserError(t, claimdesk(t, "claim", "move", "--db", db, "--claim", list[0].ID, "--to", "researching", "--as", "Alice"),
		db+" is open read-only, because you may not write to it")
	assertUserError(t, claimdesk(t, "export", "--db", db, "--format", "html", "--out", filepath.Join(dir, "report.html")),
		filepath.Join(dir, "report.html"))
	if fileSum(t, db) != before {
		t.Error("the read-only database changed")
	}
}

// Many commands writing one file at once: each waits its turn or says the
// file is open elsewhere; none calls a sound file damaged.
func TestConcurrentWritersNeverCallASoundFileDamaged(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "busy.db")
	mustRun(t, "init", "--db", db)
	article := listClaims(t, "--db", db)[0].ArticleID
	const writers, each = 6, 8
	var mu sync.Mutex
	added, busy := 0, 0
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				r := claimdesk(t, "claim", "add", "--db", db, "--article", article, "--text", "Corée du Nord", "--as", fmt.Sprintf("W%d", w))
				mu.Lock()
				switch {
				case r.code == 0:
					added++
				case strings.Contains(r.stderr, "open in another ClaimDesk window"):
					busy++
				default:
					t.Errorf("writer %d: exit %d, %q", w, r.code, r.stderr)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if got := len(listClaims(t, "--db", db)); got != 21+added {
		t.Errorf("the file holds %d claims, want the sample's 21 and the %d added", got, added)
	}
	mustRun(t, "check", "--db", db)
	t.Logf("%d claims added, %d times the file was busy", added, busy)
}

// A dump file larger than a restore reads is refused before it is read.
func TestImportJSONRefusesAnOversizeDumpUnread(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"claimdesk_dump":1,"padding":"`)
	// Sparse: the file claims its size without taking the room.
	if err := f.Truncate(claims.MaxDumpSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	assertUserError(t, claimdesk(t, "import-json", "--db", filepath.Join(dir, "new.db"), huge), "larger than ClaimDesk restores")
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v to refuse it", took)
	}
}

// A named pipe given where a file is expected is refused at once: opening
// it to read would wait for a writer forever, holding the database.
func TestNamedPipesAreRefusedAtOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, "init", "--db", db)
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, args := range [][]string{
		{"merge", "--db", db, fifo},
		{"import", "--db", db, fifo},
		{"import-json", "--db", filepath.Join(dir, "new.db"), fifo},
		{"claims", "--db", fifo},
	} {
		start := time.Now()
		r := claimdesk(t, args...)
		if r.code != 1 || time.Since(start) > 10*time.Second {
			t.Errorf("claimdesk %s: exit %d after %v, %q", strings.Join(args, " "), r.code, time.Since(start), r.stderr)
		}
	}
	mustRun(t, "check", "--db", db)
}
