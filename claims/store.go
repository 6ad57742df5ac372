package claims

import (
	"context"
	"io"
	"time"
)

// Store keeps a database of articles, claims, sources and their history.
// Every method that changes something is one user action: it happens whole
// or not at all, is attributed to ActorFromContext(ctx), and appends to the
// history. Writes without an actor return EINVALID.
//
// Any method may also return EINTERNAL when the file cannot be read or written.
type Store interface {
	// Settings returns the database's settings.
	Settings(ctx context.Context) (*Settings, error)
	// UpdateSettings changes the settings. Returns EINVALID for a bad value.
	UpdateSettings(ctx context.Context, upd SettingsUpdate) (*Settings, error)

	// ImportArticle stores a frozen copy of an article with the claims found
	// in it, and sets the IDs and Meta of all of them. The claims' ArticleID
	// is set to the article's. Returns EINVALID for a bad article or claim,
	// and ECONFLICT, naming it, when an article with the same text is
	// already stored.
	ImportArticle(ctx context.Context, a *Article, found []*Claim) error
	// ImportArticles stores many articles with their claims in one
	// transaction, as ImportArticle would one by one: a folder of articles
	// is one import. An article whose text is already stored, or earlier
	// in the batch, is left out and its Duplicate set. Any other bad
	// article or claim imports nothing and is named in the error.
	ImportArticles(ctx context.Context, batch []*ArticleImport) error
	// FindArticleByID returns an article with its text. Returns ENOTFOUND
	// when it does not exist or was deleted.
	FindArticleByID(ctx context.Context, id string) (*Article, error)
	// Upgrade says whether opening the file updated it from an older
	// ClaimDesk, and where the copy of it as it was is, so that the person
	// who opened it can be told.
	Upgrade() Upgrade
	// FindArticles returns the live articles, oldest first, without their text.
	FindArticles(ctx context.Context) ([]*Article, error)

	// CreateClaim stores a new claim and sets its ID and Meta. Left empty,
	// Status becomes "to triage", Summary a shortened Text, and Anchor the
	// first occurrence of Text in the article. Returns EINVALID for a bad
	// claim or an anchor that does not cut the claim's words out of the
	// article, and ENOTFOUND when the article does not exist.
	CreateClaim(ctx context.Context, c *Claim) error
	// FindClaimByID returns a claim with its reviews and corrections.
	// Returns ENOTFOUND when it does not exist or was deleted.
	FindClaimByID(ctx context.Context, id string) (*Claim, error)
	// FindClaims returns the claims that match the filter, in creation
	// order, and how many matched before Offset and Limit applied.
	FindClaims(ctx context.Context, f ClaimFilter) ([]*Claim, int, error)
	// EachClaim calls fn with each claim that matches the filter, in
	// creation order, as FindClaims would return them, reading them in one
	// read transaction without holding them all: a long list is written
	// out as it is read. An error from fn stops it and is returned.
	EachClaim(ctx context.Context, f ClaimFilter, fn func(*Claim) error) error
	// FindClaimSummaries is FindClaims for lists: it returns the compact
	// summaries that the store keeps for every claim, without decoding claims.
	FindClaimSummaries(ctx context.Context, f ClaimFilter) ([]ClaimSummary, int, error)
	// UpdateClaim edits a claim's description. Returns ENOTFOUND for an
	// unknown claim and EINVALID for a bad value.
	UpdateClaim(ctx context.Context, id string, upd ClaimUpdate) (*Claim, error)
	// DeleteClaim leaves a tombstone in place of a claim. Returns ENOTFOUND
	// for an unknown claim.
	DeleteClaim(ctx context.Context, id string) error
	// MoveClaim moves a claim to another workflow status. Returns ECONFLICT,
	// saying which moves are allowed, when the workflow forbids the move,
	// and for moves that have their own action (drafting a verdict,
	// reviewing, publishing).
	MoveClaim(ctx context.Context, id string, to Status) (*Claim, error)

	// CreateSource stores a source and sets its ID and Meta. Returns EINVALID
	// for a bad source.
	CreateSource(ctx context.Context, s *Source) error
	// FindSourceByID returns a source. Returns ENOTFOUND when it does not
	// exist or was deleted.
	FindSourceByID(ctx context.Context, id string) (*Source, error)
	// FindSources returns the live sources, oldest first.
	FindSources(ctx context.Context) ([]*Source, error)
	// UpdateSource edits a source. Returns ENOTFOUND for an unknown source
	// and EINVALID for a bad value.
	UpdateSource(ctx context.Context, id string, upd SourceUpdate) (*Source, error)
	// AttachEvidence links a claim to an existing source and sets the
	// evidence's ID and Meta. Returns ENOTFOUND when either does not exist.
	AttachEvidence(ctx context.Context, e *Evidence) error
	// AddSourceWithEvidence stores a new source and attaches it to a claim
	// in one action. Returns what CreateSource and AttachEvidence return.
	AddSourceWithEvidence(ctx context.Context, s *Source, e *Evidence) error
	// FindEvidence returns the evidence attached to a claim, oldest first.
	FindEvidence(ctx context.Context, claimID string) ([]*Evidence, error)
	// UpdateEvidence edits the excerpt, locator, stance or note of evidence.
	// Returns ENOTFOUND for unknown evidence and EINVALID for a bad value.
	UpdateEvidence(ctx context.Context, id string, upd EvidenceUpdate) (*Evidence, error)
	// DetachEvidence removes evidence from its claim, leaving a tombstone.
	// Returns ENOTFOUND for unknown evidence.
	DetachEvidence(ctx context.Context, id string) error

	// SetVerdict drafts or edits a claim's verdict; the actor becomes its
	// author. A claim still to triage or in research moves to "verdict
	// drafted"; one in review goes back to "verdict drafted", since the
	// review no longer applies. On a published claim a change of rating is
	// a correction: reason is required and recorded in the corrections log
	// with note as the public note. Returns EINVALID for a rating outside
	// the scale or a missing reason, and ECONFLICT when the claim's status
	// does not allow a verdict.
	SetVerdict(ctx context.Context, claimID string, v Verdict, reason, note string) (*Claim, error)
	// SubmitForReview moves a claim with a drafted verdict into review.
	// Returns ECONFLICT when the claim has no drafted verdict.
	SubmitForReview(ctx context.Context, claimID string) (*Claim, error)
	// ReviewClaim records the actor's review of the claim's verdict. A
	// drafted verdict is submitted for review first. Requesting changes
	// moves the claim to "changes requested". Returns ECONFLICT when there
	// is no verdict to review, or when the actor approves their own verdict
	// while a second reviewer is required; EINVALID for a bad review.
	ReviewClaim(ctx context.Context, claimID string, r Review) (*Claim, error)
	// PublishClaim publishes a reviewed claim. Returns ECONFLICT, with the
	// reason, when Claim.CheckPublishable refuses.
	PublishClaim(ctx context.Context, claimID string) (*Claim, error)

	// FindCaseFile reads everything a report on the selected claims needs,
	// in one consistent read. Returns an empty case file when nothing matches
	// and ENOTFOUND for an unknown article.
	FindCaseFile(ctx context.Context, f CaseFilter) (*CaseFile, error)
	// EachCase calls fn with the case file of each article in turn, oldest
	// first, restricted as f says, all in one consistent read: an export of
	// every claim holds one article's records at a time.
	EachCase(ctx context.Context, f CaseFilter, fn func(*CaseFile) error) error
	// WriteDump writes a lossless, versioned JSON dump of the selected
	// records to w: every revision ancestry, tombstone and history event, as
	// they are in the file. A dump of the whole database restores into a new
	// file identical in content.
	WriteDump(ctx context.Context, w io.Writer, f CaseFilter) error

	// SaveCopy writes a consistent, compact copy of the database to path, as
	// it is at the moment of the call, while the database stays in use. The
	// copy appears whole or not at all. Returns ECONFLICT when path is the
	// database's own file.
	SaveCopy(ctx context.Context, path string, opts CopyOptions) error

	// Check reads the whole database and reports what does not hold: the
	// file's structure, the history's chains, references between records,
	// and the indexes and summaries kept beside them. Problems are in the
	// report, not errors.
	Check(ctx context.Context) (*IntegrityReport, error)

	// Merge brings in the work of another copy of the database, at path:
	// the file is checked as any file from outside, then merged record by
	// record in one transaction. A record only one side has is added; one
	// changed on one side only takes that side's version; one changed on
	// both sides is a conflict, kept until ResolveConflict. Both histories
	// are kept. Returns EINVALID, changing nothing, for a damaged or foreign
	// file or an invalid record in it.
	Merge(ctx context.Context, path string) (*MergeReport, error)
	// FindConflicts returns the conflicts merges left, oldest first.
	FindConflicts(ctx context.Context) ([]Conflict, error)
	// ResolveConflict settles a conflict: the kept version, with the fields
	// named in takeOther taken from the other version (DeletedField takes
	// its deletion or its survival). Returns ENOTFOUND when the record has
	// no conflict and EINVALID when the combination is not a valid record.
	ResolveConflict(ctx context.Context, recordID string, takeOther []Field) error

	// FindEvents returns history events that match the filter, oldest first.
	FindEvents(ctx context.Context, f EventFilter) ([]*Event, error)
	// VerifyHistory checks every link of the history. A broken link is
	// reported in the result, not as an error.
	VerifyHistory(ctx context.Context) (*HistoryCheck, error)
	// FindEventByHash returns the event whose hash is hash, such as the
	// history head a report printed, or whose hash it was before the
	// file's events committed to their bodies (schema 4). Returns
	// ENOTFOUND when no event of the file has it, and EINVALID when hash
	// is not a SHA-256.
	FindEventByHash(ctx context.Context, hash string) (*Event, error)

	// Close releases the database file.
	Close() error
}

