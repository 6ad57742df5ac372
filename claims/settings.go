package claims

// Settings are a database's own choices, travelling with the file.
type Settings struct {
	Language     string // the newsroom's working language, LangFrench or LangEnglish
	Organization string // the fact-checking organisation, ClaimReview's author
	BaseURL      string // where verdicts are published; claim URLs are built on it
	Scale        RatingScale
	// RequireSecondReviewer forbids publishing a verdict approved only by
	// its own author.
	RequireSecondReviewer bool
}

// DefaultSettings returns the settings of a new database in lang.
func DefaultSettings(lang string) Settings {
	return Settings{Language: lang, Scale: DefaultScale(lang), RequireSecondReviewer: true}
}

// Validate returns EINVALID when the settings cannot be stored.
func (s *Settings) Validate() error {
	if !ValidLanguage(s.Language) {
		return Errorf(EINVALID, "The language must be %q or %q.", LangFrench, LangEnglish)
	}
	return firstError(
		checkText(Textf("The organisation"), s.Organization, MaxShortText),
		checkURL(Textf("The base URL"), s.BaseURL),
		s.Scale.Validate(),
	)
}

// SettingsUpdate changes some settings; nil fields are left as they are.
type SettingsUpdate struct {
	Organization          *string
	BaseURL               *string
	RequireSecondReviewer *bool
}
