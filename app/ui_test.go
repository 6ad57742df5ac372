package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// sampleStore opens a temporary database holding the sample case.
func sampleStore(t testing.TB) claims.Store {
	t.Helper()
	st, _, _ := openSample(t, store.Options{})
	return st
}

// newTestUI builds the real window on st in English, signed as reviewer,
// with store work run at once so that tests read the result straight after
// acting.
func newTestUI(t *testing.T, st claims.Store, reviewer string) *UI {
	t.Helper()
	return newTestUIIn(t, st, reviewer, locale.English)
}

// newTestUIIn builds the real window as newTestUI does, speaking language;
// the next test starts in English again.
func newTestUIIn(t *testing.T, st claims.Store, reviewer, language string) *UI {
	t.Helper()
	t.Cleanup(func() { setLanguage(locale.English) })
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefReviewer, reviewer)
	a.Preferences().SetString(prefLanguage, language)
	w := test.NewTempWindow(t, nil)
	ui := New(a, w, st, Options{Path: "sample.db"})
	ui.spawn = func(f func()) { f() }
	w.Resize(fyne.NewSize(1280, 800))
	ui.Load()
	return ui
}

// as switches the reviewer signing the changes.
func (ui *UI) as(reviewer string) {
	ui.prefs.SetString(prefReviewer, reviewer)
}

func TestLoadShowsArticlesProgressAndClaims(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	if got := ui.sidebar.count(); got != 2 {
		t.Fatalf("sidebar rows = %d, want all articles + the sample", got)
	}
	if p := ui.sidebar.progress[""]; p.toCheck != 21 || p.published != 0 {
		t.Fatalf("overall progress = %+v, want 0 of 21", p)
	}
	if got := len(ui.list.rows); got != 21 {
		t.Fatalf("claim rows = %d, want 21", got)
	}
	if got := ui.list.count.Text; got != "21 of 21 claims" {
		t.Errorf("count label = %q", got)
	}
}

func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	ui.sidebar.list.Select(1)
	for query, want := range map[string]int{"coree conteneurs": 1, "STOLTENBERG": 9, "pékin": 1, "nothing like this": 0, "": 21} {
		ui.list.search.SetText(query)
		if got := len(ui.list.rows); got != want {
			t.Errorf("search %q: %d rows, want %d", query, got, want)
		}
	}
}

func TestEnterInSearchOpensTheFirstResult(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	ui.window.Canvas().Focus(ui.list.search)
	test.Type(ui.list.search, "jenkins")
	ui.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ui.current == nil || ui.current.Speaker.Name != "Bonnie Jenkins" {
		t.Fatalf("current claim = %+v", ui.current)
	}
	if ui.window.Canvas().Focused() != ui.list.list {
		t.Error("the claim list did not take the keyboard")
	}
}

func TestFiltersAndSort(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	ui.list.speaker.SetSelected("Bonnie Jenkins")
	if len(ui.list.rows) != 1 || ui.list.rows[0].Speaker != "Bonnie Jenkins" {
		t.Fatalf("speaker filter: %+v", ui.list.rows)
	}
	ui.list.speaker.SetSelectedIndex(0)
	ui.list.order.SetSelected("Check-worthiness")
	for i := 1; i < len(ui.list.rows); i++ {
		if ui.list.rows[i-1].CheckWorthiness < ui.list.rows[i].CheckWorthiness {
			t.Fatalf("rows %d and %d out of order", i-1, i)
		}
	}
	ui.list.status.SetSelected(statusName(claims.StatusPublished))
	if len(ui.list.rows) != 0 {
		t.Fatalf("%d published claims in a fresh sample", len(ui.list.rows))
	}
}

// findClaim searches the list and selects its only row.
func findClaim(t *testing.T, ui *UI, query string) *claims.Claim {
	t.Helper()
	ui.list.search.SetText(query)
	if len(ui.list.rows) != 1 {
		t.Fatalf("search %q: %d rows, want 1", query, len(ui.list.rows))
	}
	ui.list.list.Select(0)
	if ui.current == nil || ui.current.ID != ui.list.rows[0].ID {
		t.Fatalf("selecting the row did not show its claim")
	}
	return ui.current
}

