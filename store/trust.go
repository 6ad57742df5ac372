package store

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Stamp identifies one state of a file: what it was when this program last
// closed it. A file whose stamp still matches was last written here, so the
// deep check at open can wait for the background check.
type Stamp struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
	Change  int64     `json:"change"` // inode change time where the system has one: no user can set it
	Inode   uint64    `json:"inode"`
}

// StampOf returns the stamp of the file at path.
func StampOf(path string) (Stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Stamp{}, err
	}
	s := Stamp{Size: info.Size(), ModTime: info.ModTime().UTC()}
	s.Change, s.Inode = systemStamp(info)
	return s, nil
}

// TrustList remembers the stamps of the files this program closed, in a
// small JSON file of the user's own.
type TrustList struct {
	path string
	mu   sync.Mutex
}

// NewTrustList keeps its list in the file at path.
func NewTrustList(path string) *TrustList {
	return &TrustList{path: path}
}

// maxTrusted bounds the list: a newsroom's recent files, not its archive.
const maxTrusted = 50

func (l *TrustList) read() map[string]Stamp {
	list := map[string]Stamp{}
	if raw, err := os.ReadFile(l.path); err == nil {
		_ = json.Unmarshal(raw, &list) // an unreadable list trusts nothing
	}
	return list
}

// Trusts reports whether the file at path is as this program left it.
func (l *TrustList) Trusts(path string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	want, ok := l.read()[abs]
	got, err := StampOf(abs)
	return ok && err == nil && got == want
}

// Remember records the file at path as this program leaves it.
func (l *TrustList) Remember(path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	stamp, err := StampOf(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	list := l.read()
	list[abs] = stamp
	for len(list) > maxTrusted {
		oldest := ""
		for p, s := range list {
			if oldest == "" || s.ModTime.Before(list[oldest].ModTime) {
				oldest = p
			}
		}
		delete(list, oldest)
	}
	raw, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
		return err
	}
	// A temporary file of its own: several ClaimDesk processes may close
	// files at once. The last to rename wins; an entry lost that way only
	// costs its file a full check at the next open.
	tmp, err := os.CreateTemp(filepath.Dir(l.path), ".trusted-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), l.path)
}
