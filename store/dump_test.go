package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"claimdesk/claims"
)

// richDB holds every kind of record and life event: a second article, a
// published and corrected verdict, evidence attached and detached, a deleted
// claim, edited settings, and text with markup, bidi controls and accents.
func richDB(t *testing.T) (*DB, *claims.Claim) {
	t.Helper()
	db := mustOpen(t, claims.LangFrench)
	c := publishFlow(t, db)
	alice := as("Alice")
	if _, err := db.SetVerdict(alice, c.ID, claims.Verdict{Rating: "faux", Explanation: "Démenti <b>&</b> \u202eofficiel"}, "Nouveau rapport", "Note publique"); err != nil {
		t.Fatal(err)
	}
	src := &claims.Source{Type: claims.SourceWebpage, Title: "Rapport « ONU » <script>", URL: "https://un.example/r", Reliability: claims.ReliabilityB}
	ev := &claims.Evidence{ClaimID: c.ID, Excerpt: "11 000 conteneurs", Stance: claims.StanceSupports}
	if err := db.AddSourceWithEvidence(alice, src, ev); err != nil {
		t.Fatal(err)
	}
	gone := &claims.Evidence{ClaimID: c.ID, SourceID: src.ID, Stance: claims.StanceRefutes}
	if err := db.AttachEvidence(alice, gone); err != nil {
		t.Fatal(err)
	}
	if err := db.DetachEvidence(alice, gone.ID); err != nil {
		t.Fatal(err)
	}
	other := &claims.Article{Title: "Second article", Language: claims.LangEnglish, Text: "NATO said China fuels the war. It spends 2% of GDP."}
	found := []*claims.Claim{{Text: "China fuels the war", Kind: claims.KindQuote}, {Text: "It spends 2% of GDP", Kind: claims.KindStatistic}}
	if err := db.ImportArticle(alice, other, found); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteClaim(alice, found[0].ID); err != nil {
		t.Fatal(err)
	}
	org, base := "Vérif & Co", "https://verif.example/2026"
	if _, err := db.UpdateSettings(alice, claims.SettingsUpdate{Organization: &org, BaseURL: &base}); err != nil {
		t.Fatal(err)
	}
	return db, c
}

func dumpOf(t *testing.T, db *DB, f claims.CaseFilter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := db.WriteDump(context.Background(), &buf, f); err != nil {
		t.Fatalf("WriteDump: %v", err)
	}
	return buf.Bytes()
}

func TestDumpRestoresIntoAnIdenticalDatabase(t *testing.T) {
	db, published := richDB(t)
	first := dumpOf(t, db, claims.CaseFilter{})
	if !json.Valid(first) {
		t.Fatal("the dump is not valid JSON")
	}
	path := filepath.Join(t.TempDir(), "restored.db")
	restored, err := Restore(context.Background(), path, bytes.NewReader(first), Options{Now: tickingClock()})
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	defer restored.Close()
	if second := dumpOf(t, restored, claims.CaseFilter{}); !bytes.Equal(first, second) {
		t.Fatalf("dump → restore → dump differs:\n%s\n---\n%s", first, second)
	}
	check, err := restored.VerifyHistory(context.Background())
	if err != nil || !check.OK() {
		t.Fatalf("restored history: %+v, %v", check, err)
	}
	got, err := restored.FindClaimByID(as("x"), published.ID)
	if err != nil || got.Status != claims.StatusCorrected || len(got.Corrections) != 1 || len(got.Reviews) != 1 || got.PublishedAt.IsZero() {
		t.Fatalf("restored claim = %+v, %v", got, err)
	}
	events, _ := restored.FindEvents(as("x"), claims.EventFilter{ClaimID: published.ID})
	if len(events) < 6 {
		t.Fatalf("the restored claim has %d events in its history index", len(events))
	}
	// The restored file works like any other: it takes new changes.
	if _, err := restored.UpdateClaim(as("Carol"), published.ID, claims.ClaimUpdate{Tags: &[]string{"restauré"}}); err != nil {
		t.Fatal(err)
	}
	if check, _ := restored.VerifyHistory(context.Background()); !check.OK() {
		t.Fatalf("history after an edit of the restored file: %+v", check.Broken)
	}
	sums, total, _ := restored.FindClaimSummaries(context.Background(), claims.ClaimFilter{Query: "conteneurs"})
	if total != 1 || sums[0].ID != published.ID {
		t.Fatalf("search in the restored file found %d", total)
	}
}

