package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// formItem returns the widget of the form item labelled label in the
// window's top dialog.
func formItem(t *testing.T, ui *UI, label string) fyne.CanvasObject {
	t.Helper()
	top := ui.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if form, ok := o.(*widget.Form); ok {
			for _, item := range form.Items {
				if item.Text == label {
					return item.Widget
				}
			}
		}
	}
	t.Fatalf("no %q field in the dialog", label)
	return nil
}

// TestWholeReviewInTheWindow is a fact-check from search to publication,
// done with the window's own widgets on a real database.
func TestWholeReviewInTheWindow(t *testing.T) {
	st := sampleStore(t)
	ui := newTestUI(t, st, "Alice")
	ctx := context.Background()

	ui.sidebar.list.Select(1) // the sample article
	test.Type(ui.list.search, "11 000")
	if len(ui.list.rows) != 1 {
		t.Fatalf("typing in the search box left %d rows", len(ui.list.rows))
	}
	ui.list.list.Select(0)
	id := ui.current.ID

	ui.openTab("Evidence")
	test.Tap(ui.evidence.add)
	test.Type(formItem(t, ui, "Title").(*widget.Entry), "Déclaration du Département d'État")
	test.Type(formItem(t, ui, "URL").(*widget.Entry), "https://www.state.gov/north-korea-munitions")
	test.Type(formItem(t, ui, "Excerpt").(*proseEntry), "more than 11,000 containers of munitions")
	formItem(t, ui, "Stance").(*widget.RadioGroup).SetSelected("Supports")
	tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Add")
	evidence, err := st.FindEvidence(ctx, id)
	if err != nil || len(evidence) != 1 || evidence[0].Stance != claims.StanceSupports ||
		evidence[0].Excerpt != "more than 11,000 containers of munitions" || evidence[0].Meta.CreatedBy != "Alice" {
		t.Fatalf("evidence in the store = %+v, %v", evidence, err)
	}

	ui.openTab("Verdict")
	ui.verdict.rating.SetSelected("Vrai")
	ui.verdict.explanation.SetText("Le chiffre vient d'une déclaration officielle du Département d'État.")
	test.Tap(ui.verdict.save)
	wantStored(t, st, id, claims.StatusVerdictDrafted, "Alice")
	test.Tap(ui.verdict.submit)
	wantStored(t, st, id, claims.StatusInReview, "Alice")
	if !ui.verdict.publish.Disabled() || !ui.verdict.approve.Disabled() {
		t.Fatal("the verdict's own author may approve or publish it")
	}

	ui.as("Bob")
	ui.refreshTab()
	if ui.verdict.approve.Disabled() {
		t.Fatal("a second reviewer cannot approve")
	}
	test.Tap(ui.verdict.approve)
	if ui.verdict.publish.Disabled() {
		t.Fatal("Publish stays disabled after a second reviewer approved")
	}
	test.Tap(ui.verdict.publish)
	c := wantStored(t, st, id, claims.StatusPublished, "Alice")
	if len(c.Reviews) != 1 || c.Reviews[0].Reviewer != "Bob" || c.Reviews[0].Decision != claims.DecisionApprove {
		t.Fatalf("reviews = %+v", c.Reviews)
	}
	if p := ui.sidebar.progress[""]; p.published != 1 {
		t.Errorf("sidebar progress = %+v after publishing", p)
	}

	ui.openTab("History")
	if len(ui.history.events) != 6 || ui.history.events[0].Action != "claim.publish" {
		t.Fatalf("history tab = %d events, newest %q", len(ui.history.events), ui.history.events[0].Action)
	}
}

// wantStored checks the claim's status and verdict author in the store.
func wantStored(t *testing.T, st claims.Store, id string, status claims.Status, author string) *claims.Claim {
	t.Helper()
	c, err := st.FindClaimByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != status || c.Verdict == nil || c.Verdict.Author != author {
		t.Fatalf("stored claim: status %s, verdict %+v; want %s by %s", c.Status, c.Verdict, status, author)
	}
	return c
}

// detailWords are a few words each detail tab should show in a language.
type detailWords struct {
	lang                     string
	claimSave, status, worth string
	kind                     string // the quote kind's name
	selectWords, frozen      string
	addSource, attach        string
	verdictSave, noVerdict   string
	verifies                 string
}

