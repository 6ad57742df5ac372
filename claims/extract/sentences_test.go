package extract

import (
	"slices"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
)

// checkOffsets checks that every sentence's offsets cut its text out of
// text, in code points, with no space around it, in order.
func checkOffsets(t *testing.T, text string, sents []Sentence) {
	t.Helper()
	valid := utf8.ValidString(text)
	rs := []rune(text)
	last := 0
	for _, s := range sents {
		if s.Start < last || s.End <= s.Start || s.End > len(rs) {
			t.Fatalf("sentence %q at %d–%d is out of order or outside the text (after %d, %d code points)", s.Text, s.Start, s.End, last, len(rs))
		}
		last = s.End
		a, err := claims.AnchorAt(text, s.Start, s.End)
		if err != nil || a.Exact != s.Text {
			t.Fatalf("AnchorAt(%d, %d) = %q, %v; want %q", s.Start, s.End, a.Exact, err, s.Text)
		}
		if valid && string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("runes[%d:%d] = %q, want %q", s.Start, s.End, string(rs[s.Start:s.End]), s.Text)
		}
		first, _ := utf8.DecodeRuneInString(s.Text)
		lastRune, _ := utf8.DecodeLastRuneInString(s.Text)
		if isSpaceRune(first) || isSpaceRune(lastRune) {
			t.Fatalf("sentence %q is not trimmed", s.Text)
		}
	}
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' || r == '\r'
}

func texts(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return out
}

