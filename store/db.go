// Package store keeps ClaimDesk's database in one bbolt file: the schema and
// its migrations, records with their revision histories and tombstones, the
// hash-chained history of events, and the compact summaries that make lists
// fast. It implements claims.Store.
package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/regularfile"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Program names the program in the files it creates.
const Program = "ClaimDesk"

// Options tune how a database is opened.
type Options struct {
	// Language of a new file's settings and rating scale; ignored when the
	// file exists. Defaults to French.
	Language string
	// Now is the clock, read once per transaction. Defaults to time.Now.
	Now func() time.Time
	// SkipDeepCheck skips walking an existing file's pages before opening
	// it. Only for files this program has just written itself.
	SkipDeepCheck bool
	// Validate checks a file from outside before it is mapped: one opened
	// without SkipDeepCheck, or merged in. It defaults to walking the file
	// in this process; a program can run the walk in a child process,
	// where a fault nobody foresaw kills the child, not the program.
	Validate func(path string) error
	// AfterClose is called with the file's path once Close released it, so
	// that a program can remember the file as it left it.
	AfterClose func(path string)
	// Fill gives a new file its first content, such as the sample case,
	// before the file appears at its path: a new database appears whole,
	// or not at all.
	Fill func(db *DB) error
}

// DB is an open ClaimDesk database. It is safe for concurrent use.
type DB struct {
	bolt       *bolt.DB
	path       string
	now        func() time.Time
	ids        idSource
	created    bool
	readOnly   bool
	validate   func(path string) error
	afterClose func(path string)
	upgrade    claims.Upgrade
}

var _ claims.Store = (*DB)(nil)

// lockTimeout is how long Open waits for another ClaimDesk to let go of a
// file: a command holds it for milliseconds, a window until it closes.
const lockTimeout = time.Second

// lockRetry is how often a wait for the lock tries again.
const lockRetry = 20 * time.Millisecond

// errLocked is lockFile's answer when the wait for the lock ran out.
var errLocked = errors.New("the database is locked by another process")

// Open opens the database at path, creating it (and its folder) when it does
// not exist. An existing file is checked before bbolt maps it, so a damaged
// or foreign file returns EINVALID and is never written to; a file held by
// another ClaimDesk returns ECONFLICT; a file from a newer ClaimDesk
// returns EINVALID untouched. A file this user may read but not write opens
// read-only: it can be listed and exported, and every change returns
// ECONFLICT saying why.
func Open(path string, opts Options) (*DB, error) {
	db := &DB{path: path, now: opts.Now, validate: opts.Validate, afterClose: opts.AfterClose}
	if db.now == nil {
		db.now = time.Now
	}
	if db.validate == nil {
		db.validate = walkFile
	}
	lang := opts.Language
	if lang == "" {
		lang = claims.LangFrench
	}
	if !claims.ValidLanguage(lang) {
		return nil, claims.Errorf(claims.EINVALID, "The language must be %q or %q.", claims.LangFrench, claims.LangEnglish)
	}
	f, err := db.openOrCreate(lang, opts.Fill)
	if err != nil {
		return nil, err
	}
	if err := db.lockAndCheck(f, opts.SkipDeepCheck || db.created); err != nil {
		f.Close()
		return nil, err
	}
	if err := db.openBolt(f); err != nil {
		f.Close()
		return nil, err
	}
	if err := db.prepare(); err != nil {
		db.bolt.Close()
		return nil, err
	}
	return db, nil
}

// openOrCreate opens the file at path, first creating it when there is
// none. Another ClaimDesk may create it meanwhile: its file is then opened
// as any existing one.
func (db *DB) openOrCreate(lang string, fill func(*DB) error) (*os.File, error) {
	f, err := db.openFile()
	if !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	if err := db.create(lang, fill); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	return db.openFile()
}

