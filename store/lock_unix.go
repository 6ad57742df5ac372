//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockFile takes the advisory lock that bbolt takes on a database, shared
// or exclusive, waiting up to timeout for other holders to let go. Taking
// it again on the same open file changes its kind: bbolt's own lock on a
// file handed to it through Options.OpenFile is then no wait.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return errLocked
		}
		time.Sleep(lockRetry)
	}
}
