// Package app is ClaimDesk's window: the articles of a database, their
// claims, and each claim's words, evidence, verdict, review and history. It
// receives the Fyne app and window from main and reaches the data only
// through claims.Store.
package app

import (
	"context"
	"slices"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	Warn func(path string) claims.Text
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
	conflicts []claims.Conflict
	checked   fileCheck
	// firstFrameDone is set once Options.OnFirstRows was called: it
	// marks the window's first useful frame, which comes once.
	firstFrameDone bool
	toldUpgrade    string // the safety copy of the last upgrade the window told of
	conflictView   *conflictView
	ctx            context.Context
	cancel         context.CancelFunc // ends background work when the window quits
	prefs          preferences

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
	if pref := ui.prefs.String(prefTheme); pref != "" {
		a.Settings().SetTheme(themeFor(pref))
	}
	ui.build()
	ui.list.onFirstRows = ui.firstRowsShown
	ui.installMenus()
	ui.installShortcuts()
	ui.restoreSize()
	w.SetCloseIntercept(ui.quit)
	return ui
}

// The detail pane's tabs, in order. Code names a tab by its ID, which stays
// the same whatever language its label is in.
const (
	tabClaim       = "Claim"
	tabArticle     = "Article"
	tabEvidence    = "Evidence"
	tabVerdict     = "Verdict"
	tabHistory     = "History"
	tabCorrections = "Corrections"
)

var detailTabs = []string{tabClaim, tabArticle, tabEvidence, tabVerdict, tabHistory, tabCorrections}

// tabLabel is the name a tab shows.
func tabLabel(id string) string {
	switch id {
	case tabClaim:
		return lang.L("window.tab.claim")
	case tabArticle:
		return lang.L("window.tab.article")
	case tabEvidence:
		return lang.L("window.tab.evidence")
	case tabVerdict:
		return lang.L("window.tab.verdict")
	case tabHistory:
		return lang.L("window.tab.history")
	case tabCorrections:
		return lang.L("window.tab.corrections")
	}
	return id
}

// build makes the window's content in the current language. It runs again
// when the language changes, so it starts no work of its own: loading is
// for Load and the callers.
func (ui *UI) build() {
	ui.status = widget.NewLabel(lang.L("common.loading"))
	ui.sidebar = newSidebar(&ui.env, ui.selectArticle)
	ui.list = newClaimList(&ui.env, ui.showClaim)
	ui.list.onDelete = func() { ui.claimTab.confirmDelete() }
	ui.claimTab = newClaimTab(&ui.env, ui.openTab)
	ui.history = newHistoryTab(&ui.env)
	ui.fixes = newCorrectionsTab()
	ui.article = newArticleTab(&ui.env)
	ui.evidence = newEvidenceTab(&ui.env)
	ui.verdict = newVerdictTab(&ui.env)
	ui.dashboard = newDashboard(&ui.env)
	objects := map[string]fyne.CanvasObject{
		tabClaim: ui.claimTab.object(), tabArticle: ui.article.object(), tabEvidence: ui.evidence.object(),
		tabVerdict: ui.verdict.object(), tabHistory: ui.history.object(), tabCorrections: ui.fixes.object(),
	}
	ui.tabs = container.NewAppTabs()
	for _, id := range detailTabs {
		ui.tabs.Append(container.NewTabItem(tabLabel(id), objects[id]))
	}
	ui.tabs.OnSelected = func(*container.TabItem) { ui.refreshTab() }
	ui.detail = container.NewStack(noClaimChosen())
	right := container.NewHSplit(ui.list.object(), ui.detail)
	right.Offset = 0.45
	ui.claimsBox = right
	ui.main = container.NewStack(right)
	split := container.NewHSplit(ui.sidebar.object(), ui.main)
	split.Offset = 0.18
	ui.window.SetContent(container.NewBorder(nil, ui.status, nil, nil, split))
}

// noClaimChosen is what the detail pane shows before a claim is chosen.
func noClaimChosen() fyne.CanvasObject {
	return widget.NewLabel(lang.L("window.choose-claim"))
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
		ui.tellAboutUpgrade()
	})
}

// tellAboutUpgrade says, once, that the file was updated from an older
// ClaimDesk and where the file as it was is kept.
func (ui *UI) tellAboutUpgrade() {
	up := ui.store.Upgrade()
	if up.SafetyCopy == "" || ui.toldUpgrade == up.SafetyCopy {
		return
	}
	ui.toldUpgrade = up.SafetyCopy
	dialog.ShowInformation(lang.L("window.upgrade-title"), lang.L("window.upgrade", map[string]any{
		"From": up.FromSchema, "To": up.ToSchema, "Copy": up.SafetyCopy}), ui.window)
}

