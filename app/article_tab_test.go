package app

import (
	"context"
	"image/color"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// articleFixture is an article tab over a real temporary store holding the
// sample case, with what the tab asked of the window.
type articleFixture struct {
	tab      *articleTab
	w        fyne.Window
	env      *env
	st       *store.DB
	article  *claims.Article
	claims   []*claims.Claim
	changed  []string // claimChanged's arguments
	selected []string // selectClaim's arguments
}

// newArticleFixture imports the sample case into a new store and builds
// the tab in a width×height test window, without showing an article.
func newArticleFixture(t *testing.T, width, height float32) *articleFixture {
	t.Helper()
	test.NewTempApp(t)
	st, a, list := openSample(t, store.Options{})
	f := &articleFixture{st: st, article: a, claims: list}
	f.env = &env{
		store:        st,
		reviewer:     func() string { return "Alice" },
		spawn:        func(work func()) { work() },
		claimChanged: func(id string) { f.changed = append(f.changed, id) },
		selectClaim:  func(id string) { f.selected = append(f.selected, id) },
	}
	f.tab = newArticleTab(f.env)
	f.w = test.NewTempWindow(t, f.tab.object())
	f.env.window = f.w
	f.w.Resize(fyne.NewSize(width, height))
	return f
}

// claim returns the sample claim with the given words.
func (f *articleFixture) claim(t *testing.T, words string) *claims.Claim {
	t.Helper()
	for _, c := range f.claims {
		if c.Text == words {
			return c
		}
	}
	t.Fatalf("no sample claim %q", words)
	return nil
}

// addClaim stores a claim on the n-th (0-based) occurrence of words.
func (f *articleFixture) addClaim(t *testing.T, words string, n int) *claims.Claim {
	t.Helper()
	start := runeIndex(t, f.article.Text, words, n)
	a, err := claims.AnchorAt(f.article.Text, start, start+utf8.RuneCountInString(words))
	if err != nil {
		t.Fatal(err)
	}
	c := &claims.Claim{ArticleID: f.article.ID, Text: words, Anchor: a, Kind: claims.KindEvent}
	if err := f.st.CreateClaim(claims.NewContext(context.Background(), "Test"), c); err != nil {
		t.Fatal(err)
	}
	f.claims = append(f.claims, c)
	return c
}

// runeIndex returns the code point offset of the n-th (0-based) occurrence of sub in text.
func runeIndex(t *testing.T, text, sub string, n int) int {
	t.Helper()
	from := 0
	for ; ; n-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q does not occur %d more times", sub, n+1)
		}
		if n == 0 {
			return utf8.RuneCountInString(text[:from+i])
		}
		from += i + len(sub)
	}
}

// claimSpans returns the spans that show words of the claim, in order.
func claimSpans(tab *articleTab, c *claims.Claim) []span {
	var out []span
	for _, s := range tab.reading.spans {
		p := s.passage
		if p.start >= c.Anchor.Start && p.start+utf8.RuneCountInString(p.text) <= c.Anchor.End {
			out = append(out, s)
		}
	}
	return out
}

// spanText joins the spans' text.
func spanText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// shownTexts returns the texts the reading view draws, top to bottom and
// left to right.
func shownTexts(tab *articleTab) []*canvas.Text {
	var texts []*canvas.Text
	for _, o := range tab.reading.scroll.Content.(*fyne.Container).Objects {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() {
			texts = append(texts, txt)
		}
	}
	sort.SliceStable(texts, func(i, j int) bool {
		a, b := texts[i].Position(), texts[j].Position()
		return a.Y < b.Y || a.Y == b.Y && a.X < b.X
	})
	return texts
}

// backgrounds returns the colours of the rectangles drawn under the span.
func backgrounds(tab *articleTab, s span) []color.Color {
	var out []color.Color
	for _, o := range tab.reading.scroll.Content.(*fyne.Container).Objects {
		if r, ok := o.(*canvas.Rectangle); ok && r.Position() == s.pos && r.Size().Width == s.width {
			out = append(out, r.FillColor)
		}
	}
	return out
}