func TestClaimTabEditsAndMoves(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	c := findClaim(t, ui, "11 000")
	if !strings.Contains(ui.claimTab.words.Text, "11 000 conteneurs") {
		t.Fatalf("claim tab shows %q", ui.claimTab.words.Text)
	}
	if got := ui.claimTab.worth.Text; !strings.HasPrefix(got, "95% worth checking: ") || !strings.Contains(got, "11 000") {
		t.Errorf("check-worthiness shows %q", got)
	}
	ui.claimTab.tags.SetText("armement, corée du nord, urgent")
	test.Tap(ui.claimTab.save)
	stored, _ := st.FindClaimByID(context.Background(), c.ID)
	if strings.Join(stored.Tags, "|") != "armement|corée du nord|urgent" || stored.Meta.UpdatedBy != "Alice" {
		t.Fatalf("stored tags %v by %s", stored.Tags, stored.Meta.UpdatedBy)
	}
	tapButton(t, ui.claimTab.steps, "→ researching")
	stored, _ = st.FindClaimByID(context.Background(), c.ID)
	if stored.Status != claims.StatusResearching || ui.claimTab.status.Text != "researching" {
		t.Fatalf("status %s, shown %q", stored.Status, ui.claimTab.status.Text)
	}
}

// tapButton taps the button labelled text among box's objects.
func tapButton(t *testing.T, box *fyne.Container, text string) {
	t.Helper()
	for _, o := range box.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

func TestArrowKeysMoveAndDeleteAsks(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	ui.list.list.Select(0)
	first := ui.current.ID
	ui.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if ui.current.ID == first || ui.current.ID != ui.list.rows[1].ID {
		t.Fatal("the down arrow did not select the next claim")
	}
	ui.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if ui.current.ID != first {
		t.Fatal("the up arrow did not come back")
	}
	ui.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	confirm := ui.window.Canvas().Overlays().Top()
	if confirm == nil {
		t.Fatal("Delete did not ask first")
	}
	tapDialogButton(t, confirm, "Yes")
	if _, err := st.FindClaimByID(context.Background(), first); claims.ErrorCode(err) != claims.ENOTFOUND {
		t.Fatalf("after confirming, FindClaimByID = %v, want a tombstone", err)
	}
	if len(ui.list.rows) != 20 {
		t.Fatalf("%d rows after deleting one of 21", len(ui.list.rows))
	}
}

// tapDialogButton taps the button labelled text in an overlay.
func tapDialogButton(t *testing.T, overlay fyne.CanvasObject, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(overlay) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the dialog", text)
}

func TestFirstLaunchAsksTheName(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "")
	d := ui.window.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no welcome dialog")
	}
	var name *widget.Entry
	for _, o := range test.LaidOutObjects(d) {
		if e, ok := o.(*widget.Entry); ok && name == nil {
			name = e
		}
	}
	test.Type(name, "Alice Martin")
	tapDialogButton(t, d, "Save")
	if got := ui.prefs.reviewer(); got != "Alice Martin" {
		t.Fatalf("reviewer = %q", got)
	}
	if !strings.Contains(ui.status.Text, "signed as Alice Martin") {
		t.Errorf("status bar = %q", ui.status.Text)
	}
}

// shownShortcuts opens Help > Keyboard shortcuts and returns what it shows,
// a line "keys<tab>help" for each shortcut.
func shownShortcuts(ui *UI) string {
	ui.showShortcuts()
	var labels []*widget.Label
	for _, o := range rendered(ui.window.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l)
		}
	}
	var lines []string
	for i, l := range labels[:max(len(labels)-1, 0)] {
		if l.TextStyle.Bold && l.Alignment == fyne.TextAlignTrailing {
			lines = append(lines, l.Text+"\t"+labels[i+1].Text)
		}
	}
	ui.window.Canvas().Overlays().Top().Hide()
	return strings.Join(lines, "\n")
}

func TestShortcutHelpListsEveryShortcut(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	help := shownShortcuts(ui)
	for _, want := range []string{"Ctrl+N\tNew claim", "Ctrl+F\tSearch claims", "Ctrl+Shift+S\tSave a copy", "Ctrl+3\tEvidence tab", "Delete\t"} {
		if !strings.Contains(help, want) {
			t.Errorf("shortcut help lacks %q", want)
		}
	}
	for _, c := range ui.commands() {
		if line := c.keys() + "\t" + c.help; !strings.Contains(help, line) {
			t.Errorf("shortcut help lacks %q", line)
		}
	}
}

