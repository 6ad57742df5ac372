//go:build unix

package regularfile

import "syscall"

// openFlags keeps open(2) from waiting for a writer on a named pipe; on a
// regular file the flag changes nothing.
const openFlags = syscall.O_NONBLOCK
