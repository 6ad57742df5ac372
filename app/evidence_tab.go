package app

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// evidenceTab lists the sources attached to a claim, each with the excerpt
// that bears on it, and lets the user add a new source, attach an existing
// one, edit and detach.
type evidenceTab struct {
	env *env
	// claim is the claim listed, or nil; wanted is the ID of the claim
	// asked for last, so that a slow answer for an earlier one is dropped.
	claim       *claims.Claim
	wanted      string
	add, attach *widget.Button
	empty       *widget.Label
	rows        *fyne.Container
	content     fyne.CanvasObject
}

// evidenceFormWidth leaves the form's fields room for a URL or a sentence.
const evidenceFormWidth = 560

// citedEvidence is a piece of evidence with the source it cites.
type citedEvidence struct {
	evidence *claims.Evidence
	source   *claims.Source
}

func newEvidenceTab(e *env) *evidenceTab {
	t := &evidenceTab{env: e}
	t.add = widget.NewButtonWithIcon(lang.L("evidence.add"), theme.ContentAddIcon(), t.addSource)
	t.attach = widget.NewButtonWithIcon(lang.L("evidence.attach"), theme.MailAttachmentIcon(), t.attachSource)
	t.empty = widget.NewLabel(lang.L("evidence.empty"))
	t.empty.Wrapping = fyne.TextWrapWord
	t.rows = container.NewVBox()
	t.content = newTopBorder(container.NewHBox(t.add, t.attach), container.NewVScroll(t.rows))
	t.clear()
	return t
}

func (t *evidenceTab) object() fyne.CanvasObject {
	return t.content
}

// show loads (through e.run) and lists the evidence of claim c with each
// source; nil clears the tab.
func (t *evidenceTab) show(c *claims.Claim) {
	if c == nil {
		t.wanted = ""
		t.clear()
		return
	}
	t.wanted = c.ID
	var cited []citedEvidence
	t.env.run(func() error {
		var err error
		cited, err = t.load(c.ID)
		return err
	}, func() {
		if t.wanted == c.ID {
			t.claim = c
			t.list(cited)
		}
	})
}

// load reads a claim's evidence and, once each, the sources it cites.
func (t *evidenceTab) load(claimID string) ([]citedEvidence, error) {
	ctx := context.Background()
	found, err := t.env.store.FindEvidence(ctx, claimID)
	if err != nil {
		return nil, err
	}
	sources := map[string]*claims.Source{}
	cited := make([]citedEvidence, len(found))
	for i, ev := range found {
		if sources[ev.SourceID] == nil {
			if sources[ev.SourceID], err = t.env.store.FindSourceByID(ctx, ev.SourceID); err != nil {
				return nil, err
			}
		}
		cited[i] = citedEvidence{evidence: ev, source: sources[ev.SourceID]}
	}
	return cited, nil
}

// clear empties the tab; without a claim there is nothing to attach to.
func (t *evidenceTab) clear() {
	t.claim = nil
	t.add.Disable()
	t.attach.Disable()
	t.rows.Objects = nil
	t.rows.Refresh()
}

func (t *evidenceTab) list(cited []citedEvidence) {
	t.add.Enable()
	t.attach.Enable()
	var objects []fyne.CanvasObject
	if len(cited) == 0 {
		objects = append(objects, t.empty)
	}
	for i, ce := range cited {
		if i > 0 {
			objects = append(objects, widget.NewSeparator())
		}
		objects = append(objects, t.row(t.claim, ce))
	}
	t.rows.Objects = objects
	t.rows.Refresh()
}

