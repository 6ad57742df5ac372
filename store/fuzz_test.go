package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"claimdesk/claims"
)

// FuzzOpenMutatedFile opens mutated copies of a small ClaimDesk file. Open
// must refuse what it cannot use with one of its sentences and leave it
// untouched; what it accepts must read without a panic, take a write, and
// still pass the checks at open afterwards, since a file ClaimDesk accepted
// and wrote to must not become one it refuses.
//
// The input is the whole file, not an offset into a base file: IDs and
// revisions are random and bbolt's map freelist hands out pages in map
// order, so each fuzzing process builds a different base file, and a crasher
// given as an offset would not reproduce. fixSums recomputes both meta
// pages' checksums after the mutation, so that hostile headers bbolt would
// trust are within the fuzzer's reach.
//
// Inputs are 60 KB: minimizing each new interesting one takes the fuzzer
// up to a minute, during which it explores nothing, hence:
//
//	go test ./store -run '^$' -fuzz FuzzOpenMutatedFile -fuzztime 180s -fuzzminimizetime 0
func FuzzOpenMutatedFile(f *testing.F) {
	tf := newClaimDeskFile(f, 3)
	base := tf.data[:tf.highwater*testPageSize] // what bbolt grew the file by holds nothing
	root, leaves, branches, fl := tf.rootPage(f), tf.pagesOf("leaf"), tf.pagesOf("branch"), tf.pagesOf("freelist")
	if len(leaves) < 2 || len(branches) == 0 || len(fl) != 1 {
		f.Fatalf("base file has leaves %v, branches %v, freelist %v; want more", leaves, branches, fl)
	}
	edit := func(fn func([]byte)) []byte {
		data := bytes.Clone(base)
		fn(data)
		return data
	}
	ne := binary.NativeEndian
	seeds := []struct {
		file    []byte
		fixSums bool
	}{
		{base, false},
		{tf.data, false}, // as bbolt left it, grown ahead of use
		{nil, false},
		{base[:100], false},
		{base[:testPageSize], false},
		{base[:2*testPageSize], false},
		{base[:len(base)/2], false},
		{base[:len(base)-testPageSize], false},
		// A torn header: bbolt falls back on the other one.
		{edit(func(d []byte) { d[boltPageHeader+metaOffRoot] ^= 0x40 }), false},
		// Hostile headers with valid checksums.
		{edit(func(d []byte) {
			for _, off := range []int{0, testPageSize} {
				ne.PutUint64(d[off+boltPageHeader+metaOffRoot:], uint64(leaves[len(leaves)-1]))
			}
		}), true},
		{edit(func(d []byte) {
			for _, off := range []int{0, testPageSize} {
				ne.PutUint64(d[off+boltPageHeader+metaOffPgid:], uint64(tf.highwater+1))
			}
		}), true},
		{edit(func(d []byte) {
			for _, off := range []int{0, testPageSize} {
				ne.PutUint64(d[off+boltPageHeader+metaOffFreelist:], uint64(root))
			}
		}), true},
		// Damaged pages: a key in a leaf, a child of a branch, the count
		// of the freelist.
		{edit(func(d []byte) {
			elem := leaves[0]*testPageSize + boltPageHeader
			d[elem+int(ne.Uint32(d[elem+4:]))] ^= 0xFF
		}), false},
		{edit(func(d []byte) { ne.PutUint64(d[branches[0]*testPageSize+boltPageHeader+8:], uint64(tf.highwater)) }), false},
		{edit(func(d []byte) { d[fl[0]*testPageSize+10]++ }), false},
		{edit(func(d []byte) { clear(d[leaves[1]*testPageSize : (leaves[1]+1)*testPageSize]) }), false},
	}
	for _, s := range seeds {
		f.Add(s.file, s.fixSums)
	}
	f.Fuzz(func(t *testing.T, file []byte, fixSums bool) {
		if fixSums {
			file = withMetaChecksums(file)
		}
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		before := sha256.Sum256(file)
		db, err := Open(path, Options{Now: tickingClock()})
		if err != nil {
			if err := checkRefusal(err); err != nil {
				t.Fatal(err)
			}
			if fileHash(t, path) != before {
				t.Fatal("the refused file changed")
			}
			return
		}
		readEverything(db)
		// A write allocates pages from the freelist and rewrites the
		// pages of several buckets. It may fail on a damaged record; it
		// must not panic.
		a := &claims.Article{Title: "Essai", Language: claims.LangFrench, Text: "Un texte que le fichier de départ ne contient pas."}
		wrote := db.ImportArticle(as("Fuzz"), a, []*claims.Claim{{Text: "Un texte", Kind: claims.KindQuote}})
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if err := walkFile(path); err != nil {
			t.Fatalf("Open accepted the file, then after a write (error: %v) refuses it: %v", wrote, err)
		}
	})
}

// withMetaChecksums returns a copy of file with the checksums of both meta
// pages recomputed, as far as the file holds them.
func withMetaChecksums(file []byte) []byte {
	file = bytes.Clone(file)
	for _, off := range []int{0, testPageSize} {
		if off+boltPageHeader+boltMetaSize > len(file) {
			break
		}
		meta := file[off+boltPageHeader : off+boltPageHeader+boltMetaSize]
		h := fnv.New64a()
		h.Write(meta[:boltMetaSummed])
		binary.NativeEndian.PutUint64(meta[boltMetaSummed:], h.Sum64())
	}
	return file
}
