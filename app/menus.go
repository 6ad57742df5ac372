package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcut is one keyboard shortcut: its key, what it does, and how the
// help lists it.
type shortcut struct {
	key  fyne.KeyName
	help string
	do   func()
}

func (ui *UI) shortcuts() []shortcut {
	return []shortcut{
		{fyne.KeyN, "New claim", ui.newClaim},
		{fyne.KeyF, "Search claims", ui.focusSearch},
		{fyne.KeyO, "Open a database", ui.openDatabase},
		{fyne.KeyI, "Import an article", ui.importArticle},
		{fyne.KeyE, "Export a report", ui.exportReport},
		{fyne.KeyD, "Dashboard", ui.showDashboard},
		{fyne.KeyL, "Claims", ui.showClaims},
		{fyne.KeyComma, "Preferences", func() { ui.editPreferences(false) }},
		{fyne.KeyQ, "Quit", ui.quit},
	}
}

// installShortcuts binds Ctrl+key (Cmd on a Mac) for every shortcut.
func (ui *UI) installShortcuts() {
	for _, s := range ui.shortcuts() {
		do := s.do
		ui.window.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { do() })
	}
	ui.list.onDelete = func() { ui.claimTab.confirmDelete() }
}

func (ui *UI) item(label string, key fyne.KeyName, do func()) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, do)
	if key != "" {
		item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	}
	return item
}

func (ui *UI) installMenus() {
	recent := fyne.NewMenuItem("Open recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	ui.refreshRecent(recent)
	quit := ui.item("Quit", fyne.KeyQ, ui.quit)
	quit.IsQuit = true
	prefs := ui.item("Preferences…", fyne.KeyComma, func() { ui.editPreferences(false) })
	ui.window.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File",
			fyne.NewMenuItem("New database…", ui.newDatabase),
			ui.item("Open…", fyne.KeyO, ui.openDatabase),
			recent,
			fyne.NewMenuItemSeparator(),
			ui.item("Import article…", fyne.KeyI, ui.importArticle),
			ui.item("Export…", fyne.KeyE, ui.exportReport),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Save a copy…", ui.saveCopy),
			fyne.NewMenuItem("Merge from…", ui.mergeFrom),
			fyne.NewMenuItem("Conflicts…", ui.showConflicts),
			fyne.NewMenuItemSeparator(),
			quit),
		fyne.NewMenu("Edit",
			ui.item("New claim…", fyne.KeyN, ui.newClaim),
			fyne.NewMenuItem("New source…", ui.newSource),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Publication settings…", ui.editPublication),
			prefs),
		fyne.NewMenu("View",
			ui.item("Dashboard", fyne.KeyD, ui.showDashboard),
			ui.item("Claims", fyne.KeyL, ui.showClaims)),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("Keyboard shortcuts", ui.showShortcuts),
			fyne.NewMenuItem("About ClaimDesk", ui.showAbout)),
	))
}

// refreshRecent lists the recent files under File > Open recent.
func (ui *UI) refreshRecent(recent *fyne.MenuItem) {
	recent.ChildMenu.Items = nil
	for _, path := range ui.prefs.recent() {
		p := path
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(p, func() { ui.switchTo(p) }))
	}
	recent.Disabled = len(recent.ChildMenu.Items) == 0
}

func (ui *UI) focusSearch() {
	ui.showClaims()
	ui.window.Canvas().Focus(ui.list.search)
}

// shortcutHelp lists the keyboard shortcuts, one a line.
func (ui *UI) shortcutHelp() string {
	lines := []string{}
	for _, s := range ui.shortcuts() {
		lines = append(lines, "Ctrl+"+string(s.key)+"\t"+s.help)
	}
	lines = append(lines,
		"↑ ↓\tMove in the claim list",
		"Delete\tDelete the selected claim (asks first)")
	return strings.Join(lines, "\n")
}

func (ui *UI) showShortcuts() {
	text := widget.NewLabel(ui.shortcutHelp())
	dialog.ShowCustom("Keyboard shortcuts", "Close", text, ui.window)
}

func (ui *UI) showAbout() {
	dialog.ShowInformation("About ClaimDesk",
		"ClaimDesk: a fact-checking workbench.\n\nClaims anchored to the exact words of a frozen article,\n"+
			"evidence as data, verdicts signed off by a second reviewer,\nand a tamper-evident history, in one portable file.",
		ui.window)
}
