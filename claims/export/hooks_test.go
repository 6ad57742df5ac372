package export

import (
	"io"
	"time"

	"claimdesk/claims"
)

// WriteCSVOf writes the CSV of a whole case file read at once, for the
// external tests to compare with what Write streams.
func WriteCSVOf(w io.Writer, cf *claims.CaseFile, f claims.CaseFilter, now time.Time, lang string) error {
	if lang == "" {
		lang = "en"
	}
	return writeCSV(w, newReport(cf, f, now, lang))
}
