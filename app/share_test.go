package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSaveACopyForOutsideTheNewsroom(t *testing.T) {
	st := sampleStore(t)
	ctx := claims.NewContext(context.Background(), "Alice")
	sums, _, _ := st.FindClaimSummaries(ctx, claims.ClaimFilter{})
	secret := &claims.Source{Type: claims.SourceInterview, Title: "Colonel X", Reliability: claims.ReliabilityB, Protected: true}
	if err := st.AddSourceWithEvidence(ctx, secret, &claims.Evidence{ClaimID: sums[0].ID, Stance: claims.StanceSupports}); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, st, "Alice")
	path := filepath.Join(t.TempDir(), "outside.db")
	choose(t, path)
	ui.saveCopy()
	test.Tap(formItem(t, ui, "").(*widget.Check))
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Choose file…")
	copied, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer copied.Close()
	if s, err := copied.FindSourceByID(ctx, secret.ID); err != nil || s.Title != "Protected source" {
		t.Fatalf("the protected source in the copy = %+v, %v", s, err)
	}
	if !strings.Contains(ui.status.Text, "outside.db") {
		t.Errorf("status = %q", ui.status.Text)
	}
}

// TestMergeFromAColleagueAndResolveTheConflict merges a copy in which Bob
// changed the same claim as Alice, then settles it in the conflict dialog.
func TestMergeFromAColleagueAndResolveTheConflict(t *testing.T) {
	dir := t.TempDir()
	base, _, _ := openSample(t, store.Options{})
	ctx := context.Background()
	sums, _, _ := base.FindClaimSummaries(ctx, claims.ClaimFilter{Query: "11 000"})
	id := sums[0].ID
	bobPath := filepath.Join(dir, "bob.db")
	if err := base.SaveCopy(ctx, bobPath, claims.CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	bob, err := store.Open(bobPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bobCtx := claims.NewContext(ctx, "Bob")
	for _, s := range []string{"Brouillon de Bob", "Résumé de Bob"} {
		if _, err := bob.UpdateClaim(bobCtx, id, claims.ClaimUpdate{Summary: &s}); err != nil {
			t.Fatal(err)
		}
	}
	bob.Close()
	tags := []string{"alice"}
	if _, err := base.UpdateClaim(claims.NewContext(ctx, "Alice"), id, claims.ClaimUpdate{Tags: &tags}); err != nil {
		t.Fatal(err)
	}

	ui := newTestUI(t, base, "Alice")
	choose(t, bobPath)
	ui.mergeFrom()
	if !dialogSays(ui, "Review the conflicts now?") && len(ui.conflicts) != 1 {
		t.Fatalf("conflicts after the merge: %d", len(ui.conflicts))
	}
	if !ui.list.conflicts[id] {
		t.Fatal("the claim in conflict is not marked in the list")
	}
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Yes")
	view := ui.conflictView
	if view == nil || len(view.choices) != 2 {
		t.Fatalf("the conflict dialog shows %v", view)
	}
	// Combine Bob's summary with Alice's tags, whichever version was kept.
	if view.conflict.Kept.By == "Alice" {
		view.choices["summary"].SetSelected(view.take)
	} else {
		view.choices["tags"].SetSelected(view.take)
	}
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Resolve")
	c, _ := base.FindClaimByID(ctx, id)
	if c.Summary != "Résumé de Bob" || len(c.Tags) != 1 || c.Tags[0] != "alice" {
		t.Fatalf("resolved claim: %q %v", c.Summary, c.Tags)
	}
	if len(ui.conflicts) != 0 || ui.list.conflicts[id] {
		t.Fatal("the conflict is still shown after resolving it")
	}
}

func TestBackgroundCheckSpeaksUpOnlyWhenSomethingIsWrong(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	if !strings.Contains(ui.status.Text, "file checked") {
		t.Fatalf("status after a sound check = %q", ui.status.Text)
	}
	if ui.window.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog opened for a sound file")
	}
	dir := t.TempDir()
	warned := filepath.Join(dir, "Dropbox", "case.db")
	os.MkdirAll(filepath.Dir(warned), 0o755)
	ui.opts.Warn = store.LocationWarning
	ui.path = warned
	ui.warnAboutLocation()
	if !dialogSays(ui, store.LocationWarning(warned).String()) {
		t.Fatal("no warning about the synced folder")
	}
}

// Every field of a record that can conflict has a name in the interface.
func TestEveryConflictingFieldHasAName(t *testing.T) {
	names := fieldNames()
	for typ, fields := range claims.RecordFields {
		for _, f := range append(fields, claims.DeletedField) {
			if names[f] == "" {
				t.Errorf("the %s field %q has no name in the window", typ, f)
			}
		}
	}
}

// TestConflictViewSpeaksTheInterfaceLanguage shows a conflict in French:
// field names, coded values and dates are the interface's, the claim's own
// words stay as written.
func TestConflictViewSpeaksTheInterfaceLanguage(t *testing.T) {
	test.NewTempApp(t)
	setLanguage(locale.French)
	t.Cleanup(func() { setLanguage(locale.English) })
	at := time.Date(2026, 11, 27, 14, 5, 0, 0, time.Local)
	c := claims.Conflict{RecordType: "claim", Title: "Résumé d'Alice",
		Kept: claims.ConflictVersion{By: "Alice", At: at,
			Fields: map[claims.Field]string{claims.FieldStatus: `"researching"`, claims.FieldSummary: `"Résumé d'Alice"`, claims.FieldSpeaker: `{"name":"Jens Stoltenberg"}`},
			Values: map[claims.Field]string{claims.FieldStatus: "researching", claims.FieldSummary: "Résumé d'Alice", claims.FieldSpeaker: "Jens Stoltenberg"}},
		Other: claims.ConflictVersion{By: "Bob", At: at,
			Fields: map[claims.Field]string{claims.FieldStatus: `"published"`, claims.FieldSummary: `"Résumé de Bob"`, claims.FieldSpeaker: `{"name":"Jens Stoltenberg","role":"secrétaire général"}`},
			Values: map[claims.Field]string{claims.FieldStatus: "published", claims.FieldSummary: "Résumé de Bob", claims.FieldSpeaker: "Jens Stoltenberg, secrétaire général"}},
	}
	view := newConflictView(c)
	var texts []string
	for _, o := range test.LaidOutObjects(view.object()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	for _, want := range []string{"Affirmation\u00a0: Résumé d'Alice", "Champ", "Statut", "Résumé", "en recherche", "publié",
		"Jens Stoltenberg", "Jens Stoltenberg, secrétaire général",
		"Résumé de Bob", "Cette copie (Alice, 27 nov. 2026, 14:05)", "L’autre copie (Bob, 27 nov. 2026, 14:05)"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the conflict view lacks %q: %q", want, texts)
		}
	}
	for _, text := range texts {
		if strings.ContainsAny(text, "{}\"") {
			t.Errorf("the conflict view shows the file's JSON: %q", text)
		}
	}
	view.choices[claims.FieldStatus].SetSelected(view.take)
	if got := view.taken(); !slices.Equal(got, []claims.Field{claims.FieldStatus}) {
		t.Errorf("taken = %q", got)
	}
}

func TestMergeCountsInEachLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage(locale.English) })
	counts := map[string]int{"claim": 3, "evidence": 1, "source": 1200}
	for language, want := range map[string]string{
		locale.English: "3 claims, 1,200 sources, 1 piece of evidence",
		locale.French:  "3 affirmations, 1\u00a0200 sources, 1 preuve",
	} {
		setLanguage(language)
		if got := mergeCounts(counts); got != want {
			t.Errorf("%s: %q, want %q", language, got, want)
		}
		if got, none := mergeCounts(nil), map[string]string{locale.English: "nothing", locale.French: "rien"}[language]; got != none {
			t.Errorf("%s: nothing merged reads %q", language, got)
		}
	}
}

