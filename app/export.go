package app

import (
	"path/filepath"
	"slices"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/export"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// exportReport asks what to export (format, article, report language,
// published verdicts only) and where, then writes the file in the
// background.
func (ui *UI) exportReport() {
	c := ui.newExportChoice()
	d := dialog.NewForm(lang.L("export.title"), lang.L("export.choose-file"), lang.L("common.cancel"), c.items(), func(ok bool) {
		if !ok {
			return
		}
		req := c.request()
		chooseFile(ui.window, true, exportName(ui.path, req.Format), nil, func(path string) { ui.exportTo(path, req) })
	}, ui.window)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// exportChoice is what the export dialog asks.
type exportChoice struct {
	format, scope, language *widget.Select
	published               *widget.Check
	articleID               string // the article the scope may choose
}

func (ui *UI) newExportChoice() *exportChoice {
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = formatName(f)
	}
	c := &exportChoice{
		format: widget.NewSelect(names, nil), scope: widget.NewSelect([]string{lang.L("export.scope.all")}, nil),
		language: newReportLanguageSelect(), published: widget.NewCheck(lang.L("export.published-only"), nil),
	}
	if title := ui.sidebar.titleOf(ui.list.articleID); ui.list.articleID != "" && title != "" {
		c.articleID = ui.list.articleID
		c.scope.Options = append(c.scope.Options, lang.L("export.scope.article", map[string]any{"Title": title}))
	}
	// Each scope proposes its language: an article's report speaks the
	// article's language, a report of everything the interface's.
	c.scope.OnChanged = func(string) {
		c.language.SetSelectedIndex(max(slices.Index(locale.Languages, ui.reportLanguage(c.oneArticle(), c.articleID)), 0))
	}
	// ClaimReview and the JSON dump have no words of their own to translate.
	c.format.OnChanged = func(string) {
		if export.Formats[c.format.SelectedIndex()].Translated() {
			c.language.Enable()
		} else {
			c.language.Disable()
		}
	}
	c.format.SetSelectedIndex(0)
	c.scope.SetSelectedIndex(len(c.scope.Options) - 1)
	return c
}

func (c *exportChoice) oneArticle() bool { return c.scope.SelectedIndex() == 1 }

func (c *exportChoice) items() []*widget.FormItem {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("export.format"), c.format), widget.NewFormItem(lang.L("export.scope"), c.scope),
		widget.NewFormItem(lang.L("export.language"), c.language), widget.NewFormItem("", c.published),
	}
	items[2].HintText = lang.L("export.language.hint")
	items[3].HintText = lang.L("export.published-only.hint")
	return items
}

func (c *exportChoice) request() export.Request {
	req := export.Request{Format: export.Formats[c.format.SelectedIndex()], Filter: claims.CaseFilter{PublishedOnly: c.published.Checked},
		Language: locale.Languages[c.language.SelectedIndex()]}
	if c.oneArticle() {
		req.Filter.ArticleID = c.articleID
	}
	return req
}

// newReportLanguageSelect offers the languages a report can speak, named in
// the interface's language.
func newReportLanguageSelect() *widget.Select {
	names := make([]string, len(locale.Languages))
	for i, code := range locale.Languages {
		names[i] = languageName(code)
	}
	return widget.NewSelect(names, nil)
}

// reportLanguage is the language proposed for a report: the article's for
// one article, so that a French article gets a French report whoever
// exports it, and the interface's otherwise.
func (ui *UI) reportLanguage(oneArticle bool, articleID string) string {
	if oneArticle {
		for _, a := range ui.sidebar.articles {
			if a.ID == articleID && claims.ValidLanguage(a.Language) {
				return a.Language
			}
		}
	}
	return uiLanguage
}

// formatName names a format in the interface's language. Format.Label
// stays English: the command line prints it.
func formatName(f export.Format) string {
	switch f {
	case export.HTML:
		return lang.L("export.format.html")
	case export.PDF:
		return lang.L("export.format.pdf")
	case export.Markdown:
		return lang.L("export.format.md")
	case export.ClaimReview:
		return lang.L("export.format.claimreview")
	case export.CSV:
		return lang.L("export.format.csv")
	case export.CSL:
		return lang.L("export.format.csl")
	case export.JSON:
		return lang.L("export.format.json")
	}
	return string(f)
}

// exportName proposes a file name: the database's, with the format's extension.
func exportName(dbPath string, f export.Format) string {
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	if base == "" || base == "." {
		base = "claimdesk"
	}
	return base + "-report" + f.Extension()
}

// exportTo writes the export off the UI goroutine behind a progress
// indicator, and says where it went.
func (ui *UI) exportTo(path string, req export.Request) {
	name := formatName(req.Format)
	ui.withProgress(lang.L("export.progress", map[string]any{"Format": name}), func() error {
		return export.WriteFile(ui.actor(), ui.store, path, req)
	}, func() {
		ui.status.SetText(lang.L("export.done.status", map[string]any{"Format": name, "Path": path}))
		dialog.ShowInformation(lang.L("export.title"), lang.L("export.done.message", map[string]any{"File": filepath.Base(path), "Folder": filepath.Dir(path)}), ui.window)
	})
}

// editPublication edits the database's publication settings: who signs the
// verdicts, where they are published, and whether a second reviewer is
// required.
func (ui *UI) editPublication() {
	var current *claims.Settings
	ui.run(func() error {
		var err error
		current, err = ui.store.Settings(ui.actor())
		return err
	}, func() { ui.showPublication(current) })
}

func (ui *UI) showPublication(current *claims.Settings) {
	org, base := widget.NewEntry(), widget.NewEntry()
	org.SetText(current.Organization)
	base.SetText(current.BaseURL)
	base.SetPlaceHolder("https://example.org/fact-checks/…")
	second := widget.NewCheck(lang.L("export.publication.second-reviewer"), nil)
	second.SetChecked(current.RequireSecondReviewer)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("export.publication.organization"), org), widget.NewFormItem(lang.L("export.publication.base-url"), base),
		widget.NewFormItem("", second),
	}
	items[0].HintText = lang.L("export.publication.organization.hint")
	items[1].HintText = lang.L("export.publication.base-url.hint")
	d := dialog.NewForm(lang.L("export.publication.title"), lang.L("common.save"), lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		o, b, s := strings.TrimSpace(org.Text), strings.TrimSpace(base.Text), second.Checked
		ui.run(func() error {
			_, err := ui.store.UpdateSettings(ui.actor(), claims.SettingsUpdate{Organization: &o, BaseURL: &b, RequireSecondReviewer: &s})
			return err
		}, func() { ui.status.SetText(lang.L("export.publication.saved")) })
	}, ui.window)
	d.Resize(fyne.NewSize(600, d.MinSize().Height))
	d.Show()
}