// themeColor is the test theme's colour called name.
func themeColor(name fyne.ThemeColorName) color.Color {
	return theme.Current().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
}

// tapSpan scrolls the span into view and clicks the middle of it on the canvas.
func (f *articleFixture) tapSpan(s span) {
	view := f.tab.reading
	view.scroll.ScrollToOffset(fyne.NewPos(0, s.pos.Y))
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(view).
		Add(s.pos).Subtract(view.scroll.Offset).Add(fyne.NewPos(s.width/2, view.lineHeight()/2))
	test.TapCanvas(f.w.Canvas(), at)
}

// checkSpansFit fails when a span reaches past the right edge of the text.
func checkSpansFit(t *testing.T, tab *articleTab) {
	t.Helper()
	right := tab.reading.Size().Width - theme.InnerPadding()
	for _, s := range tab.reading.spans {
		if s.pos.X+s.width > right+0.01 {
			t.Errorf("span %q ends at x=%v, past the right edge %v", s.text, s.pos.X+s.width, right)
		}
	}
}

// checkShownText fails unless the reading view draws the whole text, line
// breaks aside, in reading order.
func checkShownText(t *testing.T, tab *articleTab, text string) {
	t.Helper()
	var b strings.Builder
	for _, txt := range shownTexts(tab) {
		b.WriteString(txt.Text)
	}
	if got, want := b.String(), strings.ReplaceAll(text, "\n", ""); got != want {
		t.Errorf("shown text differs from the article text:\n got %.300q…\nwant %.300q…", got, want)
	}
}

// headerText returns the header's title and the rest, separated by " | ".
func headerText(tab *articleTab) string {
	return tab.title.Text + " | " + tab.meta.Text
}

// dialogObjects returns the objects of the top overlay, or fails without one.
func dialogObjects(t *testing.T, w fyne.Window) []fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return test.LaidOutObjects(top)
}

// dialogButton returns the button labelled text in the top overlay.
func dialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range dialogObjects(t, w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("the dialog has no %q button", text)
	return nil
}

// dialogLabels returns the texts of the labels in the top overlay.
func dialogLabels(t *testing.T, w fyne.Window) []string {
	t.Helper()
	var out []string
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestArticleTabHighlightsEveryClaim(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")

	if got, want := headerText(f.tab), f.article.Title+" | French · frozen copy, SHA-256 "+f.article.TextSHA256[:12]; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
	for _, c := range f.claims {
		spans := claimSpans(f.tab, c)
		if got := spanText(spans); got != c.Text {
			t.Errorf("claim %.30q: highlighted words = %q", c.Text, got)
		}
		for _, s := range spans {
			if s.passage.claimID != c.ID {
				t.Errorf("clicking %q selects %s, want %s", s.text, s.passage.claimID, c.ID)
			}
			if got, want := backgrounds(f.tab, s), []color.Color{themeColor(theme.ColorNameSelection)}; !reflect.DeepEqual(got, want) {
				t.Errorf("%q: backgrounds %v, want %v", s.text, got, want)
			}
		}
	}
	checkShownText(t, f.tab, f.article.Text)
	checkSpansFit(t, f.tab)

	target := f.claim(t, "plus de 11 000 conteneurs de munitions à la Russie")
	f.tapSpan(claimSpans(f.tab, target)[0])
	if want := []string{target.ID}; !reflect.DeepEqual(f.selected, want) {
		t.Fatalf("selectClaim calls = %q, want %q", f.selected, want)
	}
	for _, s := range claimSpans(f.tab, target) {
		if got, want := backgrounds(f.tab, s), []color.Color{themeColor(theme.ColorNamePrimary)}; !reflect.DeepEqual(got, want) {
			t.Errorf("selected claim's %q: backgrounds %v, want %v", s.text, got, want)
		}
	}
	if len(f.changed) != 0 {
		t.Errorf("claimChanged calls = %q, want none", f.changed)
	}
}

func TestArticleTabClickOutsideClaimsSelectsNothing(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	for _, s := range f.tab.reading.spans {
		if s.passage.claimID == "" && strings.HasPrefix(s.text, "Reuters a rapporté") {
			f.tapSpan(s)
			if len(f.selected) != 0 {
				t.Errorf("selectClaim calls = %q, want none", f.selected)
			}
			return
		}
	}
	t.Fatal("no plain span starts with “Reuters a rapporté”")
}

func TestArticleTabPointsAtClaims(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	view := f.tab.reading
	for _, s := range view.spans[:4] {
		view.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: s.pos.Add(fyne.NewPos(1, 1))}})
		want := desktop.DefaultCursor
		if s.passage.claimID != "" {
			want = desktop.PointerCursor
		}
		if got := view.Cursor(); got != want {
			t.Errorf("cursor over %q = %v, want %v", s.text, got, want)
		}
	}
	view.MouseOut()
	if got := view.Cursor(); got != desktop.DefaultCursor {
		t.Errorf("cursor after the pointer left = %v, want the default", got)
	}
	view.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: view.spans[2].pos}})
	view.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(1, 1)}})
	if got := view.Cursor(); got != desktop.DefaultCursor {
		t.Errorf("cursor in the margin = %v, want the default", got)
	}
}

