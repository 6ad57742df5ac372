package claims

import (
	"slices"
	"testing"
)

func TestCaseFileFindsClaimsAndArticlesByID(t *testing.T) {
	a, b := &Article{ID: "a"}, &Article{ID: "b"}
	c1, c2, c3 := &Claim{ID: "1", ArticleID: "a"}, &Claim{ID: "2", ArticleID: "b"}, &Claim{ID: "3", ArticleID: "a"}
	cf := &CaseFile{Articles: []*Article{a, b}, Claims: []*Claim{c1, c2, c3}}
	if got := cf.ClaimsOf("a"); !slices.Equal(got, []*Claim{c1, c3}) {
		t.Errorf("ClaimsOf(a) = %v, want claims 1 and 3 in order", got)
	}
	if cf.Article("b") != b || cf.Article("z") != nil {
		t.Error("Article does not find articles by ID")
	}
	// A report that narrows the list sees the narrowed list.
	cf.Claims = []*Claim{c3}
	if got := cf.ClaimsOf("a"); !slices.Equal(got, []*Claim{c3}) {
		t.Errorf("after narrowing, ClaimsOf(a) = %v, want claim 3", got)
	}
	cf.Articles = []*Article{b}
	if cf.Article("a") != nil {
		t.Error("after narrowing, Article still finds a dropped article")
	}
}
