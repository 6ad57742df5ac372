package claims_test

import (
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
)

// workflowOrder is the expected value of claims.Statuses, spelt out so that
// renaming, adding or reordering a status fails the tests.
var workflowOrder = []claims.Status{
	"to-triage", "not-check-worthy", "researching", "verdict-drafted",
	"in-review", "changes-requested", "published", "corrected",
}

// workflowMatrix is the expected workflow: row is the current status, column
// the next one, in workflowOrder; x marks an allowed move.
var workflowMatrix = map[claims.Status]string{
	//                   tri ncw res vdr rev chg pub cor
	"to-triage":         " .   x   x   .   .   .   .   . ",
	"not-check-worthy":  " x   .   .   .   .   .   .   . ",
	"researching":       " x   x   .   x   .   .   .   . ",
	"verdict-drafted":   " .   .   x   .   x   .   .   . ",
	"in-review":         " .   .   .   x   .   x   x   . ",
	"changes-requested": " .   .   x   x   .   .   .   . ",
	"published":         " .   .   .   .   .   .   .   x ",
	"corrected":         " .   .   .   .   .   .   .   x ",
}

// wantNext is the expected order of Status.Next, which error messages follow.
var wantNext = map[claims.Status][]claims.Status{
	"to-triage":         {"researching", "not-check-worthy"},
	"not-check-worthy":  {"to-triage"},
	"researching":       {"verdict-drafted", "to-triage", "not-check-worthy"},
	"verdict-drafted":   {"in-review", "researching"},
	"in-review":         {"published", "changes-requested", "verdict-drafted"},
	"changes-requested": {"verdict-drafted", "researching"},
	"published":         {"corrected"},
	"corrected":         {"corrected"},
}

func wantMove(t *testing.T, from, to claims.Status) bool {
	t.Helper()
	row := strings.Fields(workflowMatrix[from])
	if len(row) != len(workflowOrder) {
		t.Fatalf("workflowMatrix[%q] has %d columns, want %d", from, len(row), len(workflowOrder))
	}
	return row[slices.Index(workflowOrder, to)] == "x"
}

func TestStatuses(t *testing.T) {
	if got, want := claims.Statuses, workflowOrder; !slices.Equal(got, want) {
		t.Errorf("Statuses = %q, want %q", got, want)
	}
	consts := []claims.Status{
		claims.StatusToTriage, claims.StatusNotCheckWorthy, claims.StatusResearching, claims.StatusVerdictDrafted,
		claims.StatusInReview, claims.StatusChangesRequested, claims.StatusPublished, claims.StatusCorrected,
	}
	if got, want := consts, workflowOrder; !slices.Equal(got, want) {
		t.Errorf("status constants = %q, want %q", got, want)
	}
}

func TestStatusCanMoveTo(t *testing.T) {
	for _, from := range claims.Statuses {
		for _, to := range claims.Statuses {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				if got, want := from.CanMoveTo(to), wantMove(t, from, to); got != want {
					t.Errorf("%s.CanMoveTo(%s) = %v, want %v", from, to, got, want)
				}
			})
		}
	}
}

func TestStatusCanMoveToUnknown(t *testing.T) {
	for name, tt := range map[string]struct {
		from, to claims.Status
	}{
		"to unknown":       {claims.StatusToTriage, "archived"},
		"to empty":         {claims.StatusInReview, ""},
		"from unknown":     {"archived", claims.StatusToTriage},
		"from empty":       {"", claims.StatusResearching},
		"label not value":  {claims.StatusVerdictDrafted, "in review"},
		"from label value": {"in review", claims.StatusPublished},
	} {
		t.Run(name, func(t *testing.T) {
			if tt.from.CanMoveTo(tt.to) {
				t.Errorf("%q.CanMoveTo(%q) = true, want false", tt.from, tt.to)
			}
		})
	}
}

func TestStatusNext(t *testing.T) {
	for _, s := range claims.Statuses {
		t.Run(string(s), func(t *testing.T) {
			got := s.Next()
			if want := wantNext[s]; !slices.Equal(got, want) {
				t.Errorf("Next() = %q, want %q", got, want)
			}
			for _, to := range got {
				if !wantMove(t, s, to) {
					t.Errorf("Next() lists %q, which the matrix forbids", to)
				}
			}
			// Next returns a copy: changing it changes nothing.
			if len(got) > 0 {
				got[0] = "archived"
				if again := s.Next(); again[0] == "archived" {
					t.Errorf("Next() returned the workflow's own slice")
				}
			}
		})
	}
	if got := claims.Status("archived").Next(); len(got) != 0 {
		t.Errorf("Next() of an unknown status = %q, want none", got)
	}
}

func TestStatusCheckMove(t *testing.T) {
	for _, from := range claims.Statuses {
		for _, to := range claims.Statuses {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				err := from.CheckMove(to)
				if wantMove(t, from, to) {
					checkErr(t, err, "", "")
					return
				}
				checkErr(t, err, claims.ECONFLICT, "A claim that is "+from.Label()+" cannot become "+to.Label()+"; it can become ")
				msg := claims.ErrorMessage(err)
				for _, next := range wantNext[from] {
					if !strings.Contains(msg, next.Label()) {
						t.Errorf("message %q does not mention the allowed status %q", msg, next.Label())
					}
				}
			})
		}
	}
}

