package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"claimdesk/claims"
)

// writeMarkdown writes the report as CommonMark. Every field is escaped so
// that it reads as the text it is; a rationale, written in Markdown, keeps
// its formatting but not raw HTML.
func writeMarkdown(w io.Writer, r *report) error {
	md := &mdWriter{w: bufio.NewWriter(w), r: r}
	md.header()
	for _, av := range r.Articles {
		md.article(av)
	}
	md.distribution()
	for _, av := range r.Articles {
		for i := range av.Claims {
			md.claim(av, &av.Claims[i])
		}
	}
	md.methodology()
	return md.w.Flush()
}

type mdWriter struct {
	w *bufio.Writer
	r *report
}

func (md *mdWriter) printf(format string, args ...any) {
	fmt.Fprintf(md.w, format, args...)
}

func (md *mdWriter) header() {
	r := md.r
	md.printf("# %s\n\n", mdText(r.Title))
	if org := oneLine(r.Settings.Organization); org != "" {
		md.printf("**%s**  \n", mdText(org))
	}
	md.printf("%s · %s · %s\n\n", r.Scope, r.ClaimCount(), r.Generated())
	if len(r.Articles) == 0 {
		md.printf("*%s*\n\n", r.T.NoClaims)
	}
}

func (md *mdWriter) article(av articleView) {
	r, a := md.r, av.Article
	md.printf("## %s\n\n", mdText(a.Title))
	var meta []string
	if outlet := oneLine(a.Outlet); outlet != "" {
		meta = append(meta, mdText(outlet))
	}
	if a.PublishedOn != "" {
		meta = append(meta, mdText(r.PublishedOn(a.PublishedOn)))
	}
	if u := webURL(a.URL); u != "" {
		meta = append(meta, "<"+u+">")
	}
	if len(meta) > 0 {
		md.printf("%s\n\n", strings.Join(meta, " · "))
	}
	if len(av.Claims) == 0 {
		md.printf("*%s*\n\n", r.T.NoClaimsInArticle)
		return
	}
	md.printf("| # | %s | %s | %s | %s |\n|---|---|---|---|---|\n", r.T.Claim, r.T.Speaker, r.T.Status, r.T.Rating)
	for _, cv := range av.Claims {
		md.printf("| [%d](#%s) | %s | %s | %s | %s |\n", cv.Number, cv.Anchor, mdCell(shorten(cv.Summary, 140)),
			mdCell(shorten(cv.Speaker.Name, 60)), r.StatusName(cv.Status), mdCell(md.ratingName(&cv)))
	}
	md.printf("\n")
}

func (md *mdWriter) ratingName(cv *claimView) string {
	if cv.Rating == nil {
		return md.r.T.NoVerdict
	}
	return shorten(cv.Rating.Label, 40)
}

func (md *mdWriter) distribution() {
	r := md.r
	md.printf("## %s\n\n| %s | %s |\n|---|---:|\n", r.T.Distribution, r.T.Rating, r.T.Claims)
	for _, c := range r.Distribution {
		md.printf("| %s | %s |\n", mdCell(shorten(c.Rating.Label, 40)), r.Int(c.Count))
	}
	md.printf("\n")
}

func (md *mdWriter) claim(av articleView, cv *claimView) {
	r := md.r
	md.printf("<a id=\"%s\"></a>\n\n## %s — %s", cv.Anchor, r.ClaimTitle(cv.Number), mdText(md.ratingName(cv)))
	if !cv.Status.IsPublic() {
		md.printf(" (%s, %s)", r.StatusName(cv.Status), r.T.NotPublished)
	}
	md.printf("\n\n%s\n\n", mdQuote(r.quoted(clean(cv.Text))))
	speaker := speakerLine(cv.Speaker)
	if speaker == "" {
		speaker = r.T.SpeakerUnknown
	}
	md.printf("— %s", mdText(speaker))
	if cv.ClaimDate != "" {
		md.printf(", %s", mdText(r.Day(cv.ClaimDate)))
	}
	md.printf(" · %s *%s*\n\n", r.T.SaidIn, mdText(av.Article.Title))
	if v := cv.Verdict; v != nil {
		md.printf("**%s.** %s\n\n", mdText(md.ratingName(cv)), mdParagraphs(v.Explanation))
		if strings.TrimSpace(v.Rationale) != "" {
			md.printf("%s\n\n", mdRationale(v.Rationale))
		}
		if strings.TrimSpace(v.Methodology) != "" {
			md.printf("### %s\n\n%s\n\n", r.T.HowWeChecked, mdParagraphs(v.Methodology))
		}
	}
	md.evidence(cv)
	md.review(cv)
	md.corrections(cv)
}

