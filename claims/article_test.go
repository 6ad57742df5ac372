package claims_test

import (
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestTextHash(t *testing.T) {
	for name, tt := range map[string]struct {
		text, want string
	}{
		"empty": {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		"abc":   {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := claims.TextHash(tt.text); got != tt.want {
				t.Errorf("TextHash(%q) = %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestArticleFreeze(t *testing.T) {
	a := claims.Article{Text: frenchText}
	a.Freeze()
	if got, want := a.TextSHA256, claims.TextHash(frenchText); got != want {
		t.Errorf("TextSHA256 = %s, want %s", got, want)
	}
	if got, want := len(a.TextSHA256), 64; got != want {
		t.Errorf("len(TextSHA256) = %d, want %d", got, want)
	}
}

func TestArticleValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		edit     func(a *claims.Article)
		wantCode string
		wantIn   string
	}{
		"valid":                {func(a *claims.Article) {}, "", ""},
		"english":              {func(a *claims.Article) { a.Language = claims.LangEnglish }, "", ""},
		"no outlet, url, date": {func(a *claims.Article) { a.Outlet, a.URL, a.PublishedOn = "", "", "" }, "", ""},
		"http url":             {func(a *claims.Article) { a.URL = "http://example.com" }, "", ""},
		"title of 1000 runes":  {func(a *claims.Article) { a.Title = strings.Repeat("é", claims.MaxShortText) }, "", ""},

		"missing title":    {func(a *claims.Article) { a.Title = "" }, claims.EINVALID, "The article title must not be empty."},
		"blank title":      {func(a *claims.Article) { a.Title = " \t\n" }, claims.EINVALID, "The article title must not be empty."},
		"title too long":   {func(a *claims.Article) { a.Title = strings.Repeat("é", claims.MaxShortText+1) }, claims.EINVALID, "The article title must be at most 1000 characters long, not 1001."},
		"title not UTF-8":  {func(a *claims.Article) { a.Title = "Cor\xe9e" }, claims.EINVALID, "The article title must be valid UTF-8 text."},
		"title NUL":        {func(a *claims.Article) { a.Title = "Corée\x00" }, claims.EINVALID, "The article title must not contain a NUL character."},
		"outlet too long":  {func(a *claims.Article) { a.Outlet = strings.Repeat("o", claims.MaxShortText+1) }, claims.EINVALID, "The outlet must be at most"},
		"outlet NUL":       {func(a *claims.Article) { a.Outlet = "\x00" }, claims.EINVALID, "The outlet must not contain a NUL character."},
		"javascript url":   {func(a *claims.Article) { a.URL = "javascript:alert(1)" }, claims.EINVALID, "The article URL must be a web address"},
		"data url":         {func(a *claims.Article) { a.URL = "data:text/html,<script>alert(1)</script>" }, claims.EINVALID, "The article URL must be a web address"},
		"file url":         {func(a *claims.Article) { a.URL = "file:///etc/passwd" }, claims.EINVALID, "The article URL must be a web address"},
		"ftp url":          {func(a *claims.Article) { a.URL = "ftp://example.com/a" }, claims.EINVALID, "The article URL must be a web address"},
		"relative url":     {func(a *claims.Article) { a.URL = "/economie/chomage" }, claims.EINVALID, "The article URL must be a web address"},
		"no host":          {func(a *claims.Article) { a.URL = "https://" }, claims.EINVALID, "The article URL must be a web address"},
		"space in url":     {func(a *claims.Article) { a.URL = "https://example.com/a b" }, claims.EINVALID, "The article URL must be a web address"},
		"leading space":    {func(a *claims.Article) { a.URL = " https://example.com" }, claims.EINVALID, "The article URL must be a web address"},
		"url not UTF-8":    {func(a *claims.Article) { a.URL = "https://example.com/\xff" }, claims.EINVALID, "The article URL must be valid UTF-8 text."},
		"url too long":     {func(a *claims.Article) { a.URL = "https://example.com/" + strings.Repeat("a", 4*claims.MaxShortText) }, claims.EINVALID, "The article URL must be at most"},
		"february 30":      {func(a *claims.Article) { a.PublishedOn = "2024-02-30" }, claims.EINVALID, `The publication date must be a date written YYYY-MM-DD, not "2024-02-30".`},
		"february 29 2023": {func(a *claims.Article) { a.PublishedOn = "2023-02-29" }, claims.EINVALID, "The publication date must be a date"},
		"month 13":         {func(a *claims.Article) { a.PublishedOn = "2024-13-01" }, claims.EINVALID, "The publication date must be a date"},
		"french order":     {func(a *claims.Article) { a.PublishedOn = "29/02/2024" }, claims.EINVALID, "The publication date must be a date"},
		"single digits":    {func(a *claims.Article) { a.PublishedOn = "2024-2-3" }, claims.EINVALID, "The publication date must be a date"},
		"with a time":      {func(a *claims.Article) { a.PublishedOn = "2024-02-03T10:00:00Z" }, claims.EINVALID, "The publication date must be a date"},
		"long bad date":    {func(a *claims.Article) { a.PublishedOn = strings.Repeat("9", 100) }, claims.EINVALID, strings.Repeat("9", 40) + "…"},
		"missing text":     {func(a *claims.Article) { a.Text = ""; a.Freeze() }, claims.EINVALID, "The article text must not be empty."},
		"text NUL":         {func(a *claims.Article) { a.Text += "\x00"; a.Freeze() }, claims.EINVALID, "The article text must not contain a NUL character."},
		"text not UTF-8":   {func(a *claims.Article) { a.Text += "\xc3"; a.Freeze() }, claims.EINVALID, "The article text must be valid UTF-8 text."},
		"text too long": {func(a *claims.Article) {
			a.Text = strings.Repeat("a", claims.MaxArticleText+1)
			a.Freeze()
		}, claims.EINVALID, "The article text must be at most 5000000 characters long, not 5000001."},
		"no language":        {func(a *claims.Article) { a.Language = "" }, claims.EINVALID, `The language must be "fr" or "en", not "".`},
		"german":             {func(a *claims.Article) { a.Language = "de" }, claims.EINVALID, `not "de".`},
		"upper-case french":  {func(a *claims.Article) { a.Language = "FR" }, claims.EINVALID, `not "FR".`},
		"locale":             {func(a *claims.Article) { a.Language = "fr-FR" }, claims.EINVALID, `not "fr-FR".`},
		"text changed":       {func(a *claims.Article) { a.Text += " Fin." }, claims.EINVALID, "The article text does not match its SHA-256; it was changed after import."},
		"one letter changed": {func(a *claims.Article) { a.Text = strings.Replace(a.Text, "2 %", "3 %", 1) }, claims.EINVALID, "SHA-256"},
		"never frozen":       {func(a *claims.Article) { a.TextSHA256 = "" }, claims.EINVALID, "SHA-256"},
		"upper-case hash":    {func(a *claims.Article) { a.TextSHA256 = strings.ToUpper(a.TextSHA256) }, claims.EINVALID, "SHA-256"},
	} {
		t.Run(name, func(t *testing.T) {
			a := validArticle()
			tt.edit(a)
			checkErr(t, a.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestValidLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want bool
	}{
		{claims.LangFrench, true},
		{claims.LangEnglish, true},
		{"fr", true},
		{"en", true},
		{"", false},
		{"de", false},
		{"EN", false},
		{"en-GB", false},
		{" fr", false},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			if got := claims.ValidLanguage(tt.lang); got != tt.want {
				t.Errorf("ValidLanguage(%q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}
