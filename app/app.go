// Package app is ClaimDesk's window: the articles of a database and their
// claims. It receives the Fyne app and window from main and reaches the data
// only through claims.Store.
package app

import (
	"context"
	"fmt"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	status       *widget.Label
	selectedFrom string // article ID whose claims are shown; "" for all
}

// New builds the window's content for st and starts loading it.
func New(w fyne.Window, st claims.Store) *UI {
	ui := &UI{window: w, store: st, ctx: context.Background(), status: widget.NewLabel("Loading…")}
	ui.articleList = widget.NewList(ui.articleCount, newArticleRow, ui.updateArticleRow)
	ui.articleList.OnSelected = ui.selectArticle
	ui.claimList = widget.NewList(ui.claimCount, newClaimRow, ui.updateClaimRow)
	split := container.NewHSplit(
		container.NewBorder(widget.NewLabelWithStyle("Articles", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, ui.articleList),
		container.NewBorder(widget.NewLabelWithStyle("Claims", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, ui.claimList),
	)
	split.Offset = 0.3
	w.SetContent(container.NewBorder(nil, ui.status, nil, nil, split))
	return ui
}

// Load reads the articles and claims. It does not touch widgets itself:
// it may run off the UI goroutine, and hands the result over through fyne.Do.
func (ui *UI) Load() {
	articles, err := ui.store.FindArticles(ui.ctx)
	if err != nil {
		fyne.Do(func() { ui.showError(err) })
		return
	}
	fyne.Do(func() {
		ui.articles = articles
		ui.articleList.Refresh()
	})
	ui.loadClaims("")
}

func (ui *UI) loadClaims(articleID string) {
	var f claims.ClaimFilter
	if articleID != "" {
		f.ArticleID = &articleID
	}
	summaries, total, err := ui.store.FindClaimSummaries(ui.ctx, f)
	fyne.Do(func() {
		if err != nil {
			ui.showError(err)
			return
		}
		ui.selectedFrom, ui.summaries = articleID, summaries
		ui.status.SetText(fmt.Sprintf("%d claim(s)", total))
		ui.claimList.Refresh()
	})
}

func (ui *UI) selectArticle(id widget.ListItemID) {
	if id < 0 || id >= len(ui.articles) {
		return
	}
	go ui.loadClaims(ui.articles[id].ID)
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

func newClaimRow() fyne.CanvasObject {
	status := widget.NewLabel("")
	speaker := widget.NewLabel("")
	summary := widget.NewLabel("")
	summary.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewHBox(status, speaker), nil, summary)
}

func (ui *UI) updateClaimRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id >= len(ui.summaries) {
		return
	}
	s := ui.summaries[id]
	box := row.(*fyne.Container)
	left := box.Objects[1].(*fyne.Container)
	left.Objects[0].(*widget.Label).SetText(s.Status.Label())
	left.Objects[1].(*widget.Label).SetText(s.Speaker)
	box.Objects[0].(*widget.Label).SetText(s.Summary)
}

// showError is the one place where errors become words for the user.
func (ui *UI) showError(err error) {
	msg := claims.ErrorMessage(err)
	if claims.ErrorCode(err) == claims.EINTERNAL {
		msg = "Something went wrong: " + err.Error()
	}
	dialog.ShowError(fmt.Errorf("%s", msg), ui.window)
}
