package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
)

// filtersOf returns filters that each match some of db's live claims: one
// per value of every indexed field, a word and the start of a word, and
// pairs of them, as people narrow a list.
func filtersOf(t *testing.T, db *DB) []claims.ClaimFilter {
	t.Helper()
	sums, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var singles []claims.ClaimFilter
	for _, s := range sums {
		status, rating, speaker, assignee, article := s.Status, s.Rating, s.Speaker, s.Assignee, s.ArticleID
		singles = append(singles, claims.ClaimFilter{Status: &status}, claims.ClaimFilter{ArticleID: &article})
		for _, v := range []struct {
			value string
			set   func(*claims.ClaimFilter, *string)
		}{
			{rating, func(f *claims.ClaimFilter, v *string) { f.Rating = v }},
			{speaker, func(f *claims.ClaimFilter, v *string) { f.Speaker = v }},
			{assignee, func(f *claims.ClaimFilter, v *string) { f.Assignee = v }},
		} {
			var f claims.ClaimFilter
			v.set(&f, &v.value) // empty values too: the list asks for them
			singles = append(singles, f)
		}
		for _, tag := range s.Tags {
			singles = append(singles, claims.ClaimFilter{Tag: &tag})
		}
		if words := claims.SearchWords(s.Summary); len(words) > 0 {
			w := words[len(words)/2]
			singles = append(singles, claims.ClaimFilter{Query: strings.ToUpper(w)}, claims.ClaimFilter{Query: w[:(len(w)+1)/2]})
		}
	}
	all := slices.Clone(singles)
	for i := 0; i+1 < len(singles); i += 2 {
		pair := singles[i]
		other := singles[i+1]
		switch {
		case other.Query != "":
			pair.Query += " " + other.Query
		case other.Tag != nil:
			pair.Tag = other.Tag
		case other.ArticleID != nil:
			pair.ArticleID = other.ArticleID
		}
		all = append(all, pair)
	}
	return all
}

