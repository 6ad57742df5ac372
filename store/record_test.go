package store

import (
	"strings"
	"testing"
	"time"
)

// A record read for reading only says what a full decoding says, and
// refuses what it refuses.
func TestPeekRecordAgreesWithDecodeEnvelope(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	env, _, err := newEnvelope("source", "01900000-0000-7000-8000-000000000001", now, "Alice", sourceRecord{Title: "Rapport", Reliability: "B"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := env.revise(now.Add(time.Hour), "Bob", sourceRecord{Title: "Rapport révisé", Reliability: "A"})
	if err != nil {
		t.Fatal(err)
	}
	var full, peeked sourceRecord
	want, err := decodeEnvelope(raw, &full)
	if err != nil {
		t.Fatal(err)
	}
	got, err := peekRecord(raw, &peeked)
	if err != nil {
		t.Fatal(err)
	}
	if got.meta() != want.meta() || peeked.Title != full.Title || peeked.Reliability != full.Reliability {
		t.Errorf("peek: %+v %+v, decode: %+v %+v", got.meta(), peeked, want.meta(), full)
	}
	bad := map[string]string{
		"another format": strings.Replace(string(raw), `"format":1`, `"format":2`, 1),
		"no revisions":   `{"format":1,"type":"source","id":"x","revisions":[],"data":{}}`,
		"no data":        `{"format":1,"type":"source","id":"x","revisions":[{"rev":"r","by":"A","at":"2026-12-05T09:00:00Z"}]}`,
		"bad revision":   `{"format":1,"type":"source","id":"x","revisions":[{"at":12}],"data":{}}`,
		"not JSON":       `{"format":1,`,
	}
	for name, raw := range bad {
		var rec sourceRecord
		_, errFull := decodeEnvelope([]byte(raw), &rec)
		if _, err := peekRecord([]byte(raw), &rec); err == nil {
			t.Errorf("%s: peekRecord accepted it (decodeEnvelope: %v)", name, errFull)
		}
	}
}
