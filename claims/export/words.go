package export

import (
	"time"

	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/claims/locale"
)

// labels are the fixed words of a report in its language, looked up once so
// that the HTML template, which cannot name translation keys where the key
// test sees them, reads them as fields. The writers share them, so the three
// report formats say the same thing the same way.
type labels struct {
	ScopeAll, ScopePublished                           string
	Claim, Claims, Speaker, Status, Rating, Value      string
	NoAddress, NoClaimsInArticle, NoClaims             string
	Distribution, NoVerdict, NotPublished              string
	SpeakerUnknown, SaidIn                             string
	Verdict, Rationale, HowWeChecked                   string
	Evidence, NoEvidence, SourceLink, ArchiveLink      string
	Review, VerdictBy, LastEdited, ApprovedBy          string
	NotApproved, Published, Address, Corrections       string
	Stance, Reliability, Excerpt, Locator              string
	ArchivedCopy, Accessed, Outlet, SourcesCited       string
	Methodology, MethodIntro, SourceReliability        string
	ReliabilityScale, Verify, VerifyMadeFrom           string
	VerifyHow, NoHistory, HistoryHash, NoHistoryHash   string
	RuleAuthorMayApprove, RuleSecondReviewer, PDFShort string
}

func newLabels(w *assets.Words) labels {
	return labels{
		ScopeAll:             w.L("report.scope.all"),
		ScopePublished:       w.L("report.scope.published"),
		Claim:                w.L("report.column.claim"),
		Claims:               w.L("report.column.claims"),
		Speaker:              w.L("report.column.speaker"),
		Status:               w.L("report.column.status"),
		Rating:               w.L("report.column.rating"),
		Value:                w.L("report.column.value"),
		NoAddress:            w.L("report.article.no-address"),
		NoClaimsInArticle:    w.L("report.article.no-claims"),
		NoClaims:             w.L("report.no-claims"),
		Distribution:         w.L("report.distribution"),
		NoVerdict:            w.L("report.verdict.none"),
		NotPublished:         w.L("report.not-published"),
		SpeakerUnknown:       w.L("report.speaker.unknown"),
		SaidIn:               w.L("report.said-in"),
		Verdict:              w.L("report.verdict"),
		Rationale:            w.L("report.rationale"),
		HowWeChecked:         w.L("report.how-we-checked"),
		Evidence:             w.L("report.evidence"),
		NoEvidence:           w.L("report.evidence.none"),
		SourceLink:           w.L("report.link.source"),
		ArchiveLink:          w.L("report.link.archive"),
		Review:               w.L("report.review"),
		VerdictBy:            w.L("report.field.verdict-by"),
		LastEdited:           w.L("report.field.last-edited"),
		ApprovedBy:           w.L("report.field.approved-by"),
		NotApproved:          w.L("report.not-approved"),
		Published:            w.L("report.field.published"),
		Address:              w.L("report.field.address"),
		Corrections:          w.L("report.corrections"),
		Stance:               w.L("report.field.stance"),
		Reliability:          w.L("report.field.reliability"),
		Excerpt:              w.L("report.field.excerpt"),
		Locator:              w.L("report.field.locator"),
		ArchivedCopy:         w.L("report.field.archive"),
		Accessed:             w.L("report.field.accessed"),
		Outlet:               w.L("report.field.outlet"),
		SourcesCited:         w.L("report.sources"),
		Methodology:          w.L("report.methodology"),
		MethodIntro:          w.L("report.methodology.intro"),
		RuleAuthorMayApprove: w.L("report.methodology.rule.author-may-approve"),
		RuleSecondReviewer:   w.L("report.methodology.rule.second-reviewer"),
		SourceReliability:    w.L("report.reliability.title"),
		ReliabilityScale:     w.L("report.reliability.scale"),
		Verify:               w.L("report.verify"),
		VerifyMadeFrom:       w.L("report.verify.made-from"),
		VerifyHow:            w.L("report.verify.how"),
		NoHistory:            w.L("report.verify.no-history"),
		HistoryHash:          w.L("report.history-hash"),
		NoHistoryHash:        w.L("report.history-hash.none"),
		PDFShort:             w.L("report.pdf.shortened"),
	}
}

// ReviewRule says who may approve a verdict before it is published.
func (r *report) ReviewRule() string {
	if r.Settings.RequireSecondReviewer {
		return r.T.RuleSecondReviewer
	}
	return r.T.RuleAuthorMayApprove
}

// fieldLabel writes a label before its value, with the colon the
// language wants.
func (r *report) fieldLabel(label string) string {
	return r.words.L("report.field", map[string]any{"Label": label})
}

// quoted puts s between the quotation marks of the report's language.
func (r *report) quoted(s string) string {
	return r.words.L("report.quoted", map[string]any{"Text": s})
}

// Stamp writes a time to the minute, in UTC so that every reader sees the
// same, or "" for the zero time.
func (r *report) Stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return locale.DateTime(t.UTC(), r.Lang) + " UTC"
}

// Day writes a calendar date stored as text, which a person may have typed
// in any form.
func (r *report) Day(s string) string { return locale.DateText(oneLine(s), r.Lang) }

