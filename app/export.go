package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/export"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// exportReport asks what to export (format, article, published verdicts
// only) and where, then writes the file in the background.
func (ui *UI) exportReport() {
	labels := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		labels[i] = f.Label()
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	scope := widget.NewSelect([]string{"All articles"}, nil)
	scope.SetSelectedIndex(0)
	articleID := ui.list.articleID
	if title := ui.sidebar.titleOf(articleID); articleID != "" && title != "" {
		scope.Options = append(scope.Options, "This article: "+title)
		scope.SetSelectedIndex(1)
	}
	published := widget.NewCheck("Published verdicts only", nil)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format), widget.NewFormItem("Claims from", scope), widget.NewFormItem("", published),
	}
	items[2].HintText = "Leave unticked for an internal report with drafts and claims in review."
	d := dialog.NewForm("Export", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		req := export.Request{Format: export.Formats[format.SelectedIndex()], Filter: claims.CaseFilter{PublishedOnly: published.Checked}}
		if scope.SelectedIndex() == 1 {
			req.Filter.ArticleID = articleID
		}
		chooseFile(ui.window, true, exportName(ui.path, req.Format), nil, func(path string) { ui.exportTo(path, req) })
	}, ui.window)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
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
	ui.withProgress("Exporting "+req.Format.Label()+"…", func() error {
		return export.WriteFile(ui.actor(), ui.store, path, req)
	}, func() {
		ui.status.SetText(fmt.Sprintf("Exported %s to %s.", req.Format.Label(), path))
		dialog.ShowInformation("Export", "Saved "+filepath.Base(path)+" in "+filepath.Dir(path)+".", ui.window)
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
	second := widget.NewCheck("A second reviewer, other than the author, must approve each verdict", nil)
	second.SetChecked(current.RequireSecondReviewer)
	items := []*widget.FormItem{
		widget.NewFormItem("Organisation", org), widget.NewFormItem("Published at", base), widget.NewFormItem("", second),
	}
	items[0].HintText = "The author of the ClaimReview markup."
	items[1].HintText = "Each verdict's address is this, followed by #claim-ID."
	d := dialog.NewForm("Publication settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		o, b, s := strings.TrimSpace(org.Text), strings.TrimSpace(base.Text), second.Checked
		ui.run(func() error {
			_, err := ui.store.UpdateSettings(ui.actor(), claims.SettingsUpdate{Organization: &o, BaseURL: &b, RequireSecondReviewer: &s})
			return err
		}, func() { ui.status.SetText("Publication settings saved.") })
	}, ui.window)
	d.Resize(fyne.NewSize(600, d.MinSize().Height))
	d.Show()
}
