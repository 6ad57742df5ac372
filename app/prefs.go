package app

import (
	"slices"
	"strings"

	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Preference keys. They are stored by Fyne per user: never rename them.
const (
	prefReviewer     = "reviewer.name"
	prefOrganization = "reviewer.organization"
	prefWidth        = "window.width"
	prefHeight       = "window.height"
	prefRecent       = "files.recent"
	maxRecent        = 8
)

// preferences are what ClaimDesk remembers for this user, apart from any
// database: who they are, the window's size and the files they opened.
type preferences struct {
	fyne.Preferences
}

func (p preferences) reviewer() string {
	return strings.TrimSpace(p.String(prefReviewer))
}

func (p preferences) reviewerOrPlaceholder() string {
	if name := p.reviewer(); name != "" {
		return name
	}
	return lang.L("prefs.no-name")
}

// recent returns the files opened lately, newest first.
func (p preferences) recent() []string {
	return p.StringList(prefRecent)
}

// remember puts path first in the recent files.
func (p preferences) remember(path string) {
	list := []string{path}
	for _, old := range p.recent() {
		if old != path && len(list) < maxRecent {
			list = append(list, old)
		}
	}
	p.SetStringList(prefRecent, list)
}

// askNameOnFirstLaunch asks who the reviewer is, once: every change is
// signed with that name.
func (ui *UI) askNameOnFirstLaunch() {
	fyne.Do(func() {
		if ui.prefs.reviewer() == "" {
			ui.editPreferences(true)
		}
	})
}

// editPreferences asks for the reviewer's name and organisation, and the
// language of the interface. On first launch the dialog explains why it
// asks.
func (ui *UI) editPreferences(first bool) {
	name, org := widget.NewEntry(), widget.NewEntry()
	name.SetText(ui.prefs.reviewer())
	org.SetText(ui.prefs.String(prefOrganization))
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return prefError(lang.L("prefs.name-required"))
		}
		return nil
	}
	language := newLanguageSelect(ui.prefs.String(prefLanguage))
	look := newThemeSelect(ui.prefs.String(prefTheme))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("prefs.name"), name),
		widget.NewFormItem(lang.L("prefs.organization"), org),
		widget.NewFormItem(lang.L("prefs.language"), language),
		widget.NewFormItem(lang.L("prefs.theme"), look),
	}
	title := lang.L("prefs.title")
	if first {
		title = lang.L("prefs.welcome")
		items[0].HintText = lang.L("prefs.name-hint")
	}
	d := dialog.NewForm(title, lang.L("common.save"), lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		ui.prefs.SetString(prefReviewer, strings.TrimSpace(name.Text))
		ui.prefs.SetString(prefOrganization, strings.TrimSpace(org.Text))
		ui.prefs.SetString(prefLanguage, chosenLanguage(language))
		if pref := chosenTheme(look); pref != ui.prefs.String(prefTheme) {
			ui.prefs.SetString(prefTheme, pref)
			ui.app.Settings().SetTheme(themeFor(pref))
		}
		if languageFor(ui.prefs.String(prefLanguage)) != uiLanguage {
			ui.switchLanguage()
			return
		}
		ui.setStatus()
	}, ui.window)
	name.OnSubmitted = func(string) { d.Submit() }
	org.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
	ui.window.Canvas().Focus(name)
}

// prefError is a validation message of the preferences form.
type prefError string

// Error returns the message.
func (e prefError) Error() string { return string(e) }

// languagePrefs are what the language preference may hold, in the order the
// select offers them: "" follows the system.
var languagePrefs = []string{"", locale.English, locale.French}

// newLanguageSelect offers the system's language and each language by its
// own name, as a reader who does not read the current one looks for it,
// with the preference pref chosen.
func newLanguageSelect(pref string) *widget.Select {
	system := lang.L("prefs.language-system", map[string]any{"Language": languageName(systemLanguage)})
	s := widget.NewSelect([]string{system, "English", "Français"}, nil)
	s.SetSelectedIndex(max(slices.Index(languagePrefs, pref), 0))
	return s
}

// chosenLanguage is the preference a select made by newLanguageSelect holds.
func chosenLanguage(s *widget.Select) string {
	return languagePrefs[max(s.SelectedIndex(), 0)]
}

// themePrefs are what the theme preference may hold, in the order the
// select offers them: "" follows the system.
var themePrefs = []string{"", "light", "dark"}

// newThemeSelect offers the system's theme, light and dark, with the
// preference pref chosen.
func newThemeSelect(pref string) *widget.Select {
	s := widget.NewSelect([]string{lang.L("prefs.theme-system"), lang.L("prefs.theme-light"), lang.L("prefs.theme-dark")}, nil)
	s.SetSelectedIndex(max(slices.Index(themePrefs, pref), 0))
	return s
}

// chosenTheme is the preference a select made by newThemeSelect holds.
func chosenTheme(s *widget.Select) string {
	return themePrefs[max(s.SelectedIndex(), 0)]
}

// restoreSize gives the window the size it had when last closed.
func (ui *UI) restoreSize() {
	w := ui.prefs.FloatWithFallback(prefWidth, 1280)
	h := ui.prefs.FloatWithFallback(prefHeight, 800)
	ui.window.Resize(fyne.NewSize(float32(w), float32(h)))
}

// Quit remembers the window's size, closes the database and ends the app,
// as File > Quit does. Safe to call from any goroutine.
func (ui *UI) Quit() {
	fyne.Do(ui.quit)
}

// quit stops background work, remembers the window's size, closes the
// database and ends the app.
func (ui *UI) quit() {
	ui.cancel()
	size := ui.window.Canvas().Size()
	ui.prefs.SetFloat(prefWidth, float64(size.Width))
	ui.prefs.SetFloat(prefHeight, float64(size.Height))
	// The window goes at once; closing the file waits for the check of its
	// pages, if one is running, which cannot be stopped half way.
	ui.window.Hide()
	if err := ui.store.Close(); err != nil {
		fyne.LogError("close database", err)
	}
	ui.app.Quit()
}
