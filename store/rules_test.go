package store

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// caseForRules is a case in one file: a published claim with its
// evidence, and a second claim in research.
type caseForRules struct {
	path                            string
	articleID, publishedID, otherID string
	evidenceID, sourceID            string
}

func newCaseForRules(t *testing.T) caseForRules {
	t.Helper()
	path := filepath.Join(t.TempDir(), "base.db")
	db := mustOpenPath(t, path, claims.LangFrench)
	c := publishFlow(t, db)
	src := &claims.Source{Type: claims.SourceWebpage, Title: "Département d'État", URL: "https://state.example/x", Reliability: claims.ReliabilityB}
	ev := &claims.Evidence{ClaimID: c.ID, Excerpt: "11 000 conteneurs", Stance: claims.StanceSupports}
	if err := db.AddSourceWithEvidence(as("Alice"), src, ev); err != nil {
		t.Fatal(err)
	}
	other := &claims.Claim{ArticleID: c.ArticleID, Text: "Jens Stoltenberg a déclaré", Kind: claims.KindQuote}
	if err := db.CreateClaim(as("Alice"), other); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MoveClaim(as("Alice"), other.ID, claims.StatusResearching); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return caseForRules{path, c.ArticleID, c.ID, other.ID, ev.ID, src.ID}
}

// forger edits a file's records with bbolt, as someone who knows the format
// would: each edit is a new revision of the record, so that a merge takes
// it as the later version.
type forger struct {
	t  *testing.T
	tx *bolt.Tx
}

func (f forger) revise(bucket []byte, id string, edit func(env map[string]any, data map[string]any)) {
	f.t.Helper()
	key := settingsKey
	if !bytes.Equal(bucket, bucketMeta) {
		var err error
		if key, err = parseID("Record", id); err != nil {
			f.t.Fatal(err)
		}
	}
	var env map[string]any
	if err := json.Unmarshal(jsonOf(f.t, f.tx.Bucket(bucket).Get(key)), &env); err != nil {
		f.t.Fatal(err)
	}
	data := env["data"].(map[string]any)
	edit(env, data)
	revs := env["revisions"].([]any)
	env["revisions"] = append([]any{map[string]any{"rev": newRevision(), "by": "Mallory", "at": time.Now().UTC()}}, revs...)
	raw, _ := json.Marshal(env)
	if err := f.tx.Bucket(bucket).Put(key, binaryOf(f.t, raw)); err != nil {
		f.t.Fatal(err)
	}
}

// addReview stores a review of claimID as the file stores one.
func (f forger) addReview(claimID string, rec reviewRecord, at time.Time) {
	f.t.Helper()
	claimKey, _ := parseID("Claim", claimID)
	var ids idSource
	key := ids.next(at)
	_, raw, err := newEnvelope("review", key.String(), at, rec.Reviewer, rec)
	if err != nil {
		f.t.Fatal(err)
	}
	if err := f.tx.Bucket(bucketReviews).Put(joinKey(claimKey, key[:]), raw); err != nil {
		f.t.Fatal(err)
	}
}

// forge applies edit to the file at path.
func forge(t *testing.T, path string, edit func(f forger)) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(func(tx *bolt.Tx) error { edit(forger{t, tx}); return nil }); err != nil {
		t.Fatal(err)
	}
}

// publishAsIf makes a claim published with a verdict, as no command did.
func publishAsIf(data map[string]any, author, revision string, at time.Time) {
	data["status"] = "published"
	data["verdict"] = map[string]any{"rating": "vrai", "explanation": "Vrai.", "author": author, "revision": revision, "updated_at": at}
	data["published_at"] = at
}

