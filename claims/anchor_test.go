package claims_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
)

// runeOffset returns the code point offset of the n-th (0-based) occurrence
// of sub in text, computed independently of the package.
func runeOffset(t *testing.T, text, sub string, n int) int {
	t.Helper()
	from := 0
	for ; ; n-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q does not occur %d more times in the text", sub, n+1)
		}
		if n == 0 {
			return utf8.RuneCountInString(text[:from+i])
		}
		from += i + len(sub)
	}
}

// checkAnchor checks the invariants every anchor of text must hold.
func checkAnchor(t *testing.T, text string, a claims.Anchor) {
	t.Helper()
	if got, want := a.End-a.Start, utf8.RuneCountInString(a.Exact); got != want {
		t.Errorf("End-Start = %d, want %d code points of %q", got, want, a.Exact)
	}
	got, ok := a.Slice(text)
	if !ok || got != a.Exact {
		t.Errorf("Slice = %q, %v, want %q, true", got, ok, a.Exact)
	}
	bs, be, ok := a.ByteRange(text)
	if !ok {
		t.Fatalf("ByteRange not ok")
	}
	if got := text[bs:be]; got != a.Exact {
		t.Errorf("text[ByteRange] = %q, want %q", got, a.Exact)
	}
	if got, want := utf8.RuneCountInString(text[:bs]), a.Start; got != want {
		t.Errorf("code points before ByteRange start = %d, want Start %d", got, want)
	}
	if !strings.HasSuffix(text[:bs], a.Prefix) {
		t.Errorf("Prefix %q does not end the text before the anchor", a.Prefix)
	}
	if !strings.HasPrefix(text[be:], a.Suffix) {
		t.Errorf("Suffix %q does not start the text after the anchor", a.Suffix)
	}
	if want := min(32, utf8.RuneCountInString(text[:bs])); utf8.RuneCountInString(a.Prefix) != want {
		t.Errorf("Prefix %q has %d code points, want %d", a.Prefix, utf8.RuneCountInString(a.Prefix), want)
	}
	if want := min(32, utf8.RuneCountInString(text[be:])); utf8.RuneCountInString(a.Suffix) != want {
		t.Errorf("Suffix %q has %d code points, want %d", a.Suffix, utf8.RuneCountInString(a.Suffix), want)
	}
	if !a.Matches(text) {
		t.Errorf("Matches(text) = false, want true")
	}
	if err := a.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestNewAnchorCountsCodePoints(t *testing.T) {
	// « Élu » 😀 dit : vrai
	// 0 1 2345 6 7 8 9...  "vrai" is code points 16–20 but bytes 22–26.
	const text = "« Élu » 😀 dit : vrai"
	for name, tt := range map[string]struct {
		exact                    string
		wantStart, wantEnd       int
		wantByteStart, wantBytes int
		wantPrefix, wantSuffix   string
	}{
		"after emoji":   {"vrai", 16, 20, 22, 26, "« Élu » 😀 dit : ", ""},
		"accented word": {"Élu", 2, 5, 3, 7, "« ", " » 😀 dit : vrai"},
		"guillemets":    {"« Élu »", 0, 7, 0, 10, "", " 😀 dit : vrai"},
		"emoji alone":   {"😀", 8, 9, 11, 15, "« Élu » ", " dit : vrai"},
		"whole text":    {text, 0, 20, 0, len(text), "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := claims.NewAnchor(text, tt.exact)
			if err != nil {
				t.Fatalf("NewAnchor: %v", err)
			}
			want := claims.Anchor{Start: tt.wantStart, End: tt.wantEnd, Exact: tt.exact, Prefix: tt.wantPrefix, Suffix: tt.wantSuffix}
			if a != want {
				t.Errorf("NewAnchor = %+v, want %+v", a, want)
			}
			bs, be, ok := a.ByteRange(text)
			if bs != tt.wantByteStart || be != tt.wantBytes || !ok {
				t.Errorf("ByteRange = %d, %d, %v, want %d, %d, true", bs, be, ok, tt.wantByteStart, tt.wantBytes)
			}
			checkAnchor(t, text, a)
		})
	}
}

