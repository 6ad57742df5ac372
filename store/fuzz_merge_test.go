package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// FuzzMergeMutatedCopy makes two copies of one database, edits each at
// random as fact-checkers would, then mutates one copy as a hostile
// colleague could: fields of its records rewritten as new revisions, and
// bytes of the file flipped. The mutated copy is merged into the other.
// A merge may refuse the copy, and must then leave the file as it was;
// what it accepts must leave a file that, when the check calls it sound,
// holds every invariant the oracle below states on its own terms. The
// input only seeds the choices, so any input is a valid one.
//
// CI runs it for a short time (make fuzz-short); by hand, for longer:
//
//	go test ./store -run '^$' -fuzz FuzzMergeMutatedCopy -fuzztime 10m
func FuzzMergeMutatedCopy(f *testing.F) {
	for _, seed := range []string{"", "a", "published", "mutate-bytes", "conflict", "verdict-forged", "delete"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		sum := sha256.Sum256(input)
		rng := rand.New(rand.NewChaCha8(sum))
		mergeMutated(t, rng)
	})
}

func mergeMutated(t *testing.T, rng *rand.Rand) {
	dir := t.TempDir()
	basePath, alicePath, bobPath := filepath.Join(dir, "base.db"), filepath.Join(dir, "alice.db"), filepath.Join(dir, "bob.db")
	base, err := Open(basePath, Options{Now: tickingClock()})
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, base, "plus de 11 000 conteneurs de munitions", "premier voyage en Corée du Nord")
	base.Close()
	copyDB(t, basePath, alicePath)
	copyDB(t, basePath, bobPath)
	for _, c := range []struct{ path, name string }{{alicePath, "Alice"}, {bobPath, "Bob"}} {
		db, err := Open(c.path, Options{Now: tickingClock()})
		if err != nil {
			t.Fatal(err)
		}
		w := workflowEditor{t: t, db: db, rng: rng, name: c.name}
		for range 1 + rng.IntN(8) {
			w.edit()
		}
		db.Close()
	}
	mutateCopy(t, bobPath, rng)

	before := fileHash(t, alicePath)
	kept := recordKeys(t, alicePath)
	alice, err := Open(alicePath, Options{Now: tickingClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer alice.Close()
	_, mergeErr := alice.Merge(as("Alice"), bobPath)
	if mergeErr != nil {
		if claims.ErrorCode(mergeErr) == claims.EINTERNAL {
			t.Fatalf("the merge failed without saying why: %v", mergeErr)
		}
		alice.Close()
		if fileHash(t, alicePath) != before {
			t.Fatalf("a refused merge (%v) changed the file", mergeErr)
		}
		return
	}
	report, err := alice.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !report.OK() {
		return // the check says what is wrong: nobody is misled
	}
	if broken := invariantsBroken(t, alice, kept); broken != "" {
		t.Fatalf("the check calls the merged file sound, but %s", broken)
	}
}

// workflowEditor makes random edits through the commands, the workflow's
// sign-off included.
type workflowEditor struct {
	t    *testing.T
	db   *DB
	rng  *rand.Rand
	name string
}

func (w workflowEditor) edit() {
	ctx := as(w.name)
	sums, _, _ := w.db.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
	if len(sums) == 0 {
		return
	}
	id := sums[w.rng.IntN(len(sums))].ID
	var err error
	switch w.rng.IntN(8) {
	case 0:
		_, err = w.db.UpdateClaim(ctx, id, claims.ClaimUpdate{Tags: &[]string{fmt.Sprintf("%s-%d", w.name, w.rng.IntN(100))}})
	case 1:
		rating := []string{"vrai", "faux", "trompeur"}[w.rng.IntN(3)]
		_, err = w.db.SetVerdict(ctx, id, claims.Verdict{Rating: rating, Explanation: "Selon " + w.name + "."}, "raison", "")
	case 2:
		_, err = w.db.ReviewClaim(as("Reviewer"), id, claims.Review{Decision: claims.DecisionApprove})
	case 3:
		_, err = w.db.PublishClaim(as("Reviewer"), id)
	case 4:
		src := &claims.Source{Type: claims.SourceWebpage, Title: "Source de " + w.name, Reliability: claims.ReliabilityC, Protected: w.rng.IntN(2) == 0}
		err = w.db.AddSourceWithEvidence(ctx, src, &claims.Evidence{ClaimID: id, Excerpt: w.name, Stance: claims.StanceContext})
	case 5:
		_, err = w.db.MoveClaim(ctx, id, claims.StatusResearching)
	case 6:
		err = w.db.DeleteClaim(ctx, id)
	case 7:
		_, err = w.db.ReviewClaim(as("Reviewer"), id, claims.Review{Decision: claims.DecisionRequestChanges, Comment: "À revoir."})
	}
	if err != nil && claims.ErrorCode(err) != claims.ECONFLICT && claims.ErrorCode(err) != claims.ENOTFOUND {
		w.t.Fatalf("%s's edit: %v", w.name, err)
	}
}

// fieldMutations rewrite a field of a record's data as a hostile colleague
// would; each is a new revision, so that a merge takes it.
var fieldMutations = []struct {
	bucket []byte
	edit   func(rng *rand.Rand, env, data map[string]any)
}{
	{bucketClaims, func(rng *rand.Rand, _, d map[string]any) {
		d["status"] = claims.Statuses[rng.IntN(len(claims.Statuses))]
	}},
	{bucketClaims, func(rng *rand.Rand, _, d map[string]any) {
		d["verdict"] = map[string]any{"rating": []string{"vrai", "faux"}[rng.IntN(2)], "explanation": "Forgé.", "author": "Mallory",
			"revision": "forged", "updated_at": epoch.Add(time.Hour)}
	}},
	{bucketClaims, func(_ *rand.Rand, _, d map[string]any) { d["published_at"] = epoch.Add(time.Hour) }},
	{bucketClaims, func(_ *rand.Rand, _, d map[string]any) { d["text"] = "des mots qui ne sont pas dans l'article" }},
	{bucketClaims, func(rng *rand.Rand, _, d map[string]any) {
		anchor := d["anchor"].(map[string]any)
		anchor["start"] = anchor["start"].(float64) + float64(1+rng.IntN(3))
	}},
	{bucketClaims, func(_ *rand.Rand, env, _ map[string]any) { env["deleted"] = true }},
	{bucketArticles, func(_ *rand.Rand, env, _ map[string]any) { env["deleted"] = true }},
	{bucketArticles, func(_ *rand.Rand, _, d map[string]any) { d["title"] = "Un autre titre" }},
	{bucketArticles, func(_ *rand.Rand, _, d map[string]any) { d["text"] = "Un autre texte." }},
	{bucketEvidence, func(_ *rand.Rand, _, d map[string]any) { d["claim_id"] = "01900000-0000-7000-8000-000000000000" }},
	{bucketSources, func(_ *rand.Rand, env, _ map[string]any) { env["deleted"] = true }},
	{bucketSources, func(_ *rand.Rand, _, d map[string]any) { d["protected"] = false }},
}

// mutateCopy rewrites fields of the copy at path, then maybe flips bytes.
func mutateCopy(t *testing.T, path string, rng *rand.Rand) {
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		for range rng.IntN(4) {
			mutateField(tx, rng)
		}
		if rng.IntN(3) == 0 {
			forgeReview(tx, rng)
		}
		return nil
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	if rng.IntN(4) == 0 {
		flipBytes(t, path, rng)
	}
}

func mutateField(tx *bolt.Tx, rng *rand.Rand) {
	m := fieldMutations[rng.IntN(len(fieldMutations))]
	bucket := tx.Bucket(m.bucket)
	keys := [][]byte{}
	_ = bucket.ForEach(func(k, _ []byte) error {
		keys = append(keys, bytes.Clone(k))
		return nil
	})
	if len(keys) == 0 {
		return
	}
	key := keys[rng.IntN(len(keys))]
	var env map[string]any
	if json.Unmarshal(bucket.Get(key), &env) != nil {
		return
	}
	data, ok := env["data"].(map[string]any)
	if !ok {
		return
	}
	m.edit(rng, env, data)
	revs, _ := env["revisions"].([]any)
	env["revisions"] = append([]any{map[string]any{"rev": newRevision(), "by": "Mallory", "at": epoch.Add(time.Hour)}}, revs...)
	raw, _ := json.Marshal(env)
	_ = bucket.Put(key, raw)
}

// forgeReview adds an approval of a random claim by its verdict's author.
func forgeReview(tx *bolt.Tx, rng *rand.Rand) {
	k, _ := tx.Bucket(bucketClaims).Cursor().First()
	if k == nil || rng.IntN(2) == 0 {
		return
	}
	claimKey := bytes.Clone(k)
	var ids idSource
	key := ids.next(epoch.Add(30 * time.Minute))
	rec := reviewRecord{Reviewer: "Mallory", Decision: "approve", VerdictRevision: "forged", VerdictAuthor: "Mallory", Rating: "vrai"}
	_, raw, err := newEnvelope("review", key.String(), epoch.Add(30*time.Minute), "Mallory", rec)
	if err == nil {
		_ = tx.Bucket(bucketReviews).Put(joinKey(claimKey, key[:]), raw)
	}
}

// flipBytes changes a few bytes of the file past its meta pages.
func flipBytes(t *testing.T, path string, rng *rand.Rand) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for range 1 + rng.IntN(8) {
		i := 2*4096 + rng.IntN(len(raw)-2*4096)
		raw[i] ^= byte(1 + rng.IntN(255))
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// recordKeys lists the keys of the records of the file at path.
func recordKeys(t *testing.T, path string) []string {
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var keys []string
	_ = b.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketArticles, bucketSources, bucketClaims, bucketEvidence, bucketReviews, bucketCorrections, bucketEvents} {
			_ = tx.Bucket(name).ForEach(func(k, _ []byte) error {
				keys = append(keys, string(name)+" "+string(k))
				return nil
			})
		}
		return nil
	})
	return keys
}

