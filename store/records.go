package store

import (
	"time"

	"claimdesk/claims"
)

// The private record types below are the file format. They are mapped to and
// from the domain types so that renaming a Go field never changes the file.

type articleRecord struct {
	Title       string    `json:"title"`
	Outlet      string    `json:"outlet,omitempty"`
	URL         string    `json:"url,omitempty"`
	PublishedOn string    `json:"published_on,omitempty"`
	Language    string    `json:"language"`
	Text        string    `json:"text,omitempty"`
	TextSHA256  string    `json:"text_sha256"`
	ImportedAt  time.Time `json:"imported_at"`
}

func articleRecordOf(a *claims.Article) articleRecord {
	return articleRecord{a.Title, a.Outlet, a.URL, a.PublishedOn, a.Language, a.Text, a.TextSHA256, a.ImportedAt}
}

func (r articleRecord) article(env *envelope) *claims.Article {
	return &claims.Article{
		ID: env.ID, Title: r.Title, Outlet: r.Outlet, URL: r.URL, PublishedOn: r.PublishedOn,
		Language: r.Language, Text: r.Text, TextSHA256: r.TextSHA256, ImportedAt: r.ImportedAt, Meta: env.meta(),
	}
}

// anchorRecord leaves out the anchor's words when they are the claim's text,
// as they always are today, rather than store every claim's words twice.
type anchorRecord struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type speakerRecord struct {
	Name         string `json:"name,omitempty"`
	Role         string `json:"role,omitempty"`
	Organization string `json:"organization,omitempty"`
}

type verdictRecord struct {
	Rating      string    `json:"rating"`
	Explanation string    `json:"explanation"`
	Rationale   string    `json:"rationale,omitempty"`
	Methodology string    `json:"methodology,omitempty"`
	Author      string    `json:"author"`
	Revision    string    `json:"revision"`
	UpdatedAt   time.Time `json:"updated_at"`
}

type claimRecord struct {
	ArticleID string         `json:"article_id"`
	Text      string         `json:"text"`
	Summary   string         `json:"summary"`
	Anchor    anchorRecord   `json:"anchor"`
	Speaker   speakerRecord  `json:"speaker"`
	ClaimDate string         `json:"claim_date,omitempty"`
	Kind      string         `json:"kind"`
	Score     float64        `json:"check_worthiness"`
	Reasons   []string       `json:"check_worthiness_reasons,omitempty"`
	Tags      []string       `json:"tags,omitempty"`
	Status    string         `json:"status"`
	Assignee  string         `json:"assignee,omitempty"`
	Verdict   *verdictRecord `json:"verdict,omitempty"`
	Published *time.Time     `json:"published_at,omitempty"`
}

func claimRecordOf(c *claims.Claim) claimRecord {
	r := claimRecord{
		ArticleID: c.ArticleID, Text: c.Text, Summary: c.Summary,
		Anchor:    anchorRecord(c.Anchor),
		Speaker:   speakerRecord(c.Speaker),
		ClaimDate: c.ClaimDate, Kind: string(c.Kind),
		Score: c.CheckWorthiness.Score, Reasons: c.CheckWorthiness.Reasons,
		Tags: c.Tags, Status: string(c.Status), Assignee: c.Assignee,
	}
	if r.Anchor.Exact == r.Text {
		r.Anchor.Exact = ""
	}
	if v := c.Verdict; v != nil {
		r.Verdict = &verdictRecord{v.Rating, v.Explanation, v.Rationale, v.Methodology, v.Author, v.Revision, v.UpdatedAt}
	}
	if !c.PublishedAt.IsZero() {
		at := c.PublishedAt
		r.Published = &at
	}
	return r
}

func (r claimRecord) claim(env *envelope) *claims.Claim {
	c := &claims.Claim{
		ID: env.ID, ArticleID: r.ArticleID, Text: r.Text, Summary: r.Summary,
		Anchor:          claims.Anchor(r.Anchor),
		Speaker:         claims.Speaker(r.Speaker),
		ClaimDate:       r.ClaimDate,
		Kind:            claims.Kind(r.Kind),
		CheckWorthiness: claims.CheckWorthiness{Score: r.Score, Reasons: r.Reasons},
		Tags:            r.Tags, Status: claims.Status(r.Status), Assignee: r.Assignee,
		Meta: env.meta(),
	}
	if c.Anchor.Exact == "" {
		c.Anchor.Exact = r.Text
	}
	if v := r.Verdict; v != nil {
		c.Verdict = &claims.Verdict{Rating: v.Rating, Explanation: v.Explanation, Rationale: v.Rationale,
			Methodology: v.Methodology, Author: v.Author, Revision: v.Revision, UpdatedAt: v.UpdatedAt}
	}
	if r.Published != nil {
		c.PublishedAt = *r.Published
	}
	return c
}

