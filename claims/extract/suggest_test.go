package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/claims"
)

func TestSuggestAnchorsWorthyCandidates(t *testing.T) {
	text := "Le chômage a baissé de 2 % en 2024, selon l'Insee. Il faisait beau."
	candidates := []Candidate{
		{Sentence: Sentence{Text: "Le chômage a baissé de 2 % en 2024, selon l'Insee.", Start: 0, End: 50}, Score: 0.9,
			Reasons: []string{"percentage: 2 %"}, Speaker: claims.Speaker{Name: "Insee"}, Kind: claims.KindStatistic},
		{Sentence: Sentence{Text: "Il faisait beau.", Start: 51, End: 67}, Score: 0.1, Kind: claims.KindEvent},
	}
	got, err := Suggest(text, candidates, DefaultThreshold)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d claims, want the one worthy sentence", len(got))
	}
	c := got[0]
	if words, ok := c.Anchor.Slice(text); !ok || words != c.Text || c.Text != candidates[0].Text {
		t.Fatalf("anchor cuts %q, text %q", words, c.Text)
	}
	c.ArticleID = "x"
	if err := c.Validate(); err != nil {
		t.Fatalf("a suggested claim does not validate: %v", err)
	}
	if c.Status != claims.StatusToTriage || c.Speaker.Name != "Insee" || c.CheckWorthiness.Score != 0.9 {
		t.Fatalf("claim = %+v", c)
	}
	if _, err := Suggest(text, []Candidate{{Sentence: Sentence{Start: 60, End: 90}, Score: 1}}, DefaultThreshold); err == nil {
		t.Fatal("a candidate outside the text was anchored")
	}
}

// scoredSentences returns a text of n sentences and a candidate for each,
// scored by score.
func scoredSentences(n int, score func(i int) float64) (string, []Candidate) {
	var text strings.Builder
	candidates := make([]Candidate, n)
	for i := range candidates {
		sentence := fmt.Sprintf("Phrase %d, où l'on compte %d €.", i, i*7)
		start := utf8.RuneCountInString(text.String())
		text.WriteString(sentence + " ")
		candidates[i] = Candidate{Sentence: Sentence{Text: sentence, Start: start, End: start + utf8.RuneCountInString(sentence)}, Score: score(i)}
	}
	return text.String(), candidates
}

func TestSuggestKeepsTheMostCheckWorthy(t *testing.T) {
	const max = MaxSuggestions
	for name, tt := range map[string]struct {
		n         int
		score     func(i int) float64
		wantFound int
		wantKept  func(i int) bool
	}{
		"as many as the cap": {max, func(int) float64 { return 0.9 }, max, func(int) bool { return true }},
		"the best ones": {max + 150, func(i int) float64 {
			switch {
			case i < 100:
				return 0.6
			case i < 100+max:
				return 0.9
			}
			return 0.3 // below the threshold
		}, max + 100, func(i int) bool { return i >= 100 && i < 100+max }},
		"the first among equals": {max + 20, func(int) float64 { return 0.7 }, max + 20, func(i int) bool { return i < max }},
		"best first, then the first among equals": {2*max + 20, func(i int) float64 { return []float64{0.9, 0.6}[i%2] }, 2*max + 20,
			func(i int) bool { return i%2 == 0 && i < 2*max }},
	} {
		t.Run(name, func(t *testing.T) {
			text, candidates := scoredSentences(tt.n, tt.score)
			got, err := Suggest(text, candidates, DefaultThreshold)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i, c := range candidates {
				if tt.wantKept(i) {
					want = append(want, c.Text)
				}
			}
			var texts []string
			for _, c := range got {
				texts = append(texts, c.Text)
			}
			if !slices.Equal(texts, want) {
				t.Fatalf("kept %d claims, want %d: %q…", len(texts), len(want), texts[:min(3, len(texts))])
			}
			s, err := SuggestCapped(text, candidates, DefaultThreshold)
			if err != nil {
				t.Fatal(err)
			}
			if s.Found != tt.wantFound || len(s.Claims) != len(want) || s.Capped() != (tt.wantFound > max) {
				t.Fatalf("SuggestCapped kept %d of %d, capped %v; want %d of %d", len(s.Claims), s.Found, s.Capped(), len(want), tt.wantFound)
			}
		})
	}
}

func TestSuggestionsNoteSaysHowManyWereKept(t *testing.T) {
	for name, tt := range map[string]struct {
		s    Suggestions
		want string
	}{
		"capped": {Suggestions{Claims: make([]*claims.Claim, 500), Found: 72058},
			"Suggested the 500 most check-worthy of 72058 sentences that could be claims; the others were left out, and can be added by hand."},
		"all kept": {Suggestions{Claims: make([]*claims.Claim, 12), Found: 12}, ""},
		"none":     {Suggestions{}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			if got := tt.s.Note().String(); got != tt.want {
				t.Fatalf("Note() = %q, want %q", got, tt.want)
			}
		})
	}
}
