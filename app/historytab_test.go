package app

import (
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestHistoryAndCorrectionsInBothLanguages reads the history's verdict, a
// row of the history and the corrections log in each language.
func TestHistoryAndCorrectionsInBothLanguages(t *testing.T) {
	at := time.Date(2025, 3, 14, 9, 30, 0, 0, time.Local)
	scale := &claims.RatingScale{Ratings: []claims.Rating{{Key: "vrai", Label: "Vrai"}, {Key: "faux", Label: "Faux"}}}
	corrected := &claims.Claim{Corrections: []claims.Correction{{
		At: at, Author: "Bob", OldRating: "vrai", NewRating: "faux", Reason: "Nouveau rapport", PublicNote: "Nous avions mal lu.",
	}}}
	for _, tt := range []struct {
		lang                     string
		one, many                string
		broken, brokenAt, latest string
		row, withheld            string
		corrections, none        string
	}{
		{
			lang:        locale.English,
			one:         "✔ The history verifies: 1 event, every link of the hash chain holds.",
			many:        "✔ The history verifies: 11,000 events, every link of the hash chain holds.",
			broken:      "✘ The history does not verify: event e1: altered.",
			brokenAt:    "✘ The history does not verify: event e1 (Mar 14, 2025, 09:30): altered.",
			latest:      "✘ The history does not verify: the latest event is missing.",
			row:         "Mar 14, 2025, 09:30  Alice",
			withheld:    "withheld (protected source): evidence.attach",
			corrections: "Mar 14, 2025, 09:30, Bob: Vrai → Faux\nReason: Nouveau rapport\nPublic note: Nous avions mal lu.\n\n",
			none:        "No corrections. A change of rating after publication is logged here, with its reason.",
		},
		{
			lang:        locale.French,
			one:         "✔ L’historique est vérifié\u00a0: 1 événement, chaque maillon de la chaîne de hachage tient.",
			many:        "✔ L’historique est vérifié\u00a0: 11\u00a0000 événements, chaque maillon de la chaîne de hachage tient.",
			broken:      "✘ L’historique ne se vérifie pas\u00a0: événement e1\u00a0: altered.",
			brokenAt:    "✘ L’historique ne se vérifie pas\u00a0: événement e1 (14 mars 2025, 09:30)\u00a0: altered.",
			latest:      "✘ L’historique ne se vérifie pas\u00a0: the latest event is missing.",
			row:         "14 mars 2025, 09:30  Alice",
			withheld:    "omis (source protégée)\u00a0: evidence.attach",
			corrections: "14 mars 2025, 09:30, Bob\u00a0: Vrai → Faux\nMotif\u00a0: Nouveau rapport\nNote publique\u00a0: Nous avions mal lu.\n\n",
			none:        "Aucune correction. Un changement d’évaluation après publication est consigné ici, avec son motif.",
		},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			test.NewTempApp(t)
			setLanguage(tt.lang)
			t.Cleanup(func() { setLanguage(locale.English) })
			for _, c := range []struct {
				check *claims.HistoryCheck
				want  string
			}{
				{&claims.HistoryCheck{Events: 1}, tt.one},
				{&claims.HistoryCheck{Events: 11000}, tt.many},
				{&claims.HistoryCheck{Broken: &claims.BrokenLink{EventID: "e1", Reason: claims.Textf("altered")}}, tt.broken},
				{&claims.HistoryCheck{Broken: &claims.BrokenLink{EventID: "e1", At: at, Reason: claims.Textf("altered")}}, tt.brokenAt},
				{&claims.HistoryCheck{Broken: &claims.BrokenLink{Reason: claims.Textf("the latest event is missing")}}, tt.latest},
			} {
				if got := describeCheck(c.check); got != c.want {
					t.Errorf("describeCheck = %q, want %q", got, c.want)
				}
			}

			history := &historyTab{events: []*claims.Event{{At: at, Actor: "Alice", Summary: "to triage → researching"}}}
			row := newHistoryRow()
			row.Resize(fyne.NewSize(600, 40)) // as the list sizes its template
			history.update(0, row)
			when, summary := row.(*fyne.Container).Objects[1], row.(*fyne.Container).Objects[0]
			if got := when.(*widget.Label).Text; got != tt.row {
				t.Errorf("history row %q, want %q", got, tt.row)
			}
			if summary.Position().X < when.MinSize().Width {
				t.Errorf("the summary starts at x = %v, over the date and name, which need %v", summary.Position().X, when.MinSize().Width)
			}
			history.events = append(history.events, &claims.Event{At: at, Actor: "Alice", Action: "evidence.attach", Withheld: true})
			history.update(1, row)
			if got := summary.(*widget.Label).Text; got != tt.withheld {
				t.Errorf("a withheld event's row says %q, want %q", got, tt.withheld)
			}

			fixes := newCorrectionsTab()
			fixes.show(corrected, scale)
			if fixes.label.Text != tt.corrections {
				t.Errorf("corrections %q, want %q", fixes.label.Text, tt.corrections)
			}
			fixes.show(&claims.Claim{}, scale)
			if fixes.label.Text != tt.none {
				t.Errorf("no corrections %q, want %q", fixes.label.Text, tt.none)
			}
		})
	}
}
