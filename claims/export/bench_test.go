package export_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/export"
	"claimdesk/store"
)

const (
	benchArticles   = 100
	benchPerArticle = 100 // 10,000 claims
	benchEvidence   = 10  // claims per article with evidence
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchDB builds, once per run, a database of 10,000 published claims with
// verdicts and rationales, a source per article and evidence on one claim in
// ten. Setup time is not measured.
func benchDB(b *testing.B) claims.Store {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := filepath.Abs(b.TempDir() + "-export-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.db")
		benchErr = fillBenchDB(benchPath)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	st, err := store.Open(benchPath, store.Options{SkipDeepCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func fillBenchDB(path string) error {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := claims.NewContext(context.Background(), "Bench")
	org, base := "Vérif Desk", "https://verif.example.fr/archive"
	if _, err := st.UpdateSettings(ctx, claims.SettingsUpdate{Organization: &org, BaseURL: &base}); err != nil {
		return err
	}
	for i := 0; i < benchArticles; i++ {
		a, list := benchArticle(i)
		if err := st.ImportArticle(ctx, a, list); err != nil {
			return err
		}
		src := &claims.Source{Type: claims.SourceReport, Title: fmt.Sprintf("Rapport du ministère n° %d", i), Publisher: "Ministère",
			URL: fmt.Sprintf("https://ministere.example.fr/rapport/%d", i), ArchiveURL: fmt.Sprintf("https://web.archive.org/web/2024/https://ministere.example.fr/rapport/%d", i),
			Accessed: "2026-11-20", Reliability: claims.ReliabilityB}
		if err := st.CreateSource(ctx, src); err != nil {
			return err
		}
		for j := 0; j < benchEvidence; j++ {
			e := &claims.Evidence{ClaimID: list[j*benchPerArticle/benchEvidence].ID, SourceID: src.ID,
				Excerpt: "Le ministère confirme le chiffre de plus de 11 000 conteneurs.", Locator: "p. 4", Stance: claims.StanceSupports}
			if err := st.AttachEvidence(ctx, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// benchArticle returns an article of benchPerArticle sentences, each a
// published claim with its verdict.
func benchArticle(i int) (*claims.Article, []*claims.Claim) {
	var text strings.Builder
	var sentences []string
	for j := 0; j < benchPerArticle; j++ {
		s := fmt.Sprintf("Selon le rapport %d, plus de %d conteneurs de munitions ont été livrés, a déclaré le porte-parole.", i, j*1000+i)
		sentences = append(sentences, s)
		text.WriteString(s + " ")
	}
	a := &claims.Article{Title: fmt.Sprintf("Article %d : la Corée du Nord et la Russie", i), Outlet: "Le Quotidien",
		URL: fmt.Sprintf("https://quotidien.example.fr/%d", i), PublishedOn: "2024-06-19", Language: claims.LangFrench, Text: text.String()}
	published := time.Date(2024, 7, 1, 10, 0, 0, 0, time.UTC)
	list := make([]*claims.Claim, len(sentences))
	for j, s := range sentences {
		list[j] = &claims.Claim{
			Text: s, Kind: claims.KindStatistic, Status: claims.StatusPublished, Tags: []string{"munitions", "corée du nord"},
			Speaker:   claims.Speaker{Name: fmt.Sprintf("Porte-parole %d", j%50), Role: "porte-parole", Organization: "Ministère"},
			ClaimDate: "2024-06-18", PublishedAt: published,
			Verdict: &claims.Verdict{Rating: "plutot-vrai", Explanation: "Le chiffre vient d’un rapport officiel, sans confirmation indépendante.",
				Rationale: "Le **ministère** publie ce chiffre chaque mois.\n\n- Rapport officiel\n- Pas d’image satellite", Author: "Alice Martin", Revision: "r1", UpdatedAt: published},
		}
	}
	return a, list
}

// BenchmarkExport10kClaims exports the 10,000 claims in every format,
// reading them from the file each time, as File > Export does.
func BenchmarkExport10kClaims(b *testing.B) {
	st := benchDB(b)
	for _, format := range export.Formats {
		b.Run(string(format), func(b *testing.B) {
			req := export.Request{Format: format}
			var written int64
			for b.Loop() {
				w := &countingWriter{}
				if err := export.Write(context.Background(), st, w, req); err != nil {
					b.Fatal(err)
				}
				written = w.n
			}
			b.ReportMetric(float64(written)/1e6, "MB")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/export")
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// The CSV of every claim, streamed from the store an article at a time, is
// the CSV of the whole case file read at once: the same rows, numbered the
// same across articles.
func TestStreamedCSVIsTheWholeReportsCSV(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "two.db"), store.Options{Language: claims.LangFrench})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := claims.NewContext(context.Background(), "Alice")
	for i := range 3 {
		a, list := benchArticle(i)
		if err := st.ImportArticle(ctx, a, list[:3+i]); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, filter := range []claims.CaseFilter{{}, {PublishedOnly: true}} {
		var streamed bytes.Buffer
		if err := export.Write(context.Background(), st, &streamed, export.Request{Format: export.CSV, Filter: filter, Now: now}); err != nil {
			t.Fatal(err)
		}
		cf, err := st.FindCaseFile(context.Background(), filter)
		if err != nil {
			t.Fatal(err)
		}
		var whole bytes.Buffer
		if err := export.WriteCSVOf(&whole, cf, filter, now, ""); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() || strings.Count(whole.String(), "\r\n") != 1+3+4+5 {
			t.Errorf("streamed:\n%s\nwhole:\n%s", streamed.String(), whole.String())
		}
	}
}