// invariantsBroken states, apart from the code under test, what a file
// must hold, and returns the first that it does not, or "".
func invariantsBroken(t *testing.T, db *DB, kept []string) string {
	ctx := context.Background()
	if lost := lostRecords(t, db, kept); lost != "" {
		return "the merge lost " + lost
	}
	if check, err := db.VerifyHistory(ctx); err != nil || !check.OK() {
		return fmt.Sprintf("its history does not verify (%v)", err)
	}
	settings, err := db.Settings(ctx)
	if err != nil {
		return "its settings cannot be read"
	}
	articles := map[string]*claims.Article{}
	all, _, err := db.FindClaims(ctx, claims.ClaimFilter{Deleted: true})
	if err != nil {
		return "its claims cannot be read: " + err.Error()
	}
	for _, c := range all {
		a := articles[c.ArticleID]
		if a == nil {
			if a, err = db.FindArticleByID(ctx, c.ArticleID); err != nil {
				return fmt.Sprintf("the claim %s's article is gone (%v)", c.ID, err)
			}
			articles[c.ArticleID] = a
		}
		full, err := withChildren(db, c.ID)
		if err != nil {
			return "a claim cannot be read: " + err.Error()
		}
		if broken := claimBroken(full, a, settings.RequireSecondReviewer); broken != "" {
			return fmt.Sprintf("the claim %s %s", c.ID, broken)
		}
	}
	return evidenceBroken(ctx, db, all)
}

