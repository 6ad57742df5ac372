package app

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// articleTab shows an article's frozen text with the words of every claim
// highlighted, so that a reviewer sees what was already found and where.
// A click on a highlight selects that claim. In "Select words" mode the
// text becomes selectable, and the words selected become a new claim.
type articleTab struct {
	e       *env
	article *claims.Article // nil until an article is shown
	loads   int             // counts show calls: only the last one's answer is displayed

	title      *widget.Label // cut short when the line is too narrow
	meta       *widget.Label // outlet, date, language and hash, always in full
	header     *fyne.Container
	reading    *claimText
	words      *wordPicker
	selectMode *widget.Check
	newClaim   *widget.Button
	content    fyne.CanvasObject
}

// newArticleTab builds the tab, empty until show is called.
func newArticleTab(e *env) *articleTab {
	t := &articleTab{e: e, meta: widget.NewLabel(""), reading: newClaimText(), words: newWordPicker()}
	t.title = widget.NewLabelWithStyle(lang.L("article.none"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.title.Truncation = fyne.TextTruncateEllipsis
	t.header = container.NewBorder(nil, nil, nil, t.meta, t.title)
	t.selectMode = widget.NewCheck(lang.L("article.select-words"), t.setSelectMode)
	t.newClaim = widget.NewButtonWithIcon(lang.L("article.new-claim"), theme.ContentAddIcon(), t.askNewClaim)
	t.newClaim.Disable()
	t.reading.onTapped = t.tapClaim
	t.words.OnCursorChanged = t.updateNewClaim
	t.words.Hide()
	bar := container.NewHBox(t.selectMode, t.newClaim)
	t.content = newTopBorder(container.NewVBox(t.header, bar), container.NewStack(t.reading, t.words))
	return t
}

// object is what the window places in its tab.
func (t *articleTab) object() fyne.CanvasObject {
	return t.content
}

// show loads the article and its claims through e.run
// (e.store.FindArticleByID, e.store.FindClaims with ClaimFilter{ArticleID:
// &id}) and displays them; the claim selectedID (may be "") is highlighted
// differently from the others. When show is called again before the
// store answers, the earlier answer is dropped.
func (t *articleTab) show(articleID, selectedID string) {
	t.loads++
	load := t.loads
	var article *claims.Article
	var found []*claims.Claim
	t.e.run(func() error {
		ctx := context.Background()
		var err error
		if article, err = t.e.store.FindArticleByID(ctx, articleID); err != nil {
			return err
		}
		found, _, err = t.e.store.FindClaims(ctx, claims.ClaimFilter{ArticleID: &articleID})
		return err
	}, func() {
		if load == t.loads {
			t.display(article, found, selectedID)
		}
	})
}

// display puts a loaded article and its claims on screen.
func (t *articleTab) display(a *claims.Article, found []*claims.Claim, selectedID string) {
	t.article = a
	t.title.SetText(a.Title)
	t.meta.SetText(articleMeta(a))
	t.header.Refresh() // the metadata's width changed: share the line again
	t.reading.set(a.Text, found, selectedID)
	t.words.SetText(a.Text)
	t.updateNewClaim()
}

// articleMeta is the end of the header line, after the title: outlet,
// date, language and the start of the text's hash, which says which copy
// of the article is shown.
func articleMeta(a *claims.Article) string {
	var parts []string
	for _, p := range []string{a.Outlet, locale.DateText(a.PublishedOn, uiLanguage), languageName(a.Language)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	hash := a.TextSHA256
	if len(hash) > 12 {
		hash = hash[:12]
	}
	return strings.Join(append(parts, lang.L("article.frozen", map[string]any{"Hash": hash})), " · ")
}

// tapClaim selects the claim whose highlight was clicked, here and in the window.
func (t *articleTab) tapClaim(claimID string) {
	t.reading.setSelected(claimID)
	t.e.selectClaim(claimID)
}

// setSelectMode swaps the reading view for the selectable text, or back.
func (t *articleTab) setSelectMode(on bool) {
	if on {
		t.reading.Hide()
		t.words.Show()
		t.e.window.Canvas().Focus(t.words)
	} else {
		t.words.Hide()
		t.reading.Show()
	}
	t.updateNewClaim()
}

// updateNewClaim enables "New claim from selection" only while words are selected.
func (t *articleTab) updateNewClaim() {
	if t.article != nil && t.selectMode.Checked && t.words.SelectedText() != "" {
		t.newClaim.Enable()
	} else {
		t.newClaim.Disable()
	}
}

// askNewClaim asks who spoke the selected words and what kind of claim
// they are, then creates the claim.
func (t *articleTab) askNewClaim() {
	anchor, err := selectedAnchor(t.article.Text, t.words.SelectedText(), t.words.CursorTextOffset())
	if err != nil {
		t.e.showError(err)
		return
	}
	words := widget.NewLabel(shorten(anchor.Exact, 300))
	words.Wrapping = fyne.TextWrapWord
	speaker := widget.NewEntry()
	speaker.SetPlaceHolder(lang.L("article.speaker.placeholder"))
	kind := newKindSelect()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("article.words"), words),
		widget.NewFormItem(lang.L("claim.speaker"), speaker),
		widget.NewFormItem(lang.L("claim.kind"), kind),
	}
	d := dialog.NewForm(lang.L("article.new-claim.title"), lang.L("article.create"), lang.L("common.cancel"), items, func(ok bool) {
		if ok {
			t.createClaim(anchor, speaker.Text, selectedKind(kind))
		}
	}, t.e.window)
	speaker.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	showFocused(t.e.window, d, items)
}

// createClaim stores the new claim, then shows it selected in the reading view.
func (t *articleTab) createClaim(anchor claims.Anchor, speaker string, kind claims.Kind) {
	c := &claims.Claim{
		ArticleID: t.article.ID, Text: anchor.Exact, Anchor: anchor, Kind: kind,
		Speaker: claims.Speaker{Name: strings.TrimSpace(speaker)},
	}
	ctx := t.e.actor()
	t.e.run(func() error { return t.e.store.CreateClaim(ctx, c) }, func() {
		t.selectMode.SetChecked(false)
		t.show(c.ArticleID, c.ID)
		t.e.claimChanged(c.ID)
		t.e.selectClaim(c.ID)
	})
}

// selectedAnchor anchors the selected words of text. The entry tells the
// selected words and where its cursor is, which is one end of the
// selection: the end where text holds those words is the right one (the
// cursor is taken for the end when both are). Space around the words is
// left out of the claim.
func selectedAnchor(text, selected string, cursor int) (claims.Anchor, error) {
	if strings.TrimSpace(selected) == "" {
		return claims.Anchor{}, claims.Errorf(claims.EINVALID, "Select the words of the claim in the text first.")
	}
	runes := []rune(text)
	n := utf8.RuneCountInString(selected)
	for _, start := range []int{cursor - n, cursor} {
		if start >= 0 && start+n <= len(runes) && string(runes[start:start+n]) == selected {
			start, end := trimSpace(runes, start, start+n)
			return claims.AnchorAt(text, start, end)
		}
	}
	return claims.Anchor{}, claims.Errorf(claims.EINVALID, "The selected words were not found where the cursor is; select them again.")
}

// trimSpace narrows runes[start:end] to leave out white space at either end.
func trimSpace(runes []rune, start, end int) (int, int) {
	for start < end && unicode.IsSpace(runes[start]) {
		start++
	}
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	return start, end
}

// shorten cuts s to at most n characters, marking the cut, so that a long
// selection does not make the dialog taller than the screen.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// wordPicker is the article text in an entry, for selecting words with the
// mouse or the keyboard. The frozen text must not change, so the keys and
// shortcuts that edit are dropped; those that move, select or copy pass.
type wordPicker struct {
	widget.Entry
}

// newWordPicker returns an empty picker that wraps lines at word boundaries.
func newWordPicker() *wordPicker {
	p := &wordPicker{}
	p.MultiLine = true
	p.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	return p
}

// AcceptsTab lets Tab move the focus on: it cannot insert anything here.
func (p *wordPicker) AcceptsTab() bool {
	return false
}

// TypedRune drops typing.
func (p *wordPicker) TypedRune(rune) {}

// TypedKey passes on only the keys that move the cursor or extend the selection.
func (p *wordPicker) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		p.Entry.TypedKey(key)
	}
}

