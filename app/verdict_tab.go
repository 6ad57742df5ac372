package app

import (
	"context"
	"errors"
	"image/color"
	"net/url"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	// fields holds the entries above; Fyne greys a form's labels by whether
	// their entries were enabled when it last refreshed.
	fields                 *widget.Form
	preview                *widget.RichText
	byline, notes, reviews *widget.Label

	save, submit, approve, requestChanges, publish *widget.Button

	content fyne.CanvasObject
}

// newVerdictTab builds the tab, empty until show is given a claim.
func newVerdictTab(e *env) *verdictTab {
	t := &verdictTab{e: e}
	t.rating = widget.NewSelect(nil, func(string) { t.ratingChanged() })
	t.rating.PlaceHolder = lang.L("verdict.rating.placeholder")
	t.chip = canvas.NewRectangle(color.Transparent)
	t.chip.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
	t.chip.CornerRadius = theme.InputRadiusSize()
	t.explanation = t.newField(2, lang.L("verdict.explanation.placeholder"))
	t.rationale = t.newField(8, lang.L("verdict.rationale.placeholder"))
	t.methodology = t.newField(2, lang.L("verdict.methodology.placeholder"))
	t.preview = widget.NewRichText()
	t.preview.Wrapping = fyne.TextWrapWord
	t.rationale.OnChanged = func(text string) {
		t.preview.Segments = previewSegments(widget.NewRichTextFromMarkdown(text).Segments)
		t.preview.Refresh()
		t.updateActions()
	}
	t.byline = verdictLabel()
	t.notes = verdictLabel()
	t.notes.Importance = widget.WarningImportance
	t.reviews = verdictLabel()

	t.save = widget.NewButtonWithIcon(lang.L("verdict.save"), theme.DocumentSaveIcon(), t.onSave)
	t.submit = widget.NewButtonWithIcon(lang.L("claim.submit"), theme.MailSendIcon(), t.onSubmit)
	t.approve = widget.NewButtonWithIcon(lang.L("verdict.approve"), theme.ConfirmIcon(), t.onApprove)
	t.requestChanges = widget.NewButtonWithIcon(lang.L("verdict.request-changes"), theme.ContentUndoIcon(), t.onRequestChanges)
	t.publish = widget.NewButtonWithIcon(lang.L("verdict.publish"), theme.UploadIcon(), t.onPublish)
	t.publish.Importance = widget.HighImportance

	t.content = t.layout()
	t.show(nil, nil)
	return t
}

// previewSegments keeps the links of a rationale's preview that the
// reports keep, by the same decision: Fyne makes a link of any address and
// a tap opens it, so a javascript: or file: link would run or open on the
// writer's machine. An image not on the web, which Fyne would read from
// disk, shows as its title, or its address when it has none.
func previewSegments(segments []widget.RichTextSegment) []widget.RichTextSegment {
	for i, s := range segments {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			segments[i] = previewLink(s)
		case *widget.ImageSegment:
			if s.Source == nil || (s.Source.Scheme() != "http" && s.Source.Scheme() != "https") {
				segments[i] = previewImageText(s)
			}
		case *widget.ParagraphSegment:
			s.Texts = previewSegments(s.Texts)
		case *widget.ListSegment:
			s.Items = previewSegments(s.Items)
		}
	}
	return segments
}

func previewImageText(image *widget.ImageSegment) widget.RichTextSegment {
	text := image.Title
	if text == "" && image.Source != nil {
		text = image.Source.String()
	}
	return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text}
}

