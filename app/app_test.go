package app

import (
	"context"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The fixed data of these tests, with the accents a French newsroom uses.
var (
	testArticles = []*claims.Article{
		{ID: "a1", Title: "Retraites : le déficit atteindra-t-il vraiment 13,5 milliards d'euros ?"},
		{ID: "a2", Title: "Énergie : la France a-t-elle exporté un record d'électricité en 2024 ?"},
	}
	testSummaries = []claims.ClaimSummary{
		{ID: "c1", ArticleID: "a1", Status: claims.StatusToTriage, Speaker: "Agnès Lefèvre",
			Summary: "Le déficit des retraites atteindra 13,5 milliards d'euros en 2030."},
		{ID: "c2", ArticleID: "a1", Status: claims.StatusVerdictDrafted, Speaker: "François Dupré",
			Summary: "L'âge moyen de départ a reculé de deux ans depuis la réforme de 2010, d'après les chiffres réunis par la Drees et l'Insee à la fin de l'été."},
		{ID: "c3", ArticleID: "a2", Status: claims.StatusPublished, Speaker: "Hélène Gérard",
			Summary: "La France a exporté 89 TWh d'électricité en 2024, un record."},
	}
)

// recordingStore returns a fake that serves testArticles and testSummaries,
// filtering the summaries by article, and the filters it received.
func recordingStore() (*fakeStore, func() []claims.ClaimFilter) {
	var mu sync.Mutex
	var filters []claims.ClaimFilter
	fake := &fakeStore{
		FindArticlesFn: func(context.Context) ([]*claims.Article, error) {
			return testArticles, nil
		},
		FindClaimSummariesFn: func(_ context.Context, f claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
			mu.Lock()
			filters = append(filters, f)
			mu.Unlock()
			var out []claims.ClaimSummary
			for _, s := range testSummaries {
				if f.ArticleID == nil || *f.ArticleID == s.ArticleID {
					out = append(out, s)
				}
			}
			return out, len(out), nil
		},
	}
	received := func() []claims.ClaimFilter {
		mu.Lock()
		defer mu.Unlock()
		return append([]claims.ClaimFilter(nil), filters...)
	}
	return fake, received
}

// articleIDs returns the filters' ArticleID, "" for none.
func articleIDs(filters []claims.ClaimFilter) []string {
	var out []string
	for _, f := range filters {
		id := ""
		if f.ArticleID != nil {
			id = *f.ArticleID
		}
		out = append(out, id)
	}
	return out
}

// newTestUI builds the window over st in a 900x500 test window. Work that
// production runs with `go` still runs on its own goroutine, and the
// returned WaitGroup tells when it has finished.
func newTestUI(t *testing.T, st claims.Store) (*UI, fyne.Window, *sync.WaitGroup) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ui := New(w, st)
	w.Resize(fyne.NewSize(900, 500))
	var wg sync.WaitGroup
	ui.spawn = func(f func()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	return ui, w, &wg
}

// rendered returns the visible objects drawn for o, o first, using the
// renderers the canvas really uses (test.LaidOutObjects would make new ones,
// and a new list renderer has rows of its own).
func rendered(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	case *fyne.Container:
		children = o.Objects
	}
	for _, c := range children {
		out = append(out, rendered(c)...)
	}
	return out
}

// byY sorts objects from top to bottom on the screen.
func byY[T fyne.CanvasObject](objs []T) []T {
	d := fyne.CurrentApp().Driver()
	sort.SliceStable(objs, func(i, j int) bool {
		return d.AbsolutePositionForObject(objs[i]).Y < d.AbsolutePositionForObject(objs[j]).Y
	})
	return objs
}

// articleRows returns the titles the article list shows, top to bottom.
func articleRows(ui *UI) []string {
	var labels []*widget.Label
	for _, o := range rendered(ui.articleList) {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l)
		}
	}
	var out []string
	for _, l := range byY(labels) {
		out = append(out, l.Text)
	}
	return out
}

