package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// allArticles is the picker's first option, which counts every claim.
func allArticles() string { return lang.L("window.all-articles") }

// dashboard shows counts of claims by status and by rating as bar charts,
// for one article or for all of them, so that a desk sees at a glance how
// far the checking has come and what the verdicts are.
type dashboard struct {
	e        *env
	picker   *widget.Select
	headline *widget.Label
	byStatus *barChart
	byRating *barChart
	charts   *fyne.Container
	scroll   *container.Scroll
	content  fyne.CanvasObject

	// articles are the picker's options after allArticles, in order.
	articles []*claims.Article
	// wanted is the article ID asked for last, "" for all: an answer for
	// another one arrives late and is dropped.
	wanted string
}

func newDashboard(e *env) *dashboard {
	d := &dashboard{
		e:        e,
		headline: widget.NewLabelWithStyle(lang.L("common.loading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	charts := newBarCharts(2)
	d.byStatus, d.byRating = charts[0], charts[1]
	d.picker = widget.NewSelect([]string{allArticles()}, func(string) { d.picked() })
	// Set directly: SetSelected would call picked before anything is loaded.
	d.picker.Selected = d.picker.Options[0]
	title := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	d.charts = container.NewVBox(
		title(lang.L("dashboard.by-status")), d.byStatus,
		title(lang.L("dashboard.by-rating")), d.byRating,
	)
	d.scroll = container.NewVScroll(d.charts)
	d.content = container.NewBorder(
		container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("dashboard.article")), nil, d.picker),
			d.headline,
		),
		nil, nil, nil,
		d.scroll,
	)
	return d
}

func (d *dashboard) object() fyne.CanvasObject { return d.content }

// show loads (through e.run) the summaries and draws the charts for one
// article, or for all when articleID is "". Call it on the UI goroutine.
func (d *dashboard) show(articleID string) {
	d.wanted = articleID
	var loaded dashboardLoad
	words := newChartWords()
	d.e.run(func() (err error) {
		loaded, err = loadDashboard(context.Background(), d.e.store, articleID, words)
		return err
	}, func() {
		if articleID == d.wanted {
			d.draw(loaded)
		}
	})
}

// picked shows the article chosen in the picker. Setting the picker's
// selection after a load calls it too; then it is the article already
// shown, and nothing is loaded again.
func (d *dashboard) picked() {
	id := ""
	if i := d.picker.SelectedIndex(); i > 0 && i <= len(d.articles) {
		id = d.articles[i-1].ID
	}
	if id != d.wanted {
		d.show(id)
	}
}

// draw puts a load on screen: the picker's articles, the headline and the charts.
func (d *dashboard) draw(l dashboardLoad) {
	d.articles, d.wanted = l.articles, l.articleID
	d.picker.Options = pickerOptions(l.articles)
	d.picker.SetSelectedIndex(indexOfArticle(l.articles, l.articleID) + 1)
	d.headline.SetText(l.data.headline())
	d.byStatus.set(l.data.byStatus)
	d.byRating.set(l.data.byRating)
	// The charts' heights change with their number of bars, which their
	// containers only learn when laid out again.
	d.charts.Refresh()
	d.scroll.Refresh()
}

// dashboardLoad is what the dashboard reads from the store in one go.
type dashboardLoad struct {
	articles []*claims.Article
	// articleID is the article counted, "" for all, which is also what is
	// counted when the article asked for is not among the live ones.
	articleID string
	data      chartData
}

// loadDashboard reads the articles, the rating scale and the summaries of
// the claims of articleID, or of all claims for "", and counts them. It runs
// off the UI goroutine and touches no widget, nor the translations: words
// brings the bars' names.
func loadDashboard(ctx context.Context, st claims.Store, articleID string, words chartWords) (dashboardLoad, error) {
	articles, err := st.FindArticles(ctx)
	if err != nil {
		return dashboardLoad{}, err
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return dashboardLoad{}, err
	}
	var f claims.ClaimFilter
	if indexOfArticle(articles, articleID) < 0 {
		articleID = ""
	} else {
		f.ArticleID = &articleID
	}
	summaries, _, err := st.FindClaimSummaries(ctx, f)
	if err != nil {
		return dashboardLoad{}, err
	}
	return dashboardLoad{articles: articles, articleID: articleID, data: countClaims(summaries, settings.Scale, words)}, nil
}

