package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

// hostile is text a colleague's file could carry: it clears the screen,
// sets the terminal's title, rings, moves back over the line, hides the
// rest and turns the line around.
const hostile = "Kirby\x1b[2J\x1b]0;owned\a\r\x08\x1b[8m\u009b31m\u202egnp.exe\n  The file is sound."

// hostileStore answers every listing with hostile text, as a crafted file
// would; the commands under test call nothing else.
type hostileStore struct {
	claims.Store
}

func (hostileStore) claim() *claims.Claim {
	return &claims.Claim{ID: "c-1", ArticleID: "a-1", Text: hostile, Summary: hostile, Speaker: claims.Speaker{Name: hostile},
		Kind: claims.KindQuote, Status: claims.StatusPublished,
		Verdict:     &claims.Verdict{Rating: hostile, Explanation: hostile, Author: hostile},
		Reviews:     []claims.Review{{Reviewer: hostile, Decision: claims.DecisionApprove, Comment: hostile}},
		Corrections: []claims.Correction{{OldRating: hostile, NewRating: hostile, Reason: hostile}}}
}

func (s hostileStore) EachClaim(_ context.Context, _ claims.ClaimFilter, fn func(*claims.Claim) error) error {
	return fn(s.claim())
}

func (s hostileStore) FindClaimSummaries(context.Context, claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
	c := s.claim()
	return []claims.ClaimSummary{{ID: c.ID, ArticleID: c.ArticleID, Status: c.Status, Kind: c.Kind, Rating: hostile,
		Speaker: hostile, Summary: hostile, Tags: []string{hostile}, Assignee: hostile}}, 1, nil
}

func (s hostileStore) FindClaimByID(context.Context, string) (*claims.Claim, error) {
	return s.claim(), nil
}

func (hostileStore) Settings(context.Context) (*claims.Settings, error) {
	s := claims.DefaultSettings(claims.LangEnglish)
	return &s, nil
}

func (hostileStore) FindArticles(context.Context) ([]*claims.Article, error) {
	return []*claims.Article{{ID: "a-1", Title: hostile, Language: hostile}}, nil
}

func (hostileStore) FindEvents(context.Context, claims.EventFilter) ([]*claims.Event, error) {
	return []*claims.Event{{ID: "e-1", At: time.Now(), Actor: hostile, Action: hostile, RecordID: "c-1", Summary: hostile}}, nil
}

func (hostileStore) FindConflicts(context.Context) ([]claims.Conflict, error) {
	v := claims.ConflictVersion{By: hostile, Fields: map[claims.Field]string{"summary": hostile}, Values: map[claims.Field]string{"summary": hostile}}
	w := claims.ConflictVersion{By: hostile, Fields: map[claims.Field]string{"summary": "other"}, Values: map[claims.Field]string{"summary": "other"}}
	return []claims.Conflict{{RecordType: "claim", RecordID: "c-1", Title: hostile, Kept: v, Other: w}}, nil
}

func (hostileStore) Close() error { return nil }

// Whatever a file holds, the commands that list it print it as text: no
// byte a terminal acts on reaches the terminal, no record adds a line of its
// own, and --json output stays the same JSON.
func TestListingsEscapeWhatATerminalWouldActOn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"claims"}, {"claim", "show", "--claim", "c-1"}, {"articles"}, {"history"}, {"conflicts"},
	}
	for _, args := range commands {
		for _, asJSON := range []bool{false, true} {
			name := strings.Join(args, " ")
			if asJSON {
				name += " --json"
			}
			t.Run(name, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
					Open: func(string, OpenOptions) (claims.Store, error) { return hostileStore{}, nil }}
				full := append(append([]string{}, args...), "--db", db)
				if asJSON {
					full = append(full, "--json")
				}
				if status := Run(context.Background(), env, full); status != 0 {
					t.Fatalf("status %d: %s", status, stderr.String())
				}
				out := stdout.String()
				for _, r := range out {
					if actsOnTerminal(r) {
						t.Fatalf("the output holds %U:\n%q", r, out)
					}
				}
				if strings.Contains(out, "\n  The file is sound.") {
					t.Errorf("a record added a line of its own:\n%s", out)
				}
				if asJSON && !json.Valid(stdout.Bytes()) {
					t.Errorf("the JSON output is no longer JSON:\n%s", out)
				}
				if !strings.Contains(out, `Kirby\u001b[2J`) {
					t.Errorf("the escape is not shown as \\u001b:\n%s", out)
				}
			})
		}
	}
}

func TestTerminalWriterLeavesTextAlone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Corée du Nord, 11\u00a0000 conteneurs\n", "Corée du Nord, 11\u00a0000 conteneurs\n"},
		{"a\tb\n", "a\tb\n"},
		{"\x1b[31mred", `\u001b[31mred`},
		{"\u202edrawkcab", `\u202edrawkcab`},
		{"cut\xffbyte", `cut\xffbyte`},
		{`{"s":"\u001b"}`, `{"s":"\u001b"}`},
	} {
		var buf bytes.Buffer
		n, err := terminalWriter{&buf}.Write([]byte(tt.in))
		if err != nil || n != len(tt.in) || buf.String() != tt.want {
			t.Errorf("Write(%q) = %d, %v, wrote %q; want %q", tt.in, n, err, buf.String(), tt.want)
		}
	}
}

func (hostileStore) Upgrade() claims.Upgrade { return claims.Upgrade{} }
