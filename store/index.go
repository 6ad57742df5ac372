package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// The claim index answers lists without reading every summary. It holds
// live claims only and is derived from their summaries, in the same
// transaction, so a copy carries it and the check rebuilds it to compare.
// One bucket holds three kinds of keys, told apart by their first byte:
//
//	term · claim ID         → nothing; a term is a field's byte, the uvarint
//	                          length of its value, then the value
//	'#' · term              → how many live claims have it (uint64), and
//	'#' 'L'                 → how many live claims there are
//	'w' · word · 0 · claim  → nothing, for each of the claim's search words
//
// Keys sort by term, then by claim ID, so a prefix scan lists a term's
// claims in the order the list shows them.
const (
	termStatus   byte = 's'
	termRating   byte = 'r'
	termSpeaker  byte = 'p'
	termTag      byte = 't'
	termAssignee byte = 'a'
	termArticle  byte = 'A'
)

const (
	indexCount byte = '#'
	indexWord  byte = 'w'
)

var countLive = []byte{indexCount, 'L'}

// countKey is the key of a term's count.
func countKey(tm []byte) []byte {
	return append([]byte{indexCount}, tm...)
}

// term returns the index prefix of a field's value.
func term(field byte, value []byte) []byte {
	out := make([]byte, 0, 2+binary.MaxVarintLen64+len(value))
	out = append(out, field)
	out = binary.AppendUvarint(out, uint64(len(value)))
	return append(out, value...)
}

// termsOf returns the index terms of a stored summary, none for a
// tombstone or a summary that cannot be read.
func termsOf(raw []byte) (terms, words [][]byte) {
	if raw == nil {
		return nil, nil
	}
	v, err := viewSummary(raw)
	if err != nil || v.deleted() {
		return nil, nil
	}
	terms = [][]byte{term(termStatus, v.field(fieldStatus)), term(termArticle, v.raw[12:28])}
	for field, i := range map[byte]int{termRating: fieldRating, termSpeaker: fieldSpeaker, termAssignee: fieldAssignee} {
		if value := v.field(i); len(value) > 0 {
			terms = append(terms, term(field, value))
		}
	}
	for tag := range bytes.SplitSeq(v.field(fieldTags), []byte(tagSeparator)) {
		if tm := term(termTag, tag); len(tag) > 0 && !slices.ContainsFunc(terms, func(t []byte) bool { return bytes.Equal(t, tm) }) {
			terms = append(terms, tm) // a tag given twice counts once
		}
	}
	for word := range bytes.SplitSeq(v.field(fieldSearch), []byte(" ")) {
		if len(word) > 0 {
			words = append(words, word)
		}
	}
	return terms, words
}

// wordKey is the key of a word's entry for a claim, or with a nil claim
// the prefix of all of them.
func wordKey(word, claimKey []byte) []byte {
	out := make([]byte, 0, 2+len(word)+len(claimKey))
	out = append(append(append(out, indexWord), word...), 0)
	return append(out, claimKey...)
}

// reindex moves a claim's index entries from its old summary to its new
// one; either may be nil.
func (t *tx) reindex(claimKey, old, summary []byte) error {
	oldTerms, oldWords := termsOf(old)
	newTerms, newWords := termsOf(summary)
	index := t.Tx.Bucket(bucketClaimIndex) // the counts: the entries are staged
	if wasLive, isLive := oldTerms != nil, newTerms != nil; wasLive != isLive {
		delta := int64(1)
		if wasLive {
			delta = -1
		}
		if err := addCount(index, countLive, delta); err != nil {
			return err
		}
	}
	for _, tm := range missing(oldTerms, newTerms) {
		t.stage(bucketClaimIndex, joinKey(tm, claimKey), false)
		if err := addCount(index, countKey(tm), -1); err != nil {
			return err
		}
	}
	for _, tm := range missing(newTerms, oldTerms) {
		t.stage(bucketClaimIndex, joinKey(tm, claimKey), true)
		if err := addCount(index, countKey(tm), 1); err != nil {
			return err
		}
	}
	for _, w := range missing(oldWords, newWords) {
		t.stage(bucketClaimIndex, wordKey(w, claimKey), false)
	}
	for _, w := range missing(newWords, oldWords) {
		t.stage(bucketClaimIndex, wordKey(w, claimKey), true)
	}
	return nil
}

