package extract

import (
	"testing"

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