func TestNewAnchorFrench(t *testing.T) {
	for name, tt := range map[string]struct {
		exact, after string
		wantNth      int // which occurrence of exact is anchored
	}{
		"first occurrence":        {"le chômage a baissé", "", 0},
		"after picks the second":  {"le chômage a baissé", "l’opposition", 1},
		"after before both":       {"le chômage a baissé", "Selon", 0},
		"curly apostrophe":        {"l’opposition", "", 0},
		"guillemets":              {"« L’économie française va bien »", "", 0},
		"flag emoji":              {"ministre 🇫🇷 lundi", "", 0},
		"words after two emoji":   {"pas au gouvernement", "", 0},
		"after is the same words": {"le chômage a baissé", "le chômage a baissé", 1},
		"after starts with words": {"le chômage a baissé", "le chômage a baissé de 2 %", 1},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := claims.NewAnchorAfter(frenchText, tt.exact, tt.after)
			if err != nil {
				t.Fatalf("NewAnchorAfter: %v", err)
			}
			if got, want := a.Start, runeOffset(t, frenchText, tt.exact, tt.wantNth); got != want {
				t.Errorf("Start = %d, want %d", got, want)
			}
			if got, want := a.End, a.Start+utf8.RuneCountInString(tt.exact); got != want {
				t.Errorf("End = %d, want %d", got, want)
			}
			if got := a.Exact; got != tt.exact {
				t.Errorf("Exact = %q, want %q", got, tt.exact)
			}
			checkAnchor(t, frenchText, a)
		})
	}
}

func TestNewAnchorIsNotInBytes(t *testing.T) {
	a, err := claims.NewAnchor(frenchText, "pas au gouvernement")
	if err != nil {
		t.Fatal(err)
	}
	byteStart := strings.Index(frenchText, "pas au gouvernement")
	if a.Start == byteStart {
		t.Fatalf("Start = %d is the byte offset; want code points", a.Start)
	}
	if got, want := a.Start, utf8.RuneCountInString(frenchText[:byteStart]); got != want {
		t.Errorf("Start = %d, want %d", got, want)
	}
}

func TestNewAnchorSameAsAfterEmpty(t *testing.T) {
	a, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatal(err)
	}
	b, err := claims.NewAnchorAfter(frenchText, claimWords, "")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("NewAnchor = %+v, NewAnchorAfter(..., \"\") = %+v", a, b)
	}
}

func TestNewAnchorErrors(t *testing.T) {
	for name, tt := range map[string]struct {
		text, exact, after string
		wantCode, wantIn   string
	}{
		"no words":             {frenchText, "", "", claims.EINVALID, "The claim's words are required."},
		"words not in text":    {frenchText, "le chômage a augmenté", "", claims.ENOTFOUND, `"le chômage a augmenté"`},
		"accent differs":       {frenchText, "le chomage a baisse", "", claims.ENOTFOUND, "does not contain the words"},
		"straight apostrophe":  {frenchText, "l'opposition", "", claims.ENOTFOUND, "does not contain the words"},
		"after not in text":    {frenchText, "le chômage", "la majorité", claims.ENOTFOUND, `The article does not contain "la majorité".`},
		"words only before":    {frenchText, "Selon l’Insee", "l’opposition", claims.ENOTFOUND, `"Selon l’Insee"`},
		"empty text":           {"", "chômage", "", claims.ENOTFOUND, "does not contain"},
		"long words truncated": {frenchText, strings.Repeat("é", 100), "", claims.ENOTFOUND, strings.Repeat("é", 60) + "…"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := claims.NewAnchorAfter(tt.text, tt.exact, tt.after)
			checkErr(t, err, tt.wantCode, tt.wantIn)
		})
	}
}

func TestAnchorAt(t *testing.T) {
	const text = "« Élu » 😀 dit : vrai" // 20 code points
	for name, tt := range map[string]struct {
		start, end int
		wantExact  string
		wantCode   string
	}{
		"first code point": {0, 1, "«", ""},
		"accented word":    {2, 5, "Élu", ""},
		"emoji":            {8, 9, "😀", ""},
		"last word":        {16, 20, "vrai", ""},
		"whole text":       {0, 20, text, ""},
		"negative start":   {-1, 3, "", claims.EINVALID},
		"empty selection":  {3, 3, "", claims.EINVALID},
		"reversed":         {5, 2, "", claims.EINVALID},
		"end past text":    {16, 21, "", claims.EINVALID},
		"start past text":  {20, 21, "", claims.EINVALID},
		"far past text":    {100, 200, "", claims.EINVALID},
		"empty at the end": {20, 20, "", claims.EINVALID},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := claims.AnchorAt(text, tt.start, tt.end)
			checkErr(t, err, tt.wantCode, "is not inside the article.")
			if tt.wantCode != "" {
				return
			}
			if a.Start != tt.start || a.End != tt.end || a.Exact != tt.wantExact {
				t.Errorf("AnchorAt = %d–%d %q, want %d–%d %q", a.Start, a.End, a.Exact, tt.start, tt.end, tt.wantExact)
			}
			checkAnchor(t, text, a)
		})
	}
}