// TestEveryMenuItemHasAShortcut walks the menus: Fyne's menu bar cannot be
// opened from the keyboard, so each item needs a shortcut of its own, which
// the help lists, and which no other item has.
func TestEveryMenuItemHasAShortcut(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	help := shownShortcuts(ui)
	byName := map[string]command{}
	for _, c := range ui.commands() {
		byName[c.shortcut().ShortcutName()] = c
	}
	seen := map[string]string{}
	for _, menu := range ui.window.MainMenu().Items {
		for _, item := range menu.Items {
			if item.IsSeparator {
				continue
			}
			if item.Shortcut == nil {
				t.Errorf("%s > %s has no shortcut", menu.Label, item.Label)
				continue
			}
			name := item.Shortcut.ShortcutName()
			if other, twice := seen[name]; twice {
				t.Errorf("%s and %s share a shortcut", other, item.Label)
			}
			seen[name] = item.Label
			c, ok := byName[name]
			if !ok || c.label != item.Label || !strings.Contains(help, c.keys()+"\t") {
				t.Errorf("the shortcut of %s > %s is not the one the help lists", menu.Label, item.Label)
			}
		}
	}
	if len(seen) != len(byName) {
		t.Errorf("the menus hold %d shortcuts, the table %d", len(seen), len(byName))
	}
}

// press types Ctrl (Cmd on a Mac) with key, and Shift if asked, on the
// window's canvas.
func press(ui *UI, key fyne.KeyName, shift bool) {
	c := command{key: key, shift: shift}
	ui.window.Canvas().(fyne.Shortcutable).TypedShortcut(c.shortcut())
}

func TestCtrlDigitsShowTheDetailTabs(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	findClaim(t, ui, "11 000")
	ui.showDashboard()
	press(ui, fyne.Key3, false)
	if ui.dashboardShown() || ui.shownTab() != tabEvidence {
		t.Fatalf("Ctrl+3 shows the %s tab, dashboard shown: %v", ui.shownTab(), ui.dashboardShown())
	}
	press(ui, fyne.Key6, false)
	if ui.shownTab() != tabCorrections {
		t.Fatalf("Ctrl+6 shows the %s tab", ui.shownTab())
	}
}

// menuLabels returns the titles of the main menu and the labels of the
// first menu's items.
func menuLabels(ui *UI) (titles, fileItems []string) {
	menus := ui.window.MainMenu().Items
	for _, m := range menus {
		titles = append(titles, m.Label)
	}
	for _, item := range menus[0].Items {
		fileItems = append(fileItems, item.Label)
	}
	return titles, fileItems
}

// shownRowStatuses returns the statuses the claim list's drawn rows show.
func shownRowStatuses(ui *UI) []string {
	var out []string
	for _, o := range rendered(ui.window.Content()) {
		if row, ok := o.(*claimRow); ok {
			out = append(out, row.status.Text)
		}
	}
	return out
}

func TestMainWindowSpeaksEachLanguage(t *testing.T) {
	tests := []struct {
		language, signed, count, progress, headline, thousands string
		menus, tabs                                            []string
		item, status                                           string
	}{
		{
			language: locale.English, signed: "signed as Alice", count: "21 of 21 claims",
			progress: "0 of 21 published", headline: "21 claims · 0 published · 0% done",
			thousands: "12,000 claims · 3,000 published · 25% done",
			menus:     []string{"File", "Edit", "View", "Help"},
			tabs:      []string{"Claim", "Article", "Evidence", "Verdict", "History", "Corrections"},
			item:      "Save a copy…", status: "to triage",
		},
		{
			language: locale.French, signed: "signé par Alice", count: "21 sur 21 affirmations",
			progress: "0 publiée sur 21", headline: "21 affirmations · 0 publiée · avancement\u00a0: 0\u00a0%",
			thousands: "12\u00a0000 affirmations · 3\u00a0000 publiées · avancement\u00a0: 25\u00a0%",
			menus:     []string{"Fichier", "Édition", "Affichage", "Aide"},
			tabs:      []string{"Affirmation", "Article", "Preuves", "Verdict", "Historique", "Corrections"},
			item:      "Enregistrer une copie…", status: "à trier",
		},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			ui := newTestUIIn(t, sampleStore(t), "Alice", tt.language)
			titles, items := menuLabels(ui)
			if !slices.Equal(titles, tt.menus) || !slices.Contains(items, tt.item) {
				t.Errorf("menus %q, File items %q; want %q and %q", titles, items, tt.menus, tt.item)
			}
			var tabs []string
			for _, item := range ui.tabs.Items {
				tabs = append(tabs, item.Text)
			}
			if !slices.Equal(tabs, tt.tabs) {
				t.Errorf("tabs %q, want %q", tabs, tt.tabs)
			}
			if !strings.Contains(ui.status.Text, tt.signed) {
				t.Errorf("status bar %q lacks %q", ui.status.Text, tt.signed)
			}
			if got := ui.list.count.Text; got != tt.count {
				t.Errorf("claim count %q, want %q", got, tt.count)
			}
			if got := shownRowStatuses(ui); len(got) == 0 || got[0] != tt.status {
				t.Errorf("rows show the statuses %q, want %q first", got, tt.status)
			}
			if got := (chartData{total: 12000, published: 3000, toCheck: 12000}).headline(); got != tt.thousands {
				t.Errorf("headline of thousands %q, want %q", got, tt.thousands)
			}
			ui.showDashboard()
			if got := ui.dashboard.headline.Text; got != tt.headline {
				t.Errorf("dashboard headline %q, want %q", got, tt.headline)
			}
			if got := sidebarProgress(ui); got != tt.progress {
				t.Errorf("sidebar progress %q, want %q", got, tt.progress)
			}
		})
	}
}

