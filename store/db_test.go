package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// epoch is the fixed start of every test clock.
var epoch = time.Date(2024, time.June, 18, 9, 0, 0, 0, time.UTC)

// tickingClock returns a clock that starts at epoch and moves one second at
// every reading, so tests are repeatable and events stay in order.
func tickingClock() func() time.Time {
	now := epoch
	return func() time.Time {
		now = now.Add(time.Second)
		return now
	}
}

// mustOpen opens a new database in t's temporary folder.
func mustOpen(tb testing.TB, lang string) *DB {
	tb.Helper()
	return mustOpenPath(tb, filepath.Join(tb.TempDir(), "test.db"), lang)
}

func mustOpenPath(tb testing.TB, path, lang string) *DB {
	tb.Helper()
	db, err := Open(path, Options{Language: lang, Now: tickingClock()})
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func as(name string) context.Context {
	return claims.NewContext(context.Background(), name)
}

const testText = "Le 18 juin, M. Poutine a entamé son premier voyage en Corée du Nord depuis 24 ans. " +
	"Les États-Unis ont accusé Pyongyang d'avoir fourni « plus de 11 000 conteneurs de munitions » à la Russie. " +
	"Jens Stoltenberg a déclaré que la Chine alimentait la guerre."

// mustImport imports testText with one claim per exact phrase.
func mustImport(tb testing.TB, db *DB, phrases ...string) (*claims.Article, []*claims.Claim) {
	tb.Helper()
	a := &claims.Article{Title: "Visite de Poutine", Language: claims.LangFrench, Text: testText}
	var list []*claims.Claim
	for _, p := range phrases {
		list = append(list, &claims.Claim{Text: p, Kind: claims.KindStatistic, Speaker: claims.Speaker{Name: "Jens Stoltenberg"}, Tags: []string{"otan"}})
	}
	if err := db.ImportArticle(as("Alice"), a, list); err != nil {
		tb.Fatalf("ImportArticle: %v", err)
	}
	return a, list
}

func assertCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := claims.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(raw)
}

func TestOpenCreatesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "folder", "claims.db")
	db := mustOpenPath(t, path, claims.LangEnglish)
	if !db.Created() {
		t.Fatal("Created() = false for a new file")
	}
	_, list := mustImport(t, db, "premier voyage en Corée du Nord depuis 24 ans")
	db.Close()

	again := mustOpenPath(t, path, claims.LangFrench)
	if again.Created() {
		t.Fatal("Created() = true for an existing file")
	}
	got, err := again.FindClaimByID(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != list[0].Text || got.Anchor != list[0].Anchor || got.Meta.CreatedBy != "Alice" {
		t.Fatalf("reopened claim = %+v, want %+v", got, list[0])
	}
	settings, err := again.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if settings.Language != claims.LangEnglish || settings.Scale.Key != claims.ScaleEnglish.Key || !settings.RequireSecondReviewer {
		t.Fatalf("settings = %+v; the language of an existing file must not change on reopen", settings)
	}
}