type sourceRecord struct {
	Type        string   `json:"type"`
	Title       string   `json:"title"`
	Authors     []string `json:"authors,omitempty"`
	Publisher   string   `json:"publisher,omitempty"`
	Issued      string   `json:"issued,omitempty"`
	URL         string   `json:"url,omitempty"`
	DOI         string   `json:"doi,omitempty"`
	Accessed    string   `json:"accessed,omitempty"`
	ArchiveURL  string   `json:"archive_url,omitempty"`
	Reliability string   `json:"reliability"`
	Protected   bool     `json:"protected,omitempty"`
	Notes       string   `json:"notes,omitempty"`
}

func sourceRecordOf(s *claims.Source) sourceRecord {
	return sourceRecord{string(s.Type), s.Title, s.Authors, s.Publisher, s.Issued, s.URL, s.DOI,
		s.Accessed, s.ArchiveURL, string(s.Reliability), s.Protected, s.Notes}
}

func (r sourceRecord) source(env *envelope) *claims.Source {
	return &claims.Source{
		ID: env.ID, Type: claims.SourceType(r.Type), Title: r.Title, Authors: r.Authors,
		Publisher: r.Publisher, Issued: r.Issued, URL: r.URL, DOI: r.DOI, Accessed: r.Accessed,
		ArchiveURL: r.ArchiveURL, Reliability: claims.Reliability(r.Reliability),
		Protected: r.Protected, Notes: r.Notes, Meta: env.meta(),
	}
}

type evidenceRecord struct {
	ClaimID  string `json:"claim_id"`
	SourceID string `json:"source_id"`
	Excerpt  string `json:"excerpt,omitempty"`
	Locator  string `json:"locator,omitempty"`
	Stance   string `json:"stance"`
	Note     string `json:"note,omitempty"`
}

func evidenceRecordOf(e *claims.Evidence) evidenceRecord {
	return evidenceRecord{e.ClaimID, e.SourceID, e.Excerpt, e.Locator, string(e.Stance), e.Note}
}

func (r evidenceRecord) evidence(env *envelope) *claims.Evidence {
	return &claims.Evidence{ID: env.ID, ClaimID: r.ClaimID, SourceID: r.SourceID, Excerpt: r.Excerpt,
		Locator: r.Locator, Stance: claims.Stance(r.Stance), Note: r.Note, Meta: env.meta()}
}

type reviewRecord struct {
	Reviewer        string `json:"reviewer"`
	Decision        string `json:"decision"`
	Comment         string `json:"comment,omitempty"`
	VerdictRevision string `json:"verdict_revision"`
	VerdictAuthor   string `json:"verdict_author,omitempty"` // since schema 4
	Rating          string `json:"rating,omitempty"`         // since schema 4
}

func reviewRecordOf(r *claims.Review) reviewRecord {
	return reviewRecord{r.Reviewer, string(r.Decision), r.Comment, r.VerdictRevision, r.VerdictAuthor, r.Rating}
}

func (r reviewRecord) review(env *envelope) claims.Review {
	return claims.Review{ID: env.ID, Reviewer: r.Reviewer, Decision: claims.Decision(r.Decision), Comment: r.Comment,
		VerdictRevision: r.VerdictRevision, VerdictAuthor: r.VerdictAuthor, Rating: r.Rating, At: env.CreatedAt}
}

type correctionRecord struct {
	Author     string `json:"author"`
	OldRating  string `json:"old_rating"`
	NewRating  string `json:"new_rating"`
	Reason     string `json:"reason"`
	PublicNote string `json:"public_note,omitempty"`
}

type ratingRecord struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Value int    `json:"value"`
	Color string `json:"color"`
}

type scaleRecord struct {
	Key      string         `json:"key"`
	Name     string         `json:"name"`
	Language string         `json:"language"`
	Ratings  []ratingRecord `json:"ratings"`
	Best     int            `json:"best"`
	Worst    int            `json:"worst"`
}

type settingsRecord struct {
	Language              string      `json:"language"`
	Organization          string      `json:"organization,omitempty"`
	BaseURL               string      `json:"base_url,omitempty"`
	Scale                 scaleRecord `json:"scale"`
	RequireSecondReviewer bool        `json:"require_second_reviewer"`
}

func settingsRecordOf(s *claims.Settings) settingsRecord {
	sc := scaleRecord{s.Scale.Key, s.Scale.Name, s.Scale.Language, nil, s.Scale.Best, s.Scale.Worst}
	for _, r := range s.Scale.Ratings {
		sc.Ratings = append(sc.Ratings, ratingRecord(r))
	}
	return settingsRecord{s.Language, s.Organization, s.BaseURL, sc, s.RequireSecondReviewer}
}

func (r settingsRecord) settings() *claims.Settings {
	s := &claims.Settings{Language: r.Language, Organization: r.Organization, BaseURL: r.BaseURL,
		RequireSecondReviewer: r.RequireSecondReviewer,
		Scale: claims.RatingScale{Key: r.Scale.Key, Name: r.Scale.Name, Language: r.Scale.Language,
			Best: r.Scale.Best, Worst: r.Scale.Worst}}
	for _, rr := range r.Scale.Ratings {
		s.Scale.Ratings = append(s.Scale.Ratings, claims.Rating(rr))
	}
	return s
}
