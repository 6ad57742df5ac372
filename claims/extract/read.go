package extract

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"claimdesk/claims"
)

// maxInputBytes bounds what Read takes in, so that a wrong file cannot
// exhaust memory: a saved page is larger than its text, hence the margin.
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
// apart. Returns EINVALID for what is not a readable UTF-8 article.
func Read(r io.Reader, name string) (Document, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return Document{}, claims.Errorf(claims.EINVALID, "Cannot read %s: %v.", name, err)
	}
	if len(raw) > maxInputBytes {
		return Document{}, claims.Errorf(claims.EINVALID, "The file %s is too large for an article.", name)
	}
	title, text, err := PlainText(raw, name)
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", name, err)
	}
	return Document{Title: title, Text: text, Language: DetectLanguage(text)}, nil
}

// ReadFile is Read on the file at path.
func ReadFile(path string) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		return Document{}, claims.Errorf(claims.EINVALID, "Cannot read %s: %v.", path, err)
	}
	defer f.Close()
	return Read(f, filepath.Base(path))
}
