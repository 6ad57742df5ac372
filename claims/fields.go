package claims

import (
	"strconv"
	"strings"
	"time"
)

// Field names a field of a record that two copies can change apart. The
// store spells the fields of its records with these names (a test holds it
// to them), and a conflict, the command line and the window name fields
// with these, never with a file format's own.
type Field string

// The fields of articles, claims, sources, evidence and the settings.
const (
	FieldTitle       Field = "title"
	FieldOutlet      Field = "outlet"
	FieldURL         Field = "url"
	FieldPublishedOn Field = "published_on"
	FieldLanguage    Field = "language"
	FieldText        Field = "text"
	FieldTextSHA256  Field = "text_sha256"
	FieldImportedAt  Field = "imported_at"

	FieldArticle         Field = "article_id"
	FieldSummary         Field = "summary"
	FieldAnchor          Field = "anchor"
	FieldSpeaker         Field = "speaker"
	FieldClaimDate       Field = "claim_date"
	FieldKind            Field = "kind"
	FieldCheckWorthiness Field = "check_worthiness"
	FieldReasons         Field = "check_worthiness_reasons"
	FieldTags            Field = "tags"
	FieldStatus          Field = "status"
	FieldAssignee        Field = "assignee"
	FieldVerdict         Field = "verdict"
	FieldPublishedAt     Field = "published_at"

	FieldType        Field = "type"
	FieldAuthors     Field = "authors"
	FieldPublisher   Field = "publisher"
	FieldIssued      Field = "issued"
	FieldDOI         Field = "doi"
	FieldAccessed    Field = "accessed"
	FieldArchiveURL  Field = "archive_url"
	FieldReliability Field = "reliability"
	FieldProtected   Field = "protected"
	FieldNotes       Field = "notes"

	FieldClaim   Field = "claim_id"
	FieldSource  Field = "source_id"
	FieldExcerpt Field = "excerpt"
	FieldLocator Field = "locator"
	FieldStance  Field = "stance"
	FieldNote    Field = "note"

	FieldOrganization          Field = "organization"
	FieldBaseURL               Field = "base_url"
	FieldScale                 Field = "scale"
	FieldRequireSecondReviewer Field = "require_second_reviewer"
)

// RecordFields lists the fields of each kind of record that can conflict,
// in the order a form shows them.
var RecordFields = map[string][]Field{
	"article": {FieldTitle, FieldOutlet, FieldURL, FieldPublishedOn, FieldLanguage, FieldText, FieldTextSHA256, FieldImportedAt},
	"claim": {FieldArticle, FieldText, FieldSummary, FieldAnchor, FieldSpeaker, FieldClaimDate, FieldKind,
		FieldCheckWorthiness, FieldReasons, FieldTags, FieldStatus, FieldAssignee, FieldVerdict, FieldPublishedAt},
	"source": {FieldType, FieldTitle, FieldAuthors, FieldPublisher, FieldIssued, FieldURL, FieldDOI, FieldAccessed,
		FieldArchiveURL, FieldReliability, FieldProtected, FieldNotes},
	"evidence": {FieldClaim, FieldSource, FieldExcerpt, FieldLocator, FieldStance, FieldNote},
	"settings": {FieldLanguage, FieldOrganization, FieldBaseURL, FieldScale, FieldRequireSecondReviewer},
}

// ArticleValues returns an article's fields as people read them.
func ArticleValues(a *Article) map[Field]string {
	return map[Field]string{
		FieldTitle: a.Title, FieldOutlet: a.Outlet, FieldURL: a.URL, FieldPublishedOn: a.PublishedOn,
		FieldLanguage: a.Language, FieldText: a.Text, FieldTextSHA256: a.TextSHA256, FieldImportedAt: timeValue(a.ImportedAt),
	}
}

// ClaimValues returns a claim's fields as people read them: the speaker,
// the anchor and the verdict spelled out, the verdict's rating by its label
// in scale, lists joined, codes (a status, a kind) as they are, for the
// interface to name.
func ClaimValues(c *Claim, scale *RatingScale) map[Field]string {
	v := map[Field]string{
		FieldArticle: c.ArticleID, FieldText: c.Text, FieldSummary: c.Summary,
		FieldAnchor:    strconv.Itoa(c.Anchor.Start) + "–" + strconv.Itoa(c.Anchor.End),
		FieldSpeaker:   joinNonEmpty(", ", c.Speaker.Name, c.Speaker.Role, c.Speaker.Organization),
		FieldClaimDate: c.ClaimDate, FieldKind: string(c.Kind),
		FieldCheckWorthiness: strconv.FormatFloat(c.CheckWorthiness.Score, 'f', 2, 64),
		FieldReasons:         strings.Join(c.CheckWorthiness.Reasons, ", "),
		FieldTags:            strings.Join(c.Tags, ", "), FieldStatus: string(c.Status), FieldAssignee: c.Assignee,
		FieldPublishedAt: timeValue(c.PublishedAt),
	}
	if c.Verdict != nil {
		rating := c.Verdict.Rating
		if r, ok := scale.Rating(rating); ok {
			rating = r.Label
		}
		v[FieldVerdict] = joinNonEmpty("\n\n", joinNonEmpty(" — ", rating, c.Verdict.Explanation),
			c.Verdict.Rationale, c.Verdict.Methodology)
	}
	return v
}

// SourceValues returns a source's fields as people read them.
func SourceValues(s *Source) map[Field]string {
	return map[Field]string{
		FieldType: string(s.Type), FieldTitle: s.Title, FieldAuthors: strings.Join(s.Authors, ", "),
		FieldPublisher: s.Publisher, FieldIssued: s.Issued, FieldURL: s.URL, FieldDOI: s.DOI, FieldAccessed: s.Accessed,
		FieldArchiveURL: s.ArchiveURL, FieldReliability: string(s.Reliability), FieldProtected: strconv.FormatBool(s.Protected),
		FieldNotes: s.Notes,
	}
}

// EvidenceValues returns a piece of evidence's fields as people read them.
func EvidenceValues(e *Evidence) map[Field]string {
	return map[Field]string{
		FieldClaim: e.ClaimID, FieldSource: e.SourceID, FieldExcerpt: e.Excerpt, FieldLocator: e.Locator,
		FieldStance: string(e.Stance), FieldNote: e.Note,
	}
}

// SettingsValues returns the settings' fields as people read them.
func SettingsValues(s *Settings) map[Field]string {
	return map[Field]string{
		FieldLanguage: s.Language, FieldOrganization: s.Organization, FieldBaseURL: s.BaseURL,
		FieldScale: s.Scale.Name, FieldRequireSecondReviewer: strconv.FormatBool(s.RequireSecondReviewer),
	}
}

// timeValue is a time in RFC 3339, for the interface to show in its
// locale, or "" for none.
func timeValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