func TestAnchorAtMatchesNewAnchor(t *testing.T) {
	want, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatal(err)
	}
	got, err := claims.AnchorAt(frenchText, want.Start, want.End)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("AnchorAt = %+v, want %+v", got, want)
	}
}

func TestAnchorSliceOutOfRange(t *testing.T) {
	const text = "Corée 🇰🇵" // 8 code points
	for name, tt := range map[string]struct {
		start, end int
		want       string
		wantOK     bool
	}{
		"accent":          {3, 5, "ée", true},
		"flag":            {6, 8, "🇰🇵", true},
		"half a flag":     {6, 7, "🇰", true},
		"empty at end":    {8, 8, "", true},
		"negative start":  {-1, 2, "", false},
		"end before":      {4, 3, "", false},
		"end past text":   {6, 9, "", false},
		"start past text": {9, 9, "", false},
	} {
		t.Run(name, func(t *testing.T) {
			a := claims.Anchor{Start: tt.start, End: tt.end, Exact: tt.want}
			got, ok := a.Slice(text)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Slice = %q, %v, want %q, %v", got, ok, tt.want, tt.wantOK)
			}
			_, _, ok = a.ByteRange(text)
			if ok != tt.wantOK {
				t.Errorf("ByteRange ok = %v, want %v", ok, tt.wantOK)
			}
			if got := a.Matches(text); got != tt.wantOK {
				t.Errorf("Matches = %v, want %v", got, tt.wantOK)
			}
		})
	}
}

func TestAnchorMatches(t *testing.T) {
	a, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		text string
		want bool
	}{
		"same text":            {frenchText, true},
		"text appended":        {frenchText + " Fin.", true},
		"text inserted before": {"Titre. " + frenchText, false},
		"words changed":        {strings.Replace(frenchText, "2 %", "3 %", 1), false},
		"accent replaced":      {strings.Replace(frenchText, "baissé de 2", "baisse de 2", 1), false},
		"same length before":   {strings.Replace(frenchText, "économie", "economie", 1), true},
		"text cut short":       {frenchText[:40], false},
		"empty text":           {"", false},
	} {
		t.Run(name, func(t *testing.T) {
			if got := a.Matches(tt.text); got != tt.want {
				t.Errorf("Matches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAnchorRelocate(t *testing.T) {
	const words = "le chômage a baissé"
	first, err := claims.NewAnchor(frenchText, words)
	if err != nil {
		t.Fatal(err)
	}
	second, err := claims.NewAnchorAfter(frenchText, words, "l’opposition")
	if err != nil {
		t.Fatal(err)
	}
	if first.Start == second.Start {
		t.Fatal("the two anchors should be on different occurrences")
	}
	const inserted = "Mise à jour 📌 : « précisions » ajoutées. "
	for name, tt := range map[string]struct {
		anchor  claims.Anchor
		text    string
		wantNth int // which occurrence of words the anchor lands on
	}{
		"unchanged, first":  {first, frenchText, 0},
		"unchanged, second": {second, frenchText, 1},
		"appended, second":  {second, frenchText + " Mise à jour.", 1},
		"inserted, first":   {first, inserted + frenchText, 0},
		"inserted, second":  {second, inserted + frenchText, 1},
		"inserted between, second": {second, strings.Replace(frenchText,
			"Mais pour", "Pourtant, le chômage a baissé partout en Europe 🇪🇺. Mais pour", 1), 2},
		"prefix edited, second": {second, inserted + strings.Replace(frenchText,
			"Mais pour l’opposition", "Pour l’opposition", 1), 1},
		"first occurrence removed, second": {second, strings.Replace(frenchText,
			"Selon l’Insee, le chômage a baissé de 2 % en 2023 😀. ", "", 1), 0},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := tt.anchor.Relocate(tt.text)
			if err != nil {
				t.Fatalf("Relocate: %v", err)
			}
			if want := runeOffset(t, tt.text, words, tt.wantNth); got.Start != want {
				t.Errorf("Start = %d, want %d (occurrence %d)", got.Start, want, tt.wantNth)
			}
			if got.Exact != words {
				t.Errorf("Exact = %q, want %q", got.Exact, words)
			}
			checkAnchor(t, tt.text, got)
		})
	}
}

func TestAnchorRelocateGone(t *testing.T) {
	a, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"words removed": strings.Replace(frenchText, claimWords, "", 1),
		"words changed": strings.Replace(frenchText, "de 2 %", "de 3 %", 1),
		"empty text":    "",
		"other article": "Un tout autre article.",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := a.Relocate(text)
			checkErr(t, err, claims.ENOTFOUND, `The words "le chômage a baissé de 2 % en 2023" are no longer in the article.`)
		})
	}
}

