package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// command is one thing the window does from its menus: its label there,
// its keyboard shortcut, Ctrl (Cmd on a Mac) with key and maybe Shift, what
// the shortcut help says of it, and what it does. Fyne's menu bar cannot be
// opened from the keyboard, so every command has a shortcut; the menus, the
// shortcuts and their help are all made from one table, so that they cannot
// disagree.
type command struct {
	id    string
	key   fyne.KeyName
	shift bool
	label string
	help  string
	do    func()
}

// The commands' IDs, by which the menus find them in the table.
const (
	cmdNewDatabase = "new-database"
	cmdOpen        = "open"
	cmdRecent      = "recent"
	cmdImport      = "import"
	cmdExport      = "export"
	cmdSaveCopy    = "save-copy"
	cmdMerge       = "merge"
	cmdConflicts   = "conflicts"
	cmdQuit        = "quit"
	cmdNewClaim    = "new-claim"
	cmdNewSource   = "new-source"
	cmdPublication = "publication"
	cmdPreferences = "preferences"
	cmdSearch      = "search"
	cmdDashboard   = "dashboard"
	cmdClaims      = "claims"
	cmdShortcuts   = "shortcuts"
	cmdAbout       = "about"
)

// tabKeys are the keys that show the detail tabs, in the tabs' order.
var tabKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}

// commands is the table of the window's commands, in the order of the
// menus.
func (ui *UI) commands() []command {
	list := []command{
		{cmdNewDatabase, fyne.KeyN, true, lang.L("menu.file.new-database"), lang.L("shortcuts.new-database"), ui.newDatabase},
		{cmdOpen, fyne.KeyO, false, lang.L("menu.file.open"), lang.L("shortcuts.open"), ui.openDatabase},
		{cmdRecent, fyne.KeyO, true, lang.L("menu.file.recent"), lang.L("shortcuts.recent"), ui.showRecent},
		{cmdImport, fyne.KeyI, false, lang.L("menu.file.import"), lang.L("shortcuts.import"), ui.importArticle},
		{cmdExport, fyne.KeyE, false, lang.L("menu.file.export"), lang.L("shortcuts.export"), ui.exportReport},
		{cmdSaveCopy, fyne.KeyS, true, lang.L("menu.file.save-copy"), lang.L("shortcuts.save-copy"), ui.saveCopy},
		{cmdMerge, fyne.KeyM, true, lang.L("menu.file.merge"), lang.L("shortcuts.merge"), ui.mergeFrom},
		{cmdConflicts, fyne.KeyC, true, lang.L("menu.file.conflicts"), lang.L("shortcuts.conflicts"), ui.showConflicts},
		{cmdQuit, fyne.KeyQ, false, lang.L("menu.file.quit"), lang.L("shortcuts.quit"), ui.quit},
		{cmdNewClaim, fyne.KeyN, false, lang.L("menu.edit.new-claim"), lang.L("shortcuts.new-claim"), ui.newClaim},
		{cmdNewSource, fyne.KeyE, true, lang.L("menu.edit.new-source"), lang.L("shortcuts.new-source"), ui.newSource},
		{cmdPublication, fyne.KeyP, true, lang.L("menu.edit.publication"), lang.L("shortcuts.publication"), ui.editPublication},
		{cmdPreferences, fyne.KeyComma, false, lang.L("menu.edit.preferences"), lang.L("shortcuts.preferences"), func() { ui.editPreferences(false) }},
		{cmdSearch, fyne.KeyF, false, lang.L("menu.view.search"), lang.L("shortcuts.search"), ui.focusSearch},
		{cmdDashboard, fyne.KeyD, false, lang.L("menu.view.dashboard"), lang.L("shortcuts.dashboard"), ui.showDashboard},
		{cmdClaims, fyne.KeyL, false, lang.L("menu.view.claims"), lang.L("shortcuts.claims"), ui.showClaims},
	}
	for i, id := range detailTabs {
		name := lang.L("shortcuts.tab", map[string]any{"Tab": tabLabel(id)})
		list = append(list, command{"tab-" + id, tabKeys[i], false, name, name, func() { ui.showTab(id) }})
	}
	return append(list,
		command{cmdShortcuts, fyne.KeyH, false, lang.L("menu.help.shortcuts"), lang.L("shortcuts.shortcuts"), ui.showShortcuts},
		command{cmdAbout, fyne.KeyH, true, lang.L("menu.help.about"), lang.L("shortcuts.about"), ui.showAbout},
	)
}

// shortcut is the command's key combination.
func (c command) shortcut() *desktop.CustomShortcut {
	mod := fyne.KeyModifierShortcutDefault
	if c.shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: c.key, Modifier: mod}
}

