package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// conflictView shows one conflict side by side: for every field the two
// copies disagree on, this copy's value and the other's, and a choice.
type conflictView struct {
	conflict claims.Conflict
	choices  map[string]*widget.RadioGroup
}

const (
	keepKept  = "This copy"
	takeOther = "Other copy"
)

func newConflictView(c claims.Conflict) *conflictView {
	return &conflictView{conflict: c, choices: map[string]*widget.RadioGroup{}}
}

func (v *conflictView) object() fyne.CanvasObject {
	c := v.conflict
	head := widget.NewLabelWithStyle(fmt.Sprintf("%s: %s", c.RecordType, c.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(4,
		bold("Field"), bold(versionLine(keepKept, c.Kept)), bold(versionLine(takeOther, c.Other)), bold("Keep"))
	for _, field := range c.Differing() {
		choice := widget.NewRadioGroup([]string{keepKept, takeOther}, nil)
		choice.SetSelected(keepKept)
		v.choices[field] = choice
		grid.Add(widget.NewLabel(field))
		grid.Add(valueLabel(c.Kept, field))
		grid.Add(valueLabel(c.Other, field))
		grid.Add(choice)
	}
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(container.NewVBox(grid)))
}

func bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func versionLine(side string, v claims.ConflictVersion) string {
	return fmt.Sprintf("%s (%s, %s)", side, v.By, v.At.Local().Format("2 Jan 2006 15:04"))
}

// valueLabel shows a field's value as people read it: text unquoted, lists
// joined, nothing as a dash.
func valueLabel(v claims.ConflictVersion, field string) *widget.Label {
	l := widget.NewLabel(readable(v, field))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func readable(v claims.ConflictVersion, field string) string {
	if field == claims.DeletedField {
		if v.Deleted {
			return "deleted"
		}
		return "kept"
	}
	raw, ok := v.Fields[field]
	if !ok {
		return "—"
	}
	var s string
	if json.Unmarshal([]byte(raw), &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal([]byte(raw), &list) == nil {
		return strings.Join(list, ", ")
	}
	return raw
}

// taken returns the fields whose other value was chosen.
func (v *conflictView) taken() []string {
	var out []string
	for _, field := range v.conflict.Differing() {
		if v.choices[field].Selected == takeOther {
			out = append(out, field)
		}
	}
	return out
}

// showConflicts walks through the conflicts one at a time.
func (ui *UI) showConflicts() {
	var list []claims.Conflict
	ui.run(func() error {
		var err error
		list, err = ui.store.FindConflicts(ui.actor())
		return err
	}, func() {
		if len(list) == 0 {
			dialog.ShowInformation("Conflicts", "There are no conflicts: every merge so far agreed.", ui.window)
			return
		}
		ui.showConflict(list[0], len(list))
	})
}

func (ui *UI) showConflict(c claims.Conflict, left int) {
	view := newConflictView(c)
	ui.conflictView = view
	title := fmt.Sprintf("Conflict (%d left): changed in both copies", left)
	d := dialog.NewCustomConfirm(title, "Resolve", "Later", view.object(), func(ok bool) {
		ui.conflictView = nil
		if !ok {
			return
		}
		ui.run(func() error { return ui.store.ResolveConflict(ui.actor(), c.RecordID, view.taken()) }, func() {
			if c.ClaimID != "" {
				ui.claimChanged(c.ClaimID)
			}
			ui.refreshConflicts()
			ui.showConflicts()
		})
	}, ui.window)
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
}