func TestSentences(t *testing.T) {
	for name, tt := range map[string]struct {
		lang, text string
		want       []string
	}{
		// French
		"fr simple": {"fr", "Le chômage a baissé. L'inflation a augmenté.",
			[]string{"Le chômage a baissé.", "L'inflation a augmenté."}},
		"fr title M.": {"fr", "M. Stoltenberg a déclaré que c'était grave. Il est parti.",
			[]string{"M. Stoltenberg a déclaré que c'était grave.", "Il est parti."}},
		"fr titles Mme MM. Dr Pr": {"fr", "Mme Borne et MM. Dupont et Durand ont vu le Dr. Martin et le Pr. Raoult. Rien n'a changé.",
			[]string{"Mme Borne et MM. Dupont et Durand ont vu le Dr. Martin et le Pr. Raoult.", "Rien n'a changé."}},
		"fr numbers with spaces": {"fr", "Plus de 11 000 conteneurs. Environ 25,2 % des votes.",
			[]string{"Plus de 11 000 conteneurs.", "Environ 25,2 % des votes."}},
		"fr narrow no-break spaces": {"fr", "Il y a 11\u202f000 soldats et 3\u00a0500 chars. Voilà.",
			[]string{"Il y a 11\u202f000 soldats et 3\u00a0500 chars.", "Voilà."}},
		"fr guillemets span sentences": {"fr", "« Ceci. Cela. » a déclaré X. Puis il est parti.",
			[]string{"« Ceci. Cela. » a déclaré X.", "Puis il est parti."}},
		"fr quote then attribution": {"fr", "« Nous sommes préoccupés », a déclaré M. Stoltenberg. La Chine dément.",
			[]string{"« Nous sommes préoccupés », a déclaré M. Stoltenberg.", "La Chine dément."}},
		"fr quoted full sentence": {"fr", "Il a dit : « Ils provoquent la guerre. » Le lendemain, rien.",
			[]string{"Il a dit : « Ils provoquent la guerre. »", "Le lendemain, rien."}},
		"fr quote closes after period at end": {"fr", "Il a ajouté : « Nous espérons la paix. »",
			[]string{"Il a ajouté : « Nous espérons la paix. »"}},
		"fr question in quote": {"fr", "« Pourquoi maintenant ? » a-t-il demandé. Personne n'a répondu.",
			[]string{"« Pourquoi maintenant ? » a-t-il demandé.", "Personne n'a répondu."}},
		"fr question ends": {"fr", "Quelles sont les inquiétudes de l'OTAN ? Elles sont nombreuses.",
			[]string{"Quelles sont les inquiétudes de l'OTAN ?", "Elles sont nombreuses."}},
		"fr exclamation": {"fr", "Quelle surprise ! Le vote est annulé.",
			[]string{"Quelle surprise !", "Le vote est annulé."}},
		"fr ellipsis inside": {"fr", "Il pourrait y avoir une réciprocité… qui pourrait nuire. Fin.",
			[]string{"Il pourrait y avoir une réciprocité… qui pourrait nuire.", "Fin."}},
		"fr ellipsis ends": {"fr", "Il hésita… Puis il signa.",
			[]string{"Il hésita…", "Puis il signa."}},
		"fr months": {"fr", "Publié le 3 janv. 2024 et revu en févr. Dupont l'a lu. Le 1er mars, rien.",
			[]string{"Publié le 3 janv. 2024 et revu en févr. Dupont l'a lu.", "Le 1er mars, rien."}},
		"fr abbreviation then starter": {"fr", "Des pommes, des poires, etc. Le marché ferme.",
			[]string{"Des pommes, des poires, etc.", "Le marché ferme."}},
		"fr newline ends": {"fr", "Un titre sans point\nLe texte commence ici.",
			[]string{"Un titre sans point", "Le texte commence ici."}},
		"fr blank line": {"fr", "Premier paragraphe.\n\nSecond paragraphe.",
			[]string{"Premier paragraphe.", "Second paragraphe."}},
		"fr CRLF": {"fr", "Ligne un.\r\nLigne deux.",
			[]string{"Ligne un.", "Ligne deux."}},
		"fr unbalanced guillemet": {"fr", "Il a dit « oui. Puis il est parti.",
			[]string{"Il a dit « oui.", "Puis il est parti."}},
		"fr lowercase after period": {"fr", "Voir art. premier du code. Fin.",
			[]string{"Voir art. premier du code.", "Fin."}},
		// English
		"en simple": {"en", "Prices rose. Wages fell.",
			[]string{"Prices rose.", "Wages fell."}},
		"en U.S. mid sentence": {"en", "Visits in the U.S. rose 9.4% last year. The agency said so.",
			[]string{"Visits in the U.S. rose 9.4% last year.", "The agency said so."}},
		"en U.S. at the end": {"en", "He moved to the U.S. The rest followed.",
			[]string{"He moved to the U.S.", "The rest followed."}},
		"en titles": {"en", "Mr. Kirby met Mrs. Smith, Ms. Lee, Dr. Ellison, Gen. Milley, Sen. Warren and Rep. Ocasio-Cortez. Nothing came of it.",
			[]string{"Mr. Kirby met Mrs. Smith, Ms. Lee, Dr. Ellison, Gen. Milley, Sen. Warren and Rep. Ocasio-Cortez.", "Nothing came of it."}},
		"en St. and Inc.": {"en", "At St. Luke's, Acme Inc. said profits fell. Staff left.",
			[]string{"At St. Luke's, Acme Inc. said profits fell.", "Staff left."}},
		"en initials": {"en", "J. R. R. Tolkien wrote it. John F. Kennedy read it.",
			[]string{"J. R. R. Tolkien wrote it.", "John F. Kennedy read it."}},
		"en decimals and money": {"en", "It cost $1.2 billion, up 3.5% from 2019. Debt was cut by $14 million.",
			[]string{"It cost $1.2 billion, up 3.5% from 2019.", "Debt was cut by $14 million."}},
		"en p.m. and No.": {"en", "By 3 p.m., the vote on bill No. 5 was over. Results came at 9 p.m. The count was slow.",
			[]string{"By 3 p.m., the vote on bill No. 5 was over.", "Results came at 9 p.m.", "The count was slow."}},
		"en e.g. and vs.": {"en", "Some states, e.g. Ohio, vote early. Smith vs. Jones is next.",
			[]string{"Some states, e.g. Ohio, vote early.", "Smith vs. Jones is next."}},
		"en month abbreviation": {"en", "The board will certify the results on Nov. 18. “I’ll be ready,” Ramos said.",
			[]string{"The board will certify the results on Nov. 18.", "“I’ll be ready,” Ramos said."}},
		"en curly quote then attribution": {"en", "“We won. We will deliver,” she said. Turnout was high.",
			[]string{"“We won. We will deliver,” she said.", "Turnout was high."}},
		"en straight quote then attribution": {"en", `"Cooling centers are a start," said Dr. Patel. He left.`,
			[]string{`"Cooling centers are a start," said Dr. Patel.`, "He left."}},
		"en period inside closing quote then capital": {"en", "The ads claimed she had “never managed a budget in her life.” Ramos, in turn, objected.",
			[]string{"The ads claimed she had “never managed a budget in her life.”", "Ramos, in turn, objected."}},
		"en question": {"en", "Are hospitals ready? Not yet.",
			[]string{"Are hospitals ready?", "Not yet."}},
		"en ellipsis three dots": {"en", "He paused... and went on. Then... Nothing.",
			[]string{"He paused... and went on.", "Then...", "Nothing."}},
		"en parenthesis": {"en", "The vote was close (51 to 49). Nobody knew.",
			[]string{"The vote was close (51 to 49).", "Nobody knew."}},
		"en sentence in parentheses": {"en", "Nobody came. (The invitation was lost.) Still, they waited.",
			[]string{"Nobody came.", "(The invitation was lost.)", "Still, they waited."}},
		"en headline line": {"en", "Ramos wins by 412 votes\nLinda Ramos won on Tuesday.",
			[]string{"Ramos wins by 412 votes", "Linda Ramos won on Tuesday."}},
		"en trailing spaces": {"en", "  One.   Two.  \n\n  ",
			[]string{"One.", "Two."}},
		"empty":       {"en", "", nil},
		"only spaces": {"en", " \n\t\n ", nil},
	} {
		t.Run(name, func(t *testing.T) {
			got := Sentences(tt.text, tt.lang)
			if !slices.Equal(texts(got), tt.want) {
				t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.text, texts(got), tt.want)
			}
			checkOffsets(t, tt.text, got)
		})
	}
}

func TestSentencesOffsetsCountCodePoints(t *testing.T) {
	text := "« Élu » 😀 dit : vrai. Ça coûte 3\u202f000 €. Fin."
	got := Sentences(text, "fr")
	want := []Sentence{
		{Text: "« Élu » 😀 dit : vrai.", Start: 0, End: 21},
		{Text: "Ça coûte 3\u202f000 €.", Start: 22, End: 39},
		{Text: "Fin.", Start: 40, End: 44},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %+v, want %+v", got, want)
	}
	checkOffsets(t, text, got)
}

func TestSentencesOfTheSeedArticle(t *testing.T) {
	text := readSeed(t)
	got := Sentences(text, "fr")
	if len(got) != 14 {
		t.Fatalf("%d sentences, want 14 (the headline and 13 sentences):\n%q", len(got), texts(got))
	}
	checkOffsets(t, text, got)
	for _, want := range []string{
		"« Bien sûr, nous sommes également préoccupés par le soutien potentiel que la Russie apporte à la Corée du Nord pour soutenir ses programmes de missiles et nucléaires », a déclaré M. Stoltenberg.",
		"Quelles sont les inquiétudes de l’OTAN face à la visite du président russe en Corée du Nord ?",
	} {
		if !slices.Contains(texts(got), want) {
			t.Errorf("no sentence %q", want)
		}
	}
}