// withChildren reads a claim, tombstone or not, with its reviews and
// corrections.
func withChildren(db *DB, id string) (*claims.Claim, error) {
	var c *claims.Claim
	err := db.view(context.Background(), func(t *tx) error {
		key, err := parseID("Claim", id)
		if err != nil {
			return err
		}
		c, err = t.claimWithChildren(t.Bucket(bucketClaims).Get(key))
		return err
	})
	return c, err
}

func lostRecords(t *testing.T, db *DB, kept []string) string {
	have := map[string]bool{}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		for _, k := range kept {
			name, key, _ := strings.Cut(k, " ")
			if tx.Bucket([]byte(name)).Get([]byte(key)) != nil {
				have[k] = true
			}
		}
		return nil
	})
	for _, k := range kept {
		if !have[k] {
			return fmt.Sprintf("the record %x", k)
		}
	}
	return ""
}

// claimBroken is the oracle for one claim.
func claimBroken(c *claims.Claim, a *claims.Article, second bool) string {
	if !strings.Contains(a.Text, c.Text) || utf8Slice(a.Text, c.Anchor.Start, c.Anchor.End) != c.Text {
		return "is not cut out of its article's words"
	}
	public := c.Status == claims.StatusPublished || c.Status == claims.StatusCorrected
	if !public {
		if !c.PublishedAt.IsZero() {
			return "was published and is no longer"
		}
		return ""
	}
	if c.Verdict == nil {
		return "is published without a verdict"
	}
	approved := false
	for _, r := range c.Reviews {
		if r.Decision == claims.DecisionApprove && !r.At.After(c.PublishedAt) &&
			!(second && (strings.EqualFold(r.Reviewer, r.VerdictAuthor) || r.VerdictRevision == c.Verdict.Revision && strings.EqualFold(r.Reviewer, c.Verdict.Author))) {
			approved = true
		}
	}
	if !approved {
		return fmt.Sprintf("is published with no approval by a second person (verdict %+v, published %v, reviews %+v)", *c.Verdict, c.PublishedAt, c.Reviews)
	}
	if n := len(c.Corrections); n > 0 && c.Corrections[n-1].NewRating != c.Verdict.Rating {
		return "has a rating its corrections do not account for"
	}
	return ""
}

func utf8Slice(s string, start, end int) string {
	r := []rune(s)
	if start < 0 || end > len(r) || start > end {
		return ""
	}
	return string(r[start:end])
}

func evidenceBroken(ctx context.Context, db *DB, all []*claims.Claim) string {
	for _, c := range all {
		list, err := db.FindEvidence(ctx, c.ID)
		if err != nil {
			continue
		}
		for _, e := range list {
			if e.ClaimID != c.ID {
				return fmt.Sprintf("the evidence %s is listed under a claim it does not cite", e.ID)
			}
			if _, err := db.FindSourceByID(ctx, e.SourceID); err != nil {
				return fmt.Sprintf("the evidence %s cites a source that is gone", e.ID)
			}
		}
	}
	return ""
}
