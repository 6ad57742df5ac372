package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// saveCopy writes a compact copy of the database to share, optionally one
// for outside the newsroom, without its protected sources.
func (ui *UI) saveCopy() {
	outside := widget.NewCheck("For outside the newsroom: withhold protected sources", nil)
	items := []*widget.FormItem{widget.NewFormItem("", outside)}
	items[0].HintText = "Protected sources keep their grade but lose their name, address and notes, in the records and in the history."
	d := dialog.NewForm("Save a copy", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		name := strings.TrimSuffix(filepath.Base(ui.path), filepath.Ext(ui.path)) + "-copy.db"
		chooseFile(ui.window, true, name, []string{".db"}, func(path string) {
			opts := claims.CopyOptions{WithoutProtected: outside.Checked}
			ui.withProgress("Saving a copy…", func() error { return ui.store.SaveCopy(ui.actor(), path, opts) }, func() {
				ui.status.SetText("Saved a copy to " + path + ".")
			})
		})
	}, ui.window)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// mergeFrom merges a colleague's copy into this database and says what it
// brought.
func (ui *UI) mergeFrom() {
	chooseFile(ui.window, false, "", []string{".db"}, func(path string) {
		var report *claims.MergeReport
		ui.withProgress("Merging "+filepath.Base(path)+"…", func() error {
			var err error
			report, err = ui.store.Merge(ui.actor(), path)
			return err
		}, func() {
			ui.sidebar.reload()
			ui.refreshConflicts()
			ui.showMergeReport(filepath.Base(path), report)
		})
	})
}

func (ui *UI) showMergeReport(name string, r *claims.MergeReport) {
	if !r.Changed() {
		dialog.ShowInformation("Merge", "Nothing new in "+name+".", ui.window)
		return
	}
	text := fmt.Sprintf("From %s:\n\nAdded: %s\nUpdated: %s\nHistory events: %d", name, claims.CountsLine(r.Added), claims.CountsLine(r.Updated), r.Events)
	if n := len(r.Conflicts); n > 0 {
		text += fmt.Sprintf("\n\n%d record(s) were changed in both copies. Both versions are kept until you choose.", n)
		dialog.ShowConfirm("Merge", text+"\n\nReview the conflicts now?", func(ok bool) {
			if ok {
				ui.showConflicts()
			}
		}, ui.window)
		return
	}
	dialog.ShowInformation("Merge", text, ui.window)
}

// refreshConflicts marks the claims in conflict in the list.
func (ui *UI) refreshConflicts() {
	var list []claims.Conflict
	ui.run(func() error {
		var err error
		list, err = ui.store.FindConflicts(ui.actor())
		return err
	}, func() {
		ui.conflicts = list
		marks := map[string]bool{}
		for _, c := range list {
			if c.ClaimID != "" {
				marks[c.ClaimID] = true
			}
		}
		ui.list.conflicts = marks
		ui.list.list.Refresh()
		ui.setStatus()
	})
}
