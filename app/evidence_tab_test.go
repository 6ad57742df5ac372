package app

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// evidenceFixture is an evidence tab in a test window, on a real temporary
// store that holds the sample case. Store work runs at once, so each tap
// has had its effect when it returns.
type evidenceFixture struct {
	t       *testing.T
	st      *store.DB
	tab     *evidenceTab
	w       fyne.Window
	claims  []*claims.Claim
	changed []string // the arguments of claimChanged
}

func newEvidenceFixture(t *testing.T) *evidenceFixture {
	t.Helper()
	test.NewTempApp(t)
	st, _, list := openSample(t, store.Options{})
	fx := &evidenceFixture{t: t, st: st, claims: list}
	e := &env{
		store:        st,
		reviewer:     func() string { return "Alice" },
		spawn:        func(f func()) { f() },
		claimChanged: func(id string) { fx.changed = append(fx.changed, id) },
	}
	fx.tab = newEvidenceTab(e)
	fx.w = test.NewTempWindow(t, fx.tab.object())
	e.window = fx.w
	fx.w.Resize(fyne.NewSize(800, 760))
	return fx
}

// evidenceSettle lays the window out again, as the GL driver does on the
// next frame once a wrapped label, given its width, needs more lines. The
// test canvas draws the first pass only.
func evidenceSettle(w fyne.Window) {
	w.Content().Refresh()
}

// seed stores a source with evidence on claim c, as another user would.
func (fx *evidenceFixture) seed(c *claims.Claim, s claims.Source, e claims.Evidence) (*claims.Source, *claims.Evidence) {
	fx.t.Helper()
	e.ClaimID = c.ID
	if err := fx.st.AddSourceWithEvidence(claims.NewContext(context.Background(), "Test"), &s, &e); err != nil {
		fx.t.Fatal(err)
	}
	return &s, &e
}

func (fx *evidenceFixture) evidence(c *claims.Claim) []*claims.Evidence {
	fx.t.Helper()
	found, err := fx.st.FindEvidence(context.Background(), c.ID)
	if err != nil {
		fx.t.Fatal(err)
	}
	return found
}

func (fx *evidenceFixture) source(id string) *claims.Source {
	fx.t.Helper()
	s, err := fx.st.FindSourceByID(context.Background(), id)
	if err != nil {
		fx.t.Fatal(err)
	}
	return s
}

// evidenceFind returns the objects of type T drawn for o, top to bottom.
func evidenceFind[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var found []T
	for _, c := range rendered(o) {
		if x, ok := c.(T); ok {
			found = append(found, x)
		}
	}
	d := fyne.CurrentApp().Driver()
	sort.SliceStable(found, func(i, j int) bool {
		return d.AbsolutePositionForObject(found[i]).Y < d.AbsolutePositionForObject(found[j]).Y
	})
	return found
}

// labels returns the texts of the labels drawn for o, top to bottom.
func evidenceLabels(o fyne.CanvasObject) []string {
	var texts []string
	for _, l := range evidenceFind[*widget.Label](o) {
		texts = append(texts, l.Text)
	}
	return texts
}

// tap taps the n-th button (from 0, top to bottom) labelled text in o.
func (fx *evidenceFixture) tap(o fyne.CanvasObject, text string, n int) {
	fx.t.Helper()
	var matches []*widget.Button
	for _, b := range evidenceFind[*widget.Button](o) {
		if b.Text == text {
			matches = append(matches, b)
		}
	}
	if n >= len(matches) {
		fx.t.Fatalf("no button %q number %d among %d", text, n, len(matches))
	}
	test.Tap(matches[n])
}

// dialog returns the dialog on top, failing the test without one.
func (fx *evidenceFixture) dialog() fyne.CanvasObject {
	fx.t.Helper()
	top := fx.w.Canvas().Overlays().Top()
	if top == nil {
		fx.t.Fatal("no dialog shown")
	}
	return top
}

// field returns the widget of the top dialog's form item named label.
func (fx *evidenceFixture) field(label string) fyne.CanvasObject {
	fx.t.Helper()
	for _, form := range evidenceFind[*widget.Form](fx.dialog()) {
		for _, item := range form.Items {
			if item.Text == label {
				return item.Widget
			}
		}
	}
	fx.t.Fatalf("the dialog has no field %q", label)
	return nil
}

