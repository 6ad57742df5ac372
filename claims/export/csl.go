package export

import (
	"io"
	"strings"
	"time"

	"claimdesk/claims"
)

// cslItem is a source as CSL-JSON describes it, the format Zotero, Mendeley
// and pandoc import.
type cslItem struct {
	ID              string    `json:"id"`
	Type            string    `json:"type"`
	Title           string    `json:"title"`
	Author          []cslName `json:"author,omitempty"`
	ContainerTitle  string    `json:"container-title,omitempty"`
	Publisher       string    `json:"publisher,omitempty"`
	Issued          *cslDate  `json:"issued,omitempty"`
	Accessed        *cslDate  `json:"accessed,omitempty"`
	URL             string    `json:"URL,omitempty"`
	DOI             string    `json:"DOI,omitempty"`
	Archive         string    `json:"archive,omitempty"`
	ArchiveLocation string    `json:"archive_location,omitempty"`
	Note            string    `json:"note,omitempty"`
}

// cslName keeps a name whole (literal): splitting "Kim Soo-yeon" or "OTAN"
// into given and family names would get many of them wrong.
type cslName struct {
	Literal string `json:"literal"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// writeCSL writes the cited sources as a CSL-JSON array. Protected sources
// are left out: their identity stays in the newsroom.
func writeCSL(w io.Writer, r *report) error {
	items := []cslItem{}
	for _, s := range r.Sources {
		if s.Protected {
			continue
		}
		item := cslItem{
			ID: s.ID, Type: string(s.Type), Title: oneLine(s.Title), Publisher: oneLine(s.Publisher),
			Issued: cslDateOf(s.Issued), Accessed: cslDateOf(s.Accessed),
			URL: webURL(s.URL), DOI: oneLine(s.DOI), ArchiveLocation: webURL(s.ArchiveURL),
		}
		if s.Reliability.Valid() {
			item.Note = r.words.L("report.csl.reliability", map[string]any{"Grade": r.ReliabilityName(s.Reliability)})
		}
		if item.ArchiveLocation != "" {
			item.Archive = archiveName(item.ArchiveLocation)
		}
		if s.Type == "article-newspaper" || s.Type == "article-journal" || s.Type == "webpage" {
			item.ContainerTitle, item.Publisher = item.Publisher, ""
		}
		for _, a := range s.Authors {
			item.Author = append(item.Author, cslName{oneLine(a)})
		}
		items = append(items, item)
	}
	raw, err := marshalLD(items, "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(raw)
	return err
}

// cslDateOf turns YYYY-MM-DD into CSL date parts, or nil.
func cslDateOf(s string) *cslDate {
	t, err := time.Parse(claims.DateLayout, s)
	if err != nil {
		return nil
	}
	return &cslDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
}

// archiveName names the web archive an archive URL belongs to.
func archiveName(u string) string {
	switch {
	case strings.Contains(u, "web.archive.org"):
		return "Internet Archive"
	case strings.Contains(u, "archive.ph"), strings.Contains(u, "archive.today"), strings.Contains(u, "archive.is"):
		return "archive.today"
	case strings.Contains(u, "perma.cc"):
		return "Perma.cc"
	}
	return ""
}