func TestAnchorValidate(t *testing.T) {
	good, err := claims.NewAnchor(frenchText, claimWords)
	if err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		edit             func(a *claims.Anchor)
		wantCode, wantIn string
	}{
		"valid":            {func(a *claims.Anchor) {}, "", ""},
		"no context":       {func(a *claims.Anchor) { a.Prefix, a.Suffix = "", "" }, "", ""},
		"emoji words":      {func(a *claims.Anchor) { a.Start, a.End, a.Exact = 3, 5, "🇫🇷" }, "", ""},
		"negative start":   {func(a *claims.Anchor) { a.Start = -1 }, claims.EINVALID, "are not a selection."},
		"empty selection":  {func(a *claims.Anchor) { a.End = a.Start }, claims.EINVALID, "are not a selection."},
		"zero anchor":      {func(a *claims.Anchor) { *a = claims.Anchor{} }, claims.EINVALID, "The anchor's offsets 0–0 are not a selection."},
		"reversed":         {func(a *claims.Anchor) { a.Start, a.End = a.End, a.Start }, claims.EINVALID, "are not a selection."},
		"words too long":   {func(a *claims.Anchor) { a.End++ }, claims.EINVALID, "The anchor's words do not fit its offsets"},
		"words too short":  {func(a *claims.Anchor) { a.End-- }, claims.EINVALID, "The anchor's words do not fit its offsets"},
		"offsets in bytes": {func(a *claims.Anchor) { a.Start, a.End = 0, len("chômage"); a.Exact = "chômage" }, claims.EINVALID, "do not fit"},
		"words not UTF-8":  {func(a *claims.Anchor) { a.Start, a.End, a.Exact = 0, 1, "\xff" }, claims.EINVALID, "The anchor's words must be valid UTF-8 text."},
		"words NUL":        {func(a *claims.Anchor) { a.Start, a.End, a.Exact = 0, 1, "\x00" }, claims.EINVALID, "The anchor's words must not contain a NUL character."},
		"prefix NUL":       {func(a *claims.Anchor) { a.Prefix = "a\x00" }, claims.EINVALID, "The anchor's prefix must not contain a NUL character."},
		"suffix not UTF-8": {func(a *claims.Anchor) { a.Suffix = "\xc3(" }, claims.EINVALID, "The anchor's suffix must be valid UTF-8 text."},
		"prefix too long":  {func(a *claims.Anchor) { a.Prefix = strings.Repeat("é", claims.MaxShortText+1) }, claims.EINVALID, "The anchor's prefix must be at most"},
		"words of max length": {func(a *claims.Anchor) {
			a.Start, a.End, a.Exact = 0, claims.MaxLongText, strings.Repeat("é", claims.MaxLongText)
		}, "", ""},
		"words too many": {func(a *claims.Anchor) {
			a.Start, a.End, a.Exact = 0, claims.MaxLongText+1, strings.Repeat("é", claims.MaxLongText+1)
		}, claims.EINVALID, "The anchor's words must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			a := good
			tt.edit(&a)
			checkErr(t, a.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestAnchorRelocateChoice(t *testing.T) {
	for name, tt := range map[string]struct {
		text, newText, exact, after string
		wantStart                   int
	}{
		// The contexts were swapped without moving anything: the offsets
		// still cut the words, so they win over the better-matching context.
		"offsets that still match win": {
			text: "aa X bb. cc X dd.", newText: "cc X dd. aa X bb.",
			exact: "X", after: "cc", wantStart: 12,
		},
		// A repeated paragraph gives two occurrences with the same
		// surroundings: the first one is chosen, as NewAnchor would.
		"ties go to the first occurrence": {
			text: "Titre. Le taux est de 5 %. Fin.", newText: "Nouveau titre. Le taux est de 5 %. Le taux est de 5 %. Fin.",
			exact: "Le taux est de 5 %", after: "", wantStart: 15,
		},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := claims.NewAnchorAfter(tt.text, tt.exact, tt.after)
			if err != nil {
				t.Fatal(err)
			}
			got, err := a.Relocate(tt.newText)
			if err != nil {
				t.Fatalf("Relocate: %v", err)
			}
			if got.Start != tt.wantStart {
				t.Errorf("Start = %d, want %d", got.Start, tt.wantStart)
			}
			checkAnchor(t, tt.newText, got)
		})
	}
}

func TestTextIndexAgreesWithMatches(t *testing.T) {
	text := "Le 18 juin, « plus de 11 000 conteneurs » à la Corée, œuvre 😀 fin"
	for start := -1; start <= len([]rune(text))+1; start++ {
		for end := start - 1; end <= len([]rune(text))+1; end++ {
			a := claims.Anchor{Start: start, End: end}
			if s, ok := a.Slice(text); ok {
				a.Exact = s
			} else {
				a.Exact = "x"
			}
			if got, want := claims.NewTextIndex(text).Matches(a), a.Matches(text); got != want {
				t.Fatalf("anchor %d–%d: index says %v, Matches %v", start, end, got, want)
			}
		}
	}
}

// anchorTexts mix long ASCII runs, which the offsets skip a word at a time,
// with accents, emoji and invalid bytes on either side of a word boundary.
var anchorTexts = map[string]string{
	"french":         frenchText,
	"emoji":          "« Élu » 😀 dit : vrai",
	"ascii runs":     "abcdefghijklmnopqrstuvwxyz0123456789é-abcdefgh😀ijklmnopq",
	"invalid bytes":  "abcdefg\xffhijklmn\xe2\x80opqrstu\xc3vwxyz0123456\xf0\x9f\x98",
	"accent at 8":    "12345678é12345678ü",
	"empty":          "",
	"only multibyte": "éèêëàâäôöûüç",
}

// referenceByteRange converts code point offsets as ranging over a string
// counts them, one code point at a time.
func referenceByteRange(text string, start, end int) (int, int, bool) {
	var offsets []int
	for i := range text {
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(text))
	if start < 0 || end < start || end >= len(offsets) {
		return 0, 0, false
	}
	return offsets[start], offsets[end], true
}

func TestByteRangeCountsAsRangingDoes(t *testing.T) {
	for name, text := range anchorTexts {
		t.Run(name, func(t *testing.T) {
			n := len([]rune(text))
			for start := -1; start <= n+1; start++ {
				for end := start - 1; end <= n+1; end++ {
					bs, be, ok := claims.Anchor{Start: start, End: end}.ByteRange(text)
					ws, we, wok := referenceByteRange(text, start, end)
					if ok != wok || ok && (bs != ws || be != we) {
						t.Fatalf("ByteRange(%d, %d) = %d, %d, %v, want %d, %d, %v", start, end, bs, be, ok, ws, we, wok)
					}
				}
			}
		})
	}
}

func TestTextIndexAnchorAtAgreesWithAnchorAt(t *testing.T) {
	for name, text := range anchorTexts {
		t.Run(name, func(t *testing.T) {
			x := claims.NewTextIndex(text)
			n := len([]rune(text))
			for start := -1; start <= n+1; start++ {
				for end := start - 1; end <= n+1; end++ {
					got, gotErr := x.AnchorAt(start, end)
					want, wantErr := claims.AnchorAt(text, start, end)
					if got != want || claims.ErrorMessage(gotErr) != claims.ErrorMessage(wantErr) {
						t.Fatalf("AnchorAt(%d, %d) = %+v, %v, want %+v, %v", start, end, got, gotErr, want, wantErr)
					}
				}
			}
		})
	}
}
