package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"claimdesk/claims"
)

// dirNames lists the names in dir, hidden ones included.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A new database appears at its path whole, or not at all: whatever stops
// its making leaves nothing there, so trying again works.
func TestNewDatabaseAppearsWholeOrNotAtAll(t *testing.T) {
	tests := []struct {
		name     string
		fail     error
		wantCode string
		wantText string
	}{
		{"the disk fills up", fmt.Errorf("commit: %w", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), claims.ECONFLICT, "The disk is full: "},
		{"the first content is refused", claims.Errorf(claims.EINVALID, "Bad sample."), claims.EINVALID, "Bad sample."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "new.db")
			_, err := Open(path, Options{Now: tickingClock(), Fill: func(db *DB) error {
				mustImport(t, db, "plus de 11 000 conteneurs de munitions")
				return tt.fail
			}})
			assertCode(t, err, tt.wantCode)
			if !strings.HasPrefix(claims.ErrorMessage(err), tt.wantText) {
				t.Fatalf("message %q, want it to start with %q", claims.ErrorMessage(err), tt.wantText)
			}
			if tt.fail != nil && strings.HasPrefix(tt.wantText, "The disk") && !strings.Contains(claims.ErrorMessage(err), path) {
				t.Errorf("the message %q does not name %s", claims.ErrorMessage(err), path)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Fatalf("a failed creation left %v behind", names)
			}
			db, err := Open(path, Options{Now: tickingClock(), Fill: func(db *DB) error {
				mustImport(t, db, "plus de 11 000 conteneurs de munitions")
				return nil
			}})
			if err != nil {
				t.Fatalf("the second try: %v", err)
			}
			defer db.Close()
			if _, n, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{}); err != nil || n != 1 || !db.Created() {
				t.Fatalf("the second try holds %d claims (%v), created %v", n, err, db.Created())
			}
		})
	}
}

// fillChildEnv names the file TestFillChild makes, and is killed making.
const fillChildEnv = "CLAIMDESK_TEST_FILL_CHILD"

// A ClaimDesk killed while it makes a database (a restore, the sample case
// of a first launch) leaves nothing at the path: the next try makes the
// file, and removes what the dead one left once it is old enough to be
// sure nobody is still making it.
func TestKillWhileMakingADatabaseLeavesNothingInTheWay(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "restored.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestFillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), fillChildEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	line := make([]byte, len("filling\n"))
	if _, err := io.ReadFull(stdout, line); err != nil || string(line) != "filling\n" {
		t.Fatalf("the child said %q (%v)", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the killed child left a file at %s (%v)", path, err)
	}
	left := dirNames(t, dir)
	if len(left) != 1 || !strings.HasSuffix(left[0], newSuffix) {
		t.Fatalf("the killed child left %v, want its half-made file", left)
	}
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(filepath.Join(dir, left[0]), old, old); err != nil {
		t.Fatal(err)
	}
	db := mustOpenPath(t, path, claims.LangFrench)
	if !db.Created() {
		t.Fatal("the second try did not make the file")
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "restored.db" {
		t.Fatalf("after the second try the folder holds %v", names)
	}
}

// TestFillChild makes a database and is killed while it fills it; run on
// its own, it does nothing.
func TestFillChild(t *testing.T) {
	path := os.Getenv(fillChildEnv)
	if path == "" {
		return
	}
	_, err := Open(path, Options{Fill: func(db *DB) error {
		mustImport(t, db, "plus de 11 000 conteneurs de munitions")
		fmt.Println("filling")
		time.Sleep(time.Minute)
		return nil
	}})
	fmt.Fprintln(os.Stderr, "nobody killed me:", err)
	os.Exit(3)
}

// Writers take turns on one file while another ClaimDesk opens it again and
// again: opening waits for the lock before it reads the file, so it never
// reads a commit half-way and takes it for damage. At worst it says the
// file is open elsewhere.
func TestOpeningWhileOthersWriteNeverCriesDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	db := mustOpenPath(t, path, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	db.Close()
	stop := make(chan struct{})
	writerDone := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				writerDone <- nil
				return
			default:
			}
			w, err := Open(path, Options{SkipDeepCheck: true})
			if err != nil {
				if claims.ErrorCode(err) == claims.ECONFLICT {
					continue
				}
				writerDone <- err
				return
			}
			tags := []string{fmt.Sprintf("tour-%d", i), strings.Repeat("x", i%90+1)}
			_, err = w.UpdateClaim(as("Writer"), list[0].ID, claims.ClaimUpdate{Tags: &tags})
			w.Close()
			if err != nil {
				writerDone <- err
				return
			}
		}
	}()
	opened, busy := 0, 0
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) || opened == 0 {
		r, err := Open(path, Options{})
		switch {
		case err == nil:
			opened++
			r.Close()
		case errors.Is(err, errFileInUse):
			busy++
		default:
			close(stop)
			t.Fatalf("after %d opens, opening a file another ClaimDesk writes said: %v", opened, err)
		}
	}
	close(stop)
	if err := <-writerDone; err != nil {
		t.Fatalf("the writer: %v", err)
	}
	t.Logf("%d opens, %d found the file busy", opened, busy)
}
