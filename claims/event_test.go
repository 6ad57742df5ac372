package claims_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

func fixedEvent() claims.Event {
	e := claims.Event{
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
	base := fixedEvent()
	if len(base.Hash) != 64 {
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
		t.Run(name, func(t *testing.T) {
			e := fixedEvent()
			tt.edit(&e)
			e.Seal()
			if changed := e.Hash != base.Hash; changed != tt.wantChange {
				t.Errorf("hash changed = %v, want %v (header %s)", changed, tt.wantChange, e.HeaderBytes())
			}
		})
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
