package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// verdictTab drafts, reviews and publishes a claim's verdict: the rating
// from the database's scale and the reasoning behind it, a second
// reviewer's decision, and publication once the workflow allows it.
type verdictTab struct {
	e        *env
	claim    *claims.Claim
	settings *claims.Settings
	// saved holds the fields as last loaded from the store, so the tab
	// knows when they carry edits that a submit or review would not see.
	saved claims.Verdict

	rating                              *widget.Select
	chip                                *canvas.Rectangle
	explanation, rationale, methodology *proseEntry
	preview                             *widget.RichText
	byline, notes, reviews              *widget.Label

	save, submit, approve, requestChanges, publish *widget.Button

	content fyne.CanvasObject
}

// verdictDateFormat is how the tab writes when something happened.
const verdictDateFormat = "2 Jan 2006 15:04"

// newVerdictTab builds the tab, empty until show is given a claim.
func newVerdictTab(e *env) *verdictTab {
	t := &verdictTab{e: e}
	t.rating = widget.NewSelect(nil, func(string) { t.ratingChanged() })
	t.rating.PlaceHolder = "Choose a rating"
	t.chip = canvas.NewRectangle(color.Transparent)
	t.chip.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
	t.chip.CornerRadius = theme.InputRadiusSize()
	t.explanation = t.newField(2, "One or two sentences, shown next to the rating")
	t.rationale = t.newField(8, "The full reasoning, in Markdown")
	t.methodology = t.newField(2, "How the claim was checked")
	t.preview = widget.NewRichText()
	t.preview.Wrapping = fyne.TextWrapWord
	t.rationale.OnChanged = func(text string) {
		t.preview.ParseMarkdown(text)
		t.updateActions()
	}
	t.byline = verdictLabel()
	t.notes = verdictLabel()
	t.notes.Importance = widget.WarningImportance
	t.reviews = verdictLabel()

	t.save = widget.NewButtonWithIcon("Save draft", theme.DocumentSaveIcon(), t.onSave)
	t.submit = widget.NewButtonWithIcon("Submit for review", theme.MailSendIcon(), t.onSubmit)
	t.approve = widget.NewButtonWithIcon("Approve", theme.ConfirmIcon(), t.onApprove)
	t.requestChanges = widget.NewButtonWithIcon("Request changes…", theme.ContentUndoIcon(), t.onRequestChanges)
	t.publish = widget.NewButtonWithIcon("Publish", theme.UploadIcon(), t.onPublish)
	t.publish.Importance = widget.HighImportance

	t.content = t.layout()
	t.show(nil, nil)
	return t
}

func (t *verdictTab) object() fyne.CanvasObject {
	return t.content
}

// newField returns a wrapping multi-line entry that rows lines high, which
// re-checks the actions as the user types, since typing makes the form
// differ from the saved verdict.
func (t *verdictTab) newField(rows int, placeholder string) *proseEntry {
	entry := newProseEntry()
	entry.SetMinRowsVisible(rows)
	entry.SetPlaceHolder(placeholder)
	entry.OnChanged = func(string) { t.updateActions() }
	return entry
}

func verdictLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func verdictHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// layout puts the form first, the actions under it with the reasons some
// are disabled, and the review history last. The preview sits beside the
// rationale, so the writer sees both at once.
func (t *verdictTab) layout() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Preview", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	preview := newTopBorder(heading, container.NewVScroll(t.preview))
	form := widget.NewForm(
		widget.NewFormItem("Rating", container.NewBorder(nil, nil, container.NewCenter(t.chip), nil, t.rating)),
		widget.NewFormItem("Explanation", t.explanation),
		widget.NewFormItem("Rationale", container.NewGridWithColumns(2, t.rationale, preview)),
		widget.NewFormItem("Methodology", t.methodology),
	)
	// The actions wrap onto a second row rather than widen a narrow pane.
	actions := container.New(layout.NewRowWrapLayout(), t.save, t.submit, t.approve, t.requestChanges, t.publish)
	return container.NewVScroll(container.NewVBox(
		t.byline, form, actions, t.notes,
		widget.NewSeparator(),
		verdictHeading("Reviews"), t.reviews,
	))
}

// show displays claim c (with its Reviews and Corrections, as
// FindClaimByID returns it) and the database settings; nil clears it.
// Shown again after a change elsewhere, the same claim keeps the edits
// the user has not saved yet.
func (t *verdictTab) show(c *claims.Claim, settings *claims.Settings) {
	keepEdits := c != nil && t.claim != nil && c.ID == t.claim.ID && t.dirty()
	t.claim, t.settings = c, settings
	t.saved = claims.Verdict{}
	if c != nil && c.Verdict != nil {
		t.saved = *c.Verdict
	}
	t.rating.SetOptions(t.ratingLabels())
	if !keepEdits {
		t.load(t.saved)
	}
	t.setEditable(c != nil)
	t.showHistory()
	t.updateActions()
}

