package app

import (
	"path/filepath"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// saveCopy writes a compact copy of the database to share, optionally one
// for outside the newsroom, without its protected sources.
func (ui *UI) saveCopy() {
	outside := widget.NewCheck(lang.L("share.outside"), nil)
	items := []*widget.FormItem{widget.NewFormItem("", outside)}
	items[0].HintText = lang.L("share.outside-hint")
	d := dialog.NewForm(lang.L("share.copy-title"), lang.L("share.choose-file"), lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		base := strings.TrimSuffix(filepath.Base(ui.path), filepath.Ext(ui.path))
		name := lang.L("share.copy-name", map[string]any{"Name": base})
		chooseFile(ui.window, true, name, []string{".db"}, func(path string) {
			opts := claims.CopyOptions{WithoutProtected: outside.Checked}
			ui.withProgress(lang.L("share.saving"), func() error { return ui.store.SaveCopy(ui.actor(), path, opts) }, func() {
				ui.status.SetText(lang.L("share.saved", map[string]any{"Path": path}))
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
		ui.withProgress(lang.L("share.merging", map[string]any{"Name": filepath.Base(path)}), func() error {
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
	title := lang.L("share.merge-title")
	if !r.Changed() {
		dialog.ShowInformation(title, lang.L("share.nothing-new", map[string]any{"Name": name}), ui.window)
		return
	}
	text := lang.L("share.merge-report", map[string]any{"Name": name, "Added": mergeCounts(r.Added),
		"Updated": mergeCounts(r.Updated), "Events": formatInt(r.Events)})
	if n := len(r.Conflicts); n > 0 {
		text += "\n\n" + lang.N("share.merge-conflicts", n, map[string]any{"Count": formatInt(n)})
		dialog.ShowConfirm(title, text+"\n\n"+lang.L("share.review-now"), func(ok bool) {
			if ok {
				ui.showConflicts()
			}
		}, ui.window)
		return
	}
	dialog.ShowInformation(title, text, ui.window)
}

// mergeRecordTypes are the types of record a merge counts, in the order
// its report lists them.
var mergeRecordTypes = []string{"article", "claim", "source", "evidence", "review", "correction", "settings"}

// mergeCounts writes a merge's counts by record type as people read them,
// "3 claims, 1 source", or says there were none.
func mergeCounts(byType map[string]int) string {
	var parts []string
	for _, typ := range mergeRecordTypes {
		if n := byType[typ]; n > 0 {
			parts = append(parts, recordCount(typ, n))
		}
	}
	if len(parts) == 0 {
		return lang.L("share.count.none")
	}
	return strings.Join(parts, ", ")
}

// recordCount writes n records of a type: "3 claims".
func recordCount(typ string, n int) string {
	count := map[string]any{"Count": formatInt(n)}
	switch typ {
	case "article":
		return lang.N("share.count.article", n, count)
	case "claim":
		return lang.N("share.count.claim", n, count)
	case "source":
		return lang.N("share.count.source", n, count)
	case "evidence":
		return lang.N("share.count.evidence", n, count)
	case "review":
		return lang.N("share.count.review", n, count)
	case "correction":
		return lang.N("share.count.correction", n, count)
	case "settings":
		return lang.N("share.count.settings", n, count)
	}
	return formatInt(n) + " " + typ
}

// withConflicts reads the conflicts merges left, off the UI goroutine, and
// hands them to then on it.
func (ui *UI) withConflicts(then func([]claims.Conflict)) {
	var list []claims.Conflict
	ui.run(func() error {
		var err error
		list, err = ui.store.FindConflicts(ui.actor())
		return err
	}, func() { then(list) })
}

// refreshConflicts marks the claims in conflict in the list.
func (ui *UI) refreshConflicts() {
	ui.withConflicts(func(list []claims.Conflict) {
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
