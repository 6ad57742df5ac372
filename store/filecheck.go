package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io/fs"
	"os"
	"runtime/debug"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/regularfile"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// bbolt's on-disk format, version 2, from go.etcd.io/bbolt internal/common.
// The package is internal, so the layout is restated here; bbolt writes in
// the machine's byte order, hence binary.NativeEndian.
const (
	boltMagic         = 0xED0CDAED
	boltVersion       = 2
	boltNoFreelist    = 0xFFFFFFFFFFFFFFFF // meta.freelist when the freelist is not persisted
	boltPageHeader    = 16                 // id u64, flags u16, count u16, overflow u32
	boltMetaSize      = 64                 // magic … checksum
	boltMetaSummed    = 56                 // the checksum covers the fields before it
	boltBranchPage    = 0x01
	boltLeafPage      = 0x02
	boltFreelistPage  = 0x10
	boltMinPageSize   = 1 << 10
	boltMaxPageSize   = 1 << 16
	boltFreelistCount = 0xFFFF // page.count saying the real count is the first id slot
	claimDeskPageSize = 4096   // what openBolt pins, and so what bbolt falls back to
)

var (
	errNotDatabase = claims.Errorf(claims.EINVALID, "This is not a ClaimDesk database.")
	errEmptyFile   = claims.Errorf(claims.EINVALID, "This file is empty; it is not a ClaimDesk database.")
	errFileInUse   = claims.Errorf(claims.ECONFLICT, "This database is open in another ClaimDesk window.")
)

// damagedFile reports a file that is a bbolt file but cannot be used. The
// reason is a lower-case clause.
func damagedFile(reason claims.Text) error {
	return claims.Errorf(claims.EINVALID, "This file is damaged: %s.", reason)
}

// boltMeta is one meta page: the header bbolt trusts to find everything else.
type boltMeta struct {
	magic, version, pageSize  uint32
	root, freelist, highwater uint64
	txid                      uint64
	checksumOK                bool
}

// valid is bbolt's own test (Meta.Validate): only such a meta can be picked.
func (m boltMeta) valid() bool {
	return m.magic == boltMagic && m.version == boltVersion && m.checksumOK
}

// parseMeta reads the meta page at off in head; a page past the end of head
// reads as zero, which no test accepts.
func parseMeta(head []byte, off int) boltMeta {
	if off < 0 || off+boltPageHeader+boltMetaSize > len(head) {
		return boltMeta{}
	}
	b := head[off+boltPageHeader : off+boltPageHeader+boltMetaSize]
	ne := binary.NativeEndian
	h := fnv.New64a()
	h.Write(b[:boltMetaSummed])
	return boltMeta{
		magic:      ne.Uint32(b[0:]),
		version:    ne.Uint32(b[4:]),
		pageSize:   ne.Uint32(b[8:]),
		root:       ne.Uint64(b[16:]), // b[24:32] is the root bucket's sequence
		freelist:   ne.Uint64(b[32:]),
		highwater:  ne.Uint64(b[40:]),
		txid:       ne.Uint64(b[48:]),
		checksumOK: ne.Uint64(b[56:]) == h.Sum64(),
	}
}

// checkFile inspects an existing database file with plain reads, before bbolt
// maps it, because bbolt trusts the file's header: a truncated file makes it
// read past the end of its mapping (SIGBUS, which recover cannot catch) and
// an empty one is silently initialised. It never writes. A missing file
// returns an error matching fs.ErrNotExist, so the caller can create it.
func checkFile(path string) error {
	_, err := inspectFile(path)
	return err
}

// inspectFile is checkFile, also returning the meta bbolt will use.
func inspectFile(path string) (boltMeta, error) {
	f, err := regularfile.Open(path)
	if errors.Is(err, regularfile.ErrNotRegular) {
		return boltMeta{}, errNotDatabase
	}
	if err != nil {
		return boltMeta{}, checkError(path, err)
	}
	defer f.Close()
	m, err := inspect(f)
	return m, checkError(path, err)
}