// row shows one piece of evidence: its stance, the source's grade and
// description, the excerpt, where it is in the source, and links.
func (t *evidenceTab) row(c *claims.Claim, ce citedEvidence) fyne.CanvasObject {
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("common.edit"), theme.DocumentCreateIcon(), func() { t.edit(c, ce) }),
		widget.NewButtonWithIcon(lang.L("evidence.detach"), theme.DeleteIcon(), func() { t.confirmDetach(c, ce) }),
	)
	title := widget.NewLabelWithStyle(evidenceSourceLine(ce.source), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	// The marks have a line of their own: beside the buttons, a narrow
	// pane drew the buttons over the last of them, which says whether the
	// source is protected.
	lines := container.NewVBox(evidenceMarks(ce), container.NewBorder(nil, nil, nil, container.NewVBox(buttons), title))
	if ce.evidence.Excerpt != "" {
		quoted := lang.L("evidence.quoted", map[string]any{"Text": ce.evidence.Excerpt})
		excerpt := widget.NewLabelWithStyle(quoted, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		excerpt.Wrapping = fyne.TextWrapWord
		lines.Add(excerpt)
	}
	if where := evidenceWhere(ce); len(where.Objects) > 0 {
		lines.Add(where)
	}
	return lines
}

// evidenceMarks is what a glance at a row should tell: the stance, in its
// colour, the source's grade, and whether its identity is protected.
func evidenceMarks(ce citedEvidence) *fyne.Container {
	look := evidenceStanceLook(ce.evidence.Stance)
	stance := widget.NewLabelWithStyle(look.label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	stance.Importance = look.importance
	grade := lang.L("evidence.reliability", map[string]any{"Grade": reliabilityName(ce.source.Reliability)})
	marks := container.NewHBox(widget.NewIcon(theme.NewColoredResource(look.icon(), look.color)), stance, widget.NewLabel(grade))
	if ce.source.Protected {
		protected := widget.NewLabel(lang.L("evidence.protected"))
		protected.Importance = widget.WarningImportance
		marks.Add(widget.NewIcon(theme.NewColoredResource(theme.VisibilityOffIcon(), theme.ColorNameWarning)))
		marks.Add(protected)
	}
	return marks
}

// evidenceSourceLine names a source as a reference list would: title,
// publisher, date.
func evidenceSourceLine(s *claims.Source) string {
	line := s.Title
	if details := evidenceJoin(", ", s.Publisher, locale.DateText(s.Issued, uiLanguage)); details != "" {
		line += " — " + details
	}
	return line
}

// evidenceJoin joins the values that are set.
func evidenceJoin(sep string, values ...string) string {
	var set []string
	for _, v := range values {
		if v != "" {
			set = append(set, v)
		}
	}
	return strings.Join(set, sep)
}

// evidenceWhere is the locator and the links to the source and its
// archived copy, those that are set.
func evidenceWhere(ce citedEvidence) *fyne.Container {
	where := container.NewHBox()
	if ce.evidence.Locator != "" {
		where.Add(widget.NewLabel(lang.L("evidence.locator", map[string]any{"Locator": ce.evidence.Locator})))
	}
	if link := evidenceLink("", ce.source.URL); link != nil {
		where.Add(link)
	}
	if link := evidenceLink(lang.L("evidence.archived"), ce.source.ArchiveURL); link != nil {
		where.Add(link)
	}
	return where
}

// evidenceLink returns a link to raw, shown as text or else as its host, or
// nil unless raw is an http(s) address: a link opens whatever it names, and
// a database may come from someone else.
func evidenceLink(text, raw string) *widget.Hyperlink {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	if text == "" {
		text = u.Host
	}
	return widget.NewHyperlink(text, u)
}

// stanceLook is how a stance shows: a word, an icon and their colour.
type stanceLook struct {
	stance     claims.Stance
	icon       func() fyne.Resource
	color      fyne.ThemeColorName
	importance widget.Importance
}

// label is the stance's name, capitalised as it stands alone.
func (l stanceLook) label() string {
	return capitalize(stanceName(l.stance))
}

// capitalize puts the first letter of s in upper case: the names of
// values are written for the middle of a sentence.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// evidenceStances lists the stances in the order the form offers them.
var evidenceStances = []stanceLook{
	{claims.StanceSupports, theme.ConfirmIcon, theme.ColorNameSuccess, widget.SuccessImportance},
	{claims.StanceRefutes, theme.CancelIcon, theme.ColorNameError, widget.DangerImportance},
	{claims.StanceContext, theme.InfoIcon, theme.ColorNamePrimary, widget.HighImportance},
}

// evidenceStanceLook returns the look of s; the store accepts only the
// three stances, so anything else shows as context.
func evidenceStanceLook(s claims.Stance) stanceLook {
	for _, look := range evidenceStances {
		if look.stance == s {
			return look
		}
	}
	return evidenceStances[2]
}

// changed tells the window that c's evidence changed and lists it again,
// unless the tab has moved on to another claim meanwhile.
func (t *evidenceTab) changed(c *claims.Claim) {
	t.env.claimChanged(c.ID)
	if t.wanted == c.ID {
		t.show(c)
	}
}

// openForm shows a form about claim c. On submit, prepare reads the fields,
// on the UI goroutine, and returns the store work to run. When the store
// refuses, the same dialog opens again under the error, as typed, so the
// user can fix it.
func (t *evidenceTab) openForm(c *claims.Claim, title, confirm string, items []*widget.FormItem, prepare func() func() error) {
	var d *dialog.FormDialog
	d = dialog.NewForm(title, confirm, lang.L("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		work := prepare()
		t.env.run(func() error {
			err := work()
			if err != nil {
				fyne.Do(d.Show)
			}
			return err
		}, func() { t.changed(c) })
	}, t.env.window)
	submitOnEnter(d, items)
	d.Resize(fyne.NewSize(max(evidenceFormWidth, d.MinSize().Width), d.MinSize().Height))
	showFocused(t.env.window, d, items)
}

// addSource asks for a new source and its excerpt, stored in one action.
func (t *evidenceTab) addSource() {
	c, f := t.claim, newEvidenceForm()
	t.openForm(c, lang.L("evidence.add.title"), lang.L("common.add"), append(f.sourceItems(), f.evidenceItems()...), func() func() error {
		ctx, s, e := t.env.actor(), f.source(), f.evidence()
		e.ClaimID = c.ID
		return func() error { return t.env.store.AddSourceWithEvidence(ctx, &s, &e) }
	})
}

// attachSource loads the stored sources to choose one from.
func (t *evidenceTab) attachSource() {
	c := t.claim
	var sources []*claims.Source
	t.env.run(func() error {
		var err error
		sources, err = t.env.store.FindSources(context.Background())
		return err
	}, func() { t.chooseSource(c, sources) })
}

// chooseSource asks which source to attach to c, and with what excerpt.
func (t *evidenceTab) chooseSource(c *claims.Claim, sources []*claims.Source) {
	if len(sources) == 0 {
		dialog.ShowInformation(lang.L("evidence.no-sources.title"),
			lang.L("evidence.no-sources.message", map[string]any{"Button": lang.L("evidence.add")}), t.env.window)
		return
	}
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = evidenceJoin(" — ", s.Title, s.Publisher)
	}
	pick := widget.NewSelect(names, nil)
	pick.PlaceHolder = lang.L("evidence.source.placeholder")
	f := newEvidenceForm()
	items := append([]*widget.FormItem{widget.NewFormItem(lang.L("evidence.source"), pick)}, f.evidenceItems()...)
	t.openForm(c, lang.L("evidence.attach.title"), lang.L("evidence.attach.confirm"), items, func() func() error {
		ctx, e := t.env.actor(), f.evidence()
		e.ClaimID = c.ID
		if i := pick.SelectedIndex(); i >= 0 {
			e.SourceID = sources[i].ID
		}
		return func() error { return t.env.store.AttachEvidence(ctx, &e) }
	})
}

// edit opens the form filled in with the evidence and its source.
func (t *evidenceTab) edit(c *claims.Claim, ce citedEvidence) {
	f := newEvidenceForm()
	f.fill(ce.source, ce.evidence)
	items := append(f.sourceItems(), f.evidenceItems()...)
	items[0].HintText = lang.L("evidence.edit.hint")
	t.openForm(c, lang.L("evidence.edit.title"), lang.L("common.save"), items, func() func() error {
		ctx, s, e := t.env.actor(), f.source(), f.evidence()
		return func() error { return t.update(ctx, ce, s, e) }
	})
}

// update saves an edit as up to two actions, the source first, since the
// store has no one action for both. It compares with the source as stored
// now, so that a retry after the store refused the evidence does not edit
// the source a second time.
func (t *evidenceTab) update(ctx context.Context, ce citedEvidence, s claims.Source, e claims.Evidence) error {
	stored, err := t.env.store.FindSourceByID(ctx, ce.source.ID)
	if err != nil {
		return err
	}
	if upd := evidenceSourceChanges(stored, s); upd != (claims.SourceUpdate{}) {
		if _, err := t.env.store.UpdateSource(ctx, stored.ID, upd); err != nil {
			return err
		}
	}
	if upd := evidenceChanges(ce.evidence, e); upd != (claims.EvidenceUpdate{}) {
		_, err = t.env.store.UpdateEvidence(ctx, ce.evidence.ID, upd)
	}
	return err
}

// evidenceSourceChanges is the update that turns the fields the form
// edits from was into now.
func evidenceSourceChanges(was *claims.Source, now claims.Source) claims.SourceUpdate {
	return claims.SourceUpdate{
		Type:        ifEdited(was.Type, now.Type),
		Title:       ifEdited(was.Title, now.Title),
		Publisher:   ifEdited(was.Publisher, now.Publisher),
		Issued:      ifEdited(was.Issued, now.Issued),
		URL:         ifEdited(was.URL, now.URL),
		ArchiveURL:  ifEdited(was.ArchiveURL, now.ArchiveURL),
		Reliability: ifEdited(was.Reliability, now.Reliability),
		Protected:   ifEdited(was.Protected, now.Protected),
	}
}

// evidenceChanges is the update that turns was's excerpt, locator and
// stance into now's.
func evidenceChanges(was *claims.Evidence, now claims.Evidence) claims.EvidenceUpdate {
	return claims.EvidenceUpdate{
		Excerpt: ifEdited(was.Excerpt, now.Excerpt),
		Locator: ifEdited(was.Locator, now.Locator),
		Stance:  ifEdited(was.Stance, now.Stance),
	}
}

// ifEdited returns &now, or nil when nothing changed.
func ifEdited[T comparable](was, now T) *T {
	if was == now {
		return nil
	}
	return &now
}

// confirmDetach detaches evidence once the user confirms.
func (t *evidenceTab) confirmDetach(c *claims.Claim, ce citedEvidence) {
	msg := lang.L("evidence.detach.message", map[string]any{"Title": ce.source.Title})
	d := dialog.NewConfirm(lang.L("evidence.detach.title"), msg, func(ok bool) {
		if !ok {
			return
		}
		ctx := t.env.actor()
		t.env.run(func() error { return t.env.store.DetachEvidence(ctx, ce.evidence.ID) }, func() { t.changed(c) })
	}, t.env.window)
	d.SetConfirmText(lang.L("evidence.detach"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// evidenceForm holds the fields of the add, attach and edit dialogs. Each
// dialog keeps its form, so that it can open again as typed.
type evidenceForm struct {
	title, webURL, publisher, issued, archiveURL *widget.Entry
	kind, reliability                            *widget.Select
	kinds                                        []claims.SourceType // kind's options, in order
	protected                                    *widget.Check
	excerpt                                      *proseEntry
	locator                                      *widget.Entry
	stance                                       *widget.RadioGroup
	// stances maps the stance options, which are words of the
	// interface's language, back to the stances they name.
	stances map[string]claims.Stance
}

// evidenceSourceTypes are the CSL item types the form offers, in order.
var evidenceSourceTypes = []claims.SourceType{
	claims.SourceWebpage, claims.SourceArticle, claims.SourceJournalArticle,
	claims.SourceReport, claims.SourceDataset, claims.SourceInterview,
	claims.SourceLegislation, claims.SourceSpeech, claims.SourceBroadcast,
}

// sourceTypeName names a CSL item type the form offers; any other shows
// as it is stored.
func sourceTypeName(t claims.SourceType) string {
	switch t {
	case claims.SourceWebpage:
		return lang.L("source.form.type.webpage")
	case claims.SourceArticle:
		return lang.L("source.form.type.article")
	case claims.SourceJournalArticle:
		return lang.L("source.form.type.journal-article")
	case claims.SourceReport:
		return lang.L("source.form.type.report")
	case claims.SourceDataset:
		return lang.L("source.form.type.dataset")
	case claims.SourceInterview:
		return lang.L("source.form.type.interview")
	case claims.SourceLegislation:
		return lang.L("source.form.type.legislation")
	case claims.SourceSpeech:
		return lang.L("source.form.type.speech")
	case claims.SourceBroadcast:
		return lang.L("source.form.type.broadcast")
	}
	return string(t)
}

// evidenceGrades are the reliability grades in the order the form offers them.
var evidenceGrades = []claims.Reliability{
	claims.ReliabilityA, claims.ReliabilityB, claims.ReliabilityC,
	claims.ReliabilityD, claims.ReliabilityE, claims.ReliabilityF,
}

// newEvidenceForm returns the fields for a new source and evidence. The
// grade starts at F and the stance at context, which is what the store
// would store for them, so the form shows what will be saved.
func newEvidenceForm() *evidenceForm {
	f := &evidenceForm{
		title:      widget.NewEntry(),
		webURL:     evidencePlaceholder(widget.NewEntry(), "https://…"),
		publisher:  evidencePlaceholder(widget.NewEntry(), lang.L("source.form.publisher.placeholder")),
		issued:     evidencePlaceholder(widget.NewEntry(), lang.L("claim.date.placeholder")),
		archiveURL: evidencePlaceholder(widget.NewEntry(), "https://web.archive.org/…"),
		protected:  widget.NewCheck(lang.L("source.form.protected.check"), nil),
		excerpt:    newProseEntry(),
		locator:    evidencePlaceholder(widget.NewEntry(), lang.L("source.form.locator.placeholder")),
		stances:    map[string]claims.Stance{},
	}
	var names []string
	for _, kind := range evidenceSourceTypes {
		f.kinds, names = append(f.kinds, kind), append(names, sourceTypeName(kind))
	}
	f.kind = widget.NewSelect(names, nil)
	f.kind.SetSelectedIndex(0)
	var grades []string
	for _, g := range evidenceGrades {
		grades = append(grades, reliabilityName(g))
	}
	f.reliability = widget.NewSelect(grades, nil)
	f.setReliability(claims.ReliabilityF)
	f.excerpt.SetPlaceHolder(lang.L("source.form.excerpt.placeholder"))
	f.excerpt.SetMinRowsVisible(4)
	var stances []string
	for _, look := range evidenceStances {
		stances = append(stances, look.label())
		f.stances[look.label()] = look.stance
	}
	f.stance = widget.NewRadioGroup(stances, nil)
	f.stance.Horizontal, f.stance.Required = true, true
	f.stance.SetSelected(evidenceStanceLook(claims.StanceContext).label())
	return f
}

func evidencePlaceholder(e *widget.Entry, text string) *widget.Entry {
	e.SetPlaceHolder(text)
	return e
}

func (f *evidenceForm) sourceItems() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("source.form.title"), f.title),
		widget.NewFormItem(lang.L("source.form.url"), f.webURL),
		widget.NewFormItem(lang.L("source.form.publisher"), f.publisher),
		widget.NewFormItem(lang.L("source.form.issued"), f.issued),
		widget.NewFormItem(lang.L("source.form.archive-url"), f.archiveURL),
		widget.NewFormItem(lang.L("source.form.type"), f.kind),
		widget.NewFormItem(lang.L("source.form.reliability"), f.reliability),
		widget.NewFormItem(lang.L("source.form.protected"), f.protected),
	}
}

func (f *evidenceForm) evidenceItems() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("source.form.excerpt"), f.excerpt),
		widget.NewFormItem(lang.L("source.form.locator"), f.locator),
		widget.NewFormItem(lang.L("source.form.stance"), f.stance),
	}
}