func TestRestoreRefusesBadDumpsAndLeavesNoFile(t *testing.T) {
	db, _ := richDB(t)
	good := string(dumpOf(t, db, claims.CaseFilter{}))
	articleOnly := string(dumpOf(t, db, claims.CaseFilter{PublishedOnly: true}))
	tests := []struct {
		name, dump, want string
	}{
		{"empty", "", "not a ClaimDesk JSON dump"},
		{"text", "hello", "not a ClaimDesk JSON dump"},
		{"other JSON", `{"a":1}`, "not a ClaimDesk JSON dump"},
		{"trailing data", good + "{}", "something follows"},
		{"truncated", good[:len(good)/2], "not a ClaimDesk JSON dump"},
		{"newer format", strings.Replace(good, `"claimdesk_dump":4`, `"claimdesk_dump":9`, 1), "newer ClaimDesk"},
		{"selection", articleOnly, "selection"},
		{"edited event", editEventBody(t, good, "Sources solides.", "Sources faibles."), "no longer match its hash"},
		{"edited record", strings.Replace(good, `"text":"plus de 11 000 conteneurs de munitions"`, `"text":"plus de 12 000 conteneurs de munitions"`, 1), "not anchored"},
		{"blank summary", strings.Replace(good, `"summary":"It spends 2% of GDP"`, `"summary":" "`, 1), "summary must not be empty"},
		{"escape in a summary", strings.Replace(good, `"summary":"It spends 2% of GDP"`, `"summary":"It spends\u001b]0;owned\u0007 2%"`, 1), "must not contain control characters"},
		{"C1 in the settings' author", strings.Replace(good, `"by":"Alice"`, `"by":"Alice\u009b2J"`, 1), "settings have a revision without a name or author"},
		{"ESC in a record's author", strings.Replace(good, `"created_by":"Alice"`, `"created_by":"Alice\u001b[8m"`, 1), "revision without a name or author"},
		{"event removed", removeLastEvent(t, good), "does not verify"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dump == good {
				t.Fatal("the test's edit did not change the dump")
			}
			path := filepath.Join(t.TempDir(), "restored.db")
			_, err := Restore(context.Background(), path, strings.NewReader(tt.dump), Options{})
			assertCode(t, err, claims.EINVALID)
			if !strings.Contains(claims.ErrorMessage(err), tt.want) {
				t.Fatalf("message %q does not say %q", claims.ErrorMessage(err), tt.want)
			}
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("a refused restore left a file behind: %v", err)
			}
		})
	}
}

func removeLastEvent(t *testing.T, dump string) string {
	t.Helper()
	i := strings.LastIndex(dump, "\n{\"hash\"")
	end := strings.LastIndex(dump, "\n]")
	if i < 0 || end < i {
		t.Fatal("no events in the dump")
	}
	return strings.TrimSuffix(dump[:i], ",") + dump[end:]
}

func TestRestoreNeverOverwrites(t *testing.T) {
	db, _ := richDB(t)
	_, err := Restore(context.Background(), db.Path(), bytes.NewReader(dumpOf(t, db, claims.CaseFilter{})), Options{})
	assertCode(t, err, claims.ECONFLICT)
}

