package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"claimdesk/claims"
	"claimdesk/claims/locale"
	"claimdesk/store"

	"fyne.io/fyne/v2/test"
)

// storeErrors are errors the store returns for the sample case, each with
// the French the window shows for it. Their English is their Message.
func storeErrors(t *testing.T) []struct {
	name   string
	err    error
	french string
} {
	t.Helper()
	st, _, list := openSample(t, store.Options{})
	ctx := claims.NewContext(context.Background(), "Alice")
	triaged := list[0] // the sample's claims start to triage
	_, publish := st.PublishClaim(ctx, triaged.ID)
	_, move := st.MoveClaim(ctx, triaged.ID, claims.StatusToTriage)
	_, review := st.MoveClaim(ctx, triaged.ID, claims.StatusInReview)
	untitled := st.ImportArticle(ctx, &claims.Article{Language: claims.LangFrench, Text: "Un texte."}, nil)
	_, missing := st.FindClaimByID(context.Background(), "not-an-id")
	return []struct {
		name   string
		err    error
		french string
	}{
		{"a status", publish,
			"Seule une affirmation en relecture peut être publiée\u00a0; celle-ci est au statut «\u00a0à trier\u00a0»."},
		{"statuses to choose from", move,
			"Une affirmation au statut «\u00a0à trier\u00a0» ne peut pas passer au statut «\u00a0à trier\u00a0»\u00a0; statuts possibles\u00a0: en recherche ou pas à vérifier."},
		{"a clause", review,
			"Pour faire passer une affirmation au statut «\u00a0en relecture\u00a0», soumettez-la à relecture."},
		{"a field", untitled,
			"Le champ «\u00a0titre de l’article\u00a0» ne doit pas être vide."},
		{"a kind of record", missing,
			"Affirmation \"not-an-id\" introuvable."},
	}
}

func TestStoreErrorsInTheInterfaceLanguage(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { setLanguage(locale.English) })
	for _, tt := range storeErrors(t) {
		var e *claims.Error
		if !errors.As(tt.err, &e) {
			t.Fatalf("%s: the store returned %v, not an application error", tt.name, tt.err)
		}
		setLanguage(locale.French)
		if got := userMessage(tt.err); got != tt.french {
			t.Errorf("%s in French:\n got %q\nwant %q", tt.name, got, tt.french)
		}
		setLanguage(locale.English)
		if got := userMessage(tt.err); got != e.Message {
			t.Errorf("%s in English:\n got %q\nwant %q", tt.name, got, e.Message)
		}
	}
}

func TestShowErrorSpeaksFrench(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { setLanguage(locale.English) })
	setLanguage(locale.French)
	w := test.NewTempWindow(t, nil)
	e := &env{window: w}
	e.showError(fmt.Errorf("publish: %w", claims.Errorf(claims.ECONFLICT, "The claim has no verdict to publish.")))
	want := "L’affirmation n’a pas de verdict à publier."
	if got := dialogLabels(t, w); !slices.Contains(got, want) {
		t.Errorf("the dialog says %q, want %q among them", got, want)
	}
}

func TestUserMessageOfOtherErrors(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { setLanguage(locale.English) })
	organisation := claims.Errorf(claims.EINVALID, "%s must not be empty.", claims.Textf("The organisation"))
	nested := claims.Errorf(claims.EINVALID, "The %s's settings are invalid: %s", claims.Textf("dump"), organisation)
	tests := []struct {
		name            string
		err             error
		english, french string
	}{
		{"internal", errors.New("disk on fire"),
			"Something went wrong: disk on fire", "Une erreur s’est produite\u00a0: disk on fire"},
		{"internal with a code", fmt.Errorf("save: %w", claims.Errorf(claims.EINTERNAL, "Disk full.")),
			"Something went wrong: save: Disk full.", "Une erreur s’est produite\u00a0: save: Disk full."},
		{"built without Errorf", &claims.Error{Code: claims.EINVALID, Message: "Not translated."},
			"Not translated.", "Not translated."},
		{"a format no file has", claims.Errorf(claims.EINVALID, "Nobody wrote %d of these.", 3),
			"Nobody wrote 3 of these.", "Nobody wrote 3 of these."},
		{"an error within an error", nested,
			"The dump's settings are invalid: The organisation must not be empty.",
			"Les réglages de la sauvegarde ne sont pas valides\u00a0: Le champ «\u00a0organisation\u00a0» ne doit pas être vide."},
		{"typed values", claims.Errorf(claims.EINVALID, "A claim that is %s cannot become %s; it can become %s.",
			claims.StatusLabel(claims.StatusPublished), claims.StatusLabel(claims.StatusToTriage), claims.StatusList{claims.StatusCorrected}),
			"A claim that is published cannot become to triage; it can become corrected.",
			"Une affirmation au statut «\u00a0publié\u00a0» ne peut pas passer au statut «\u00a0à trier\u00a0»\u00a0; statuts possibles\u00a0: corrigé."},
		{"no status to choose", claims.Errorf(claims.EINVALID, "%q is not a workflow status; use one of %s.", "x", claims.StatusList{}),
			`"x" is not a workflow status; use one of nothing else.`,
			"\"x\" n’est pas un statut valide\u00a0; statuts possibles\u00a0: aucun autre."},
	}
	for _, tt := range tests {
		for _, lang := range []struct{ code, want string }{{locale.English, tt.english}, {locale.French, tt.french}} {
			setLanguage(lang.code)
			if got := userMessage(tt.err); got != lang.want {
				t.Errorf("%s in %s:\n got %q\nwant %q", tt.name, lang.code, got, lang.want)
			}
		}
	}
}
