package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/assets"
	"claimdesk/store"
)

// The test binary doubles as the claimdesk binary, so these tests run the
// real program in its own process: exit status, stderr and all.
func TestMain(m *testing.M) {
	switch {
	case os.Getenv("CLAIMDESK_TEST_MAIN") == "1":
		main()
	case os.Getenv("CLAIMDESK_TEST_HOLD") != "":
		holdDatabase(os.Getenv("CLAIMDESK_TEST_HOLD"))
	default:
		code := m.Run()
		os.RemoveAll(configHome)
		os.Exit(code)
	}
}

// holdDatabase keeps a database open, as another ClaimDesk window would,
// until its standard input closes.
func holdDatabase(path string) {
	db, err := store.Open(path, store.Options{})
	if err != nil {
		os.Exit(3)
	}
	os.Stdout.WriteString("open\n")
	_, _ = os.Stdin.Read(make([]byte, 1))
	db.Close()
	os.Exit(0)
}

// configHome is the tests' own configuration folder.
var configHome = filepath.Join(os.TempDir(), fmt.Sprintf("claimdesk-test-config-%d", os.Getpid()))

type result struct {
	stdout, stderr string
	code           int
}

func claimdesk(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CLAIMDESK_TEST_MAIN=1", "CLAIMDESK_REVIEWER=", "DISPLAY=", "WAYLAND_DISPLAY=", "LANG=C.UTF-8",
		"XDG_CONFIG_HOME="+configHome) // the list of trusted files stays out of the user's own
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := claimdesk(t, args...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("claimdesk %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// assertUserError checks the contract for bad input: exit status 1 and one
// line on stderr, never a panic trace.
func assertUserError(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "claimdesk: ") {
		t.Errorf("stderr = %q, want one line starting with 'claimdesk: '", r.stderr)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
		t.Errorf("stderr shows a crash: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr = %q, want it to contain %q", r.stderr, want)
	}
}

type listedClaim struct {
	ID          string `json:"id"`
	ArticleID   string `json:"article_id"`
	Text        string `json:"text"`
	Summary     string `json:"summary"`
	Speaker     string `json:"speaker"`
	Kind        string `json:"kind"`
	Status      string `json:"status"`
	AnchorStart int    `json:"anchor_start"`
	AnchorEnd   int    `json:"anchor_end"`
	Rating      struct {
		Key   string `json:"key"`
		Label string `json:"label"`
	} `json:"rating"`
	CheckWorthiness float64 `json:"check_worthiness"`
}

func listClaims(t *testing.T, args ...string) []listedClaim {
	t.Helper()
	var list []listedClaim
	if err := json.Unmarshal([]byte(mustRun(t, append([]string{"claims", "--json"}, args...)...)), &list); err != nil {
		t.Fatal(err)
	}
	return list
}

func TestInitListsTheSampleCase(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db)
	list := listClaims(t, "--db", db)
	article, _, err := assets.SampleCase()
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(article.Text)
	for _, c := range list {
		if c.AnchorStart < 0 || c.AnchorEnd > len(text) || string(text[c.AnchorStart:c.AnchorEnd]) != c.Text {
			t.Errorf("claim %s: offsets %d–%d do not cut %q out of the article", c.ID, c.AnchorStart, c.AnchorEnd, c.Text)
		}
		if c.Status != "to-triage" || c.Kind == "" || c.Summary == "" || c.Rating.Key != "" {
			t.Errorf("claim %s: status %q, kind %q, summary %q, rating %q", c.ID, c.Status, c.Kind, c.Summary, c.Rating.Key)
		}
	}
	for want, speaker := range map[string]string{
		"11 000 conteneurs":    "États-Unis",
		"missiles balistiques": "États-Unis",
		"avions de combat":     "Bonnie Jenkins",
		"véhicules blindés":    "Bonnie Jenkins",
	} {
		found := false
		for _, c := range list {
			found = found || strings.Contains(c.Text, want) && strings.Contains(c.Speaker, speaker)
		}
		if !found {
			t.Errorf("no claim with %q spoken by %q", want, speaker)
		}
	}
	for _, speaker := range []string{"Jens Stoltenberg", "John Kirby", "Karine Jean-Pierre", "Kurt Campbell", "Bonnie Jenkins"} {
		if got := listClaims(t, "--db", db, "--query", speaker); len(got) == 0 {
			t.Errorf("no claim found for %s", speaker)
		}
	}
	if got := listClaims(t, "--db", db, "--query", "coree conteneurs"); len(got) != 1 {
		t.Errorf("an accent-free query found %d claims, want 1", len(got))
	}
}

func TestClaimGoesFromTriageToPublishedWithASecondReviewer(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db)
	id := listClaims(t, "--db", db, "--query", "11 000")[0].ID
	mustRun(t, "source", "add", "--db", db, "--claim", id, "--as", "Alice", "--url", "https://www.state.gov/example",
		"--title", "Communiqué du Département d'État", "--stance", "supports", "--excerpt", "11,000 containers of munitions")
	mustRun(t, "verdict", "--db", db, "--claim", id, "--as", "Alice", "--rating", "vrai", "--explanation", "Chiffre officiel américain.")
	assertUserError(t, claimdesk(t, "review", "--db", db, "--claim", id, "--as", "Alice", "--approve"), "second reviewer")
	assertUserError(t, claimdesk(t, "publish", "--db", db, "--claim", id, "--as", "Alice"), "in review")
	mustRun(t, "review", "--db", db, "--claim", id, "--as", "Bob", "--approve", "--comment", "Source primaire vérifiée.")
	mustRun(t, "publish", "--db", db, "--claim", id, "--as", "Bob")

	got := listClaims(t, "--db", db, "--status", "published")
	if len(got) != 1 || got[0].ID != id || got[0].Rating.Key != "vrai" || got[0].Rating.Label != "Vrai" {
		t.Fatalf("published claims = %+v", got)
	}
	var events []struct{ Action, Actor string }
	if err := json.Unmarshal([]byte(mustRun(t, "history", "--db", db, "--claim", id, "--json")), &events); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range events {
		steps = append(steps, e.Action+" by "+e.Actor)
	}
	want := "claim.create by ClaimDesk, evidence.attach by Alice, verdict.set by Alice, review.approve by Bob, claim.publish by Bob"
	if strings.Join(steps, ", ") != want {
		t.Errorf("history = %s\nwant      %s", strings.Join(steps, ", "), want)
	}
	if out := mustRun(t, "history", "--db", db, "--verify"); !strings.Contains(out, "verified") {
		t.Errorf("verify printed %q", out)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(raw)
}

