package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"claimdesk/claims"
)

// dumpFormat versions the JSON dump. A reader refuses versions it does not
// know rather than guess. Format 2 added the heads of merged chains and the
// versions merges set aside, without which a file that ever merged could
// not be restored whole; format 3 holds events as a header and a body;
// format 4 holds the events written since schema 6 in their binary form,
// in base64. Dumps of earlier formats still restore.
const dumpFormat = 4

// The dump is one JSON object. Records are written envelope and all, in the
// JSON form of the envelope, one per line, in key order, so a dump diffs
// well and a restore appends keys in order.
//
//	{"claimdesk_dump":4,"schema_version":6,"complete":true,
//	 "settings":{envelope},"history_head":"…","merged_heads":["…"],
//	 "articles":[…],"sources":[…],"claims":[…],"evidence":[…],
//	 "reviews":[{"claim_id":"…","record":{envelope}}],"corrections":[…],
//	 "events":[{"hash":"…","wire":"base64 header","wire_body":"base64 body"},
//	           {"hash":"…","event":{JSON header of schemas 4 and 5},"body":{body}}],
//	 "conflicts":[{"record_id":"…","versions":[{"type":"…","record":{envelope}}]}]}
type dumpHeader struct {
	Dump        int             `json:"claimdesk_dump"`
	Schema      uint64          `json:"schema_version"`
	Complete    bool            `json:"complete"`
	Settings    json.RawMessage `json:"settings"`
	HistoryHead string          `json:"history_head"`
	MergedHeads []string        `json:"merged_heads,omitempty"`
}

// dumpedConflict is the versions merges set aside beside one record,
// settings included (record_id "settings").
type dumpedConflict struct {
	RecordID string          `json:"record_id"`
	Versions json.RawMessage `json:"versions"`
}

// childRecord is a review or correction with the claim it belongs to, which
// the file keeps in the record's key.
type childRecord struct {
	ClaimID string          `json:"claim_id"`
	Record  json.RawMessage `json:"record"`
}

// dumpedEvent is an event as a dump holds it: its hash, its header, and
// its body unless a copy for outside the newsroom withheld it; the bytes of
// an event in the binary form, the JSON of one in the JSON form. Dumps
// before format 3 hold events in the form before schema 4, in "event"
// alone.
type dumpedEvent struct {
	Hash     string          `json:"hash"`
	Event    json.RawMessage `json:"event,omitempty"`
	Body     json.RawMessage `json:"body,omitempty"`
	Wire     []byte          `json:"wire,omitempty"`
	WireBody []byte          `json:"wire_body,omitempty"`
}

