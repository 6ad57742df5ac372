package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"claimdesk/claims"
)

// writeMarkdown writes the report as CommonMark. Every field is escaped so
// that it reads as the text it is; a rationale, written in Markdown, keeps
// its formatting but not raw HTML.
func writeMarkdown(w io.Writer, r *report) error {
	md := &mdWriter{w: bufio.NewWriter(w)}
	md.header(r)
	for _, av := range r.Articles {
		md.article(av)
	}
	md.distribution(r)
	for _, av := range r.Articles {
		for i := range av.Claims {
			md.claim(r, av, &av.Claims[i])
		}
	}
	md.methodology(r)
	return md.w.Flush()
}

type mdWriter struct {
	w *bufio.Writer
}

func (md *mdWriter) printf(format string, args ...any) {
	fmt.Fprintf(md.w, format, args...)
}

func (md *mdWriter) header(r *report) {
	md.printf("# %s\n\n", mdText(r.Title))
	if org := oneLine(r.Settings.Organization); org != "" {
		md.printf("**%s**  \n", mdText(org))
	}
	plural := "s"
	if r.Total == 1 {
		plural = ""
	}
	md.printf("%s · %d claim%s · generated %s\n\n", r.Scope, r.Total, plural, stamp(r.GeneratedAt))
}

func (md *mdWriter) article(av articleView) {
	a := av.Article
	md.printf("## %s\n\n", mdText(a.Title))
	var meta []string
	if outlet := oneLine(a.Outlet); outlet != "" {
		meta = append(meta, mdText(outlet))
	}
	if a.PublishedOn != "" {
		meta = append(meta, "published "+a.PublishedOn)
	}
	if u := webURL(a.URL); u != "" {
		meta = append(meta, "<"+u+">")
	}
	if len(meta) > 0 {
		md.printf("%s\n\n", strings.Join(meta, " · "))
	}
	if len(av.Claims) == 0 {
		md.printf("*No claims of this article are in this report.*\n\n")
		return
	}
	md.printf("| # | Claim | Speaker | Status | Rating |\n|---|---|---|---|---|\n")
	for _, cv := range av.Claims {
		md.printf("| [%d](#%s) | %s | %s | %s | %s |\n", cv.Number, cv.Anchor, mdCell(shorten(cv.Summary, 140)),
			mdCell(shorten(cv.Speaker.Name, 60)), cv.Status.Label(), mdCell(ratingName(&cv)))
	}
	md.printf("\n")
}

func ratingName(cv *claimView) string {
	if cv.Rating == nil {
		return "no verdict"
	}
	return shorten(cv.Rating.Label, 40)
}

func (md *mdWriter) distribution(r *report) {
	md.printf("## Verdicts\n\n| Rating | Claims |\n|---|---:|\n")
	for _, c := range r.Distribution {
		md.printf("| %s | %d |\n", mdCell(shorten(c.Rating.Label, 40)), c.Count)
	}
	md.printf("\n")
}

func (md *mdWriter) claim(r *report, av articleView, cv *claimView) {
	md.printf("<a id=\"%s\"></a>\n\n## Claim %d — %s", cv.Anchor, cv.Number, mdText(ratingName(cv)))
	if !cv.Status.IsPublic() {
		md.printf(" (%s, not published)", cv.Status.Label())
	}
	md.printf("\n\n%s\n\n", mdQuote("« "+clean(cv.Text)+" »"))
	speaker := speakerLine(cv.Speaker)
	if speaker == "" {
		speaker = "speaker not identified"
	}
	md.printf("— %s", mdText(speaker))
	if cv.ClaimDate != "" {
		md.printf(", %s", cv.ClaimDate)
	}
	md.printf(" · in *%s*\n\n", mdText(av.Article.Title))
	if v := cv.Verdict; v != nil {
		md.printf("**%s.** %s\n\n", mdText(ratingName(cv)), mdParagraphs(v.Explanation))
		if strings.TrimSpace(v.Rationale) != "" {
			md.printf("%s\n\n", mdRationale(v.Rationale))
		}
		if strings.TrimSpace(v.Methodology) != "" {
			md.printf("### How we checked\n\n%s\n\n", mdParagraphs(v.Methodology))
		}
	}
	md.evidence(cv)
	md.review(cv)
	md.corrections(r, cv)
}

func (md *mdWriter) evidence(cv *claimView) {
	md.printf("### Evidence\n\n")
	if len(cv.Evidence) == 0 {
		md.printf("*No evidence attached.*\n\n")
		return
	}
	for i, ev := range cv.Evidence {
		md.printf("%d. **%s**", i+1, stanceLabel(ev.Stance))
		if ev.Source != nil {
			md.printf(" · reliability %s  \n   %s", ev.Source.Reliability.Label(), mdText(citation(ev.Source)))
		}
		if ex := oneLine(ev.Excerpt); ex != "" {
			md.printf("  \n   « %s »", mdText(ex))
		}
		if loc := oneLine(ev.Locator); loc != "" {
			md.printf(" (%s)", mdText(loc))
		}
		if note := oneLine(ev.Note); note != "" {
			md.printf("  \n   %s", mdText(note))
		}
		if links := sourceLinks(ev.Source); links != "" {
			md.printf("  \n   %s", links)
		}
		md.printf("\n")
	}
	md.printf("\n")
}

// sourceLinks links a source and its archived copy, and dates the access.
func sourceLinks(s *claims.Source) string {
	if s == nil {
		return ""
	}
	var parts []string
	if u := webURL(s.URL); u != "" {
		parts = append(parts, "[source](<"+u+">)")
	}
	if u := webURL(s.ArchiveURL); u != "" {
		parts = append(parts, "[archived copy](<"+u+">)")
	}
	if s.Accessed != "" {
		parts = append(parts, "accessed "+s.Accessed)
	}
	return strings.Join(parts, " · ")
}