func TestBadInputGivesOneLineAndLeavesTheFileAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustRun(t, "init", "--db", good)
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"text.db":      []byte("Ceci n'est pas une base de données.\n"),
		"empty.db":     {},
		"truncated.db": raw[:len(raw)/3],
		"header.db":    raw[:8192],
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{
		"text.db":      "not a ClaimDesk database",
		"empty.db":     "empty",
		"truncated.db": "damaged",
		"header.db":    "damaged",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			before := fileSum(t, path)
			assertUserError(t, claimdesk(t, "claims", "--db", path), want)
			if fileSum(t, path) != before {
				t.Error("the file changed")
			}
		})
	}
}

func TestDatabaseLockedByAnotherProcess(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db)
	holder := exec.Command(os.Args[0])
	holder.Env = append(os.Environ(), "CLAIMDESK_TEST_HOLD="+db)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	ready, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); holder.Wait() }()
	if line, err := bufio.NewReader(ready).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("the holding process did not open the database: %q, %v", line, err)
	}
	before := fileSum(t, db)
	start := time.Now()
	assertUserError(t, claimdesk(t, "claims", "--db", db), "This database is open in another ClaimDesk window.")
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("took %v to report the lock", waited)
	}
	if fileSum(t, db) != before {
		t.Error("the file changed")
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db, "--no-sample")
	for name, tt := range map[string]struct {
		args []string
		want string
	}{
		"unknown command":   {[]string{"frobnicate"}, "unknown command"},
		"unknown flag":      {[]string{"claims", "--db", db, "--colour"}, "flag provided but not defined"},
		"missing flag":      {[]string{"verdict", "--db", db, "--claim", "x"}, "--explanation is required"},
		"bad status":        {[]string{"claims", "--db", db, "--status", "done"}, "not a workflow status"},
		"unknown claim":     {[]string{"publish", "--db", db, "--claim", "nope"}, "not found"},
		"init over a file":  {[]string{"init", "--db", db}, "already exists"},
		"no such database":  {[]string{"claims", "--db", db + ".typo"}, "There is no database at"},
		"missing article":   {[]string{"import", "--db", db, filepath.Join(db, "nope.txt")}, "Cannot read"},
		"window, no screen": {[]string{"--db", db}, "no display"},
		"window, bad flag":  {[]string{"--colour"}, "flag provided but not defined"},
	} {
		t.Run(name, func(t *testing.T) {
			assertUserError(t, claimdesk(t, tt.args...), tt.want)
		})
	}
}

func TestImportStoresTheArticle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("NATO worries\nThe alliance said on Tuesday that 32 members agreed.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "init", "--db", db, "--no-sample", "--lang", "en")
	mustRun(t, "import", "--db", db, "--url", "https://example.org/nato", article)
	var articles []struct{ ID, Title, Language, URL string }
	if err := json.Unmarshal([]byte(mustRun(t, "articles", "--db", db, "--json")), &articles); err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 || articles[0].Title != "NATO worries" || articles[0].Language != "en" || articles[0].URL != "https://example.org/nato" {
		t.Fatalf("articles = %+v", articles)
	}
	assertUserError(t, claimdesk(t, "import", "--db", db, article), "already in the database")
	id := articles[0].ID
	mustRun(t, "claim", "add", "--db", db, "--article", id, "--text", "32 members agreed", "--speaker", "NATO")
	got := listClaims(t, "--db", db, "--article", id, "--query", "32 members agreed")
	var added *listedClaim
	for i := range got {
		if got[i].Text == "32 members agreed" {
			added = &got[i]
		}
	}
	if added == nil || added.AnchorStart != 47 || added.Kind != "attribution" {
		t.Fatalf("claims = %+v", got)
	}
}

func TestImportSuggestsTheSeedArticlesClaims(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, "init", "--db", db, "--no-sample")
	out := mustRun(t, "import", "--db", db, filepath.Join("assets", "sample", "article-fr.txt"))
	for _, want := range []string{"(fr)", "11 000 conteneurs", "Bonnie Jenkins", "avions de combat", "Jens Stoltenberg", "John Kirby", "Karine Jean-Pierre", "Kurt Campbell", "why: "} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	list := listClaims(t, "--db", db)
	if len(list) < 8 {
		t.Fatalf("%d claims suggested", len(list))
	}
	for _, c := range list {
		if c.Status != "to-triage" || c.CheckWorthiness < 0.5 {
			t.Errorf("suggested claim %q: status %s, score %.2f", c.Summary, c.Status, c.CheckWorthiness)
		}
	}
	assertUserError(t, claimdesk(t, "import", "--db", db, filepath.Join("assets", "sample", "article-fr.txt")), "already in the database")
	if again := listClaims(t, "--db", db); len(again) != len(list) {
		t.Fatalf("re-importing made %d claims of %d", len(again), len(list))
	}
}
