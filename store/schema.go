package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Every bucket of the file, by name. Keys are 16-byte UUIDs, or a parent ID
// followed by a child ID in the index buckets, so a prefix scan lists a
// parent's children in creation order.
var (
	bucketMeta          = []byte("meta")            // schema version, settings, history head
	bucketArticles      = []byte("articles")        // article ID → article envelope
	bucketArticleHashes = []byte("article_hashes")  // SHA-256 of text → article ID
	bucketClaims        = []byte("claims")          // claim ID → claim envelope
	bucketArticleClaims = []byte("article_claims")  // article ID + claim ID → nil
	bucketSummaries     = []byte("claim_summaries") // claim ID → binary summary (since v2)
	bucketSources       = []byte("sources")         // source ID → source envelope
	bucketEvidence      = []byte("evidence")        // evidence ID → evidence envelope
	bucketClaimEvidence = []byte("claim_evidence")  // claim ID + evidence ID → nil
	bucketSourceUses    = []byte("source_evidence") // source ID + evidence ID → nil
	bucketReviews       = []byte("reviews")         // claim ID + review ID → review envelope
	bucketCorrections   = []byte("corrections")     // claim ID + correction ID → correction envelope
	bucketEvents        = []byte("events")          // event ID → SHA-256 + canonical event bytes
	bucketClaimEvents   = []byte("claim_events")    // claim ID + event ID → nil
	bucketConflicts     = []byte("conflicts")       // record ID → the versions a merge set aside (since v3)
	bucketClaimIndex    = []byte("claim_index")     // fields, words and counts of live claims (since v5; index.go)
	bucketRecordEvents  = []byte("record_events")   // record ID + event ID → nil, records other than claims (since v5)

	// schemaBuckets are the buckets of a file at SchemaVersion.
	schemaBuckets = [][]byte{bucketMeta, bucketArticles, bucketArticleHashes, bucketClaims, bucketArticleClaims,
		bucketSummaries, bucketSources, bucketEvidence, bucketClaimEvidence, bucketSourceUses,
		bucketReviews, bucketCorrections, bucketEvents, bucketClaimEvents, bucketConflicts,
		bucketClaimIndex, bucketRecordEvents}
)

// Keys of the meta bucket.
var (
	metaApp           = []byte("app")            // appName: tells our files from other bbolt files
	metaSchemaVersion = []byte("schema_version") // uint64, big-endian
	metaCreatedAt     = []byte("created_at")     // RFC 3339
	metaCreatedWith   = []byte("created_with")   // program and schema that made the file
	metaSettings      = []byte("settings")       // settings envelope
	metaHistoryHead   = []byte("history_head")   // hash of the last event written in this file
	metaMergedHeads   = []byte("merged_heads")   // JSON list: heads of the chains merged in from other copies
)

const appName = "ClaimDesk"

// migration moves a file from the schema before Version to Version.
type migration struct {
	Version uint64
	Name    string
	Up      func(tx *bolt.Tx) error
}

// migrations run in order, all in one transaction, on files older than the
// last. Never edit one that has shipped: add a new one.
var migrations = []migration{
	{1, "create the first buckets", createBuckets(
		bucketMeta, bucketArticles, bucketArticleHashes, bucketClaims, bucketArticleClaims,
		bucketSources, bucketEvidence, bucketClaimEvidence, bucketSourceUses,
		bucketReviews, bucketCorrections, bucketEvents, bucketClaimEvents)},
	{2, "add compact claim summaries for fast lists", addSummaries},
	{3, "keep the versions merges set aside", createBuckets(bucketConflicts)},
	{4, "make every event commit to its summary and changes", upgradeHistory},
	{5, "index claims by field and by word, and events by record", indexClaimsAndEvents},
	{6, "store records in the compact binary form", encodeRecordsInBinary},
}

// SchemaVersion is the schema this program writes.
var SchemaVersion = migrations[len(migrations)-1].Version

func createBuckets(names ...[]byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		for _, name := range names {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	}
}

// addSummaries builds the summary of every claim already in the file.
func addSummaries(tx *bolt.Tx) error {
	sums, err := tx.CreateBucketIfNotExists(bucketSummaries)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketSummaries, err)
	}
	sums.FillPercent = fillPercent
	return tx.Bucket(bucketClaims).ForEach(func(k, v []byte) error {
		c, err := decodeClaim(v)
		if err != nil {
			return err
		}
		return sums.Put(k, encodeSummary(summaryOf(c), searchText(c)))
	})
}

func indexClaimsAndEvents(btx *bolt.Tx) error {
	t := &tx{Tx: btx}
	return firstErr(indexClaims(t), indexEventsByRecord(t), t.flushStaged())
}