func (md *mdWriter) review(cv *claimView) {
	md.printf("### Review\n\n")
	if v := cv.Verdict; v != nil {
		md.printf("- Verdict by: %s, %s\n", mdText(oneLine(v.Author)), stamp(v.UpdatedAt))
	}
	if a := cv.Approval; a != nil {
		md.printf("- Approved by: %s, %s", mdText(oneLine(a.Reviewer)), stamp(a.At))
		if c := oneLine(a.Comment); c != "" {
			md.printf(" — « %s »", mdText(c))
		}
		md.printf("\n")
	} else {
		md.printf("- Approved by: not approved yet\n")
	}
	if !cv.PublishedAt.IsZero() {
		md.printf("- Published: %s\n", stamp(cv.PublishedAt))
	}
	if u := webURL(cv.URL); u != "" && cv.Status.IsPublic() {
		md.printf("- Address: <%s>\n", u)
	}
	md.printf("\n")
}

func (md *mdWriter) corrections(r *report, cv *claimView) {
	if len(cv.Corrections) == 0 {
		return
	}
	md.printf("### Corrections\n\n")
	for _, c := range cv.Corrections {
		md.printf("- **%s** — rating changed from %s to %s.", stamp(c.At), mdText(r.RatingLabel(c.OldRating)), mdText(r.RatingLabel(c.NewRating)))
		if note := oneLine(c.PublicNote); note != "" {
			md.printf(" %s", mdText(note))
		}
		md.printf("\n")
	}
	md.printf("\n")
}

func (md *mdWriter) methodology(r *report) {
	md.printf("## Methodology\n\n")
	md.printf("Every claim is quoted word for word from a frozen copy of its article. Each verdict rests on the evidence listed with it: " +
		"the excerpt that supports, refutes or puts the claim in context, the source's reliability on the A–F scale below, and an archived copy where one exists.")
	if r.Settings.RequireSecondReviewer {
		md.printf(" A verdict is published only after a second reviewer, other than its author, has approved it.")
	}
	md.printf("\n\n### Rating scale: %s\n\n| Rating | Value (%d worst – %d best) |\n|---|---:|\n", mdText(oneLine(r.Settings.Scale.Name)), r.Settings.Scale.Worst, r.Settings.Scale.Best)
	for _, rating := range r.Settings.Scale.Ratings {
		md.printf("| %s | %d |\n", mdCell(shorten(rating.Label, 40)), rating.Value)
	}
	md.printf("\n### Source reliability\n\nA – completely reliable · B – usually reliable · C – fairly reliable · " +
		"D – not usually reliable · E – unreliable · F – reliability cannot be judged.\n\n")
	head := r.HistoryHead
	if head == "" {
		head = "(no history)"
	}
	md.printf("### Checking this report\n\nThis report was made from a ClaimDesk database whose tamper-evident history ended, when the report was generated, "+
		"with the event whose SHA-256 is `%s`. Running `claimdesk history --verify` on the database shows the same hash, or a later one whose chain leads back to it.\n\n", head)
	md.printf("---\n\nGenerated by ClaimDesk on %s · history head `%s`\n", stamp(r.GeneratedAt), head)
}

// mdText escapes text for CommonMark: the characters that start inline
// markup anywhere, and those that start a block at the beginning of a line.
// Leading spaces go, so no line becomes a code block.
func mdText(s string) string {
	lines := strings.Split(clean(s), "\n")
	for i, line := range lines {
		lines[i] = mdLine(strings.TrimLeft(line, " \t"))
	}
	return strings.Join(lines, "\n")
}

func mdLine(line string) string {
	var b strings.Builder
	b.Grow(len(line) + 4)
	digits := 0
	for i, r := range line {
		switch {
		case strings.ContainsRune("\\`*_[]<>|~&!", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#>-+=", r):
			b.WriteByte('\\')
		case i == digits && digits > 0 && (r == '.' || r == ')'):
			b.WriteByte('\\') // "1." or "1)" would start a list
		}
		if r >= '0' && r <= '9' && i == digits {
			digits++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdParagraphs escapes multi-line text, keeping its line breaks.
func mdParagraphs(s string) string {
	return strings.ReplaceAll(mdText(strings.TrimSpace(s)), "\n", "  \n")
}

// mdCell escapes text for a table cell, on one line.
func mdCell(s string) string {
	return mdText(oneLine(s))
}

// mdQuote writes text as a block quote.
func mdQuote(s string) string {
	return "> " + strings.ReplaceAll(mdText(s), "\n", "\n> ")
}

// mdRationale returns a rationale's Markdown as written when a CommonMark
// parser finds in it nothing but text, formatting and web links; raw HTML
// or a link to another scheme (javascript:, data:...) turns the whole
// rationale into escaped text, since a reader's renderer may not be safe.
func mdRationale(s string) string {
	s = clean(s)
	if markdownIsInert(s) {
		return s
	}
	return mdParagraphs(s)
}

func markdownIsInert(s string) bool {
	src := []byte(s)
	doc := markdownRenderer.Parser().Parse(text.NewReader(src))
	inert := true
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			inert = false
		case *ast.Link:
			inert = inert && safeDestination(string(n.Destination))
		case *ast.Image:
			inert = inert && safeDestination(string(n.Destination))
		case *ast.AutoLink:
			inert = inert && safeDestination(string(n.URL(src)))
		}
		if !inert {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return inert
}

// safeDestination accepts web addresses and links within the page.
func safeDestination(dest string) bool {
	return webURL(dest) != "" || (strings.HasPrefix(dest, "#") && !strings.ContainsAny(dest, ":\"'<> "))
}