// entry returns the entry of the top dialog's form item named label,
// single-line or not.
func (fx *evidenceFixture) entry(label string) *widget.Entry {
	fx.t.Helper()
	switch e := fx.field(label).(type) {
	case *widget.Entry:
		return e
	case *proseEntry:
		return &e.Entry
	}
	fx.t.Fatalf("the dialog's %q is not an entry", label)
	return nil
}

// typeInto replaces the text of the dialog's entry named label, as typed.
func (fx *evidenceFixture) typeInto(label, text string) {
	fx.t.Helper()
	e := fx.entry(label)
	e.SetText("")
	test.Type(e, text)
}

// noDialog fails the test when a dialog is still open.
func (fx *evidenceFixture) noDialog() {
	fx.t.Helper()
	if top := fx.w.Canvas().Overlays().Top(); top != nil {
		fx.t.Errorf("a dialog is still open: %q", evidenceLabels(top))
	}
}

// fillNewSource opens "Add source" and types a source and its excerpt.
func (fx *evidenceFixture) fillNewSource(url string) {
	fx.t.Helper()
	fx.tap(fx.tab.object(), "Add source", 0)
	fx.typeInto("Title", "Kim Jong-un reçoit Vladimir Poutine à Pyongyang")
	fx.typeInto("URL", url)
	fx.typeInto("Publisher", "Reuters")
	fx.typeInto("Issued", "2024-06-19")
	fx.typeInto("Excerpt", "Poutine est arrivé à Pyongyang pour sa première visite depuis 2000.")
	fx.typeInto("Locator", "§ 2")
	fx.field("Reliability").(*widget.Select).SetSelected(claims.ReliabilityB.Label())
	fx.field("Stance").(*widget.RadioGroup).SetSelected("Refutes")
}

func TestEvidenceTabAddSource(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.tab.show(c)
	if got, want := evidenceLabels(fx.tab.object()), []string{fx.tab.empty.Text}; !reflect.DeepEqual(got, want) {
		t.Fatalf("labels before any evidence = %q, want the empty state %q", got, want)
	}

	fx.fillNewSource("https://www.reuters.com/world/putin-pyongyang")
	fx.tap(fx.dialog(), "Add", 0)

	fx.noDialog()
	found := fx.evidence(c)
	if len(found) != 1 {
		t.Fatalf("%d pieces of evidence stored, want 1", len(found))
	}
	ev := found[0]
	if ev.Excerpt != "Poutine est arrivé à Pyongyang pour sa première visite depuis 2000." || ev.Stance != claims.StanceRefutes || ev.Locator != "§ 2" {
		t.Errorf("stored evidence = %q %q %q, want the excerpt typed, refutes, § 2", ev.Excerpt, ev.Stance, ev.Locator)
	}
	if ev.Meta.CreatedBy != "Alice" {
		t.Errorf("evidence created by %q, want the reviewer Alice", ev.Meta.CreatedBy)
	}
	s := fx.source(ev.SourceID)
	if s.URL != "https://www.reuters.com/world/putin-pyongyang" || s.Publisher != "Reuters" || s.Reliability != claims.ReliabilityB || s.Type != claims.SourceWebpage {
		t.Errorf("stored source = %+v, want the URL, publisher and grade typed, as a web page", s)
	}
	if want := []string{c.ID}; !reflect.DeepEqual(fx.changed, want) {
		t.Errorf("claimChanged calls = %q, want %q", fx.changed, want)
	}
	labels := evidenceLabels(fx.tab.object())
	for _, want := range []string{
		"Refutes",
		"Reliability B – usually reliable",
		"Kim Jong-un reçoit Vladimir Poutine à Pyongyang — Reuters, Jun 19, 2024",
		"“Poutine est arrivé à Pyongyang pour sa première visite depuis 2000.”",
		"Locator: § 2",
	} {
		if !slices.Contains(labels, want) {
			t.Errorf("labels = %q, want one to be %q", labels, want)
		}
	}
	links := evidenceFind[*widget.Hyperlink](fx.tab.object())
	if len(links) != 1 || links[0].URL.String() != s.URL || links[0].Text != "www.reuters.com" {
		t.Errorf("links = %v, want one to the source, named by its host", links)
	}
}