// indexOfArticle is the index of the article with the given ID, or -1.
func indexOfArticle(articles []*claims.Article, id string) int {
	for i, a := range articles {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// pickerOptions are the picker's options: allArticles, then the titles.
// A select tells its options apart by their text, so a title that comes
// again is numbered ("Live updates (2)").
func pickerOptions(articles []*claims.Article) []string {
	all := allArticles()
	options := []string{all}
	seen := map[string]int{all: 1}
	for _, a := range articles {
		title := a.Title
		for seen[title] > 0 {
			seen[a.Title]++
			title = fmt.Sprintf("%s (%d)", a.Title, seen[a.Title])
		}
		seen[title]++
		options = append(options, title)
	}
	return options
}

// chartBar is one bar of a chart.
type chartBar struct {
	label string
	count int
	// color is the bar's own colour; nil draws it in the theme's themeColor.
	color      color.Color
	themeColor fyne.ThemeColorName
	// hollow bars are only outlined: they count claims that have no
	// rating, and so no colour, yet.
	hollow bool
}

func (b chartBar) fillColor() color.Color {
	if b.color != nil {
		return b.color
	}
	return theme.Color(b.themeColor)
}

// chartData is what the dashboard shows for a set of claims.
type chartData struct {
	total     int
	published int // published or corrected
	// toCheck is the claims but those found not worth checking: progress
	// is published claims out of these, as the sidebar counts it.
	toCheck  int
	byStatus []chartBar
	byRating []chartBar
}

// chartWords are the names of the bars that are not ratings, looked up on
// the UI goroutine for the counting done off it.
type chartWords struct {
	statuses            map[claims.Status]string
	offScale, noVerdict string
}

func newChartWords() chartWords {
	w := chartWords{statuses: map[claims.Status]string{},
		offScale: lang.L("dashboard.off-scale"), noVerdict: lang.L("dashboard.no-verdict")}
	for _, s := range claims.Statuses {
		w.statuses[s] = statusName(s)
	}
	return w
}

// countClaims counts the live claims among summaries: one bar for every
// status in workflow order, one for every rating of scale in its order,
// then one for ratings the scale no longer has, when there are any, and one
// for claims without a verdict.
func countClaims(summaries []claims.ClaimSummary, scale claims.RatingScale, words chartWords) chartData {
	var d chartData
	byStatus := map[claims.Status]int{}
	byRating := map[string]int{}
	for _, s := range summaries {
		if s.Deleted {
			continue
		}
		d.total++
		byStatus[s.Status]++
		byRating[s.Rating]++
		if s.Status.IsPublic() {
			d.published++
		}
		if s.Status != claims.StatusNotCheckWorthy {
			d.toCheck++
		}
	}
	for _, st := range claims.Statuses {
		d.byStatus = append(d.byStatus, chartBar{label: words.statuses[st], count: byStatus[st], themeColor: theme.ColorNamePrimary})
	}
	offScale := d.total - byRating[""]
	for _, r := range scale.Ratings {
		d.byRating = append(d.byRating, chartBar{label: r.Label, count: byRating[r.Key], color: parseColor(r.Color), themeColor: theme.ColorNamePrimary})
		offScale -= byRating[r.Key]
	}
	if offScale > 0 {
		d.byRating = append(d.byRating, chartBar{label: words.offScale, count: offScale, themeColor: theme.ColorNameForeground})
	}
	d.byRating = append(d.byRating, chartBar{label: words.noVerdict, count: byRating[""], themeColor: theme.ColorNamePlaceHolder, hollow: true})
	return d
}

// headline sums the counts up in one line: "21 claims · 3 published · 15% done".
func (d chartData) headline() string {
	if d.total == 0 {
		return lang.L("dashboard.no-claims")
	}
	done := 0
	if d.toCheck > 0 {
		// Rounded down, so that 100% means every claim to check is published.
		done = d.published * 100 / d.toCheck
	}
	return strings.Join([]string{
		lang.N("dashboard.claims", d.total, map[string]any{"Count": formatInt(d.total)}),
		lang.N("dashboard.published", d.published, map[string]any{"Count": formatInt(d.published)}),
		lang.L("dashboard.done", map[string]any{"Percent": locale.Percent(done, 100, uiLanguage)}),
	}, " · ")
}

// barChart is a horizontal bar chart: for each bar its label, a track as
// long as the longest bar may be, the bar, as long as its count is
// proportional to the largest count, and the count at the bar's end. It is a
// widget so that the bars follow its width when the window is resized.
type barChart struct {
	widget.BaseWidget
	bars []chartBar
	// group is the charts shown together with this one, itself included.
	group []*barChart
}

// newBarCharts returns n charts to show one above another. They share
// their label and count columns, so that all their bars start and end at
// the same place and can be compared.
func newBarCharts(n int) []*barChart {
	group := make([]*barChart, n)
	for i := range group {
		group[i] = &barChart{group: group}
		group[i].ExtendBaseWidget(group[i])
	}
	return group
}

// set draws bars instead of the chart's current bars.
func (c *barChart) set(bars []chartBar) {
	c.bars = bars
	c.Refresh()
}

// CreateRenderer returns the renderer that draws the chart's bars.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c}
	r.Refresh()
	return r
}

// barRow is what the renderer draws for one bar.
type barRow struct {
	label, count *canvas.Text
	track, fill  *canvas.Rectangle
	value        int
}

type barChartRenderer struct {
	chart   *barChart
	rows    []barRow
	objects []fyne.CanvasObject
}

// minBarSpace is the narrowest the bars' space gets before the chart asks
// for more room: enough to tell lengths apart.
const minBarSpace = 60

// barHeight is the height of one bar's line, and barGap the space between lines.
func barHeight() float32 { return fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height }
func barGap() float32    { return theme.Padding() }

// columns returns the widths of the label and count columns: the widest
// text of each in the chart's group.
func (r *barChartRenderer) columns() (label, count float32) {
	for _, c := range r.chart.group {
		for _, b := range c.bars {
			label = max(label, chartTextWidth(b.label))
			count = max(count, chartTextWidth(formatInt(b.count)))
		}
	}
	return label, count
}

// chartTextWidth is the width of text drawn as the chart draws it.
func chartTextWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width
}