// Records from a copy or a dump that no sequence of commands could have
// made are refused, naming the record, and nothing of the merge or the
// restore is written; the file check reports the same states in a file.
func TestIncomingRecordsObeyTheCommandsRules(t *testing.T) {
	later := epoch.Add(time.Hour)
	tests := []struct {
		name                              string
		edit                              func(cs caseForRules, f forger)
		wantMerge, wantRestore, wantCheck string // "" when accepted, or not reported
	}{
		{
			name: "a published verdict rewritten without a correction",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketClaims, cs.publishedID, func(_, d map[string]any) { d["verdict"].(map[string]any)["rating"] = "faux" })
			},
			wantMerge: "became \"faux\" without a correction", wantRestore: "without a correction", wantCheck: "without a correction",
		},
		{
			name: "a claim published with no review",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketClaims, cs.otherID, func(_, d map[string]any) { publishAsIf(d, "Mallory", "r-1", later) })
			},
			wantMerge: "published without an approving review", wantRestore: "published without an approving review", wantCheck: "published without an approving review",
		},
		{
			name: "a claim approved by its own author while a second reviewer is required",
			edit: func(cs caseForRules, f forger) {
				f.addReview(cs.otherID, reviewRecord{Reviewer: "Mallory", Decision: "approve", VerdictRevision: "r-1", VerdictAuthor: "Mallory", Rating: "vrai"}, later.Add(-time.Minute))
				f.revise(bucketClaims, cs.otherID, func(_, d map[string]any) { publishAsIf(d, "Mallory", "r-1", later) })
			},
			wantMerge: "approved by Mallory, the author of its verdict", wantRestore: "approved by Mallory, the author", wantCheck: "approved by Mallory, the author",
		},
		{
			name: "a published claim moved back to research",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketClaims, cs.publishedID, func(_, d map[string]any) { d["status"] = "researching" })
			},
			wantMerge: "went from published to researching", wantRestore: "was published but is now researching", wantCheck: "was published but is now researching",
		},
		{
			name: "the frozen text of an article replaced",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketArticles, cs.articleID, func(_, d map[string]any) {
					text := strings.Replace(d["text"].(string), "11 000", "99 000", 1)
					d["text"], d["text_sha256"] = text, claims.TextHash(text)
				})
			},
			wantMerge: "articles are frozen", wantRestore: "not anchored", wantCheck: "not anchored",
		},
		{
			name: "an article deleted",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketArticles, cs.articleID, func(env, _ map[string]any) { env["deleted"] = true })
			},
			wantMerge: "was deleted, which no command does", wantRestore: "was deleted, which no command does", wantCheck: "was deleted, which no command does",
		},
		{
			name: "a source deleted",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketSources, cs.sourceID, func(env, _ map[string]any) { env["deleted"] = true })
			},
			wantMerge: "was deleted, which no command does", wantRestore: "was deleted, which no command does", wantCheck: "was deleted, which no command does",
		},
		{
			name: "the scale's false rated as true",
			edit: func(_ caseForRules, f forger) {
				f.revise(bucketMeta, "", func(_, d map[string]any) {
					ratings := d["scale"].(map[string]any)["ratings"].([]any)
					values := map[any]any{}
					for _, r := range ratings {
						r := r.(map[string]any)
						values[r["key"]] = r["value"]
					}
					for _, r := range ratings {
						if r := r.(map[string]any); r["key"] == "faux" {
							r["value"], r["color"] = values["vrai"], "#1a7f37"
						}
					}
				})
			},
			wantMerge: "rating scale changed",
		},
		{
			name: "evidence moved to another claim",
			edit: func(cs caseForRules, f forger) {
				f.revise(bucketEvidence, cs.evidenceID, func(_, d map[string]any) { d["claim_id"] = cs.otherID })
			},
			wantMerge: "moved to another claim or source",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := newCaseForRules(t)
			mallory := filepath.Join(t.TempDir(), "mallory.db")
			copyDB(t, cs.path, mallory)
			forge(t, mallory, func(f forger) { tt.edit(cs, f) })

			ours := mustOpenPath(t, cs.path, "")
			before := fileHash(t, cs.path)
			_, err := ours.Merge(as("Alice"), mallory)
			assertRefusal(t, "merge", err, tt.wantMerge)
			ours.Close()
			if fileHash(t, cs.path) != before {
				t.Error("the refused merge changed the file")
			}

			forged := mustOpenPath(t, mallory, "")
			dump := dumpOf(t, forged, claims.CaseFilter{})
			report, err := forged.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			forged.Close()
			restored := filepath.Join(t.TempDir(), "restored.db")
			db, err := Restore(context.Background(), restored, bytes.NewReader(dump), Options{})
			if err == nil {
				db.Close()
			}
			assertRefusal(t, "restore", err, tt.wantRestore)
			if problems := fmtProblems(report); tt.wantCheck != "" && !strings.Contains(problems, tt.wantCheck) {
				t.Errorf("the check of the forged file reports %s; want %q", problems, tt.wantCheck)
			}
		})
	}
}

func assertRefusal(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s refused what commands can make: %v", what, err)
	case want != "" && (claims.ErrorCode(err) != claims.EINVALID || !strings.Contains(claims.ErrorMessage(err), want)):
		t.Errorf("%s: %v; want EINVALID saying %q", what, err, want)
	}
}

func fmtProblems(r *claims.IntegrityReport) string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.String())
	}
	return "[" + strings.Join(out, " | ") + "]"
}
