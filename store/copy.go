package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/regularfile"

	bolt "go.etcd.io/bbolt"
)

// SaveCopy writes a compact copy of the database, as one read transaction
// sees it, to path.
func (db *DB) SaveCopy(ctx context.Context, path string, opts claims.CopyOptions) error {
	if sameFile(path, db.path) {
		return claims.Errorf(claims.ECONFLICT, "Choose another file: a copy cannot replace the database it is made from.")
	}
	if err := checkCopyTarget(path); err != nil {
		return err
	}
	return db.view(ctx, func(t *tx) error {
		return claims.FileError(path, writeCompact(t.Tx, path, opts.WithoutProtected))
	})
}

// checkCopyTarget refuses to let a copy replace what it must not: a file
// that is not a ClaimDesk database (a document of the user's), or a
// database open in another ClaimDesk, whose work would go on in a file no
// longer at its path and be lost when it closes. An earlier copy, closed,
// may be replaced: that is what saving a copy again does.
func checkCopyTarget(path string) error {
	f, err := regularfile.OpenFile(path, os.O_RDWR)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case errors.Is(err, regularfile.ErrNotRegular):
		return claims.Errorf(claims.EINVALID, "%s is not a regular file; save the copy to a file.", path)
	case err != nil:
		return claims.FileError(path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() == 0 {
		return nil
	}
	if err := checkFile(path); err != nil {
		return claims.Errorf(claims.ECONFLICT, "%s already exists and is not a ClaimDesk database; choose another file name, so that nothing is written over.", path)
	}
	if lockFile(f, true, 0) != nil {
		return claims.Errorf(claims.ECONFLICT, "%s is open in another ClaimDesk window; close it there, or choose another file name.", path)
	}
	return nil
}

func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}

// writeCompact copies every bucket of src, in key order and with full
// pages, into a new file beside path, syncs it and renames it into place:
// a crash leaves either the old file at path or the whole copy.
func writeCompact(src *bolt.Tx, path string, redact bool) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create the copy: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmpPath)
		}
	}()
	dst, err := bolt.Open(tmpPath, 0o600, &bolt.Options{
		Timeout: time.Second, PageSize: 4096, FreelistType: bolt.FreelistMapType,
		// Mapping the whole copy at once spares bbolt a remap, and a copy of
		// every node, each time the file grows.
		InitialMmapSize: int(src.Size()) + 1<<20,
	})
	if err != nil {
		return fmt.Errorf("create the copy: %w", err)
	}
	err = dst.Update(func(dtx *bolt.Tx) error { return copyBuckets(src, dtx, redact) })
	if closeErr := dst.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("write the copy: %w", err)
	}
	if err := trimToData(tmpPath); err != nil {
		return fmt.Errorf("write the copy: %w", err)
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return fmt.Errorf("save the copy: %w", err)
	}
	return syncDir(filepath.Dir(path))
}

// trimToData cuts the file after its last page in use. bbolt grows a file
// ahead of its data, to the size of its memory map; a copy to share has no
// use for the room.
func trimToData(path string) error {
	m, err := inspectFile(path)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Truncate(int64(m.highwater) * int64(m.pageSize)); err != nil {
		return err
	}
	return f.Sync()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("save the copy: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("save the copy: %w", err)
	}
	return nil
}

func copyBuckets(src, dst *bolt.Tx, redact bool) error {
	var r *redactor
	if redact {
		var err error
		if r, err = newRedactor(src); err != nil {
			return err
		}
	}
	return src.ForEach(func(name []byte, b *bolt.Bucket) error {
		out, err := dst.CreateBucket(name)
		if err != nil {
			return err
		}
		out.FillPercent = 1.0 // keys arrive in order: full pages never split
		return b.ForEach(func(k, v []byte) error {
			if r != nil {
				var err error
				if v, err = r.value(name, k, v); err != nil {
					return err
				}
			}
			return out.Put(k, v)
		})
	})
}

// redactor rewrites what names a protected source, for a copy that leaves
// the newsroom: the source itself, the evidence that cites it, the
// versions of either that merges set aside, and the bodies of the history
// events about them. A source is protected when any version of it, kept or
// set aside, says so: a colleague's concurrent edit must not unprotect it.
type redactor struct {
	sources  map[string]bool // keys of protected sources
	evidence map[string]bool // keys of evidence citing them
}

