package extract

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/internal/regularfile"
)

// maxInputBytes bounds what Read takes in, so that a wrong file is refused
// before it fills memory or the analysis runs: claims.MaxArticleText
// characters take at most 4 bytes each in UTF-8, and the margin leaves room
// for the markup of a saved page.
const maxInputBytes = 4 * claims.MaxArticleText

// Document is an article read from a file: its plain text, the title found
// in it and the language it is written in.
type Document struct {
	Title    string
	Text     string
	Language string
}

// Read reads an article saved as plain text, Markdown or an HTML page, and
// detects its language. name is the file's name, which tells the formats
// apart. Returns EINVALID for what is not a readable UTF-8 article, and for
// an article of more than claims.MaxArticleText characters, so that nothing
// analyses a text the store would refuse; it reads no further than the
// bytes such an article can take.
func Read(r io.Reader, name string) (Document, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return Document{}, claims.Errorf(claims.EINVALID, "Cannot read %s: %v.", name, err)
	}
	if len(raw) > maxInputBytes {
		return Document{}, errTooLarge(name)
	}
	title, text, err := PlainText(raw, name)
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", name, err)
	}
	title, text = withoutControls(title), withoutControls(text)
	if n := utf8.RuneCountInString(text); n > claims.MaxArticleText {
		return Document{}, claims.Errorf(claims.EINVALID, "The text of %s has %d characters, more than the %d an article may have.", name, n, claims.MaxArticleText)
	}
	return Document{Title: title, Text: text, Language: DetectLanguage(text)}, nil
}

// withoutControls drops the control characters that no article shows and
// that the store refuses, such as the ESC of a terminal's colour codes in a
// text copied from a console: left in, the article could not be imported.
func withoutControls(s string) string {
	if strings.IndexFunc(s, claims.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if claims.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

func errTooLarge(name string) error {
	return claims.Errorf(claims.EINVALID, "The file %s is larger than %d MB, the most ClaimDesk reads for one article.", name, maxInputBytes/1_000_000)
}

// ReadFile is Read on the file at path.
func ReadFile(path string) (Document, error) {
	f, err := regularfile.Open(path)
	if errors.Is(err, regularfile.ErrNotRegular) {
		return Document{}, claims.Errorf(claims.EINVALID, "%s is not a file; give the article's file, or - to read it from standard input.", path)
	}
	if err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		return Document{}, claims.Errorf(claims.EINVALID, "Cannot read %s: %v.", path, err)
	}
	defer f.Close()
	// The size refuses a large file before it is read: Read alone would
	// read it up to the limit first.
	if info, err := f.Stat(); err == nil && info.Size() > maxInputBytes {
		return Document{}, errTooLarge(filepath.Base(path))
	}
	return Read(f, filepath.Base(path))
}
