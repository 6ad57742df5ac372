package app

import (
	"cmp"
	"context"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// verdictFixture is a verdict tab on a real temporary store holding the
// sample case, showing its first claim the way the window will: every
// change reloads the claim and shows it again.
type verdictFixture struct {
	t        *testing.T
	st       *store.DB
	tab      *verdictTab
	w        fyne.Window
	reviewer string
	claimID  string
}

// verdictTestTime is the store's clock, in local time because the tab
// shows local times.
var verdictTestTime = time.Date(2025, 3, 14, 9, 30, 0, 0, time.Local)

func newVerdictFixture(t *testing.T) *verdictFixture {
	t.Helper()
	test.NewTempApp(t)
	st, _, list := openSample(t, store.Options{Now: func() time.Time { return verdictTestTime }})
	f := &verdictFixture{t: t, st: st, reviewer: "Alice", claimID: list[0].ID}
	w := test.NewTempWindow(t, nil)
	e := &env{
		window:       w,
		store:        st,
		reviewer:     func() string { return f.reviewer },
		spawn:        func(work func()) { work() },
		claimChanged: func(string) { f.reload() },
	}
	f.tab = newVerdictTab(e)
	w.SetContent(f.tab.object())
	w.Resize(fyne.NewSize(760, 900))
	f.w = w
	f.reload()
	return f
}

// reload shows the claim as the store has it now.
func (f *verdictFixture) reload() {
	f.t.Helper()
	settings, err := f.st.Settings(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	f.tab.show(f.claim(), settings)
}

func (f *verdictFixture) claim() *claims.Claim {
	f.t.Helper()
	c, err := f.st.FindClaimByID(context.Background(), f.claimID)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// as switches the reviewer and shows the claim again, as the window does
// when the reviewer name changes.
func (f *verdictFixture) as(name string) {
	f.reviewer = name
	f.reload()
}

// wantStatus fails unless the stored claim has status want and no error
// dialog is open.
func (f *verdictFixture) wantStatus(want claims.Status) *claims.Claim {
	f.t.Helper()
	f.wantNoDialog()
	c := f.claim()
	if c.Status != want {
		f.t.Fatalf("status = %s, want %s", c.Status, want)
	}
	return c
}

func (f *verdictFixture) wantNoDialog() {
	f.t.Helper()
	if top := f.w.Canvas().Overlays().Top(); top != nil {
		f.t.Fatalf("unexpected dialog: %q", f.dialogTexts())
	}
}

// typeInto focuses entry on the canvas, as a click would, and types text.
func (f *verdictFixture) typeInto(entry fyne.Focusable, text string) {
	f.w.Canvas().Focus(entry)
	for _, r := range text {
		entry.TypedRune(r)
	}
}

// settle lays the window out again, as the real driver does after every
// change of a widget's minimum size; the test canvas does not.
func (f *verdictFixture) settle() {
	f.w.Canvas().Unfocus()
	f.tab.object().Refresh()
}

// chooseRating opens the rating select and taps the option label.
func (f *verdictFixture) chooseRating(label string) {
	f.t.Helper()
	test.Tap(f.tab.rating)
	top := f.w.Canvas().Overlays().Top()
	for _, o := range rendered(top) {
		if text, ok := o.(*canvas.Text); ok && text.Text == label {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(text)
			test.TapCanvas(f.w.Canvas(), pos.AddXY(2, 2))
			return
		}
	}
	f.t.Fatalf("the rating menu has no %q", label)
}

// dialogEntry is an entry of a dialog, single-line or multi-line.
type dialogEntry interface {
	fyne.CanvasObject
	fyne.Focusable
}

// dialogEntries returns the entries of the open dialog, top to bottom.
func (f *verdictFixture) dialogEntries() []dialogEntry {
	var entries []dialogEntry
	for _, o := range rendered(f.w.Canvas().Overlays().Top()) {
		switch e := o.(type) {
		case *widget.Entry, *proseEntry:
			entries = append(entries, e.(dialogEntry))
		}
	}
	d := fyne.CurrentApp().Driver()
	slices.SortStableFunc(entries, func(a, b dialogEntry) int {
		return cmp.Compare(d.AbsolutePositionForObject(a).Y, d.AbsolutePositionForObject(b).Y)
	})
	return entries
}

// dialogTexts returns the label texts of the open dialog, to say what an
// unexpected one said.
func (f *verdictFixture) dialogTexts() []string {
	var out []string
	for _, o := range rendered(f.w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// dialogButton returns the open dialog's button labelled text.
func (f *verdictFixture) dialogButton(text string) *widget.Button {
	f.t.Helper()
	for _, o := range rendered(f.w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	f.t.Fatalf("no dialog button %q in %q", text, f.dialogTexts())
	return nil
}

// fillDialog types texts into the open dialog's entries, top to bottom,
// checking that confirm waits for the first, and taps confirm.
func (f *verdictFixture) fillDialog(confirm string, texts ...string) {
	f.t.Helper()
	button := f.dialogButton(confirm)
	if !button.Disabled() {
		f.t.Errorf("%q is enabled before the required text is typed", confirm)
	}
	entries := f.dialogEntries()
	if len(entries) < len(texts) {
		f.t.Fatalf("the dialog has %d entries, want %d", len(entries), len(texts))
	}
	for i, text := range texts {
		f.typeInto(entries[i], text)
	}
	if button.Disabled() {
		f.t.Fatalf("%q is still disabled", confirm)
	}
	test.Tap(button)
}

// wantButtons fails unless exactly the buttons in enabled are enabled.
func (f *verdictFixture) wantButtons(enabled ...string) {
	f.t.Helper()
	tab := f.tab
	for _, b := range []*widget.Button{tab.save, tab.submit, tab.approve, tab.requestChanges, tab.publish} {
		want := slices.Contains(enabled, b.Text)
		if b.Disabled() == want {
			f.t.Errorf("%q enabled = %v, want %v", b.Text, !b.Disabled(), want)
		}
	}
}

func (f *verdictFixture) wantNotes(parts ...string) {
	f.t.Helper()
	if !f.tab.notes.Visible() {
		f.t.Errorf("the notes are hidden, want %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(f.tab.notes.Text, p) {
			f.t.Errorf("notes = %q, want them to say %q", f.tab.notes.Text, p)
		}
	}
}

// verdictBoldSegments returns the bold text the preview shows.
func verdictBoldSegments(rt *widget.RichText) []string {
	var out []string
	for _, s := range rt.Segments {
		if text, ok := s.(*widget.TextSegment); ok && text.Style.TextStyle.Bold {
			out = append(out, text.Text)
		}
	}
	return out
}

func TestVerdictTabDraftReviewPublishCorrect(t *testing.T) {
	f := newVerdictFixture(t)
	tab := f.tab
	f.wantButtons("Save draft")

	// Alice drafts a verdict.
	f.chooseRating("Vrai")
	if got, want := tab.chip.FillColor, parseColor("#1a9850"); got != want {
		t.Errorf("chip colour = %v, want Vrai's %v", got, want)
	}
	f.typeInto(tab.explanation, "Le chiffre est exact.")
	f.typeInto(tab.rationale, "Selon l'Insee, le chiffre est **exact** pour 2023.")
	if got := verdictBoldSegments(tab.preview); !slices.Contains(got, "exact") {
		t.Errorf("preview bold segments = %q, want \"exact\"", got)
	}
	if got := tab.preview.String(); !strings.Contains(got, "Selon l'Insee, le chiffre est exact pour 2023.") {
		t.Errorf("preview = %q, want the rendered rationale", got)
	}
	f.wantNotes("Unsaved changes")
	test.Tap(tab.save)
	c := f.wantStatus(claims.StatusVerdictDrafted)
	if v := c.Verdict; v.Author != "Alice" || v.Rating != "vrai" || v.Explanation != "Le chiffre est exact." {
		t.Errorf("stored verdict = %+v, want Alice's vrai", v)
	}
	if want := "Verdict by Alice, Mar 14, 2025, 09:30. Status: verdict drafted."; tab.byline.Text != want {
		t.Errorf("byline = %q, want %q", tab.byline.Text, want)
	}
	f.wantButtons("Save draft", "Submit for review", "Request changes…")
	f.wantNotes("You wrote this verdict, so a second reviewer must approve it.")

	test.Tap(tab.submit)
	f.wantStatus(claims.StatusInReview)
	f.wantButtons("Save draft", "Request changes…")
	f.wantNotes("You wrote this verdict, so a second reviewer must approve it.",
		"The verdict has not been reviewed since it was last changed.")

	// Bob asks for changes.
	f.as("Bob")
	f.wantButtons("Save draft", "Approve", "Request changes…")
	test.Tap(tab.requestChanges)
	f.fillDialog("Request changes", "Citez le tableau de l'Insee.")
	c = f.wantStatus(claims.StatusChangesRequested)
	if len(c.Reviews) != 1 || c.Reviews[0].Reviewer != "Bob" || c.Reviews[0].Decision != claims.DecisionRequestChanges {
		t.Fatalf("reviews = %+v, want Bob's request for changes", c.Reviews)
	}
	if want := "Mar 14, 2025, 09:30 — Bob requested changes: Citez le tableau de l'Insee."; tab.reviews.Text != want {
		t.Errorf("reviews = %q, want %q", tab.reviews.Text, want)
	}
	f.wantButtons("Save draft")
	f.wantNotes("Only a claim in review can be published; this one is changes requested.")

	// Alice revises, Bob approves.
	f.as("Alice")
	f.typeInto(tab.rationale, "Voir le tableau 3. ")
	test.Tap(tab.save)
	f.wantStatus(claims.StatusVerdictDrafted)
	if !strings.HasSuffix(tab.reviews.Text, "(earlier version): Citez le tableau de l'Insee.") {
		t.Errorf("reviews = %q, want Bob's review marked as of an earlier version", tab.reviews.Text)
	}
	f.as("Bob")
	f.wantButtons("Save draft", "Submit for review", "Approve", "Request changes…")
	test.Tap(tab.approve)
	f.wantStatus(claims.StatusInReview)
	f.wantButtons("Save draft", "Approve", "Request changes…", "Publish")
	if tab.notes.Visible() {
		t.Errorf("notes = %q, want none once publishable", tab.notes.Text)
	}
	test.Tap(tab.publish)
	f.wantStatus(claims.StatusPublished)
	f.wantButtons("Save draft")
	f.wantNotes("A change of rating will be recorded as a correction.")

	// A new rating after publication is a correction, with its reason.
	f.chooseRating("Faux")
	test.Tap(tab.save)
	f.fillDialog("Save correction", "Le tableau 3 dit l'inverse.", "Nous avions mal lu le tableau.")
	c = f.wantStatus(claims.StatusCorrected)
	want := claims.Correction{Author: "Bob", OldRating: "vrai", NewRating: "faux",
		Reason: "Le tableau 3 dit l'inverse.", PublicNote: "Nous avions mal lu le tableau."}
	if len(c.Corrections) != 1 {
		t.Fatalf("corrections = %+v, want one", c.Corrections)
	}
	if got := c.Corrections[0]; got.Author != want.Author || got.OldRating != want.OldRating || got.NewRating != want.NewRating ||
		got.Reason != want.Reason || got.PublicNote != want.PublicNote {
		t.Errorf("correction = %+v, want %+v", got, want)
	}
}

func TestVerdictTabCancelledCorrectionSavesNothing(t *testing.T) {
	f := newVerdictFixture(t)
	verdict := claims.Verdict{Rating: "vrai", Explanation: "Exact."}
	ctx := claims.NewContext(context.Background(), "Alice")
	if _, err := f.st.SetVerdict(ctx, f.claimID, verdict, "", ""); err != nil {
		t.Fatal(err)
	}
	for _, step := range []func(context.Context, string) (*claims.Claim, error){f.st.SubmitForReview, f.approveAsBob, f.st.PublishClaim} {
		if _, err := step(ctx, f.claimID); err != nil {
			t.Fatal(err)
		}
	}
	f.reload()

	f.chooseRating("Faux")
	test.Tap(f.tab.save)
	test.Tap(f.dialogButton("Cancel"))

	c := f.wantStatus(claims.StatusPublished)
	if c.Verdict.Rating != "vrai" || len(c.Corrections) != 0 {
		t.Errorf("rating %q with %d corrections, want vrai unchanged", c.Verdict.Rating, len(c.Corrections))
	}
	if got := f.tab.rating.Selected; got != "Faux" {
		t.Errorf("rating select = %q, want the user's Faux kept", got)
	}
}

func (f *verdictFixture) approveAsBob(_ context.Context, id string) (*claims.Claim, error) {
	return f.st.ReviewClaim(claims.NewContext(context.Background(), "Bob"), id, claims.Review{Decision: claims.DecisionApprove})
}

func TestVerdictTabKeepsUnsavedEditsWhenShownAgain(t *testing.T) {
	f := newVerdictFixture(t)
	f.chooseRating("Trompeur")
	f.typeInto(f.tab.explanation, "Sans le contexte.")

	f.reload() // as after a change in another tab

	if f.tab.explanation.Text != "Sans le contexte." || f.tab.rating.Selected != "Trompeur" {
		t.Errorf("fields = %q, %q; want the unsaved edits kept", f.tab.rating.Selected, f.tab.explanation.Text)
	}
	f.wantNotes("Unsaved changes")
}

func TestVerdictTabShowNilClears(t *testing.T) {
	f := newVerdictFixture(t)
	f.chooseRating("Vrai")
	f.typeInto(f.tab.explanation, "Exact.")
	test.Tap(f.tab.save)

	f.tab.show(nil, nil)

	f.wantButtons()
	if f.tab.explanation.Text != "" || f.tab.rating.Selected != "" || !f.tab.explanation.Disabled() || !f.tab.rating.Disabled() {
		t.Errorf("fields = %q, %q (disabled %v); want empty and disabled",
			f.tab.rating.Selected, f.tab.explanation.Text, f.tab.explanation.Disabled())
	}
	if f.tab.byline.Text != "No claim selected." || f.tab.notes.Visible() {
		t.Errorf("byline %q, notes %q; want no claim and no notes", f.tab.byline.Text, f.tab.notes.Text)
	}
}

// TestVerdictTabMarkup renders a verdict in review, with an earlier
// request for changes, as its author sees it.
func TestVerdictTabMarkup(t *testing.T) {
	f := newVerdictFixture(t)
	f.chooseRating("Plutôt vrai")
	f.typeInto(f.tab.explanation, "Le déficit prévu est de 13,5 milliards, mais en 2030.")
	f.typeInto(f.tab.rationale, "Le **COR** prévoit ce déficit *en 2030*, pas en 2025.")
	f.typeInto(f.tab.methodology, "Rapport annuel du COR, juin 2024.")
	test.Tap(f.tab.save)
	f.as("Bob")
	test.Tap(f.tab.requestChanges)
	f.fillDialog("Request changes", "Précisez l'année.")
	f.as("Alice")
	test.Tap(f.tab.save)
	test.Tap(f.tab.submit)
	f.wantStatus(claims.StatusInReview)
	f.settle()

	test.AssertRendersToMarkup(t, "verdict_tab.xml", f.w.Canvas())
}

func TestVerdictTabFocusFollowsTheScreen(t *testing.T) {
	f := newVerdictFixture(t)
	forms := evidenceFind[*widget.Form](f.tab.object())

	got := focusOrder(t, f.w.Canvas(), focusName(forms))
	if want := []string{"Rating", "Explanation", "Rationale", "Methodology", "Save draft"}; !slices.Equal(got, want) {
		t.Errorf("focus order = %q, want %q", got, want)
	}

	f.chooseRating("Vrai")
	f.typeInto(f.tab.explanation, "Exact.")
	test.Tap(f.tab.save)
	f.as("Bob")
	test.Tap(f.tab.requestChanges)
	if got, want := f.w.Canvas().Focused(), fyne.Focusable(f.dialogEntries()[0]); got != want {
		t.Errorf("the dialog opened with the focus on %T, want its comment", got)
	}
	got = focusOrder(t, f.w.Canvas(), focusName(evidenceFind[*widget.Form](f.w.Canvas().Overlays().Top())))
	if want := []string{"Comment", "Cancel"}; !slices.Equal(got, want) {
		t.Errorf("the dialog's focus order = %q, want %q while the comment is blank", got, want)
	}
}

func TestVerdictDialogSubmitsOnShiftEnter(t *testing.T) {
	f := newVerdictFixture(t)
	f.chooseRating("Vrai")
	f.typeInto(f.tab.explanation, "Exact.")
	test.Tap(f.tab.save)
	f.as("Bob")
	test.Tap(f.tab.requestChanges)
	comment := f.dialogEntries()[0].(*proseEntry)
	f.typeInto(comment, "Citez la source.")

	comment.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	comment.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	if c := f.wantStatus(claims.StatusChangesRequested); len(c.Reviews) != 1 || c.Reviews[0].Comment != "Citez la source." {
		t.Errorf("reviews = %+v, want Bob's comment", c.Reviews)
	}
}

// TestVerdictTabInBothLanguages drafts a verdict and asks for changes in
// each language, reading the buttons, the byline with its status and date,
// and the review.
func TestVerdictTabInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		lang             string
		buttons          []string
		byline, dialog   string
		review, noReview string
	}{
		{
			lang:     locale.English,
			buttons:  []string{"Save draft", "Submit for review", "Approve", "Request changes…", "Publish"},
			byline:   "Verdict by Alice, Mar 14, 2025, 09:30. Status: verdict drafted.",
			dialog:   "Request changes",
			review:   "Mar 14, 2025, 09:30 — Bob requested changes: Citez la source.",
			noReview: "No reviews yet.",
		},
		{
			lang:     locale.French,
			buttons:  []string{"Enregistrer le brouillon", "Soumettre à relecture", "Approuver", "Demander des modifications…", "Publier"},
			byline:   "Auteur du verdict\u00a0: Alice, 14 mars 2025, 09:30. Statut\u00a0: verdict rédigé.",
			dialog:   "Demander des modifications",
			review:   "14 mars 2025, 09:30 — Bob a demandé des modifications\u00a0: Citez la source.",
			noReview: "Aucune relecture pour l’instant.",
		},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			setLanguage(tt.lang)
			t.Cleanup(func() { setLanguage(locale.English) })
			f := newVerdictFixture(t)
			tab := f.tab
			var buttons []string
			for _, b := range []*widget.Button{tab.save, tab.submit, tab.approve, tab.requestChanges, tab.publish} {
				buttons = append(buttons, b.Text)
			}
			if !slices.Equal(buttons, tt.buttons) {
				t.Errorf("buttons %q, want %q", buttons, tt.buttons)
			}
			if tab.reviews.Text != tt.noReview {
				t.Errorf("reviews %q, want %q", tab.reviews.Text, tt.noReview)
			}

			f.chooseRating("Vrai")
			f.typeInto(tab.explanation, "Exact.")
			test.Tap(tab.save)
			if c := f.wantStatus(claims.StatusVerdictDrafted); c.Verdict.Rating != "vrai" {
				t.Errorf("stored rating %q, want vrai", c.Verdict.Rating)
			}
			if tab.byline.Text != tt.byline {
				t.Errorf("byline %q, want %q", tab.byline.Text, tt.byline)
			}

			f.as("Bob")
			test.Tap(tab.requestChanges)
			f.fillDialog(tt.dialog, "Citez la source.")
			f.wantStatus(claims.StatusChangesRequested)
			if tab.reviews.Text != tt.review {
				t.Errorf("reviews %q, want %q", tab.reviews.Text, tt.review)
			}
		})
	}
}

// TestVerdictTabLabelsFollowTheFields checks that the form's labels are
// greyed exactly while their fields are disabled, including after a claim is
// shown in a tab first drawn with none.
func TestVerdictTabLabelsFollowTheFields(t *testing.T) {
	f := newVerdictFixture(t)
	disabled := theme.Color(theme.ColorNameDisabled)
	labelColor := func(text string) color.Color {
		for _, o := range rendered(f.w.Content()) {
			if l, ok := o.(*canvas.Text); ok && l.Text == text {
				return l.Color
			}
		}
		t.Fatalf("no label %q", text)
		return nil
	}
	for _, tt := range []struct {
		show     bool
		greyed   bool
		scenario string
	}{
		{false, true, "no claim"},
		{true, false, "a claim shown after none"},
	} {
		if tt.show {
			f.reload()
		} else {
			f.tab.show(nil, nil)
		}
		for _, label := range []string{"Explanation", "Methodology"} {
			if got := labelColor(label) == disabled; got != tt.greyed {
				t.Errorf("%s: label %q greyed = %v, want %v", tt.scenario, label, got, tt.greyed)
			}
		}
	}
}