// TypedShortcut passes on copy, select all, and moving by words; cut,
// paste, undo and deleting words would edit the text.
func (p *wordPicker) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutSelectAll:
		p.Entry.TypedShortcut(s)
	case *desktop.CustomShortcut:
		if s.KeyName == fyne.KeyLeft || s.KeyName == fyne.KeyRight {
			p.Entry.TypedShortcut(s)
		}
	}
}

// passage is a stretch of the article between two claim boundaries, so
// that the same claims cover all of it. Cutting the text at every boundary
// lets claims overlap or nest without breaking the highlighting.
type passage struct {
	text     string
	start    int    // code point offset in the article
	claimID  string // the innermost claim covering it, which a click selects; "" for none
	depth    int    // how many claims cover it
	selected bool   // the selected claim covers it
}

// splitPassages cuts text at the start and end of every claim. Claims whose
// offsets fall outside the text are left out rather than trusted.
func splitPassages(text string, found []*claims.Claim, selectedID string) []passage {
	runes := []rune(text)
	cuts := []int{0, len(runes)}
	for _, c := range found {
		if inText(c.Anchor, len(runes)) {
			cuts = append(cuts, c.Anchor.Start, c.Anchor.End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []passage
	for i := 0; i+1 < len(cuts); i++ {
		p := passage{text: string(runes[cuts[i]:cuts[i+1]]), start: cuts[i]}
		p.cover(cuts[i+1], len(runes), found, selectedID)
		out = append(out, p)
	}
	return out
}

// inText reports whether a cuts a non-empty stretch out of a text n code points long.
func inText(a claims.Anchor, n int) bool {
	return 0 <= a.Start && a.Start < a.End && a.End <= n
}

// cover records which claims cover the passage, which ends at end in a
// text n code points long. The innermost claim is the shortest; of equal
// ones, the first created.
func (p *passage) cover(end, n int, found []*claims.Claim, selectedID string) {
	shortest := 0
	for _, c := range found {
		a := c.Anchor
		if !inText(a, n) || a.Start > p.start || a.End < end {
			continue
		}
		p.depth++
		p.selected = p.selected || (c.ID == selectedID && selectedID != "")
		if p.claimID == "" || a.End-a.Start < shortest {
			p.claimID, shortest = c.ID, a.End-a.Start
		}
	}
}

// claimText is the reading view: the article wrapped at word boundaries,
// the words of every claim on a coloured background that selects the claim
// when clicked, the selected claim's in the primary colour.
//
// widget.RichText cannot do this in Fyne 2.7: a HyperlinkSegment never
// wraps, so a claim longer than the rest of its line runs off the edge and
// the text after it is squeezed into a column of single letters. So
// claimText lays out the words itself, inside its own scroll container.
type claimText struct {
	widget.BaseWidget
	onTapped func(claimID string)

	text       string
	found      []*claims.Claim
	selectedID string
	reveal     bool // scroll the selected claim into view at the next layout
	passages   []passage
	spans      []span // the last layout, for finding what a click hits
	hovered    bool   // the pointer is over a claim
	scroll     *container.Scroll
}

// span is the part of a passage that one line shows.
type span struct {
	passage *passage
	text    string
	pos     fyne.Position // in the scrolled content
	width   float32
}

// newClaimText returns an empty reading view.
func newClaimText() *claimText {
	t := &claimText{}
	t.ExtendBaseWidget(t)
	return t
}

// set shows text with the claims found in it; the one called selectedID
// is scrolled into view. A new text starts at the top.
func (t *claimText) set(text string, found []*claims.Claim, selectedID string) {
	if text != t.text && t.scroll != nil {
		t.scroll.Offset = fyne.Position{}
	}
	t.text, t.found = text, found
	t.setSelected(selectedID)
}

// setSelected highlights another claim as the selected one.
func (t *claimText) setSelected(claimID string) {
	t.selectedID, t.reveal = claimID, claimID != ""
	t.passages = splitPassages(t.text, t.found, claimID)
	t.Refresh()
}

// CreateRenderer lays the words out in a scroll container.
func (t *claimText) CreateRenderer() fyne.WidgetRenderer {
	r := &claimTextRenderer{t: t, content: container.New(&placedLayout{})}
	t.scroll = container.NewVScroll(r.content)
	r.Refresh()
	return r
}

// claimAt returns the claim whose words are at pos, or "" for none.
func (t *claimText) claimAt(pos fyne.Position) string {
	pos = pos.Add(t.scroll.Offset)
	lineHeight := t.lineHeight()
	for _, s := range t.spans {
		if pos.X >= s.pos.X && pos.X < s.pos.X+s.width && pos.Y >= s.pos.Y && pos.Y < s.pos.Y+lineHeight {
			return s.passage.claimID
		}
	}
	return ""
}

// lineHeight is the height of one line of text.
func (t *claimText) lineHeight() float32 {
	return fyne.MeasureText("Ag", t.Theme().Size(theme.SizeNameText), fyne.TextStyle{}).Height
}

// Tapped selects the claim whose words were clicked.
func (t *claimText) Tapped(ev *fyne.PointEvent) {
	if id := t.claimAt(ev.Position); id != "" {
		t.onTapped(id)
	}
}

// Cursor shows a pointing hand over a claim, as over a link.
func (t *claimText) Cursor() desktop.Cursor {
	if t.hovered {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn notes whether the pointer came in over a claim.
func (t *claimText) MouseIn(ev *desktop.MouseEvent) {
	t.MouseMoved(ev)
}

// MouseMoved notes whether the pointer is over a claim.
func (t *claimText) MouseMoved(ev *desktop.MouseEvent) {
	t.hovered = t.claimAt(ev.Position) != ""
}

// MouseOut notes that the pointer left.
func (t *claimText) MouseOut() {
	t.hovered = false
}

// placedLayout leaves objects where the renderer put them and asks for the
// height the text needs, so that the scroll container knows how far to go.
type placedLayout struct {
	height float32
}

// Layout leaves the objects alone: claimTextRenderer placed them.
func (l *placedLayout) Layout([]fyne.CanvasObject, fyne.Size) {}

// MinSize is the height of the laid out text; any width will do.
func (l *placedLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, l.height)
}

// claimTextRenderer draws a claimText: one text and its backgrounds per span.
type claimTextRenderer struct {
	t       *claimText
	content *fyne.Container
	pieces  []piece
	texts   []*canvas.Text      // reused from one layout to the next
	rects   []*canvas.Rectangle // likewise
}

// piece is a word, a run of spaces or a line break of one passage, with
// its width: what the layout places.
type piece struct {
	passage *passage
	text    string
	width   float32
}

// Destroy has nothing to release.
func (r *claimTextRenderer) Destroy() {}

// MinSize is small: the text scrolls.
func (r *claimTextRenderer) MinSize() fyne.Size {
	return r.t.scroll.MinSize()
}

// Objects is the scroll container.
func (r *claimTextRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.scroll}
}

// Refresh measures the words again, since the text or the theme changed,
// and lays them out.
func (r *claimTextRenderer) Refresh() {
	size := r.t.Theme().Size(theme.SizeNameText)
	r.pieces = r.pieces[:0]
	for i := range r.t.passages {
		p := &r.t.passages[i]
		for _, text := range splitWords(p.text) {
			r.pieces = append(r.pieces, piece{passage: p, text: text, width: fyne.MeasureText(text, size, fyne.TextStyle{}).Width})
		}
	}
	r.Layout(r.t.Size())
}

// Layout wraps the text to the width, draws it and updates the scroll container.
func (r *claimTextRenderer) Layout(size fyne.Size) {
	th := r.t.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	f := flow{left: pad, right: size.Width - pad, y: pad, lineHeight: r.t.lineHeight(), gap: th.Size(theme.SizeNameLineSpacing)}
	r.t.spans = f.run(r.pieces)
	r.content.Layout.(*placedLayout).height = f.y + f.lineHeight + pad
	r.draw()
	r.t.scroll.Resize(size)
	// The scroll container keeps its offset within the content's size, so
	// the content takes its new size before the offset moves.
	r.content.Resize(r.content.MinSize().Max(size))
	if r.t.reveal && size.Height > 0 {
		r.t.reveal = false
		r.revealSelected(size.Height)
	}
	r.t.scroll.Refresh()
}

// revealSelected scrolls to the selected claim unless it is already in view.
func (r *claimTextRenderer) revealSelected(height float32) {
	for _, s := range r.t.spans {
		if !s.passage.selected {
			continue
		}
		top := r.t.scroll.Offset.Y
		if s.pos.Y < top || s.pos.Y+r.t.lineHeight() > top+height {
			r.t.scroll.Offset.Y = max(s.pos.Y-r.t.lineHeight(), 0)
		}
		return
	}
}

// draw puts a text per span on the content, over one background per
// claim covering it, or one in the primary colour for the selected claim.
func (r *claimTextRenderer) draw() {
	th, v := r.t.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	var texts []fyne.CanvasObject
	var rects []fyne.CanvasObject
	height := r.t.lineHeight()
	for _, s := range r.t.spans {
		fg, bg, layers := theme.ColorNameForeground, theme.ColorNameSelection, min(s.passage.depth, 3)
		if s.passage.selected {
			fg, bg, layers = theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, 1
		}
		for range layers {
			rect := r.rect(len(rects))
			rect.FillColor = th.Color(bg, v)
			place(rect, s.pos, fyne.NewSize(s.width, height))
			rects = append(rects, rect)
		}
		text := r.text(len(texts))
		text.Text, text.Color, text.TextSize = s.text, th.Color(fg, v), th.Size(theme.SizeNameText)
		place(text, s.pos, fyne.NewSize(s.width, height))
		texts = append(texts, text)
	}
	r.content.Objects = append(rects, texts...)
	r.content.Refresh()
}

// place moves and sizes o.
func place(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	o.Move(pos)
	o.Resize(size)
}

// text returns the i-th text of the pool, made when missing.
func (r *claimTextRenderer) text(i int) *canvas.Text {
	if i == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	return r.texts[i]
}

// rect returns the i-th background of the pool, made when missing.
func (r *claimTextRenderer) rect(i int) *canvas.Rectangle {
	if i == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(nil))
	}
	return r.rects[i]
}

// splitWords cuts s into words, runs of spaces and single line breaks,
// which together make s again.
func splitWords(s string) []string {
	var out []string
	class := func(r rune) int {
		switch {
		case r == '\n':
			return 0
		case unicode.IsSpace(r):
			return 1
		default:
			return 2
		}
	}
	start, prev := 0, -1
	for i, r := range s {
		c := class(r)
		if i > start && (c != prev || c == 0) {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// flow is the state of laying pieces out in lines between left and right.
type flow struct {
	left, right, x, y, lineHeight, gap float32
	spans                              []span
}

// run lays out pieces and returns the spans that show them. A line breaks
// at a line break, and before a word that does not fit, never inside a
// word, even one that is cut between two passages. Spaces that reach past
// the right edge are kept, narrowed to it, so that the spans hold every
// character of the text but the line breaks.
func (f *flow) run(pieces []piece) []span {
	f.x = f.left
	for i := 0; i < len(pieces); i++ {
		switch p := pieces[i]; {
		case p.text == "\n":
			f.x, f.y = f.left, f.y+f.lineHeight+f.gap
		case strings.TrimSpace(p.text) == "":
			f.add(p, max(min(p.width, f.right-f.x), 0))
		default:
			word := wordEnd(pieces, i)
			f.wrapFor(pieces[i:word])
			for _, w := range pieces[i:word] {
				f.add(w, w.width)
			}
			i = word - 1
		}
	}
	return f.spans
}

// wordEnd returns the index after the last piece of the word that starts at
// pieces[i]: the pieces that follow with no space between.
func wordEnd(pieces []piece, i int) int {
	for i++; i < len(pieces) && strings.TrimSpace(pieces[i].text) != ""; i++ {
	}
	return i
}

// wrapFor starts a new line when the word does not fit on this one and
// would fit better on the next.
func (f *flow) wrapFor(word []piece) {
	var width float32
	for _, p := range word {
		width += p.width
	}
	if f.x > f.left && f.x+width > f.right {
		f.x, f.y = f.left, f.y+f.lineHeight
	}
}

// add places a piece at the end of the line, in the span of its passage
// when the line already has one.
func (f *flow) add(p piece, width float32) {
	if n := len(f.spans); n > 0 && f.spans[n-1].passage == p.passage && f.spans[n-1].pos.Y == f.y {
		f.spans[n-1].text += p.text
		f.spans[n-1].width += width
	} else {
		f.spans = append(f.spans, span{passage: p.passage, text: p.text, pos: fyne.NewPos(f.x, f.y), width: width})
	}
	f.x += width
}