// keys writes the command's key combination as the help shows it, with
// the names printed on the keys of the language's keyboards.
func (c command) keys() string {
	if c.shift {
		return "Ctrl+" + lang.L("shortcuts.shift-key") + "+" + string(c.key)
	}
	return "Ctrl+" + string(c.key)
}

// installShortcuts binds every command's shortcut on the canvas, for when
// no menu item catches it first. The canvas outlives the content that
// switching the language builds again, and the commands find the window's
// parts when they run, so this is done once per window.
func (ui *UI) installShortcuts() {
	for _, c := range ui.commands() {
		do := c.do
		ui.window.Canvas().AddShortcut(c.shortcut(), func(fyne.Shortcut) { do() })
	}
}

func (ui *UI) installMenus() {
	byID := map[string]command{}
	for _, c := range ui.commands() {
		byID[c.id] = c
	}
	item := func(id string) *fyne.MenuItem {
		c := byID[id]
		it := fyne.NewMenuItem(c.label, c.do)
		it.Shortcut = c.shortcut()
		return it
	}
	recent := item(cmdRecent)
	recent.ChildMenu = fyne.NewMenu("")
	ui.refreshRecent(recent)
	quit := item(cmdQuit)
	quit.IsQuit = true
	view := []*fyne.MenuItem{item(cmdSearch), item(cmdDashboard), item(cmdClaims), fyne.NewMenuItemSeparator()}
	for _, id := range detailTabs {
		view = append(view, item("tab-"+id))
	}
	ui.window.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.L("menu.file"),
			item(cmdNewDatabase), item(cmdOpen), recent,
			fyne.NewMenuItemSeparator(),
			item(cmdImport), item(cmdExport),
			fyne.NewMenuItemSeparator(),
			item(cmdSaveCopy), item(cmdMerge), item(cmdConflicts),
			fyne.NewMenuItemSeparator(),
			quit),
		fyne.NewMenu(lang.L("menu.edit"),
			item(cmdNewClaim), item(cmdNewSource),
			fyne.NewMenuItemSeparator(),
			item(cmdPublication), item(cmdPreferences)),
		fyne.NewMenu(lang.L("menu.view"), view...),
		fyne.NewMenu(lang.L("menu.help"), item(cmdShortcuts), item(cmdAbout)),
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

// showRecent offers the recent files as buttons, which the keyboard
// reaches, unlike the submenu.
func (ui *UI) showRecent() {
	paths := ui.prefs.recent()
	if len(paths) == 0 {
		dialog.ShowInformation(lang.L("menu.file.recent"), lang.L("menu.no-recent"), ui.window)
		return
	}
	box := container.NewVBox()
	d := dialog.NewCustom(lang.L("menu.file.recent"), lang.L("common.cancel"), box, ui.window)
	for _, path := range paths {
		box.Add(widget.NewButton(path, func() {
			d.Hide()
			ui.switchTo(path)
		}))
	}
	d.Show()
	ui.window.Canvas().Focus(box.Objects[0].(fyne.Focusable))
}

func (ui *UI) focusSearch() {
	ui.showClaims()
	ui.window.Canvas().Focus(ui.list.search)
}

// showTab shows a detail tab, and the claims view it is part of.
func (ui *UI) showTab(id string) {
	ui.showClaims()
	ui.openTab(id)
}

// shortcutLines are the keyboard shortcuts and what they do, in pairs.
func (ui *UI) shortcutLines() [][2]string {
	var lines [][2]string
	for _, c := range ui.commands() {
		lines = append(lines, [2]string{c.keys(), c.help})
	}
	return append(lines,
		[2]string{"↑ ↓", lang.L("shortcuts.arrows")},
		[2]string{lang.L("shortcuts.delete-key"), lang.L("shortcuts.delete")},
		[2]string{lang.L("shortcuts.tab-key"), lang.L("shortcuts.focus")})
}

// showShortcuts shows the help in two columns, short enough not to scroll:
// a scrolled list could not be read to its end from the keyboard.
func (ui *UI) showShortcuts() {
	lines := ui.shortcutLines()
	half := (len(lines) + 1) / 2
	columns := container.NewHBox(shortcutColumn(lines[:half]), shortcutColumn(lines[half:]))
	dialog.ShowCustom(lang.L("menu.help.shortcuts"), lang.L("common.close"), columns, ui.window)
}

// shortcutColumn lists shortcuts, each key combination before its help.
func shortcutColumn(lines [][2]string) fyne.CanvasObject {
	column := container.New(layout.NewFormLayout())
	for _, l := range lines {
		column.Add(widget.NewLabelWithStyle(l[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		column.Add(widget.NewLabel(l[1]))
	}
	return column
}

func (ui *UI) showAbout() {
	dialog.ShowInformation(lang.L("menu.help.about"), lang.L("menu.about-text"), ui.window)
}