// checkError names the file in I/O errors. It leaves the verdicts on the
// file alone, and a missing file too, which the caller tests for.
func checkError(path string, err error) error {
	var appErr *claims.Error
	if err == nil || errors.As(err, &appErr) || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return fmt.Errorf("check %s: %w", path, err)
}

func inspect(f *os.File) (boltMeta, error) {
	info, err := f.Stat()
	if err != nil {
		return boltMeta{}, err
	}
	size := info.Size()
	if size == 0 {
		return boltMeta{}, errEmptyFile
	}
	// Both meta pages lie within the first two pages of the largest size
	// accepted, so one read finds them.
	head := make([]byte, min(size, 2*boltMaxPageSize))
	if _, err := f.ReadAt(head, 0); err != nil {
		return boltMeta{}, err
	}
	pageSize := choosePageSize(head, size)
	m0, m1 := parseMeta(head, 0), parseMeta(head, pageSize)
	if m0.magic != boltMagic && m1.magic != boltMagic {
		return boltMeta{}, errNotDatabase
	}
	m, err := pickMeta(m0, m1)
	if err != nil {
		return boltMeta{}, err
	}
	if err := checkPageSize(m, pageSize); err != nil {
		return boltMeta{}, err
	}
	if size < 2*int64(pageSize) {
		return boltMeta{}, errNotDatabase
	}
	// ClaimDesk always saves the freelist. Without one, bbolt would rebuild
	// it with a walk that panics at the first damaged page, outside any
	// recover, and then save it: writing to a file that is not ours.
	if m.freelist == boltNoFreelist {
		return boltMeta{}, errNotDatabase
	}
	return m, checkMeta(f, m, size)
}

// choosePageSize repeats bbolt's getPageSize: page 0's size when page 0 is
// sound, otherwise the size stated by the first sound meta found at the
// offsets a page 1 could have, otherwise the size bbolt was asked for.
func choosePageSize(head []byte, size int64) int {
	if m := parseMeta(head, 0); m.valid() {
		return int(m.pageSize)
	}
	for pos := int64(1024); pos < size-1024 && pos <= boltMaxPageSize; pos <<= 1 {
		if m := parseMeta(head, int(pos)); m.valid() {
			return int(m.pageSize)
		}
	}
	return claimDeskPageSize
}

// pickMeta repeats bbolt's DB.meta: the sound meta with the higher
// transaction ID, page 0 on a tie.
func pickMeta(m0, m1 boltMeta) (boltMeta, error) {
	switch {
	case m0.valid() && m1.valid() && m1.txid > m0.txid:
		return m1, nil
	case m0.valid():
		return m0, nil
	case m1.valid():
		return m1, nil
	}
	for _, m := range []boltMeta{m0, m1} {
		if m.magic == boltMagic && m.version != boltVersion {
			return boltMeta{}, damagedFile(claims.Textf("its format version is %d, not %d", m.version, boltVersion))
		}
	}
	return boltMeta{}, damagedFile(claims.Textf("both of its headers fail their checksum"))
}

// checkPageSize rejects sizes bbolt would accept but that no bbolt writer
// produces; every page offset below is a multiple of it.
func checkPageSize(m boltMeta, pageSize int) error {
	switch {
	case pageSize < boltMinPageSize || pageSize > boltMaxPageSize || pageSize&(pageSize-1) != 0:
		return damagedFile(claims.Textf("its page size (%d bytes) is not valid", pageSize))
	case int(m.pageSize) != pageSize:
		return damagedFile(claims.Textf("its headers disagree on the page size (%d and %d bytes)", m.pageSize, pageSize))
	}
	return nil
}

// checkMeta checks that every page m leads bbolt to on opening lies within
// the file and is what m says it is.
func checkMeta(f *os.File, m boltMeta, size int64) error {
	ps := uint64(m.pageSize)
	switch {
	case m.highwater > uint64(size)/ps:
		return damagedFile(claims.Textf("it is shorter than its header says (%d of %d bytes)", size, clampMul(m.highwater, ps)))
	case m.root < 2 || m.root >= m.highwater:
		return damagedFile(claims.Textf("its root page (%d) is out of range", m.root))
	case m.freelist < 2 || m.freelist >= m.highwater:
		return damagedFile(claims.Textf("its freelist page (%d) is out of range", m.freelist))
	}
	if err := checkPage(f, m, m.root, claims.Textf("root"), boltBranchPage, boltLeafPage); err != nil {
		return err
	}
	if err := checkPage(f, m, m.freelist, claims.Textf("freelist"), boltFreelistPage); err != nil {
		return err
	}
	return checkFreelistCount(f, m)
}

