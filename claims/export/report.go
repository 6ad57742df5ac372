package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"claimdesk/claims"
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

func newReport(cf *claims.CaseFile, f claims.CaseFilter, now time.Time) *report {
	r := &report{
		Settings: cf.Settings, GeneratedAt: now.UTC(), HistoryHead: cf.HistoryHead,
		Scope: "All claims", Total: len(cf.Claims),
	}
	if f.PublishedOnly {
		r.Scope = "Published verdicts only"
	}
	counts := map[string]int{}
	n := 0
	for _, a := range cf.Articles {
		av := articleView{Article: a}
		for _, c := range cf.ClaimsOf(a.ID) {
			n++
			cv := newClaimView(cf, c, n, f.PublishedOnly)
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
	r.Sources = citedSources(cf, f.PublishedOnly)
	r.Title = reportTitle(r.Articles)
	return r
}

func newClaimView(cf *claims.CaseFile, c *claims.Claim, n int, public bool) claimView {
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
			s = withheld(s)
		}
		cv.Evidence = append(cv.Evidence, evidenceView{e, s})
	}
	return cv
}

// withheld stands for a protected source in a report for readers outside
// the newsroom: its grade stays, its identity does not.
func withheld(s *claims.Source) *claims.Source {
	return &claims.Source{ID: s.ID, Type: s.Type, Title: "Protected source (identity withheld)", Reliability: s.Reliability, Protected: true}
}

func citedSources(cf *claims.CaseFile, public bool) []*claims.Source {
	var out []*claims.Source
	for _, s := range cf.Sources {
		if public && s.Protected {
			s = withheld(s)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *claims.Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func reportTitle(articles []articleView) string {
	if len(articles) == 1 {
		return "Fact-check: " + articles[0].Article.Title
	}
	return fmt.Sprintf("Fact-check report: %d articles", len(articles))
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
// publisher, date.
func citation(s *claims.Source) string {
	if s == nil {
		return "(source missing)"
	}
	var parts []string
	if len(s.Authors) > 0 {
		parts = append(parts, strings.Join(s.Authors, ", "))
	}
	parts = append(parts, s.Title)
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if s.Issued != "" {
		parts = append(parts, s.Issued)
	}
	return oneLine(strings.Join(parts, ". "))
}

// date formats a time as a calendar date, or "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(claims.DateLayout)
}

// stamp formats a time to the minute, in UTC so every reader sees the same.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}
