package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
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
	pages := pageKinds(t, db)
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

// pageKinds returns what each page of an open file below its high-water
// mark holds: "branch", "leaf", "freelist", "free" or "overflow".
func pageKinds(tb testing.TB, db *bolt.DB) map[int]string {
	tb.Helper()
	pages := map[int]string{}
	err := db.View(func(tx *bolt.Tx) error {
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
		tb.Fatal(err)
	}
	return pages
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

// assertOpenRefuses opens a damaged file and requires EINVALID with a
// message that starts with prefix, and the file left as it was.
func assertOpenRefuses(t *testing.T, path, prefix string) {
	t.Helper()
	before := fileHash(t, path)
	db, err := Open(path, Options{})
	if err == nil {
		db.Close()
		t.Fatal("Open accepted the file")
	}
	assertRefused(t, err, claims.EINVALID, prefix)
	if fileHash(t, path) != before {
		t.Fatal("the refused file changed")
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

// soundChange is a change to a file that leaves it sound.
type soundChange struct {
	name   string
	damage func([]byte) []byte
}

// soundChanges are what a torn write or a copy leaves of a sound file.
func soundChanges(tf testFile) []soundChange {
	return []soundChange{
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
}

func TestCheckAndWalkAcceptSoundFiles(t *testing.T) {
	tf := newTestFile(t)
	tests := soundChanges(tf)
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
		// Only tx.Check notices keys out of order. The second key: the
		// first must match the key the parent page gives.
		{"leaf keys out of order", func(data []byte) []byte {
			elem := leafElem + boltElement
			pos := int(binary.NativeEndian.Uint32(data[elem+4:]))
			data[elem+pos] = 0xFF
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

// newClaimDeskFile writes a ClaimDesk file through the store: an article
// with claims (count at least 2), a source with evidence, a verdict and an
// edit, so that every bucket holds something. It returns the file closed.
func newClaimDeskFile(tb testing.TB, count int) testFile {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "claimdesk.db")
	db, err := Open(path, Options{Language: claims.LangFrench, Now: tickingClock()})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	a, list := mustImport(tb, db, crashPhrases[0], crashPhrases[1])
	alice := as("Alice")
	for i := range count - len(list) {
		c := &claims.Claim{ArticleID: a.ID, Text: crashPhrases[i%len(crashPhrases)], Kind: claims.KindQuote,
			Speaker: claims.Speaker{Name: fmt.Sprintf("Porte-parole %d", i%7)}}
		if err := db.CreateClaim(alice, c); err != nil {
			tb.Fatal(err)
		}
	}
	source := &claims.Source{Title: "Rapport du Département d'État", URL: "https://www.state.gov/report", Reliability: claims.ReliabilityB}
	evidence := &claims.Evidence{ClaimID: list[1].ID, Excerpt: "11,000 containers", Stance: claims.StanceSupports}
	if err := db.AddSourceWithEvidence(alice, source, evidence); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.SetVerdict(alice, list[1].ID, claims.Verdict{Rating: "vrai", Explanation: "Le chiffre vient du Département d'État."}, "", ""); err != nil {
		tb.Fatal(err)
	}
	tags := []string{"otan", "corée"}
	if _, err := db.UpdateClaim(as("Bob"), list[0].ID, claims.ClaimUpdate{Tags: &tags}); err != nil {
		tb.Fatal(err)
	}
	pages := pageKinds(tb, db.bolt)
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	m, err := inspectFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return testFile{path: path, data: data, highwater: int(m.highwater), pages: pages}
}

// rootPage returns the root page ID of the meta bbolt would use.
func (tf testFile) rootPage(t testing.TB) int {
	t.Helper()
	m, err := inspectFile(tf.path)
	if err != nil {
		t.Fatal(err)
	}
	return int(m.root)
}

// bucketRootAt returns the file offset of the root page ID of the first
// bucket in leaf page id that has pages of its own (is not inline).
func (tf testFile) bucketRootAt(t *testing.T, id int) int {
	t.Helper()
	page := tf.data[id*testPageSize : (id+1)*testPageSize]
	ne := binary.NativeEndian
	for i := range int(ne.Uint16(page[10:])) {
		off := boltPageHeader + i*boltElement
		e := page[off:]
		if ne.Uint32(e)&boltBucketLeaf == 0 {
			continue
		}
		v := off + int(ne.Uint32(e[4:])) + int(ne.Uint32(e[8:]))
		if ne.Uint64(page[v:]) != 0 {
			return id*testPageSize + v
		}
	}
	t.Fatalf("page %d holds no bucket with pages of its own", id)
	return 0
}

// putUint64 writes v at off.
func putUint64(off int, v uint64) func([]byte) []byte {
	return func(data []byte) []byte {
		binary.NativeEndian.PutUint64(data[off:], v)
		return data
	}
}

// openRefusals start every sentence Open refuses a file with. A file held
// by another window (ECONFLICT) is not among them: a refused file is
// damaged or foreign, and nothing else holds it.
var openRefusals = []string{prefixDamaged, prefixNotDB, prefixEmpty, "This file was made by a newer ClaimDesk "}

// checkRefusal reports an error unless err is EINVALID with one of the
// known sentences.
func checkRefusal(err error) error {
	if code := claims.ErrorCode(err); code != claims.EINVALID {
		return fmt.Errorf("Open = %v (code %q), want code %q", err, code, claims.EINVALID)
	}
	msg := claims.ErrorMessage(err)
	for _, p := range openRefusals {
		if strings.HasPrefix(msg, p) {
			return nil
		}
	}
	return fmt.Errorf("Open refused the file with %q, not one of the known sentences", msg)
}

// TestOpenRefusesDamagedClaimDeskFiles is the damaged corpus, made from a
// real ClaimDesk file and opened the way the window opens files: each class
// of damage must be refused with a sentence that says so, without crashing
// the process and without writing to the file.
func TestOpenRefusesDamagedClaimDeskFiles(t *testing.T) {
	// Six claims: enough for a bucket to have pages of its own, few enough
	// for every bucket's name to stay in the root leaf.
	tf := newClaimDeskFile(t, 6)
	used := tf.highwater * testPageSize
	root, freelist := tf.rootPage(t), tf.pagesOf("freelist")
	var leaf int // a leaf that is not the root
	for _, id := range tf.pagesOf("leaf") {
		if id != root {
			leaf = id
		}
	}
	branches := tf.pagesOf("branch")
	if leaf == 0 || len(branches) == 0 || len(freelist) != 1 {
		t.Fatalf("test file has root %d, leaves %v, branches %v, freelist %v; want more", root, tf.pagesOf("leaf"), branches, freelist)
	}
	branch, fl := branches[0], freelist[0]
	branchChild := branch*testPageSize + boltPageHeader + 8 // the first entry's child ID
	bucketRoot := tf.bucketRootAt(t, root)
	leafElem := leaf*testPageSize + boltPageHeader
	tests := []struct {
		class, name string
		damage      func([]byte) []byte
		prefix      string
	}{
		{"truncation", "empty", truncated(0), prefixEmpty},
		{"truncation", "to 100 bytes", truncated(100), prefixNotDB},
		{"truncation", "to one page", truncated(testPageSize), prefixNotDB},
		{"truncation", "to its two meta pages", truncated(2 * testPageSize),
			fmt.Sprintf("%sit is shorter than its header says (%d of %d bytes).", prefixDamaged, 2*testPageSize, used)},
		{"truncation", "to half its data", truncated(used / 2), prefixDamaged + "it is shorter than its header says"},
		{"truncation", "one page short", truncated(used - testPageSize), prefixDamaged + "it is shorter than its header says"},
		{"truncation", "one byte short", truncated(used - 1),
			fmt.Sprintf("%sit is shorter than its header says (%d of %d bytes).", prefixDamaged, used-1, used)},

		// bbolt alone would fall back on the other meta page, but its
		// consistency check asserts the header of both.
		{"zeroed meta pages", "page 0", overwritePage(0, false), prefixDamaged},
		{"zeroed meta pages", "page 1", overwritePage(1, false), prefixDamaged},
		{"zeroed meta pages", "both", func(data []byte) []byte { clear(data[:2*testPageSize]); return data }, prefixNotDB},
		{"zeroed meta pages", "both but the magic", func(data []byte) []byte {
			for _, off := range []int{0, testPageSize} {
				clear(data[off : off+testPageSize])
				binary.NativeEndian.PutUint32(data[off+boltPageHeader:], boltMagic)
			}
			return data
		}, prefixDamaged + "its format version is 0, not 2."},
		{"zeroed meta pages", "checksums broken", func(data []byte) []byte {
			data[boltPageHeader+boltMetaSummed] ^= 0xFF
			data[testPageSize+boltPageHeader+boltMetaSummed] ^= 0xFF
			return data
		}, prefixDamaged + "both of its headers fail their checksum."},

		{"hostile meta pages", "version 3", patchMetas(func(meta []byte) {
			binary.NativeEndian.PutUint32(meta[metaOffVersion:], 3)
		}), prefixDamaged + "its format version is 3, not 2."},
		{"hostile meta pages", "page size 3000", patchMetas(func(meta []byte) {
			binary.NativeEndian.PutUint32(meta[metaOffPageSize:], 3000)
		}), prefixDamaged + "its page size (3000 bytes) is not valid."},
		{"hostile meta pages", "page size 8 KiB", func(data []byte) []byte {
			// Cut after the last page in use, as a copy is: at twice the page
			// size, the pages in use run past the end.
			data = patchMetas(func(meta []byte) {
				binary.NativeEndian.PutUint32(meta[metaOffPageSize:], 2*testPageSize)
			})(data)
			return data[:tf.highwater*testPageSize]
		}, prefixDamaged + "it is shorter than its header says"},
		{"hostile meta pages", "high-water mark past the end", setMetaField(metaOffPgid, func(uint64) uint64 { return uint64(len(tf.data)/testPageSize + 1) }),
			prefixDamaged + "it is shorter than its header says"},
		{"hostile meta pages", "high-water mark zero", setMetaField(metaOffPgid, func(uint64) uint64 { return 0 }),
			prefixDamaged + "its root page ("},
		{"hostile meta pages", "root on a meta page", setMetaField(metaOffRoot, func(uint64) uint64 { return 1 }),
			prefixDamaged + "its root page (1) is out of range."},
		{"hostile meta pages", "root on the freelist page", setMetaField(metaOffRoot, func(uint64) uint64 { return uint64(fl) }),
			fmt.Sprintf("%sits root page (%d) has the wrong type (flags %#x).", prefixDamaged, fl, boltFreelistPage)},
		// The leaf holds records, not buckets; its parent's pages are left
		// unaccounted for.
		{"hostile meta pages", "root on another leaf", setMetaField(metaOffRoot, func(uint64) uint64 { return uint64(leaf) }), prefixDamaged},
		{"hostile meta pages", "freelist on the root page", setMetaField(metaOffFreelist, func(uint64) uint64 { return uint64(root) }),
			fmt.Sprintf("%sits freelist page (%d) has the wrong type (flags %#x).", prefixDamaged, root, boltLeafPage)},
		{"hostile meta pages", "freelist past the end", setMetaField(metaOffFreelist, func(uint64) uint64 { return 1 << 40 }),
			prefixDamaged + "its freelist page (1099511627776) is out of range."},
		{"hostile meta pages", "freelist not persisted", setMetaField(metaOffFreelist, func(uint64) uint64 { return boltNoFreelist }), prefixNotDB},

		{"wild page IDs", "root past the end", setMetaField(metaOffRoot, func(uint64) uint64 { return 1 << 40 }),
			prefixDamaged + "its root page (1099511627776) is out of range."},
		{"wild page IDs", "branch child past the data", putUint64(branchChild, uint64(tf.highwater)),
			fmt.Sprintf("%sa page refers to page %d, which is out of range.", prefixDamaged, tf.highwater)},
		{"wild page IDs", "branch child on a meta page", putUint64(branchChild, 1),
			prefixDamaged + "a page refers to page 1, which is out of range."},
		{"wild page IDs", "branch child is the branch", putUint64(branchChild, uint64(branch)),
			fmt.Sprintf("%spage %d is used twice.", prefixDamaged, branch)},
		{"wild page IDs", "bucket root far away", putUint64(bucketRoot, 1<<40),
			prefixDamaged + "a page refers to page 1099511627776, which is out of range."},
		{"wild page IDs", "bucket root is the root page", putUint64(bucketRoot, uint64(root)),
			fmt.Sprintf("%spage %d is used twice.", prefixDamaged, root)},
		{"wild page IDs", "leaf labelled as another page", putUint64(leaf*testPageSize, uint64(leaf+1)),
			fmt.Sprintf("%spage %d is labelled as page %d.", prefixDamaged, leaf, leaf+1)},
		{"wild page IDs", "leaf overflowing past the end", func(data []byte) []byte {
			binary.NativeEndian.PutUint32(data[leaf*testPageSize+12:], 1<<20)
			return data
		}, fmt.Sprintf("%spage %d runs past the end of the data.", prefixDamaged, leaf)},

		{"overwritten pages", "leaf zeroed", overwritePage(leaf, false),
			fmt.Sprintf("%spage %d is labelled as page 0.", prefixDamaged, leaf)},
		{"overwritten pages", "leaf random", overwritePage(leaf, true),
			fmt.Sprintf("%spage %d is labelled as page ", prefixDamaged, leaf)},
		{"overwritten pages", "root leaf zeroed", overwritePage(root, false),
			fmt.Sprintf("%sits root page (%d) is labelled as page 0.", prefixDamaged, root)},
		{"overwritten pages", "branch random", overwritePage(branch, true),
			fmt.Sprintf("%spage %d is labelled as page ", prefixDamaged, branch)},
		{"overwritten pages", "freelist zeroed", overwritePage(fl, false),
			fmt.Sprintf("%sits freelist page (%d) is labelled as page 0.", prefixDamaged, fl)},
		{"overwritten pages", "freelist count inflated", func(data []byte) []byte {
			page := data[fl*testPageSize:]
			binary.NativeEndian.PutUint16(page[10:], boltFreelistCount)
			binary.NativeEndian.PutUint64(page[boltPageHeader:], 1<<20)
			return data
		}, fmt.Sprintf("%sits freelist page (%d) lists more pages than it holds.", prefixDamaged, fl)},
		{"overwritten pages", "leaf entry count inflated", func(data []byte) []byte {
			binary.NativeEndian.PutUint16(data[leaf*testPageSize+10:], 0xFFFF)
			return data
		}, fmt.Sprintf("%sleaf page %d holds 65535 entries.", prefixDamaged, leaf)},
		{"overwritten pages", "leaf keys out of order", func(data []byte) []byte {
			pos := int(binary.NativeEndian.Uint32(data[leafElem+4:]))
			data[leafElem+pos] = 0xFF
			return data
		}, prefixDamaged},
		{"overwritten pages", "leaf key past the end of the file", keyPastTheEnd(tf, leaf),
			fmt.Sprintf("%san entry of page %d lies outside it.", prefixDamaged, leaf)},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.name, func(t *testing.T) {
			assertOpenRefuses(t, tf.damage(t, "damaged.db", tt.damage), tt.prefix)
		})
	}
}

// TestOpenAcceptsSoundClaimDeskFiles is the other side of the corpus: what a
// torn write or a copy leaves behind opens, reads whole, and is not written
// to by opening and reading.
func TestOpenAcceptsSoundClaimDeskFiles(t *testing.T) {
	tf := newClaimDeskFile(t, 3)
	free := tf.pagesOf("free")
	if len(free) == 0 {
		t.Fatal("test file has no free page")
	}
	tests := append(soundChanges(tf), soundChange{"free page random", overwritePage(free[0], true)})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tf.damage(t, "sound.db", tt.damage)
			before := fileHash(t, path)
			db, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			list, _, err := db.FindClaims(context.Background(), claims.ClaimFilter{})
			if err != nil || len(list) != 3 {
				t.Fatalf("FindClaims: %d claims, %v; want 3", len(list), err)
			}
			if check, err := db.VerifyHistory(context.Background()); err != nil || !check.OK() {
				t.Fatalf("VerifyHistory: %+v, %v", check, err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if fileHash(t, path) != before {
				t.Fatal("opening and reading changed the file")
			}
		})
	}
}

// TestOpenSurvivesRandomByteFlips changes one random byte of a page in use
// (branch, leaf or freelist), 200 times over. A flip inside a value may go
// unnoticed by the checks at open, so either outcome is allowed; what is
// not is a crash, a refusal without a known sentence, a refused file that
// changed, or a panic while reading what was accepted.
func TestOpenSurvivesRandomByteFlips(t *testing.T) {
	const flips, seed = 200, 42
	tf := newClaimDeskFile(t, 3)
	var inUse []int
	for id := 2; id < tf.highwater; id++ {
		if k := tf.pages[id]; k == "branch" || k == "leaf" || k == "freelist" {
			inUse = append(inUse, id)
		}
	}
	intact := openAndDump(t, tf.path)
	r := rand.New(rand.NewPCG(seed, 0))
	var refused, failed, changed, same int
	for i := range flips {
		id := inUse[r.IntN(len(inUse))]
		off := id*testPageSize + r.IntN(testPageSize)
		xor := byte(1 + r.IntN(255))
		t.Run(fmt.Sprintf("%d/page %d %s/byte %d", i, id, tf.pages[id], off%testPageSize), func(t *testing.T) {
			// The base file differs from run to run (random IDs, and
			// bbolt places pages in map order): a failing flip is
			// replayed from its file, which -artifacts keeps.
			path := filepath.Join(t.ArtifactDir(), "flipped.db")
			data := bytes.Clone(tf.data)
			data[off] ^= xor
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			db, err := Open(path, Options{})
			if err != nil {
				refused++
				if err := checkRefusal(err); err != nil {
					t.Fatal(err)
				}
				if fileHash(t, path) != before {
					t.Fatal("the refused file changed")
				}
				return
			}
			dump, err := readEverything(db)
			switch {
			case err != nil:
				failed++
			case !bytes.Equal(dump, intact):
				changed++
			default:
				same++
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
	// Not assertions: bbolt keeps no checksums of pages, so a flip inside
	// a record's text can only be seen by what reads it.
	t.Logf("seed %d, %d flips: %d refused at open, %d met errors or a broken history on reading, "+
		"%d changed what reads return without an error, %d changed nothing read", seed, flips, refused, failed, changed, same)
}

// openAndDump returns the dump of the file at path, which must read whole.
func openAndDump(t *testing.T, path string) []byte {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dump, err := readEverything(db)
	if err != nil {
		t.Fatal(err)
	}
	return dump
}

// readEverything reads all a window can show, through the store's API, and
// returns the file's dump and every error met, a broken history included.
// The checks at open cover the file's structure, not every record's
// content, so a damaged record may surface only here: as an error, never as
// a panic.
func readEverything(db *DB) ([]byte, error) {
	ctx := context.Background()
	var errs []error
	note := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	_, err := db.Settings(ctx)
	note(err)
	articles, err := db.FindArticles(ctx)
	note(err)
	for _, a := range articles {
		_, err := db.FindArticleByID(ctx, a.ID)
		note(err)
	}
	_, _, err = db.FindClaimSummaries(ctx, claims.ClaimFilter{Deleted: true})
	note(err)
	list, _, err := db.FindClaims(ctx, claims.ClaimFilter{Deleted: true})
	note(err)
	for _, c := range list {
		if _, err := db.FindClaimByID(ctx, c.ID); claims.ErrorCode(err) != claims.ENOTFOUND {
			note(err) // tombstones are not found, rightly
		}
		_, err := db.FindEvidence(ctx, c.ID)
		note(err)
	}
	_, err = db.FindSources(ctx)
	note(err)
	_, err = db.FindEvents(ctx, claims.EventFilter{})
	note(err)
	check, err := db.VerifyHistory(ctx)
	note(err)
	if err == nil && !check.OK() {
		note(fmt.Errorf("history: %+v", check.Broken))
	}
	_, err = db.FindCaseFile(ctx, claims.CaseFilter{})
	note(err)
	var dump bytes.Buffer
	note(db.WriteDump(ctx, &dump, claims.CaseFilter{}))
	return dump.Bytes(), errors.Join(errs...)
}

// elementAt returns the file offset of the element whose key is key in the
// leaf page at file offset page, which may be an inline bucket's.
func elementAt(t *testing.T, data []byte, page int, key string) int {
	t.Helper()
	ne := binary.NativeEndian
	for i := range int(ne.Uint16(data[page+10:])) {
		off := page + boltPageHeader + i*boltElement
		start := off + int(ne.Uint32(data[off+4:]))
		if string(data[start:start+int(ne.Uint32(data[off+8:]))]) == key {
			return off
		}
	}
	t.Fatalf("no key %q in the page at %d", key, page)
	return 0
}

// inlinePage returns the file offset of the inline page of bucket name,
// held in the root page.
func (tf testFile) inlinePage(t *testing.T, name string) int {
	t.Helper()
	root := tf.rootPage(t) * testPageSize
	elem := elementAt(t, tf.data, root, name)
	ne := binary.NativeEndian
	v := elem + int(ne.Uint32(tf.data[elem+4:])) + int(ne.Uint32(tf.data[elem+8:]))
	if ne.Uint64(tf.data[v:]) != 0 {
		t.Fatalf("bucket %q is not inline", name)
	}
	return v + boltBucketHeader
}

// addToFreelist lists one more page as free, keeping the list sorted, so
// that every page stays accounted for and only the new one is wrong.
func addToFreelist(fl int, id uint64) func([]byte) []byte {
	return func(data []byte) []byte {
		page := data[fl*testPageSize:]
		ne := binary.NativeEndian
		count := int(ne.Uint16(page[10:]))
		ids := []uint64{id}
		for i := range count {
			ids = append(ids, ne.Uint64(page[boltPageHeader+8*i:]))
		}
		slices.Sort(ids)
		ne.PutUint16(page[10:], uint16(len(ids)))
		for i, v := range ids {
			ne.PutUint64(page[boltPageHeader+8*i:], v)
		}
		return data
	}
}

// TestOpenRefusesDamageThatWritesTripOn is damage that bbolt's consistency
// check lets through, and that the first write would trip on: a panic, a
// fault that kills the process, or a file that no longer opens.
func TestOpenRefusesDamageThatWritesTripOn(t *testing.T) {
	tf := newClaimDeskFile(t, 6)
	root, fl := tf.rootPage(t), tf.pagesOf("freelist")[0]
	branch := tf.pagesOf("branch")[0]
	ne := binary.NativeEndian
	tests := []struct {
		name   string
		damage func([]byte) []byte
		prefix string
	}{
		{"freelist lists a meta page", addToFreelist(fl, 1),
			fmt.Sprintf("%sits freelist page (%d) lists page 1, which cannot be free.", prefixDamaged, fl)},
		{"freelist lists itself", addToFreelist(fl, uint64(fl)),
			fmt.Sprintf("%sits freelist page (%d) lists page %d, which cannot be free.", prefixDamaged, fl, fl)},
		{"freelist lists a page past the data", addToFreelist(fl, uint64(tf.highwater+3)),
			fmt.Sprintf("%sits freelist page (%d) lists page %d, which cannot be free.", prefixDamaged, fl, tf.highwater+3)},
		{"a bucket's name damaged", func(data []byte) []byte {
			elem := elementAt(t, data, root*testPageSize, "sources")
			data[elem+int(ne.Uint32(data[elem+4:]))+len("sources")-1] = 'r' // still in order
			return data
		}, prefixDamaged + "its sources are missing."},
		{"empty key in an inline bucket", func(data []byte) []byte {
			page := tf.inlinePage(t, "claim_evidence")
			ne.PutUint32(data[page+boltPageHeader+8:], 0)
			return data
		}, fmt.Sprintf("%spage %d holds an empty key.", prefixDamaged, root)},
		{"inline bucket keys out of order", func(data []byte) []byte {
			page := tf.inlinePage(t, "article_claims")
			elem := page + boltPageHeader
			data[elem+int(ne.Uint32(data[elem+4:]))] = 0xFF
			return data
		}, fmt.Sprintf("%sthe keys of an inline bucket in page %d are out of order.", prefixDamaged, root)},
		{"inline bucket page with an ID", func(data []byte) []byte {
			ne.PutUint64(data[tf.inlinePage(t, "claim_events"):], 1<<40)
			return data
		}, fmt.Sprintf("%san inline bucket in page %d is malformed.", prefixDamaged, root)},
		{"branch key not its child's first key", func(data []byte) []byte {
			elem := branch*testPageSize + boltPageHeader + boltElement // the second entry
			key := elem + int(ne.Uint32(data[elem:])) + int(ne.Uint32(data[elem+4:])) - 1
			data[key]-- // still after the first entry's key
			return data
		}, prefixDamaged + "page "},
		{"old schema with an unreadable record", func(data []byte) []byte {
			elem := elementAt(t, data, tf.bucketStart(t, "meta"), "schema_version")
			v := elem + int(ne.Uint32(data[elem+4:])) + len("schema_version")
			binary.BigEndian.PutUint64(data[v:], 1)
			claims := tf.bucketPage(t, "claims") * testPageSize
			i := bytes.Index(data[claims:claims+testPageSize], []byte(`"text":"`))
			data[claims+i+len(`"text":"`)] = 0
			return data
		}, prefixDamaged + "it could not be updated to schema " + fmt.Sprint(SchemaVersion)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertOpenRefuses(t, tf.damage(t, "damaged.db", tt.damage), tt.prefix)
		})
	}
}

// bucketStart returns the file offset of the page of the top-level bucket
// name, inline or not.
func (tf testFile) bucketStart(t *testing.T, name string) int {
	t.Helper()
	elem := elementAt(t, tf.data, tf.rootPage(t)*testPageSize, name)
	ne := binary.NativeEndian
	v := elem + int(ne.Uint32(tf.data[elem+4:])) + int(ne.Uint32(tf.data[elem+8:]))
	if ne.Uint64(tf.data[v:]) == 0 {
		return tf.inlinePage(t, name)
	}
	return tf.bucketPage(t, name) * testPageSize
}

// bucketPage returns the root page of the top-level bucket name, which must
// have pages of its own.
func (tf testFile) bucketPage(t *testing.T, name string) int {
	t.Helper()
	elem := elementAt(t, tf.data, tf.rootPage(t)*testPageSize, name)
	ne := binary.NativeEndian
	v := elem + int(ne.Uint32(tf.data[elem+4:])) + int(ne.Uint32(tf.data[elem+8:]))
	id := int(ne.Uint64(tf.data[v:]))
	if id == 0 || tf.pages[id] != "leaf" {
		t.Fatalf("bucket %q has root page %d (%s), want a leaf", name, id, tf.pages[id])
	}
	return id
}