// clampMul multiplies without wrapping, for messages about absurd headers.
func clampMul(a, b uint64) uint64 {
	if b != 0 && a > ^uint64(0)/b {
		return ^uint64(0)
	}
	return a * b
}

// pageHeader is the 16 bytes that start every page.
type pageHeader struct {
	id       uint64
	flags    uint16
	count    uint16
	overflow uint32
}

func readPageHeader(f *os.File, m boltMeta, id uint64) (pageHeader, error) {
	var b [boltPageHeader]byte
	if _, err := f.ReadAt(b[:], int64(id*uint64(m.pageSize))); err != nil {
		return pageHeader{}, err
	}
	ne := binary.NativeEndian
	return pageHeader{
		id:       ne.Uint64(b[0:]),
		flags:    ne.Uint16(b[8:]),
		count:    ne.Uint16(b[10:]),
		overflow: ne.Uint32(b[12:]),
	}, nil
}

// checkPage checks the page that bbolt reads first when opening: bbolt's own
// check of it (Page.FastCheck) panics, and its overflow is read unchecked.
func checkPage(f *os.File, m boltMeta, id uint64, what claims.Text, kinds ...uint16) error {
	p, err := readPageHeader(f, m, id)
	if err != nil {
		return err
	}
	if p.id != id {
		return damagedFile(claims.Textf("its %s page (%d) is labelled as page %d", what, id, p.id))
	}
	if !hasKind(p.flags, kinds) {
		return damagedFile(claims.Textf("its %s page (%d) has the wrong type (flags %#x)", what, id, p.flags))
	}
	if uint64(p.overflow) >= m.highwater-id {
		return damagedFile(claims.Textf("its %s page (%d) runs past the end of the data", what, id))
	}
	return nil
}

func hasKind(flags uint16, kinds []uint16) bool {
	for _, k := range kinds {
		if flags == k {
			return true
		}
	}
	return false
}

// checkFreelistCount checks that the page IDs the freelist claims to hold
// fit in its pages, since bbolt reads that many without checking, and that
// each is a page that can be free.
func checkFreelistCount(f *os.File, m boltMeta) error {
	p, err := readPageHeader(f, m, m.freelist)
	if err != nil {
		return err
	}
	ids, first := uint64(p.count), uint64(0)
	if p.count == boltFreelistCount {
		var b [8]byte
		if _, err := f.ReadAt(b[:], int64(m.freelist*uint64(m.pageSize)+boltPageHeader)); err != nil {
			return err
		}
		ids, first = binary.NativeEndian.Uint64(b[:]), 1
	}
	room := (uint64(p.overflow)+1)*uint64(m.pageSize) - boltPageHeader
	if ids > room/8-first {
		return damagedFile(claims.Textf("its freelist page (%d) lists more pages than it holds", m.freelist))
	}
	// tx.Check takes a listed page as free without asking whether it can
	// be: bbolt would hand a meta page, the freelist's own page or a page
	// past the high-water mark to the first write, which then panics, or
	// overwrites a meta page and leaves a file that no longer opens.
	b := make([]byte, ids*8)
	if _, err := f.ReadAt(b, int64(m.freelist*uint64(m.pageSize)+boltPageHeader+first*8)); err != nil {
		return err
	}
	for i := range ids {
		id := binary.NativeEndian.Uint64(b[i*8:])
		if id < 2 || id >= m.highwater || (id >= m.freelist && id <= m.freelist+uint64(p.overflow)) {
			return damagedFile(claims.Textf("its freelist page (%d) lists page %d, which cannot be free", m.freelist, id))
		}
	}
	return nil
}

