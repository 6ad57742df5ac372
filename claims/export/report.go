package export

import (
	"slices"
	"strings"
	"time"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/claims/locale"
)

// report is a case file arranged as every report format lays it out: its
// articles in order, each with its claims numbered, rated and cited.
type report struct {
	Title        string
	Scope        string
	Settings     claims.Settings
	GeneratedAt  time.Time
	HistoryHead  string
	Articles     []articleView
	Distribution []ratingCount
	Sources      []*claims.Source // every cited source, oldest first
	Total        int
	Lang         string // the language of the report's own words
	T            labels // those words
	words        *assets.Words
}

type articleView struct {
	Article *claims.Article
	Claims  []claimView
}

type claimView struct {
	*claims.Claim
	Number   int
	Anchor   string         // the HTML id of the claim's section
	URL      string         // the published address of the verdict, or ""
	Rating   *claims.Rating // nil before a verdict
	Approval *claims.Review // the review that approved the current verdict
	Evidence []evidenceView
}

type evidenceView struct {
	*claims.Evidence
	Source *claims.Source
}

type ratingCount struct {
	Rating claims.Rating
	Count  int
}

// newReport arranges cf for a report whose own words are in lang, a
// language locale knows; the claims' text, sources and ratings stay as
// written.
func newReport(cf *claims.CaseFile, f claims.CaseFilter, now time.Time, lang string) *report {
	w := assets.WordsFor(lang)
	r := &report{
		Settings: cf.Settings, GeneratedAt: now.UTC(), HistoryHead: cf.HistoryHead,
		Total: len(cf.Claims), Lang: w.Language(), T: newLabels(w), words: w,
	}
	r.Scope = r.T.ScopeAll
	if f.PublishedOnly {
		r.Scope = r.T.ScopePublished
	}
	counts := map[string]int{}
	n := 0
	for _, a := range cf.Articles {
		av := articleView{Article: a}
		for _, c := range cf.ClaimsOf(a.ID) {
			n++
			cv := newClaimView(cf, c, n, f.PublishedOnly, w)
			if cv.Rating != nil {
				counts[cv.Rating.Key]++
			}
			av.Claims = append(av.Claims, cv)
		}
		r.Articles = append(r.Articles, av)
	}
	for _, rating := range cf.Settings.Scale.Ratings {
		r.Distribution = append(r.Distribution, ratingCount{rating, counts[rating.Key]})
	}
	r.Sources = citedSources(cf, f.PublishedOnly, w)
	r.Title = r.title()
	return r
}

func newClaimView(cf *claims.CaseFile, c *claims.Claim, n int, public bool, w *assets.Words) claimView {
	cv := claimView{Claim: c, Number: n, Anchor: "claim-" + c.ID, Approval: c.Approval()}
	if c.Verdict != nil {
		if rating, ok := cf.Settings.Scale.Rating(c.Verdict.Rating); ok {
			cv.Rating = &rating
		} else {
			// A rating from another scale, say after a merge: show its key
			// rather than hide the verdict.
			cv.Rating = &claims.Rating{Key: c.Verdict.Rating, Label: c.Verdict.Rating, Color: "#777777"}
		}
	}
	if base := cf.Settings.BaseURL; base != "" {
		cv.URL = strings.SplitN(base, "#", 2)[0] + "#" + cv.Anchor
	}
	for _, e := range cf.Evidence[c.ID] {
		s := cf.Sources[e.SourceID]
		if public && s != nil && s.Protected {
			s = withheld(s, w)
		}
		cv.Evidence = append(cv.Evidence, evidenceView{e, s})
	}
	return cv
}

// withheld stands for a protected source in a report for readers outside
// the newsroom: its grade stays, its identity does not.
func withheld(s *claims.Source, w *assets.Words) *claims.Source {
	return &claims.Source{ID: s.ID, Type: s.Type, Title: w.L("report.source.protected"), Reliability: s.Reliability, Protected: true}
}

func citedSources(cf *claims.CaseFile, public bool, w *assets.Words) []*claims.Source {
	var out []*claims.Source
	for _, s := range cf.Sources {
		if public && s.Protected {
			s = withheld(s, w)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *claims.Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func (r *report) title() string {
	if len(r.Articles) == 1 {
		return r.words.L("report.title.one", map[string]any{"Title": r.Articles[0].Article.Title})
	}
	return r.words.N("report.title.many", len(r.Articles))
}

// RatingLabel returns the label of a rating of the report's scale, or the
// key itself when the scale has no such rating.
func (r *report) RatingLabel(key string) string {
	if rating, ok := r.Settings.Scale.Rating(key); ok {
		return oneLine(rating.Label)
	}
	return oneLine(key)
}

// published reports whether readers can see the claim's verdict.
func (cv *claimView) published() bool {
	return cv.Status.IsPublic() && cv.Verdict != nil
}

// speakerLine names who made the claim, with their role and organisation.
func speakerLine(s claims.Speaker) string {
	var parts []string
	for _, p := range []string{s.Name, s.Role, s.Organization} {
		if p = oneLine(p); p != "" && !containsFold(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// citation formats a source as a reference list does: authors, title,
// publisher, date, in the language of w.
func citation(s *claims.Source, w *assets.Words) string {
	if s == nil {
		return w.L("report.source.missing")
	}
	return cite(s, locale.DateText(s.Issued, w.Language()))
}

// cite joins a source's authors, title, publisher and date of issue.
func cite(s *claims.Source, issued string) string {
	var parts []string
	if len(s.Authors) > 0 {
		parts = append(parts, strings.Join(s.Authors, ", "))
	}
	parts = append(parts, s.Title)
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if issued != "" {
		parts = append(parts, issued)
	}
	return oneLine(strings.Join(parts, ". "))
}

// date formats a time as an ISO calendar date, as machine-read formats
// want it, or "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(claims.DateLayout)
}
