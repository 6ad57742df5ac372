package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// newSuffix ends the name of a database being made beside its path.
const newSuffix = ".new"

// staleAfter is the age from which an unlocked file left half-made by a
// ClaimDesk that died is removed: younger ones may be a file another
// ClaimDesk is about to lock.
const staleAfter = time.Minute

// create makes a new database at path: under a temporary name beside it,
// with its first content, moved to path only when complete. A crash or a
// full disk half-way leaves nothing at path to block the next try. It
// returns an error matching fs.ErrExist when another ClaimDesk created
// path first.
func (db *DB) create(lang string, fill func(*DB) error) error {
	dir := filepath.Dir(db.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return claims.FileError(dir, err)
	}
	removeStale(db.path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(db.path)+".*"+newSuffix)
	if err != nil {
		return claims.FileError(db.path, err)
	}
	tmp := f.Name()
	err = db.build(f, lang, fill)
	if err == nil {
		err = publish(tmp, db.path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	db.created = true
	return nil
}

// build initialises the new file f and fills it, then closes it.
func (db *DB) build(f *os.File, lang string, fill func(*DB) error) error {
	// The new file takes the final path's name, which its errors give: the
	// temporary name means nothing to the person who chose the path.
	fresh := &DB{path: db.path, now: db.now, validate: db.validate}
	if err := fresh.openBolt(f); err != nil {
		f.Close()
		return err
	}
	err := fresh.bolt.Update(func(btx *bolt.Tx) error { return initFile(btx, fresh.now().UTC(), lang) })
	if err == nil && fill != nil {
		err = fill(fresh)
	}
	if closeErr := fresh.bolt.Close(); err == nil {
		err = closeErr
	}
	// The IDs minted next follow those the new file already holds.
	db.ids.last = fresh.ids.last
	return claims.FileError(db.path, err)
}

// publish moves the finished file tmp to path, unless path exists: a hard
// link cannot replace a file, where a rename would. File systems without
// hard links (FAT, on many USB sticks) get a rename after a check.
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create %s: %w", path, fs.ErrExist)
	}
	if err != nil {
		if _, statErr := os.Lstat(path); statErr == nil {
			return fmt.Errorf("create %s: %w", path, fs.ErrExist)
		}
		if err := os.Rename(tmp, path); err != nil {
			return claims.FileError(path, err)
		}
	} else {
		os.Remove(tmp)
	}
	return claims.FileError(path, syncDir(filepath.Dir(path)))
}

// removeStale removes the files that ClaimDesks which died while making a
// database at path left beside it. A file still locked is being made.
func removeStale(path string) {
	dir, base := filepath.Dir(path), "."+filepath.Base(path)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || !strings.HasSuffix(name, newSuffix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		removeUnlocked(filepath.Join(dir, name))
	}
}

func removeUnlocked(path string) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if lockFile(f, true, 0) == nil {
		os.Remove(path)
	}
}