// firstRowsShown runs once the claim list first shows rows of a file: work
// that can wait starts then, so it does not slow the first screen.
func (ui *UI) firstRowsShown() {
	ui.sidebar.reload()
	ui.checkInBackground()
	if ui.opts.OnFirstRows != nil && !ui.firstFrameDone {
		ui.opts.OnFirstRows()
	}
	ui.firstFrameDone = true
}

// fileCheck is how the background check of the open file went.
type fileCheck int

const (
	checkPending fileCheck = iota
	checkPassed
	checkFailed
)

func (ui *UI) setStatus() {
	parts := []string{ui.path, lang.L("statusbar.signed", map[string]any{"Name": ui.prefs.reviewerOrPlaceholder()})}
	if n := len(ui.conflicts); n > 0 {
		parts = append(parts, lang.N("statusbar.conflicts", n, map[string]any{"Count": formatInt(n)}))
	}
	switch ui.checked {
	case checkPassed:
		parts = append(parts, lang.L("statusbar.checked"))
	case checkFailed:
		parts = append(parts, lang.L("statusbar.check-failed"))
	}
	ui.status.SetText(strings.Join(parts, " · "))
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
		ui.checked = checkPassed
		ui.setStatus()
		return
	}
	ui.checked = checkFailed
	ui.setStatus()
	dialog.ShowInformation(lang.L("check.title"),
		lang.L("check.message", map[string]any{"Problems": strings.Join(checkProblems(report), "\n")}), ui.window)
}

// shownProblems is how many problems of a file check the dialog lists:
// the command line lists them all.
const shownProblems = 8

// checkProblems are the lines the file check's dialog shows, a broken
// history first.
func checkProblems(report *claims.IntegrityReport) []string {
	var problems []string
	if b := report.History.Broken; b != nil {
		problems = append(problems, lang.L("check.history-break", map[string]any{"Event": b.EventID, "Reason": textIn(b.Reason)}))
	}
	for _, p := range report.Problems {
		problems = append(problems, textIn(p))
	}
	if more := len(problems) - shownProblems; more > 0 {
		problems = append(problems[:shownProblems], lang.N("check.more", more, map[string]any{"Count": formatInt(more)}))
	}
	return problems
}

// warnAboutLocation says so when the file is in a network or synced folder.
func (ui *UI) warnAboutLocation() {
	if ui.opts.Warn == nil {
		return
	}
	if warning := ui.opts.Warn(ui.path); warning.String() != "" {
		dialog.ShowInformation(lang.L("window.location-title"), textIn(warning), ui.window)
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

// shownTab is the ID of the detail tab on show.
func (ui *UI) shownTab() string {
	if i := ui.tabs.SelectedIndex(); i >= 0 && i < len(detailTabs) {
		return detailTabs[i]
	}
	return tabClaim
}

// refreshTab shows the current claim in the visible tab only: the others
// catch up when chosen.
func (ui *UI) refreshTab() {
	c := ui.current
	if c == nil {
		return
	}
	switch ui.shownTab() {
	case tabClaim:
		ui.claimTab.show(c)
	case tabArticle:
		ui.article.show(c.ArticleID, c.ID)
	case tabEvidence:
		ui.evidence.show(c)
	case tabVerdict:
		ui.verdict.show(c, ui.settings)
	case tabHistory:
		ui.history.show(c)
	case tabCorrections:
		ui.fixes.show(c, &ui.settings.Scale)
	}
}

// openTab switches the detail pane to the tab of that ID.
func (ui *UI) openTab(id string) {
	if i := slices.Index(detailTabs, id); i >= 0 {
		ui.tabs.SelectIndex(i)
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

// switchLanguage makes the window speak the language the preferences name,
// at once: the content and the menus are built again in it, and show what
// they showed, the open claim in the same tab included. The shortcuts stay:
// they are the canvas's, which outlives the content.
func (ui *UI) switchLanguage() {
	setLanguage(languageFor(ui.prefs.String(prefLanguage)))
	oldList, oldSidebar := ui.list, ui.sidebar
	tab, dashboard, shown := ui.shownTab(), ui.dashboardShown(), ui.current
	ui.window.Canvas().Unfocus()
	ui.build()
	ui.installMenus()
	ui.list.takeOver(oldList)
	ui.sidebar.keepChoice(oldSidebar)
	ui.list.reload()
	ui.sidebar.reload()
	ui.setStatus()
	ui.refreshConflicts()
	ui.current = nil // shown again below, once, in its tab
	ui.openTab(tab)
	if shown != nil {
		ui.selectClaim(shown.ID)
	}
	if dashboard {
		ui.showDashboard()
	}
}
