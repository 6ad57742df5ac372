package claims_test

import (
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
)

// A record's values read as people write them: composite fields spelled
// out, lists joined, no JSON.
func TestRecordValuesReadAsPeopleWriteThem(t *testing.T) {
	at := time.Date(2024, 6, 19, 12, 0, 0, 0, time.UTC)
	c := &claims.Claim{Text: "plus de 11 000 conteneurs", Anchor: claims.Anchor{Start: 413, End: 440},
		Speaker: claims.Speaker{Name: "Jens Stoltenberg", Organization: "OTAN"}, Tags: []string{"otan", "munitions"},
		CheckWorthiness: claims.CheckWorthiness{Score: 0.8}, Status: claims.StatusPublished, PublishedAt: at,
		Verdict: &claims.Verdict{Rating: "vrai", Explanation: "Le chiffre est exact.", Rationale: "Le **rapport** le confirme."}}
	settings := claims.DefaultSettings(claims.LangFrench)
	scale := &settings.Scale
	s := &claims.Source{Title: "Rapport", Authors: []string{"A. Martin", "B. Keller"}, Protected: true}
	for _, tt := range []struct {
		values map[claims.Field]string
		field  claims.Field
		want   string
	}{
		{claims.ClaimValues(c, scale), claims.FieldSpeaker, "Jens Stoltenberg, OTAN"},
		{claims.ClaimValues(c, scale), claims.FieldAnchor, "413–440"},
		{claims.ClaimValues(c, scale), claims.FieldTags, "otan, munitions"},
		{claims.ClaimValues(c, scale), claims.FieldCheckWorthiness, "0.80"},
		{claims.ClaimValues(c, scale), claims.FieldVerdict, "Vrai — Le chiffre est exact.\n\nLe **rapport** le confirme."},
		{claims.ClaimValues(c, scale), claims.FieldPublishedAt, "2024-06-19T12:00:00Z"},
		{claims.SourceValues(s), claims.FieldAuthors, "A. Martin, B. Keller"},
		{claims.SourceValues(s), claims.FieldProtected, "true"},
		{claims.ClaimValues(&claims.Claim{}, scale), claims.FieldPublishedAt, ""},
	} {
		if got := tt.values[tt.field]; got != tt.want {
			t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
		}
	}
	for typ, fields := range claims.RecordFields {
		values := map[string]map[claims.Field]string{"article": claims.ArticleValues(&claims.Article{}), "claim": claims.ClaimValues(c, scale),
			"source": claims.SourceValues(s), "evidence": claims.EvidenceValues(&claims.Evidence{}),
			"settings": claims.SettingsValues(&claims.Settings{})}[typ]
		for _, f := range fields {
			if _, ok := values[f]; !ok && f != claims.FieldVerdict {
				t.Errorf("%s: no value for %s", typ, f)
			}
			if strings.ContainsAny(values[f], "{}") {
				t.Errorf("%s: %s reads as JSON: %q", typ, f, values[f])
			}
		}
	}
}
