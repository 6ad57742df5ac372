package app

import (
	"context"
	"image/color"
	"math"
	"sort"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The claim list's sort orders, in the order the sort select offers them.
const (
	sortAdded = iota
	sortStatus
	sortRating
	sortSpeaker
	sortWorth
	sortChanged
)

// sortOrders are the sort select's options, indexed by the orders above.
func sortOrders() []string {
	return []string{lang.L("list.sort.added"), lang.L("list.sort.status"), lang.L("list.sort.rating"),
		lang.L("list.sort.speaker"), lang.L("list.sort.worth"), lang.L("list.sort.changed")}
}

// claimList is the list of claims with its search box, filters and sort
// order. Rows read only the in-memory summaries, so the list stays smooth
// however long it is.
type claimList struct {
	env    *env
	onShow func(id string)
	scale  *claims.RatingScale

	articleID string
	rows      []claims.ClaimSummary
	conflicts map[string]bool // claims a merge left in conflict
	shownID   string
	seq       int // the latest reload; older answers are dropped
	total     int // how many claims the article has, filters aside

	search                                 *widget.Entry
	status, rating, speaker, tag, reviewer *widget.Select
	order                                  *widget.Select
	list                                   *keyList
	count                                  *widget.Label
	words                                  *rowWords
	onDelete                               func()
	// onFirstRows is called once, when the list is first shown filled.
	onFirstRows func()
}

func newClaimList(e *env, onShow func(id string)) *claimList {
	l := &claimList{env: e, onShow: onShow, scale: &claims.RatingScale{}, words: newRowWords()}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.L("list.search"))
	l.search.OnChanged = func(string) { l.refilter() }
	// Enter in the search box goes to the first result, keyboard and all.
	l.search.OnSubmitted = func(string) {
		if len(l.rows) > 0 {
			l.list.Select(0)
			l.env.window.Canvas().Focus(l.list)
		}
	}
	statuses := []string{lang.L("list.any-status")}
	for _, s := range claims.Statuses {
		statuses = append(statuses, statusName(s))
	}
	l.status = l.newFilter(lang.L("list.status"), statuses)
	l.rating = l.newFilter(lang.L("list.rating"), []string{lang.L("list.any-rating")})
	l.speaker = l.newFilter(lang.L("list.speaker"), []string{lang.L("list.any-speaker")})
	l.tag = l.newFilter(lang.L("list.tag"), []string{lang.L("list.any-tag")})
	l.reviewer = l.newFilter(lang.L("list.reviewer"), []string{lang.L("list.any-reviewer")})
	l.order = widget.NewSelect(sortOrders(), nil)
	l.order.PlaceHolder = lang.L("list.sort")
	l.order.SetSelectedIndex(sortAdded)
	l.order.OnChanged = func(string) { l.sortRows(); l.list.Refresh() }
	l.count = widget.NewLabel("")
	l.list = newKeyList(l)
	return l
}

// newFilter makes a filter select named name. Its first option stands for
// any value and stays first whatever values the claims offer.
func (l *claimList) newFilter(name string, options []string) *widget.Select {
	s := widget.NewSelect(options, func(string) { l.refilter() })
	s.PlaceHolder = name
	s.SetSelectedIndex(0)
	return s
}

func (l *claimList) object() fyne.CanvasObject {
	filters := container.NewGridWithColumns(3,
		labelled(l.status), labelled(l.rating), labelled(l.speaker),
		labelled(l.tag), labelled(l.reviewer), labelled(l.order))
	top := container.NewVBox(l.search, filters, l.count)
	return container.NewBorder(top, nil, nil, nil, l.list)
}

// labelled puts a select's name, its placeholder, before it.
func labelled(s *widget.Select) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(s.PlaceHolder), nil, s)
}

// setScale gives the list the database's ratings, for the filter and chips.
func (l *claimList) setScale(scale *claims.RatingScale) {
	l.scale = scale
	options := []string{l.rating.Options[0]}
	for _, r := range scale.Ratings {
		options = append(options, r.Label)
	}
	l.rating.Options = options
	l.rating.Refresh()
}

// setArticle narrows the list to an article's claims, or all for "".
func (l *claimList) setArticle(articleID string) {
	l.articleID = articleID
	l.reload()
}

