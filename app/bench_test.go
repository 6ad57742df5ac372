package app

import (
	"fmt"
	"testing"
	"time"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkScrollStep scrolls a claim list of 100,000 rows one step at a
// time in the headless driver. Rows are bound from the summaries in memory:
// a row update never reads the database.
func BenchmarkScrollStep(b *testing.B) {
	st := sampleStore(b)
	a := test.NewTempApp(b)
	a.Preferences().SetString(prefReviewer, "Bench")
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	ui := New(a, w, st, Options{Path: "bench.db"})
	ui.spawn = func(f func()) { f() }
	ui.Load()
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
