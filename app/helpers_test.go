package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/claims/locale"
	_ "claimdesk/internal/posixlocale" // as main does: C locales speak English
	"claimdesk/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// openSample opens a database in a temporary file holding the sample case,
// imported by "Test", and returns it with the sample's article and claims.
func openSample(t testing.TB, opts store.Options) (*store.DB, *claims.Article, []*claims.Claim) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "sample.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a, list, err := assets.SampleCase()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportArticle(claims.NewContext(context.Background(), "Test"), a, list); err != nil {
		t.Fatal(err)
	}
	return st, a, list
}

// rendered returns the visible objects drawn for o, o first, through the
// renderers the canvas really uses.
func rendered(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	case *fyne.Container:
		children = o.Objects
	}
	for _, c := range children {
		out = append(out, rendered(c)...)
	}
	return out
}

// TestMain starts every test in English, whatever the locale of the
// machine running them.
func TestMain(m *testing.M) {
	setLanguage(locale.English)
	os.Exit(m.Run())
}
