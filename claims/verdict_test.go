package claims_test

import (
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

func TestVerdictValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		edit             func(v *claims.Verdict)
		wantCode, wantIn string
	}{
		"valid":                {func(v *claims.Verdict) {}, "", ""},
		"minimal":              {func(v *claims.Verdict) { *v = claims.Verdict{Rating: "faux", Explanation: "Non."} }, "", ""},
		"rating missing":       {func(v *claims.Verdict) { v.Rating = "" }, claims.EINVALID, "The rating must not be empty."},
		"rating blank":         {func(v *claims.Verdict) { v.Rating = "  " }, claims.EINVALID, "The rating must not be empty."},
		"rating too long":      {func(v *claims.Verdict) { v.Rating = strings.Repeat("r", 101) }, claims.EINVALID, "The rating must be at most 100 characters long, not 101."},
		"explanation missing":  {func(v *claims.Verdict) { v.Explanation = "" }, claims.EINVALID, "The explanation must not be empty."},
		"explanation blank":    {func(v *claims.Verdict) { v.Explanation = "\n\t" }, claims.EINVALID, "The explanation must not be empty."},
		"explanation too long": {func(v *claims.Verdict) { v.Explanation = strings.Repeat("é", claims.MaxLongText+1) }, claims.EINVALID, "The explanation must be at most"},
		"explanation NUL":      {func(v *claims.Verdict) { v.Explanation = "Faux\x00" }, claims.EINVALID, "The explanation must not contain a NUL character."},
		"rationale not UTF-8":  {func(v *claims.Verdict) { v.Rationale = "\xff\xfe" }, claims.EINVALID, "The rationale must be valid UTF-8 text."},
		"methodology NUL":      {func(v *claims.Verdict) { v.Methodology = "\x00" }, claims.EINVALID, "The methodology must not contain a NUL character."},
		"author too long":      {func(v *claims.Verdict) { v.Author = strings.Repeat("a", claims.MaxShortText+1) }, claims.EINVALID, "The verdict's author must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			v := validVerdict()
			tt.edit(v)
			checkErr(t, v.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestReviewValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		review           claims.Review
		wantCode, wantIn string
	}{
		"approve without comment": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionApprove}, "", ""},
		"approve with comment":    {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionApprove, Comment: "Bien sourcé."}, "", ""},
		"request changes with comment": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionRequestChanges,
			Comment: "Citer la série Insee."}, "", ""},
		"request changes without comment": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionRequestChanges},
			claims.EINVALID, "Say what needs changing in a comment."},
		"request changes with blank comment": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionRequestChanges, Comment: " \n\t"},
			claims.EINVALID, "Say what needs changing in a comment."},
		"no decision":      {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc"}, claims.EINVALID, "A review either approves or requests changes."},
		"unknown decision": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: "reject", Comment: "Non."}, claims.EINVALID, "A review either approves or requests changes."},
		"decision case":    {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: "Approve"}, claims.EINVALID, "A review either approves or requests changes."},
		"no reviewer":      {claims.Review{VerdictRevision: "v-1", Decision: claims.DecisionApprove}, claims.EINVALID, "The reviewer must not be empty."},
		"blank reviewer":   {claims.Review{VerdictRevision: "v-1", Reviewer: "  ", Decision: claims.DecisionApprove}, claims.EINVALID, "The reviewer must not be empty."},
		"comment NUL": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionRequestChanges, Comment: "a\x00"},
			claims.EINVALID, "The review comment must not contain a NUL character."},
		"no verdict revision": {claims.Review{Reviewer: "Marc", Decision: claims.DecisionApprove}, claims.EINVALID, "The reviewed verdict's revision must not be empty."},
		"ESC in the verdict's author": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionApprove, VerdictAuthor: "Léa\x1b[2J"},
			claims.EINVALID, "must not contain control characters"},
		"comment too long": {claims.Review{VerdictRevision: "v-1", Reviewer: "Marc", Decision: claims.DecisionApprove, Comment: strings.Repeat("c", claims.MaxLongText+1)},
			claims.EINVALID, "The review comment must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			checkErr(t, tt.review.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestCorrectionValidate(t *testing.T) {
	valid := func() *claims.Correction {
		return &claims.Correction{
			ID: "k-1", At: time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC), Author: "Léa Martin",
			OldRating: "vrai", NewRating: "plutot-vrai",
			Reason:     "L’Insee a révisé sa série.",
			PublicNote: "Correction du 5 mars : la baisse est de 1,5 point.",
		}
	}
	for name, tt := range map[string]struct {
		edit             func(c *claims.Correction)
		wantCode, wantIn string
	}{
		"valid":                {func(c *claims.Correction) {}, "", ""},
		"no public note":       {func(c *claims.Correction) { c.PublicNote = "" }, "", ""},
		"reason missing":       {func(c *claims.Correction) { c.Reason = "" }, claims.EINVALID, "The correction's reason must not be empty."},
		"reason blank":         {func(c *claims.Correction) { c.Reason = "   " }, claims.EINVALID, "The correction's reason must not be empty."},
		"reason too long":      {func(c *claims.Correction) { c.Reason = strings.Repeat("r", claims.MaxLongText+1) }, claims.EINVALID, "The correction's reason must be at most"},
		"public note NUL":      {func(c *claims.Correction) { c.PublicNote = "\x00" }, claims.EINVALID, "The correction's public note must not contain a NUL character."},
		"public note not UTF8": {func(c *claims.Correction) { c.PublicNote = "\xe9" }, claims.EINVALID, "The correction's public note must be valid UTF-8 text."},
		"old rating missing":   {func(c *claims.Correction) { c.OldRating = "" }, claims.EINVALID, "The old rating must not be empty."},
		"new rating missing":   {func(c *claims.Correction) { c.NewRating = "" }, claims.EINVALID, "The new rating must not be empty."},
		"new rating too long":  {func(c *claims.Correction) { c.NewRating = strings.Repeat("n", 101) }, claims.EINVALID, "The new rating must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			c := valid()
			tt.edit(c)
			checkErr(t, c.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestSamePerson(t *testing.T) {
	for name, tt := range map[string]struct {
		a, b string
		want bool
	}{
		"identical":            {"Léa Martin", "Léa Martin", true},
		"case":                 {"Léa Martin", "léa martin", true},
		"accented capital":     {"Élodie Roux", "élodie roux", true},
		"all capitals":         {"Léa Martin", "LÉA MARTIN", true},
		"outer spaces":         {"  Léa Martin ", "Léa Martin", true},
		"inner spaces":         {"Léa   Martin", "Léa Martin", true},
		"tabs and newlines":    {"Léa\tMartin\n", "léa martin", true},
		"both empty":           {"", "", true},
		"empty and spaces":     {"", "   ", true},
		"different people":     {"Léa Martin", "Marc Martin", false},
		"accent matters":       {"Lea Martin", "Léa Martin", false},
		"no space matters":     {"LéaMartin", "Léa Martin", false},
		"empty and a name":     {"", "Léa Martin", false},
		"hyphen is not spaces": {"Jean-Marc", "Jean Marc", false},
	} {
		t.Run(name, func(t *testing.T) {
			if got := claims.SamePerson(tt.a, tt.b); got != tt.want {
				t.Errorf("SamePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := claims.SamePerson(tt.b, tt.a); got != tt.want {
				t.Errorf("SamePerson(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}
