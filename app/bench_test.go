package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// benchUI is the window on st at 1280×800 in the headless driver, signed,
// with the store's work run at once.
func benchUI(b *testing.B, st claims.Store) *UI {
	a := test.NewTempApp(b)
	a.Preferences().SetString(prefReviewer, "Bench")
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	ui := New(a, w, st, Options{Path: "bench.db"})
	ui.spawn = func(f func()) { f() }
	ui.Load()
	return ui
}

// BenchmarkScrollStep scrolls a claim list of 100,000 rows one step at a
// time in the headless driver. Rows are bound from the summaries in memory:
// a row update never reads the database.
func BenchmarkScrollStep(b *testing.B) {
	ui := benchUI(b, sampleStore(b))
	rows := make([]claims.ClaimSummary, 100_000)
	for i := range rows {
		rows[i] = claims.ClaimSummary{ID: fmt.Sprint(i), Summary: fmt.Sprintf("Selon le rapport %d, plus de 11 000 conteneurs", i),
			Status: claims.StatusToTriage, Speaker: "Jens Stoltenberg", CheckWorthiness: 0.8}
	}
	ui.list.rows = rows
	ui.list.list.Refresh()
	const step = 62 // about one row
	offset := float32(0)
	start := time.Now()
	steps := 0
	for b.Loop() {
		offset += step
		ui.list.list.ScrollToOffset(offset)
		steps++
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(steps), "ms/step")
}

// BenchmarkSearchKeystroke types queries into the search box of a window on
// 100,000 claims, a key at a time, and times each key from the box's change
// to the list showing the matching rows (the store's work run at once, as
// the tests run it). A query's first letter matches the most claims.
func BenchmarkSearchKeystroke(b *testing.B) {
	ui := benchUI(b, searchStore(b))
	var keys []time.Duration
	for b.Loop() {
		for _, query := range []string{"missiles", "coree conteneurs", "stoltenberg"} {
			for i := range query {
				start := time.Now()
				ui.list.search.SetText(query[:i+1])
				keys = append(keys, time.Since(start))
			}
			ui.list.search.SetText("")
		}
	}
	slices.Sort(keys)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(keys[len(keys)/2]), "p50-ms")
	b.ReportMetric(ms(keys[len(keys)*95/100]), "p95-ms")
	b.ReportMetric(ms(keys[len(keys)-1]), "max-ms")
}

// searchStore builds 100,000 claims in 1,000 articles, in one bulk import;
// one claim in ten is about missiles, one in five names Stoltenberg.
func searchStore(b *testing.B) claims.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "search.db"), store.Options{Language: claims.LangFrench})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	var batch []*claims.ArticleImport
	for i := range 1000 {
		var text strings.Builder
		var list []*claims.Claim
		for j := range 100 {
			s := fmt.Sprintf("Selon le rapport %d, la Corée du Nord a livré %d conteneurs de munitions.", i, j*1000+i)
			switch {
			case j%10 == 0:
				s = fmt.Sprintf("Le rapport %d compte %d missiles balistiques tirés.", i, j+i)
			case j%5 == 1:
				s = fmt.Sprintf("Jens Stoltenberg a cité le chiffre de %d obus dans le rapport %d.", j*100+i, i)
			}
			text.WriteString(s + " ")
			list = append(list, &claims.Claim{Text: s, Kind: claims.KindStatistic, Tags: []string{"munitions"}})
		}
		batch = append(batch, &claims.ArticleImport{Article: &claims.Article{Title: fmt.Sprintf("Article %d", i),
			Language: claims.LangFrench, Text: text.String()}, Claims: list})
	}
	if err := st.ImportArticles(claims.NewContext(context.Background(), "Bench"), batch); err != nil {
		b.Fatal(err)
	}
	return st
}
