package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

const testPageSize = 4096

// testFile is a real bbolt file and what its pages hold.
type testFile struct {
	path      string
	data      []byte
	highwater int            // pages in use; bbolt grows files ahead of use
	pages     map[int]string // page ID → "branch", "leaf", "freelist", "free" or "overflow"
}

// pagesOf returns the IDs of the pages of one kind, in order.
func (tf testFile) pagesOf(kind string) []int {
	var ids []int
	for id := 2; id < tf.highwater; id++ {
		if tf.pages[id] == kind {
			ids = append(ids, id)
		}
	}
	return ids
}

// newTestFile writes a bbolt file with nested, inline and overflowing
// buckets, over several transactions so that it has free pages too.
func newTestFile(t *testing.T) testFile {
	t.Helper()
	path := filepath.Join(t.TempDir(), "intact.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{PageSize: testPageSize})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for round := range 3 {
		if err := db.Update(func(tx *bolt.Tx) error { return fillTestFile(tx, round) }); err != nil {
			t.Fatal(err)
		}
	}
	pages := map[int]string{}
	err = db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return err
			}
			if pages[id] != "" {
				continue // an overflow page, already recorded
			}
			pages[id] = info.Type
			for i := 1; i <= info.OverflowCount; i++ {
				pages[id+i] = "overflow"
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	highwater := int(metaField(data[boltPageHeader:], metaOffPgid))
	if highwater <= 10 {
		t.Fatalf("test file has %d pages, want more than 10", highwater)
	}
	return testFile{path: path, data: data, highwater: highwater, pages: pages}
}

func fillTestFile(tx *bolt.Tx, round int) error {
	alpha, err := tx.CreateBucketIfNotExists([]byte("alpha"))
	if err != nil {
		return err
	}
	for i := range 1000 {
		key := fmt.Appendf(nil, "key-%d-%05d", round, i)
		if err := alpha.Put(key, bytes.Repeat([]byte{byte(i)}, 40)); err != nil {
			return err
		}
	}
	child, err := tx.Bucket([]byte("alpha")).CreateBucketIfNotExists([]byte("child"))
	if err != nil {
		return err
	}
	for i := range 300 {
		if err := child.Put(fmt.Appendf(nil, "c-%d-%04d", round, i), []byte("value")); err != nil {
			return err
		}
	}
	tiny, err := alpha.CreateBucketIfNotExists([]byte("tiny")) // small enough to stay inline
	if err != nil {
		return err
	}
	if err := tiny.Put(fmt.Appendf(nil, "t%d", round), []byte("x")); err != nil {
		return err
	}
	big, err := tx.CreateBucketIfNotExists([]byte("big"))
	if err != nil {
		return err
	}
	// Values larger than a page live on overflow pages.
	return big.Put(fmt.Appendf(nil, "big-%d", round), bytes.Repeat([]byte("ClaimDesk "), 1500))
}