func TestStatusCheckMoveMessages(t *testing.T) {
	for name, tt := range map[string]struct {
		from, to         claims.Status
		wantCode, wantIn string
	}{
		"one allowed": {claims.StatusPublished, claims.StatusInReview, claims.ECONFLICT,
			"A claim that is published cannot become in review; it can become corrected."},
		"two allowed": {claims.StatusToTriage, claims.StatusPublished, claims.ECONFLICT,
			"A claim that is to triage cannot become published; it can become researching or not check-worthy."},
		"three allowed": {claims.StatusInReview, claims.StatusToTriage, claims.ECONFLICT,
			"A claim that is in review cannot become to triage; it can become published, changes requested or verdict drafted."},
		"from unknown": {"archived", claims.StatusToTriage, claims.ECONFLICT,
			"A claim that is archived cannot become to triage; it can become nothing else."},
		"to unknown": {claims.StatusToTriage, "archived", claims.EINVALID, `"archived" is not a workflow status.`},
		"to empty":   {claims.StatusToTriage, "", claims.EINVALID, `"" is not a workflow status.`},
		"to label":   {claims.StatusVerdictDrafted, "in review", claims.EINVALID, `"in review" is not a workflow status.`},
	} {
		t.Run(name, func(t *testing.T) {
			checkErr(t, tt.from.CheckMove(tt.to), tt.wantCode, tt.wantIn)
		})
	}
}