// Upgrade says what opening a file from an older ClaimDesk did: it was
// brought to this one's schema, after a copy of it as it was was kept.
// The zero Upgrade means the file was already current.
type Upgrade struct {
	FromSchema, ToSchema int
	SafetyCopy           string // the path of the file as it was
}

// ArticleImport is one article of a bulk import, with the claims found in
// it.
type ArticleImport struct {
	Article *Article
	Claims  []*Claim
	// Duplicate is the title of the article already stored with the same
	// text, set when this one was left out; "" when it was imported.
	Duplicate string
}

// ClaimFilter selects claims; zero and nil fields do not filter.
type ClaimFilter struct {
	ArticleID *string
	Status    *Status
	Rating    *string
	Speaker   *string // exact name, as in the list of speakers
	Tag       *string
	Assignee  *string
	// Query matches words in the claim's text, summary, speaker and tags,
	// ignoring case and accents ("coree" finds "Corée").
	Query string
	// Deleted includes tombstones.
	Deleted bool
	Offset  int
	Limit   int // 0 means no limit
}

// ClaimUpdate edits a claim; nil fields are left as they are.
type ClaimUpdate struct {
	Summary         *string
	Speaker         *Speaker
	ClaimDate       *string
	Kind            *Kind
	Tags            *[]string
	Assignee        *string
	CheckWorthiness *CheckWorthiness
}

