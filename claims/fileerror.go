package claims

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// FileError returns err, met while reading or writing the file at path, as
// the sentence that tells a person what happened and what to do: a full
// disk, a file they may not read or write, a read-only disk. An
// application error is returned as it is, and any other error is wrapped
// with the file's name.
func FileError(path string, err error) error {
	var appErr *Error
	if err == nil || errors.As(err, &appErr) {
		return err
	}
	if explained := systemError(path, err); explained != nil {
		return explained
	}
	return fmt.Errorf("%s: %w", path, err)
}

// systemError names the operating-system failure inside err, or returns
// nil when it is none a person can act on. The file named is path, the
// one the person chose, or when it is not known the one err names.
func systemError(path string, err error) *Error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) && path == "" {
		path = pathErr.Path
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		if path == "" {
			return Errorf(ECONFLICT, "The disk is full. Free some space, then try again; nothing was changed.")
		}
		return Errorf(ECONFLICT, "The disk is full: %s could not be written. Free some space, then try again; nothing was changed.", path)
	case path == "":
		return nil
	case errors.Is(err, syscall.EROFS):
		return Errorf(ECONFLICT, "%s is on a disk that can only be read, so it cannot be written.", path)
	case errors.Is(err, fs.ErrPermission):
		return Errorf(ECONFLICT, "You may not read or write %s: the file's permissions forbid it.", path)
	case errors.Is(err, syscall.EISDIR):
		return Errorf(EINVALID, "%s is a folder, not a file.", path)
	case errors.Is(err, fs.ErrNotExist):
		return Errorf(ENOTFOUND, "%s does not exist.", path)
	}
	return nil
}
