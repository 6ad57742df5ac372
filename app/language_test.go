package app

import (
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2/test"
)

func TestSetLanguageSwitchesWordsAndFormats(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { setLanguage(locale.English) })
	at := time.Date(2026, 11, 27, 12, 0, 0, 0, time.Local)
	tests := []struct {
		lang, status, date, count string
	}{
		{locale.French, "en relecture", "27 nov. 2026", "11\u00a0000"},
		{locale.English, "in review", "Nov 27, 2026", "11,000"},
		{locale.French, "en relecture", "27 nov. 2026", "11\u00a0000"},
	}
	for _, tt := range tests {
		setLanguage(tt.lang)
		if got := statusName(claims.StatusInReview); got != tt.status {
			t.Errorf("%s: status name %q, want %q", tt.lang, got, tt.status)
		}
		if got := formatDate(at); got != tt.date {
			t.Errorf("%s: date %q, want %q", tt.lang, got, tt.date)
		}
		if got := formatInt(11000); got != tt.count {
			t.Errorf("%s: count %q, want %q", tt.lang, got, tt.count)
		}
	}
}

func TestLanguageForFallsBackToTheSystem(t *testing.T) {
	for pref, want := range map[string]string{"fr": locale.French, "en": locale.English, "": systemLanguage, "klingon": systemLanguage} {
		if got := languageFor(pref); got != want {
			t.Errorf("languageFor(%q) = %q, want %q", pref, got, want)
		}
	}
}