// openFile opens an existing database file to read and write it, or to
// read it only when this user may not write it (a file shared read-only,
// a locked-down disk). Only regular files are opened.
func (db *DB) openFile() (*os.File, error) {
	f, err := regularfile.OpenFile(db.path, os.O_RDWR)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		db.readOnly = true
		f, err = regularfile.OpenFile(db.path, os.O_RDONLY)
	}
	switch {
	case errors.Is(err, regularfile.ErrNotRegular):
		return nil, errNotDatabase
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, claims.FileError(db.path, err)
	}
	return f, err
}

// lockAndCheck waits for any other ClaimDesk to let go of the file, then
// checks it. The check reads the file while nobody writes it, so a commit
// half-way through is never taken for damage. It runs under a shared lock,
// which the checker's own read-only opening shares; the lock becomes
// exclusive to write.
func (db *DB) lockAndCheck(f *os.File, skipDeep bool) error {
	if err := lockFile(f, false, lockTimeout); err != nil {
		return lockError(db.path, err)
	}
	check := db.validate
	if skipDeep {
		check = checkFile
	}
	if err := check(db.path); err != nil {
		return err
	}
	if db.readOnly {
		return nil
	}
	return lockError(db.path, lockFile(f, true, lockTimeout))
}

func lockError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errLocked):
		return errFileInUse
	default:
		return claims.FileError(path, err)
	}
}