func TestArticleTabWrapsLongClaimsInANarrowWindow(t *testing.T) {
	f := newArticleFixture(t, 320, 500)
	f.tab.show(f.article.ID, "")
	lines := map[float32]bool{}
	for _, s := range claimSpans(f.tab, f.claim(t, f.claims[1].Text)) {
		lines[s.pos.Y] = true
	}
	if len(lines) < 3 {
		t.Errorf("a 170-character claim takes %d line(s) at 320 wide, want it wrapped over 3 or more", len(lines))
	}
	checkSpansFit(t, f.tab)
	checkShownText(t, f.tab, f.article.Text)
}

func TestArticleTabShowsTheSelectedClaim(t *testing.T) {
	f := newArticleFixture(t, 900, 300)
	last := f.claims[len(f.claims)-1]
	f.tab.show(f.article.ID, last.ID)

	spans := claimSpans(f.tab, last)
	for _, s := range spans {
		if !s.passage.selected {
			t.Errorf("%q of the selected claim is not shown selected", s.text)
		}
	}
	view := f.tab.reading
	if top, y := view.scroll.Offset.Y, spans[0].pos.Y; y < top || y > top+view.Size().Height {
		t.Errorf("the selected claim starts at y=%v, out of view (%v–%v)", y, top, top+view.Size().Height)
	}
}