// damage writes a copy of the intact file changed by fn, and returns its path.
func (tf testFile) damage(t *testing.T, name string, fn func([]byte) []byte) string {
	t.Helper()
	data := fn(bytes.Clone(tf.data))
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// patchMetas changes both meta pages and fixes their checksums, so that
// bbolt would trust the change.
func patchMetas(fn func(meta []byte)) func([]byte) []byte {
	return func(data []byte) []byte {
		for _, off := range []int{0, testPageSize} {
			meta := data[off+boltPageHeader : off+boltPageHeader+boltMetaSize]
			fn(meta)
			h := fnv.New64a()
			h.Write(meta[:boltMetaSummed])
			binary.NativeEndian.PutUint64(meta[boltMetaSummed:], h.Sum64())
		}
		return data
	}
}

func metaField(meta []byte, off int) uint64 {
	return binary.NativeEndian.Uint64(meta[off:])
}

func setMetaField(off int, fn func(uint64) uint64) func([]byte) []byte {
	return patchMetas(func(meta []byte) {
		binary.NativeEndian.PutUint64(meta[off:], fn(metaField(meta, off)))
	})
}

// Offsets of the meta fields after the page header.
const (
	metaOffVersion  = 4
	metaOffPageSize = 8
	metaOffRoot     = 16
	metaOffFreelist = 32
	metaOffPgid     = 40
)

func truncated(n int) func([]byte) []byte {
	return func(data []byte) []byte { return data[:n] }
}

// overwritePage fills one page with bytes from a fixed seed, or zeros.
func overwritePage(id int, random bool) func([]byte) []byte {
	return func(data []byte) []byte {
		page := data[id*testPageSize : (id+1)*testPageSize]
		clear(page)
		if random {
			r := rand.New(rand.NewPCG(uint64(id), 7))
			for i := range page {
				page[i] = byte(r.Uint32())
			}
		}
		return data
	}
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// assertRefused checks the code and the start of the message.
func assertRefused(t *testing.T, err error, code, prefix string) {
	t.Helper()
	if got := claims.ErrorCode(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
	if msg := claims.ErrorMessage(err); !strings.HasPrefix(msg, prefix) {
		t.Fatalf("message = %q, want prefix %q", msg, prefix)
	}
}

const (
	prefixEmpty   = "This file is empty; it is not a ClaimDesk database."
	prefixNotDB   = "This is not a ClaimDesk database."
	prefixDamaged = "This file is damaged: "
)

func TestCheckFileRefusesDamagedFiles(t *testing.T) {
	tf := newTestFile(t)
	size, used := len(tf.data), tf.highwater*testPageSize
	freelist := tf.pagesOf("freelist")
	if len(freelist) != 1 {
		t.Fatalf("test file has freelist pages %v, want one", freelist)
	}
	tests := []struct {
		name   string
		damage func([]byte) []byte
		prefix string
	}{
		{"empty", truncated(0), prefixEmpty},
		{"text", func([]byte) []byte { return []byte("hello, this is not a database") }, prefixNotDB},
		{"random bytes", func([]byte) []byte { return randomBytes(64 << 10) }, prefixNotDB},
		{"truncated to 100", truncated(100), prefixNotDB},
		{"truncated to one page", truncated(4096), prefixNotDB},
		{"truncated to 8192", truncated(8192), fmt.Sprintf("%sit is shorter than its header says (8192 of %d bytes).", prefixDamaged, used)},
		{"truncated to 12288", truncated(12288), prefixDamaged + "it is shorter than its header says (12288 of"},
		{"truncated to 16384", truncated(16384), prefixDamaged + "it is shorter than its header says (16384 of"},
		{"truncated to half its size", truncated(size / 2), prefixDamaged + "it is shorter than its header says"},
		{"truncated to half its data", truncated(used / 2), prefixDamaged + "it is shorter than its header says"},
		{"magic zeroed", func(data []byte) []byte {
			clear(data[boltPageHeader : boltPageHeader+4])
			clear(data[testPageSize+boltPageHeader : testPageSize+boltPageHeader+4])
			return data
		}, prefixNotDB},
		{"checksums broken", func(data []byte) []byte {
			data[boltPageHeader+boltMetaSummed] ^= 0xFF
			data[testPageSize+boltPageHeader+boltMetaSummed] ^= 0xFF
			return data
		}, prefixDamaged + "both of its headers fail their checksum."},
		{"version 3", patchMetas(func(meta []byte) {
			binary.NativeEndian.PutUint32(meta[metaOffVersion:], 3)
		}), prefixDamaged + "its format version is 3, not 2."},
		{"page size 3000", patchMetas(func(meta []byte) {
			binary.NativeEndian.PutUint32(meta[metaOffPageSize:], 3000)
		}), prefixDamaged + "its page size (3000 bytes) is not valid."},
		{"highwater inflated", setMetaField(metaOffPgid, func(uint64) uint64 { return uint64(size/testPageSize + 1) }),
			prefixDamaged + "it is shorter than its header says"},
		{"root beyond the end", setMetaField(metaOffRoot, func(uint64) uint64 { return uint64(size/testPageSize + 50) }),
			fmt.Sprintf("%sits root page (%d) is out of range.", prefixDamaged, size/testPageSize+50)},
		{"root on the freelist page", setMetaField(metaOffRoot, func(uint64) uint64 { return uint64(freelist[0]) }),
			fmt.Sprintf("%sits root page (%d) has the wrong type", prefixDamaged, freelist[0])},
		{"freelist page zeroed", overwritePage(freelist[0], false),
			fmt.Sprintf("%sits freelist page (%d) is labelled as page 0.", prefixDamaged, freelist[0])},
		{"freelist beyond the end", setMetaField(metaOffFreelist, func(uint64) uint64 { return 1 << 40 }),
			prefixDamaged + "its freelist page (1099511627776) is out of range."},
		// Not written by ClaimDesk; bbolt would save a freelist in it.
		{"freelist not persisted", setMetaField(metaOffFreelist, func(uint64) uint64 { return boltNoFreelist }), prefixNotDB},
		{"freelist count inflated", func(data []byte) []byte {
			page := data[freelist[0]*testPageSize:]
			binary.NativeEndian.PutUint16(page[10:], boltFreelistCount)
			binary.NativeEndian.PutUint64(page[boltPageHeader:], 1<<20)
			return data
		}, fmt.Sprintf("%sits freelist page (%d) lists more pages than it holds.", prefixDamaged, freelist[0])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tf.damage(t, "damaged.db", tt.damage)
			before := fileHash(t, path)
			assertRefused(t, checkFile(path), claims.EINVALID, tt.prefix)
			// walkFile runs the same checks before bbolt sees the file.
			assertRefused(t, walkFile(path), claims.EINVALID, tt.prefix)
			if fileHash(t, path) != before {
				t.Fatal("the file changed")
			}
		})
	}
}

func TestCheckAndWalkAcceptSoundFiles(t *testing.T) {
	tf := newTestFile(t)
	tests := []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"intact", func(data []byte) []byte { return data }},
		// bbolt falls back to the other meta page, as after a torn write.
		{"page 0 checksum broken", func(data []byte) []byte {
			data[boltPageHeader+boltMetaSummed] ^= 0xFF
			return data
		}},
		{"page 1 checksum broken", func(data []byte) []byte {
			data[testPageSize+boltPageHeader+boltMetaSummed] ^= 0xFF
			return data
		}},
		{"trimmed to its data", truncated(tf.highwater * testPageSize)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tf.damage(t, "sound.db", tt.damage)
			before := fileHash(t, path)
			if err := checkFile(path); err != nil {
				t.Fatalf("checkFile: %v", err)
			}
			if err := walkFile(path); err != nil {
				t.Fatalf("walkFile: %v", err)
			}
			if fileHash(t, path) != before {
				t.Fatal("the file changed")
			}
		})
	}
}

func TestCheckFileMissingOrNotAFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	for name, fn := range map[string]func(string) error{"checkFile": checkFile, "walkFile": walkFile} {
		if err := fn(missing); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s(missing) = %v, want fs.ErrNotExist", name, err)
		}
		assertRefused(t, fn(dir), claims.EINVALID, prefixNotDB)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("checking a missing file created it")
	}
}

func TestWalkFileRefusesDamagedPages(t *testing.T) {
	tf := newTestFile(t)
	leaves, branches := tf.pagesOf("leaf"), tf.pagesOf("branch")
	if len(leaves) < 3 || len(branches) == 0 {
		t.Fatalf("test file has leaves %v and branches %v; want more", leaves, branches)
	}
	middle, branch := leaves[len(leaves)/2], branches[len(branches)-1]
	tinyPage, tinyFlags := tf.inlineBucket(t, "tiny")
	leafElem := middle*testPageSize + boltPageHeader // the leaf's first entry
	tests := []struct {
		name   string
		damage func([]byte) []byte
		prefix string
	}{
		{"leaf page random", overwritePage(middle, true),
			fmt.Sprintf("%spage %d is labelled as page ", prefixDamaged, middle)},
		{"leaf page zeroed", overwritePage(middle, false),
			fmt.Sprintf("%spage %d is labelled as page 0.", prefixDamaged, middle)},
		{"branch page random", overwritePage(branch, true),
			fmt.Sprintf("%spage %d is labelled as page ", prefixDamaged, branch)},
		// Without the plain-read tree check, bbolt's cursor would stack this
		// page forever and the process would run out of memory.
		{"branch page points at itself", func(data []byte) []byte {
			binary.NativeEndian.PutUint64(data[branch*testPageSize+boltPageHeader+8:], uint64(branch))
			return data
		}, fmt.Sprintf("%spage %d is used twice.", prefixDamaged, branch)},
		{"branch page points past the data", func(data []byte) []byte {
			binary.NativeEndian.PutUint64(data[branch*testPageSize+boltPageHeader+8:], uint64(tf.highwater))
			return data
		}, fmt.Sprintf("%sa page refers to page %d, which is out of range.", prefixDamaged, tf.highwater)},
		// Read as a branch, the page's first entry leads to page 0, which for
		// an inline bucket is the page itself: without the check, bbolt's
		// cursor would descend forever, until memory runs out.
		{"inline bucket page marked as branch", func(data []byte) []byte {
			binary.NativeEndian.PutUint16(data[tinyFlags:], boltBranchPage)
			clear(data[tinyFlags+16 : tinyFlags+24]) // the first entry's child ID
			return data
		}, fmt.Sprintf("%san inline bucket in page %d is malformed.", prefixDamaged, tinyPage)},
		// Only tx.Check notices keys out of order.
		{"leaf keys out of order", func(data []byte) []byte {
			pos := int(binary.NativeEndian.Uint32(data[leafElem+4:]))
			data[leafElem+pos] = 0xFF
			return data
		}, prefixDamaged + "key["},
		{"leaf key past the end of the file", keyPastTheEnd(tf, middle),
			fmt.Sprintf("%san entry of page %d lies outside it.", prefixDamaged, middle)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tf.damage(t, "damaged.db", tt.damage)
			before := fileHash(t, path)
			if err := checkFile(path); err != nil {
				t.Fatalf("checkFile: %v; want it to pass, as the headers are intact", err)
			}
			assertRefused(t, walkFile(path), claims.EINVALID, tt.prefix)
			if fileHash(t, path) != before {
				t.Fatal("the file changed")
			}
		})
	}
}