// WriteDump writes the selected records, with their revisions, tombstones
// and history events, as a JSON dump.
func (db *DB) WriteDump(ctx context.Context, w io.Writer, f claims.CaseFilter) error {
	return db.view(ctx, func(t *tx) error {
		sel, err := t.dumpSelection(f)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		if err := t.writeDump(bw, sel); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// dumpSelection says which records a dump holds; nil sets mean all.
type dumpSelection struct {
	complete bool
	claims   map[string]bool // claim keys
	articles map[string]bool
	sources  map[string]bool
	evidence map[string]bool
}

func (t *tx) dumpSelection(f claims.CaseFilter) (*dumpSelection, error) {
	if f == (claims.CaseFilter{}) {
		return &dumpSelection{complete: true}, nil
	}
	cf, err := t.caseFile(f)
	if err != nil {
		return nil, err
	}
	sel := &dumpSelection{claims: map[string]bool{}, articles: map[string]bool{}, sources: map[string]bool{}, evidence: map[string]bool{}}
	for _, a := range cf.Articles {
		sel.articles[keyOf(a.ID)] = true
	}
	for _, c := range cf.Claims {
		sel.claims[keyOf(c.ID)] = true
		for _, e := range cf.Evidence[c.ID] {
			sel.evidence[keyOf(e.ID)] = true
		}
	}
	for id := range cf.Sources {
		sel.sources[keyOf(id)] = true
	}
	return sel, nil
}

// keyOf returns the key of a record ID that the store wrote itself.
func keyOf(id string) string {
	key, _ := parseID("Record", id)
	return string(key)
}

func (t *tx) writeDump(w *bufio.Writer, sel *dumpSelection) error {
	settings, err := jsonEnvelope(t.Bucket(bucketMeta).Get(metaSettings))
	if err != nil {
		return fmt.Errorf("write the dump: settings: %w", err)
	}
	header := dumpHeader{
		Dump: dumpFormat, Schema: SchemaVersion, Complete: sel.complete,
		Settings: settings, HistoryHead: string(t.Bucket(bucketMeta).Get(metaHistoryHead)),
	}
	if sel.complete {
		header.MergedHeads = mergedHeads(t.Bucket(bucketMeta))
	}
	head, err := json.Marshal(header)
	if err != nil {
		return fmt.Errorf("write the dump: %w", err)
	}
	w.Write(head[:len(head)-1]) // the sections follow before the closing brace
	sections := []struct {
		name   string
		bucket []byte
		keep   map[string]bool
	}{
		{"articles", bucketArticles, sel.articles},
		{"sources", bucketSources, sel.sources},
		{"claims", bucketClaims, sel.claims},
		{"evidence", bucketEvidence, sel.evidence},
	}
	for _, s := range sections {
		if err := t.dumpSection(w, s.name, s.bucket, s.keep); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		name   string
		bucket []byte
	}{{"reviews", bucketReviews}, {"corrections", bucketCorrections}} {
		if err := t.dumpChildren(w, s.name, s.bucket, sel.claims); err != nil {
			return err
		}
	}
	if err := t.dumpEvents(w, sel); err != nil {
		return err
	}
	if sel.complete {
		if err := t.dumpConflicts(w); err != nil {
			return err
		}
	}
	_, err = w.WriteString("\n}\n")
	return err
}

// dumpConflicts writes the versions merges set aside. Only a whole
// database's dump holds them: they are work in progress, not a selection's
// to share.
func (t *tx) dumpConflicts(w *bufio.Writer) error {
	return writeArray(w, "conflicts", func(item func([]byte) error) error {
		return t.Bucket(bucketConflicts).ForEach(func(k, v []byte) error {
			id := string(settingsKey)
			if !bytes.Equal(k, settingsKey) {
				id = idString(k)
			}
			if !json.Valid(v) {
				return errNotJSON("conflicts")
			}
			return item(fmt.Appendf(nil, `{"record_id":%q,"versions":%s}`, id, v))
		})
	})
}

// dumpSection writes a bucket's records, or for a selection the selected
// ones, looked up one by one so that a small selection reads only itself.
func (t *tx) dumpSection(w *bufio.Writer, name string, bucket []byte, keep map[string]bool) error {
	return writeArray(w, name, func(item func([]byte) error) error {
		b := t.Bucket(bucket)
		record := func(v []byte) error {
			out, err := jsonEnvelope(v)
			if err != nil {
				return fmt.Errorf("dump: %s: %w", name, err)
			}
			return item(out)
		}
		if keep == nil {
			return b.ForEach(func(_, v []byte) error { return record(v) })
		}
		for _, k := range sortedKeys(keep) {
			if v := b.Get([]byte(k)); v != nil {
				if err := record(v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// dumpChildren writes the reviews or corrections of every claim, or of the
// selected claims, read under each one's prefix.
func (t *tx) dumpChildren(w *bufio.Writer, name string, bucket []byte, keep map[string]bool) error {
	return writeArray(w, name, func(item func([]byte) error) error {
		child := func(k, v []byte) error {
			if len(k) != 32 {
				return nil
			}
			out, err := jsonEnvelope(v)
			if err != nil {
				return fmt.Errorf("dump: %s: %w", name, err)
			}
			// Written by hand: json.Marshal would re-escape the record's bytes.
			return item(fmt.Appendf(nil, `{"claim_id":%q,"record":%s}`, idString(k[:16]), out))
		}
		if keep == nil {
			return t.Bucket(bucket).ForEach(child)
		}
		c := t.Bucket(bucket).Cursor()
		for _, claim := range sortedKeys(keep) {
			prefix := []byte(claim)
			for k, v := c.Seek(prefix); bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if err := child(k, v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// dumpEvents writes every event, or for a selection the events about the
// selected records, found through the history indexes; a selection's chain
// has gaps and says so (complete is false).
func (t *tx) dumpEvents(w *bufio.Writer, sel *dumpSelection) error {
	return writeArray(w, "events", func(item func([]byte) error) error {
		write := func(k, v []byte) error {
			hash, header, body, current, err := splitEvent(v)
			if err != nil {
				return fmt.Errorf("dump: event %s: %w", idString(k), err)
			}
			if current && claims.IsWireHeader(header) {
				return item(wireDumped(hash, header, body))
			}
			if !json.Valid(header) || len(body) > 0 && !json.Valid(body) {
				return errNotJSON("events")
			}
			// The canonical bytes go out as they are hashed: json.Marshal
			// would escape <, > and & in them and break the hash.
			if !current || len(body) == 0 {
				return item(fmt.Appendf(nil, `{"hash":"%x","event":%s}`, hash, header))
			}
			return item(fmt.Appendf(nil, `{"hash":"%x","event":%s,"body":%s}`, hash, header, body))
		}
		events := t.Bucket(bucketEvents)
		if sel.complete {
			return events.ForEach(write)
		}
		for _, k := range sel.eventKeys(t) {
			if err := write(k, events.Get(k)); err != nil {
				return err
			}
		}
		return nil
	})
}

// wireDumped is the dumped form of an event in the binary form.
func wireDumped(hash, header, body []byte) []byte {
	out := fmt.Appendf(nil, `{"hash":"%x","wire":"%s"`, hash, base64.StdEncoding.EncodeToString(header))
	if len(body) > 0 {
		out = fmt.Appendf(out, `,"wire_body":"%s"`, base64.StdEncoding.EncodeToString(body))
	}
	return append(out, '}')
}

// eventKeys returns the keys of the events about the selected records, or
// about their claims, oldest first and each once.
func (sel *dumpSelection) eventKeys(t *tx) [][]byte {
	var keys [][]byte
	for _, set := range []map[string]bool{sel.claims, sel.articles, sel.sources, sel.evidence} {
		for k := range set {
			keys = append(keys, childKeys(t.Bucket(bucketRecordEvents), []byte(k))...)
		}
	}
	for k := range sel.claims {
		keys = append(keys, childKeys(t.Bucket(bucketClaimEvents), []byte(k))...)
	}
	slices.SortFunc(keys, bytes.Compare)
	return slices.CompactFunc(keys, bytes.Equal)
}

// errNotJSON says that what the file holds for a section of the dump is
// not the JSON a dump must carry: the file was altered.
func errNotJSON(section string) error {
	return fmt.Errorf("dump %s: a record is not valid JSON", section)
}

// writeArray writes `,"name":[` then one item per line, then `]`. Each item
// must be valid JSON: whoever makes it checks what of it comes from the
// file (jsonEnvelope a record's data), so that a record that is not is an
// error, not a broken dump, and nothing is checked twice.
func writeArray(w *bufio.Writer, name string, each func(item func([]byte) error) error) error {
	fmt.Fprintf(w, ",\n%q:[", name)
	first := true
	err := each(func(raw []byte) error {
		if !first {
			w.WriteByte(',')
		}
		first = false
		w.WriteByte('\n')
		_, err := w.Write(raw)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n]")
	return err
}