// filter is the store filter the search box and selects describe.
func (l *claimList) filter() claims.ClaimFilter {
	f := claims.ClaimFilter{Query: l.search.Text}
	if l.articleID != "" {
		f.ArticleID = &l.articleID
	}
	if i := l.status.SelectedIndex(); i > 0 {
		f.Status = &claims.Statuses[i-1]
	}
	if i := l.rating.SelectedIndex(); i > 0 && i <= len(l.scale.Ratings) {
		f.Rating = &l.scale.Ratings[i-1].Key
	}
	f.Speaker, f.Tag, f.Assignee = chosen(l.speaker), chosen(l.tag), chosen(l.reviewer)
	return f
}

func chosen(s *widget.Select) *string {
	if s.SelectedIndex() <= 0 {
		return nil
	}
	v := s.Selected
	return &v
}

// reload asks the store, off the UI goroutine, for the rows the filters
// describe, and for the choices the filters offer too unless only the
// filters changed: typing in the search box then costs one scan a key.
// Only the latest answer shows.
func (l *claimList) reload() {
	l.load(true)
}

func (l *claimList) refilter() {
	l.load(false)
}

func (l *claimList) load(withChoices bool) {
	if l.list == nil {
		return // still being built
	}
	l.seq++
	seq, f := l.seq, l.filter()
	if len(l.rows) == 0 && l.sortedByCreation() {
		l.loadFirstScreen(seq, f)
	}
	var rows, all []claims.ClaimSummary
	l.env.run(func() error {
		var err error
		rows, _, err = l.env.store.FindClaimSummaries(context.Background(), f)
		switch {
		case err != nil || !withChoices:
		case f == (claims.ClaimFilter{ArticleID: f.ArticleID}):
			all = rows // nothing but the article filters: the same scan serves
		default:
			all, _, err = l.env.store.FindClaimSummaries(context.Background(), claims.ClaimFilter{ArticleID: f.ArticleID})
		}
		return err
	}, func() {
		if seq != l.seq {
			return
		}
		if withChoices {
			l.total = len(all)
			l.setChoices(all)
		}
		l.show(rows, l.total)
	})
}

// firstScreen is how many rows fill a tall window: they are shown before
// the rest of a long list is read.
const firstScreen = 60

// loadFirstScreen shows the first rows of an empty list at once, in the
// order they were added, while the whole list is read.
func (l *claimList) loadFirstScreen(seq int, f claims.ClaimFilter) {
	f.Limit = firstScreen
	var rows []claims.ClaimSummary
	var total int
	l.env.run(func() error {
		var err error
		rows, total, err = l.env.store.FindClaimSummaries(context.Background(), f)
		return err
	}, func() {
		if seq == l.seq && len(l.rows) == 0 {
			l.show(rows, total)
		}
	})
}

func (l *claimList) show(rows []claims.ClaimSummary, total int) {
	l.rows = rows
	l.sortRows()
	l.count.SetText(lang.N("list.count", total, map[string]any{"Count": formatInt(total), "Shown": formatInt(len(rows))}))
	l.list.Refresh()
	l.list.reselect()
	if l.onFirstRows != nil {
		l.onFirstRows()
		l.onFirstRows = nil
	}
}

// setChoices offers, in each filter, the values the article's claims have.
func (l *claimList) setChoices(all []claims.ClaimSummary) {
	speakers, tags, reviewers := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range all {
		speakers[s.Speaker] = s.Speaker != ""
		reviewers[s.Assignee] = s.Assignee != ""
		for _, t := range s.Tags {
			tags[t] = true
		}
	}
	setOptions(l.speaker, speakers)
	setOptions(l.tag, tags)
	setOptions(l.reviewer, reviewers)
}

func setOptions(s *widget.Select, values map[string]bool) {
	options := []string{s.Options[0]}
	for v, ok := range values {
		if ok {
			options = append(options, v)
		}
	}
	sort.Strings(options[1:])
	s.Options = options
	s.Refresh()
}

// sortedByCreation reports whether the list shows claims in the order they
// were added, the store's own order.
func (l *claimList) sortedByCreation() bool {
	return l.order.SelectedIndex() <= sortAdded
}

