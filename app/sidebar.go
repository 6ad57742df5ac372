package app

import (
	"context"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// progress counts an article's claims that are done out of those to check.
type progress struct{ published, toCheck int }

// fraction is how far the article's checking has come, 0 to 1.
func (p progress) fraction() float64 {
	if p.toCheck == 0 {
		return 0
	}
	return float64(p.published) / float64(p.toCheck)
}

// countProgress counts, per article and overall (""), the published claims
// and the claims to check: all live claims but those triaged out.
func countProgress(summaries []claims.ClaimSummary) map[string]progress {
	out := map[string]progress{}
	for _, s := range summaries {
		if s.Deleted || s.Status == claims.StatusNotCheckWorthy {
			continue
		}
		for _, key := range []string{s.ArticleID, ""} {
			p := out[key]
			p.toCheck++
			if s.Status.IsPublic() {
				p.published++
			}
			out[key] = p
		}
	}
	return out
}

// sidebar lists the database's articles, each with how far its checking has
// come; the first row stands for all articles.
type sidebar struct {
	env      *env
	onSelect func(articleID string)
	articles []*claims.Article
	progress map[string]progress
	list     *widget.List
	allTitle string // the first row's title, looked up once
	// chosen is the article of the row chosen last, if picked says a row
	// was; quiet is set while the row is highlighted again after a reload,
	// which chooses nothing new.
	chosen        string
	picked, quiet bool
}

func newSidebar(e *env, onSelect func(articleID string)) *sidebar {
	s := &sidebar{env: e, onSelect: onSelect, progress: map[string]progress{}, allTitle: lang.L("window.all-articles")}
	s.list = widget.NewList(s.count, newArticleRow, s.update)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.chosen, s.picked = s.articleAt(id), true
		if !s.quiet {
			s.onSelect(s.chosen)
		}
	}
	return s
}

// keepChoice highlights, once loaded, the row chosen in old: the sidebar
// built again in another language shows what old showed.
func (s *sidebar) keepChoice(old *sidebar) {
	s.chosen, s.picked = old.chosen, old.picked
}

// highlight selects the chosen row again, without choosing it again.
func (s *sidebar) highlight() {
	if !s.picked {
		return
	}
	for row := range s.count() {
		if s.articleAt(row) == s.chosen {
			s.quiet = true
			s.list.Select(row)
			s.quiet = false
			return
		}
	}
	s.list.UnselectAll()
}

func (s *sidebar) object() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("sidebar.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, nil, nil, nil, s.list)
}

// reload reads the articles and their claims' progress.
func (s *sidebar) reload() {
	var articles []*claims.Article
	var counts map[string]progress
	s.env.run(func() error {
		var err error
		if articles, err = s.env.store.FindArticles(context.Background()); err != nil {
			return err
		}
		all, _, err := s.env.store.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
		counts = countProgress(all)
		return err
	}, func() {
		s.articles, s.progress = articles, counts
		s.list.Refresh()
		s.highlight()
	})
}

func (s *sidebar) count() int { return len(s.articles) + 1 }

// articleAt returns the article ID of row id; row 0 is all articles.
func (s *sidebar) articleAt(id widget.ListItemID) string {
	if id <= 0 || id > len(s.articles) {
		return ""
	}
	return s.articles[id-1].ID
}

// titleOf returns the title of a listed article, or "".
func (s *sidebar) titleOf(articleID string) string {
	for _, a := range s.articles {
		if a.ID == articleID {
			return a.Title
		}
	}
	return ""
}

// articleRow is a sidebar row: the title above a progress bar.
type articleRow struct {
	widget.BaseWidget
	title *widget.Label
	bar   *widget.ProgressBar
}

func newArticleRow() fyne.CanvasObject {
	r := &articleRow{title: widget.NewLabel(""), bar: widget.NewProgressBar()}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the title on the progress bar.
func (r *articleRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.title, r.bar))
}

func (s *sidebar) update(id widget.ListItemID, obj fyne.CanvasObject) {
	row := obj.(*articleRow)
	articleID, title := s.articleAt(id), s.allTitle
	if articleID != "" {
		title = s.articles[id-1].Title
	}
	p := s.progress[articleID]
	row.title.SetText(title)
	text := lang.N("sidebar.progress", p.published, map[string]any{"Count": formatInt(p.published), "Total": formatInt(p.toCheck)})
	row.bar.TextFormatter = func() string { return text }
	row.bar.SetValue(p.fraction())
}