// fill shows s and e in the form.
func (f *evidenceForm) fill(s *claims.Source, e *claims.Evidence) {
	f.title.SetText(s.Title)
	f.webURL.SetText(s.URL)
	f.publisher.SetText(s.Publisher)
	f.issued.SetText(s.Issued)
	f.archiveURL.SetText(s.ArchiveURL)
	f.setKind(s.Type)
	f.setReliability(s.Reliability)
	f.protected.SetChecked(s.Protected)
	f.excerpt.SetText(e.Excerpt)
	f.locator.SetText(e.Locator)
	f.stance.SetSelected(evidenceStanceLook(e.Stance).label())
}

// setReliability selects grade g; a grade the form does not offer leaves
// the choice as it was.
func (f *evidenceForm) setReliability(g claims.Reliability) {
	if i := slices.Index(evidenceGrades, g); i >= 0 {
		f.reliability.SetSelectedIndex(i)
	}
}

// setKind selects t, adding it to the choices when it is a CSL type the
// form does not offer, so that editing a source keeps its type.
func (f *evidenceForm) setKind(t claims.SourceType) {
	for i, k := range f.kinds {
		if k == t {
			f.kind.SetSelectedIndex(i)
			return
		}
	}
	f.kinds = append(f.kinds, t)
	f.kind.Options = append(f.kind.Options, string(t))
	f.kind.SetSelectedIndex(len(f.kinds) - 1)
}

// source returns the source fields as typed.
func (f *evidenceForm) source() claims.Source {
	s := claims.Source{
		Title:      strings.TrimSpace(f.title.Text),
		URL:        strings.TrimSpace(f.webURL.Text),
		Publisher:  strings.TrimSpace(f.publisher.Text),
		Issued:     strings.TrimSpace(f.issued.Text),
		ArchiveURL: strings.TrimSpace(f.archiveURL.Text),
		Protected:  f.protected.Checked,
	}
	if i := f.kind.SelectedIndex(); i >= 0 {
		s.Type = f.kinds[i]
	}
	if i := f.reliability.SelectedIndex(); i >= 0 {
		s.Reliability = evidenceGrades[i]
	}
	return s
}

// evidence returns the evidence fields as typed.
func (f *evidenceForm) evidence() claims.Evidence {
	return claims.Evidence{
		Excerpt: strings.TrimSpace(f.excerpt.Text),
		Locator: strings.TrimSpace(f.locator.Text),
		Stance:  f.stances[f.stance.Selected],
	}
}
