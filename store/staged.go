package store

import (
	"bytes"
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// staged holds the writes of a transaction to the index buckets, whose
// keys arrive in no order: a claim's words, a record's events. bbolt splits
// a page only when the transaction commits, so thousands of keys put at
// random places into one page move its whole content each time, and a bulk
// import or a migration takes time in the square of its size. Staged, the
// keys go in sorted, each where the last one went, once the transaction
// is done or something reads the bucket.
type staged struct {
	buckets map[string]*stagedWrites
}

// stagedWrites are one bucket's writes, in the order they were made.
type stagedWrites struct {
	slab []byte // every key, back to back
	ops  []stagedOp
}

type stagedOp struct {
	start, end int
	put        bool // false: delete
}

// stage records a put (of an empty value) or a delete of key in bucket.
func (t *tx) stage(bucket, key []byte, put bool) {
	if t.staged == nil {
		t.staged = &staged{buckets: map[string]*stagedWrites{}}
	}
	w := t.staged.buckets[string(bucket)]
	if w == nil {
		w = &stagedWrites{}
		t.staged.buckets[string(bucket)] = w
	}
	start := len(w.slab)
	w.slab = append(w.slab, key...)
	w.ops = append(w.ops, stagedOp{start: start, end: len(w.slab), put: put})
}

// Bucket returns the named bucket with the writes staged for it applied,
// so that whatever reads it sees them.
func (t *tx) Bucket(name []byte) *bolt.Bucket {
	b := t.Tx.Bucket(name)
	if t.staged != nil && b != nil {
		if w := t.staged.buckets[string(name)]; w != nil {
			delete(t.staged.buckets, string(name))
			if err := w.apply(b); err != nil {
				t.stagedErr = err
			}
		}
	}
	return b
}

// flushStaged applies every staged write; a transaction calls it before
// it commits.
func (t *tx) flushStaged() error {
	if t.staged != nil {
		for _, name := range sortedKeys(t.staged.buckets) {
			t.Bucket([]byte(name))
		}
	}
	return t.stagedErr
}

// apply writes the staged keys in sorted order, the last write of a key
// winning.
func (w *stagedWrites) apply(b *bolt.Bucket) error {
	key := func(op stagedOp) []byte { return w.slab[op.start:op.end] }
	// Equal keys keep the order they were written in: their slab offsets.
	slices.SortFunc(w.ops, func(a, b stagedOp) int {
		if c := bytes.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.start, b.start)
	})
	b.FillPercent = 0.9 // keys come in order: pages can be filled
	for i, op := range w.ops {
		if i+1 < len(w.ops) && bytes.Equal(key(op), key(w.ops[i+1])) {
			continue // a later write of the same key wins
		}
		var err error
		if op.put {
			err = b.Put(key(op), nil)
		} else {
			err = b.Delete(key(op))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
