package bench

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestDataset checks, on a few articles, what the benchmarks rely on: the
// generator repeats itself, anchors cut the claim out of the article, and
// claims are about the size the targets assume.
func TestDataset(t *testing.T) {
	if !reflect.DeepEqual(article(7), article(7)) || !reflect.DeepEqual(source(7), source(7)) {
		t.Fatal("the generator is not deterministic")
	}
	var size, n, links int
	for i := 0; i < 20; i++ {
		a := article(i)
		a.Article.Freeze()
		if err := a.Article.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, c := range a.Claims {
			if !c.Anchor.Matches(a.Article.Text) || c.Anchor.Exact != c.Text {
				t.Fatalf("article %d: the anchor of %q does not match", i, c.Text)
			}
			c.ArticleID = "0190f3a4-0000-7000-8000-000000000000"
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
			raw, _ := json.Marshal(claimJSON(c))
			size += len(raw)
			n++
		}
		links += len(a.Evidence)
	}
	if links != 20*evidencePerArticle {
		t.Errorf("%d evidence links in 20 articles, want %d", links, 20*evidencePerArticle)
	}
	if avg := size / n; avg < 450 || avg > 800 {
		t.Errorf("claims average %d bytes of JSON, want about 600", avg)
	} else {
		t.Logf("claims average %d bytes of JSON", avg)
	}
	for k := 0; k < 50; k++ {
		if err := source(k).Validate(); err != nil {
			t.Fatal(err)
		}
	}
}