// selectWords selects the code points [start, end) of the picker's text
// with the keyboard: the cursor goes to one end, then shift and the arrow
// keys extend the selection to the other.
func selectWords(t *testing.T, p *wordPicker, start, end int, backward bool) {
	t.Helper()
	from, to, key := start, end, fyne.KeyName(fyne.KeyRight)
	if backward {
		from, to, key = end, start, fyne.KeyLeft
	}
	moveCursor(t, p, from)
	p.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; p.CursorTextOffset() != to; i++ {
		if i > end-start {
			t.Fatalf("the cursor is at %d, not %d", p.CursorTextOffset(), to)
		}
		p.TypedKey(&fyne.KeyEvent{Name: key})
	}
	p.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// moveCursor moves the picker's cursor to the offset, a line at a time, then a character at a time.
func moveCursor(t *testing.T, p *wordPicker, offset int) {
	t.Helper()
	for p.CursorTextOffset() < offset {
		row := p.CursorRow
		p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		if p.CursorRow == row {
			break
		}
		if p.CursorTextOffset() > offset {
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
			break
		}
	}
	for i := 0; p.CursorTextOffset() != offset; i++ {
		if i > 1000 {
			t.Fatalf("the cursor is stuck at %d, want %d", p.CursorTextOffset(), offset)
		}
		key := fyne.KeyName(fyne.KeyRight)
		if p.CursorTextOffset() > offset {
			key = fyne.KeyLeft
		}
		p.TypedKey(&fyne.KeyEvent{Name: key})
	}
}

func TestArticleTabNewClaimFromSelection(t *testing.T) {
	for name, tt := range map[string]struct {
		words    string
		nth      int
		backward bool
		kind     claims.Kind
		lang     string
		enter    bool // submit with Enter in the speaker's field
	}{
		// The words occur twice: the offsets, not the words, say which.
		"second occurrence, selected forward": {"a déclaré M. Stoltenberg", 1, false, claims.KindAttribution, locale.English, false},
		"selected backward":                   {"Reuters a rapporté", 0, true, claims.KindStatistic, locale.English, true},
		"in French":                           {"Reuters a rapporté", 0, false, claims.KindQuote, locale.French, false},
	} {
		t.Run(name, func(t *testing.T) {
			setLanguage(tt.lang)
			t.Cleanup(func() { setLanguage(locale.English) })
			f := newArticleFixture(t, 900, 700)
			f.tab.show(f.article.ID, "")
			if !f.tab.newClaim.Disabled() {
				t.Error("New claim from selection is enabled before select mode")
			}
			f.tab.selectMode.SetChecked(true)
			if !f.tab.newClaim.Disabled() {
				t.Error("New claim from selection is enabled with nothing selected")
			}
			start := runeIndex(t, f.article.Text, tt.words, tt.nth)
			selectWords(t, f.tab.words, start, start+utf8.RuneCountInString(tt.words), tt.backward)
			if got := f.tab.words.SelectedText(); got != tt.words {
				t.Fatalf("selected %q, want %q", got, tt.words)
			}
			if f.tab.newClaim.Disabled() {
				t.Fatal("New claim from selection is disabled with words selected")
			}

			test.Tap(f.tab.newClaim)
			if labels := dialogLabels(t, f.w); !slices.Contains(labels, tt.words) {
				t.Errorf("the dialog's labels %q do not show the words", labels)
			}
			var speaker *widget.Entry
			for _, o := range dialogObjects(t, f.w) {
				switch o := o.(type) {
				case *widget.Entry:
					speaker = o
					test.Type(o, "Jens Stoltenberg")
				case *widget.Select:
					if o.Selected != kindName(claims.KindStatistic) {
						t.Errorf("the kind starts as %q, want %q", o.Selected, kindName(claims.KindStatistic))
					}
					o.SetSelected(kindName(tt.kind))
				}
			}
			if tt.enter {
				speaker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			} else {
				test.Tap(dialogButton(t, f.w, lang.L("article.create")))
			}

			found, _, err := f.st.FindClaims(context.Background(), claims.ClaimFilter{ArticleID: &f.article.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != len(f.claims)+1 {
				t.Fatalf("%d claims stored, want %d", len(found), len(f.claims)+1)
			}
			c := found[len(found)-1]
			if got, ok := c.Anchor.Slice(f.article.Text); !ok || got != tt.words {
				t.Errorf("Anchor.Slice = %q, %v, want %q", got, ok, tt.words)
			}
			if c.Anchor.Start != start || c.Text != tt.words || c.Kind != tt.kind || c.Speaker.Name != "Jens Stoltenberg" || c.Meta.CreatedBy != "Alice" {
				t.Errorf("stored claim: start %d, text %q, kind %q, speaker %q, by %q; want %d, %q, %q, Jens Stoltenberg, Alice",
					c.Anchor.Start, c.Text, c.Kind, c.Speaker.Name, c.Meta.CreatedBy, start, tt.words, tt.kind)
			}
			if want := []string{c.ID}; !reflect.DeepEqual(f.changed, want) || !reflect.DeepEqual(f.selected, want) {
				t.Errorf("claimChanged %q, selectClaim %q, want %q for both", f.changed, f.selected, want)
			}
			if f.tab.selectMode.Checked || !f.tab.reading.Visible() {
				t.Error("the tab stayed in select mode")
			}
			for _, s := range claimSpans(f.tab, c) {
				if !s.passage.selected {
					t.Errorf("%q of the new claim is not shown selected", s.text)
				}
			}
		})
	}
}

func TestArticleTabCancelCreatesNothing(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	f.tab.selectMode.SetChecked(true)
	selectWords(t, f.tab.words, 0, 7, false)
	test.Tap(f.tab.newClaim)
	test.Tap(dialogButton(t, f.w, "Cancel"))

	_, total, err := f.st.FindClaims(context.Background(), claims.ClaimFilter{ArticleID: &f.article.ID})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(f.claims) || len(f.changed)+len(f.selected) != 0 {
		t.Errorf("%d claims stored, claimChanged %q, selectClaim %q; want %d and no calls", total, f.changed, f.selected, len(f.claims))
	}
}

func TestWordPickerKeepsTheText(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	f.tab.selectMode.SetChecked(true)
	p := f.tab.words
	clipboard := fyne.CurrentApp().Clipboard()
	clipboard.SetContent("collé")

	selectWords(t, p, 0, 7, false)
	test.Type(p, "x")
	for _, key := range []fyne.KeyName{fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn, fyne.KeyTab} {
		p.TypedKey(&fyne.KeyEvent{Name: key})
	}
	for _, s := range []fyne.Shortcut{
		&fyne.ShortcutCut{Clipboard: clipboard}, &fyne.ShortcutPaste{Clipboard: clipboard}, &fyne.ShortcutUndo{},
		&desktop.CustomShortcut{KeyName: fyne.KeyBackspace, Modifier: fyne.KeyModifierShortcutDefault},
	} {
		p.TypedShortcut(s)
	}
	if p.Text != f.article.Text {
		t.Fatalf("the text changed: starts %.40q", p.Text)
	}
	if got := p.SelectedText(); got != "Quelles" {
		t.Errorf("selection = %q, want it kept as %q", got, "Quelles")
	}
	if p.AcceptsTab() {
		t.Error("the picker keeps Tab from moving the focus")
	}

	p.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if got := p.SelectedText(); !strings.HasPrefix(got, "Quelles ") {
		t.Errorf("selection after shift+word right = %q, want it grown past %q", got, "Quelles")
	}

	p.TypedShortcut(&fyne.ShortcutSelectAll{})
	p.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clipboard})
	if got := clipboard.Content(); got != f.article.Text {
		t.Errorf("copied %.40q…, want the whole text", got)
	}
}

func TestSelectedAnchor(t *testing.T) {
	const text = "« Élu » 😀 dit : vrai, vrai" // 26 code points
	for name, tt := range map[string]struct {
		selected           string
		cursor             int
		wantStart, wantEnd int
		wantErr            string
	}{
		"cursor after":            {"Élu", 5, 2, 5, ""},
		"cursor before":           {"Élu", 2, 2, 5, ""},
		"after an emoji":          {"dit", 13, 10, 13, ""},
		"repeated, first":         {"vrai", 20, 16, 20, ""},
		"repeated, second":        {"vrai", 22, 22, 26, ""},
		"spaces left out":         {" dit : ", 16, 10, 15, ""},
		"nothing selected":        {"", 3, 0, 0, "Select the words of the claim in the text first."},
		"only spaces":             {" ", 8, 0, 0, "Select the words of the claim in the text first."},
		"not where the cursor is": {"vrai", 3, 0, 0, "not found where the cursor is"},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := selectedAnchor(text, tt.selected, tt.cursor)
			if tt.wantErr != "" {
				if claims.ErrorCode(err) != claims.EINVALID || !strings.Contains(claims.ErrorMessage(err), tt.wantErr) {
					t.Fatalf("error = %v, want EINVALID containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Start != tt.wantStart || a.End != tt.wantEnd || !a.Matches(text) {
				t.Errorf("anchor %d–%d %q, want %d–%d", a.Start, a.End, a.Exact, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

func TestSplitPassages(t *testing.T) {
	const text = "« Élu » 😀 dit : vrai" // 20 code points
	at := func(id string, start, end int) *claims.Claim {
		return &claims.Claim{ID: id, Anchor: claims.Anchor{Start: start, End: end}}
	}
	type want struct {
		text, claimID string
		depth         int
		selected      bool
	}
	for name, tt := range map[string]struct {
		found      []*claims.Claim
		selectedID string
		want       []want
	}{
		"no claims": {nil, "", []want{{text, "", 0, false}}},
		"nested, inner wins the click": {[]*claims.Claim{at("outer", 0, 20), at("inner", 8, 13)}, "outer", []want{
			{"« Élu » ", "outer", 1, true}, {"😀 dit", "inner", 2, true}, {" : vrai", "outer", 1, true},
		}},
		"crossing": {[]*claims.Claim{at("a", 2, 10), at("b", 8, 16)}, "b", []want{
			{"« ", "", 0, false}, {"Élu » ", "a", 1, false}, {"😀 ", "a", 2, true}, {"dit : ", "b", 1, true}, {"vrai", "", 0, false},
		}},
		"same words twice, first created wins": {[]*claims.Claim{at("first", 16, 20), at("second", 16, 20)}, "", []want{
			{"« Élu » 😀 dit : ", "", 0, false}, {"vrai", "first", 2, false},
		}},
		"offsets outside the text left out": {[]*claims.Claim{at("past", 18, 21), at("empty", 4, 4), at("negative", -1, 2)}, "", []want{
			{text, "", 0, false},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			var got []want
			for _, p := range splitPassages(text, tt.found, tt.selectedID) {
				got = append(got, want{p.text, p.claimID, p.depth, p.selected})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("passages =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestArticleTabOverlappingClaims(t *testing.T) {
	f := newArticleFixture(t, 700, 600)
	outer := f.claim(t, "plus de 11 000 conteneurs de munitions à la Russie")
	inner := f.addClaim(t, "11 000 conteneurs", 0)
	crossing := f.addClaim(t, "missiles balistiques et plus de 11 000", 0)
	twin := f.addClaim(t, outer.Text, 0)
	paragraph := f.addClaim(t, "De leur côté, les États-Unis ont accusé la Corée du Nord", 0)
	f.tab.show(f.article.ID, crossing.ID)

	checkShownText(t, f.tab, f.article.Text)
	checkSpansFit(t, f.tab)
	for _, c := range []*claims.Claim{outer, inner, crossing, twin, paragraph} {
		if got := spanText(claimSpans(f.tab, c)); got != c.Text {
			t.Errorf("claim %q is shown as %q", c.Text, got)
		}
	}
	innerSpans := claimSpans(f.tab, inner)
	f.tapSpan(innerSpans[len(innerSpans)-1])
	f.tapSpan(claimSpans(f.tab, outer)[len(claimSpans(f.tab, outer))-1])
	if want := []string{inner.ID, outer.ID}; !reflect.DeepEqual(f.selected, want) {
		t.Errorf("selectClaim calls = %q, want the inner claim, then the outer one %q", f.selected, want)
	}
}

func TestArticleTabDropsAnEarlierAnswer(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	other := &claims.Article{Title: "Second article", Language: claims.LangEnglish, PublishedOn: "2024-06-19",
		Outlet: "The Daily Check", Text: "Only this text should show."}
	other.Freeze()
	if err := f.st.ImportArticle(claims.NewContext(context.Background(), "Test"), other, nil); err != nil {
		t.Fatal(err)
	}
	var pending []func()
	f.env.spawn = func(work func()) { pending = append(pending, work) }

	f.tab.show(f.article.ID, "")
	f.tab.show(other.ID, "")
	pending[1]()
	pending[0]()

	if got, want := headerText(f.tab), "Second article | The Daily Check · Jun 19, 2024 · English · frozen copy, SHA-256 "+other.TextSHA256[:12]; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
	checkShownText(t, f.tab, other.Text)
}

func TestArticleTabNewClaimWithoutSelection(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	f.tab.selectMode.SetChecked(true)
	f.tab.askNewClaim()
	if labels := dialogLabels(t, f.w); !slices.Contains(labels, "Select the words of the claim in the text first.") {
		t.Errorf("dialog labels = %q, want the message asking for a selection", labels)
	}
}

func TestArticleMeta(t *testing.T) {
	hash := strings.Repeat("0123456789ab", 5)
	for name, tt := range map[string]struct {
		lang    string
		article claims.Article
		want    string
	}{
		"all known": {locale.English, claims.Article{Outlet: "Le Monde", PublishedOn: "2024-06-19", Language: claims.LangFrench, TextSHA256: hash},
			"Le Monde · Jun 19, 2024 · French · frozen copy, SHA-256 0123456789ab"},
		"all known, in French": {locale.French, claims.Article{Outlet: "Le Monde", PublishedOn: "2024-06-19", Language: claims.LangFrench, TextSHA256: hash},
			"Le Monde · 19 juin 2024 · français · copie figée, SHA-256 0123456789ab"},
		"a date as typed": {locale.French, claims.Article{Outlet: "Le Monde", PublishedOn: "juin 2024", Language: claims.LangEnglish, TextSHA256: hash},
			"Le Monde · juin 2024 · anglais · copie figée, SHA-256 0123456789ab"},
		"nothing but the language": {locale.English, claims.Article{Language: claims.LangEnglish, TextSHA256: hash},
			"English · frozen copy, SHA-256 0123456789ab"},
		"unknown language as given": {locale.English, claims.Article{Language: "de", TextSHA256: hash},
			"de · frozen copy, SHA-256 0123456789ab"},
	} {
		t.Run(name, func(t *testing.T) {
			setLanguage(tt.lang)
			t.Cleanup(func() { setLanguage(locale.English) })
			if got := articleMeta(&tt.article); got != tt.want {
				t.Errorf("articleMeta = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	for s, want := range map[string]string{"Élu": "Élu", "Élu dit vrai": "Élu d…", "": ""} {
		if got := shorten(s, 6); got != want {
			t.Errorf("shorten(%q, 6) = %q, want %q", s, got, want)
		}
	}
}

func TestArticleTabShowsLoadErrors(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show("no-such-article", "")
	if labels := dialogLabels(t, f.w); len(labels) == 0 {
		t.Error("the error dialog has no message")
	}
	if got := headerText(f.tab); got != "No article selected. | " {
		t.Errorf("header = %q, want it unchanged", got)
	}
}

func TestArticleTabRendersToMarkup(t *testing.T) {
	f := newArticleFixture(t, 700, 420)
	f.tab.show(f.article.ID, f.claim(t, "plus de 11 000 conteneurs de munitions à la Russie").ID)
	f.tab.reading.scroll.ScrollToTop()
	test.AssertRendersToMarkup(t, "article_tab.xml", f.w.Canvas())
}

func TestArticleTabFocusFollowsTheScreen(t *testing.T) {
	f := newArticleFixture(t, 900, 700)
	f.tab.show(f.article.ID, "")
	f.tab.selectMode.SetChecked(true)
	selectWords(t, f.tab.words, 0, 7, false)

	got := focusOrder(t, f.w.Canvas(), focusName(nil))
	if want := []string{"Select words", "New claim from selection", "*app.wordPicker"}; !slices.Equal(got, want) {
		t.Errorf("focus order = %q, want %q", got, want)
	}
}