func TestStatusLabelAndValid(t *testing.T) {
	for _, tt := range []struct {
		s         claims.Status
		wantLabel string
		wantValid bool
	}{
		{claims.StatusToTriage, "to triage", true},
		{claims.StatusNotCheckWorthy, "not check-worthy", true},
		{claims.StatusResearching, "researching", true},
		{claims.StatusVerdictDrafted, "verdict drafted", true},
		{claims.StatusInReview, "in review", true},
		{claims.StatusChangesRequested, "changes requested", true},
		{claims.StatusPublished, "published", true},
		{claims.StatusCorrected, "corrected", true},
		{"archived", "archived", false},
		{"", "", false},
		{"In-Review", "In-Review", false},
	} {
		t.Run(string(tt.s), func(t *testing.T) {
			if got := tt.s.Label(); got != tt.wantLabel {
				t.Errorf("Label() = %q, want %q", got, tt.wantLabel)
			}
			if got := tt.s.Valid(); got != tt.wantValid {
				t.Errorf("Valid() = %v, want %v", got, tt.wantValid)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	for _, tt := range []struct {
		in       string
		want     claims.Status
		wantCode string
	}{
		{"to-triage", claims.StatusToTriage, ""},
		{"to triage", claims.StatusToTriage, ""},
		{"not-check-worthy", claims.StatusNotCheckWorthy, ""},
		{"not check-worthy", claims.StatusNotCheckWorthy, ""},
		{"researching", claims.StatusResearching, ""},
		{"verdict-drafted", claims.StatusVerdictDrafted, ""},
		{"verdict drafted", claims.StatusVerdictDrafted, ""},
		{"in-review", claims.StatusInReview, ""},
		{"in review", claims.StatusInReview, ""},
		{"changes-requested", claims.StatusChangesRequested, ""},
		{"changes requested", claims.StatusChangesRequested, ""},
		{"published", claims.StatusPublished, ""},
		{"corrected", claims.StatusCorrected, ""},
		{"", "", claims.EINVALID},
		{"archived", "", claims.EINVALID},
		{"In review", "", claims.EINVALID},
		{"IN-REVIEW", "", claims.EINVALID},
		{" in-review", "", claims.EINVALID},
		{"in_review", "", claims.EINVALID},
		{"not check worthy", "", claims.EINVALID},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, err := claims.ParseStatus(tt.in)
			checkErr(t, err, tt.wantCode,
				"is not a workflow status; use one of to triage, not check-worthy, researching, verdict drafted, in review, changes requested, published or corrected.")
			if got != tt.want {
				t.Errorf("ParseStatus(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStatusRoundTrip(t *testing.T) {
	for _, s := range claims.Statuses {
		for _, in := range []string{string(s), s.Label()} {
			t.Run(in, func(t *testing.T) {
				got, err := claims.ParseStatus(in)
				if err != nil || got != s {
					t.Errorf("ParseStatus(%q) = %q, %v, want %q, nil", in, got, err, s)
				}
			})
		}
	}
}

func TestStatusIsPublic(t *testing.T) {
	want := map[claims.Status]bool{
		"to-triage": false, "not-check-worthy": false, "researching": false, "verdict-drafted": false,
		"in-review": false, "changes-requested": false, "published": true, "corrected": true,
		"archived": false, "": false,
	}
	for s, want := range want {
		t.Run(string(s), func(t *testing.T) {
			if got := s.IsPublic(); got != want {
				t.Errorf("%q.IsPublic() = %v, want %v", s, got, want)
			}
		})
	}
}

func TestCheckPublishable(t *testing.T) {
	const author = "Léa Martin"
	approve := func(who, rev string) claims.Review {
		return claims.Review{Reviewer: who, Decision: claims.DecisionApprove, VerdictRevision: rev}
	}
	requestChanges := func(who, rev string) claims.Review {
		return claims.Review{Reviewer: who, Decision: claims.DecisionRequestChanges, Comment: "Sourcer.", VerdictRevision: rev}
	}
	for name, tt := range map[string]struct {
		status         claims.Status
		noVerdict      bool
		reviews        []claims.Review
		requireSecond  bool
		wantCode, want string
	}{
		"approved by another, second required": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "rev-2")}, true, "", ""},
		"approved by another, second not required": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "rev-2")}, false, "", ""},
		"approved after earlier changes": {
			claims.StatusInReview, false, []claims.Review{requestChanges("Marc Petit", "rev-1"), approve("Marc Petit", "rev-2")}, true, "", ""},
		"approved by the author, second not required": {
			claims.StatusInReview, false, []claims.Review{approve(author, "rev-2")}, false, "", ""},
		"approved by the author, second required": {
			claims.StatusInReview, false, []claims.Review{approve(author, "rev-2")}, true, claims.ECONFLICT,
			"The verdict must be approved by someone other than its author, Léa Martin."},
		"author's name in other case and spacing, second required": {
			claims.StatusInReview, false, []claims.Review{approve("  léa   MARTIN ", "rev-2")}, true, claims.ECONFLICT,
			"must be approved by someone other than its author"},
		"author's name in other case and spacing, second not required": {
			claims.StatusInReview, false, []claims.Review{approve("  léa   MARTIN ", "rev-2")}, false, "", ""},
		"author approves after another's approval": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "rev-2"), approve(author, "rev-2")}, true, claims.ECONFLICT,
			"must be approved by someone other than its author"},
		"verdict drafted": {
			claims.StatusVerdictDrafted, false, []claims.Review{approve("Marc Petit", "rev-2")}, true, claims.ECONFLICT,
			"Only a claim in review can be published; this one is verdict drafted."},
		"already published": {
			claims.StatusPublished, false, []claims.Review{approve("Marc Petit", "rev-2")}, false, claims.ECONFLICT,
			"Only a claim in review can be published; this one is published."},
		"changes requested status": {
			claims.StatusChangesRequested, false, []claims.Review{requestChanges("Marc Petit", "rev-2")}, false, claims.ECONFLICT,
			"Only a claim in review can be published; this one is changes requested."},
		"no verdict": {
			claims.StatusInReview, true, []claims.Review{approve("Marc Petit", "rev-2")}, true, claims.ECONFLICT,
			"The claim has no verdict to publish."},
		"no review": {
			claims.StatusInReview, false, nil, false, claims.ECONFLICT,
			"The verdict has not been reviewed since it was last changed."},
		"review of an older revision": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "rev-1")}, false, claims.ECONFLICT,
			"The verdict has not been reviewed since it was last changed."},
		"review without a revision": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "")}, false, claims.ECONFLICT,
			"The verdict has not been reviewed since it was last changed."},
		"last review requested changes": {
			claims.StatusInReview, false, []claims.Review{approve("Marc Petit", "rev-2"), requestChanges("Zoé Blanc", "rev-2")}, false, claims.ECONFLICT,
			"The last review requested changes."},
	} {
		t.Run(name, func(t *testing.T) {
			c := validClaim(t)
			c.Status = tt.status
			if !tt.noVerdict {
				c.Verdict = validVerdict()
				c.Verdict.Author, c.Verdict.Revision = author, "rev-2"
			}
			c.Reviews = tt.reviews
			checkErr(t, c.CheckPublishable(tt.requireSecond), tt.wantCode, tt.want)
		})
	}
}

func TestLatestReview(t *testing.T) {
	for name, tt := range map[string]struct {
		reviews []claims.Review
		want    string // reviewer of the latest review, or "" for none
	}{
		"none":  {nil, ""},
		"empty": {[]claims.Review{}, ""},
		"one":   {[]claims.Review{{ID: "r-1", Reviewer: "Marc"}}, "Marc"},
		"three": {[]claims.Review{{ID: "r-1", Reviewer: "Marc"}, {ID: "r-2", Reviewer: "Zoé"}, {ID: "r-3", Reviewer: "Ana"}}, "Ana"},
	} {
		t.Run(name, func(t *testing.T) {
			c := &claims.Claim{Reviews: tt.reviews}
			got := c.LatestReview()
			if tt.want == "" {
				if got != nil {
					t.Errorf("LatestReview() = %+v, want nil", got)
				}
				return
			}
			if got == nil || got.Reviewer != tt.want {
				t.Fatalf("LatestReview() = %+v, want reviewer %q", got, tt.want)
			}
			if got != &c.Reviews[len(c.Reviews)-1] {
				t.Errorf("LatestReview() does not point at the last review")
			}
		})
	}
}