func TestOpenRefusesFilesThatAreNotClaimDeskDatabases(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db")
	other, err := bolt.Open(foreign, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	}); err != nil {
		t.Fatal(err)
	}
	other.Close()

	for name, tt := range map[string]struct {
		content []byte // nil: the foreign bbolt file above
		path    string
		message string
	}{
		"text":         {content: []byte("Quelles sont les inquiétudes de l’OTAN ?\n"), message: "This is not a ClaimDesk database."},
		"empty":        {content: []byte{}, message: "This file is empty; it is not a ClaimDesk database."},
		"foreign bolt": {path: foreign, message: "This is not a ClaimDesk database."},
	} {
		t.Run(name, func(t *testing.T) {
			path := tt.path
			if path == "" {
				path = filepath.Join(dir, name+".db")
				if err := os.WriteFile(path, tt.content, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			before := fileHash(t, path)
			_, err := Open(path, Options{})
			assertCode(t, err, claims.EINVALID)
			if got := claims.ErrorMessage(err); got != tt.message {
				t.Errorf("message = %q, want %q", got, tt.message)
			}
			if fileHash(t, path) != before {
				t.Error("the file changed")
			}
		})
	}
}

func TestOpenRefusesTruncatedDatabase(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	mustImport(t, db, "premier voyage en Corée du Nord depuis 24 ans")
	path := db.Path()
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := inspectFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// bbolt grows files ahead of use: only pages below the high-water mark matter.
	used := int(meta.highwater) * int(meta.pageSize)
	for _, size := range []int{100, 4096, 8192, 12288, used / 2, used - 4096} {
		cut := filepath.Join(t.TempDir(), "cut.db")
		if err := os.WriteFile(cut, raw[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		before := fileHash(t, cut)
		_, err := Open(cut, Options{})
		assertCode(t, err, claims.EINVALID)
		if fileHash(t, cut) != before {
			t.Errorf("truncated to %d bytes: the file changed", size)
		}
	}
}

func TestOpenLockedByAnotherWindow(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	start := time.Now()
	_, err := Open(db.Path(), Options{})
	assertCode(t, err, claims.ECONFLICT)
	if got, want := claims.ErrorMessage(err), "This database is open in another ClaimDesk window."; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %v for the lock; bbolt's timeout should give up after about a second", waited)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	path := db.Path()
	if err := db.bolt.Update(func(tx *bolt.Tx) error { return putVersion(tx, SchemaVersion+1) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, path)
	_, err := Open(path, Options{})
	assertCode(t, err, claims.EINVALID)
	if !strings.Contains(claims.ErrorMessage(err), "newer ClaimDesk") {
		t.Errorf("message = %q, want it to mention a newer ClaimDesk", claims.ErrorMessage(err))
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

func TestWritesNeedAnActor(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	for name, ctx := range map[string]context.Context{
		"none":     context.Background(),
		"blank":    as("  "),
		"too long": as(strings.Repeat("x", 201)),
		"NUL":      as("Ali\x00ce"),
	} {
		t.Run(name, func(t *testing.T) {
			a := &claims.Article{Title: "x", Language: claims.LangFrench, Text: "y"}
			assertCode(t, db.ImportArticle(ctx, a, nil), claims.EINVALID)
		})
	}
	if articles, _ := db.FindArticles(context.Background()); len(articles) != 0 {
		t.Fatalf("%d articles stored by nobody", len(articles))
	}
}

func TestImportArticleRejectsDuplicatesAndBadClaims(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	mustImport(t, db)
	again := &claims.Article{Title: "Copie", Language: claims.LangFrench, Text: testText}
	assertCode(t, db.ImportArticle(as("Bob"), again, nil), claims.ECONFLICT)

	other := &claims.Article{Title: "Autre", Language: claims.LangFrench, Text: testText + " Fin."}
	missing := &claims.Claim{Text: "des mots absents", Kind: claims.KindEvent}
	assertCode(t, db.ImportArticle(as("Bob"), other, []*claims.Claim{missing}), claims.ENOTFOUND)
	articles, err := db.FindArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 {
		t.Fatalf("%d articles stored, want 1: a failed import must store nothing", len(articles))
	}
	if a := articles[0]; a.Text != "" || a.Title != "Visite de Poutine" || a.TextSHA256 != claims.TextHash(testText) || a.Language != claims.LangFrench {
		t.Errorf("FindArticles returned %+v; want every field but the text", a)
	}
}

func TestCreateClaimAnchorsAndValidates(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	a, _ := mustImport(t, db)
	ctx := as("Alice")
	c := &claims.Claim{ArticleID: a.ID, Text: "plus de 11 000 conteneurs de munitions", Kind: claims.KindStatistic}
	if err := db.CreateClaim(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Anchor.Slice(testText); !ok || got != c.Text {
		t.Fatalf("anchor %d–%d cuts %q, want %q", c.Anchor.Start, c.Anchor.End, got, c.Text)
	}
	if c.Status != claims.StatusToTriage || c.Summary == "" {
		t.Fatalf("defaults not filled: status %q, summary %q", c.Status, c.Summary)
	}
	for name, tt := range map[string]struct {
		claim *claims.Claim
		code  string
	}{
		"unknown article": {&claims.Claim{ArticleID: "01900000-0000-7000-8000-000000000000", Text: "Pyongyang", Kind: claims.KindEvent}, claims.ENOTFOUND},
		"garbage article": {&claims.Claim{ArticleID: "../../etc", Text: "Pyongyang", Kind: claims.KindEvent}, claims.ENOTFOUND},
		"words not there": {&claims.Claim{ArticleID: a.ID, Text: "Pékin", Kind: claims.KindEvent}, claims.ENOTFOUND},
		"wrong anchor": {&claims.Claim{ArticleID: a.ID, Text: "Pyongyang", Kind: claims.KindEvent,
			Anchor: claims.Anchor{Start: 0, End: 9, Exact: "Pyongyang"}}, claims.EINVALID},
		"no kind": {&claims.Claim{ArticleID: a.ID, Text: "Pyongyang"}, claims.EINVALID},
	} {
		t.Run(name, func(t *testing.T) {
			assertCode(t, db.CreateClaim(ctx, tt.claim), tt.code)
		})
	}
}

func TestFindClaimSummariesFilters(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	a, list := mustImport(t, db, "premier voyage en Corée du Nord", "plus de 11 000 conteneurs de munitions", "la Chine alimentait la guerre")
	ctx := as("Alice")
	if _, err := db.MoveClaim(ctx, list[1].ID, claims.StatusResearching); err != nil {
		t.Fatal(err)
	}
	researching, other := claims.StatusResearching, "01900000-0000-7000-8000-000000000000"
	tag := "otan"
	for name, tt := range map[string]struct {
		filter claims.ClaimFilter
		want   []string
		total  int
	}{
		"all":                {claims.ClaimFilter{}, []string{list[0].ID, list[1].ID, list[2].ID}, 3},
		"article":            {claims.ClaimFilter{ArticleID: &a.ID}, []string{list[0].ID, list[1].ID, list[2].ID}, 3},
		"other article":      {claims.ClaimFilter{ArticleID: &other}, nil, 0},
		"status":             {claims.ClaimFilter{Status: &researching}, []string{list[1].ID}, 1},
		"tag":                {claims.ClaimFilter{Tag: &tag}, []string{list[0].ID, list[1].ID, list[2].ID}, 3},
		"accents and case":   {claims.ClaimFilter{Query: "COREE"}, []string{list[0].ID}, 1},
		"words in any order": {claims.ClaimFilter{Query: "munitions 11"}, []string{list[1].ID}, 1},
		"no match":           {claims.ClaimFilter{Query: "Iran"}, nil, 0},
		"offset and limit":   {claims.ClaimFilter{Offset: 1, Limit: 1}, []string{list[1].ID}, 3},
	} {
		t.Run(name, func(t *testing.T) {
			got, total, err := db.FindClaimSummaries(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if total != tt.total || len(got) != len(tt.want) {
				t.Fatalf("got %d of %d, want %d of %d", len(got), total, len(tt.want), tt.total)
			}
			for i, s := range got {
				if s.ID != tt.want[i] {
					t.Errorf("row %d = %s, want %s", i, s.ID, tt.want[i])
				}
			}
		})
	}
}

func TestSummaryMatchesClaim(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	got, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	c := list[0]
	want := claims.ClaimSummary{ID: c.ID, ArticleID: c.ArticleID, Status: c.Status, Kind: c.Kind, Speaker: c.Speaker.Name,
		Summary: c.Summary, Tags: c.Tags, UpdatedAt: c.Meta.UpdatedAt}
	if g := got[0]; g.ID != want.ID || g.ArticleID != want.ArticleID || g.Status != want.Status || g.Kind != want.Kind ||
		g.Speaker != want.Speaker || g.Summary != want.Summary || strings.Join(g.Tags, ",") != "otan" || !g.UpdatedAt.Equal(want.UpdatedAt) {
		t.Fatalf("summary = %+v, want %+v", g, want)
	}
}

func TestSummaryEncodingRoundTripsHostileText(t *testing.T) {
	hostile := "<script>alert(1)</script>\x1f\u202e=cmd|' /C calc'!A0\n" + strings.Repeat("é", 5000)
	s := claims.ClaimSummary{
		ID: "01900000-0000-7000-8000-000000000001", ArticleID: "01900000-0000-7000-8000-000000000002",
		Status: claims.StatusInReview, Kind: claims.KindQuote, Rating: "plutot-vrai", Speaker: hostile,
		Summary: hostile, Assignee: hostile, Tags: []string{"a", "b c"}, CheckWorthiness: 0.8125,
		UpdatedAt: epoch, Deleted: true,
	}
	key, _ := parseID("Claim", s.ID)
	v, err := viewSummary(encodeSummary(s, "x"))
	if err != nil {
		t.Fatal(err)
	}
	got := v.summary(key)
	if got.Speaker != s.Speaker || got.Summary != s.Summary || got.Rating != s.Rating || got.CheckWorthiness != s.CheckWorthiness ||
		!got.UpdatedAt.Equal(s.UpdatedAt) || !got.Deleted || got.ArticleID != s.ArticleID || len(got.Tags) != 2 {
		t.Fatalf("round trip = %+v, want %+v", got, s)
	}
	for _, cut := range []int{0, 5, 27, 40} {
		if _, err := viewSummary(encodeSummary(s, "x")[:cut]); err == nil {
			t.Errorf("a summary cut to %d bytes decoded without error", cut)
		}
	}
}

func TestDeleteLeavesTombstone(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "premier voyage en Corée du Nord", "la Chine alimentait la guerre")
	ctx := as("Alice")
	id := list[0].ID
	if err := db.DeleteClaim(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err := db.FindClaimByID(ctx, id)
	assertCode(t, err, claims.ENOTFOUND)
	assertCode(t, db.DeleteClaim(ctx, id), claims.ENOTFOUND)

	live, _, _ := db.FindClaimSummaries(ctx, claims.ClaimFilter{})
	all, _, _ := db.FindClaimSummaries(ctx, claims.ClaimFilter{Deleted: true})
	if len(live) != 1 || len(all) != 2 || !all[0].Deleted {
		t.Fatalf("live %d, with tombstones %d (first deleted: %v); want 1, 2, true", len(live), len(all), all[0].Deleted)
	}
	err = db.view(ctx, func(t *tx) error {
		key, _ := parseID("Claim", id)
		var rec claimRecord
		env, err := decodeEnvelope(t.Bucket(bucketClaims).Get(key), &rec)
		if err == nil && (!env.Deleted || rec.Text == "") {
			err = errors.New("the tombstone lost the record")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRevisionsTellWhoChangedWhatInCopies(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "la Chine alimentait la guerre")
	id := list[0].ID
	summary := "Stoltenberg : la Chine alimente la guerre"
	if _, err := db.UpdateClaim(as("Alice"), id, claims.ClaimUpdate{Summary: &summary}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// A colleague gets a byte-for-byte copy, and both edit the same claim.
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	raw, _ := os.ReadFile(db.Path())
	if err := os.WriteFile(copyPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	mine := mustOpenPath(t, db.Path(), "")
	theirs := mustOpenPath(t, copyPath, "")
	tags := []string{"chine"}
	if _, err := mine.UpdateClaim(as("Alice"), id, claims.ClaimUpdate{Tags: &tags}); err != nil {
		t.Fatal(err)
	}
	if _, err := theirs.UpdateClaim(as("Bob"), id, claims.ClaimUpdate{Tags: &tags}); err != nil {
		t.Fatal(err)
	}
	a, b := revisionsOf(t, mine, id), revisionsOf(t, theirs, id)
	if len(a) != 3 || len(b) != 3 {
		t.Fatalf("revisions: %d and %d, want 3 each (create, edit, edit)", len(a), len(b))
	}
	if a[0].Rev == b[0].Rev {
		t.Fatal("two edits in two copies got the same revision ID")
	}
	if a[1] != b[1] || a[2] != b[2] {
		t.Fatal("the copies no longer share their common ancestry")
	}
	if a[0].By != "Alice" || b[0].By != "Bob" || a[2].By != "Alice" {
		t.Fatalf("authors = %s, %s, %s; want Alice, Bob, Alice", a[0].By, b[0].By, a[2].By)
	}
}

func revisionsOf(t *testing.T, db *DB, id string) []revision {
	t.Helper()
	var revs []revision
	err := db.view(context.Background(), func(t *tx) error {
		key, _ := parseID("Claim", id)
		var rec claimRecord
		env, err := decodeEnvelope(t.Bucket(bucketClaims).Get(key), &rec)
		if env != nil {
			revs = env.Revisions
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

func TestIDsAreOrderedAndUnique(t *testing.T) {
	var a, b idSource
	seen := map[string]bool{}
	last := ""
	for i := 0; i < 10000; i++ {
		id := a.next(epoch).String() // a clock that stands still
		if id <= last {
			t.Fatalf("ID %s came after %s", id, last)
		}
		other := b.next(epoch).String()
		if seen[id] || seen[other] || id == other {
			t.Fatalf("ID minted twice: %s", id)
		}
		seen[id], seen[other], last = true, true, id
		if id[14] != '7' {
			t.Fatalf("%s is not a version 7 UUID", id)
		}
	}
}

func TestIncrementCarriesIntoTheTimestamp(t *testing.T) {
	var id [16]byte
	copy(id[:], bytes.Repeat([]byte{0xff}, 16))
	id[0], id[1], id[2], id[3], id[4], id[5] = 0, 0, 0, 0, 0, 1
	next := increment(id)
	if timestampOf(next) != 2 {
		t.Fatalf("timestamp after overflow = %d, want 2", timestampOf(next))
	}
}

func TestImportArticlesLeavesOutDuplicatesAndIsOneTransaction(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	mustImport(t, db)
	article := func(title, text string) *claims.Article {
		return &claims.Article{Title: title, Language: claims.LangFrench, Text: text}
	}
	claim := func(words string) []*claims.Claim {
		return []*claims.Claim{{Text: words, Kind: claims.KindEvent}}
	}
	batch := []*claims.ArticleImport{
		{Article: article("Nouveau", testText+" Un."), Claims: claim("la Chine alimentait la guerre")},
		{Article: article("Déjà là", testText)},
		{Article: article("Deux fois", testText+" Un.")},
	}
	if err := db.ImportArticles(as("Bob"), batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].Duplicate != "" || batch[0].Article.ID == "" || batch[0].Claims[0].ArticleID != batch[0].Article.ID {
		t.Errorf("the new article was not imported: %+v", batch[0])
	}
	if batch[1].Duplicate != "Visite de Poutine" || batch[2].Duplicate != "Nouveau" {
		t.Errorf("duplicates: %q and %q, want the titles already there", batch[1].Duplicate, batch[2].Duplicate)
	}
	failing := []*claims.ArticleImport{
		{Article: article("Bon", testText+" Deux.")},
		{Article: article("Mauvais", testText+" Trois."), Claims: claim("des mots absents")},
	}
	err := db.ImportArticles(as("Bob"), failing)
	if claims.ErrorCode(err) != claims.ENOTFOUND || !strings.Contains(claims.ErrorMessage(err), `"Mauvais"`) {
		t.Fatalf("a batch with a bad claim: %v", err)
	}
	if articles, _ := db.FindArticles(context.Background()); len(articles) != 2 {
		t.Errorf("%d articles after a failed batch, want the 2 before it", len(articles))
	}
}