// previewLink returns link with its address normalised, or its text alone
// when claims.SafeLinkURL refuses the address.
func previewLink(link *widget.HyperlinkSegment) widget.RichTextSegment {
	if link.URL != nil {
		if safe, ok := claims.SafeLinkURL(link.URL.String()); ok {
			if u, err := url.Parse(safe); err == nil {
				link.URL = u
				return link
			}
		}
	}
	return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: link.Text}
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
	heading := widget.NewLabelWithStyle(lang.L("verdict.preview"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	preview := newTopBorder(heading, container.NewVScroll(t.preview))
	t.fields = widget.NewForm(
		widget.NewFormItem(lang.L("verdict.rating"), container.NewBorder(nil, nil, container.NewCenter(t.chip), nil, t.rating)),
		widget.NewFormItem(lang.L("verdict.explanation"), t.explanation),
		widget.NewFormItem(lang.L("verdict.rationale"), container.NewGridWithColumns(2, t.rationale, preview)),
		widget.NewFormItem(lang.L("verdict.methodology"), t.methodology),
	)
	// The actions wrap onto a second row rather than widen a narrow pane.
	actions := container.New(layout.NewRowWrapLayout(), t.save, t.submit, t.approve, t.requestChanges, t.publish)
	return container.NewVScroll(container.NewVBox(
		t.byline, t.fields, actions, t.notes,
		widget.NewSeparator(),
		verdictHeading(lang.L("verdict.reviews")), t.reviews,
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
	if t.fields != nil {
		t.fields.Refresh()
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
	hex := ""
	if i := t.rating.SelectedIndex(); i >= 0 {
		hex = t.settings.Scale.Ratings[i].Color
	}
	paintChip(t.chip, hex)
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
		reasons = append(reasons, lang.L("verdict.note.unsaved"))
	case c.Status.IsPublic():
		reasons = append(reasons, lang.L("verdict.note.published"))
	default:
		if ownVerdict {
			reasons = append(reasons, lang.L("verdict.note.own-verdict"))
		}
		if publishable != nil {
			reasons = append(reasons, userMessage(publishable))
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
		t.byline.SetText(lang.L("verdict.no-claim"))
	case c.Verdict == nil:
		t.byline.SetText(lang.L("verdict.no-verdict", map[string]any{"Status": statusName(c.Status)}))
	default:
		t.byline.SetText(lang.L("verdict.byline", map[string]any{
			"Author": c.Verdict.Author, "Date": formatDateTime(c.Verdict.UpdatedAt), "Status": statusName(c.Status),
		}))
	}
	t.reviews.SetText(t.reviewLines())
}

func (t *verdictTab) reviewLines() string {
	if t.claim == nil || len(t.claim.Reviews) == 0 {
		return lang.L("verdict.no-reviews")
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
	who := map[string]any{"Date": formatDateTime(r.At), "Reviewer": r.Reviewer}
	line := lang.L("verdict.review.approved", who)
	if r.Decision == claims.DecisionRequestChanges {
		line = lang.L("verdict.review.changes", who)
	}
	if t.claim.Verdict == nil || r.VerdictRevision != t.claim.Verdict.Revision {
		line = lang.L("verdict.review.earlier", map[string]any{"Review": line})
	}
	if r.Comment != "" {
		line = lang.L("verdict.review.comment", map[string]any{"Review": line, "Comment": r.Comment})
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
	reason := verdictRequiredEntry(lang.L("verdict.correction.reason.required"))
	note := newProseEntry()
	note.SetPlaceHolder(lang.L("verdict.correction.note.placeholder"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("verdict.rating"), widget.NewLabel(t.ratingLabel(from)+" → "+t.ratingLabel(to))),
		{Text: lang.L("verdict.correction.reason"), Widget: reason, HintText: lang.L("verdict.correction.reason.hint")},
		widget.NewFormItem(lang.L("verdict.correction.note"), note),
	}
	t.showForm(lang.L("verdict.correction.title"), lang.L("verdict.correction.save"), items, func() { done(reason.Text, note.Text) })
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
	comment := verdictRequiredEntry(lang.L("verdict.request-changes.required"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("verdict.request-changes.comment"), comment)}
	t.showForm(lang.L("verdict.request-changes.title"), lang.L("verdict.request-changes.confirm"), items, func() {
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
	d := dialog.NewForm(title, confirm, lang.L("common.cancel"), items, func(ok bool) {
		if ok {
			confirmed()
		}
	}, t.e.window)
	submitOnEnter(d, items)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	showFocused(t.e.window, d, items)
}
