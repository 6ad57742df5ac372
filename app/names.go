package app

import (
	"claimdesk/assets"
	"claimdesk/claims"
)

// The names of the domain's values in the interface's language. They come
// from assets.Words, which the reports name them with too: the same files
// Fyne's lang reads, one switch per kind of value.

func uiWords() *assets.Words { return assets.WordsFor(uiLanguage) }

func statusName(s claims.Status) string { return uiWords().Status(s) }

func kindName(k claims.Kind) string { return uiWords().Kind(k) }

func stanceName(s claims.Stance) string { return uiWords().Stance(s) }

func reliabilityName(r claims.Reliability) string { return uiWords().Reliability(r) }

func languageName(code string) string { return uiWords().LanguageName(code) }