// assertIndexAnswersAsScan checks that every filter of filtersOf gets from
// the index what reading every summary gets, page by page.
func assertIndexAnswersAsScan(t *testing.T, db *DB) {
	t.Helper()
	for _, f := range filtersOf(t, db) {
		for _, page := range []struct{ offset, limit int }{{0, 0}, {1, 2}} {
			f.Offset, f.Limit = page.offset, page.limit
			err := db.view(context.Background(), func(tx *tx) error {
				got, gotTotal, err := tx.findSummaries(f)
				if err != nil {
					return err
				}
				sf, err := newSummaryFilter(&f)
				if err != nil {
					return err
				}
				var want []claims.ClaimSummary
				wantTotal, err := tx.scanMatches(sf, f, func(k []byte) error {
					v, err := viewSummary(tx.Bucket(bucketSummaries).Get(k))
					want = append(want, v.summary(k))
					return err
				})
				if err != nil {
					return err
				}
				if gotTotal != wantTotal || fmt.Sprint(got) != fmt.Sprint(want) {
					return fmt.Errorf("filter %s: index gives %d rows of %d, reading every summary %d of %d",
						describe(f), len(got), gotTotal, len(want), wantTotal)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

func describe(f claims.ClaimFilter) string {
	var parts []string
	for name, v := range map[string]*string{"article": f.ArticleID, "rating": f.Rating, "speaker": f.Speaker,
		"assignee": f.Assignee, "tag": f.Tag} {
		if v != nil {
			parts = append(parts, fmt.Sprintf("%s=%q", name, *v))
		}
	}
	if f.Status != nil {
		parts = append(parts, fmt.Sprintf("status=%q", *f.Status))
	}
	slices.Sort(parts)
	return fmt.Sprintf("%s query=%q offset=%d limit=%d", strings.Join(parts, " "), f.Query, f.Offset, f.Limit)
}

func TestSearchMatchesTheStartOfWords(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions", "son premier voyage en Corée du Nord",
		"Les États-Unis ont accusé Pyongyang")
	tests := []struct {
		query string
		want  []int
	}{
		{"coree", []int{1}},
		{"COR", []int{1}},
		{"11,000 conten", []int{0}},
		{"etats-unis", []int{2}},
		{"pyong", []int{2}},
		{"yang", nil}, // inside a word, not at its start
		{"STOLT otan", []int{0, 1, 2}},
		{"co", []int{0, 1}}, // conteneurs, corée: two words' claims merged
		{"p", []int{0, 1, 2}},
		{"p n", []int{1}},
		{"de", []int{0}},
		{"", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		sums, total, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, s := range sums {
			got = append(got, slices.IndexFunc(list, func(c *claims.Claim) bool { return c.ID == s.ID }))
		}
		if !slices.Equal(got, tt.want) || total != len(tt.want) {
			t.Errorf("query %q found %v (total %d), want %v", tt.query, got, total, tt.want)
		}
	}
}

func TestIndexFollowsEditsAndDeletes(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	a, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions", "son premier voyage en Corée du Nord",
		"la Chine alimentait la guerre")
	alice := as("Alice")
	tags := []string{"otan", "corée"}
	speaker := claims.Speaker{Name: "Jens Stoltenberg"}
	assignee := "Bob"
	if _, err := db.UpdateClaim(alice, list[0].ID, claims.ClaimUpdate{Tags: &tags, Speaker: &speaker, Assignee: &assignee}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetVerdict(alice, list[1].ID, claims.Verdict{Rating: "faux", Explanation: "Non."}, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteClaim(alice, list[2].ID); err != nil {
		t.Fatal(err)
	}
	other := []string{"otan", "otan"}
	if _, err := db.UpdateClaim(alice, list[1].ID, claims.ClaimUpdate{Tags: &other}); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{}); total != 2 {
		t.Errorf("total = %d after a delete, want 2", total)
	}
	if sums, _, _ := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Query: "chine"}); len(sums) != 0 {
		t.Errorf("a deleted claim is still found by its words: %v", sums)
	}
	if sums, _, _ := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Query: "chine", Deleted: true}); len(sums) != 1 {
		t.Errorf("asking for tombstones too finds %d claims, want the deleted one", len(sums))
	}
	assertIndexAnswersAsScan(t, db)
	c := &claims.Claim{ArticleID: a.ID, Text: "son premier voyage en Corée du Nord", Kind: claims.KindQuote}
	if err := db.CreateClaim(alice, c); err != nil {
		t.Fatal(err)
	}
	assertIndexAnswersAsScan(t, db)
	report, err := db.Check(context.Background())
	if err != nil || !report.OK() {
		t.Fatalf("check: %+v, %v", report, err)
	}
}

func TestCheckFindsADamagedIndex(t *testing.T) {
	tests := map[string]func(t *tx) error{
		"an entry missing": func(t *tx) error {
			k, _ := t.Bucket(bucketClaimIndex).Cursor().Seek([]byte{termStatus})
			return t.Bucket(bucketClaimIndex).Delete(k)
		},
		"an entry too many": func(t *tx) error {
			return t.Bucket(bucketClaimIndex).Put(wordKey([]byte("iran"), make([]byte, 16)), nil)
		},
		"a count wrong": func(t *tx) error {
			return addCount(t.Bucket(bucketClaimIndex), countLive, 1)
		},
	}
	for name, damage := range tests {
		t.Run(name, func(t *testing.T) {
			db := mustOpen(t, claims.LangFrench)
			mustImport(t, db, "plus de 11 000 conteneurs de munitions", "son premier voyage en Corée du Nord")
			if err := db.update(as("Mallory"), damage); err != nil {
				t.Fatal(err)
			}
			report, err := db.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if report.OK() || !strings.Contains(fmt.Sprint(report.Problems), "claim index") {
				t.Fatalf("check of a damaged index: %+v", report.Problems)
			}
		})
	}
}