// Layout places each bar's line below the previous one. The bars share the
// width left between the label and count columns; the largest count fills
// it. The chart is inset as a label's text is, so that its labels line up
// with the section titles above it.
func (r *barChartRenderer) Layout(size fyne.Size) {
	labelWidth, countWidth := r.columns()
	pad, inset := theme.Padding(), theme.InnerPadding()
	barX := inset + labelWidth + 2*pad
	space := max(size.Width-barX-pad-countWidth-inset, 0)
	largest := 0
	for _, row := range r.rows {
		largest = max(largest, row.value)
	}
	h := barHeight()
	place := func(o fyne.CanvasObject, x, y, width float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(width, h))
	}
	for i, row := range r.rows {
		y := float32(i) * (h + barGap())
		length := float32(0)
		if largest > 0 {
			length = space * float32(row.value) / float32(largest)
		}
		place(row.label, inset, y, labelWidth)
		place(row.track, barX, y, space)
		place(row.fill, barX, y, length)
		place(row.count, barX+length+pad, y, countWidth)
	}
}

// MinSize leaves room for the labels, the counts and short bars.
func (r *barChartRenderer) MinSize() fyne.Size {
	n := float32(len(r.rows))
	if n == 0 {
		return fyne.Size{}
	}
	labelWidth, countWidth := r.columns()
	return fyne.NewSize(2*theme.InnerPadding()+labelWidth+3*theme.Padding()+minBarSpace+countWidth, n*barHeight()+(n-1)*barGap())
}

// Refresh makes one line for each of the chart's bars and draws them with
// the current theme's colours.
func (r *barChartRenderer) Refresh() {
	bars := r.chart.bars
	for len(r.rows) < len(bars) {
		r.rows = append(r.rows, barRow{
			label: canvas.NewText("", nil), count: canvas.NewText("", nil),
			track: canvas.NewRectangle(nil), fill: canvas.NewRectangle(nil),
		})
	}
	r.rows = r.rows[:len(bars)]
	// A new slice: the canvas may still walk the one it was given last.
	r.objects = make([]fyne.CanvasObject, 0, 4*len(bars))
	for i, b := range bars {
		row := &r.rows[i]
		row.value = b.count
		row.label.Text, row.count.Text = b.label, formatInt(b.count)
		for _, t := range []*canvas.Text{row.label, row.count} {
			t.Color, t.TextSize = theme.Color(theme.ColorNameForeground), theme.TextSize()
		}
		row.track.FillColor = theme.Color(theme.ColorNameInputBackground)
		row.fill.FillColor, row.fill.StrokeColor, row.fill.StrokeWidth = b.fillColor(), nil, 0
		if b.hollow {
			row.fill.FillColor, row.fill.StrokeColor, row.fill.StrokeWidth = nil, b.fillColor(), 1
		}
		// An outline would still draw a sliver for a count of zero.
		row.fill.Hidden = b.count == 0
		r.objects = append(r.objects, row.track, row.fill, row.label, row.count)
	}
	r.Layout(r.chart.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// Objects returns the chart's rectangles and texts.
func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy has nothing to release.
func (r *barChartRenderer) Destroy() {}