func TestSelectedDumpHoldsOnlyTheSelection(t *testing.T) {
	db, _ := richDB(t)
	var d dump
	if err := json.Unmarshal(dumpOf(t, db, claims.CaseFilter{PublishedOnly: true}), &d); err != nil {
		t.Fatal(err)
	}
	if d.Complete || len(d.Claims) != 1 || len(d.Articles) != 1 || len(d.Sources) != 1 || len(d.Evidence) != 1 {
		t.Fatalf("published-only dump: complete=%v, %d claims, %d articles, %d sources, %d evidence",
			d.Complete, len(d.Claims), len(d.Articles), len(d.Sources), len(d.Evidence))
	}
	all, _ := db.FindCaseFile(context.Background(), claims.CaseFilter{})
	for _, other := range all.Articles[1:] {
		for _, de := range d.Events {
			if e := eventOfDump(t, de); e.RecordID == other.ID || e.ClaimID == other.ID {
				t.Fatalf("an event about an article outside the selection: %+v", e)
			}
		}
	}
	if len(d.Events) < 6 {
		t.Fatalf("the selection lost its claim's history: %d events", len(d.Events))
	}
	assertSelectedEvents(t, db, d)
}

// eventOfDump reads a dumped event as a restore reads it.
func eventOfDump(t *testing.T, de dumpedEvent) *claims.Event {
	t.Helper()
	key, value, err := de.storedForm(claims.Textf("dump"))
	if err != nil {
		t.Fatal(err)
	}
	se, err := decodeEvent(key, value)
	if err != nil {
		t.Fatal(err)
	}
	return se.event
}

// editEventBody replaces old with new, of the same length, in the body of
// the one event of a dump whose body holds old, as someone editing the
// dump's bytes would.
func editEventBody(t *testing.T, dumped, old, new string) string {
	t.Helper()
	var d dump
	if err := json.Unmarshal([]byte(dumped), &d); err != nil {
		t.Fatal(err)
	}
	for _, de := range d.Events {
		if edited := bytes.Replace(de.WireBody, []byte(old), []byte(new), 1); !bytes.Equal(edited, de.WireBody) {
			enc := base64.StdEncoding.EncodeToString
			return strings.Replace(dumped, enc(de.WireBody), enc(edited), 1)
		}
	}
	t.Fatalf("no event body holds %q", old)
	return ""
}

