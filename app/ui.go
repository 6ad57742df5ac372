// Package app is ClaimDesk's window: the articles of a database, their
// claims, and each claim's words, evidence, verdict, review and history. It
// receives the Fyne app and window from main and reaches the data only
// through claims.Store.
package app

import (
	"context"
	"fmt"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Options connect the window to what lies outside the domain.
type Options struct {
	// Path is the file of the database the window starts on.
	Path string
	// Open opens, or creates, the database at path.
	Open func(path string) (claims.Store, error)
	// Warn returns a warning about where a database file is (a network or
	// synced folder), or "".
	Warn func(path string) string
	// OnFirstRows is called once, on the UI goroutine, when the claim list
	// first shows rows: the first useful frame.
	OnFirstRows func()
}

// UI is the main window's state: its parts and the data they show.
type UI struct {
	env
	app  fyne.App
	opts Options
	path string
	// conflicts are those merges left; checked says how the background
	// check of the file went.
	conflicts    []claims.Conflict
	checked      string
	conflictView *conflictView
	ctx          context.Context
	cancel       context.CancelFunc // ends background work when the window quits
	prefs        preferences

	settings *claims.Settings
	current  *claims.Claim // the claim in the detail pane, or nil

	sidebar   *sidebar
	list      *claimList
	claimTab  *claimTab
	history   *historyTab
	fixes     *correctionsTab
	tabs      *container.AppTabs
	detail    *fyne.Container
	dashboard *dashboard
	article   *articleTab
	evidence  *evidenceTab
	verdict   *verdictTab
	main      *fyne.Container // holds either the claims view or the dashboard
	claimsBox fyne.CanvasObject
	status    *widget.Label
}

// New builds the window's content on st and starts loading it.
func New(a fyne.App, w fyne.Window, st claims.Store, opts Options) *UI {
	ctx, cancel := context.WithCancel(context.Background())
	ui := &UI{app: a, opts: opts, path: opts.Path, ctx: ctx, cancel: cancel, prefs: preferences{a.Preferences()}}
	ui.env = env{
		window: w, store: st, reviewer: ui.prefs.reviewer,
		spawn:        func(f func()) { go f() },
		claimChanged: ui.claimChanged,
		selectClaim:  ui.selectClaim,
	}
	setLanguage(languageFor(ui.prefs.String(prefLanguage)))
	ui.build()
	ui.installMenus()
	ui.installShortcuts()
	ui.restoreSize()
	w.SetCloseIntercept(ui.quit)
	return ui
}

func (ui *UI) build() {
	ui.status = widget.NewLabel("Loading…")
	ui.sidebar = newSidebar(&ui.env, ui.selectArticle)
	ui.list = newClaimList(&ui.env, ui.showClaim)
	ui.list.onFirstRows = ui.firstRowsShown
	ui.claimTab = newClaimTab(&ui.env, ui.openTab)
	ui.history = newHistoryTab(&ui.env)
	ui.fixes = newCorrectionsTab()
	ui.article = newArticleTab(&ui.env)
	ui.evidence = newEvidenceTab(&ui.env)
	ui.verdict = newVerdictTab(&ui.env)
	ui.dashboard = newDashboard(&ui.env)
	ui.tabs = container.NewAppTabs(
		container.NewTabItem("Claim", ui.claimTab.object()),
		container.NewTabItem("Article", ui.article.object()),
		container.NewTabItem("Evidence", ui.evidence.object()),
		container.NewTabItem("Verdict", ui.verdict.object()),
		container.NewTabItem("History", ui.history.object()),
		container.NewTabItem("Corrections", ui.fixes.object()),
	)
	ui.tabs.OnSelected = func(*container.TabItem) { ui.refreshTab() }
	empty := widget.NewLabel("Choose a claim in the list.")
	ui.detail = container.NewStack(empty)
	right := container.NewHSplit(ui.list.object(), ui.detail)
	right.Offset = 0.45
	ui.claimsBox = right
	ui.main = container.NewStack(right)
	split := container.NewHSplit(ui.sidebar.object(), ui.main)
	split.Offset = 0.18
	ui.window.SetContent(container.NewBorder(nil, ui.status, nil, nil, split))
}

// Load reads the settings, the articles and the claims. It may run off the
// UI goroutine: it reaches widgets only through fyne.Do.
func (ui *UI) Load() {
	ui.askNameOnFirstLaunch()
	ui.run(func() error {
		s, err := ui.store.Settings(ui.ctx)
		if err == nil {
			fyne.Do(func() { ui.settings = s })
		}
		return err
	}, func() {
		ui.list.setScale(&ui.settings.Scale)
		ui.list.reload()
		ui.setStatus()
		ui.refreshConflicts()
		ui.warnAboutLocation()
	})
}

// firstRowsShown runs once the claim list first shows rows: work that can
// wait starts then, so it does not slow the first screen.
func (ui *UI) firstRowsShown() {
	ui.sidebar.reload()
	ui.checkInBackground()
	if ui.opts.OnFirstRows != nil {
		ui.opts.OnFirstRows()
	}
}

func (ui *UI) setStatus() {
	text := fmt.Sprintf("%s · signed as %s", ui.path, ui.prefs.reviewerOrPlaceholder())
	if n := len(ui.conflicts); n > 0 {
		text += fmt.Sprintf(" · %d merge conflict(s): File > Conflicts", n)
	}
	if ui.checked != "" {
		text += " · " + ui.checked
	}
	ui.status.SetText(text)
}

// checkInBackground checks the whole file once it is shown, and speaks up
// only when something is wrong.
func (ui *UI) checkInBackground() {
	st := ui.store
	var report *claims.IntegrityReport
	ui.spawn(func() {
		var err error
		report, err = st.Check(ui.ctx)
		fyne.Do(func() { ui.checkDone(st, report, err) })
	})
}

// checkDone reports the background check, unless the window moved on.
func (ui *UI) checkDone(st claims.Store, report *claims.IntegrityReport, err error) {
	switch {
	case st != ui.store || ui.ctx.Err() != nil:
		return
	case err != nil:
		ui.showError(err)
		return
	}
	if report.OK() {
		ui.checked = "file checked"
		ui.setStatus()
		return
	}
	ui.checked = "the file check found problems"
	ui.setStatus()
	problems := report.Problems
	if b := report.History.Broken; b != nil {
		problems = append([]string{"The history breaks at event " + b.EventID + ": " + b.Reason + "."}, problems...)
	}
	if len(problems) > 8 {
		problems = append(problems[:8], fmt.Sprintf("… and %d more (claimdesk check lists them all).", len(problems)-8))
	}
	dialog.ShowInformation("The file check found problems",
		"Your work is still here, but this file is not entirely sound:\n\n"+strings.Join(problems, "\n")+
			"\n\nSave a copy to keep what is there, and tell whoever gave you the file.", ui.window)
}

// warnAboutLocation says so when the file is in a network or synced folder.
func (ui *UI) warnAboutLocation() {
	if ui.opts.Warn == nil {
		return
	}
	if warning := ui.opts.Warn(ui.path); warning != "" {
		dialog.ShowInformation("Where this file is", warning, ui.window)
	}
}

// selectArticle narrows the claim list to one article, or all for "".
func (ui *UI) selectArticle(articleID string) {
	ui.list.setArticle(articleID)
	if ui.dashboardShown() {
		ui.dashboard.show(articleID)
	}
}

// selectClaim shows a claim from elsewhere, such as the article's text.
func (ui *UI) selectClaim(id string) {
	ui.list.selectID(id)
	ui.showClaim(id)
}

// showClaim loads a claim into the detail pane.
func (ui *UI) showClaim(id string) {
	var c *claims.Claim
	ui.run(func() error {
		var err error
		c, err = ui.store.FindClaimByID(ui.ctx, id)
		return err
	}, func() {
		ui.current = c
		ui.detail.Objects = []fyne.CanvasObject{ui.tabs}
		ui.detail.Refresh()
		ui.refreshTab()
	})
}

// refreshTab shows the current claim in the visible tab only: the others
// catch up when chosen.
func (ui *UI) refreshTab() {
	c := ui.current
	if c == nil {
		return
	}
	switch ui.tabs.Selected().Text {
	case "Claim":
		ui.claimTab.show(c)
	case "Article":
		ui.article.show(c.ArticleID, c.ID)
	case "Evidence":
		ui.evidence.show(c)
	case "Verdict":
		ui.verdict.show(c, ui.settings)
	case "History":
		ui.history.show(c)
	case "Corrections":
		ui.fixes.show(c, &ui.settings.Scale)
	}
}

// openTab switches the detail pane to the named tab.
func (ui *UI) openTab(name string) {
	for _, item := range ui.tabs.Items {
		if item.Text == name {
			ui.tabs.Select(item)
		}
	}
}

// claimChanged reloads what shows a claim after it changed.
func (ui *UI) claimChanged(id string) {
	ui.list.reload()
	ui.sidebar.reload()
	if ui.current == nil || ui.current.ID == id {
		ui.showClaim(id)
	}
}

func (ui *UI) dashboardShown() bool {
	return len(ui.main.Objects) == 1 && ui.main.Objects[0] == ui.dashboard.object()
}

// showDashboard and showClaims switch the main area between the two views.
func (ui *UI) showDashboard() {
	ui.main.Objects = []fyne.CanvasObject{ui.dashboard.object()}
	ui.main.Refresh()
	ui.dashboard.show(ui.list.articleID)
}

func (ui *UI) showClaims() {
	ui.main.Objects = []fyne.CanvasObject{ui.claimsBox}
	ui.main.Refresh()
}