// walkFile reads every bucket, key and value of a file that passed
// checkFile, then runs bbolt's consistency check, so that a file damaged
// inside is refused now rather than failing in the middle of some later
// action. bbolt follows the pages it maps blindly, so the trees are first
// checked with plain reads, and the walk then runs on a goroutine where a
// memory fault or one of bbolt's assertion panics becomes an error. A file
// another ClaimDesk holds returns ECONFLICT.
func walkFile(path string) error {
	// The plain-read checks keep bbolt inside the file; walkFile relies on
	// them rather than trusting its caller to have run them.
	m, err := inspectFile(path)
	if err != nil {
		return err
	}
	if err := checkTrees(path, m); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- walkGuarded(path) }()
	return <-done
}

// walkGuarded must run on its own goroutine: SetPanicOnFault applies to the
// calling goroutine, and stays set until it ends.
func walkGuarded(path string) (err error) {
	debug.SetPanicOnFault(true)
	var file *os.File
	var db *bolt.DB
	defer func() {
		if r := recover(); r != nil {
			// A panic inside bolt.Open leaves no DB to close; closing the
			// file at least releases the lock.
			if db == nil && file != nil {
				file.Close()
			}
			err = panicked(r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		ReadOnly: true,
		Timeout:  time.Second,
		// Read the freelist here, under the fault guard, rather than in
		// the goroutine tx.Check starts.
		PreLoadFreelist: true,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return errFileInUse
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum):
		return damagedFile(claims.Textf("bbolt refused it (%v)", err))
	case err != nil:
		return checkError(path, err)
	}
	defer db.Close()
	return db.View(walkTx)
}

// panicked describes what stopped bbolt: a memory fault, which
// SetPanicOnFault turns into an error with the faulting address, or one of
// bbolt's assertions about a page.
func panicked(r any) error {
	if _, ok := r.(interface{ Addr() uintptr }); ok {
		return damagedFile(claims.Textf("a page points outside the file"))
	}
	return damagedFile(claims.Textf("a page could not be read (%v)", r))
}

// walkTx reads every key and value before tx.Check runs: Check reads pages
// on a goroutine of its own, where a memory fault would kill the process.
func walkTx(tx *bolt.Tx) error {
	var w walker
	err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		if b == nil {
			return damagedFile(claims.Textf("its top level holds a value, not a bucket"))
		}
		return w.bucket(b)
	})
	if err != nil {
		return err
	}
	var first error
	// Drain the channel: Check keeps reading the mapping until it closes
	// it, and the mapping goes away when the transaction ends.
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return damagedFile(claims.Textf("%v", first))
	}
	return nil
}

type walker struct {
	sum uint32 // keeps the reads of keys and values from being optimised away
}

