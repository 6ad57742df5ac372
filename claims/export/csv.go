package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// csvHeader names the columns of the CSV export, one row per claim.
var csvHeader = []string{
	"number", "claim_id", "article", "article_url", "status", "speaker", "speaker_role", "speaker_organization",
	"claim_date", "kind", "text", "summary", "tags", "rating", "rating_label", "rating_value", "explanation",
	"verdict_author", "approved_by", "approved_at", "published_at", "corrections", "evidence", "sources", "verdict_url",
}

// maxCell is the longest text a spreadsheet cell holds (Excel's limit).
const maxCell = 32_767

// writeCSV writes one RFC 4180 row per claim, UTF-8 with a byte order mark
// so that Excel reads the accents right.
func writeCSV(w io.Writer, r *report) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, av := range r.Articles {
		for i := range av.Claims {
			if err := cw.Write(csvRow(av, &av.Claims[i])); err != nil {
				return fmt.Errorf("write the CSV: %w", err)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(av articleView, cv *claimView) []string {
	var rating, label, value, explanation, author, approvedBy, approvedAt string
	if cv.Verdict != nil {
		rating, label, value = cv.Verdict.Rating, cv.Rating.Label, strconv.Itoa(cv.Rating.Value)
		explanation, author = cv.Verdict.Explanation, cv.Verdict.Author
	}
	if cv.Approval != nil {
		approvedBy, approvedAt = cv.Approval.Reviewer, stamp(cv.Approval.At)
	}
	verdictURL := ""
	if cv.published() {
		verdictURL = cv.URL
	}
	var sources []string
	for _, ev := range cv.Evidence {
		sources = append(sources, citation(ev.Source))
	}
	row := []string{
		strconv.Itoa(cv.Number), cv.ID, av.Article.Title, av.Article.URL, cv.Status.Label(),
		cv.Speaker.Name, cv.Speaker.Role, cv.Speaker.Organization, cv.ClaimDate, cv.Kind.Label(),
		cv.Text, cv.Summary, strings.Join(cv.Tags, "; "), rating, label, value, explanation,
		author, approvedBy, approvedAt, stamp(cv.PublishedAt), strconv.Itoa(len(cv.Corrections)),
		strconv.Itoa(len(cv.Evidence)), strings.Join(sources, " | "), verdictURL,
	}
	for i, cell := range row {
		row[i] = safeCell(cell)
	}
	return row
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
