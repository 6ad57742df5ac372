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
	"time"

	"claimdesk/claims"

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
}

// DB is an open ClaimDesk database. It is safe for concurrent use.
type DB struct {
	bolt       *bolt.DB
	path       string
	now        func() time.Time
	ids        idSource
	created    bool
	validate   func(path string) error
	afterClose func(path string)
}

var _ claims.Store = (*DB)(nil)

// Open opens the database at path, creating it (and its folder) when it does
// not exist. An existing file is checked before bbolt maps it, so a damaged
// or foreign file returns EINVALID and is never written to; a file held by
// another ClaimDesk returns ECONFLICT; a file from a newer ClaimDesk
// returns EINVALID untouched.
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
	exists, err := db.checkExisting(opts.SkipDeepCheck)
	if err != nil {
		return nil, err
	}
	if !exists {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create folder for %s: %w", path, err)
		}
	}
	if err := db.openBolt(); err != nil {
		return nil, err
	}
	if err := db.prepare(exists, lang); err != nil {
		db.bolt.Close()
		return nil, err
	}
	return db, nil
}

// checkExisting reports whether the file exists, and checks it when it
// does: with plain reads only when skipDeep is set, and otherwise by walking
// every page too (walkFile makes the plain-read checks first).
func (db *DB) checkExisting(skipDeep bool) (bool, error) {
	if _, err := os.Lstat(db.path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	check := db.validate
	if skipDeep {
		check = checkFile
	}
	err := check(db.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return true, err
}

func (db *DB) openBolt() error {
	b, err := bolt.Open(db.path, 0o600, &bolt.Options{
		Timeout:      time.Second,
		PageSize:     4096, // pinned: files move between machines with other page sizes
		FreelistType: bolt.FreelistMapType,
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return claims.Errorf(claims.ECONFLICT, "This database is open in another ClaimDesk window.")
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
	case err != nil:
		return fmt.Errorf("open %s: %w", db.path, err)
	}
	db.bolt = b
	return nil
}

// prepare initialises a new file, or checks and migrates an existing one.
func (db *DB) prepare(exists bool, lang string) error {
	if !exists {
		db.created = true
		return db.bolt.Update(func(btx *bolt.Tx) error { return initFile(btx, db.now().UTC(), lang) })
	}
	var version uint64
	err := db.bolt.View(func(btx *bolt.Tx) error {
		v, ok := readVersion(btx)
		if !ok {
			return claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
		}
		version = v
		return nil
	})
	switch {
	case err != nil:
		return err
	case version > SchemaVersion:
		return claims.Errorf(claims.EINVALID, "This file was made by a newer ClaimDesk (schema %d; this one reads up to %d). Update ClaimDesk to open it.", version, SchemaVersion)
	case version < SchemaVersion:
		// The bucket check runs in the migration's transaction: a file
		// refused after migrating must be left as it was.
		err := db.bolt.Update(func(btx *bolt.Tx) error {
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
	db    *DB
	now   time.Time
	actor string
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
	return db.bolt.Update(func(btx *bolt.Tx) error {
		return fn(&tx{Tx: btx, db: db, now: db.now().UTC(), actor: actor})
	})
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