func (md *mdWriter) evidence(cv *claimView) {
	r := md.r
	md.printf("### %s\n\n", r.T.Evidence)
	if len(cv.Evidence) == 0 {
		md.printf("*%s*\n\n", r.T.NoEvidence)
		return
	}
	for i, ev := range cv.Evidence {
		md.printf("%d. **%s**", i+1, mdText(r.StanceName(ev.Stance)))
		if ev.Source != nil {
			md.printf(" · %s  \n   %s", r.ReliabilityOf(ev.Source.Reliability), mdText(r.Citation(ev.Source)))
		}
		if ex := oneLine(ev.Excerpt); ex != "" {
			md.printf("  \n   %s", mdText(r.quoted(ex)))
		}
		if loc := oneLine(ev.Locator); loc != "" {
			md.printf(" (%s)", mdText(loc))
		}
		if note := oneLine(ev.Note); note != "" {
			md.printf("  \n   %s", mdText(note))
		}
		if links := md.sourceLinks(ev.Source); links != "" {
			md.printf("  \n   %s", links)
		}
		md.printf("\n")
	}
	md.printf("\n")
}

// sourceLinks links a source and its archived copy, and dates the access.
func (md *mdWriter) sourceLinks(s *claims.Source) string {
	if s == nil {
		return ""
	}
	r := md.r
	var parts []string
	if u := webURL(s.URL); u != "" {
		parts = append(parts, "["+r.T.SourceLink+"](<"+u+">)")
	}
	if u := webURL(s.ArchiveURL); u != "" {
		parts = append(parts, "["+r.T.ArchiveLink+"](<"+u+">)")
	}
	if s.Accessed != "" {
		parts = append(parts, mdText(r.AccessedOn(s.Accessed)))
	}
	return strings.Join(parts, " · ")
}

func (md *mdWriter) review(cv *claimView) {
	r := md.r
	md.printf("### %s\n\n", r.T.Review)
	if v := cv.Verdict; v != nil {
		md.printf("- %s %s, %s\n", r.fieldLabel(r.T.VerdictBy), mdText(oneLine(v.Author)), r.Stamp(v.UpdatedAt))
	}
	if a := cv.Approval; a != nil {
		md.printf("- %s %s, %s", r.fieldLabel(r.T.ApprovedBy), mdText(oneLine(a.Reviewer)), r.Stamp(a.At))
		if c := oneLine(a.Comment); c != "" {
			md.printf(" — %s", mdText(r.quoted(c)))
		}
		md.printf("\n")
	} else {
		md.printf("- %s %s\n", r.fieldLabel(r.T.ApprovedBy), r.T.NotApproved)
	}
	if !cv.PublishedAt.IsZero() {
		md.printf("- %s %s\n", r.fieldLabel(r.T.Published), r.Stamp(cv.PublishedAt))
	}
	if u := webURL(cv.URL); u != "" && cv.Status.IsPublic() {
		md.printf("- %s <%s>\n", r.fieldLabel(r.T.Address), u)
	}
	md.printf("\n")
}

func (md *mdWriter) corrections(cv *claimView) {
	if len(cv.Corrections) == 0 {
		return
	}
	r := md.r
	md.printf("### %s\n\n", r.T.Corrections)
	for _, c := range cv.Corrections {
		md.printf("- **%s** — %s", r.Stamp(c.At), r.RatingChange(mdText(r.RatingLabel(c.OldRating)), mdText(r.RatingLabel(c.NewRating))))
		if note := oneLine(c.PublicNote); note != "" {
			md.printf(" %s", mdText(note))
		}
		md.printf("\n")
	}
	md.printf("\n")
}

func (md *mdWriter) methodology() {
	r := md.r
	md.printf("## %s\n\n%s %s\n\n", r.T.Methodology, r.T.MethodIntro, r.ReviewRule())
	md.printf("### %s\n\n%s\n\n| %s | %s |\n|---|---:|\n", mdText(r.ScaleTitle()), mdText(r.ScaleValues()), r.T.Rating, r.T.Value)
	for _, rating := range r.Settings.Scale.Ratings {
		md.printf("| %s | %s |\n", mdCell(shorten(rating.Label, 40)), r.Int(rating.Value))
	}
	md.printf("\n### %s\n\n%s\n\n", r.T.SourceReliability, r.T.ReliabilityScale)
	for _, g := range r.ReliabilityGrades() {
		md.printf("- %s\n", g)
	}
	md.printf("\n### %s\n\n", r.T.Verify)
	head := r.HistoryHead
	if head == "" {
		md.printf("%s\n\n", r.T.NoHistory)
		head = r.T.NoHistoryHash
	} else {
		md.printf("%s\n\n    %s\n\n%s\n\n    claimdesk history --verify\n\n", r.T.VerifyMadeFrom, oneLine(head), r.T.VerifyHow)
	}
	md.printf("---\n\n%s · %s `%s`\n", r.Footer(), r.T.HistoryHash, oneLine(head))
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
