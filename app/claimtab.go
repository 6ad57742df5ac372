package app

import (
	"math"
	"slices"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// claimTab shows what a claim says and who said it, lets the reviewer edit
// that, and offers the workflow's next steps as buttons.
type claimTab struct {
	env     *env
	openTab func(name string)
	claim   *claims.Claim

	words, worth                      *widget.Label
	summary, name, role, organization *widget.Entry
	date, tags, assignee              *widget.Entry
	kind                              *widget.Select
	status                            *widget.Label
	steps                             *fyne.Container
	save, remove                      *widget.Button
	box                               fyne.CanvasObject
}

func newClaimTab(e *env, openTab func(name string)) *claimTab {
	t := &claimTab{env: e, openTab: openTab}
	t.words = widget.NewLabel("")
	t.words.Wrapping = fyne.TextWrapWord
	t.words.TextStyle.Italic = true
	t.worth = widget.NewLabel("")
	t.worth.Wrapping = fyne.TextWrapWord
	t.summary, t.name, t.role, t.organization = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	t.date, t.tags, t.assignee = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	t.date.SetPlaceHolder(lang.L("claim.date.placeholder"))
	t.tags.SetPlaceHolder(lang.L("claim.tags.placeholder"))
	t.kind = newKindSelect()
	t.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.steps = container.NewHBox()
	t.save = widget.NewButton(lang.L("claim.save"), t.saveChanges)
	t.save.Importance = widget.HighImportance
	t.remove = widget.NewButton(lang.L("claim.delete"), t.confirmDelete)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("claim.summary"), t.summary),
		widget.NewFormItem(lang.L("claim.speaker"), t.name),
		widget.NewFormItem(lang.L("claim.role"), t.role),
		widget.NewFormItem(lang.L("claim.organization"), t.organization),
		widget.NewFormItem(lang.L("claim.kind"), t.kind),
		widget.NewFormItem(lang.L("claim.date"), t.date),
		widget.NewFormItem(lang.L("claim.tags"), t.tags),
		widget.NewFormItem(lang.L("claim.assignee"), t.assignee),
	)
	// Enter in any line of the form saves it, as in a dialog.
	for _, entry := range []*widget.Entry{t.summary, t.name, t.role, t.organization, t.date, t.tags, t.assignee} {
		entry.OnSubmitted = func(string) { t.saveChanges() }
	}
	t.box = container.NewVScroll(container.NewVBox(
		t.words, t.worth, form, container.NewHBox(t.save, t.remove),
		widget.NewSeparator(), container.NewHBox(widget.NewLabel(lang.L("claim.status")), t.status), t.steps,
	))
	return t
}

func (t *claimTab) object() fyne.CanvasObject { return t.box }

// show fills the tab with c.
func (t *claimTab) show(c *claims.Claim) {
	t.claim = c
	t.words.SetText(lang.L("claim.quoted", map[string]any{"Text": c.Text}))
	t.worth.SetText(describeWorth(c.CheckWorthiness))
	t.summary.SetText(c.Summary)
	t.name.SetText(c.Speaker.Name)
	t.role.SetText(c.Speaker.Role)
	t.organization.SetText(c.Speaker.Organization)
	selectKind(t.kind, c.Kind)
	t.date.SetText(c.ClaimDate)
	t.tags.SetText(strings.Join(c.Tags, ", "))
	t.assignee.SetText(c.Assignee)
	t.status.SetText(statusName(c.Status))
	t.steps.Objects = nil
	for _, next := range c.Status.Next() {
		t.steps.Add(t.stepButton(next))
	}
	t.steps.Refresh()
}

// stepButton is the button for one allowed next status. Moves that record
// more than a status (a review, a publication, a correction) happen where
// that is entered: the verdict tab.
func (t *claimTab) stepButton(next claims.Status) fyne.CanvasObject {
	label := "→ " + statusName(next)
	switch next {
	case claims.StatusInReview:
		return widget.NewButton(lang.L("claim.submit"), t.submit)
	case claims.StatusChangesRequested, claims.StatusPublished, claims.StatusCorrected:
		return widget.NewButton(label+"…", func() { t.openTab(tabVerdict) })
	case claims.StatusVerdictDrafted:
		if t.claim.Verdict == nil {
			return widget.NewButton(lang.L("claim.draft-verdict"), func() { t.openTab(tabVerdict) })
		}
	}
	return widget.NewButton(label, func() { t.move(next) })
}

func (t *claimTab) move(next claims.Status) {
	id := t.claim.ID
	t.env.run(func() error {
		_, err := t.env.store.MoveClaim(t.env.actor(), id, next)
		return err
	}, func() { t.env.claimChanged(id) })
}

func (t *claimTab) submit() {
	id := t.claim.ID
	t.env.run(func() error {
		_, err := t.env.store.SubmitForReview(t.env.actor(), id)
		return err
	}, func() { t.env.claimChanged(id) })
}