// sortRows orders the rows as the sort select says; ties keep the order
// in which claims were added.
func (l *claimList) sortRows() {
	rank := map[claims.Status]int{}
	for i, s := range claims.Statuses {
		rank[s] = i
	}
	value := func(key string) int {
		if r, ok := l.scale.Rating(key); ok {
			return r.Value
		}
		return -1
	}
	less := map[int]func(a, b claims.ClaimSummary) bool{
		sortStatus:  func(a, b claims.ClaimSummary) bool { return rank[a.Status] < rank[b.Status] },
		sortRating:  func(a, b claims.ClaimSummary) bool { return value(a.Rating) > value(b.Rating) },
		sortSpeaker: func(a, b claims.ClaimSummary) bool { return claims.Fold(a.Speaker) < claims.Fold(b.Speaker) },
		sortWorth:   func(a, b claims.ClaimSummary) bool { return a.CheckWorthiness > b.CheckWorthiness },
		sortChanged: func(a, b claims.ClaimSummary) bool { return a.UpdatedAt.After(b.UpdatedAt) },
	}[l.order.SelectedIndex()]
	if less == nil {
		return // the store's order is the order added
	}
	sort.SliceStable(l.rows, func(i, j int) bool { return less(l.rows[i], l.rows[j]) })
}

// selectID highlights the row of a claim, if the list shows it.
func (l *claimList) selectID(id string) {
	l.shownID = id
	l.list.reselect()
}

// takeOver puts a list built again in another language where old was: on
// the same article, with the same search, filters and order, and with the
// first rows' callback if old had not shown rows yet.
func (l *claimList) takeOver(old *claimList) {
	l.onFirstRows, old.onFirstRows = old.onFirstRows, nil
	l.setScale(old.scale)
	l.articleID, l.shownID, l.conflicts = old.articleID, old.shownID, old.conflicts
	changed := l.search.OnChanged
	l.search.OnChanged = nil
	l.search.SetText(old.search.Text)
	l.search.OnChanged = changed
	for _, pair := range [][2]*widget.Select{{l.status, old.status}, {l.rating, old.rating}, {l.order, old.order}} {
		keepIndex(pair[0], pair[1])
	}
	for _, pair := range [][2]*widget.Select{{l.speaker, old.speaker}, {l.tag, old.tag}, {l.reviewer, old.reviewer}} {
		keepValue(pair[0], pair[1])
	}
}

// keepIndex chooses in s the option chosen in from, for selects whose options
// are the same in every language. It does not call OnChanged: the caller
// loads the list once everything is set.
func keepIndex(s, from *widget.Select) {
	if i := from.SelectedIndex(); i > 0 && i < len(s.Options) {
		s.Selected = s.Options[i]
		s.Refresh()
	}
}

// keepValue chooses in s the value chosen in from, for selects of values
// from the claims, which s offers only once the claims are read.
func keepValue(s, from *widget.Select) {
	if from.SelectedIndex() > 0 {
		s.Options = []string{s.Options[0], from.Selected}
		s.Selected = from.Selected
		s.Refresh()
	}
}

// keyList is the claim list's widget: arrow keys move the selection, not
// just the focus, and Delete asks to remove the selected claim.
type keyList struct {
	widget.List
	owner *claimList
}

func newKeyList(owner *claimList) *keyList {
	k := &keyList{owner: owner}
	k.Length = func() int { return len(owner.rows) }
	k.CreateItem = func() fyne.CanvasObject { return newClaimRow() }
	k.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(owner.rows) {
			o.(*claimRow).set(owner.rows[id], owner.scale, owner.conflicts[owner.rows[id].ID], owner.words)
		}
	}
	k.OnSelected = func(id widget.ListItemID) {
		if id < len(owner.rows) && owner.rows[id].ID != owner.shownID {
			owner.shownID = owner.rows[id].ID
			owner.onShow(owner.shownID)
		}
	}
	k.ExtendBaseWidget(k)
	return k
}

// TypedKey moves the selection with the arrow keys and deletes with Delete.
func (k *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		step := 1
		if ev.Name == fyne.KeyUp {
			step = -1
		}
		next := k.selectedIndex() + step
		if next >= 0 && next < len(k.owner.rows) {
			k.Select(next)
			k.ScrollTo(next)
		}
	case fyne.KeyDelete:
		if k.owner.onDelete != nil {
			k.owner.onDelete()
		}
	default:
		k.List.TypedKey(ev)
	}
}

