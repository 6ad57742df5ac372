package assets_test

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"claimdesk/assets"
	"claimdesk/claims"
)

func sampleCase(t *testing.T) (claims.Article, []claims.Claim) {
	t.Helper()
	article, found, err := assets.SampleCase()
	if err != nil {
		t.Fatalf("SampleCase: %v", err)
	}
	list := make([]claims.Claim, len(found))
	for i, c := range found {
		list[i] = *c
	}
	return *article, list
}

func TestSampleArticle(t *testing.T) {
	article, _ := sampleCase(t)
	if err := article.Validate(); err != nil {
		t.Fatalf("article does not validate: %v", err)
	}
	onDisk, err := os.ReadFile("sample/article-fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	if article.Text != string(onDisk) {
		t.Error("article text differs from sample/article-fr.txt")
	}
	if article.TextSHA256 != claims.TextHash(string(onDisk)) {
		t.Errorf("TextSHA256 = %q, want the hash of the file", article.TextSHA256)
	}
	firstLine, _, _ := strings.Cut(article.Text, "\n")
	if article.Title != firstLine {
		t.Errorf("title = %q, want the article's first line %q", article.Title, firstLine)
	}
	if article.Language != claims.LangFrench {
		t.Errorf("language = %q, want %q", article.Language, claims.LangFrench)
	}
	if article.ID != "" || article.Meta != (claims.Meta{}) {
		t.Errorf("ID and Meta must be left for the store, got %q, %+v", article.ID, article.Meta)
	}
	for _, want := range []string{"« des dizaines", "11 000 conteneurs", "’OTAN", "réciprocité…"} {
		if !strings.Contains(article.Text, want) {
			t.Errorf("article text lost %q", want)
		}
	}
}

func TestSampleClaimsAreValidAndAnchored(t *testing.T) {
	article, list := sampleCase(t)
	if len(list) < 15 {
		t.Fatalf("got %d claims, want at least 15", len(list))
	}
	anchors := map[[2]int]string{}
	for _, c := range list {
		t.Run(c.Summary, func(t *testing.T) {
			if c.ID != "" || c.ArticleID != "" || c.Meta != (claims.Meta{}) {
				t.Errorf("ID, ArticleID and Meta must be left for the store")
			}
			if c.Status != claims.StatusToTriage {
				t.Errorf("status = %q, want %q", c.Status, claims.StatusToTriage)
			}
			if c.Verdict != nil {
				t.Error("sample claims carry no verdict")
			}
			probe := c
			probe.ArticleID = "x"
			if err := probe.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
			got, ok := c.Anchor.Slice(article.Text)
			if !ok || got != c.Text {
				t.Errorf("anchor %d–%d cuts %q, want %q", c.Anchor.Start, c.Anchor.End, got, c.Text)
			}
			if !c.Anchor.Matches(article.Text) {
				t.Error("anchor does not match the article text")
			}
			if n := utf8.RuneCountInString(c.Summary); n == 0 || n > claims.MaxSummary {
				t.Errorf("summary has %d characters, want 1..%d", n, claims.MaxSummary)
			}
			if !c.Kind.Valid() {
				t.Errorf("kind %q is not valid", c.Kind)
			}
			if s := c.CheckWorthiness.Score; s <= 0 || s > 1 || len(c.CheckWorthiness.Reasons) == 0 {
				t.Errorf("check-worthiness %+v needs a score in (0, 1] and reasons", c.CheckWorthiness)
			}
			if len(c.Tags) == 0 {
				t.Error("no tags")
			}
			for _, tag := range c.Tags {
				if tag != strings.ToLower(tag) {
					t.Errorf("tag %q is not lower case", tag)
				}
			}
		})
		key := [2]int{c.Anchor.Start, c.Anchor.End}
		if other, dup := anchors[key]; dup {
			t.Errorf("claims %q and %q have the same anchor %v", other, c.Summary, key)
		}
		anchors[key] = c.Summary
	}
}

func TestSampleRequiredClaims(t *testing.T) {
	_, list := sampleCase(t)
	tests := []struct {
		name    string
		text    string // words the claim's text must contain, or ""
		speaker string // the claim's speaker, or "" for any
	}{
		{"munitions accusation", "11 000 conteneurs de munitions", "Gouvernement des États-Unis"},
		{"missiles accusation", "missiles balistiques", "Gouvernement des États-Unis"},
		{"wish list", "avions de combat", "Bonnie Jenkins"},
		{"first trip in 24 years", "premier voyage en Corée du Nord depuis 24 ans", ""},
		{"ties pledge", "s'est engagé à renforcer les liens", "Vladimir Poutine"},
		{"largest war", "la plus grande guerre", "Jens Stoltenberg"},
		{"Stoltenberg", "", "Jens Stoltenberg"},
		{"Kirby", "", "John Kirby"},
		{"Jean-Pierre", "", "Karine Jean-Pierre"},
		{"Campbell", "", "Kurt Campbell"},
		{"Jenkins", "", "Bonnie Jenkins"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range list {
				if strings.Contains(c.Text, tt.text) && (tt.speaker == "" || c.Speaker.Name == tt.speaker) {
					return
				}
			}
			t.Errorf("no claim contains %q with speaker %q", tt.text, tt.speaker)
		})
	}
}

func TestSampleStoltenbergHasSeveralClaims(t *testing.T) {
	_, list := sampleCase(t)
	n := 0
	for _, c := range list {
		if c.Speaker.Name == "Jens Stoltenberg" {
			n++
		}
	}
	if n < 3 {
		t.Errorf("Jens Stoltenberg has %d claims, want several", n)
	}
}

func TestSampleCaseReturnsFreshCopies(t *testing.T) {
	_, first := sampleCase(t)
	first[0].Tags[0] = "changed"
	first[0].CheckWorthiness.Reasons[0] = "changed"
	_, second := sampleCase(t)
	if second[0].Tags[0] == "changed" || second[0].CheckWorthiness.Reasons[0] == "changed" {
		t.Error("SampleCase shares slices between calls")
	}
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	if cfg.Width != 256 || cfg.Height != 256 {
		t.Errorf("Icon is %d×%d, want 256×256", cfg.Width, cfg.Height)
	}
}