// missing returns the items of a that are not in b.
func missing(a, b [][]byte) [][]byte {
	var out [][]byte
	if len(a)*len(b) > 1024 { // a long claim's words
		in := make(map[string]bool, len(b))
		for _, y := range b {
			in[string(y)] = true
		}
		for _, x := range a {
			if !in[string(x)] {
				out = append(out, x)
			}
		}
		return out
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if bytes.Equal(x, y) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

func addCount(counts *bolt.Bucket, key []byte, delta int64) error {
	n := int64(readCount(counts, key)) + delta
	if n < 0 {
		return fmt.Errorf("index count of %q would go below zero", key)
	}
	if n == 0 {
		return counts.Delete(key)
	}
	return counts.Put(key, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

func readCount(counts *bolt.Bucket, key []byte) uint64 {
	v := counts.Get(key)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// claimSet is a list of 16-byte claim keys in one slab, sorted.
type claimSet []byte

func (s claimSet) len() int        { return len(s) / 16 }
func (s claimSet) at(i int) []byte { return s[16*i : 16*i+16] }

func (s claimSet) contains(k []byte) bool {
	i := sort.Search(s.len(), func(i int) bool { return bytes.Compare(s.at(i), k) >= 0 })
	return i < s.len() && bytes.Equal(s.at(i), k)
}

// termsOfFilter returns the index terms a filter asks for, and false when
// it asks for an empty value, which the index does not hold.
func (sf *summaryFilter) terms() ([][]byte, bool) {
	var terms [][]byte
	if sf.article != nil {
		terms = append(terms, term(termArticle, sf.article))
	}
	asked := []struct {
		field byte
		value []byte
	}{
		{termStatus, sf.exact[fieldStatus]}, {termRating, sf.exact[fieldRating]},
		{termSpeaker, sf.exact[fieldSpeaker]}, {termAssignee, sf.exact[fieldAssignee]}, {termTag, sf.tag},
	}
	for _, a := range asked {
		switch {
		case a.value == nil:
		case len(a.value) == 0:
			return nil, false
		default:
			terms = append(terms, term(a.field, a.value))
		}
	}
	return terms, true
}

// indexedClaims returns the live claims that pass the filter, in list
// order, from the index alone: the rarest term's claims, kept when they
// have the other terms and begin a word with each of the query's words.
func (t *tx) indexedClaims(sf *summaryFilter, terms [][]byte) claimSet {
	index := t.Bucket(bucketClaimIndex)
	var sets []claimSet
	if len(terms) > 0 {
		slices.SortFunc(terms, func(a, b []byte) int {
			return cmp.Compare(readCount(index, countKey(a)), readCount(index, countKey(b)))
		})
		sets = append(sets, termClaims(index, terms[0]))
		terms = terms[1:]
	}
	for _, word := range sf.words {
		sets = append(sets, wordClaims(index, word))
	}
	if len(sets) == 0 {
		return nil
	}
	slices.SortFunc(sets, func(a, b claimSet) int { return cmp.Compare(len(a), len(b)) })
	found := sets[0]
	for _, other := range sets[1:] {
		found = found.intersect(other)
	}
	for _, tm := range terms {
		found = found.filter(func(k []byte) bool { return index.Get(joinKey(tm, k)) != nil })
	}
	return found
}

// intersect returns the keys of s that are in other too, in place: by
// walking both when they are of a size, else by looking each key of s up
// in other.
func (s claimSet) intersect(other claimSet) claimSet {
	if other.len() > 8*s.len() {
		return s.filter(other.contains)
	}
	out, j := s[:0], 0
	for i := range s.len() {
		k := s.at(i)
		for j < other.len() && bytes.Compare(other.at(j), k) < 0 {
			j++
		}
		if j < other.len() && bytes.Equal(other.at(j), k) {
			out = append(out, k...)
		}
	}
	return out
}

// filter returns the keys of s that keep says to keep, in place.
func (s claimSet) filter(keep func([]byte) bool) claimSet {
	out := s[:0]
	for i := range s.len() {
		if k := s.at(i); keep(k) {
			out = append(out, k...)
		}
	}
	return out
}

// termClaims lists the claims with a term, already in key order.
func termClaims(index *bolt.Bucket, tm []byte) claimSet {
	var out claimSet
	c := index.Cursor()
	for k, _ := c.Seek(tm); bytes.HasPrefix(k, tm); k, _ = c.Next() {
		if len(k) == len(tm)+16 {
			out = append(out, k[len(tm):]...)
		}
	}
	return out
}

// wordClaims lists the claims with a word that begins with prefix, sorted
// and each once: each word's claims come sorted, and the runs of the
// words that begin with prefix are merged.
func wordClaims(index *bolt.Bucket, prefix []byte) claimSet {
	var runs []claimSet
	start := append([]byte{indexWord}, prefix...)
	var run claimSet
	var last []byte
	c := index.Cursor()
	for k, _ := c.Seek(start); bytes.HasPrefix(k, start) && len(k) > len(start)+16; k, _ = c.Next() {
		if word := k[1 : len(k)-17]; !bytes.Equal(word, last) {
			if run != nil {
				runs = append(runs, run)
			}
			run, last = nil, word
		}
		run = append(run, k[len(k)-16:]...)
	}
	if run != nil {
		runs = append(runs, run)
	}
	for len(runs) > 1 {
		var merged []claimSet
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				merged = append(merged, runs[i])
			} else {
				merged = append(merged, union(runs[i], runs[i+1]))
			}
		}
		runs = merged
	}
	if len(runs) == 0 {
		return nil
	}
	return runs[0]
}

// union merges two sorted sets into one, each key once.
func union(a, b claimSet) claimSet {
	out := make(claimSet, 0, len(a)+len(b))
	i, j := 0, 0
	for i < a.len() || j < b.len() {
		switch {
		case j == b.len():
			out, i = append(out, a.at(i)...), i+1
		case i == a.len():
			out, j = append(out, b.at(j)...), j+1
		default:
			switch cmp := bytes.Compare(a.at(i), b.at(j)); {
			case cmp < 0:
				out, i = append(out, a.at(i)...), i+1
			case cmp > 0:
				out, j = append(out, b.at(j)...), j+1
			default:
				out, i, j = append(out, a.at(i)...), i+1, j+1
			}
		}
	}
	return out
}

// checkIndex reports where the claim index differs from what the claims'
// summaries make it: a missing entry, an entry too many, or a wrong count.
func (c *checker) index() {
	index := c.t.Bucket(bucketClaimIndex)
	counts := map[string]uint64{string(countLive): 0}
	entries, missingEntries, n := 0, 0, 0
	err := c.t.Bucket(bucketSummaries).ForEach(func(k, raw []byte) error {
		if err := c.stopping(&n); err != nil {
			return err
		}
		terms, words := termsOf(raw)
		if terms == nil {
			return nil
		}
		counts[string(countLive)]++
		for _, tm := range terms {
			counts[string(countKey(tm))]++
			if index.Get(joinKey(tm, k)) == nil {
				missingEntries++
			}
		}
		for _, w := range words {
			if index.Get(wordKey(w, k)) == nil {
				missingEntries++
			}
		}
		entries += len(terms) + len(words)
		return nil
	})
	if err != nil {
		return
	}
	stored, wrongCounts := 0, 0
	err = index.ForEach(func(k, v []byte) error {
		if err := c.stopping(&n); err != nil {
			return err
		}
		if len(k) > 0 && k[0] == indexCount {
			if want, ok := counts[string(k)]; !ok || len(v) != 8 || binary.BigEndian.Uint64(v) != want {
				wrongCounts++
			}
			delete(counts, string(k))
			return nil
		}
		stored++
		return nil
	})
	if err != nil {
		return // the program is closing the file: check stops
	}
	if live := counts[string(countLive)]; live == 0 {
		delete(counts, string(countLive)) // an empty file stores no count
	}
	if missingEntries > 0 || stored != entries || wrongCounts > 0 || len(counts) > 0 {
		c.problem(claims.Textf("The claim index does not match the claims (%d entries missing, %d stored for %d expected, %d counts wrong).",
			missingEntries, stored, entries, wrongCounts+len(counts)))
	}
}