// openBolt maps the file f, already opened and locked: bbolt takes the
// same lock again on it, which costs no wait.
func (db *DB) openBolt(f *os.File) error {
	b, err := bolt.Open(db.path, 0o600, &bolt.Options{
		Timeout:      lockTimeout,
		ReadOnly:     db.readOnly,
		PageSize:     4096, // pinned: files move between machines with other page sizes
		FreelistType: bolt.FreelistMapType,
		OpenFile:     func(string, int, os.FileMode) (*os.File, error) { return f, nil },
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return errFileInUse
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return errNotDatabase
	case err != nil:
		return claims.FileError(db.path, err)
	}
	db.bolt = b
	return nil
}

// prepare checks an existing file's schema and buckets, and migrates a
// file from an older ClaimDesk.
func (db *DB) prepare() error {
	var version uint64
	err := db.bolt.View(func(btx *bolt.Tx) error {
		v, ok := readVersion(btx)
		if !ok {
			return errNotDatabase
		}
		version = v
		return nil
	})
	switch {
	case err != nil:
		return err
	case version > SchemaVersion:
		return claims.Errorf(claims.EINVALID, "This file was made by a newer ClaimDesk (schema %d; this one reads up to %d). Update ClaimDesk to open it.", version, SchemaVersion)
	case version < SchemaVersion && db.readOnly:
		return claims.Errorf(claims.ECONFLICT, "%s was made by an older ClaimDesk and must be updated to open, but you may not write to it. Open a copy you may write to.", db.path)
	case version < SchemaVersion:
		safety, err := db.keepBeforeUpgrade(version)
		if err != nil {
			return err
		}
		db.upgrade = claims.Upgrade{FromSchema: int(version), ToSchema: int(SchemaVersion), SafetyCopy: safety}
		// The bucket check runs in the migration's transaction: a file
		// refused after migrating must be left as it was.
		err = db.bolt.Update(func(btx *bolt.Tx) error {
			if err := migrate(btx, version); err != nil {
				return err
			}
			return checkBuckets(btx)
		})
		var appErr *claims.Error
		if err != nil && !errors.As(err, &appErr) {
			// The migration reads every record it converts; one it cannot
			// read is damage the checks at open do not see. Nothing was
			// written: the transaction rolled back.
			return damagedFile(claims.Textf("it could not be updated to schema %d (%v)", SchemaVersion, err))
		}
		return err
	}
	// The store takes every bucket for granted: a file missing one, its
	// name damaged, would make the first list or edit panic.
	return db.bolt.View(checkBuckets)
}

// Upgrade says whether Open brought the file from an older schema, and
// where the copy of it as it was is.
func (db *DB) Upgrade() claims.Upgrade {
	return db.upgrade
}

// keepBeforeUpgrade writes a copy of the file as it is, beside it, before
// a migration changes it: NAME.schema-4.db, or NAME.schema-4 (2).db when
// that is taken. A file that cannot be copied is not migrated.
func (db *DB) keepBeforeUpgrade(version uint64) (string, error) {
	base := strings.TrimSuffix(db.path, filepath.Ext(db.path))
	for n := 1; n <= 100; n++ {
		path := fmt.Sprintf("%s.schema-%d.db", base, version)
		if n > 1 {
			path = fmt.Sprintf("%s.schema-%d (%d).db", base, version, n)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil {
			err = db.bolt.View(func(btx *bolt.Tx) error {
				_, err := btx.WriteTo(f)
				return err
			})
			err = firstErr(err, f.Sync(), f.Close())
			if err != nil {
				os.Remove(path)
			}
		}
		if err != nil {
			return "", claims.Errorf(claims.ErrorCode(claims.FileError(path, err)), "This file must be updated to open here, and a copy of it as it is kept first; that copy could not be written: %v", claims.TextOf(claims.FileError(path, err)))
		}
		return path, nil
	}
	return "", claims.Errorf(claims.ECONFLICT, "This file must be updated to open here, and a copy of it as it is kept first; there are already 100 such copies beside it.")
}

func checkBuckets(btx *bolt.Tx) error {
	for _, name := range schemaBuckets {
		if btx.Bucket(name) == nil {
			return damagedFile(claims.Textf("its %s are missing", name))
		}
	}
	return nil
}

func initFile(btx *bolt.Tx, now time.Time, lang string) error {
	if err := migrate(btx, 0); err != nil {
		return err
	}
	meta := btx.Bucket(bucketMeta)
	settings := claims.DefaultSettings(lang)
	_, env, err := newEnvelope("settings", "settings", now, Program, settingsRecordOf(&settings))
	if err != nil {
		return err
	}
	for k, v := range map[string]string{
		string(metaApp):         appName,
		string(metaCreatedAt):   now.Format(time.RFC3339),
		string(metaCreatedWith): fmt.Sprintf("%s, schema %d", Program, SchemaVersion),
		string(metaSettings):    string(env),
	} {
		if err := meta.Put([]byte(k), []byte(v)); err != nil {
			return err
		}
	}
	return nil
}

// Created reports whether Open created the file, so the caller can add the
// sample case to new databases only.
func (db *DB) Created() bool {
	return db.created
}

// Path returns the file's path.
func (db *DB) Path() string {
	return db.path
}

// Close releases the file and its lock.
func (db *DB) Close() error {
	err := db.bolt.Close()
	if err == nil && db.afterClose != nil {
		db.afterClose(db.path)
	}
	return err
}

// tx is a transaction with the one clock reading and the actor that every
// record and event it writes shares.
type tx struct {
	*bolt.Tx
	db        *DB
	now       time.Time
	actor     string
	staged    *staged // index writes waiting to go in sorted (staged.go)
	stagedErr error
}

// update runs fn in a read-write transaction on behalf of the context's actor.
func (db *DB) update(ctx context.Context, fn func(*tx) error) error {
	actor := claims.ActorFromContext(ctx)
	if actor == "" {
		return claims.Errorf(claims.EINVALID, "Say who you are before changing anything (your reviewer name).")
	}
	if err := claims.CheckActor(actor); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if db.readOnly {
		return claims.Errorf(claims.ECONFLICT, "%s is open read-only, because you may not write to it: it can be read and exported, not changed.", db.path)
	}
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		t := &tx{Tx: btx, db: db, now: db.now().UTC(), actor: actor}
		return firstErr(fn(t), t.flushStaged())
	})
	return claims.FileError(db.path, err)
}

// view runs fn in a read-only transaction.
func (db *DB) view(ctx context.Context, fn func(*tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bolt.View(func(btx *bolt.Tx) error {
		return fn(&tx{Tx: btx, db: db, now: db.now().UTC()})
	})
}