func (w *walker) bucket(b *bolt.Bucket) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		// Read every byte, so that a key or value pointing outside the
		// file faults here, under the guard.
		w.sum = crc32.Update(w.sum, crc32.IEEETable, k)
		if v != nil {
			w.sum = crc32.Update(w.sum, crc32.IEEETable, v)
			continue
		}
		if child := b.Bucket(k); child != nil {
			if err := w.bucket(child); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTrees follows every bucket's pages from the root with plain reads,
// because bbolt follows page IDs and offsets blindly: a branch page that
// points back at itself makes a cursor grow its stack until the process
// runs out of memory, and a key outside its page makes tx.Check fault on a
// goroutine no recover reaches.
func checkTrees(path string, m boltMeta) error {
	f, err := regularfile.Open(path)
	if err != nil {
		return checkError(path, err)
	}
	defer f.Close()
	c := treeChecker{f: f, m: m, seen: map[uint64]bool{}, want: map[uint64][]byte{}}
	return checkError(path, c.check(m.root))
}

// Leaf and branch page layout after the page header: one 16-byte element per
// entry, whose key (and value) offsets count from the element itself.
const (
	boltElement      = 16
	boltBucketLeaf   = 0x01 // leaf element flag: the value is a bucket
	boltBucketHeader = 16   // a bucket value: root page ID u64, sequence u64
)

// treeChecker checks pages with plain reads. Every page may belong to one
// tree only, which rules out cycles and buckets sharing pages.
type treeChecker struct {
	f    *os.File
	m    boltMeta
	seen map[uint64]bool
	want map[uint64][]byte // the first key a branch page gives each child
}

func (c *treeChecker) check(root uint64) error {
	todo := []uint64{root}
	for len(todo) > 0 {
		id := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		next, err := c.page(id)
		if err != nil {
			return err
		}
		todo = append(todo, next...)
	}
	return nil
}

// page checks one page and returns the pages it leads to: a branch page's
// children, or the roots of the buckets a leaf page holds.
func (c *treeChecker) page(id uint64) ([]uint64, error) {
	if id < 2 || id >= c.m.highwater {
		return nil, damagedFile(claims.Textf("a page refers to page %d, which is out of range", id))
	}
	if c.seen[id] {
		return nil, damagedFile(claims.Textf("page %d is used twice", id))
	}
	p, err := readPageHeader(c.f, c.m, id)
	switch {
	case err != nil:
		return nil, err
	case p.id != id:
		return nil, damagedFile(claims.Textf("page %d is labelled as page %d", id, p.id))
	case p.flags != boltBranchPage && p.flags != boltLeafPage:
		return nil, damagedFile(claims.Textf("page %d has the wrong type (flags %#x)", id, p.flags))
	case uint64(p.overflow) >= c.m.highwater-id:
		return nil, damagedFile(claims.Textf("page %d runs past the end of the data", id))
	}
	for i := range uint64(p.overflow) + 1 {
		c.seen[id+i] = true
	}
	b := make([]byte, (uint64(p.overflow)+1)*uint64(c.m.pageSize))
	if _, err := c.f.ReadAt(b, int64(id*uint64(c.m.pageSize))); err != nil {
		return nil, err
	}
	var next []uint64
	if p.flags == boltBranchPage {
		var keys [][]byte
		next, keys, err = branchChildren(b, id)
		for i, child := range next {
			c.want[child] = keys[i]
		}
	} else {
		next, err = leafBuckets(b, id, false)
	}
	if err != nil {
		return nil, err
	}
	// tx.Check only asks that a child's keys fall within the range its
	// parent gives; bbolt's writes find a child in its parent by its first
	// key, and one they cannot find stays referenced after it is freed.
	if want, ok := c.want[id]; ok && !bytes.Equal(firstKey(b, p.flags), want) {
		return nil, damagedFile(claims.Textf("page %d does not begin with the key its parent gives it", id))
	}
	return next, nil
}

// firstKey returns the key of a checked page's first element, or nil.
func firstKey(b []byte, flags uint16) []byte {
	ne := binary.NativeEndian
	if ne.Uint16(b[10:]) == 0 {
		return nil
	}
	e := b[boltPageHeader:]
	pos, size := ne.Uint32(e[0:]), ne.Uint32(e[4:]) // branch element
	if flags == boltLeafPage {
		pos, size = ne.Uint32(e[4:]), ne.Uint32(e[8:])
	}
	start := boltPageHeader + uint64(pos)
	return b[start : start+uint64(size)]
}

// branchChildren checks that a branch page's keys lie inside it, and returns
// its children. Branch element: key offset u32, key size u32, child u64.
func branchChildren(b []byte, id uint64) ([]uint64, [][]byte, error) {
	count := int(binary.NativeEndian.Uint16(b[10:]))
	// bbolt never writes an empty branch page; a cursor would read a child
	// ID from beyond its header.
	if count == 0 || boltPageHeader+count*boltElement > len(b) {
		return nil, nil, damagedFile(claims.Textf("branch page %d holds %d entries", id, count))
	}
	children, keys := make([]uint64, count), make([][]byte, count)
	var order keyOrder
	for i := range children {
		off := boltPageHeader + i*boltElement
		e := b[off:]
		ne := binary.NativeEndian
		start := uint64(off) + uint64(ne.Uint32(e[0:]))
		end := start + uint64(ne.Uint32(e[4:]))
		if end > uint64(len(b)) {
			return nil, nil, damagedFile(claims.Textf("a key of page %d lies outside it", id))
		}
		if err := order.next(b[start:end], id, false); err != nil {
			return nil, nil, err
		}
		children[i] = ne.Uint64(e[8:])
		keys[i] = b[start:end]
	}
	return children, keys, nil
}

// leafBuckets checks that a leaf page's keys and values lie inside it, and
// returns the root pages of the buckets it holds, looking into inline
// buckets, whose leaf page is stored in their value. Leaf element: flags
// u32, key offset u32, key size u32, value size u32.
func leafBuckets(b []byte, id uint64, inline bool) ([]uint64, error) {
	count := int(binary.NativeEndian.Uint16(b[10:]))
	if boltPageHeader+count*boltElement > len(b) {
		return nil, damagedFile(claims.Textf("leaf page %d holds %d entries", id, count))
	}
	var roots []uint64
	var keys keyOrder
	for i := range count {
		off := boltPageHeader + i*boltElement
		e := b[off:]
		ne := binary.NativeEndian
		key := uint64(off) + uint64(ne.Uint32(e[4:]))
		start := key + uint64(ne.Uint32(e[8:]))
		end := start + uint64(ne.Uint32(e[12:]))
		if end > uint64(len(b)) {
			return nil, damagedFile(claims.Textf("an entry of page %d lies outside it", id))
		}
		if err := keys.next(b[key:start], id, inline); err != nil {
			return nil, err
		}
		if ne.Uint32(e[0:])&boltBucketLeaf == 0 {
			continue
		}
		// bbolt inlines only buckets without buckets inside.
		if inline {
			return nil, damagedFile(claims.Textf("an inline bucket in page %d holds a bucket", id))
		}
		more, err := bucketRoots(b[start:end], id)
		if err != nil {
			return nil, err
		}
		roots = append(roots, more...)
	}
	return roots, nil
}

// bucketRoots returns the root page of the bucket whose value is v, or
// checks the leaf page an inline bucket (root 0) keeps after its header. It
// must be a leaf: a cursor takes a branch flag as a reason to descend to
// page 0, which for an inline bucket is the same page again, forever.
func bucketRoots(v []byte, id uint64) ([]uint64, error) {
	if len(v) < boltBucketHeader {
		return nil, damagedFile(claims.Textf("a bucket in page %d is cut short", id))
	}
	if root := binary.NativeEndian.Uint64(v); root != 0 {
		return []uint64{root}, nil
	}
	// bbolt writes an inline page with ID and overflow 0, and takes the ID
	// of a page it read for one it must free when the bucket outgrows its
	// value: any other ID makes that write read wherever it points.
	inline := v[boltBucketHeader:]
	ne := binary.NativeEndian
	if len(inline) < boltPageHeader || ne.Uint16(inline[8:]) != boltLeafPage || ne.Uint64(inline) != 0 || ne.Uint32(inline[12:]) != 0 {
		return nil, damagedFile(claims.Textf("an inline bucket in page %d is malformed", id))
	}
	return leafBuckets(inline, id, true)
}

// keyOrder checks the keys of one page: none may be empty, as bbolt panics
// on writing to a page with an empty key, and those of an inline bucket
// must increase strictly, since tx.Check, which checks the order of the
// other pages, skips inline buckets, and a cursor seeks wrongly among keys
// out of order.
type keyOrder struct {
	prev []byte
	seen bool
}

func (k *keyOrder) next(key []byte, id uint64, ordered bool) error {
	switch {
	case len(key) == 0:
		return damagedFile(claims.Textf("page %d holds an empty key", id))
	case ordered && k.seen && bytes.Compare(key, k.prev) <= 0:
		return damagedFile(claims.Textf("the keys of an inline bucket in page %d are out of order", id))
	}
	k.prev, k.seen = key, true
	return nil
}

// CheckHeader checks only a database file's meta pages, with plain reads:
// enough for a file this program wrote and closed, whose stamp still
// matches, before the whole check runs in the background.
func CheckHeader(path string) error {
	return checkFile(path)
}

// CheckFile checks a database file from outside without writing to it:
// its meta pages with plain reads, then every page, then bbolt's own check.
// A damaged or foreign file gives EINVALID with a sentence for the user.
// Run it in a child process when a fault nobody foresaw must not take the
// program down with it.
func CheckFile(path string) error {
	return walkFile(path)
}