// shownClaimRows returns the rows the claim list draws, top to bottom.
func shownClaimRows(ui *UI) []*claimRow {
	var rows []*claimRow
	for _, o := range rendered(ui.claimList) {
		if r, ok := o.(*claimRow); ok {
			rows = append(rows, r)
		}
	}
	return byY(rows)
}

// claimRows returns what the claim list shows, top to bottom, one
// "status | speaker | summary" string a row.
func claimRows(ui *UI) []string {
	var out []string
	for _, r := range shownClaimRows(ui) {
		out = append(out, r.status.Text+" | "+r.speaker.Text+" | "+r.summary.Text)
	}
	return out
}

// checkColumns fails unless the claim rows line up: in every row the
// status and speaker have room for their whole text, the three labels do
// not overlap, and each column starts where it does in the first row. The
// status column is no wider than the widest status shown needs.
func checkColumns(t *testing.T, ui *UI) {
	t.Helper()
	rows := shownClaimRows(ui)
	var statusWidth float32
	for _, r := range rows {
		statusWidth = max(statusWidth, widget.NewLabel(r.status.Text).MinSize().Width)
	}
	for i, r := range rows {
		if w := r.status.Size().Width; w > statusWidth+2 {
			t.Errorf("row %d: status column is %v wide, want about %v", i, w, statusWidth)
		}
		cells := []*widget.Label{r.status, r.speaker, r.summary}
		for j, l := range cells {
			if j < 2 && l.Size().Width < widget.NewLabel(l.Text).MinSize().Width {
				t.Errorf("row %d: %q is %v wide, too narrow for its text", i, l.Text, l.Size().Width)
			}
			if j > 0 && cells[j-1].Position().X+cells[j-1].Size().Width > l.Position().X {
				t.Errorf("row %d: %q overlaps %q", i, cells[j-1].Text, l.Text)
			}
			if x0 := []*widget.Label{rows[0].status, rows[0].speaker, rows[0].summary}[j].Position().X; l.Position().X != x0 {
				t.Errorf("row %d: %q starts at x=%v, row 0's column at x=%v", i, l.Text, l.Position().X, x0)
			}
		}
	}
}

