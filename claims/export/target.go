package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf16"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/internal/regularfile"
)

// pdfCreator is the program named in a PDF report's information.
const pdfCreator = "ClaimDesk"

// sniffSize is how much of each end of an existing file the check reads:
// every format's mark sits within it.
const sniffSize = 4096

// checkTarget refuses to let an export replace a file it did not write. An
// export may replace an empty file or an earlier export in the same format,
// which is what re-running an export does; anything else at path (the
// database itself, another database, the user's own documents) would be
// lost, so the export stops with a sentence saying so.
func checkTarget(path string, format Format) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return claims.Errorf(claims.EINVALID, "Cannot check %s before writing over it: %v.", path, err)
	}
	if !info.Mode().IsRegular() {
		return claims.Errorf(claims.EINVALID, "%s is not a regular file; export to a file.", path)
	}
	if info.Size() == 0 {
		return nil
	}
	head, tail, err := fileEnds(path, info.Size())
	if err != nil {
		return claims.Errorf(claims.EINVALID, "Cannot check %s before writing over it: %v.", path, err)
	}
	if !format.wrote(path, head, tail) {
		return claims.Errorf(claims.ECONFLICT, "%s already exists and is not an earlier export in this format from ClaimDesk; choose another file name, so that nothing is written over.", path)
	}
	return nil
}

// fileEnds returns the first and last sniffSize bytes of the file.
func fileEnds(path string, size int64) (head, tail []byte, err error) {
	f, err := regularfile.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	head = make([]byte, min(size, sniffSize))
	if _, err := io.ReadFull(f, head); err != nil {
		return nil, nil, err
	}
	tail = make([]byte, min(size, sniffSize))
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		return nil, nil, err
	}
	return head, tail, nil
}

// wrote reports whether a file with these ends is an export in format f:
// each format carries a mark that ClaimDesk writes and other files lack.
func (f Format) wrote(path string, head, tail []byte) bool {
	switch f {
	case HTML:
		return bytes.Contains(head, []byte(`<meta name="generator" content="ClaimDesk">`))
	case PDF:
		return bytes.HasPrefix(head, []byte("%PDF-")) && bytes.Contains(tail, pdfCreatorMark())
	case Markdown:
		return hasFooter(tail)
	case CSV:
		return hasCSVHeader(head)
	case ClaimReview:
		return jsonStart(head, '{', '[') && bytes.Contains(head, []byte(`"ClaimReview"`)) && bytes.Contains(head, []byte(`"https://schema.org"`))
	case CSL:
		return isCSL(path)
	case JSON:
		return bytes.HasPrefix(head, []byte(`{"claimdesk_dump":`))
	}
	return false
}

// pdfCreatorMark is the Creator entry of the PDF's information dictionary
// as gopdf writes it: the program's name in UTF-16, in hex.
func pdfCreatorMark() []byte {
	mark := []byte("/Creator <FEFF")
	for _, r := range utf16.Encode([]rune(pdfCreator)) {
		mark = fmt.Appendf(mark, "%04X", r)
	}
	return append(mark, '>')
}

// hasFooter reports whether the text ends with a Markdown report's footer,
// in any of the report languages.
func hasFooter(tail []byte) bool {
	for _, lang := range locale.Languages {
		footer := assets.WordsFor(lang).L("report.footer", map[string]any{"Time": "\x00"})
		prefix, _, _ := strings.Cut(footer, "\x00")
		if bytes.Contains(tail, []byte("\n"+prefix)) {
			return true
		}
	}
	return false
}

// hasCSVHeader reports whether the file starts as the CSV export does: a
// byte order mark and the header row, in any of the report languages.
func hasCSVHeader(head []byte) bool {
	for _, lang := range locale.Languages {
		r := &report{words: assets.WordsFor(lang)}
		if bytes.HasPrefix(head, []byte("\uFEFF"+strings.Join(csvHeader(r), ",")+"\r\n")) {
			return true
		}
	}
	return false
}

func jsonStart(head []byte, open ...byte) bool {
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	return len(trimmed) > 0 && bytes.IndexByte(open, trimmed[0]) >= 0
}

// maxCSLSniff bounds the CSL file read whole to recognise it: a list of
// sources this large is not one ClaimDesk wrote.
const maxCSLSniff = 64 << 20

// isCSL reports whether the file is a CSL-JSON list of items as the CSL
// export writes them, each with an id and a type.
func isCSL(path string) bool {
	info, err := os.Stat(path)
	if err != nil || info.Size() > maxCSLSniff {
		return false
	}
	raw, err := regularfile.ReadFile(path)
	if err != nil {
		return false
	}
	var items []map[string]json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return false
	}
	for _, item := range items {
		if item["id"] == nil || item["type"] == nil {
			return false
		}
	}
	return true
}
