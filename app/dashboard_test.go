package app

import (
	"context"
	"fmt"
	"image/color"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"claimdesk/claims"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dashScale is a small rating scale for the counting tests.
var dashScale = claims.RatingScale{Key: "test", Name: "Test", Best: 5, Worst: 1, Ratings: []claims.Rating{
	{Key: "true", Label: "True", Value: 5, Color: "#1a9850"},
	{Key: "false", Label: "False", Value: 1, Color: "#d73027"},
}}

// barCounts returns bars as "label=count" strings.
func barCounts(bars []chartBar) []string {
	var out []string
	for _, b := range bars {
		out = append(out, fmt.Sprintf("%s=%d", b.label, b.count))
	}
	return out
}

// statusCounts is the status chart's "label=count" strings with the given
// counts in claims.Statuses order, which the test lists in full.
func statusCounts(n ...int) []string {
	var out []string
	for i, st := range claims.Statuses {
		out = append(out, fmt.Sprintf("%s=%d", statusName(st), n[i]))
	}
	return out
}

func TestCountClaims(t *testing.T) {
	summary := func(status claims.Status, rating string, deleted bool) claims.ClaimSummary {
		return claims.ClaimSummary{Status: status, Rating: rating, Deleted: deleted}
	}
	tests := []struct {
		name                    string
		summaries               []claims.ClaimSummary
		total, published, toDo  int
		wantStatus, wantRatings []string
	}{
		{
			name:        "none",
			wantStatus:  statusCounts(0, 0, 0, 0, 0, 0, 0, 0),
			wantRatings: []string{"True=0", "False=0", "No verdict yet=0"},
		},
		{
			name: "every status",
			summaries: []claims.ClaimSummary{
				summary(claims.StatusToTriage, "", false),
				summary(claims.StatusToTriage, "", false),
				summary(claims.StatusNotCheckWorthy, "", false),
				summary(claims.StatusResearching, "", false),
				summary(claims.StatusVerdictDrafted, "false", false),
				summary(claims.StatusInReview, "true", false),
				summary(claims.StatusChangesRequested, "false", false),
				summary(claims.StatusPublished, "true", false),
				summary(claims.StatusCorrected, "false", false),
			},
			total: 9, published: 2, toDo: 8,
			wantStatus:  statusCounts(2, 1, 1, 1, 1, 1, 1, 1),
			wantRatings: []string{"True=2", "False=3", "No verdict yet=4"},
		},
		{
			name: "ratings off the scale",
			summaries: []claims.ClaimSummary{
				summary(claims.StatusPublished, "true", false),
				summary(claims.StatusPublished, "pants-on-fire", false),
				summary(claims.StatusVerdictDrafted, "mostly-true", false),
			},
			total: 3, published: 2, toDo: 3,
			wantStatus:  statusCounts(0, 0, 0, 1, 0, 0, 2, 0),
			wantRatings: []string{"True=1", "False=0", "Not on the scale=2", "No verdict yet=0"},
		},
		{
			name: "deleted claims do not count",
			summaries: []claims.ClaimSummary{
				summary(claims.StatusToTriage, "", false),
				summary(claims.StatusToTriage, "", true),
				summary(claims.StatusPublished, "true", true),
				summary(claims.StatusPublished, "nowhere", true),
			},
			total: 1, toDo: 1,
			wantStatus:  statusCounts(1, 0, 0, 0, 0, 0, 0, 0),
			wantRatings: []string{"True=0", "False=0", "No verdict yet=1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := countClaims(tt.summaries, dashScale, newChartWords())

			if got.total != tt.total || got.published != tt.published || got.toCheck != tt.toDo {
				t.Errorf("total, published, to check = %d, %d, %d; want %d, %d, %d",
					got.total, got.published, got.toCheck, tt.total, tt.published, tt.toDo)
			}
			if c := barCounts(got.byStatus); !reflect.DeepEqual(c, tt.wantStatus) {
				t.Errorf("by status = %q, want %q", c, tt.wantStatus)
			}
			if c := barCounts(got.byRating); !reflect.DeepEqual(c, tt.wantRatings) {
				t.Errorf("by rating = %q, want %q", c, tt.wantRatings)
			}
		})
	}
}

func TestCountClaimsRatingColours(t *testing.T) {
	got := countClaims(nil, dashScale, newChartWords()).byRating

	want := []color.Color{color.NRGBA{R: 0x1a, G: 0x98, B: 0x50, A: 0xff}, color.NRGBA{R: 0xd7, G: 0x30, B: 0x27, A: 0xff}, nil}
	for i, b := range got {
		if b.color != want[i] {
			t.Errorf("%s: colour = %v, want %v", b.label, b.color, want[i])
		}
		if b.hollow != (b.color == nil) {
			t.Errorf("%s: hollow = %v, want only the bar without a rating hollow", b.label, b.hollow)
		}
	}
}

func TestParseHexColor(t *testing.T) {
	tests := []struct {
		in   string
		want color.Color
	}{
		{"#1a9850", color.NRGBA{R: 0x1a, G: 0x98, B: 0x50, A: 0xff}},
		{"#FFFFFF", color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}},
		{"1a9850", nil},
		{"#1a985", nil},
		{"#1a985g", nil},
		{"#-1a985", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := parseColor(tt.in); got != tt.want {
			t.Errorf("parseColor(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		data chartData
		want string
	}{
		{chartData{}, "No claims yet"},
		{chartData{total: 1, toCheck: 1}, "1 claim · 0 published · 0% done"},
		{chartData{total: 21, toCheck: 21}, "21 claims · 0 published · 0% done"},
		{chartData{total: 2}, "2 claims · 0 published · 0% done"},
		{chartData{total: 4, published: 2, toCheck: 3}, "4 claims · 2 published · 66% done"},
		{chartData{total: 200, published: 199, toCheck: 200}, "200 claims · 199 published · 99% done"},
		{chartData{total: 4, published: 3, toCheck: 3}, "4 claims · 3 published · 100% done"},
	}
	for _, tt := range tests {
		if got := tt.data.headline(); got != tt.want {
			t.Errorf("headline of %+v = %q, want %q", tt.data, got, tt.want)
		}
	}
}

func TestPickerOptionsNumberRepeatedTitles(t *testing.T) {
	articles := []*claims.Article{{Title: "Live"}, {Title: "Budget"}, {Title: "Live"}, {Title: "Live (2)"}, {Title: allArticles()}}

	got := pickerOptions(articles)

	want := []string{allArticles(), "Live", "Budget", "Live (2)", "Live (2) (2)", allArticles() + " (2)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options = %q, want %q", got, want)
	}
}

// shownBar is what a chart draws for one bar.
type shownBar struct {
	label, count string
	length       float32
	value        int // count, read back as a number
}

// shownBars returns the bars the chart draws, top to bottom.
func shownBars(c *barChart) []shownBar {
	var out []shownBar
	for _, row := range test.WidgetRenderer(c).(*barChartRenderer).rows {
		n, err := strconv.Atoi(row.count.Text)
		if err != nil {
			n = -1
		}
		out = append(out, shownBar{row.label.Text, row.count.Text, row.fill.Size().Width, n})
	}
	return out
}

// shownCounts returns the chart's bars as "label=count" strings.
func shownCounts(c *barChart) []string {
	var out []string
	for _, b := range shownBars(c) {
		out = append(out, b.label+"="+b.count)
	}
	return out
}

// checkLengths fails unless the chart's bars are as long as their counts
// say: the largest fills the chart's bar space, a count of zero draws
// nothing, and the others are in proportion.
func checkLengths(t *testing.T, c *barChart) {
	t.Helper()
	bars := shownBars(c)
	largest, longest := 0, float32(0)
	for _, b := range bars {
		if b.value < 0 {
			t.Fatalf("bar %q shows the count %q, not a number", b.label, b.count)
		}
		largest = max(largest, b.value)
		longest = max(longest, b.length)
	}
	if r := test.WidgetRenderer(c).(*barChartRenderer); longest != r.rows[0].track.Size().Width {
		t.Errorf("longest bar is %v, want the whole track, %v", longest, r.rows[0].track.Size().Width)
	}
	for _, b := range bars {
		want := longest * float32(b.value) / float32(largest)
		if d := b.length - want; d > 0.01 || d < -0.01 {
			t.Errorf("bar %q (%s) is %v long, want %v", b.label, b.count, b.length, want)
		}
	}
}

// dashboardStore is a real store in a temporary file, holding the sample
// case, of which Alice has triaged, drafted and deleted a few claims and
// Bob has published one, and a second article with one claim. It returns
// the second article.
func dashboardStore(t *testing.T) (*store.DB, *claims.Article) {
	t.Helper()
	st, _, list := openSample(t, store.Options{})
	setup := claims.NewContext(context.Background(), "Test")
	second := &claims.Article{Title: "Chômage : un recul record ?", Language: claims.LangFrench, Text: "Le chômage a reculé de 2 % en 2024."}
	if err := st.ImportArticle(setup, second, []*claims.Claim{{Text: "Le chômage a reculé de 2 %", Kind: claims.KindStatistic}}); err != nil {
		t.Fatal(err)
	}

	alice := claims.NewContext(context.Background(), "Alice")
	move := func(c *claims.Claim, to claims.Status) error {
		_, err := st.MoveClaim(alice, c.ID, to)
		return err
	}
	draft := func(c *claims.Claim, rating string) error {
		_, err := st.SetVerdict(alice, c.ID, claims.Verdict{Rating: rating, Explanation: "Les chiffres disent autre chose."}, "", "")
		return err
	}
	bob := claims.NewContext(context.Background(), "Bob")
	publish := func(c *claims.Claim) error {
		if _, err := st.ReviewClaim(bob, c.ID, claims.Review{Decision: claims.DecisionApprove}); err != nil {
			return err
		}
		_, err := st.PublishClaim(bob, c.ID)
		return err
	}
	steps := []error{
		move(list[0], claims.StatusResearching),
		move(list[1], claims.StatusNotCheckWorthy),
		draft(list[2], "faux"),
		draft(list[3], "faux"),
		draft(list[4], "vrai"),
		st.DeleteClaim(alice, list[5].ID),
		draft(list[6], "plutot-vrai"),
		publish(list[6]),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return st, second
}

// newTestDashboard builds a dashboard over st in a 600x700 test window.
// Store work runs at once, on the test's goroutine.
func newTestDashboard(t *testing.T, st claims.Store) (*dashboard, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	e := &env{window: w, store: st, reviewer: func() string { return "Alice" }, spawn: func(f func()) { f() }}
	d := newDashboard(e)
	w.SetContent(d.object())
	w.Resize(fyne.NewSize(600, 700))
	return d, w
}

// The sample case has 21 claims: of them one is researching, one not
// check-worthy, three have a drafted verdict, one is published and one is
// deleted, which leaves 14 to triage, plus the second article's claim. One
// published of the 20 to check is 5% done.
var (
	allHeadline = "21 claims · 1 published · 5% done"
	allRatings  = []string{"Vrai=1", "Plutôt vrai=1", "Manque de contexte=0", "Trompeur=0", "Plutôt faux=0", "Faux=2", "Infondé=0", "No verdict yet=17"}
)

// allStatus is the status chart of all those claims. It is a function:
// the status names are words of the interface, which are loaded after the
// package's variables are set.
func allStatus() []string { return statusCounts(15, 1, 1, 3, 0, 0, 1, 0) }

func TestDashboardShowsCounts(t *testing.T) {
	st, _ := dashboardStore(t)
	d, _ := newTestDashboard(t, st)

	d.show("")

	if got, want := d.headline.Text, allHeadline; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
	if got := shownCounts(d.byStatus); !reflect.DeepEqual(got, allStatus()) {
		t.Errorf("status chart = %q, want %q", got, allStatus())
	}
	if got := shownCounts(d.byRating); !reflect.DeepEqual(got, allRatings) {
		t.Errorf("rating chart = %q, want %q", got, allRatings)
	}
	checkLengths(t, d.byStatus)
	checkLengths(t, d.byRating)
	if got, want := d.picker.Selected, allArticles(); got != want {
		t.Errorf("picker shows %q, want %q", got, want)
	}
	if got := len(d.picker.Options); got != 3 {
		t.Errorf("picker has %d options (%q), want All articles and 2 articles", got, d.picker.Options)
	}
}

func TestDashboardBarsFollowWidth(t *testing.T) {
	st, _ := dashboardStore(t)
	d, w := newTestDashboard(t, st)
	d.show("")
	before := shownBars(d.byStatus)[0].length

	w.Resize(fyne.NewSize(900, 700))

	after := shownBars(d.byStatus)[0].length
	if grown := after - before; grown < 299.99 || grown > 300.01 {
		t.Errorf("widest bar grew from %v to %v with the window, want 300 more", before, after)
	}
	checkLengths(t, d.byStatus)
}

func TestDashboardPickerSwitchesArticle(t *testing.T) {
	st, second := dashboardStore(t)
	d, _ := newTestDashboard(t, st)
	d.show("")

	d.picker.SetSelected(second.Title)

	if got, want := d.headline.Text, "1 claim · 0 published · 0% done"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
	if got, want := shownCounts(d.byStatus), statusCounts(1, 0, 0, 0, 0, 0, 0, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("status chart = %q, want %q", got, want)
	}
	checkLengths(t, d.byStatus)

	d.picker.SetSelected(allArticles())

	if got, want := d.headline.Text, allHeadline; got != want {
		t.Errorf("headline after All articles = %q, want %q", got, want)
	}
}

func TestDashboardShowsArticleAndSelectsIt(t *testing.T) {
	st, second := dashboardStore(t)
	d, _ := newTestDashboard(t, st)

	d.show(second.ID)

	if got, want := d.picker.Selected, second.Title; got != want {
		t.Errorf("picker shows %q, want %q", got, want)
	}
	if got, want := d.headline.Text, "1 claim · 0 published · 0% done"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}

	d.show("no-such-article")

	if got, want := d.picker.Selected, allArticles(); got != want {
		t.Errorf("for an unknown article the picker shows %q, want %q", got, want)
	}
	if got := shownCounts(d.byStatus); !reflect.DeepEqual(got, allStatus()) {
		t.Errorf("for an unknown article the status chart = %q, want all claims' %q", got, allStatus())
	}
}

func TestDashboardDropsLateAnswer(t *testing.T) {
	st, second := dashboardStore(t)
	d, _ := newTestDashboard(t, st)
	var queued []func()
	d.e.spawn = func(f func()) { queued = append(queued, f) }

	d.show("")
	d.show(second.ID)
	queued[1]()
	queued[0]()

	if got, want := d.headline.Text, "1 claim · 0 published · 0% done"; got != want {
		t.Errorf("headline = %q, want the later article's %q", got, want)
	}
}

// unreadableStore is a store whose articles cannot be read.
type unreadableStore struct {
	claims.Store // nil: any other call panics
	err          error
}

func (s unreadableStore) FindArticles(context.Context) ([]*claims.Article, error) {
	return nil, s.err
}

func TestDashboardLoadErrorShowsDialog(t *testing.T) {
	storeErr := claims.Errorf(claims.ECONFLICT, "The database is open in another window.")
	d, w := newTestDashboard(t, unreadableStore{err: storeErr})

	d.show("")

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if want := claims.ErrorMessage(storeErr); !slices.Contains(texts, want) {
		t.Errorf("dialog texts = %q, want one to be %q", texts, want)
	}
	if got, want := d.headline.Text, "Loading…"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
}

func TestDashboardMarkup(t *testing.T) {
	st, _ := dashboardStore(t)
	d, w := newTestDashboard(t, st)

	d.show("")

	test.AssertRendersToMarkup(t, "dashboard.xml", w.Canvas())
}