// dialogTexts returns the label texts of the top overlay, or nil without one.
func dialogTexts(w fyne.Window) []string {
	var out []string
	for _, o := range rendered(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadShowsArticlesAndClaims(t *testing.T) {
	fake, received := recordingStore()
	ui, w, _ := newTestUI(t, fake)

	ui.Load()

	wantArticles := []string{testArticles[0].Title, testArticles[1].Title}
	if got := articleRows(ui); !reflect.DeepEqual(got, wantArticles) {
		t.Errorf("article rows = %q, want %q", got, wantArticles)
	}
	wantClaims := []string{
		"to triage | Agnès Lefèvre | " + testSummaries[0].Summary,
		"verdict drafted | François Dupré | " + testSummaries[1].Summary,
		"published | Hélène Gérard | " + testSummaries[2].Summary,
	}
	if got := claimRows(ui); !reflect.DeepEqual(got, wantClaims) {
		t.Errorf("claim rows = %q, want %q", got, wantClaims)
	}
	checkColumns(t, ui)
	if got, want := ui.status.Text, "3 claim(s)"; got != want {
		t.Errorf("status bar = %q, want %q", got, want)
	}
	if got, want := ui.claimsHeader.Text, "Claims"; got != want {
		t.Errorf("claims header = %q, want %q", got, want)
	}
	if got, want := articleIDs(received()), []string{""}; !reflect.DeepEqual(got, want) {
		t.Errorf("filters' ArticleIDs = %q, want %q (one, without an article)", got, want)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("unexpected overlay: %q", dialogTexts(w))
	}
}

func TestSelectArticleShowsOnlyItsClaims(t *testing.T) {
	fake, received := recordingStore()
	ui, _, wg := newTestUI(t, fake)
	ui.Load()

	// Hold the store's answer until Select has returned: the store call
	// must not run on the goroutine that selects (the UI goroutine).
	serve := fake.FindClaimSummariesFn
	release := make(chan struct{})
	fake.FindClaimSummariesFn = func(ctx context.Context, f claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
			t.Error("the store was called on the goroutine that selected the article")
		}
		return serve(ctx, f)
	}
	ui.articleList.Select(1)
	if got, want := ui.status.Text, "3 claim(s)"; got != want {
		t.Errorf("status bar before the store answered = %q, want %q", got, want)
	}
	close(release)
	wg.Wait()

	if got, want := articleIDs(received()), []string{"", "a2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("filters' ArticleIDs = %q, want %q (all, then a2)", got, want)
	}
	want := []string{"published | Hélène Gérard | " + testSummaries[2].Summary}
	if got := claimRows(ui); !reflect.DeepEqual(got, want) {
		t.Errorf("claim rows = %q, want %q", got, want)
	}
	checkColumns(t, ui)
	if got, want := ui.status.Text, "1 claim(s)"; got != want {
		t.Errorf("status bar = %q, want %q", got, want)
	}
	if got, want := ui.claimsHeader.Text, "Claims in “"+testArticles[1].Title+"”"; got != want {
		t.Errorf("claims header = %q, want %q", got, want)
	}
	if ui.selectedFrom != "a2" {
		t.Errorf("selectedFrom = %q, want a2", ui.selectedFrom)
	}
}

func TestLateAnswerForEarlierSelectionIsDropped(t *testing.T) {
	fake, received := recordingStore()
	ui, _, _ := newTestUI(t, fake)
	var pending []func()
	ui.spawn = func(f func()) { pending = append(pending, f) }
	ui.Load()

	ui.articleList.Select(0)
	ui.articleList.Select(1)
	if len(pending) != 2 {
		t.Fatalf("%d loads started, want 2", len(pending))
	}
	pending[1]() // the store answers for a2 first,
	pending[0]() // then for a1

	if got, want := articleIDs(received()), []string{"", "a2", "a1"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("filters' ArticleIDs = %q, want %q", got, want)
	}
	want := []string{"published | Hélène Gérard | " + testSummaries[2].Summary}
	if got := claimRows(ui); !reflect.DeepEqual(got, want) {
		t.Errorf("claim rows = %q, want a2's %q", got, want)
	}
	if got, want := ui.status.Text, "1 claim(s)"; got != want {
		t.Errorf("status bar = %q, want %q", got, want)
	}
}

func TestLoadErrorShowsDialog(t *testing.T) {
	storeErr := claims.Errorf(claims.ECONFLICT, "The database is open in another window.")
	tests := []struct {
		name string
		fake *fakeStore
	}{
		{"articles", &fakeStore{
			FindArticlesFn: func(context.Context) ([]*claims.Article, error) { return nil, storeErr },
		}},
		{"claims", &fakeStore{
			FindArticlesFn: func(context.Context) ([]*claims.Article, error) { return testArticles, nil },
			FindClaimSummariesFn: func(context.Context, claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
				return nil, 0, storeErr
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ui, w, _ := newTestUI(t, tt.fake)

			ui.Load()

			if w.Canvas().Overlays().Top() == nil {
				t.Fatal("no dialog shown")
			}
			texts := dialogTexts(w)
			if want := claims.ErrorMessage(storeErr); !contains(texts, want) {
				t.Errorf("dialog texts = %q, want one to be %q", texts, want)
			}
			if !contains(texts, "Error") {
				t.Errorf("dialog texts = %q, want the title Error", texts)
			}
			if got := claimRows(ui); len(got) != 0 {
				t.Errorf("claim rows = %q, want none", got)
			}
			if got, want := ui.status.Text, "Loading…"; got != want {
				t.Errorf("status bar = %q, want %q", got, want)
			}
		})
	}
}

func TestMainWindowMarkup(t *testing.T) {
	fake, _ := recordingStore()
	ui, w, _ := newTestUI(t, fake)

	ui.Load()

	test.AssertRendersToMarkup(t, "main_window.xml", w.Canvas())
}