func TestEvidenceTabAttachExisting(t *testing.T) {
	fx := newEvidenceFixture(t)
	s, _ := fx.seed(fx.claims[0], claims.Source{Title: "Communiqué de l'OTAN", Publisher: "OTAN"}, claims.Evidence{})
	c := fx.claims[1]
	fx.tab.show(c)

	fx.tap(fx.tab.object(), "Attach existing", 0)
	fx.field("Source").(*widget.Select).SetSelected("Communiqué de l'OTAN — OTAN")
	fx.typeInto("Excerpt", "Nous sommes préoccupés par le soutien de la Russie.")
	fx.field("Stance").(*widget.RadioGroup).SetSelected("Supports")
	fx.tap(fx.dialog(), "Attach", 0)

	fx.noDialog()
	found := fx.evidence(c)
	if len(found) != 1 || found[0].SourceID != s.ID || found[0].Stance != claims.StanceSupports {
		t.Fatalf("evidence of the second claim = %+v, want the source %s, supporting", found, s.ID)
	}
	if n := len(fx.evidence(fx.claims[0])); n != 1 {
		t.Errorf("the first claim has %d pieces of evidence, want still 1", n)
	}
	if want := []string{c.ID}; !reflect.DeepEqual(fx.changed, want) {
		t.Errorf("claimChanged calls = %q, want %q", fx.changed, want)
	}
	if labels := evidenceLabels(fx.tab.object()); !slices.Contains(labels, "Supports") {
		t.Errorf("labels = %q, want the stance Supports", labels)
	}
}

func TestEvidenceTabEdit(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	s, ev := fx.seed(c, claims.Source{Title: "Dépêche Reuters", Type: claims.SourceArticle, Reliability: claims.ReliabilityA},
		claims.Evidence{Excerpt: "premier voyage en 24 ans", Stance: claims.StanceSupports})
	fx.tab.show(c)

	fx.tap(fx.tab.object(), "Edit", 0)
	if got := fx.entry("Title").Text; got != s.Title {
		t.Errorf("the form's title = %q, want %q", got, s.Title)
	}
	if got := fx.field("Type").(*widget.Select).Selected; got != "Newspaper article" {
		t.Errorf("the form's type = %q, want Newspaper article", got)
	}
	fx.typeInto("Excerpt", "son premier voyage en Corée du Nord depuis 24 ans")
	fx.tap(fx.dialog(), "Save", 0)

	fx.noDialog()
	if got := fx.evidence(c)[0].Excerpt; got != "son premier voyage en Corée du Nord depuis 24 ans" {
		t.Errorf("stored excerpt = %q, want the edited one", got)
	}
	if got := fx.source(s.ID).Meta.Revision; got != s.Meta.Revision {
		t.Error("the source was saved again although none of its fields changed")
	}
	if labels := evidenceLabels(fx.tab.object()); !slices.Contains(labels, "“son premier voyage en Corée du Nord depuis 24 ans”") {
		t.Errorf("labels = %q, want the edited excerpt", labels)
	}

	fx.tap(fx.tab.object(), "Edit", 0)
	fx.typeInto("Publisher", "Reuters")
	fx.tap(fx.dialog(), "Save", 0)

	if got := fx.source(s.ID); got.Publisher != "Reuters" || got.Type != claims.SourceArticle {
		t.Errorf("stored source = %+v, want the publisher Reuters and its type kept", got)
	}
	if got := fx.evidence(c)[0].Meta.Revision; got == ev.Meta.Revision {
		t.Error("the evidence's first edit was not saved")
	}
	if want := []string{c.ID, c.ID}; !reflect.DeepEqual(fx.changed, want) {
		t.Errorf("claimChanged calls = %q, want %q", fx.changed, want)
	}
}

