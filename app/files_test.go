package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/extract"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// choose makes the file dialog answer path.
func choose(t *testing.T, path string) {
	t.Helper()
	old := chooseFile
	chooseFile = func(_ fyne.Window, _ bool, _ string, _ []string, done func(string)) { done(path) }
	t.Cleanup(func() { chooseFile = old })
}

func TestImportArticleFromAFile(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	path := filepath.Join(t.TempDir(), "nato.txt")
	if err := os.WriteFile(path, []byte("L'OTAN se réunit à Washington\nLe sommet réunit 32 pays membres.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	choose(t, path)
	ui.importArticle()
	if got := formItem(t, ui, "Title").(*widget.Entry).Text; got != "L'OTAN se réunit à Washington" {
		t.Fatalf("title proposed = %q", got)
	}
	test.Type(formItem(t, ui, "Outlet").(*widget.Entry), "Le Monde")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Import")
	articles, _ := st.FindArticles(context.Background())
	if len(articles) != 2 || articles[1].Outlet != "Le Monde" || articles[1].Meta.CreatedBy != "Alice" {
		t.Fatalf("articles = %+v", articles)
	}
	if ui.sidebar.count() != 3 {
		t.Fatalf("sidebar rows = %d after the import", ui.sidebar.count())
	}
}

func TestImportRefusesWhatIsNotText(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	path := filepath.Join(t.TempDir(), "photo.txt")
	if err := os.WriteFile(path, []byte{0xff, 0xd8, 0xff, 0xe0, 0x00}, 0o600); err != nil {
		t.Fatal(err)
	}
	choose(t, path)
	ui.importArticle()
	if !dialogSays(ui, "The file is not UTF-8 text; save it as UTF-8 and import it again.") {
		t.Fatal("no error dialog naming the file")
	}
}

func TestImportSaysWhenSuggestionsAreCapped(t *testing.T) {
	for name, tt := range map[string]struct {
		language  string
		sentences int
		want      string
	}{
		"capped": {locale.English, extract.MaxSuggestions + 50,
			"Imported “Chômage” with 500 suggested claims to triage.\nSuggested the 500 most check-worthy of 550 sentences that could be claims; the others were left out, and can be added by hand."},
		"capped, in French": {locale.French, extract.MaxSuggestions + 50,
			"Article «\u00a0Chômage\u00a0» importé, avec 500 affirmations suggérées à trier.\nSeules les 500 phrases les plus dignes de vérification ont été suggérées, sur 550 qui pouvaient être des affirmations\u00a0; les autres ont été écartées et peuvent être ajoutées à la main."},
		"all kept": {locale.English, 10, ""},
	} {
		t.Run(name, func(t *testing.T) {
			ui := newTestUIIn(t, sampleStore(t), "Alice", tt.language)
			path := filepath.Join(t.TempDir(), "chomage.txt")
			if err := os.WriteFile(path, []byte(statistics(tt.sentences)), 0o600); err != nil {
				t.Fatal(err)
			}
			choose(t, path)
			ui.importArticle()
			tapDialogButton(t, ui.window.Canvas().Overlays().Top(), lang.L("files.import"))
			got := topDialogText(ui)
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Fatalf("the import shows %q, want %q…", got, tt.want)
			}
		})
	}
}

// statistics returns an article of n check-worthy sentences, one a line.
func statistics(n int) string {
	var b strings.Builder
	b.WriteString("Chômage\n")
	for i := range n {
		fmt.Fprintf(&b, "Selon l'Insee, le chômage a baissé de %d,%d %% en %d dans la région %d.\n", i%9+1, i%10, 1990+i%35, i)
	}
	return b.String()
}

// topDialogText returns the texts of the labels of the top dialog, or "".
func topDialogText(ui *UI) string {
	var texts []string
	for _, o := range rendered(ui.window.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// dialogSays reports whether the top dialog shows text.
func dialogSays(ui *UI, text string) bool {
	top := ui.window.Canvas().Overlays().Top()
	for _, o := range rendered(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

func TestOpenAnotherDatabaseAndRefuseADamagedOne(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	dir := t.TempDir()
	ui.opts.Open = func(path string) (claims.Store, error) { return store.Open(path, store.Options{}) }

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	ui.switchTo(junk)
	if !dialogSays(ui, "This is not a ClaimDesk database.") || ui.path == junk {
		t.Fatal("a foreign file was not refused with the store's message")
	}

	fresh := filepath.Join(dir, "fresh.db")
	ui.switchTo(fresh)
	if ui.path != fresh || len(ui.list.rows) != 0 || ui.sidebar.count() != 1 {
		t.Fatalf("after opening an empty database: path %s, %d rows", ui.path, len(ui.list.rows))
	}
	if got := ui.prefs.recent(); len(got) == 0 || got[0] != fresh {
		t.Fatalf("recent files = %v", got)
	}
}

func TestNewClaimFromExactWords(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	ui.sidebar.list.Select(1)
	ui.newClaim()
	test.Type(formItem(t, ui, "Exact words").(*widget.Entry), "le sommet de l'OTAN du mois prochain à Washington")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Add")
	if ui.current == nil || ui.current.Text != "le sommet de l'OTAN du mois prochain à Washington" || ui.current.Meta.CreatedBy != "Alice" {
		t.Fatalf("current claim = %+v", ui.current)
	}
	if len(ui.list.rows) != 22 {
		t.Fatalf("%d rows after adding a claim", len(ui.list.rows))
	}
}

func TestRecentFilesFromTheKeyboard(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	press(ui, fyne.KeyO, true)
	if !dialogSays(ui, "No file opened lately.") {
		t.Fatal("Ctrl+Shift+O with no recent file does not say so")
	}
	ui.window.Canvas().Overlays().Top().Hide()

	path := filepath.Join(t.TempDir(), "other.db")
	ui.prefs.remember(path)
	ui.opts.Open = func(path string) (claims.Store, error) { return store.Open(path, store.Options{}) }
	press(ui, fyne.KeyO, true)
	top := ui.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+Shift+O shows no dialog")
	}
	if b, ok := ui.window.Canvas().Focused().(*widget.Button); !ok || b.Text != path {
		t.Fatalf("the keyboard is on %v, not the recent file", ui.window.Canvas().Focused())
	}
	tapDialogButton(t, top, path)
	if ui.path != path {
		t.Fatalf("the window shows %s, want %s", ui.path, path)
	}
}