func (k *keyList) selectedIndex() int {
	for i, r := range k.owner.rows {
		if r.ID == k.owner.shownID {
			return i
		}
	}
	return -1
}

// reselect keeps the shown claim highlighted after the rows changed.
func (k *keyList) reselect() {
	if i := k.selectedIndex(); i >= 0 {
		k.Select(i)
		return
	}
	k.UnselectAll()
}

// claimRow is one entry of the claim list: the summary on top, then its
// status, rating chip, speaker and check-worthiness. Every row has the same
// two lines, so the list lays out in constant time however long it is.
type claimRow struct {
	widget.BaseWidget
	status, rating, speaker, summary, worth *widget.Label
	chip                                    *canvas.Rectangle
}

func newClaimRow() *claimRow {
	r := &claimRow{status: widget.NewLabel(""), rating: widget.NewLabel(""), speaker: widget.NewLabel(""),
		summary: widget.NewLabel(""), worth: widget.NewLabel(""), chip: canvas.NewRectangle(color.Transparent)}
	for _, l := range []*widget.Label{r.status, r.rating, r.speaker, r.summary} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.summary.TextStyle.Bold = true
	r.worth.Alignment = fyne.TextAlignTrailing
	r.chip.CornerRadius = 3
	r.chip.SetMinSize(fyne.NewSize(12, 12))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer puts the summary above a line of fixed columns, so that
// the details of every row line up.
func (r *claimRow) CreateRenderer() fyne.WidgetRenderer {
	chip := container.NewBorder(nil, nil, container.NewCenter(r.chip), nil, r.rating)
	details := container.New(rowLayout{}, r.status, chip, r.worth, r.speaker)
	return widget.NewSimpleRenderer(container.New(tightVBox{}, r.summary, details))
}

func (r *claimRow) set(s claims.ClaimSummary, scale *claims.RatingScale, conflict bool, words *rowWords) {
	r.summary.SetText(s.Summary)
	r.status.SetText(statusName(s.Status))
	if conflict {
		r.status.SetText(words.inConflict)
	}
	r.speaker.SetText(s.Speaker)
	r.worth.SetText(words.worthChecking(s.CheckWorthiness))
	r.rating.SetText(words.noVerdict)
	hex := ""
	if rating, ok := scale.Rating(s.Rating); ok {
		r.rating.SetText(rating.Label)
		hex = rating.Color
	}
	paintChip(r.chip, hex)
}

// rowWords are the words the rows show, looked up once per list rather than
// each time a row is drawn, which scrolling does for every row it brings in.
type rowWords struct {
	worth                 map[int]string // by whole percentage
	noVerdict, inConflict string
}

func newRowWords() *rowWords {
	return &rowWords{worth: map[int]string{},
		noVerdict: lang.L("list.no-verdict"), inConflict: lang.L("list.in-conflict")}
}

// worthChecking says how worth checking a claim is, from its score of 0 to 1.
func (w *rowWords) worthChecking(score float64) string {
	p := int(math.Round(100 * score))
	text, ok := w.worth[p]
	if !ok {
		text = lang.L("list.worth", map[string]any{"Percent": locale.Percent(p, 100, uiLanguage)})
		w.worth[p] = text
	}
	return text
}

// rowLayout places status, rating chip and check-worthiness in fixed
// columns and gives the speaker the rest of the line.
type rowLayout struct{}

var rowColumns = []float32{130, 150, 150}

// Layout places the line's cells: the fixed columns, then the speaker.
func (rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := max(size.Width-x, 0)
		if i < len(rowColumns) {
			w = min(rowColumns[i], w)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// MinSize is one text line high; the line may shrink, cutting the speaker.
func (rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(200, h)
}

// tightVBox stacks objects without the padding between them, so that a
// two-line row reads as one entry.
type tightVBox struct{}

// Layout stacks the objects at their minimum heights, full width.
func (tightVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height - theme.InnerPadding()/2
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

// MinSize is the sum of the heights.
func (tightVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - theme.InnerPadding()/2
	}
	return s
}