func TestEvidenceTabDetach(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.seed(c, claims.Source{Title: "Dépêche Reuters"}, claims.Evidence{Excerpt: "24 ans"})
	fx.tab.show(c)

	fx.tap(fx.tab.object(), "Detach", 0)
	fx.tap(fx.dialog(), "No", 0)
	if n := len(fx.evidence(c)); n != 1 || len(fx.changed) != 0 {
		t.Fatalf("after No: %d pieces of evidence and claimChanged %q, want 1 and no call", n, fx.changed)
	}

	fx.tap(fx.tab.object(), "Detach", 0)
	if labels := evidenceLabels(fx.dialog()); !slices.ContainsFunc(labels, func(s string) bool { return strings.HasPrefix(s, "Detach “Dépêche Reuters” from this claim?") }) {
		t.Errorf("confirmation = %q, want it to name the source", labels)
	}
	fx.tap(fx.dialog(), "Detach", 0)

	fx.noDialog()
	if found := fx.evidence(c); len(found) != 0 {
		t.Errorf("evidence after detaching = %+v, want none", found)
	}
	if got, want := evidenceLabels(fx.tab.object()), []string{fx.tab.empty.Text}; !reflect.DeepEqual(got, want) {
		t.Errorf("labels after detaching = %q, want the empty state", got)
	}
	if want := []string{c.ID}; !reflect.DeepEqual(fx.changed, want) {
		t.Errorf("claimChanged calls = %q, want %q", fx.changed, want)
	}
}

func TestEvidenceTabRefusedSourceKeepsTheForm(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.tab.show(c)

	fx.fillNewSource("javascript:alert(1)")
	fx.tap(fx.dialog(), "Add", 0)

	labels := evidenceLabels(fx.dialog())
	if want := "The source URL must be a web address starting with http:// or https://."; !slices.Contains(labels, want) {
		t.Errorf("dialog labels = %q, want the store's message %q", labels, want)
	}
	if found := fx.evidence(c); len(found) != 0 {
		t.Errorf("evidence stored = %+v, want none", found)
	}
	if sources, err := fx.st.FindSources(context.Background()); err != nil || len(sources) != 0 {
		t.Errorf("sources stored = %d (%v), want none", len(sources), err)
	}
	if len(fx.changed) != 0 {
		t.Errorf("claimChanged calls = %q, want none", fx.changed)
	}

	fx.tap(fx.dialog(), "OK", 0)
	if got := fx.entry("URL").Text; got != "javascript:alert(1)" {
		t.Fatalf("the form opened again with the URL %q, want it as typed", got)
	}
	fx.typeInto("URL", "https://www.reuters.com/")
	fx.tap(fx.dialog(), "Add", 0)

	fx.noDialog()
	if found := fx.evidence(c); len(found) != 1 || found[0].Stance != claims.StanceRefutes {
		t.Errorf("evidence after the fix = %+v, want the refuting excerpt", found)
	}
}

func TestEvidenceTabShowNilClears(t *testing.T) {
	fx := newEvidenceFixture(t)
	fx.seed(fx.claims[0], claims.Source{Title: "Dépêche Reuters"}, claims.Evidence{})
	fx.tab.show(fx.claims[0])

	fx.tab.show(nil)

	if labels := evidenceLabels(fx.tab.object()); len(labels) != 0 {
		t.Errorf("labels = %q, want none", labels)
	}
	if !fx.tab.add.Disabled() || !fx.tab.attach.Disabled() {
		t.Error("the add and attach buttons are enabled without a claim")
	}
}

func TestEvidenceTabDropsLateAnswer(t *testing.T) {
	fx := newEvidenceFixture(t)
	fx.seed(fx.claims[0], claims.Source{Title: "Dépêche Reuters"}, claims.Evidence{Excerpt: "24 ans"})
	fx.seed(fx.claims[1], claims.Source{Title: "Communiqué de l'OTAN"}, claims.Evidence{Excerpt: "préoccupés"})
	var pending []func()
	fx.tab.env.spawn = func(f func()) { pending = append(pending, f) }

	fx.tab.show(fx.claims[0])
	fx.tab.show(fx.claims[1])
	pending[1]() // the second claim's evidence arrives first,
	pending[0]() // then the first's, which is no longer wanted

	if labels := evidenceLabels(fx.tab.object()); !slices.Contains(labels, "“préoccupés”") || slices.Contains(labels, "“24 ans”") {
		t.Errorf("labels = %q, want the second claim's evidence only", labels)
	}
	if fx.tab.claim != fx.claims[1] {
		t.Errorf("the tab is on claim %v, want the second", fx.tab.claim)
	}
}