// Int writes a count with its thousands grouped.
func (r *report) Int(n int) string { return locale.Int(n, r.Lang) }

// ClaimCount says how many claims the report covers.
func (r *report) ClaimCount() string { return r.words.N("report.claims", r.Total) }

// Generated says when the report was made.
func (r *report) Generated() string {
	return r.words.L("report.generated", map[string]any{"Time": r.Stamp(r.GeneratedAt)})
}

// Footer closes the report with when and by what it was made.
func (r *report) Footer() string {
	return r.words.L("report.footer", map[string]any{"Time": r.Stamp(r.GeneratedAt)})
}

// PublishedOn says when an article was published.
func (r *report) PublishedOn(day string) string {
	return r.words.L("report.published-on", map[string]any{"Date": r.Day(day)})
}

// AccessedOn says when a source was read.
func (r *report) AccessedOn(day string) string {
	return r.words.L("report.accessed-on", map[string]any{"Date": r.Day(day)})
}

// SaidOn says when a claim was made.
func (r *report) SaidOn(day string) string {
	return r.words.L("report.said-on", map[string]any{"Date": r.Day(day)})
}

// ClaimTitle heads a claim's section.
func (r *report) ClaimTitle(n int) string {
	return r.words.L("report.claim.title", map[string]any{"Number": r.Int(n)})
}

// StatusLine gives a claim's status in a line of its own.
func (r *report) StatusLine(s claims.Status) string {
	return r.words.L("report.status-line", map[string]any{"Status": r.StatusName(s)})
}

// EvidenceCount heads a list of n pieces of evidence.
func (r *report) EvidenceCount(n int) string {
	return r.words.N("report.evidence.count", n)
}

// RatedCount says how many of the report's claims have a rating.
func (r *report) RatedCount(rated int) string {
	return r.words.L("report.distribution.rated", map[string]any{"Rated": r.Int(rated), "Total": r.Int(r.Total)})
}

// RatingChange tells what a correction changed; the labels come ready for
// the format, escaped as it needs.
func (r *report) RatingChange(from, to string) string {
	return r.words.L("report.correction", map[string]any{"Old": from, "New": to})
}

// ScaleTitle heads the rating scale.
func (r *report) ScaleTitle() string {
	return r.words.L("report.scale.title", map[string]any{"Name": oneLine(r.Settings.Scale.Name)})
}

// ScaleValues explains the values ratings map onto.
func (r *report) ScaleValues() string {
	sc := &r.Settings.Scale
	return r.words.L("report.scale.values", map[string]any{"Worst": r.Int(sc.Worst), "Best": r.Int(sc.Best)})
}

// ScaleValue gives a rating's value, marking the ends of the scale.
func (r *report) ScaleValue(v int) string {
	data := map[string]any{"Value": r.Int(v)}
	switch v {
	case r.Settings.Scale.Best:
		return r.words.L("report.scale.best", data)
	case r.Settings.Scale.Worst:
		return r.words.L("report.scale.worst", data)
	}
	return r.words.L("report.scale.value", data)
}

// PageOf numbers a page of the PDF.
func (r *report) PageOf(page, pages int) string {
	return r.words.L("report.page", map[string]any{"Page": r.Int(page), "Pages": r.Int(pages)})
}

// ReliabilityOf grades a source, in a line of its own or after a dot.
func (r *report) ReliabilityOf(g claims.Reliability) string {
	return r.words.L("report.reliability", map[string]any{"Grade": r.ReliabilityName(g)})
}

// Citation formats a source as a reference list does.
func (r *report) Citation(s *claims.Source) string { return citation(s, r.words) }

// StatusName names a status.
func (r *report) StatusName(s claims.Status) string { return oneLine(r.words.Status(s)) }

// KindName names a kind of claim.
func (r *report) KindName(k claims.Kind) string { return oneLine(r.words.Kind(k)) }

// StanceName says how a piece of evidence bears on the claim, the same in
// every report format.
func (r *report) StanceName(s claims.Stance) string {
	w := r.words
	switch s {
	case claims.StanceSupports:
		return w.L("report.stance.supports")
	case claims.StanceRefutes:
		return w.L("report.stance.refutes")
	case claims.StanceContext:
		return w.L("report.stance.context")
	}
	return oneLine(string(s))
}

// ReliabilityName names a grade of the Admiralty scale with its meaning.
func (r *report) ReliabilityName(g claims.Reliability) string {
	return oneLine(r.words.Reliability(g))
}

// reliabilityGrades are the grades in the order the methodology lists them.
var reliabilityGrades = []claims.Reliability{
	claims.ReliabilityA, claims.ReliabilityB, claims.ReliabilityC,
	claims.ReliabilityD, claims.ReliabilityE, claims.ReliabilityF,
}

// ReliabilityGrades lists every grade with its meaning.
func (r *report) ReliabilityGrades() []string {
	out := make([]string, len(reliabilityGrades))
	for i, g := range reliabilityGrades {
		out[i] = r.ReliabilityName(g)
	}
	return out
}
