package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"claimdesk/assets"
	"claimdesk/claims"
)

// csvHeader names the columns of the CSV export, one row per claim, in the
// report's language, each name one word in snake_case so that scripts can
// still pick a column by name.
func csvHeader(r *report) []string {
	w := r.words
	return []string{
		w.L("report.csv.number"), w.L("report.csv.claim-id"), w.L("report.csv.article"), w.L("report.csv.article-url"),
		w.L("report.csv.status"), w.L("report.csv.speaker"), w.L("report.csv.speaker-role"),
		w.L("report.csv.speaker-organization"), w.L("report.csv.claim-date"), w.L("report.csv.kind"),
		w.L("report.csv.text"), w.L("report.csv.summary"), w.L("report.csv.tags"), w.L("report.csv.rating"),
		w.L("report.csv.rating-label"), w.L("report.csv.rating-value"), w.L("report.csv.explanation"),
		w.L("report.csv.verdict-author"), w.L("report.csv.approved-by"), w.L("report.csv.approved-at"),
		w.L("report.csv.published-at"), w.L("report.csv.corrections"), w.L("report.csv.evidence"),
		w.L("report.csv.sources"), w.L("report.csv.verdict-url"),
	}
}

// maxCell is the longest text a spreadsheet cell holds (Excel's limit).
const maxCell = 32_767

// writeCSV writes one RFC 4180 row per claim, UTF-8 with a byte order mark
// so that Excel reads the accents right.
func writeCSV(w io.Writer, r *report) error {
	cw, err := startCSV(w, r.words)
	if err != nil {
		return err
	}
	if err := writeCSVRows(cw, r, 0); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// streamCSV is writeCSV one article at a time, as the store reads them: an
// export of every claim of a large file holds one article's claims, not
// all of them, and its rows are numbered as the whole report numbers them.
func streamCSV(ctx context.Context, st claims.Store, w io.Writer, req Request, lang string) error {
	cw, err := startCSV(w, assets.WordsFor(lang))
	if err != nil {
		return err
	}
	numbered := 0
	err = st.EachCase(ctx, req.Filter, func(cf *claims.CaseFile) error {
		now := req.Now
		if now.IsZero() {
			now = cf.ReadAt
		}
		r := newReport(cf, req.Filter, now, lang)
		if err := writeCSVRows(cw, r, numbered); err != nil {
			return err
		}
		numbered += r.Total
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the claims to export: %w", err)
	}
	cw.Flush()
	return cw.Error()
}

// startCSV writes the byte order mark and the header row.
func startCSV(w io.Writer, words *assets.Words) (*csv.Writer, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw, cw.Write(csvHeader(&report{words: words}))
}

// writeCSVRows writes a report's rows, numbered after the first numbered
// claims of the export.
func writeCSVRows(cw *csv.Writer, r *report, numbered int) error {
	for _, av := range r.Articles {
		for i := range av.Claims {
			cv := av.Claims[i]
			cv.Number += numbered
			if err := cw.Write(csvRow(r, av, &cv)); err != nil {
				return fmt.Errorf("write the CSV: %w", err)
			}
		}
	}
	return nil
}

// csvRow writes a claim's cells. Dates stay in ISO order in every language:
// a spreadsheet sorts and reads them as dates whatever its locale.
func csvRow(r *report, av articleView, cv *claimView) []string {
	var rating, label, value, explanation, author, approvedBy, approvedAt string
	if cv.Verdict != nil {
		rating, label, value = cv.Verdict.Rating, cv.Rating.Label, strconv.Itoa(cv.Rating.Value)
		explanation, author = cv.Verdict.Explanation, cv.Verdict.Author
	}
	if cv.Approval != nil {
		approvedBy, approvedAt = cv.Approval.Reviewer, csvStamp(cv.Approval.At)
	}
	verdictURL := ""
	if cv.published() {
		verdictURL = cv.URL
	}
	var sources []string
	for _, ev := range cv.Evidence {
		if ev.Source == nil {
			sources = append(sources, r.Citation(nil))
		} else {
			sources = append(sources, cite(ev.Source, ev.Source.Issued))
		}
	}
	row := []string{
		strconv.Itoa(cv.Number), cv.ID, av.Article.Title, av.Article.URL, r.StatusName(cv.Status),
		cv.Speaker.Name, cv.Speaker.Role, cv.Speaker.Organization, cv.ClaimDate, r.KindName(cv.Kind),
		cv.Text, cv.Summary, strings.Join(cv.Tags, "; "), rating, label, value, explanation,
		author, approvedBy, approvedAt, csvStamp(cv.PublishedAt), strconv.Itoa(len(cv.Corrections)),
		strconv.Itoa(len(cv.Evidence)), strings.Join(sources, " | "), verdictURL,
	}
	for i, cell := range row {
		row[i] = safeCell(cell)
	}
	return row
}

// csvStamp writes a time to the minute in UTC, or "" for the zero time.
func csvStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// safeCell makes text inert in a spreadsheet: a cell that starts with what
// Excel or LibreOffice reads as a formula (=, +, -, @, or a tab or carriage
// return before one) gets a leading apostrophe, as OWASP advises; the text
// is cleaned and cut to what a cell holds.
func safeCell(s string) string {
	s = clean(s)
	if utf8.RuneCountInString(s) > maxCell {
		s = string([]rune(s)[:maxCell-1]) + "…"
	}
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
