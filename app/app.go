// Package app is ClaimDesk's window: the articles of a database and their
// claims. It receives the Fyne app and window from main and reaches the data
// only through claims.Store.
package app

import (
	"context"
	"fmt"
	"math"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// UI is the main window's state: its widgets and the data they show.
type UI struct {
	window fyne.Window
	store  claims.Store
	ctx    context.Context

	articles     []*claims.Article
	summaries    []claims.ClaimSummary
	articleList  *widget.List
	claimList    *widget.List
	claimsHeader *widget.Label
	columns      claimColumns
	status       *widget.Label
	selectedFrom string // article ID whose claims are shown; "" for all
	wantedFrom   string // article ID whose claims were asked for last

	// spawn runs work that calls the store, which must not block the UI
	// goroutine. It is `go f()`; tests replace it to know when f is done.
	spawn func(f func())
}

// New builds the window's content for st and starts loading it.
func New(w fyne.Window, st claims.Store) *UI {
	ui := &UI{window: w, store: st, ctx: context.Background(), status: widget.NewLabel("Loading…")}
	ui.spawn = func(f func()) { go f() }
	ui.articleList = widget.NewList(ui.articleCount, newArticleRow, ui.updateArticleRow)
	ui.articleList.OnSelected = ui.selectArticle
	ui.claimList = widget.NewList(ui.claimCount, func() fyne.CanvasObject { return newClaimRow(&ui.columns) }, ui.updateClaimRow)
	ui.claimsHeader = widget.NewLabelWithStyle("Claims", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ui.claimsHeader.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(
		container.NewBorder(widget.NewLabelWithStyle("Articles", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, ui.articleList),
		container.NewBorder(ui.claimsHeader, nil, nil, nil, ui.claimList),
	)
	split.Offset = 0.3
	w.SetContent(container.NewBorder(nil, ui.status, nil, nil, split))
	return ui
}

// Load reads the articles and all their claims. It does not touch widgets
// itself: it may run off the UI goroutine, and hands the result over
// through fyne.Do.
func (ui *UI) Load() {
	articles, err := ui.store.FindArticles(ui.ctx)
	if err != nil {
		fyne.Do(func() { ui.showError(err) })
		return
	}
	fyne.Do(func() {
		ui.articles, ui.wantedFrom = articles, ""
		ui.articleList.UnselectAll()
		ui.articleList.Refresh()
	})
	ui.loadClaims("")
}

// loadClaims reads the claims of an article, or all of them for "", and
// shows them unless another article was selected in the meantime.
func (ui *UI) loadClaims(articleID string) {
	var f claims.ClaimFilter
	if articleID != "" {
		f.ArticleID = &articleID
	}
	summaries, total, err := ui.store.FindClaimSummaries(ui.ctx, f)
	fyne.Do(func() {
		if articleID != ui.wantedFrom {
			return // a later selection's answer shows, or will
		}
		if err != nil {
			ui.showError(err)
			return
		}
		ui.selectedFrom, ui.summaries = articleID, summaries
		ui.claimsHeader.SetText(ui.claimsTitle(articleID))
		ui.columns.fit(summaries)
		ui.status.SetText(fmt.Sprintf("%d claim(s)", total))
		ui.claimList.Refresh()
	})
}

// claimsTitle is the claim list's header. It names the article in full,
// since the article list often cuts titles short.
func (ui *UI) claimsTitle(articleID string) string {
	for _, a := range ui.articles {
		if a.ID == articleID && articleID != "" {
			return "Claims in “" + a.Title + "”"
		}
	}
	return "Claims"
}

func (ui *UI) selectArticle(id widget.ListItemID) {
	if id < 0 || id >= len(ui.articles) {
		return
	}
	articleID := ui.articles[id].ID
	ui.wantedFrom = articleID
	ui.spawn(func() { ui.loadClaims(articleID) })
}

func (ui *UI) articleCount() int { return len(ui.articles) }

func (ui *UI) claimCount() int { return len(ui.summaries) }

func newArticleRow() fyne.CanvasObject {
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	return label
}

func (ui *UI) updateArticleRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id < len(ui.articles) {
		row.(*widget.Label).SetText(ui.articles[id].Title)
	}
}

// claimRow is one line of the claim list: status, speaker, then the
// summary, each cut with an ellipsis when it does not fit.
type claimRow struct {
	widget.BaseWidget
	status, speaker, summary *widget.Label
	columns                  *claimColumns
}

func newClaimRow(columns *claimColumns) fyne.CanvasObject {
	r := &claimRow{status: widget.NewLabel(""), speaker: widget.NewLabel(""), summary: widget.NewLabel(""), columns: columns}
	for _, l := range []*widget.Label{r.status, r.speaker, r.summary} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out in the list's columns.
func (r *claimRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(claimRowLayout{r.columns}, r.status, r.speaker, r.summary))
}

// set shows s and lays the row out again, since the columns may have
// changed with the list's content.
func (r *claimRow) set(s claims.ClaimSummary) {
	r.status.SetText(s.Status.Label())
	r.speaker.SetText(s.Speaker)
	r.summary.SetText(s.Summary)
	r.Refresh()
}

// claimColumns are the widths of the claim list's status and speaker
// columns. The rows share them, so that their columns line up.
type claimColumns struct{ status, speaker float32 }

// fit sizes the columns for summaries: the widest of their status labels
// and the widest of their speakers.
func (c *claimColumns) fit(summaries []claims.ClaimSummary) {
	c.status, c.speaker = 0, 0
	for _, s := range summaries {
		c.status = max(c.status, labelWidth(s.Status.Label()))
		if s.Speaker != "" {
			c.speaker = max(c.speaker, labelWidth(s.Speaker))
		}
	}
}

// labelWidth is the width a widget.Label needs to show text in full,
// rounded up: given the exact width, a truncating label may still cut it.
func labelWidth(text string) float32 {
	w := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	return float32(math.Ceil(float64(w))) + 1
}

// claimRowLayout places a row's status, speaker and summary labels: the
// first two in their columns, the summary in the rest of the row. The
// speaker column takes at most a quarter of the row, so that one long name
// does not cut every summary short.
type claimRowLayout struct{ columns *claimColumns }

// Layout places the labels in their columns.
func (l claimRowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	place := func(o fyne.CanvasObject, width float32) {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(width, size.Height))
		if width > 0 {
			x += width + theme.Padding()
		}
	}
	place(objects[0], l.columns.status)
	place(objects[1], min(l.columns.speaker, size.Width/4))
	place(objects[2], max(size.Width-x, 0))
}

// MinSize leaves the speaker column out: it shrinks with the row.
func (l claimRowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		size.Height = max(size.Height, o.MinSize().Height)
	}
	size.Width = l.columns.status + theme.Padding() + objects[2].MinSize().Width
	return size
}

func (ui *UI) updateClaimRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id < len(ui.summaries) {
		row.(*claimRow).set(ui.summaries[id])
	}
}

// showError is the one place where errors become words for the user.
func (ui *UI) showError(err error) {
	msg := claims.ErrorMessage(err)
	if claims.ErrorCode(err) == claims.EINTERNAL {
		msg = "Something went wrong: " + err.Error()
	}
	dialog.ShowError(fmt.Errorf("%s", msg), ui.window)
}
