package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
)

// endless is a reader of "a" that never ends, counting what was read.
type endless struct{ read int }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.read += len(p)
	return len(p), nil
}

func TestReadRefusesTooLongArticlesBeforeAnalysis(t *testing.T) {
	const tooLong = "The text of long.txt has 5000001 characters, more than the 5000000 an article may have."
	for name, tt := range map[string]struct {
		text string
		want string
	}{
		"at the limit":                   {strings.Repeat("a", claims.MaxArticleText), ""},
		"one character over":             {strings.Repeat("a", claims.MaxArticleText+1), tooLong},
		"over in fewer bytes than 4 per": {strings.Repeat("é", claims.MaxArticleText+1), tooLong},
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.text), "long.txt")
			if tt.want == "" {
				if err != nil || len(doc.Text) != len(tt.text) {
					t.Fatalf("Read: %d bytes of text, %v", len(doc.Text), err)
				}
				return
			}
			if claims.ErrorCode(err) != claims.EINVALID || claims.ErrorMessage(err) != tt.want {
				t.Fatalf("Read: %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReadStopsAtTheByteLimit(t *testing.T) {
	r := &endless{}
	_, err := Read(r, "standard input")
	if want := "The file standard input is larger than 20 MB, the most ClaimDesk reads for one article."; claims.ErrorMessage(err) != want {
		t.Fatalf("Read: %v, want %q", err, want)
	}
	if r.read > maxInputBytes+64<<10 {
		t.Fatalf("Read took in %d bytes, past the limit of %d", r.read, maxInputBytes)
	}
}

func TestReadFileRefusesALargeFileBySize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size, not its bytes, is what ReadFile must judge.
	if err := f.Truncate(maxInputBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path)
	if want := "The file huge.txt is larger than 20 MB, the most ClaimDesk reads for one article."; claims.ErrorMessage(err) != want {
		t.Fatalf("ReadFile: %v, want %q", err, want)
	}
}

// Control characters a terminal acts on are dropped from an article as it
// is read: the store refuses them, and no article shows them.
func TestReadDropsControlCharacters(t *testing.T) {
	for name, tt := range map[string]struct{ name, raw, title, text string }{
		"plain text": {"a.txt", "Titre\x1b[31m\n\nLe chiffre\a de 11 000\u009b.\n", "Titre[31m", "Titre[31m\n\nLe chiffre de 11 000.\n"},
		"HTML page":  {"a.html", "<title>T\x07itre</title><article><p>Le chiffre\x1b]0;x\x07 de 11 000.</p></article>", "Titre", "Le chiffre]0;x de 11 000."},
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.raw), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || strings.TrimSpace(doc.Text) != strings.TrimSpace(tt.text) {
				t.Fatalf("Read = %q / %q, want %q / %q", doc.Title, doc.Text, tt.title, tt.text)
			}
			a := &claims.Article{Title: doc.Title, Language: claims.LangFrench, Text: doc.Text}
			a.Freeze()
			if err := a.Validate(); err != nil {
				t.Fatalf("the article read is refused: %v", err)
			}
		})
	}
}
