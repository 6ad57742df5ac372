//go:build unix

package store

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"claimdesk/claims"
)

// A named pipe, a folder or a device given as the other copy is refused at
// once: opening a pipe for reading waits for a writer, and the merge would
// hold the database's lock meanwhile.
func TestMergeRefusesWhatIsNotARegularFile(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	fifo := filepath.Join(t.TempDir(), "other.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for name, path := range map[string]string{"a named pipe": fifo, "a folder": t.TempDir(), "a device": "/dev/zero"} {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := db.Merge(as("Bob"), path)
				done <- err
			}()
			select {
			case err := <-done:
				assertCode(t, err, claims.EINVALID)
			case <-time.After(10 * time.Second):
				t.Fatal("the merge still waits, holding the database")
			}
		})
	}
	if _, err := db.UpdateSettings(as("Bob"), claims.SettingsUpdate{}); err != nil {
		t.Fatalf("the database is not free after the refused merges: %v", err)
	}
}