// inlineBucket finds the inline bucket called name in a page in use, and
// returns that page and the offset of the inline page's flags in the file.
func (tf testFile) inlineBucket(t *testing.T, name string) (page, flags int) {
	t.Helper()
	// The key, then the value: root page 0, sequence, inline page header.
	pattern := append([]byte(name), make([]byte, 8)...)
	for _, id := range tf.pagesOf("leaf") {
		b := tf.data[id*testPageSize : (id+1)*testPageSize]
		if i := bytes.Index(b, pattern); i >= 0 {
			return id, id*testPageSize + i + len(name) + boltBucketHeader + 8
		}
	}
	t.Fatalf("no inline bucket %q in the test file", name)
	return 0, 0
}

// keyPastTheEnd cuts the file to its data and points the first key of a leaf
// past its end. bbolt maps whole powers of two, so there lies mapped memory
// with no file behind it: reading it raises SIGBUS.
func keyPastTheEnd(tf testFile, leaf int) func([]byte) []byte {
	return func(data []byte) []byte {
		data = data[:tf.highwater*testPageSize]
		elem := leaf*testPageSize + boltPageHeader
		// The key's offset counts from its element.
		binary.NativeEndian.PutUint32(data[elem+4:], uint32(len(data)+testPageSize-elem))
		return data
	}
}

// TestWalkGuardedSurvivesFaults skips the plain-read tree check, to test the
// guard behind it: the fault must become an error, not kill the process.
func TestWalkGuardedSurvivesFaults(t *testing.T) {
	tf := newTestFile(t)
	leaves := tf.pagesOf("leaf")
	path := tf.damage(t, "fault.db", keyPastTheEnd(tf, leaves[len(leaves)/2]))
	if err := checkFile(path); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- walkGuarded(path) }() // as walkFile does: the guard is per goroutine
	assertRefused(t, <-done, claims.EINVALID, prefixDamaged+"a page points outside the file.")
}

// TestWalkFileSurvivesAnyGarbagePage damages each page in turn: whatever
// bbolt makes of it, the process must survive, and damage to the tree must
// be reported.
func TestWalkFileSurvivesAnyGarbagePage(t *testing.T) {
	tf := newTestFile(t)
	for id := 2; id < tf.highwater; id++ {
		kind := tf.pages[id]
		path := tf.damage(t, fmt.Sprintf("page%d.db", id), overwritePage(id, true))
		err := walkFile(path)
		switch kind {
		case "branch", "leaf", "freelist":
			assertRefused(t, err, claims.EINVALID, prefixDamaged)
		default:
			// Free pages and the inside of large values hold nothing bbolt
			// checks.
			if err != nil && claims.ErrorCode(err) != claims.EINVALID {
				t.Fatalf("page %d (%s): walkFile = %v", id, kind, err)
			}
		}
	}
}

func TestWalkFileReportsFileInUse(t *testing.T) {
	tf := newTestFile(t)
	db, err := bolt.Open(tf.path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	assertRefused(t, walkFile(tf.path), claims.ECONFLICT, "This database is open in another ClaimDesk window.")
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Fatalf("walkFile took %v to give up", elapsed)
	}
	// The plain-read check takes no lock.
	if err := checkFile(tf.path); err != nil {
		t.Fatalf("checkFile on a file in use: %v", err)
	}
}