var detailLanguages = []detailWords{
	{
		lang:      locale.English,
		claimSave: "Save changes", status: "Status:", worth: "95% worth checking: ",
		kind:        "quote",
		selectWords: "Select words", frozen: "French · frozen copy, SHA-256 ",
		addSource: "Add source", attach: "Attach existing",
		verdictSave: "Save draft", noVerdict: "No verdict yet. Status: to triage.",
		verifies: "✔ The history verifies: ",
	},
	{
		lang:      locale.French,
		claimSave: "Enregistrer", status: "Statut\u00a0:", worth: "Intérêt à vérifier\u00a0: 95\u00a0% (",
		kind:        "citation",
		selectWords: "Sélectionner des mots", frozen: "français · copie figée, SHA-256 ",
		addSource: "Nouvelle source", attach: "Joindre une source",
		verdictSave: "Enregistrer le brouillon", noVerdict: "Pas encore de verdict. Statut\u00a0: à trier.",
		verifies: "✔ L’historique est vérifié\u00a0: ",
	},
}

// TestDetailTabsSpeakTheLanguage reads a few words of each detail tab in
// each language, and checks that the choices, shown in words of that
// language, store the same values.
func TestDetailTabsSpeakTheLanguage(t *testing.T) {
	for _, want := range detailLanguages {
		t.Run(want.lang, func(t *testing.T) {
			st := sampleStore(t)
			ui := newTestUIIn(t, st, "Alice", want.lang)
			c := findClaim(t, ui, "11 000")
			checkClaimTab(t, ui, st, c.ID, want)
			checkArticleTab(t, ui, want)
			checkEvidenceTab(t, ui, want)
			checkVerdictTab(t, ui, want)
			ui.openTab("History")
			if got := ui.history.verdict.Text; !strings.HasPrefix(got, want.verifies) {
				t.Errorf("history tab says %q, want %q first", got, want.verifies)
			}
		})
	}
}

func checkClaimTab(t *testing.T, ui *UI, st claims.Store, id string, want detailWords) {
	t.Helper()
	tab := ui.claimTab
	if tab.save.Text != want.claimSave {
		t.Errorf("claim tab's save button %q, want %q", tab.save.Text, want.claimSave)
	}
	if labels := evidenceLabels(tab.object()); !slices.Contains(labels, want.status) {
		t.Errorf("claim tab's labels %q, want %q among them", labels, want.status)
	}
	if !strings.HasPrefix(tab.worth.Text, want.worth) {
		t.Errorf("check-worthiness %q, want it to start with %q", tab.worth.Text, want.worth)
	}
	tab.kind.SetSelected(want.kind)
	tab.role.SetText("")
	test.Type(tab.role, "Porte-parole")
	tab.role.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c, err := st.FindClaimByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != claims.KindQuote || c.Speaker.Role != "Porte-parole" {
		t.Errorf("after Enter, the stored claim is a %q by a %q, want a quote by a Porte-parole", c.Kind, c.Speaker.Role)
	}
}

func checkArticleTab(t *testing.T, ui *UI, want detailWords) {
	t.Helper()
	ui.openTab("Article")
	if got := ui.article.selectMode.Text; got != want.selectWords {
		t.Errorf("article tab's check box %q, want %q", got, want.selectWords)
	}
	if got := ui.article.meta.Text; !strings.Contains(got, want.frozen) {
		t.Errorf("article header %q, want it to say %q", got, want.frozen)
	}
}

func checkEvidenceTab(t *testing.T, ui *UI, want detailWords) {
	t.Helper()
	ui.openTab("Evidence")
	if got := []string{ui.evidence.add.Text, ui.evidence.attach.Text}; !slices.Equal(got, []string{want.addSource, want.attach}) {
		t.Errorf("evidence tab's buttons %q, want %q and %q", got, want.addSource, want.attach)
	}
}

func checkVerdictTab(t *testing.T, ui *UI, want detailWords) {
	t.Helper()
	ui.openTab("Verdict")
	if got := ui.verdict.save.Text; got != want.verdictSave {
		t.Errorf("verdict tab's save button %q, want %q", got, want.verdictSave)
	}
	if got := ui.verdict.byline.Text; got != want.noVerdict {
		t.Errorf("verdict tab's byline %q, want %q", got, want.noVerdict)
	}
}