func newRedactor(tx *bolt.Tx) (*redactor, error) {
	r := &redactor{sources: map[string]bool{}, evidence: map[string]bool{}}
	err := eachVersion(tx, bucketSources, "source", func(key []byte, raw []byte) error {
		var rec sourceRecord
		if _, err := decodeEnvelope(raw, &rec); err != nil {
			return err
		}
		if rec.Protected {
			r.sources[string(key)] = true
		}
		return nil
	})
	if err != nil || len(r.sources) == 0 {
		return r, err
	}
	err = eachVersion(tx, bucketEvidence, "evidence", func(key []byte, raw []byte) error {
		var rec evidenceRecord
		if _, err := decodeEnvelope(raw, &rec); err != nil {
			return err
		}
		if source, err := parseID("Source", rec.SourceID); err == nil && r.sources[string(source)] {
			r.evidence[string(key)] = true
		}
		return nil
	})
	return r, err
}

// eachVersion calls fn with every version of the records of type typ: the
// one in bucket, and those merges set aside.
func eachVersion(tx *bolt.Tx, bucket []byte, typ string, fn func(key, raw []byte) error) error {
	if err := tx.Bucket(bucket).ForEach(fn); err != nil {
		return err
	}
	return tx.Bucket(bucketConflicts).ForEach(func(k, v []byte) error {
		var list []setAside
		if err := json.Unmarshal(v, &list); err != nil {
			return fmt.Errorf("read the conflict of %x: %w", k, err)
		}
		for _, aside := range list {
			if aside.Type != typ {
				continue
			}
			if err := fn(k, aside.Record); err != nil {
				return err
			}
		}
		return nil
	})
}

func (r *redactor) value(bucket, k, v []byte) ([]byte, error) {
	switch {
	case bytes.Equal(bucket, bucketSources) && r.sources[string(k)]:
		return redactSource(v)
	case bytes.Equal(bucket, bucketEvidence) && r.evidence[string(k)]:
		return redactEvidence(v)
	case bytes.Equal(bucket, bucketConflicts):
		return r.conflict(k, v)
	case bytes.Equal(bucket, bucketEvents):
		return r.event(k, v)
	}
	return v, nil
}

// conflict redacts the versions set aside of a protected source or of
// evidence citing one.
func (r *redactor) conflict(k, v []byte) ([]byte, error) {
	redact := map[string]func([]byte) ([]byte, error){}
	if r.sources[string(k)] {
		redact["source"] = redactSource
	}
	if r.evidence[string(k)] {
		redact["evidence"] = redactEvidence
	}
	if len(redact) == 0 {
		return v, nil
	}
	var list []setAside
	if err := json.Unmarshal(v, &list); err != nil {
		return nil, fmt.Errorf("read the conflict of %x: %w", k, err)
	}
	for i, aside := range list {
		if fn := redact[aside.Type]; fn != nil {
			raw, err := fn(aside.Record)
			if err == nil {
				list[i].Record, err = jsonEnvelope(raw)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return json.Marshal(list)
}

// redactSource keeps a protected source's type and grade, so the evidence
// still reads as graded evidence, and drops everything that identifies it.
// The revisions stay: merged back, the copy's version is no news.
func redactSource(v []byte) ([]byte, error) {
	var rec sourceRecord
	env, err := decodeEnvelope(v, &rec)
	if err != nil {
		return nil, err
	}
	rec = sourceRecord{Type: rec.Type, Title: "Protected source", Reliability: rec.Reliability, Protected: true}
	if env.Data, err = json.Marshal(rec); err != nil {
		return nil, err
	}
	return env.encode()
}

// redactEvidence keeps what evidence citing a protected source says (the
// excerpt and its stance) and drops the notes and the locator, where a
// checker writes down who said it and where to find them.
func redactEvidence(v []byte) ([]byte, error) {
	var rec evidenceRecord
	env, err := decodeEnvelope(v, &rec)
	if err != nil {
		return nil, err
	}
	rec.Locator, rec.Note = "", ""
	if env.Data, err = json.Marshal(rec); err != nil {
		return nil, err
	}
	return env.encode()
}

// event withholds the body of an event about a protected source or the
// evidence citing it: its header, and so its hash, stay.
func (r *redactor) event(k, v []byte) ([]byte, error) {
	se, err := decodeEvent(k, v)
	if err != nil {
		return nil, err
	}
	e := se.event
	key, _ := parseID("Record", e.RecordID)
	if e.Withheld || !(r.sources[string(key)] || r.evidence[string(key)]) {
		return v, nil
	}
	return withhold(k, v)
}
