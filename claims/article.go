package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Languages ClaimDesk knows how to work in.
const (
	LangFrench  = "fr"
	LangEnglish = "en"
)

// Article is a frozen copy of a published text whose claims are checked.
// The text never changes after import, so anchors into it stay valid.
type Article struct {
	ID          string
	Title       string
	Outlet      string
	URL         string
	PublishedOn string // YYYY-MM-DD, or "" when unknown
	Language    string // LangFrench or LangEnglish
	Text        string
	TextSHA256  string // hex SHA-256 of Text, filled in by Freeze
	ImportedAt  time.Time
	Meta        Meta
}

// Freeze records the SHA-256 of the article text, which proves later that
// the text is the one the claims were anchored in.
func (a *Article) Freeze() {
	a.TextSHA256 = TextHash(a.Text)
}

// TextHash returns the hex SHA-256 of text.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Validate returns EINVALID when the article cannot be stored.
func (a *Article) Validate() error {
	err := firstError(
		checkRequired(Textf("The article title"), a.Title, MaxShortText),
		checkText(Textf("The outlet"), a.Outlet, MaxShortText),
		checkURL(Textf("The article URL"), a.URL),
		checkDate(Textf("The publication date"), a.PublishedOn),
		checkRequired(Textf("The article text"), a.Text, MaxArticleText),
	)
	if err != nil {
		return err
	}
	if !ValidLanguage(a.Language) {
		return Errorf(EINVALID, "The language must be %q or %q, not %q.", LangFrench, LangEnglish, truncate(a.Language, 20))
	}
	if a.TextSHA256 != TextHash(a.Text) {
		return Errorf(EINVALID, "The article text does not match its SHA-256; it was changed after import.")
	}
	return nil
}

// ValidLanguage reports whether lang is a language ClaimDesk supports.
func ValidLanguage(lang string) bool {
	return lang == LangFrench || lang == LangEnglish
}