// ClaimSummary is what a list of claims shows: small, kept up to date by the
// store alongside each claim.
type ClaimSummary struct {
	ID              string
	ArticleID       string
	Status          Status
	Kind            Kind
	Rating          string // rating key, or ""
	Speaker         string
	Summary         string
	Tags            []string
	Assignee        string
	CheckWorthiness float64
	UpdatedAt       time.Time
	Deleted         bool
}

// EventFilter selects history events; zero fields do not filter.
type EventFilter struct {
	ClaimID  string // events about the claim and its evidence, verdict and reviews
	RecordID string
	Limit    int // the newest Limit events; 0 means all
}

// SourceUpdate edits a source; nil fields are left as they are.
type SourceUpdate struct {
	Type        *SourceType
	Title       *string
	Authors     *[]string
	Publisher   *string
	Issued      *string
	URL         *string
	DOI         *string
	Accessed    *string
	ArchiveURL  *string
	Reliability *Reliability
	Protected   *bool
	Notes       *string
}

// Apply sets the fields of upd on s.
func (upd SourceUpdate) Apply(s *Source) {
	setIf(&s.Type, upd.Type)
	setIf(&s.Title, upd.Title)
	if upd.Authors != nil {
		s.Authors = append([]string(nil), (*upd.Authors)...)
	}
	setIf(&s.Publisher, upd.Publisher)
	setIf(&s.Issued, upd.Issued)
	setIf(&s.URL, upd.URL)
	setIf(&s.DOI, upd.DOI)
	setIf(&s.Accessed, upd.Accessed)
	setIf(&s.ArchiveURL, upd.ArchiveURL)
	setIf(&s.Reliability, upd.Reliability)
	setIf(&s.Protected, upd.Protected)
	setIf(&s.Notes, upd.Notes)
}

// EvidenceUpdate edits evidence; nil fields are left as they are.
type EvidenceUpdate struct {
	Excerpt *string
	Locator *string
	Stance  *Stance
	Note    *string
}

// Apply sets the fields of upd on e.
func (upd EvidenceUpdate) Apply(e *Evidence) {
	setIf(&e.Excerpt, upd.Excerpt)
	setIf(&e.Locator, upd.Locator)
	setIf(&e.Stance, upd.Stance)
	setIf(&e.Note, upd.Note)
}

// Apply sets the fields of upd on c.
func (upd ClaimUpdate) Apply(c *Claim) {
	setIf(&c.Summary, upd.Summary)
	setIf(&c.Speaker, upd.Speaker)
	setIf(&c.ClaimDate, upd.ClaimDate)
	setIf(&c.Kind, upd.Kind)
	if upd.Tags != nil {
		c.Tags = append([]string(nil), (*upd.Tags)...)
	}
	setIf(&c.Assignee, upd.Assignee)
	setIf(&c.CheckWorthiness, upd.CheckWorthiness)
}

func setIf[T any](field *T, value *T) {
	if value != nil {
		*field = *value
	}
}
