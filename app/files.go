package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/extract"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// chooseFile asks for a file to open, or a name to save as (proposing
// name), and passes its path to done. Tests replace it: Fyne's file dialog
// is its own world.
var chooseFile = func(w fyne.Window, save bool, name string, extensions []string, done func(path string)) {
	callback := func(uri fyne.URI) {
		if uri != nil {
			done(uri.Path())
		}
	}
	var d *dialog.FileDialog
	if save {
		d = dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err == nil && wc != nil {
				wc.Close()
				callback(wc.URI())
			}
		}, w)
		d.SetFileName(name)
	} else {
		d = dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err == nil && rc != nil {
				rc.Close()
				callback(rc.URI())
			}
		}, w)
	}
	if len(extensions) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(extensions))
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// newDatabase creates a database where the user says, and switches to it.
func (ui *UI) newDatabase() {
	chooseFile(ui.window, true, "claims.db", []string{".db"}, func(path string) {
		// The save dialog created an empty file; a new database starts
		// from nothing, so make room for it.
		if info, err := os.Stat(path); err == nil && info.Size() == 0 {
			os.Remove(path)
		}
		ui.switchTo(path)
	})
}

func (ui *UI) openDatabase() {
	chooseFile(ui.window, false, "", []string{".db"}, ui.switchTo)
}

// switchTo opens the database at path off the UI goroutine, with a
// progress indicator, and shows it in place of the current one. If it
// cannot be opened, the current one stays.
func (ui *UI) switchTo(path string) {
	var opened claims.Store
	ui.withProgress(lang.L("files.opening", map[string]any{"Name": filepath.Base(path)}), func() error {
		var err error
		opened, err = ui.opts.Open(path)
		return err
	}, func() { ui.adopt(opened, path) })
}

// adopt makes st the window's database.
func (ui *UI) adopt(st claims.Store, path string) {
	if err := ui.store.Close(); err != nil {
		fyne.LogError("close database", err)
	}
	ui.store, ui.path, ui.current = st, path, nil
	ui.prefs.remember(path)
	ui.installMenus()
	ui.detail.Objects = []fyne.CanvasObject{noClaimChosen()}
	ui.detail.Refresh()
	ui.list.articleID = ""
	ui.list.rows = nil
	ui.list.onFirstRows = ui.firstRowsShown
	ui.checked = checkPending
	ui.Load()
}

// importArticle reads an article saved as text, Markdown or a web page,
// and asks for what the file does not say.
func (ui *UI) importArticle() {
	chooseFile(ui.window, false, "", []string{".txt", ".md", ".html", ".htm"}, func(path string) {
		doc, err := extract.ReadFile(path)
		if err != nil {
			ui.showError(err)
			return
		}
		ui.askArticleDetails(doc)
	})
}

// askArticleDetails asks for the title, outlet, address, date and language
// of an article about to be imported, then imports it.
func (ui *UI) askArticleDetails(doc extract.Document) {
	title, outlet, url, date := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(doc.Title)
	date.SetPlaceHolder(lang.L("files.date-format"))
	languages := []string{claims.LangFrench, claims.LangEnglish}
	language := widget.NewRadioGroup([]string{languageName(languages[0]), languageName(languages[1])}, nil)
	language.Horizontal = true
	if i := slices.Index(languages, doc.Language); i >= 0 {
		language.SetSelected(language.Options[i])
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("files.title"), title), widget.NewFormItem(lang.L("files.outlet"), outlet),
		widget.NewFormItem(lang.L("files.address"), url), widget.NewFormItem(lang.L("files.published"), date),
		widget.NewFormItem(lang.L("files.language"), language),
	}
	items[4].HintText = lang.L("files.language-hint")
	d := dialog.NewForm(lang.L("files.import-title"), lang.L("files.import"), lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		code := ""
		if i := slices.Index(language.Options, language.Selected); i >= 0 {
			code = languages[i]
		}
		a := &claims.Article{Title: strings.TrimSpace(title.Text), Outlet: strings.TrimSpace(outlet.Text),
			URL: strings.TrimSpace(url.Text), PublishedOn: strings.TrimSpace(date.Text), Language: code, Text: doc.Text}
		ui.importNow(a)
	}, ui.window)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// importNow looks for the article's claims and stores them with it, off
// the UI goroutine and with a progress indicator, then shows the article.
func (ui *UI) importNow(a *claims.Article) {
	var found extract.Suggestions
	ui.withProgress(lang.L("files.looking"), func() error {
		var err error
		found, err = extract.SuggestCapped(a.Text, extract.Analyze(a.Text, a.Language), extract.DefaultThreshold)
		if err == nil {
			err = ui.store.ImportArticle(ui.actor(), a, found.Claims)
		}
		return err
	}, func() {
		ui.sidebar.reload()
		ui.selectArticle(a.ID)
		ui.showImported(a, found)
	})
}

// showImported says in the status bar how many claims the import
// suggested, and in a dialog as well when extract.MaxSuggestions left some
// out: the status bar is easy to miss, and too narrow for both sentences.
func (ui *UI) showImported(a *claims.Article, found extract.Suggestions) {
	n := len(found.Claims)
	imported := lang.N("files.imported", n, map[string]any{"Title": a.Title, "Count": formatInt(n)})
	ui.status.SetText(imported)
	if found.Capped() {
		dialog.ShowInformation(lang.L("files.import-title"), imported+"\n"+textIn(found.Note()), ui.window)
	}
}

// newClaim adds a claim to the current article from its exact words.
func (ui *UI) newClaim() {
	articleID := ui.list.articleID
	if articleID == "" && ui.current != nil {
		articleID = ui.current.ArticleID
	}
	if articleID == "" {
		dialog.ShowInformation(lang.L("files.new-claim"), lang.L("files.choose-article"), ui.window)
		return
	}
	words, speaker := widget.NewMultiLineEntry(), widget.NewEntry()
	words.Wrapping = fyne.TextWrapWord
	words.SetMinRowsVisible(3)
	kind := newKindSelect()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("files.exact-words"), words), widget.NewFormItem(lang.L("files.speaker"), speaker),
		widget.NewFormItem(lang.L("files.kind"), kind),
	}
	items[0].HintText = lang.L("files.exact-words-hint")
	d := dialog.NewForm(lang.L("files.new-claim"), lang.L("common.add"), lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c := &claims.Claim{ArticleID: articleID, Text: strings.TrimSpace(words.Text),
			Speaker: claims.Speaker{Name: strings.TrimSpace(speaker.Text)}, Kind: selectedKind(kind)}
		ui.run(func() error { return ui.store.CreateClaim(ui.actor(), c) }, func() {
			ui.claimChanged(c.ID)
			ui.selectClaim(c.ID)
		})
	}, ui.window)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// newSource opens the form for a source bearing on the current claim.
func (ui *UI) newSource() {
	if ui.current == nil {
		dialog.ShowInformation(lang.L("files.new-source"), lang.L("files.choose-claim"), ui.window)
		return
	}
	ui.showClaims()
	ui.openTab(tabEvidence)
	ui.evidence.addSource()
}