// update is the edit the form describes.
func (t *claimTab) update() claims.ClaimUpdate {
	summary, date, assignee := t.summary.Text, strings.TrimSpace(t.date.Text), strings.TrimSpace(t.assignee.Text)
	speaker := claims.Speaker{Name: strings.TrimSpace(t.name.Text), Role: strings.TrimSpace(t.role.Text),
		Organization: strings.TrimSpace(t.organization.Text)}
	kind := selectedKind(t.kind)
	tags := splitTags(t.tags.Text)
	return claims.ClaimUpdate{Summary: &summary, Speaker: &speaker, ClaimDate: &date, Kind: &kind, Tags: &tags, Assignee: &assignee}
}

// splitTags reads a comma-separated list, dropping blanks.
func splitTags(text string) []string {
	var tags []string
	for _, tag := range strings.Split(text, ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			tags = append(tags, tag)
		}
	}
	return tags
}

func (t *claimTab) saveChanges() {
	if t.claim == nil {
		return
	}
	id, upd := t.claim.ID, t.update()
	t.env.run(func() error {
		_, err := t.env.store.UpdateClaim(t.env.actor(), id, upd)
		return err
	}, func() { t.env.claimChanged(id) })
}

// confirmDelete asks before deleting: the claim leaves a tombstone, but it
// disappears from every list.
func (t *claimTab) confirmDelete() {
	if t.claim == nil {
		return
	}
	c := t.claim
	dialog.ShowConfirm(lang.L("claim.delete.title"),
		lang.L("claim.delete.message", map[string]any{"Summary": claims.Summarize(c.Summary)}),
		func(ok bool) {
			if !ok {
				return
			}
			t.env.run(func() error { return t.env.store.DeleteClaim(t.env.actor(), c.ID) },
				func() { t.env.claimChanged(c.ID) })
		}, t.env.window)
}

// describeWorth says how worth checking a claim is, and why. The reasons
// are stored with the claim, in the words of whoever scored it.
func describeWorth(w claims.CheckWorthiness) string {
	percent := locale.Percent(int(math.Round(100*w.Score)), 100, uiLanguage)
	if len(w.Reasons) == 0 {
		return lang.L("claim.worth", map[string]any{"Percent": percent})
	}
	reasons := strings.Join(w.Reasons, lang.L("claim.worth.separator"))
	return lang.L("claim.worth.reasons", map[string]any{"Percent": percent, "Reasons": reasons})
}

// newKindSelect offers the kinds of claim, statistic first, in the
// order of claims.Kinds, which is how a choice maps back to its kind.
func newKindSelect() *widget.Select {
	labels := make([]string, len(claims.Kinds))
	for i, k := range claims.Kinds {
		labels[i] = kindName(k)
	}
	s := widget.NewSelect(labels, nil)
	s.SetSelectedIndex(0)
	return s
}

// selectedKind is the kind chosen in a select made by newKindSelect.
func selectedKind(s *widget.Select) claims.Kind {
	return claims.Kinds[max(s.SelectedIndex(), 0)]
}

// selectKind shows k in a select made by newKindSelect; a kind the select
// does not offer leaves it as it was.
func selectKind(s *widget.Select, k claims.Kind) {
	if i := slices.Index(claims.Kinds, k); i >= 0 {
		s.SetSelectedIndex(i)
	}
}

// The detail tabs share the pieces below, which keep them usable from the
// keyboard.

// newTopBorder places top above center as container.NewBorder does, but
// lists top first: Tab visits a container's objects in their order, and
// NewBorder puts the center before the edges.
func newTopBorder(top, center fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, center)
}

// proseEntry is a multi-line entry for sentences, in which Tab moves the
// focus on: Fyne's multi-line entry keeps Tab to type it, which leaves a
// keyboard no way out of the field.
type proseEntry struct {
	widget.Entry
}

// newProseEntry returns an empty entry that wraps at word boundaries.
func newProseEntry() *proseEntry {
	e := &proseEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab lets Tab move the focus on.
func (e *proseEntry) AcceptsTab() bool {
	return false
}

// submitOnEnter lets Enter in a single-line entry of a form dialog, or
// Shift+Enter in a multi-line one, submit it as its confirm button does,
// once the form's fields are valid.
func submitOnEnter(d *dialog.FormDialog, items []*widget.FormItem) {
	submit := func(string) { d.Submit() }
	for _, item := range items {
		switch entry := item.Widget.(type) {
		case *widget.Entry:
			entry.OnSubmitted = submit
		case *proseEntry:
			entry.OnSubmitted = submit
		}
	}
}

// showFocused shows a form dialog over w with the focus in its first field
// that takes it, so that typing can start at once.
func showFocused(w fyne.Window, d *dialog.FormDialog, items []*widget.FormItem) {
	d.Show()
	for _, item := range items {
		field, ok := item.Widget.(fyne.Focusable)
		if off, can := item.Widget.(fyne.Disableable); ok && (!can || !off.Disabled()) {
			w.Canvas().Focus(field)
			return
		}
	}
}
