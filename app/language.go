package app

import (
	"os"
	"time"

	"claimdesk/assets"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// prefLanguage holds the language chosen in Preferences; empty follows the
// system.
const prefLanguage = "interface.language"

// uiLanguage is the language the interface speaks, for the numbers and dates
// it writes; Fyne's lang package holds the words. Both are per process, as
// there is one window.
var uiLanguage = locale.English

// systemLanguage is the language of the user's locale settings, read once
// before ClaimDesk names one of its own.
var systemLanguage = locale.FromEnvironment(os.Getenv)

// languageFor returns the language a preference names, or the system's.
func languageFor(pref string) string {
	if code, err := locale.Parse(pref); err == nil {
		return code
	}
	return systemLanguage
}

// setLanguage makes the interface speak code from the next label it builds.
// Fyne's lang package offers no call to name a language: it matches its
// translations against the user's locale, read from the environment as
// gettext does. LANGUAGE is the variable made for naming a preferred
// language, so ClaimDesk sets it for its own process and loads the
// translations again, which makes Fyne match once more.
func setLanguage(code string) {
	uiLanguage = code
	if err := os.Setenv("LANGUAGE", code); err != nil {
		fyne.LogError("Cannot choose the interface language", err)
	}
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		fyne.LogError("Cannot load the translations", err)
	}
}

// formatDate writes the day of t in the interface's language.
func formatDate(t time.Time) string { return locale.Date(t.Local(), uiLanguage) }

// formatDateTime writes the day and minute of t in the interface's language.
func formatDateTime(t time.Time) string { return locale.DateTime(t.Local(), uiLanguage) }

// formatInt writes n with its thousands grouped for the interface's language.
func formatInt(n int) string { return locale.Int(n, uiLanguage) }