// load fills the fields with v.
func (t *verdictTab) load(v claims.Verdict) {
	if r, ok := t.scaleRating(v.Rating); ok {
		t.rating.SetSelected(r.Label)
	} else {
		t.rating.ClearSelected()
	}
	t.explanation.SetText(v.Explanation)
	t.rationale.SetText(v.Rationale)
	t.methodology.SetText(v.Methodology)
}

// form returns the verdict the fields describe.
func (t *verdictTab) form() claims.Verdict {
	v := claims.Verdict{Explanation: t.explanation.Text, Rationale: t.rationale.Text, Methodology: t.methodology.Text}
	if i := t.rating.SelectedIndex(); i >= 0 {
		v.Rating = t.settings.Scale.Ratings[i].Key
	}
	return v
}

// dirty reports whether the fields differ from the stored verdict.
func (t *verdictTab) dirty() bool {
	v := t.form()
	return v.Rating != t.saved.Rating || v.Explanation != t.saved.Explanation ||
		v.Rationale != t.saved.Rationale || v.Methodology != t.saved.Methodology
}

func (t *verdictTab) setEditable(editable bool) {
	for _, w := range []fyne.Disableable{t.rating, t.explanation, t.rationale, t.methodology} {
		if editable {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

func (t *verdictTab) ratingLabels() []string {
	if t.settings == nil {
		return nil
	}
	labels := make([]string, len(t.settings.Scale.Ratings))
	for i, r := range t.settings.Scale.Ratings {
		labels[i] = r.Label
	}
	return labels
}

func (t *verdictTab) scaleRating(key string) (claims.Rating, bool) {
	if t.settings == nil {
		return claims.Rating{}, false
	}
	return t.settings.Scale.Rating(key)
}

// ratingLabel names a rating as the scale does, or by its key when the
// scale no longer has it.
func (t *verdictTab) ratingLabel(key string) string {
	if r, ok := t.scaleRating(key); ok {
		return r.Label
	}
	return key
}

func (t *verdictTab) ratingChanged() {
	t.chip.FillColor = color.Transparent
	if i := t.rating.SelectedIndex(); i >= 0 {
		t.chip.FillColor = parseColor(t.settings.Scale.Ratings[i].Color)
	}
	t.chip.Refresh()
	t.updateActions()
}

// updateActions enables the actions the workflow allows now and says why
// the others are not. Submitting, reviewing and publishing act on the
// stored verdict, so they wait while the fields hold unsaved edits.
func (t *verdictTab) updateActions() {
	c := t.claim
	if c == nil {
		for _, b := range []*widget.Button{t.save, t.submit, t.approve, t.requestChanges, t.publish} {
			b.Disable()
		}
		verdictNote(t.notes, "")
		return
	}
	dirty := t.dirty()
	reviewable := c.Verdict != nil && (c.Status == claims.StatusVerdictDrafted || c.Status == claims.StatusInReview)
	ownVerdict := reviewable && t.settings.RequireSecondReviewer && claims.SamePerson(t.e.reviewer(), c.Verdict.Author)
	publishable := c.CheckPublishable(t.settings.RequireSecondReviewer)
	verdictEnable(t.save, true)
	verdictEnable(t.submit, !dirty && c.Verdict != nil && c.Status == claims.StatusVerdictDrafted)
	verdictEnable(t.approve, !dirty && reviewable && !ownVerdict)
	verdictEnable(t.requestChanges, !dirty && reviewable)
	verdictEnable(t.publish, !dirty && publishable == nil)

	var reasons []string
	switch {
	case dirty:
		reasons = append(reasons, "Unsaved changes: save the draft before submitting, reviewing or publishing.")
	case c.Status.IsPublic():
		reasons = append(reasons, "Published. A change of rating will be recorded as a correction.")
	default:
		if ownVerdict {
			reasons = append(reasons, "You wrote this verdict, so a second reviewer must approve it.")
		}
		if publishable != nil {
			reasons = append(reasons, claims.ErrorMessage(publishable))
		}
	}
	verdictNote(t.notes, strings.Join(reasons, "\n"))
}

func verdictEnable(b *widget.Button, enabled bool) {
	if enabled {
		b.Enable()
	} else {
		b.Disable()
	}
}

// verdictNote shows text in l, and hides l when there is nothing to say so it
// takes no room.
func verdictNote(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// showHistory shows who wrote the verdict and when, and its reviews. The
// corrections have a tab of their own.
func (t *verdictTab) showHistory() {
	c := t.claim
	switch {
	case c == nil:
		t.byline.SetText("No claim selected.")
	case c.Verdict == nil:
		t.byline.SetText("No verdict yet. Status: " + c.Status.Label() + ".")
	default:
		t.byline.SetText(fmt.Sprintf("Verdict by %s, %s. Status: %s.", c.Verdict.Author, verdictWhen(c.Verdict.UpdatedAt), c.Status.Label()))
	}
	t.reviews.SetText(t.reviewLines())
}

func verdictWhen(at time.Time) string {
	return at.Local().Format(verdictDateFormat)
}

func (t *verdictTab) reviewLines() string {
	if t.claim == nil || len(t.claim.Reviews) == 0 {
		return "No reviews yet."
	}
	lines := make([]string, len(t.claim.Reviews))
	for i, r := range t.claim.Reviews {
		lines[i] = t.reviewLine(r)
	}
	return strings.Join(lines, "\n")
}

// reviewLine describes one review, and says when it was of an earlier
// version of the verdict, since only a review of the current one counts.
func (t *verdictTab) reviewLine(r claims.Review) string {
	decision := "approved"
	if r.Decision == claims.DecisionRequestChanges {
		decision = "requested changes"
	}
	line := fmt.Sprintf("%s — %s %s", verdictWhen(r.At), r.Reviewer, decision)
	if t.claim.Verdict == nil || r.VerdictRevision != t.claim.Verdict.Revision {
		line += " (earlier version)"
	}
	if r.Comment != "" {
		line += ": " + r.Comment
	}
	return line
}

// act runs a store action on claim id, signed by the reviewer, and has the
// window reload the claim once it succeeded.
func (t *verdictTab) act(id string, do func(ctx context.Context, id string) (*claims.Claim, error)) {
	ctx := t.e.actor()
	t.e.run(func() error {
		_, err := do(ctx, id)
		return err
	}, func() { t.e.claimChanged(id) })
}

// onSave saves the fields as the verdict. On a published claim a new
// rating is a correction, which the store refuses without a reason, so the
// reason is asked for first.
func (t *verdictTab) onSave() {
	c, v := t.claim, t.form()
	setVerdict := func(reason, note string) {
		t.act(c.ID, func(ctx context.Context, id string) (*claims.Claim, error) {
			return t.e.store.SetVerdict(ctx, id, v, reason, note)
		})
	}
	if c.Status.IsPublic() && c.Verdict != nil && c.Verdict.Rating != v.Rating {
		t.askCorrection(c.Verdict.Rating, v.Rating, setVerdict)
		return
	}
	setVerdict("", "")
}

// askCorrection asks why the rating changes from one key to another, and
// what readers should be told, then calls done with both.
func (t *verdictTab) askCorrection(from, to string, done func(reason, note string)) {
	reason := verdictRequiredEntry("Say why the rating changed.")
	note := newProseEntry()
	note.SetPlaceHolder("Shown to readers under the verdict")
	items := []*widget.FormItem{
		widget.NewFormItem("Rating", widget.NewLabel(t.ratingLabel(from)+" → "+t.ratingLabel(to))),
		{Text: "Reason", Widget: reason, HintText: "Kept in the corrections log"},
		widget.NewFormItem("Public note", note),
	}
	t.showForm("Correct the published rating", "Save correction", items, func() { done(reason.Text, note.Text) })
}

func (t *verdictTab) onSubmit() {
	t.act(t.claim.ID, t.e.store.SubmitForReview)
}

func (t *verdictTab) onApprove() {
	t.review(t.claim.ID, claims.Review{Decision: claims.DecisionApprove})
}

// onRequestChanges asks what needs changing: the store refuses a request
// for changes without a comment.
func (t *verdictTab) onRequestChanges() {
	id := t.claim.ID
	comment := verdictRequiredEntry("Say what needs changing.")
	items := []*widget.FormItem{widget.NewFormItem("Comment", comment)}
	t.showForm("Request changes", "Request changes", items, func() {
		t.review(id, claims.Review{Decision: claims.DecisionRequestChanges, Comment: comment.Text})
	})
}

func (t *verdictTab) review(id string, r claims.Review) {
	t.act(id, func(ctx context.Context, id string) (*claims.Claim, error) {
		return t.e.store.ReviewClaim(ctx, id, r)
	})
}

func (t *verdictTab) onPublish() {
	t.act(t.claim.ID, t.e.store.PublishClaim)
}

// verdictRequiredEntry returns a multi-line entry whose form cannot be
// confirmed while it is blank, with why as its placeholder and error.
func verdictRequiredEntry(why string) *proseEntry {
	entry := newProseEntry()
	entry.SetMinRowsVisible(3)
	entry.SetPlaceHolder(why)
	entry.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return errors.New(why)
		}
		return nil
	}
	return entry
}

// showForm shows a form dialog wide enough to write a sentence in, and
// calls confirmed when the user confirms it.
func (t *verdictTab) showForm(title, confirm string, items []*widget.FormItem, confirmed func()) {
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			confirmed()
		}
	}, t.e.window)
	submitOnEnter(d, items)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
}
