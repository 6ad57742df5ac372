package claims_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/internal/wire"

	"github.com/klauspost/compress/s2"
)

// fixedEvent is an event in the JSON form of schemas 4 and 5.
func fixedEvent() claims.Event {
	e := claims.Event{
		Format:     claims.JSONEventFormat,
		ID:         "ev-1",
		At:         time.Date(2024, 6, 19, 14, 30, 5, 123456789, time.FixedZone("CEST", 2*60*60)),
		Actor:      "Léa Martin",
		Action:     "claim.status",
		RecordType: "claim",
		RecordID:   "c-1",
		ClaimID:    "c-1",
		Summary:    "in review → published",
		Before:     `{"status":"in-review"}`,
		After:      `{"status":"published"}`,
		Salt:       "00112233445566778899aabbccddeeff",
		Prev:       "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	}
	e.Seal()
	return e
}

// goldenBody and goldenHeader are the canonical forms of fixedEvent. Every
// hash chain already written depends on them: if this test fails, existing
// histories no longer verify.
const (
	goldenBody = `{"salt":"00112233445566778899aabbccddeeff","summary":"in review → published",` +
		`"before":"{\"status\":\"in-review\"}","after":"{\"status\":\"published\"}"}`
	goldenHeader = `{"v":2,"id":"ev-1","at":"2024-06-19T12:30:05.123456789Z","actor":"Léa Martin","action":"claim.status",` +
		`"record_type":"claim","record_id":"c-1","claim_id":"c-1","body":"%s",` +
		`"prev":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}`
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func TestEventCanonicalBytesGolden(t *testing.T) {
	e := fixedEvent()
	if got := string(e.BodyBytes()); got != goldenBody {
		t.Errorf("BodyBytes\n got %s\nwant %s", got, goldenBody)
	}
	if e.BodyHash != sum(goldenBody) {
		t.Errorf("BodyHash = %s, want the SHA-256 of the body", e.BodyHash)
	}
	header := fmt.Sprintf(goldenHeader, sum(goldenBody))
	if got := string(e.HeaderBytes()); got != header {
		t.Errorf("HeaderBytes\n got %s\nwant %s", got, header)
	}
	if e.Hash != sum(header) {
		t.Errorf("Hash = %s, want the SHA-256 of the header", e.Hash)
	}
	for _, b := range [][]byte{e.BodyBytes(), e.HeaderBytes()} {
		if !json.Valid(b) || strings.HasSuffix(string(b), "\n") {
			t.Errorf("not one line of valid JSON: %q", b)
		}
	}
	legacy := fixedEvent()
	legacy.LegacyHash = strings.Repeat("ab", 32)
	if got := string(legacy.HeaderBytes()); !strings.Contains(got, `"legacy":"`+legacy.LegacyHash+`","prev":`) {
		t.Errorf("the header of an event from a schema 3 file: %s", got)
	}
}

// fixedWireEvent is fixedEvent in the binary form, with UUIDs for IDs as
// the store writes them.
func fixedWireEvent() claims.Event {
	e := fixedEvent()
	e.Format = 0
	e.ID = "01902a93-1a50-7fbb-93fe-8f0e32a573fb"
	e.RecordID, e.ClaimID = "01902a93-1a50-7fbb-93fe-8f0e32a573fc", "01902a93-1a50-7fbb-93fe-8f0e32a573fc"
	e.Seal()
	return e
}

// goldenWireBody and goldenWireHeader are the canonical forms of
// fixedWireEvent, in hex, annotated as CBOR: every chain written since
// schema 6 depends on them.
const (
	goldenWireBody = "84" + // array of 4
		"50" + "00112233445566778899aabbccddeeff" + // salt, 16 bytes
		"77" + "696e2072657669657720e28692207075626c6973686564" + // "in review → published", 23 bytes
		"76" + "7b22737461747573223a22696e2d726576696577227d" + // {"status":"in-review"}
		"76" + "7b22737461747573223a227075626c6973686564227d" // {"status":"published"}
	goldenWireHeader = "8b" + // array of 11
		"03" + // format 3
		"50" + "01902a931a507fbb93fe8f0e32a573fb" + // ID, 16 bytes
		"1b" + "17da67ae12408f15" + // 2024-06-19T12:30:05.123456789Z: 1718800205123456789 ns
		"6b" + "4cc3a961204d617274696e" + // "Léa Martin"
		"6c" + "636c61696d2e737461747573" + // "claim.status"
		"65" + "636c61696d" + // "claim"
		"50" + "01902a931a507fbb93fe8f0e32a573fc" + // record ID
		"50" + "01902a931a507fbb93fe8f0e32a573fc" + // claim ID
		"5820" + "%s" + // the body's SHA-256
		"40" + // no legacy hash
		"5820" + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" // prev
)

func TestEventWireBytesGolden(t *testing.T) {
	e := fixedWireEvent()
	if got := hex.EncodeToString(e.BodyBytes()); got != goldenWireBody {
		t.Errorf("BodyBytes\n got %s\nwant %s", got, goldenWireBody)
	}
	body, _ := hex.DecodeString(goldenWireBody)
	if bodySum := sha256.Sum256(body); e.BodyHash != hex.EncodeToString(bodySum[:]) {
		t.Errorf("BodyHash = %s, want the SHA-256 of the body", e.BodyHash)
	}
	want := fmt.Sprintf(goldenWireHeader, e.BodyHash)
	if got := hex.EncodeToString(e.HeaderBytes()); got != want {
		t.Errorf("HeaderBytes\n got %s\nwant %s", got, want)
	}
	if e.Hash != sum(string(e.HeaderBytes())) {
		t.Errorf("Hash = %s, want the SHA-256 of the header", e.Hash)
	}
	jsonForm := fixedWireEvent()
	jsonForm.Format = claims.JSONEventFormat
	jsonForm.Seal()
	if len(e.HeaderBytes()) >= len(jsonForm.HeaderBytes())/2 {
		t.Errorf("the binary header takes %d bytes, the JSON one %d: want less than half", len(e.HeaderBytes()), len(jsonForm.HeaderBytes()))
	}
}

// An event read back from its binary form is the event written, field for
// field, whatever its IDs, and a withheld one lacks its body alone.
func TestParseWireEventRoundTrips(t *testing.T) {
	for name, edit := range map[string]func(e *claims.Event){
		"UUIDs":              func(*claims.Event) {},
		"IDs that are text":  func(e *claims.Event) { e.ID, e.RecordID = "ev-1", "settings" },
		"upper-case UUID":    func(e *claims.Event) { e.RecordID = strings.ToUpper(e.RecordID) },
		"no claim, no prev":  func(e *claims.Event) { e.ClaimID, e.Prev = "", "" },
		"legacy hash":        func(e *claims.Event) { e.LegacyHash = strings.Repeat("ab", 32) },
		"hostile text":       func(e *claims.Event) { e.Summary, e.Actor = "<script>\u202e", "Ève\x00" },
		"a hash not in hex":  func(e *claims.Event) { e.Prev = "not a hash" },
		"time far from 1970": func(e *claims.Event) { e.At = time.Date(2200, 1, 1, 0, 0, 0, 1, time.UTC) },
		"long changes":       func(e *claims.Event) { e.After = strings.Repeat(`{"rationale":"Le rapport confirme."}`, 40) },
	} {
		t.Run(name, func(t *testing.T) {
			e := fixedWireEvent()
			edit(&e)
			e.Seal()
			got, err := claims.ParseWireEvent(e.HeaderBytes(), e.BodyBytes())
			if err != nil {
				t.Fatal(err)
			}
			got.Hash = got.ComputeHash()
			want := e
			want.At = e.At.UTC()
			if !got.At.Equal(e.At) || fmt.Sprintf("%+v", exported(*got)) != fmt.Sprintf("%+v", exported(want)) {
				t.Errorf("read back\n got %+v\nwant %+v", exported(*got), exported(want))
			}
			withheld, err := claims.ParseWireEvent(e.HeaderBytes(), nil)
			if err != nil || !withheld.Withheld || withheld.Summary != "" || withheld.BodyHash != e.BodyHash {
				t.Errorf("withheld: %+v, %v", withheld, err)
			}
		})
	}
}

// exported returns the fields of e that a reader sees.
func exported(e claims.Event) claims.Event {
	return claims.Event{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action, RecordType: e.RecordType,
		RecordID: e.RecordID, ClaimID: e.ClaimID, Summary: e.Summary, Before: e.Before, After: e.After,
		Salt: e.Salt, BodyHash: e.BodyHash, LegacyHash: e.LegacyHash, Prev: e.Prev, Hash: e.Hash,
		Withheld: e.Withheld, Format: e.Format}
}

// Long changes are packed, and packed bytes read are written again as they
// were, even where today's packer would pack the same text otherwise: the
// hash of an event written by another version stays true.
func TestWireBodyPacksLongChangesAndKeepsWhatItRead(t *testing.T) {
	e := fixedWireEvent()
	e.After = strings.Repeat(`{"explanation":"Le chiffre est exact mais présenté sans son contexte."}`, 20)
	e.Seal()
	body := e.BodyBytes()
	if len(body) > len(e.After)/3 {
		t.Fatalf("a body of %d bytes for %d bytes of changes: not packed", len(body), len(e.After))
	}
	// The same text packed by another packer: S2's Snappy-compatible encoder.
	salt, _ := hex.DecodeString(e.Salt)
	other, err := wire.Marshal(struct {
		_               struct{} `cbor:",toarray"`
		Salt            []byte
		Summary, Before string
		After           []byte
	}{Salt: salt, Summary: e.Summary, Before: e.Before, After: s2.EncodeSnappy(nil, []byte(e.After))})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(other, body) {
		t.Fatal("both packers gave the same bytes: the test shows nothing")
	}
	read, err := claims.ParseWireEvent(e.HeaderBytes(), other)
	if err != nil || read.After != e.After {
		t.Fatalf("read %v, %v", read, err)
	}
	if !bytes.Equal(read.BodyBytes(), other) {
		t.Error("the body read, encoded again, is not the bytes read")
	}
	read.After += " "
	if bytes.Equal(read.BodyBytes(), other) {
		t.Error("an edited event kept the packed bytes of what it said before")
	}
}

// Bytes that are not an event's binary form are refused with an error,
// never a panic: they come from files.
func TestParseWireEventRefusesOtherBytes(t *testing.T) {
	good, jsonForm := fixedWireEvent(), fixedEvent()
	header, body := good.HeaderBytes(), good.BodyBytes()
	for name, tt := range map[string]struct{ header, body []byte }{
		"empty":                {nil, nil},
		"JSON header":          {jsonForm.HeaderBytes(), nil},
		"truncated header":     {header[:len(header)-1], nil},
		"trailing bytes":       {append(append([]byte{}, header...), 0), nil},
		"another format":       {append([]byte{0x8b, 0x04}, header[2:]...), nil},
		"truncated body":       {header, body[:len(body)-3]},
		"array of arrays":      {bytes.Repeat([]byte{0x81}, 100), nil},
		"an ID of 15 bytes":    {bytes.Replace(header, []byte{0x50, 0x01, 0x90}, []byte{0x4f, 0x01, 0x90}, 1), nil},
		"huge declared length": {[]byte{0x8b, 0x03, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			if e, err := claims.ParseWireEvent(tt.header, tt.body); err == nil {
				t.Errorf("read %+v", e)
			}
		})
	}
}

func TestEventCanonicalBytesDoesNotEscapeHTML(t *testing.T) {
	for name, s := range map[string]string{
		"less than":    "<",
		"greater than": ">",
		"ampersand":    "&",
		"tag":          "<script>alert(1)</script>",
		"arrow":        "→",
	} {
		t.Run(name, func(t *testing.T) {
			e := fixedEvent()
			e.Summary, e.Before, e.After, e.Actor = s, s, s, s
			for _, got := range []string{string(e.BodyBytes()), string(e.HeaderBytes())} {
				if strings.Contains(got, `\u003c`) || strings.Contains(got, `\u003e`) || strings.Contains(got, `\u0026`) {
					t.Errorf("the canonical bytes escape HTML: %s", got)
				}
			}
			if want := `"summary":"` + s + `"`; !strings.Contains(string(e.BodyBytes()), want) {
				t.Errorf("BodyBytes = %s, want it to contain %s", e.BodyBytes(), want)
			}
		})
	}
}

// Every field shown, the body's through BodyHash, changes the hash.
func TestEventHashCoversEveryFieldShown(t *testing.T) {
	if base := fixedEvent(); len(base.Hash) != 64 {
		t.Fatalf("Hash = %q, want 64 hex digits", base.Hash)
	}
	for name, tt := range map[string]struct {
		edit       func(e *claims.Event)
		wantChange bool
	}{
		"ID":                {func(e *claims.Event) { e.ID = "ev-2" }, true},
		"At by a second":    {func(e *claims.Event) { e.At = e.At.Add(time.Second) }, true},
		"At by a nanosec":   {func(e *claims.Event) { e.At = e.At.Add(time.Nanosecond) }, true},
		"Actor":             {func(e *claims.Event) { e.Actor = "Lea Martin" }, true},
		"Action":            {func(e *claims.Event) { e.Action = "claim.update" }, true},
		"RecordType":        {func(e *claims.Event) { e.RecordType = "review" }, true},
		"RecordID":          {func(e *claims.Event) { e.RecordID = "c-2" }, true},
		"ClaimID":           {func(e *claims.Event) { e.ClaimID = "" }, true},
		"Summary":           {func(e *claims.Event) { e.Summary = "in review → corrected" }, true},
		"Before":            {func(e *claims.Event) { e.Before = `{"status":"verdict-drafted"}` }, true},
		"After":             {func(e *claims.Event) { e.After = `{"status":"corrected"}` }, true},
		"Salt":              {func(e *claims.Event) { e.Salt = strings.Repeat("0", 32) }, true},
		"LegacyHash":        {func(e *claims.Event) { e.LegacyHash = strings.Repeat("ab", 32) }, true},
		"Prev":              {func(e *claims.Event) { e.Prev = "" }, true},
		"boundary moved":    {func(e *claims.Event) { e.RecordType, e.RecordID = "clai", "mc-1" }, true},
		"value moved":       {func(e *claims.Event) { e.Before, e.After = e.After, e.Before }, true},
		"Hash":              {func(e *claims.Event) { e.Hash = "something else" }, false},
		"Withheld":          {func(e *claims.Event) { e.Withheld = true }, false},
		"same instant, UTC": {func(e *claims.Event) { e.At = e.At.UTC() }, false},
		"same instant, other zone": {func(e *claims.Event) {
			e.At = e.At.In(time.FixedZone("JST", 9*60*60))
		}, false},
		"monotonic reading dropped": {func(e *claims.Event) { e.At = e.At.Round(0) }, false},
	} {
		for format, fixed := range map[string]func() claims.Event{"JSON": fixedEvent, "binary": fixedWireEvent} {
			t.Run(format+"/"+name, func(t *testing.T) {
				base, e := fixed(), fixed()
				tt.edit(&e)
				e.Seal()
				if changed := e.Hash != base.Hash; changed != tt.wantChange {
					t.Errorf("hash changed = %v, want %v (header %x)", changed, tt.wantChange, e.HeaderBytes())
				}
			})
		}
	}
}

func TestHistoryCheckOK(t *testing.T) {
	for name, tt := range map[string]struct {
		check claims.HistoryCheck
		want  bool
	}{
		"empty history":  {claims.HistoryCheck{}, true},
		"all links hold": {claims.HistoryCheck{Events: 3, Heads: []string{"abc"}}, true},
		"broken link":    {claims.HistoryCheck{Events: 3, Broken: &claims.BrokenLink{EventID: "ev-2", Reason: claims.Textf("hash mismatch")}}, false},
	} {
		t.Run(name, func(t *testing.T) {
			if got := tt.check.OK(); got != tt.want {
				t.Errorf("OK() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEventValidate(t *testing.T) {
	valid := claims.Event{At: time.Date(2024, 6, 18, 9, 0, 0, 0, time.UTC), Actor: "Alice", Action: "claim.create",
		RecordType: "claim", RecordID: "01900000-0000-7000-8000-000000000001", Prev: strings.Repeat("ab", 32)}
	for name, tt := range map[string]struct {
		edit func(e *claims.Event)
		want string
	}{
		"valid":          {func(e *claims.Event) {}, ""},
		"first event":    {func(e *claims.Event) { e.Prev = "" }, ""},
		"no time":        {func(e *claims.Event) { e.At = time.Time{} }, "no time"},
		"no actor":       {func(e *claims.Event) { e.Actor = " " }, "author must not be empty"},
		"no action":      {func(e *claims.Event) { e.Action = "" }, "action must not be empty"},
		"no record":      {func(e *claims.Event) { e.RecordID = "" }, "record must not be empty"},
		"bad link":       {func(e *claims.Event) { e.Prev = "not-a-hash" }, "not a SHA-256"},
		"upper hex":      {func(e *claims.Event) { e.Prev = strings.Repeat("AB", 32) }, "not a SHA-256"},
		"NUL in after":   {func(e *claims.Event) { e.After = "a\x00b" }, "NUL"},
		"ESC in actor":   {func(e *claims.Event) { e.Actor = "Bob\x1b[8m" }, "control characters"},
		"BEL in summary": {func(e *claims.Event) { e.Summary = "added\a" }, "control characters"},
	} {
		t.Run(name, func(t *testing.T) {
			e := valid
			tt.edit(&e)
			err := e.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if claims.ErrorCode(err) != claims.EINVALID || !strings.Contains(claims.ErrorMessage(err), tt.want) {
				t.Fatalf("Validate() = %v, want EINVALID mentioning %q", err, tt.want)
			}
		})
	}
}
