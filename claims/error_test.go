package claims_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"
	"testing"

	"claimdesk/claims"
)

func TestErrorf(t *testing.T) {
	for name, tt := range map[string]struct {
		code, format string
		args         []any
		wantMessage  string
	}{
		"no arguments": {claims.ECONFLICT, "The claim is published.", nil, "The claim is published."},
		"arguments":    {claims.EINVALID, "%q is not a kind of claim.", []any{"rumeur"}, `"rumeur" is not a kind of claim.`},
		"accents":      {claims.ENOTFOUND, "L’article %s n’existe pas.", []any{"« Corée »"}, "L’article « Corée » n’existe pas."},
	} {
		t.Run(name, func(t *testing.T) {
			err := claims.Errorf(tt.code, tt.format, tt.args...)
			if got, want := err.Code, tt.code; got != want {
				t.Errorf("Code = %q, want %q", got, want)
			}
			if got, want := err.Message, tt.wantMessage; got != want {
				t.Errorf("Message = %q, want %q", got, want)
			}
			if got, want := err.Error(), tt.wantMessage; got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
		})
	}
}

func TestErrorfKeepsWhatItWasWrittenFrom(t *testing.T) {
	field := claims.Textf("The %s title", "source's")
	err := claims.Errorf(claims.EINVALID, "%s must not be empty; %d tries left.", field, 3)
	if got, want := err.Message, "The source's title must not be empty; 3 tries left."; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if got, want := err.Format, "%s must not be empty; %d tries left."; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if len(err.Args) != 2 || err.Args[1] != 3 {
		t.Fatalf("Args = %#v, want the field and 3", err.Args)
	}
	text, ok := err.Args[0].(claims.Text)
	if !ok || text.Format != "The %s title" || len(text.Args) != 1 || text.Args[0] != "source's" {
		t.Errorf("Args[0] = %#v, want the Text of the field", err.Args[0])
	}
	if got, want := text.String(), "The source's title"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// Messages name statuses by their labels, as they did before the window
// could name them in another language; a Status itself prints its value.
func TestStatusesInMessages(t *testing.T) {
	tests := []struct {
		arg  any
		want string
	}{
		{claims.StatusLabel(claims.StatusInReview), "in review"},
		{claims.StatusLabel(claims.StatusResearching), "researching"},
		{claims.StatusList{claims.StatusResearching}, "researching"},
		{claims.StatusList{claims.StatusVerdictDrafted, claims.StatusResearching}, "verdict drafted or researching"},
		{claims.StatusList{claims.StatusToTriage, claims.StatusResearching, claims.StatusNotCheckWorthy}, "to triage, researching or not check-worthy"},
		{claims.StatusList{}, "nothing else"},
		{claims.StatusInReview, "in-review"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf("%s", tt.arg); got != tt.want {
			t.Errorf("%#v prints %q, want %q", tt.arg, got, tt.want)
		}
	}
	err := claims.StatusToTriage.CheckMove(claims.StatusPublished)
	if got, want := claims.ErrorMessage(err), "A claim that is to triage cannot become published; it can become researching or not check-worthy."; got != want {
		t.Errorf("CheckMove: %q, want %q", got, want)
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	app := claims.Errorf(claims.ENOTFOUND, "The claim %s does not exist.", "c-1")
	for name, tt := range map[string]struct {
		err         error
		wantCode    string
		wantMessage string
	}{
		"nil":                {nil, "", ""},
		"plain error":        {errors.New("bolt: database not open"), claims.EINTERNAL, "Something went wrong: bolt: database not open"},
		"io error":           {io.ErrUnexpectedEOF, claims.EINTERNAL, "Something went wrong: unexpected EOF"},
		"full disk":          {&fs.PathError{Op: "write", Path: "/m/x.db", Err: syscall.ENOSPC}, claims.ECONFLICT, "The disk is full: /m/x.db could not be written. Free some space, then try again; nothing was changed."},
		"full disk, no file": {fmt.Errorf("commit: %w", syscall.ENOSPC), claims.ECONFLICT, "The disk is full. Free some space, then try again; nothing was changed."},
		"over quota":         {fmt.Errorf("sync: %w", &fs.PathError{Op: "sync", Path: "/m/x.db", Err: syscall.EDQUOT}), claims.ECONFLICT, "The disk is full: /m/x.db could not be written. Free some space, then try again; nothing was changed."},
		"permission":         {&fs.PathError{Op: "open", Path: "/m/x.db", Err: syscall.EACCES}, claims.ECONFLICT, "You may not read or write /m/x.db: the file's permissions forbid it."},
		"read-only disk":     {&fs.PathError{Op: "open", Path: "/cd/x.db", Err: syscall.EROFS}, claims.ECONFLICT, "/cd/x.db is on a disk that can only be read, so it cannot be written."},
		"application error":  {app, claims.ENOTFOUND, "The claim c-1 does not exist."},
		"wrapped once":       {fmt.Errorf("find claim: %w", app), claims.ENOTFOUND, "The claim c-1 does not exist."},
		"wrapped twice":      {fmt.Errorf("cli: %w", fmt.Errorf("store: %w", claims.Errorf(claims.ECONFLICT, "Already published."))), claims.ECONFLICT, "Already published."},
		"joined first wins":  {errors.Join(errors.New("disk"), claims.Errorf(claims.EINVALID, "Bad date."), app), claims.EINVALID, "Bad date."},
		"wrapped plain":      {fmt.Errorf("open: %w", io.EOF), claims.EINTERNAL, "Something went wrong: open: EOF"},
		"each code conflict": {claims.Errorf(claims.ECONFLICT, "x."), claims.ECONFLICT, "x."},
		"each code internal": {claims.Errorf(claims.EINTERNAL, "Disk full."), claims.EINTERNAL, "Disk full."},
	} {
		t.Run(name, func(t *testing.T) {
			if got, want := claims.ErrorCode(tt.err), tt.wantCode; got != want {
				t.Errorf("ErrorCode = %q, want %q", got, want)
			}
			if got, want := claims.ErrorMessage(tt.err), tt.wantMessage; got != want {
				t.Errorf("ErrorMessage = %q, want %q", got, want)
			}
		})
	}
}

func TestErrorCodesAreDistinct(t *testing.T) {
	codes := []string{claims.ECONFLICT, claims.EINTERNAL, claims.EINVALID, claims.ENOTFOUND}
	seen := map[string]bool{}
	for _, c := range codes {
		if c == "" || seen[c] {
			t.Errorf("error code %q is empty or repeated", c)
		}
		seen[c] = true
	}
}

type otherKey string

func TestContextActor(t *testing.T) {
	for name, tt := range map[string]struct {
		ctx  context.Context
		want string
	}{
		"no actor":            {context.Background(), ""},
		"plain name":          {claims.NewContext(context.Background(), "Léa Martin"), "Léa Martin"},
		"spaces trimmed":      {claims.NewContext(context.Background(), "  Léa Martin \t\n"), "Léa Martin"},
		"only spaces":         {claims.NewContext(context.Background(), "   "), ""},
		"inner spaces kept":   {claims.NewContext(context.Background(), " Jean  Dupont "), "Jean  Dupont"},
		"innermost wins":      {claims.NewContext(claims.NewContext(context.Background(), "Ana"), "Bob"), "Bob"},
		"survives other keys": {context.WithValue(claims.NewContext(context.Background(), "Ana"), otherKey("actor"), "Zoé"), "Ana"},
		"other string value":  {context.WithValue(context.Background(), otherKey("actor"), "Mallory"), ""},
	} {
		t.Run(name, func(t *testing.T) {
			if got, want := claims.ActorFromContext(tt.ctx), tt.want; got != want {
				t.Errorf("ActorFromContext = %q, want %q", got, want)
			}
		})
	}
}
