package extract

import (
	"testing"

	"claimdesk/claims"
)

// TestSpeakers checks who is found to make the statement of the last
// sentence of each text; earlier sentences give the context that names,
// titles and pronouns refer back to.
func TestSpeakers(t *testing.T) {
	for name, tt := range map[string]struct {
		lang, text string
		want       claims.Speaker
	}{
		// French
		"fr X a déclaré": {"fr", "Jens Stoltenberg a déclaré que l'OTAN était prête.",
			claims.Speaker{Name: "Jens Stoltenberg"}},
		"fr apposition before the name": {"fr", "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré que l'alliance restait unie.",
			claims.Speaker{Name: "Jens Stoltenberg", Role: "secrétaire général", Organization: "OTAN"}},
		"fr role with a long complement": {"fr", "Le 17 juin, le porte-parole de la Maison Blanche chargé de la sécurité nationale, John Kirby, a déclaré que Washington surveillait la situation.",
			claims.Speaker{Name: "John Kirby", Role: "porte-parole", Organization: "Maison Blanche"}},
		"fr role in front of the name": {"fr", "La semaine dernière, le secrétaire d'État adjoint américain Kurt Campbell a exprimé ses inquiétudes.",
			claims.Speaker{Name: "Kurt Campbell", Role: "secrétaire d'État adjoint"}},
		"fr inverted after a quote": {"fr", "Jens Stoltenberg est arrivé lundi. « Nous sommes préoccupés », a déclaré M. Stoltenberg.",
			claims.Speaker{Name: "Jens Stoltenberg"}},
		"fr inverted with role noun": {"fr", "« Nous avons toujours dit que la hausse serait temporaire », a affirmé la ministre de l'Économie, Claire Fontanel. « Le chômage baisse », a insisté la ministre.",
			claims.Speaker{Name: "Claire Fontanel", Role: "ministre de l'Économie"}},
		"fr inverted without quote": {"fr", "Jens Stoltenberg est arrivé. Ces défis sont liés à l'Asie, a déclaré M. Stoltenberg, ajoutant que le sommet serait décisif.",
			claims.Speaker{Name: "Jens Stoltenberg"}},
		"fr inverted pronoun": {"fr", "Pour l'économiste Hélène Marchetti, cet optimisme est prématuré. « Les prix du gaz ont progressé de 18 % », explique-t-elle.",
			claims.Speaker{Name: "Hélène Marchetti", Role: "économiste"}},
		"fr pronoun subject": {"fr", "La porte-parole de la Maison Blanche, Karine Jean-Pierre, a déclaré que la coopération était inquiétante. Elle a noté que seule la diplomatie comptait.",
			claims.Speaker{Name: "Karine Jean-Pierre", Role: "porte-parole", Organization: "Maison Blanche"}},
		"fr selon lui": {"fr", "« Le gouvernement se cache », a dénoncé Mathieu Roussel, député écologiste. Selon lui, les faillites ont dépassé les 11 000.",
			claims.Speaker{Name: "Mathieu Roussel", Role: "député"}},
		"fr body subject": {"fr", "De leur côté, les États-Unis ont accusé la Corée du Nord d'avoir fourni des missiles à la Russie.",
			claims.Speaker{Name: "États-Unis", Organization: "États-Unis"}},
		"fr selon a body": {"fr", "Les prix ont augmenté de 2,3 % en mars, selon l'estimation publiée vendredi par l'Insee.",
			claims.Speaker{Name: "Insee", Organization: "Insee"}},
		"fr the institute": {"fr", "Les prix ont augmenté de 2,3 %, selon l'Insee. L'institut attribue cette hausse à l'énergie.",
			claims.Speaker{Name: "Insee", Organization: "Insee"}},
		"fr title and surname": {"fr", "Le président russe Vladimir Poutine est arrivé. M. Poutine, lors d'une visite d'État avec Kim Jong-un, s'est engagé à renforcer les liens.",
			claims.Speaker{Name: "Vladimir Poutine", Role: "président"}},
		"fr wire reports": {"fr", "Reuters a rapporté que le chef de l'OTAN a exprimé son inquiétude.",
			claims.Speaker{Name: "Reuters", Organization: "Reuters"}},
		"fr selon frames a named person": {"fr", "Selon Reuters, le secrétaire général de l'OTAN, Jens Stoltenberg, s'est exprimé lors d'une conférence de presse.",
			claims.Speaker{Name: "Jens Stoltenberg", Role: "secrétaire général", Organization: "OTAN"}},
		"fr ministry": {"fr", "Selon un communiqué du ministère de l'Intérieur, 120 000 personnes ont manifesté.",
			claims.Speaker{Name: "ministère de l'Intérieur", Organization: "ministère de l'Intérieur"}},
		"fr nobody": {"fr", "Au marché de Rungis, les grossistes restent prudents.",
			claims.Speaker{}},
		"fr narrator": {"fr", "L'inflation remonte à 2,3 % en mars.",
			claims.Speaker{}},
		// English
		"en X said": {"en", "John Kirby said Washington was watching closely.",
			claims.Speaker{Name: "John Kirby"}},
		"en said X": {"en", `"We are watching very, very closely," said John Kirby.`,
			claims.Speaker{Name: "John Kirby"}},
		"en title, role after the name": {"en", `"Heat is the most expensive disaster," said John F. Whitaker, chief executive of Meridian Health Partners, a network of 14 hospitals.`,
			claims.Speaker{Name: "John F. Whitaker", Role: "chief executive", Organization: "Meridian Health Partners"}},
		"en role before the name": {"en", "White House spokesperson Karine Jean-Pierre told reporters the talks were over.",
			claims.Speaker{Name: "Karine Jean-Pierre", Role: "spokesperson", Organization: "White House"}},
		"en Mr. surname": {"en", "John F. Whitaker runs the network. Mr. Whitaker estimated the cost at $1.2 billion.",
			claims.Speaker{Name: "John F. Whitaker"}},
		"en surname after quote": {"en", "Hale’s campaign spokesman, Trevor Banks, accused the Ramos campaign of fraud. “We have sworn statements,” Banks said.",
			claims.Speaker{Name: "Trevor Banks", Role: "spokesman"}},
		"en pronoun": {"en", `"Cooling centers are a start," said Dr. Aaron Patel, an epidemiologist at the University of Washington. He said a study found that fewer than 5% of residents had visited one.`,
			claims.Speaker{Name: "Aaron Patel", Role: "epidemiologist", Organization: "University of Washington"}},
		"en pronoun after a mention": {"en", "Back in Phoenix, Dr. Maria Ellison keeps towels by the door. \"We are running out of time,\" she said.",
			claims.Speaker{Name: "Maria Ellison"}},
		"en according to a body": {"en", "Visits rose 9.4% last year, according to a report released Tuesday by the Centers for Disease Control and Prevention.",
			claims.Speaker{Name: "Centers for Disease Control and Prevention", Organization: "Centers for Disease Control and Prevention"}},
		"en the report": {"en", "Visits rose 9.4%, according to the Centers for Disease Control and Prevention. The report found that adults over 65 accounted for 31.5% of visits.",
			claims.Speaker{Name: "Centers for Disease Control and Prevention", Organization: "Centers for Disease Control and Prevention"}},
		"en the board": {"en", "Results were posted by the Harlan County Board of Elections. Ramos received 13,030 votes, the board said.",
			claims.Speaker{Name: "Harlan County Board of Elections", Organization: "Harlan County Board of Elections"}},
		"en according to a role and name": {"en", "Turnout was 41%, according to county clerk Denise Okafor.",
			claims.Speaker{Name: "Denise Okafor", Role: "county clerk"}},
		"en incidental between": {"en", "Linda Ramos won. Ramos, in turn, accused the mayor of ignoring three warnings.",
			claims.Speaker{Name: "Linda Ramos"}},
		"en age in apposition": {"en", "Mayor Gregory Hale lost. Hale, 63, said the plant met every federal standard.",
			claims.Speaker{Name: "Gregory Hale", Role: "Mayor"}},
		"en possessive subject": {"en", "Mayor Gregory Hale lost. Hale’s television ads claimed that Ramos had never managed a budget.",
			claims.Speaker{Name: "Gregory Hale", Role: "Mayor"}},
		"en vague source": {"en", "Some experts say that is not enough.",
			claims.Speaker{}},
		"en narrator": {"en", "The race turned bitter in its final weeks.",
			claims.Speaker{}},
		"en headline before the full name": {"en", "Starmer pledges 1.5 million homes\nPrime Minister Keir Starmer said the homes would be built by 2029.",
			claims.Speaker{Name: "Keir Starmer", Role: "Prime Minister"}},
	} {
		t.Run(name, func(t *testing.T) {
			cands := Analyze(tt.text, tt.lang)
			if len(cands) == 0 {
				t.Fatal("no sentence")
			}
			if name == "en headline before the full name" {
				cands = cands[:1]
			}
			got := cands[len(cands)-1].Speaker
			if got != tt.want {
				t.Errorf("speaker of %q\n= %+v\nwant %+v", cands[len(cands)-1].Text, got, tt.want)
			}
		})
	}
}

// TestSpeakerPronounWithoutAntecedent checks that a pronoun with nobody to
// refer to leaves the speaker empty rather than guessing.
func TestSpeakerPronounWithoutAntecedent(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"fr", "Elle a déclaré que tout allait bien."},
		{"en", "He said everything was fine."},
	} {
		if got := Analyze(tt.text, tt.lang)[0].Speaker; got != (claims.Speaker{}) {
			t.Errorf("%q: speaker %+v, want none", tt.text, got)
		}
	}
}
