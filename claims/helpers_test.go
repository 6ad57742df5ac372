package claims_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"claimdesk/claims"
)

// checkErr fails the test unless err carries wantCode ("" meaning no error)
// and, for an error, a message that reads as a sentence for a person and
// contains wantIn.
func checkErr(t *testing.T, err error, wantCode, wantIn string) {
	t.Helper()
	if got := claims.ErrorCode(err); got != wantCode {
		t.Fatalf("ErrorCode(%v) = %q, want %q", err, got, wantCode)
	}
	if wantCode == "" {
		return
	}
	msg := claims.ErrorMessage(err)
	checkSentence(t, msg)
	if !strings.Contains(msg, wantIn) {
		t.Errorf("message %q does not contain %q", msg, wantIn)
	}
}

// checkSentence fails the test unless msg is a readable sentence: valid
// UTF-8 on one line, starting with a capital letter or a quote, ending with
// a period, and free of fmt's %!verb(...) complaints.
func checkSentence(t *testing.T, msg string) {
	t.Helper()
	if msg == "" {
		t.Fatal("message is empty")
	}
	if !utf8.ValidString(msg) {
		t.Errorf("message %q is not valid UTF-8", msg)
	}
	if !strings.HasSuffix(msg, ".") {
		t.Errorf("message %q does not end with a period", msg)
	}
	if first, _ := utf8.DecodeRuneInString(msg); !unicode.IsUpper(first) && first != '"' {
		t.Errorf("message %q does not start with a capital letter or a quote", msg)
	}
	if strings.Contains(msg, "%!") {
		t.Errorf("message %q has a formatting error", msg)
	}
	if strings.ContainsAny(msg, "\n\x00") {
		t.Errorf("message %q is not a single line", msg)
	}
}

// runes returns s padded with pad, or cut, to exactly n code points.
func runes(t *testing.T, s string, pad rune, n int) string {
	t.Helper()
	r := []rune(s)
	for len(r) < n {
		r = append(r, pad)
	}
	out := string(r[:n])
	if got := utf8.RuneCountInString(out); got != n {
		t.Fatalf("runes: built %d code points, want %d", got, n)
	}
	return out
}