func TestEvidenceLinkOnlyForWebAddresses(t *testing.T) {
	for _, raw := range []string{"", "javascript:alert(1)", "file:///etc/passwd", "https://", "ftp://example.org/", "%zz"} {
		if link := evidenceLink("x", raw); link != nil {
			t.Errorf("evidenceLink(%q) = a link to %v, want none", raw, link.URL)
		}
	}
	if link := evidenceLink("", "http://example.org/a?b=1"); link == nil || link.Text != "example.org" {
		t.Errorf("evidenceLink(http address) = %v, want a link named example.org", link)
	}
}

func TestEvidenceTabMarkup(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.seed(c, claims.Source{
		Title: "Putin arrives in North Korea for first visit in 24 years", Publisher: "Reuters", Issued: "2024-06-19",
		URL: "https://www.reuters.com/world/putin-north-korea", ArchiveURL: "https://web.archive.org/web/2024/https://www.reuters.com/",
		Reliability: claims.ReliabilityB,
	}, claims.Evidence{
		Excerpt: "Russian President Vladimir Putin arrived in North Korea on Wednesday for his first visit in 24 years.",
		Locator: "¶ 1", Stance: claims.StanceSupports,
	})
	fx.seed(c, claims.Source{Title: "Entretien avec un diplomate", Type: claims.SourceInterview, Reliability: claims.ReliabilityC, Protected: true},
		claims.Evidence{Excerpt: "Il y est déjà allé en 2000, mais pas depuis.", Stance: claims.StanceRefutes})
	fx.w.Resize(fyne.NewSize(640, 400))

	fx.tab.show(c)
	evidenceSettle(fx.w)

	test.AssertRendersToMarkup(t, "evidence_tab.xml", fx.w.Canvas())
}

// focusOrder returns the names of what Tab focuses on c, from the first
// focusable object round to it again; parts of one widget focused in a row,
// such as the choices of a radio group, count once. It fails the test when
// an object keeps the Tab key, which would trap the focus there.
func focusOrder(t *testing.T, c fyne.Canvas, name func(fyne.Focusable) string) []string {
	t.Helper()
	c.Unfocus()
	var names []string
	var first fyne.Focusable
	for range 100 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || f == first {
			break
		}
		if first == nil {
			first = f
		}
		if tab, ok := f.(fyne.Tabbable); ok && tab.AcceptsTab() {
			t.Errorf("%s keeps the Tab key: the focus cannot leave it", name(f))
		}
		if n := name(f); len(names) == 0 || names[len(names)-1] != n {
			names = append(names, n)
		}
	}
	return names
}

// focusName names a focused object by the item of forms that holds it,
// or else by its own text.
func focusName(forms []*widget.Form) func(fyne.Focusable) string {
	return func(f fyne.Focusable) string {
		o := f.(fyne.CanvasObject)
		for _, form := range forms {
			for _, item := range form.Items {
				if slices.Contains(rendered(item.Widget), o) {
					return item.Text
				}
			}
		}
		switch o := o.(type) {
		case *widget.Button:
			return o.Text
		case *widget.Hyperlink:
			return o.Text
		case *widget.Check:
			return o.Text
		}
		return fmt.Sprintf("%T", o)
	}
}

