package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/store"

	bolt "go.etcd.io/bbolt"
)

// The two people of the worked case: the checker who drafts every verdict
// and the colleague who approves it, as the second-review rule requires.
var (
	checker  = claims.NewContext(context.Background(), "Alice Martin")
	reviewer = claims.NewContext(context.Background(), "Bruno Keller")
)

// workedSources are the three sources each claim of the worked case cites,
// each with an excerpt: an official figure, a press report and a think
// tank, the mix a desk attaches to a claim like the sample's.
var workedSources = []struct {
	typ         claims.SourceType
	publisher   string
	reliability claims.Reliability
	stance      claims.Stance
}{
	{claims.SourceReport, "Ministère de la Défense de Corée du Sud", claims.ReliabilityB, claims.StanceSupports},
	{claims.SourceArticle, "Reuters", claims.ReliabilityB, claims.StanceContext},
	{claims.SourceWebpage, "Institute for the Study of War", claims.ReliabilityC, claims.StanceRefutes},
}

// buildWorkedCase makes the sample case as a desk would leave it once every
// claim is checked: three sources each with an excerpt, a verdict with its
// rationale, a second person's approval and the publication, all through
// the public Store interface, one user action per call.
func buildWorkedCase(path string) (*store.DB, error) {
	db, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	article, found, err := assets.SampleCase()
	if err == nil {
		err = db.ImportArticle(checker, article, found)
	}
	for i, c := range found {
		if err != nil {
			break
		}
		err = workClaim(db, i, c)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func workClaim(st claims.Store, i int, c *claims.Claim) error {
	for j, w := range workedSources {
		s := &claims.Source{Type: w.typ, Title: fmt.Sprintf("%s : note %d sur l’affirmation %d", w.publisher, j+1, i+1),
			Publisher: w.publisher, URL: fmt.Sprintf("https://example.org/%d/%d", i+1, j+1), Reliability: w.reliability}
		e := &claims.Evidence{ClaimID: c.ID, Excerpt: "« " + c.Summary + " », selon le document consulté le 20 juin 2024.",
			Locator: fmt.Sprintf("p. %d", j+3), Stance: w.stance}
		if err := st.AddSourceWithEvidence(checker, s, e); err != nil {
			return fmt.Errorf("claim %d, source %d: %w", i+1, j+1, err)
		}
	}
	v := claims.Verdict{Rating: "trompeur",
		Explanation: "Le chiffre est exact mais présenté sans son contexte.",
		Rationale: "## Ce que dit l’article\n\n" + c.Text + "\n\n## Ce que disent les sources\n\n" +
			"Le rapport officiel confirme l’ordre de grandeur ; la dépêche le replace dans la durée ; " +
			"l’institut conteste la période retenue. Voir [le rapport](https://example.org/rapport)."}
	steps := []func() error{
		func() error { _, err := st.SetVerdict(checker, c.ID, v, "", ""); return err },
		func() error { _, err := st.SubmitForReview(checker, c.ID); return err },
		func() error {
			_, err := st.ReviewClaim(reviewer, c.ID, claims.Review{Decision: claims.DecisionApprove, Comment: "Sources vérifiées."})
			return err
		},
		func() error { _, err := st.PublishClaim(reviewer, c.ID); return err },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("claim %d: %w", i+1, err)
		}
	}
	return nil
}

// BenchmarkWorkedSample is S1: the worked sample case's compact copy, the
// size a checker e-mails, beside SQLite holding the same records (articles,
// claims with their verdicts and reviews, sources, evidence and every
// history event) in a compact copy of its own (VACUUM INTO).
func BenchmarkWorkedSample(b *testing.B) {
	dir := b.TempDir()
	db, err := buildWorkedCase(filepath.Join(dir, "worked.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.Run("claimdesk", func(b *testing.B) {
		var size int64
		for i := 0; b.Loop(); i++ {
			path := filepath.Join(dir, fmt.Sprintf("copy-%d.db", i))
			if err := db.SaveCopy(checker, path, claims.CopyOptions{}); err != nil {
				b.Fatal(err)
			}
			size = statSize(b, path)
		}
		b.ReportMetric(float64(size)/1e3, "KB")
		b.ReportMetric(float64(statSize(b, db.Path()))/1e3, "KB-working")
		floor, history := storedFloor(b, filepath.Join(dir, "copy-0.db"))
		b.ReportMetric(float64(floor)/1e3, "KB-floor")
		b.ReportMetric(float64(history)/1e3, "KB-history")
	})
	b.Run("sqlite", func(b *testing.B) {
		var size int64
		for i := 0; b.Loop(); i++ {
			path := filepath.Join(dir, fmt.Sprintf("sqlite-%d.db", i))
			copyPath := filepath.Join(dir, fmt.Sprintf("sqlite-copy-%d.db", i))
			if err := workedSQLite(db, path, copyPath); err != nil {
				b.Fatal(err)
			}
			size = statSize(b, copyPath)
		}
		b.ReportMetric(float64(size)/1e3, "KB")
	})
}

// storedFloor returns the least any bbolt file holding the same entries
// takes, whatever its pages: every key and value with the 16-byte header
// bbolt writes beside each, and the two meta pages and the freelist page;
// and of that, the history's share (its events and their indexes).
func storedFloor(b *testing.B, path string) (floor, history int) {
	b.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const elementHeader, fixedPages = 16, 3
	err = db.View(func(tx *bolt.Tx) error {
		floor = fixedPages * db.Info().PageSize
		return tx.ForEach(func(name []byte, bucket *bolt.Bucket) error {
			return bucket.ForEach(func(k, v []byte) error {
				n := elementHeader + len(k) + len(v)
				floor += n
				switch string(name) {
				case "events", "claim_events", "record_events":
					history += n
				}
				return nil
			})
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return floor, history
}

func statSize(b *testing.B, path string) int64 {
	b.Helper()
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return info.Size()
}

// workedSQLite writes what db holds into a new SQLite database with the
// benchmarks' schema and makes its compact copy at copyPath.
func workedSQLite(db *store.DB, path, copyPath string) error {
	ctx := context.Background()
	cf, err := db.FindCaseFile(ctx, claims.CaseFilter{})
	if err != nil {
		return err
	}
	events, err := db.FindEvents(ctx, claims.EventFilter{})
	if err != nil {
		return err
	}
	sq, err := openSQLite(path)
	if err != nil {
		return err
	}
	defer sq.Close()
	if _, err := sq.Exec(sqliteSchema + sqliteTriggers); err != nil {
		return err
	}
	tx, err := sq.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, write := range []func(*sql.Tx, *claims.CaseFile, []*claims.Event) error{sqArticles, sqClaims, sqSources, sqEvents} {
		if err := write(tx, cf, events); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return sqliteCopy(ctx, sq, copyPath)
}

func sqArticles(tx *sql.Tx, cf *claims.CaseFile, _ []*claims.Event) error {
	for _, a := range cf.Articles {
		if _, err := tx.Exec("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)", a.ID, a.Title, a.Outlet, a.URL,
			a.PublishedOn, a.Language, a.Text, a.TextSHA256, a.ImportedAt.Format(time.RFC3339Nano)); err != nil {
			return err
		}
	}
	return nil
}

func sqClaims(tx *sql.Tx, cf *claims.CaseFile, _ []*claims.Event) error {
	for _, c := range cf.Claims {
		body, err := json.Marshal(struct {
			Body        any
			Reviews     []claims.Review
			Corrections []claims.Correction
		}{bodyOf(c), c.Reviews, c.Corrections})
		if err != nil {
			return err
		}
		rating := ""
		if c.Verdict != nil {
			rating = c.Verdict.Rating
		}
		if _, err := tx.Exec("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", c.ID, c.ArticleID, string(c.Status),
			string(c.Kind), rating, c.Speaker.Name, c.Speaker.Organization, c.Summary, strings.Join(c.Tags, ","),
			c.Assignee, c.CheckWorthiness.Score, c.Meta.UpdatedAt.UnixMilli(), c.Text, string(body)); err != nil {
			return err
		}
	}
	for _, c := range cf.Claims {
		for _, e := range cf.Evidence[c.ID] {
			if _, err := tx.Exec("INSERT INTO evidence VALUES (?,?,?,?,?,?,?)", e.ID, e.ClaimID, e.SourceID, e.Excerpt,
				e.Locator, string(e.Stance), e.Note); err != nil {
				return err
			}
		}
	}
	return nil
}

func sqSources(tx *sql.Tx, cf *claims.CaseFile, _ []*claims.Event) error {
	for _, s := range cf.Sources {
		authors, _ := json.Marshal(s.Authors)
		if _, err := tx.Exec("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", s.ID, string(s.Type), s.Title,
			string(authors), s.Publisher, s.Issued, s.URL, s.DOI, s.Accessed, s.ArchiveURL, string(s.Reliability),
			s.Protected, s.Notes); err != nil {
			return err
		}
	}
	return nil
}

func sqEvents(tx *sql.Tx, _ *claims.CaseFile, events []*claims.Event) error {
	for _, e := range events {
		if _, err := tx.Exec("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", e.ID, e.At.Format(time.RFC3339Nano),
			e.Actor, e.Action, e.RecordType, e.RecordID, e.ClaimID, e.Summary, e.Before, e.After, e.Prev, e.Hash); err != nil {
			return err
		}
	}
	return nil
}
