package claims_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

func fixedEvent() claims.Event {
	return claims.Event{
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
		Prev:       "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		Hash:       "not part of the canonical bytes",
	}
}

// goldenCanonical is the canonical form of fixedEvent. Every hash chain
// already written depends on it: if this test fails, existing histories no
// longer verify.
const goldenCanonical = `{"id":"ev-1","at":"2024-06-19T12:30:05.123456789Z","actor":"Léa Martin","action":"claim.status",` +
	`"record_type":"claim","record_id":"c-1","claim_id":"c-1","summary":"in review → published",` +
	`"before":"{\"status\":\"in-review\"}","after":"{\"status\":\"published\"}",` +
	`"prev":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}`

func TestEventCanonicalBytesGolden(t *testing.T) {
	for name, tt := range map[string]struct {
		event claims.Event
		want  string
	}{
		"fixed event": {fixedEvent(), goldenCanonical},
		"zero event": {claims.Event{},
			`{"id":"","at":"0001-01-01T00:00:00Z","actor":"","action":"","record_type":"","record_id":"","claim_id":"","summary":"","before":"","after":"","prev":""}`},
		"whole seconds in UTC": {claims.Event{ID: "ev-2", At: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Action: "claim.create"},
			`{"id":"ev-2","at":"2024-01-02T03:04:05Z","actor":"","action":"claim.create","record_type":"","record_id":"","claim_id":"","summary":"","before":"","after":"","prev":""}`},
		"html not escaped": {claims.Event{At: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Summary: `<b>Vrai</b> & "faux" > 'rien'`},
			`{"id":"","at":"2024-01-02T03:04:05Z","actor":"","action":"","record_type":"","record_id":"","claim_id":"","summary":"<b>Vrai</b> & \"faux\" > 'rien'","before":"","after":"","prev":""}`},
	} {
		t.Run(name, func(t *testing.T) {
			e := tt.event
			got := string(e.CanonicalBytes())
			if got != tt.want {
				t.Errorf("CanonicalBytes\n got %s\nwant %s", got, tt.want)
			}
			if strings.HasSuffix(got, "\n") {
				t.Errorf("CanonicalBytes ends with a newline")
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("CanonicalBytes is not valid JSON: %s", got)
			}
			sum := sha256.Sum256([]byte(tt.want))
			if got, want := e.ComputeHash(), hex.EncodeToString(sum[:]); got != want {
				t.Errorf("ComputeHash = %s, want %s", got, want)
			}
		})
	}
}

func TestEventCanonicalBytesStable(t *testing.T) {
	e := fixedEvent()
	first := string(e.CanonicalBytes())
	for i := range 5 {
		if got := string(e.CanonicalBytes()); got != first {
			t.Fatalf("call %d: CanonicalBytes = %s, want %s", i, got, first)
		}
	}
	copied := fixedEvent()
	if got := string(copied.CanonicalBytes()); got != first {
		t.Errorf("an equal event has canonical bytes %s, want %s", got, first)
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
			e.Summary, e.Before, e.After = s, s, s
			got := string(e.CanonicalBytes())
			if strings.Contains(got, `\u003c`) || strings.Contains(got, `\u003e`) || strings.Contains(got, `\u0026`) {
				t.Errorf("CanonicalBytes escapes HTML: %s", got)
			}
			if want := `"summary":"` + s + `"`; !strings.Contains(got, want) {
				t.Errorf("CanonicalBytes = %s, want it to contain %s", got, want)
			}
		})
	}
}

func TestEventComputeHashChangesWithEachField(t *testing.T) {
	base := fixedEvent()
	baseHash := base.ComputeHash()
	if len(baseHash) != 64 {
		t.Fatalf("ComputeHash = %q, want 64 hex digits", baseHash)
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
		"Prev":              {func(e *claims.Event) { e.Prev = "" }, true},
		"boundary moved":    {func(e *claims.Event) { e.RecordType, e.RecordID = "clai", "mc-1" }, true},
		"value moved":       {func(e *claims.Event) { e.Before, e.After = e.After, e.Before }, true},
		"Hash":              {func(e *claims.Event) { e.Hash = "something else" }, false},
		"same instant, UTC": {func(e *claims.Event) { e.At = e.At.UTC() }, false},
		"same instant, other zone": {func(e *claims.Event) {
			e.At = e.At.In(time.FixedZone("JST", 9*60*60))
		}, false},
		"monotonic reading dropped": {func(e *claims.Event) { e.At = e.At.Round(0) }, false},
	} {
		t.Run(name, func(t *testing.T) {
			e := fixedEvent()
			tt.edit(&e)
			got := e.ComputeHash()
			if changed := got != baseHash; changed != tt.wantChange {
				t.Errorf("hash changed = %v, want %v (canonical %s)", changed, tt.wantChange, e.CanonicalBytes())
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
