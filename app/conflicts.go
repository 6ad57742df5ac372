package app

import (
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
	choices  map[claims.Field]*widget.RadioGroup
	// keep and take name the two choices. They are looked up once, so
	// that a language switched meanwhile does not change what they mean.
	keep, take string
}

func newConflictView(c claims.Conflict) *conflictView {
	return &conflictView{conflict: c, choices: map[claims.Field]*widget.RadioGroup{},
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
			name = lang.L("conflicts.field.other")
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
// conflict; a test holds it to every field of claims.RecordFields.
func fieldNames() map[claims.Field]string {
	return map[claims.Field]string{
		claims.DeletedField:               lang.L("conflicts.field.deleted"),
		claims.FieldTitle:                 lang.L("conflicts.field.title"),
		claims.FieldOutlet:                lang.L("conflicts.field.outlet"),
		claims.FieldURL:                   lang.L("conflicts.field.url"),
		claims.FieldPublishedOn:           lang.L("conflicts.field.published-on"),
		claims.FieldLanguage:              lang.L("conflicts.field.language"),
		claims.FieldText:                  lang.L("conflicts.field.text"),
		claims.FieldTextSHA256:            lang.L("conflicts.field.text-sha256"),
		claims.FieldImportedAt:            lang.L("conflicts.field.imported-at"),
		claims.FieldArticle:               lang.L("conflicts.field.article"),
		claims.FieldSummary:               lang.L("conflicts.field.summary"),
		claims.FieldAnchor:                lang.L("conflicts.field.anchor"),
		claims.FieldSpeaker:               lang.L("conflicts.field.speaker"),
		claims.FieldClaimDate:             lang.L("conflicts.field.claim-date"),
		claims.FieldKind:                  lang.L("conflicts.field.kind"),
		claims.FieldCheckWorthiness:       lang.L("conflicts.field.check-worthiness"),
		claims.FieldReasons:               lang.L("conflicts.field.check-worthiness-reasons"),
		claims.FieldTags:                  lang.L("conflicts.field.tags"),
		claims.FieldStatus:                lang.L("conflicts.field.status"),
		claims.FieldAssignee:              lang.L("conflicts.field.assignee"),
		claims.FieldVerdict:               lang.L("conflicts.field.verdict"),
		claims.FieldPublishedAt:           lang.L("conflicts.field.published-at"),
		claims.FieldType:                  lang.L("conflicts.field.type"),
		claims.FieldAuthors:               lang.L("conflicts.field.authors"),
		claims.FieldPublisher:             lang.L("conflicts.field.publisher"),
		claims.FieldIssued:                lang.L("conflicts.field.issued"),
		claims.FieldDOI:                   lang.L("conflicts.field.doi"),
		claims.FieldAccessed:              lang.L("conflicts.field.accessed"),
		claims.FieldArchiveURL:            lang.L("conflicts.field.archive-url"),
		claims.FieldReliability:           lang.L("conflicts.field.reliability"),
		claims.FieldProtected:             lang.L("conflicts.field.protected"),
		claims.FieldNotes:                 lang.L("conflicts.field.notes"),
		claims.FieldClaim:                 lang.L("conflicts.field.claim"),
		claims.FieldSource:                lang.L("conflicts.field.source"),
		claims.FieldExcerpt:               lang.L("conflicts.field.excerpt"),
		claims.FieldLocator:               lang.L("conflicts.field.locator"),
		claims.FieldStance:                lang.L("conflicts.field.stance"),
		claims.FieldNote:                  lang.L("conflicts.field.note"),
		claims.FieldOrganization:          lang.L("conflicts.field.organization"),
		claims.FieldBaseURL:               lang.L("conflicts.field.base-url"),
		claims.FieldScale:                 lang.L("conflicts.field.scale"),
		claims.FieldRequireSecondReviewer: lang.L("conflicts.field.second-reviewer"),
	}
}

// valueLabel shows a field's value as people read it, nothing as a dash.
func valueLabel(v claims.ConflictVersion, field claims.Field) *widget.Label {
	l := widget.NewLabel(readable(v, field))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func readable(v claims.ConflictVersion, field claims.Field) string {
	if field == claims.DeletedField {
		if v.Deleted {
			return lang.L("conflicts.deleted")
		}
		return lang.L("conflicts.kept")
	}
	value, ok := v.Values[field]
	if !ok || value == "" {
		return "—"
	}
	return valueName(field, value)
}

// valueName is how the interface names a field's coded value, such as a
// status, a yes or no, or a date; other values are shown as they are.
func valueName(field claims.Field, value string) string {
	switch field {
	case claims.FieldStatus:
		return statusName(claims.Status(value))
	case claims.FieldKind:
		return kindName(claims.Kind(value))
	case claims.FieldStance:
		return stanceName(claims.Stance(value))
	case claims.FieldReliability:
		return reliabilityName(claims.Reliability(value))
	case claims.FieldType:
		return sourceTypeName(claims.SourceType(value))
	case claims.FieldLanguage:
		return languageName(value)
	case claims.FieldProtected, claims.FieldRequireSecondReviewer:
		if value == "true" {
			return lang.L("conflicts.yes")
		}
		return lang.L("conflicts.no")
	case claims.FieldImportedAt, claims.FieldPublishedAt:
		if t, err := time.Parse(time.RFC3339Nano, value); err == nil {
			return formatDateTime(t)
		}
	case claims.FieldPublishedOn, claims.FieldClaimDate, claims.FieldIssued, claims.FieldAccessed:
		return locale.DateText(value, uiLanguage)
	}
	return value
}

// taken returns the fields whose other value was chosen.
func (v *conflictView) taken() []claims.Field {
	var out []claims.Field
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