// indexEventsByRecord indexes every event about a record other than a
// claim under that record.
func indexEventsByRecord(t *tx) error {
	if _, err := t.CreateBucketIfNotExists(bucketRecordEvents); err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketRecordEvents, err)
	}
	return t.Tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		se, err := decodeEvent(k, v)
		if err != nil {
			return err
		}
		return t.indexEventByRecord(k, se.event)
	})
}

// indexClaims rewrites every claim's summary with its search words, and
// builds the indexes from them.
func indexClaims(t *tx) error {
	if _, err := t.CreateBucketIfNotExists(bucketClaimIndex); err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketClaimIndex, err)
	}
	sums := t.Tx.Bucket(bucketSummaries)
	return t.Tx.Bucket(bucketClaims).ForEach(func(k, v []byte) error {
		c, err := decodeClaim(v)
		if err != nil {
			return err
		}
		summary := encodeSummary(summaryOf(c), searchText(c))
		return firstErr(sums.Put(k, summary), t.reindex(k, nil, summary))
	})
}

// migrate brings the file at version `from` to SchemaVersion.
func migrate(tx *bolt.Tx, from uint64) error {
	for _, m := range migrations {
		if m.Version <= from {
			continue
		}
		if err := m.Up(tx); err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.Version, m.Name, err)
		}
		if err := putVersion(tx, m.Version); err != nil {
			return err
		}
	}
	return nil
}

func putVersion(tx *bolt.Tx, v uint64) error {
	return tx.Bucket(bucketMeta).Put(metaSchemaVersion, binary.BigEndian.AppendUint64(nil, v))
}

// readVersion returns the file's schema version, and false when the file has
// no ClaimDesk meta bucket at all.
func readVersion(tx *bolt.Tx) (uint64, bool) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(metaApp)) != appName {
		return 0, false
	}
	v := meta.Get(metaSchemaVersion)
	if len(v) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(v), true
}

// upgradeHistory rewrites the history's events so that each hash covers
// every field shown, the body through a commitment in the header, and
// relinks the chains and their heads to the new hashes. Each event keeps
// its old hash, so a report printed before can still be found.
func upgradeHistory(tx *bolt.Tx) error {
	events := tx.Bucket(bucketEvents)
	values := map[string][]byte{}
	if err := events.ForEach(func(k, v []byte) error {
		values[string(k)] = bytes.Clone(v)
		return nil
	}); err != nil {
		return err
	}
	up, err := upgradeEvents(values, nil)
	if err != nil {
		return err
	}
	events.FillPercent = fillPercent
	for _, key := range sortedKeys(up.values) {
		if err := events.Put([]byte(key), up.values[key]); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
	if head := meta.Get(metaHistoryHead); head != nil {
		if err := meta.Put(metaHistoryHead, []byte(up.newHead(string(head)))); err != nil {
			return err
		}
	}
	merged := mergedHeads(meta)
	if len(merged) == 0 {
		return nil
	}
	for i, h := range merged {
		merged[i] = up.newHead(h)
	}
	raw, err := json.Marshal(merged)
	if err != nil {
		return err
	}
	return meta.Put(metaMergedHeads, raw)
}

// encodeRecordsInBinary rewrites every record, and the settings, in the
// binary form of the envelope. Events keep the JSON form their hashes were
// computed over; the events written from now on are binary, and the chain
// crosses from one form to the other. The versions merges set aside stay
// in the JSON form their list is written in. A record that cannot be read
// is left as it is, for the check to report.
func encodeRecordsInBinary(btx *bolt.Tx) error {
	for _, name := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections} {
		if err := rewriteInChunks(btx.Bucket(name), binaryRecord); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	meta := btx.Bucket(bucketMeta)
	if raw := meta.Get(metaSettings); raw != nil {
		if out, ok := binaryRecord(raw); ok {
			return meta.Put(metaSettings, out)
		}
	}
	return nil
}

func binaryRecord(raw []byte) ([]byte, bool) {
	env, err := parseEnvelope(raw)
	if err != nil {
		return nil, false
	}
	out, err := env.encode()
	return out, err == nil
}

// rewriteInChunks replaces each value of b by rewrite's, a chunk of keys at
// a time: bbolt's cursors must not run over a bucket being written, and a
// whole bucket of a large file held in memory at once is too much.
func rewriteInChunks(b *bolt.Bucket, rewrite func([]byte) ([]byte, bool)) error {
	const chunk = 4096
	var after []byte
	for {
		var keys, values [][]byte
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(keys) < chunk; k, v = c.Next() {
			if out, ok := rewrite(v); ok {
				keys, values = append(keys, bytes.Clone(k)), append(values, out)
			}
			after = bytes.Clone(k)
		}
		for i := range keys {
			if err := b.Put(keys[i], values[i]); err != nil {
				return err
			}
		}
		if k == nil {
			return nil
		}
	}
}
