package app

import (
	"encoding/json"
	"strings"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// conflictView shows one conflict side by side: for every field the two
// copies disagree on, this copy's value and the other's, and a choice.
type conflictView struct {
	conflict claims.Conflict
	choices  map[string]*widget.RadioGroup
	// keep and take name the two choices. They are looked up once, so
	// that a language switched meanwhile does not change what they mean.
	keep, take string
}

func newConflictView(c claims.Conflict) *conflictView {
	return &conflictView{conflict: c, choices: map[string]*widget.RadioGroup{},
		keep: lang.L("conflicts.this-copy"), take: lang.L("conflicts.other-copy")}
}

func (v *conflictView) object() fyne.CanvasObject {
	c := v.conflict
	title := c.Title
	if c.RecordType == "settings" {
		title = lang.L("conflicts.settings-title") // the store names them in English
	}
	head := widget.NewLabelWithStyle(lang.L("conflicts.head", map[string]any{"Type": recordTypeName(c.RecordType), "Title": title}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(4,
		bold(lang.L("conflicts.field")), bold(versionLine(v.keep, c.Kept)), bold(versionLine(v.take, c.Other)),
		bold(lang.L("conflicts.keep")))
	names := fieldNames()
	for _, field := range c.Differing() {
		choice := widget.NewRadioGroup([]string{v.keep, v.take}, nil)
		choice.SetSelected(v.keep)
		v.choices[field] = choice
		name, ok := names[field]
		if !ok {
			name = field
		}
		grid.Add(widget.NewLabel(name))
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
	return lang.L("conflicts.version", map[string]any{"Side": side, "By": v.By, "At": formatDateTime(v.At)})
}

// recordTypeName is what people call a type of record.
func recordTypeName(typ string) string {
	switch typ {
	case "article":
		return lang.L("conflicts.type.article")
	case "claim":
		return lang.L("conflicts.type.claim")
	case "source":
		return lang.L("conflicts.type.source")
	case "evidence":
		return lang.L("conflicts.type.evidence")
	case "settings":
		return lang.L("conflicts.type.settings")
	}
	return typ
}

// fieldNames are what people call the fields of the records that can
// conflict, by their names in the file; a field missing here shows its
// name in the file.
func fieldNames() map[string]string {
	return map[string]string{
		claims.DeletedField:        lang.L("conflicts.field.deleted"),
		"title":                    lang.L("conflicts.field.title"),
		"outlet":                   lang.L("conflicts.field.outlet"),
		"url":                      lang.L("conflicts.field.url"),
		"published_on":             lang.L("conflicts.field.published-on"),
		"language":                 lang.L("conflicts.field.language"),
		"text":                     lang.L("conflicts.field.text"),
		"text_sha256":              lang.L("conflicts.field.text-sha256"),
		"imported_at":              lang.L("conflicts.field.imported-at"),
		"article_id":               lang.L("conflicts.field.article"),
		"summary":                  lang.L("conflicts.field.summary"),
		"anchor":                   lang.L("conflicts.field.anchor"),
		"speaker":                  lang.L("conflicts.field.speaker"),
		"claim_date":               lang.L("conflicts.field.claim-date"),
		"kind":                     lang.L("conflicts.field.kind"),
		"check_worthiness":         lang.L("conflicts.field.check-worthiness"),
		"check_worthiness_reasons": lang.L("conflicts.field.check-worthiness-reasons"),
		"tags":                     lang.L("conflicts.field.tags"),
		"status":                   lang.L("conflicts.field.status"),
		"assignee":                 lang.L("conflicts.field.assignee"),
		"verdict":                  lang.L("conflicts.field.verdict"),
		"published_at":             lang.L("conflicts.field.published-at"),
		"type":                     lang.L("conflicts.field.type"),
		"authors":                  lang.L("conflicts.field.authors"),
		"publisher":                lang.L("conflicts.field.publisher"),
		"issued":                   lang.L("conflicts.field.issued"),
		"doi":                      lang.L("conflicts.field.doi"),
		"accessed":                 lang.L("conflicts.field.accessed"),
		"archive_url":              lang.L("conflicts.field.archive-url"),
		"reliability":              lang.L("conflicts.field.reliability"),
		"protected":                lang.L("conflicts.field.protected"),
		"notes":                    lang.L("conflicts.field.notes"),
		"claim_id":                 lang.L("conflicts.field.claim"),
		"source_id":                lang.L("conflicts.field.source"),
		"excerpt":                  lang.L("conflicts.field.excerpt"),
		"locator":                  lang.L("conflicts.field.locator"),
		"stance":                   lang.L("conflicts.field.stance"),
		"note":                     lang.L("conflicts.field.note"),
		"organization":             lang.L("conflicts.field.organization"),
		"base_url":                 lang.L("conflicts.field.base-url"),
		"scale":                    lang.L("conflicts.field.scale"),
		"require_second_reviewer":  lang.L("conflicts.field.second-reviewer"),
	}
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
			return lang.L("conflicts.deleted")
		}
		return lang.L("conflicts.kept")
	}
	raw, ok := v.Fields[field]
	if !ok {
		return "—"
	}
	var s string
	if json.Unmarshal([]byte(raw), &s) == nil {
		return valueName(field, s)
	}
	var b bool
	if json.Unmarshal([]byte(raw), &b) == nil {
		if b {
			return lang.L("conflicts.yes")
		}
		return lang.L("conflicts.no")
	}
	var list []string
	if json.Unmarshal([]byte(raw), &list) == nil {
		return strings.Join(list, ", ")
	}
	return raw
}

// valueName is how the interface names a field's coded value, such as a
// status; other values are shown as they are.
func valueName(field, value string) string {
	switch field {
	case "status":
		return statusName(claims.Status(value))
	case "kind":
		return kindName(claims.Kind(value))
	case "stance":
		return stanceName(claims.Stance(value))
	case "reliability":
		return reliabilityName(claims.Reliability(value))
	case "type":
		return sourceTypeName(claims.SourceType(value))
	case "language":
		return languageName(value)
	case "imported_at", "published_at":
		if t, err := time.Parse(time.RFC3339Nano, value); err == nil {
			return formatDateTime(t)
		}
	case "published_on", "claim_date", "issued", "accessed":
		return locale.DateText(value, uiLanguage)
	}
	return value
}

// taken returns the fields whose other value was chosen.
func (v *conflictView) taken() []string {
	var out []string
	for _, field := range v.conflict.Differing() {
		if v.choices[field].Selected == v.take {
			out = append(out, field)
		}
	}
	return out
}

// showConflicts walks through the conflicts one at a time.
func (ui *UI) showConflicts() {
	ui.withConflicts(func(list []claims.Conflict) {
		if len(list) == 0 {
			dialog.ShowInformation(lang.L("conflicts.title"), lang.L("conflicts.none"), ui.window)
			return
		}
		ui.showConflict(list[0], len(list))
	})
}

func (ui *UI) showConflict(c claims.Conflict, left int) {
	view := newConflictView(c)
	ui.conflictView = view
	title := lang.N("conflicts.dialog-title", left, map[string]any{"Count": formatInt(left)})
	d := dialog.NewCustomConfirm(title, lang.L("conflicts.resolve"), lang.L("conflicts.later"), view.object(), func(ok bool) {
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