// assertSelectedEvents checks that a selection's dump holds exactly the
// events about its records or their claims, in the file's order.
func assertSelectedEvents(t *testing.T, db *DB, d dump) {
	t.Helper()
	selected := map[string]bool{}
	for _, list := range [][]json.RawMessage{d.Articles, d.Sources, d.Claims, d.Evidence} {
		for _, raw := range list {
			var env envelope
			if err := json.Unmarshal(raw, &env); err != nil {
				t.Fatal(err)
			}
			selected[env.ID] = true
		}
	}
	all, err := db.FindEvents(context.Background(), claims.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, e := range all {
		if selected[e.RecordID] || selected[e.ClaimID] {
			want = append(want, e.ID)
		}
	}
	for _, de := range d.Events {
		got = append(got, eventOfDump(t, de).ID)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("the selection's dump holds events %v, want %v", got, want)
	}
}

func TestFindCaseFileSelects(t *testing.T) {
	db, published := richDB(t)
	ctx := context.Background()
	all, err := db.FindCaseFile(ctx, claims.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Articles) != 2 || len(all.Claims) != 2 || all.Settings.Organization != "Vérif & Co" || all.HistoryHead == "" {
		t.Fatalf("whole case file: %d articles, %d claims (the deleted one must not count), %+v", len(all.Articles), len(all.Claims), all.Settings)
	}
	pub, _ := db.FindCaseFile(ctx, claims.CaseFilter{PublishedOnly: true})
	if len(pub.Claims) != 1 || pub.Claims[0].ID != published.ID || len(pub.Articles) != 1 {
		t.Fatalf("published only: %d claims, %d articles", len(pub.Claims), len(pub.Articles))
	}
	c := pub.Claims[0]
	if len(c.Reviews) != 1 || len(c.Corrections) != 1 || c.Approval() != nil {
		t.Fatalf("reviews %d, corrections %d, approval %+v (the corrected verdict was never re-approved)", len(c.Reviews), len(c.Corrections), c.Approval())
	}
	if ev := pub.Evidence[c.ID]; len(ev) != 1 || pub.Sources[ev[0].SourceID] == nil {
		t.Fatalf("evidence %+v, sources %v: the detached evidence must not appear, the source must", ev, pub.Sources)
	}
	one, _ := db.FindCaseFile(ctx, claims.CaseFilter{ArticleID: published.ArticleID})
	if len(one.Articles) != 1 || len(one.Claims) != 1 || one.Articles[0].Text == "" {
		t.Fatalf("one article: %d articles, %d claims", len(one.Articles), len(one.Claims))
	}
	_, err = db.FindCaseFile(ctx, claims.CaseFilter{ArticleID: "01936b2e-0000-7000-8000-00000000ffff"})
	assertCode(t, err, claims.ENOTFOUND)
}

// TestDumpKeepsHostileTextExactly stores every kind of hostile text a field
// accepts (markup, formulas, bidi overrides, separators, 100,000 characters)
// and requires the dump to be valid JSON that restores it byte for byte.
func TestDumpKeepsHostileTextExactly(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	hostile := []string{
		`</script><script>alert(1)</script>`, `=HYPERLINK("http://evil.example")`, "\u202egnp.exe\u202c",
		"line\u2028separator", `"quotes" and \backslashes\ and &amp;`, strings.Repeat("Long. ", 16_000),
	}
	alice := as("Alice")
	for _, h := range hostile {
		src := &claims.Source{Type: claims.SourceWebpage, Title: h[:min(len(h), 500)], Notes: h, Reliability: claims.ReliabilityC}
		if err := db.AddSourceWithEvidence(alice, src, &claims.Evidence{ClaimID: list[0].ID, Excerpt: h, Note: h}); err != nil {
			t.Fatal(err)
		}
	}
	first := dumpOf(t, db, claims.CaseFilter{})
	if !json.Valid(first) {
		t.Fatal("the dump is not valid JSON")
	}
	restored, err := Restore(context.Background(), filepath.Join(t.TempDir(), "r.db"), bytes.NewReader(first), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if !bytes.Equal(first, dumpOf(t, restored, claims.CaseFilter{})) {
		t.Fatal("the restored database dumps differently")
	}
	evidence, _ := restored.FindEvidence(context.Background(), list[0].ID)
	for i, e := range evidence {
		if e.Excerpt != hostile[i] {
			t.Errorf("excerpt %d came back as %.40q", i, e.Excerpt)
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// A dump past the limit is refused as soon as the limit is passed, not
// after it was read whole; one within the limit is read as any other.
func TestReadDumpStopsPastTheLimit(t *testing.T) {
	db, _ := richDB(t)
	good := dumpOf(t, db, claims.CaseFilter{})
	endless := io.MultiReader(bytes.NewReader(good[:len(good)-2]), strings.NewReader(`,"padding":"`), neverEnding('x'))
	counter := &countingReader{r: endless}
	limit := int64(len(good))
	_, err := readDump(counter, limit)
	if err == nil || !strings.Contains(claims.ErrorMessage(err), "larger than ClaimDesk restores") {
		t.Fatalf("readDump of an endless dump: %v", err)
	}
	if counter.n > limit+1<<20 {
		t.Errorf("read %d bytes of a dump limited to %d", counter.n, limit)
	}
	if _, err := readDump(bytes.NewReader(good), limit); err != nil {
		t.Fatalf("a dump at the limit: %v", err)
	}
}

// neverEnding is an endless stream of one byte.
type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// A database that merged another copy, and holds a conflict, dumps and
// restores whole: the heads of the merged chains and the versions set
// aside come back, the history verifies, and the conflict can be settled.
func TestDumpAfterMergesRestoresWhole(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	setTags(t, alice, "Alice", id, "alice")
	setTags(t, bob, "Bob", id, "bob")
	if report := mergeFrom(t, alice, bob, bobPath); len(report.Conflicts) != 1 {
		t.Fatalf("the merge made %d conflicts, want 1", len(report.Conflicts))
	}
	first := dumpOf(t, alice, claims.CaseFilter{})
	restored, err := Restore(context.Background(), filepath.Join(t.TempDir(), "restored.db"), bytes.NewReader(first), Options{Now: tickingClock()})
	if err != nil {
		t.Fatalf("restoring the dump of a merged database: %v", err)
	}
	defer restored.Close()
	if second := dumpOf(t, restored, claims.CaseFilter{}); !bytes.Equal(first, second) {
		t.Fatalf("dump → restore → dump differs:\n%s\n---\n%s", first, second)
	}
	if report, err := restored.Check(context.Background()); err != nil || !report.OK() {
		t.Fatalf("the restored file's check: %+v, %v", report, err)
	}
	want, _ := alice.FindConflicts(context.Background())
	got, err := restored.FindConflicts(context.Background())
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("restored conflicts %+v (%v), want %+v", got, err, want)
	}
	if err := restored.ResolveConflict(as("Alice"), id, []claims.Field{claims.FieldTags}); err != nil {
		t.Fatalf("settling the restored conflict: %v", err)
	}
}

// A version set aside in a dump is checked as the record it stands for.
func TestRestoreChecksTheVersionsSetAside(t *testing.T) {
	alice, bob, id, bobPath := twoCopies(t)
	setTags(t, alice, "Alice", id, "alice")
	setTags(t, bob, "Bob", id, "bob")
	mergeFrom(t, alice, bob, bobPath)
	good := string(dumpOf(t, alice, claims.CaseFilter{}))
	i := strings.Index(good, `"conflicts":[`)
	if i < 0 {
		t.Fatal("the dump has no conflicts")
	}
	for name, tt := range map[string]struct{ old, new, want string }{
		"an edited version":         {`"text":"plus de 11 000`, `"text":"plus de 99 000`, "not anchored"},
		"a version of another kind": {`"type":"claim","claim_id"`, `"type":"source","claim_id"`, "source"},
		"a conflict on nothing":     {`"record_id":"` + id, `"record_id":"01900000-0000-7000-8000-000000000000`, "it does not have"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := good[:i] + strings.Replace(good[i:], tt.old, tt.new, 1)
			if bad == good {
				t.Fatal("the edit changed nothing")
			}
			_, err := Restore(context.Background(), filepath.Join(t.TempDir(), "r.db"), strings.NewReader(bad), Options{})
			if claims.ErrorCode(err) != claims.EINVALID || !strings.Contains(claims.ErrorMessage(err), tt.want) {
				t.Fatalf("Restore = %v, want EINVALID saying %q", err, tt.want)
			}
		})
	}
}

// A record, an event or a set-aside version that is not the JSON a dump
// carries stops the dump with an error, never a broken dump.
func TestDumpRefusesWhatIsNotJSON(t *testing.T) {
	for name, damage := range map[string]func(tx *bolt.Tx) error{
		"record data": func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSources)
			k, v := b.Cursor().First()
			env, err := parseEnvelope(v)
			if err != nil {
				return err
			}
			env.Data = []byte(`{"title":"Rapport"`)
			out, err := env.encode()
			if err != nil {
				return err
			}
			return b.Put(k, out)
		},
		"record in the JSON form": func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSources)
			k, _ := b.Cursor().First()
			return b.Put(k, []byte(`{"format":1,`))
		},
		"conflict list": func(tx *bolt.Tx) error {
			return tx.Bucket(bucketConflicts).Put(settingsKey, []byte(`[{"type":`))
		},
	} {
		t.Run(name, func(t *testing.T) {
			db, _ := richDB(t)
			if err := db.bolt.Update(damage); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := db.WriteDump(context.Background(), &buf, claims.CaseFilter{}); err == nil {
				t.Fatalf("the dump was written: %.200s…", buf.String())
			}
		})
	}
}