func TestLocationWarningSpeaksTheInterfaceLanguage(t *testing.T) {
	warned := filepath.Join(t.TempDir(), "Dropbox", "case.db")
	for _, tt := range []struct{ language, want string }{
		{locale.English, "This database is in a synced folder (Dropbox). A sync tool can copy it half-written, or two computers can write it at once: keep it outside Dropbox and share copies (File > Save a copy)."},
		{locale.French, "Ce fichier est dans un dossier synchronisé (Dropbox). Un outil de synchronisation peut le copier à moitié écrit, ou deux ordinateurs peuvent l’écrire en même temps\u00a0: gardez-le hors de Dropbox et partagez des copies (Fichier > Enregistrer une copie)."},
	} {
		ui := newTestUIIn(t, sampleStore(t), "Alice", tt.language)
		ui.opts.Warn = store.LocationWarning
		ui.path = warned
		ui.warnAboutLocation()
		if !dialogSays(ui, tt.want) {
			t.Errorf("%s: the location warning does not say %q", tt.language, tt.want)
		}
	}
}

func TestConflictValuesNameCodedValues(t *testing.T) {
	setLanguage(locale.French)
	t.Cleanup(func() { setLanguage(locale.English) })
	for _, tt := range []struct {
		field       claims.Field
		value, want string
	}{
		{claims.FieldType, string(claims.SourceReport), "Rapport"},
		{claims.FieldStatus, string(claims.StatusInReview), "en relecture"},
		{claims.FieldStance, string(claims.StanceRefutes), "réfute"},
		{claims.FieldClaimDate, "2024-06-18", "18 juin 2024"},
		{claims.FieldProtected, "true", "oui"},
		{claims.FieldTitle, "Rapport annuel", "Rapport annuel"},
	} {
		if got := valueName(tt.field, tt.value); got != tt.want {
			t.Errorf("valueName(%q, %q) = %q, want %q", tt.field, tt.value, got, tt.want)
		}
	}
}

func TestCheckProblemsSpeakTheInterfaceLanguage(t *testing.T) {
	report := &claims.IntegrityReport{
		Problems: []claims.Text{claims.Textf("The claim %s is missing from its article's index.", "c1")},
		History:  &claims.HistoryCheck{Broken: &claims.BrokenLink{EventID: "e1", Reason: claims.Textf("the event before it is missing or was altered")}},
	}
	t.Cleanup(func() { setLanguage(locale.English) })
	for _, tt := range []struct {
		language string
		want     []string
	}{
		{locale.English, []string{"the event before it is missing or was altered", "The claim c1 is missing from its article's index."}},
		{locale.French, []string{"l’événement qui le précède manque ou a été modifié", "L’affirmation c1 manque à l’index de son article."}},
	} {
		setLanguage(tt.language)
		got := checkProblems(report)
		if len(got) != 2 || !strings.Contains(got[0], tt.want[0]) || got[1] != tt.want[1] {
			t.Errorf("%s: problems %q, want the history break saying %q, then %q", tt.language, got, tt.want[0], tt.want[1])
		}
	}
}
