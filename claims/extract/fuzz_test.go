package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostilePieces are the fragments random texts are made of: the marks the
// segmenter and the analyser react to, names, numbers, and broken bytes.
var hostilePieces = []string{
	".", "..", "...", "…", "?", "!", "?!", ",", ";", ":", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t",
	"\u00a0", "\u202f", "«", "»", "« ", " »", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "-", "—",
	"M.", "Mme", "Dr.", "U.S.", "p.m.", "Nov.", "etc.", "J.", "F.", "e.g.", "No.", "St.",
	"11 000", "9.4", "25,2", "3.5%", "2,3 %", "$1.2 billion", "1er", "11e", "2024", "63", "0", "412-vote",
	"Jens Stoltenberg", "Stoltenberg", "a déclaré", "a-t-il", "explique-t-elle", "s'est engagé", "selon", "Selon lui",
	"said", "according to", "told", "He", "She", "Elle", "il", "la ministre", "the board", "the report",
	"le secrétaire général de l'OTAN", "White House spokesperson", "Banque de France", "de", "of", "and", "et",
	"le plus", "more than", "jamais", "will", "pourrait", "accusé", "Honestly", "the", "Le", "a", "x",
	"\xff", "\xc3", "\xe2\x80", "\x00", "😀", "🇫🇷", "\u0301", "ǅ", "İ", "ß",
}

// randomText assembles n random pieces.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(hostilePieces[r.IntN(len(hostilePieces))])
	}
	return b.String()
}

// checkNoPanicAndOffsets runs the detector on text and checks its offsets.
func checkNoPanicAndOffsets(t *testing.T, text string) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("panic on %q: %v", text, p)
		}
	}()
	for _, lang := range []string{"fr", "en"} {
		sents := Sentences(text, lang)
		checkOffsets(t, text, sents)
		cands := Analyze(text, lang)
		if len(cands) != len(sents) {
			t.Fatalf("%d candidates for %d sentences in %q", len(cands), len(sents), text)
		}
		for _, c := range cands {
			if c.Score < 0 || c.Score > 1 || !c.Kind.Valid() {
				t.Fatalf("candidate %+v out of range in %q", c, text)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(c.Speaker.Name) || !utf8.ValidString(c.Speaker.Role)) {
				t.Fatalf("speaker %+v is not UTF-8", c.Speaker)
			}
		}
	}
	_, _, _ = PlainText([]byte(text), "x.txt")
	_, _, _ = PlainText([]byte(text), "x.md")
	_, _, _ = PlainText([]byte(text), "x.html")
	_ = DetectLanguage(text)
}

// TestHostileInputs runs the detector on random and hostile texts: it must
// never panic, and every sentence's offsets must cut its text out.
func TestHostileInputs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		checkNoPanicAndOffsets(t, randomText(r, 1+r.IntN(40)))
	}
	for _, text := range []string{
		"", " ", ".", "«", "»", "\"", "…", "M.", "a-t-il", "-t-", "'", "’s", "$", "%", "1", "\xff",
		strings.Repeat("«", 1000) + strings.Repeat("»", 1000),
		strings.Repeat("a.", 5000),
		strings.Repeat("... ", 2000),
		strings.Repeat("M. ", 2000),
		strings.Repeat("1 000 ", 2000),
		strings.Repeat("Jean de la ", 1000),
		strings.Repeat(", a déclaré", 1000),
		strings.Repeat("\"", 3001),
		strings.Repeat("é", 10000) + ".",
		"« » « » « ».",
		"said said said said.",
		"Selon , selon lui, selon.",
		strings.Repeat("ministre Jean Dupont, ", 5000) + "a déclaré que la ministre avait dit 3 %.",
		strings.Repeat("le porte-parole Jean Dupont de la Maison Blanche ", 3000) + ", a déclaré la ministre.",
		strings.Repeat("« a », ", 10000) + "a dit X.",
		strings.Repeat("\"a,\" said Mr. B, ", 10000),
		strings.Repeat("Aaa Bbb et Ccc Ddd, ", 10000) + "ont dit.",
	} {
		checkNoPanicAndOffsets(t, text)
	}
}

// FuzzSentences is the same check for go test -fuzz; its seeds run with
// every go test.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"« Ceci. Cela. » a déclaré X. Fin.", "M. Stoltenberg a dit 11 000.", "\"Yes,\" said Dr. J. Smith. \xff", "…\n\n?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkNoPanicAndOffsets(t, text)
	})
}
