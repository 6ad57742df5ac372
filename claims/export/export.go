// Package export writes a case file in the formats its readers already use:
// a printable report (HTML, PDF, Markdown), schema.org ClaimReview JSON-LD
// for search engines and fact-check aggregators, CSV for spreadsheets and
// CSL-JSON for reference managers. Every field is treated as hostile: each
// format escapes or neutralises what could run, mislead or break it.
package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"
)

// Format names an export format.
type Format string

// The export formats. The values are what `claimdesk export --format` takes.
const (
	HTML        Format = "html"
	PDF         Format = "pdf"
	Markdown    Format = "md"
	ClaimReview Format = "claimreview"
	CSV         Format = "csv"
	CSL         Format = "csl"
	JSON        Format = "json"
)

// Formats lists every format in the order menus show them.
var Formats = []Format{HTML, PDF, Markdown, ClaimReview, CSV, CSL, JSON}

// Label returns the format as a menu shows it.
func (f Format) Label() string {
	switch f {
	case HTML:
		return "HTML report"
	case PDF:
		return "PDF report"
	case Markdown:
		return "Markdown report"
	case ClaimReview:
		return "ClaimReview JSON-LD"
	case CSV:
		return "CSV spreadsheet"
	case CSL:
		return "CSL-JSON sources (Zotero)"
	case JSON:
		return "JSON dump (lossless)"
	}
	return string(f)
}

// Translated reports whether the format has words of its own, which
// Request.Language chooses; ClaimReview markup and the JSON dump have none.
func (f Format) Translated() bool { return f != ClaimReview && f != JSON }

// Extension returns the file name extension of the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case Markdown:
		return ".md"
	case ClaimReview:
		return ".jsonld"
	case CSL:
		return ".csl.json"
	}
	return "." + string(f)
}

// ParseFormat returns the format named s, or EINVALID listing the formats.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", claims.Errorf(claims.EINVALID, "%q is not an export format; use one of: %s.", s, strings.Join(names, ", "))
}

// Request says what to export and how.
type Request struct {
	Format Format
	Filter claims.CaseFilter
	// Language is the language of a report's own words, one of
	// locale.Languages: its headings, the names of statuses and stances,
	// its dates and numbers. The claims, sources, notes and rating labels
	// stay as written. Empty means English. ClaimReview markup, written for
	// machines, and the lossless JSON dump have no words of their own and
	// ignore it.
	Language string
	// Now is the generation time printed in reports; zero means the time
	// the case file was read.
	Now time.Time
}

// Write exports what req selects from st to w.
func Write(ctx context.Context, st claims.Store, w io.Writer, req Request) error {
	if req.Format == JSON {
		return st.WriteDump(ctx, w, req.Filter)
	}
	write, ok := writers[req.Format]
	if !ok {
		_, err := ParseFormat(string(req.Format))
		return err
	}
	lang := locale.English
	if req.Language != "" {
		var err error
		if lang, err = locale.Parse(req.Language); err != nil {
			return err
		}
	}
	if req.Format == CSV {
		return streamCSV(ctx, st, w, req, lang)
	}
	cf, err := st.FindCaseFile(ctx, req.Filter)
	if err != nil {
		return fmt.Errorf("read the claims to export: %w", err)
	}
	now := req.Now
	if now.IsZero() {
		now = cf.ReadAt
	}
	return write(w, newReport(cf, req.Filter, now, lang))
}

// writers write the formats made from a case file.
var writers = map[Format]func(io.Writer, *report) error{
	HTML:        writeHTML,
	PDF:         writePDF,
	Markdown:    writeMarkdown,
	ClaimReview: writeClaimReview,
	CSV:         writeCSV, // Write streams it instead, article by article
	CSL:         writeCSL,
}

// WriteFile exports to the file at path. The file appears whole or not at
// all: a failed export leaves any earlier file at path untouched. It
// replaces only an empty file or an earlier export in the same format, and
// returns ECONFLICT for anything else at path, such as a database.
func WriteFile(ctx context.Context, st claims.Store, path string, req Request) error {
	if err := checkTarget(path, req.Format); err != nil {
		return err
	}
	// A full disk or a folder the user may not write to is said in words
	// that name the file the user chose, not the temporary one.
	return claims.FileError(path, writeFile(ctx, st, path, req))
}

// writeFile writes the export beside path and renames it into place.
func writeFile(ctx context.Context, st claims.Store, path string, req Request) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create the export file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(ctx, st, tmp, req); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("save the export file: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save the export file: %w", err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("save the export file: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save the export file: %w", err)
	}
	return nil
}
