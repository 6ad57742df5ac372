package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"claimdesk/claims"
)

func TestFlagsTakePositionalArgumentsAnywhere(t *testing.T) {
	for name, tt := range map[string]struct {
		args []string
		want string
	}{
		"flags first": {[]string{"--db", "x.db", "--lang", "en", "article.txt"}, "x.db en article.txt"},
		"flags last":  {[]string{"article.txt", "--db", "x.db", "--lang", "en"}, "x.db en article.txt"},
		"mixed":       {[]string{"--db", "x.db", "article.txt", "--lang=en"}, "x.db en article.txt"},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFlags("import")
			lang := f.String("lang", "", "")
			rest, err := f.parse(tt.args, 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join([]string{*f.db, *lang, rest[0]}, " "); got != tt.want {
				t.Errorf("parsed %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseErrorsAreInvalidInput(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown flag":   {"--colour"},
		"missing value":  {"--db"},
		"extra argument": {"one", "two"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := newFlags("import").parse(args, 1)
			if claims.ErrorCode(err) != claims.EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
		})
	}
}

func TestRequiredNamesTheFirstMissingFlag(t *testing.T) {
	err := required(map[string]string{"title": "x", "claim": " ", "url": ""})
	if got, want := claims.ErrorMessage(err), "--claim is required."; got != want {
		t.Fatalf("message %q, want %q", got, want)
	}
	if err := required(map[string]string{"claim": "x"}); err != nil {
		t.Fatal(err)
	}
}

func TestRunPrintsOneLineForErrorsAndRecoversPanics(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := Env{
		Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
		Open: func(string, OpenOptions) (claims.Store, error) { panic("boom") },
	}
	if got := Run(context.Background(), env, []string{"init", "--db", filepath.Join(t.TempDir(), "x.db")}); got != 1 {
		t.Fatalf("status %d, want 1", got)
	}
	if got := stderr.String(); got != "claimdesk: something went wrong that ClaimDesk did not foresee; nothing more was written. Please report it: boom\n" {
		t.Fatalf("stderr %q", got)
	}
	stderr.Reset()
	env.Open = func(string, OpenOptions) (claims.Store, error) {
		return nil, claims.Errorf(claims.ECONFLICT, "This database is\nopen elsewhere.")
	}
	Run(context.Background(), env, []string{"init", "--db", filepath.Join(t.TempDir(), "x.db")})
	if got := stderr.String(); got != "claimdesk: This database is open elsewhere.\n" {
		t.Fatalf("stderr %q", got)
	}
	stderr.Reset()
	env.Open = func(path string, _ OpenOptions) (claims.Store, error) {
		return nil, fmt.Errorf("open: %w", &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC})
	}
	Run(context.Background(), env, []string{"init", "--db", "/media/stick/x.db"})
	if got := stderr.String(); got != "claimdesk: The disk is full: /media/stick/x.db could not be written. Free some space, then try again; nothing was changed.\n" {
		t.Fatalf("stderr %q", got)
	}
}

func TestActorComesFromFlagThenEnvironment(t *testing.T) {
	r := &runner{ctx: context.Background(), env: Env{Getenv: func(k string) string {
		if k == "CLAIMDESK_REVIEWER" {
			return " Bob "
		}
		return ""
	}}}
	if got := claims.ActorFromContext(r.actor("Alice")); got != "Alice" {
		t.Errorf("--as gave %q", got)
	}
	if got := claims.ActorFromContext(r.actor("")); got != "Bob" {
		t.Errorf("the environment gave %q", got)
	}
}