// sidebarProgress is the text of the sidebar's first progress bar.
func sidebarProgress(ui *UI) string {
	for _, o := range rendered(ui.window.Content()) {
		if bar, ok := o.(*widget.ProgressBar); ok && bar.TextFormatter != nil {
			return bar.TextFormatter()
		}
	}
	return ""
}

// countingStore counts the checks of the whole file.
type countingStore struct {
	claims.Store
	checks int
}

func (s *countingStore) Check(ctx context.Context) (*claims.IntegrityReport, error) {
	s.checks++
	return s.Store.Check(ctx)
}

// TestSwitchingLanguageInPreferences chooses French in the Preferences
// dialog: the window speaks it at once, still on the same claim and tab,
// without checking the file or announcing its first frame again, and its
// shortcuts still work.
func TestSwitchingLanguageInPreferences(t *testing.T) {
	st := &countingStore{Store: sampleStore(t)}
	ui := newTestUI(t, st, "Alice")
	firstFrames := 0
	ui.opts.OnFirstRows = func() { firstFrames++ }
	ui.sidebar.list.Select(1)
	c := findClaim(t, ui, "11 000")
	ui.openTab(tabEvidence)

	press(ui, fyne.KeyComma, false)
	formItem(t, ui, "Language").(*widget.Select).SetSelected("Français")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Save")

	if got := ui.prefs.String(prefLanguage); got != locale.French {
		t.Fatalf("language preference = %q", got)
	}
	if titles, _ := menuLabels(ui); titles[0] != "Fichier" || ui.tabs.Items[0].Text != "Affirmation" {
		t.Fatalf("after the switch: menus %q, first tab %q", titles, ui.tabs.Items[0].Text)
	}
	if ui.current == nil || ui.current.ID != c.ID || ui.shownTab() != tabEvidence || ui.list.shownID != c.ID {
		t.Fatalf("after the switch the window shows %+v in the %s tab", ui.current, ui.shownTab())
	}
	if ui.list.search.Text != "11 000" || len(ui.list.rows) != 1 || ui.list.articleID == "" {
		t.Errorf("the list lost its search or article: %q, %d rows", ui.list.search.Text, len(ui.list.rows))
	}
	if !strings.Contains(ui.status.Text, "signé par Alice") || !strings.Contains(ui.status.Text, "fichier vérifié") {
		t.Errorf("status bar = %q", ui.status.Text)
	}
	if st.checks != 1 || firstFrames != 0 {
		t.Errorf("after the switch: %d file checks, %d first frames; want 1 and 0", st.checks, firstFrames)
	}
	press(ui, fyne.KeyN, false)
	if formItem(t, ui, "Mots exacts") == nil {
		t.Fatal("Ctrl+N does not open the new claim form")
	}
}

func TestMainWindowMarkup(t *testing.T) {
	for language, golden := range map[string]string{locale.English: "main_window.xml", locale.French: "main_window.fr.xml"} {
		t.Run(language, func(t *testing.T) {
			ui := newTestUIIn(t, sampleStore(t), "Alice", language)
			ui.sidebar.list.Select(1)
			findClaim(t, ui, "11 000")
			ui.list.search.SetText("")
			ui.window.Content().Refresh()
			test.AssertRendersToMarkup(t, golden, ui.window.Canvas())
		})
	}
}

func TestQuitRemembersTheWindowSize(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	ui.window.Resize(fyne.NewSize(1024, 700))
	ui.quit()
	if w, h := ui.prefs.Float(prefWidth), ui.prefs.Float(prefHeight); w != 1024 || h != 700 {
		t.Fatalf("remembered %v×%v, want 1024×700", w, h)
	}
	if _, err := st.Settings(context.Background()); err == nil {
		t.Error("the database is still open after quitting")
	}
	again := New(ui.app, test.NewTempWindow(t, nil), sampleStore(t), Options{})
	if got := again.window.Canvas().Size(); got.Width != 1024 || got.Height != 700 {
		t.Fatalf("a new window opens at %v", got)
	}
}