func TestEvidenceTabFocusFollowsTheScreen(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.seed(c, claims.Source{Title: "Dépêche Reuters", URL: "https://www.reuters.com/"}, claims.Evidence{Excerpt: "24 ans"})
	fx.tab.show(c)

	got := focusOrder(t, fx.w.Canvas(), focusName(nil))
	if want := []string{"Add source", "Attach existing", "Edit", "Detach", "www.reuters.com"}; !reflect.DeepEqual(got, want) {
		t.Errorf("the tab's focus order = %q, want %q", got, want)
	}

	fx.tap(fx.tab.object(), "Add source", 0)
	if got, want := fx.w.Canvas().Focused(), fx.field("Title"); got != want.(fyne.Focusable) {
		t.Errorf("the form opened with the focus on %T, want its title", got)
	}
	got = focusOrder(t, fx.w.Canvas(), focusName(evidenceFind[*widget.Form](fx.dialog())))
	want := []string{"Title", "URL", "Publisher", "Issued", "Archive URL", "Type", "Reliability", "Protected",
		"Excerpt", "Locator", "Stance", "Cancel", "Add"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the form's focus order = %q, want %q", got, want)
	}
}

func TestEvidenceFormSubmitsOnEnter(t *testing.T) {
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.tab.show(c)
	fx.fillNewSource("https://www.reuters.com/")

	fx.entry("Locator").TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	fx.noDialog()
	if found := fx.evidence(c); len(found) != 1 || found[0].Locator != "§ 2" {
		t.Errorf("evidence after Enter = %+v, want the form saved", found)
	}
}

// TestEvidenceFormInFrench adds a source with the interface in French,
// choosing its type, grade and stance by their French names, then opens
// it again: the store holds the same values as in English, and the form
// shows them as they were chosen.
func TestEvidenceFormInFrench(t *testing.T) {
	setLanguage(locale.French)
	t.Cleanup(func() { setLanguage(locale.English) })
	fx := newEvidenceFixture(t)
	c := fx.claims[0]
	fx.tab.show(c)

	fx.tap(fx.tab.object(), "Nouvelle source", 0)
	fx.typeInto("Titre", "Dépêche Reuters")
	fx.typeInto("Date de publication", "2024-06-19")
	fx.field("Type").(*widget.Select).SetSelected("Article de presse")
	fx.field("Fiabilité").(*widget.Select).SetSelected("B – habituellement fiable")
	fx.field("Source protégée").(*widget.Check).SetChecked(true)
	fx.typeInto("Extrait", "premier voyage en 24 ans")
	fx.field("Position").(*widget.RadioGroup).SetSelected("Réfute")
	fx.tap(fx.dialog(), "Ajouter", 0)

	fx.noDialog()
	found := fx.evidence(c)
	if len(found) != 1 || found[0].Stance != claims.StanceRefutes {
		t.Fatalf("evidence stored = %+v, want one refuting", found)
	}
	s := fx.source(found[0].SourceID)
	if s.Type != claims.SourceArticle || s.Reliability != claims.ReliabilityB || !s.Protected {
		t.Errorf("source stored = %+v, want a protected newspaper article graded B", s)
	}
	labels := evidenceLabels(fx.tab.object())
	for _, want := range []string{"Réfute", "Fiabilité B – habituellement fiable", "Source protégée",
		"Dépêche Reuters — 19 juin 2024", "«\u00a0premier voyage en 24 ans\u00a0»"} {
		if !slices.Contains(labels, want) {
			t.Errorf("labels = %q, want one to be %q", labels, want)
		}
	}

	fx.tap(fx.tab.object(), "Modifier", 0)
	if got := fx.field("Type").(*widget.Select).Selected; got != "Article de presse" {
		t.Errorf("the form's type = %q, want Article de presse", got)
	}
	if got := fx.field("Fiabilité").(*widget.Select).Selected; got != "B – habituellement fiable" {
		t.Errorf("the form's grade = %q, want B – habituellement fiable", got)
	}
	if got := fx.field("Position").(*widget.RadioGroup).Selected; got != "Réfute" {
		t.Errorf("the form's stance = %q, want Réfute", got)
	}
	fx.tap(fx.dialog(), "Enregistrer", 0)
	if got := fx.source(s.ID).Meta.Revision; got != s.Meta.Revision {
		t.Error("saving the form unchanged changed the source: a French name did not map back to its value")
	}
	if got := fx.evidence(c)[0].Meta.Revision; got != found[0].Meta.Revision {
		t.Error("saving the form unchanged changed the evidence: a French name did not map back to its value")
	}
}
