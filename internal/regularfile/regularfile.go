// Package regularfile opens the files a person names for ClaimDesk to read
// (a colleague's copy, a dump, an article) only when they are regular
// files. A named pipe, a device or a socket given in their place would make
// the read wait forever, or never end, while ClaimDesk holds its database.
package regularfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that names something other than a
// regular file, such as a folder, a named pipe or a device.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading when it is a regular file. Opening does not
// wait for a writer at the other end of a named pipe, so a pipe is refused
// at once, with ErrNotRegular.
func Open(path string) (*os.File, error) {
	return OpenFile(path, os.O_RDONLY)
}

// OpenFile is Open with the access that flag asks for (os.O_RDONLY or
// os.O_RDWR); it never creates a file.
func OpenFile(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, flag|openFlags, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	return f, nil
}

// ReadFile reads the whole regular file at path, refusing anything else as
// Open does.
func ReadFile(path string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
