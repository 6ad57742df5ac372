package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/wire"
)

// A record in the binary form reads back as written, through the JSON form
// too, with its long data packed; its authors are listed once.
func TestEnvelopeRoundTripsInBothForms(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 123, time.UTC)
	env, _, err := newEnvelope("source", "01900000-0000-7000-8000-000000000001", now, "Alice <&> \"Ève\"\u2028", sourceRecord{Title: "Rapport", Reliability: "B"})
	if err != nil {
		t.Fatal(err)
	}
	env.Deleted = true
	long := strings.Repeat("Le rapport officiel confirme l’ordre de grandeur. ", 40)
	for i, by := range []string{"Bob", "Alice", "Bob"} {
		if _, err := env.revise(now.Add(time.Duration(i+1)*time.Hour), by, sourceRecord{Title: long, Reliability: "A"}); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := env.encode()
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("Alice <&>")); n != 1 {
		t.Errorf("the binary form names Alice %d times, want once", n)
	}
	if len(raw) > len(long)/4 {
		t.Errorf("the long data is not packed: %d bytes for %d of text", len(raw), len(long))
	}
	var rec sourceRecord
	got, err := decodeEnvelope(raw, &rec)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != long || got.meta() != env.meta() || len(got.Revisions) != 4 || got.Revisions[3].By != "Alice <&> \"Ève\"\u2028" {
		t.Errorf("read back %+v, %q…; want %+v", got.meta(), rec.Title[:20], env.meta())
	}
	asJSON := jsonOf(t, raw)
	env.Format = jsonEnvelopeFormat
	if marshaled, _ := json.Marshal(env); !bytes.Equal(asJSON, marshaled) {
		t.Fatalf("the JSON form:\n%s\nwant what json.Marshal gives:\n%s", asJSON, marshaled)
	}
	if again := binaryOf(t, asJSON); !bytes.Equal(again, raw) {
		t.Errorf("binary → JSON → binary changed the bytes")
	}
}

// Bytes that are not a record, in either form, are refused.
func TestDecodeEnvelopeRefusesOtherBytes(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	_, raw, err := newEnvelope("source", "01900000-0000-7000-8000-000000000001", now, "Alice", sourceRecord{Title: "Rapport", Reliability: "B"})
	if err != nil {
		t.Fatal(err)
	}
	otherFormat := bytes.Clone(raw)
	otherFormat[1] = 0x03
	badAuthor, _ := wire.Marshal(wireEnvelope{Format: envelopeFormat, Type: "source", ID: "x", Authors: []string{"A"},
		Revisions: []wireRevision{{Rev: "r", By: 5}}, Data: []byte("{}")})
	packedBomb, _ := (&envelope{Type: "source", ID: "x", CreatedAt: now, CreatedBy: "A",
		Revisions: []revision{{Rev: "r", By: "A", At: now}}, Data: bytes.Repeat([]byte(" "), maxUnpacked+packAbove)}).encode()
	bad := map[string]string{
		"another binary format": string(otherFormat),
		"an author not listed":  string(badAuthor),
		"truncated":             string(raw[:len(raw)-2]),
		"another JSON format":   strings.Replace(string(jsonOf(t, raw)), `"format":1`, `"format":2`, 1),
		"no revisions":          `{"format":1,"type":"source","id":"x","revisions":[],"data":{}}`,
		"no data":               `{"format":1,"type":"source","id":"x","revisions":[{"rev":"r","by":"A","at":"2026-12-05T09:00:00Z"}]}`,
		"bad revision":          `{"format":1,"type":"source","id":"x","revisions":[{"at":12}],"data":{}}`,
		"not JSON":              `{"format":1,`,
		"packed past the limit": string(packedBomb),
	}
	for name, raw := range bad {
		var rec sourceRecord
		if _, err := decodeEnvelope([]byte(raw), &rec); err == nil {
			t.Errorf("%s: decodeEnvelope accepted it", name)
		}
	}
}

// jsonOf returns a stored record in the JSON form of the envelope, for a
// test to edit as text.
func jsonOf(t testing.TB, raw []byte) []byte {
	t.Helper()
	out, err := jsonEnvelope(raw)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// binaryOf returns a record in the JSON form as the file stores it.
func binaryOf(t testing.TB, raw []byte) []byte {
	t.Helper()
	env, err := parseEnvelope(raw)
	if err != nil {
		t.Fatal(err)
	}
	out, err := env.encode()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// editData replaces old with new in a stored record's data, as someone
// who knows the format would, and returns the record as the file stores
// it.
func editData(t testing.TB, raw []byte, old, new string) []byte {
	t.Helper()
	env, err := parseEnvelope(raw)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(env.Data, []byte(old), []byte(new), 1)
	if bytes.Equal(edited, env.Data) {
		t.Fatalf("no %q in %s", old, env.Data)
	}
	env.Data = edited
	out, err := env.encode()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The fields of the records that can conflict are spelled in the file as
// the domain names them, and the domain names every one: a conflict shows
// the domain's labels and values, never a name only the file knows.
func TestRecordFieldsAreTheDomainsFields(t *testing.T) {
	for typ, rec := range map[string]any{"article": articleRecord{}, "claim": claimRecord{}, "source": sourceRecord{},
		"evidence": evidenceRecord{}, "settings": settingsRecord{}} {
		var stored []claims.Field
		rt := reflect.TypeOf(rec)
		for i := range rt.NumField() {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			stored = append(stored, claims.Field(name))
		}
		want := slices.Clone(claims.RecordFields[typ])
		slices.Sort(stored)
		slices.Sort(want)
		if !slices.Equal(stored, want) {
			t.Errorf("%s: the file spells %q, the domain %q", typ, stored, want)
		}
	}
}
