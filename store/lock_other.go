//go:build !unix

package store

import (
	"os"
	"time"
)

// lockFile leaves locking to bbolt where flock does not exist: bbolt takes
// the system's own lock when it opens the file.
func lockFile(*os.File, bool, time.Duration) error { return nil }
