package claims

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// CaseFilter selects what a report or an export covers.
type CaseFilter struct {
	ArticleID     string // "" for every article
	PublishedOnly bool   // only claims whose verdict readers can see
}

// CaseFile is everything known about a selection of claims, read at one
// moment so that a report made from it is consistent: the claims with their
// reviews and corrections, their articles, the evidence attached to them and
// the sources that evidence cites.
type CaseFile struct {
	Settings Settings
	Articles []*Article // with their text, oldest first
	Claims   []*Claim   // with reviews and corrections, in creation order
	// Evidence maps a claim ID to its live evidence, oldest first.
	Evidence map[string][]*Evidence
	// Sources maps a source ID to every source the evidence cites.
	Sources map[string]*Source
	// HistoryHead is the hash of the latest history event when the case file
	// was read: a report that prints it can be checked against the file.
	HistoryHead string
	ReadAt      time.Time

	// byID indexes Articles and Claims on first use, so that reports that
	// look up every claim's article cost what they write, not its square.
	// It is rebuilt when either list is another slice than it was.
	byID *caseIndex
}

type caseIndex struct {
	articles []*Article
	claims   []*Claim
	article  map[string]*Article
	claimsOf map[string][]*Claim
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (cf *CaseFile) index() *caseIndex {
	if ix := cf.byID; ix != nil && sameSlice(ix.articles, cf.Articles) && sameSlice(ix.claims, cf.Claims) {
		return ix
	}
	ix := &caseIndex{articles: cf.Articles, claims: cf.Claims,
		article: make(map[string]*Article, len(cf.Articles)), claimsOf: map[string][]*Claim{}}
	for _, a := range cf.Articles {
		if ix.article[a.ID] == nil {
			ix.article[a.ID] = a
		}
	}
	for _, c := range cf.Claims {
		ix.claimsOf[c.ArticleID] = append(ix.claimsOf[c.ArticleID], c)
	}
	cf.byID = ix
	return ix
}

// Article returns the article with the given ID, or nil.
func (cf *CaseFile) Article(id string) *Article {
	return cf.index().article[id]
}

// ClaimsOf returns the claims found in an article, in creation order.
func (cf *CaseFile) ClaimsOf(articleID string) []*Claim {
	return cf.index().claimsOf[articleID]
}

// CopyOptions say what a copy of the database leaves out.
type CopyOptions struct {
	// WithoutProtected makes a copy for outside the newsroom: protected
	// sources keep their type and grade but lose their identity, and the
	// history events about them keep who did what and when, not the details.
	WithoutProtected bool
}

// IntegrityReport is what a check of a whole database found.
type IntegrityReport struct {
	Records int           // records read
	History *HistoryCheck // the hash chains
	// Problems lists, one sentence each, what does not hold: the file's
	// structure, a reference to a missing record, an index or summary out
	// of step with its record. Empty when all is well.
	Problems []Text
}

// OK reports whether the database passed every check.
func (r *IntegrityReport) OK() bool {
	return len(r.Problems) == 0 && (r.History == nil || r.History.OK())
}

// MergeReport says what a merge brought in, by record type ("claim",
// "source", "evidence", "article", "review", "correction", "settings").
type MergeReport struct {
	Added     map[string]int
	Updated   map[string]int
	Events    int        // history events added
	Conflicts []Conflict // records both copies changed since they diverged
}

// Changed reports whether the merge changed anything.
func (r *MergeReport) Changed() bool {
	return len(r.Added)+len(r.Updated)+len(r.Conflicts) > 0 || r.Events > 0
}

// CountsLine writes a merge's counts by record type as people read them,
// "3 claim, 1 source", or "nothing".
func CountsLine(byType map[string]int) string {
	var parts []string
	for _, typ := range []string{"article", "claim", "source", "evidence", "review", "correction", "settings"} {
		if n := byType[typ]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, typ))
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// Conflict is a record that two copies both changed since they last met.
// The file keeps one version, the later, and the other beside it until
// someone picks or combines them.
type Conflict struct {
	RecordType string
	RecordID   string
	ClaimID    string // the claim the record is or belongs to, or ""
	Title      string // how people know the record: a claim's summary, a source's title
	Kept       ConflictVersion
	Other      ConflictVersion
}

// ConflictVersion is one side of a conflict.
type ConflictVersion struct {
	Revision string
	By       string
	At       time.Time
	Deleted  bool
	// Fields maps each field the version has to its value as stored, to
	// tell two versions apart: a difference people would not see, such as
	// a verdict's revision, is still one.
	Fields map[Field]string
	// Values maps the same fields to their values as people read them (see
	// ClaimValues).
	Values map[Field]string
}

// Differing returns the names of the fields whose values differ between
// the two versions, sorted, with "deleted" first when one side deleted it.
func (c *Conflict) Differing() []Field {
	var out []Field
	if c.Kept.Deleted != c.Other.Deleted {
		out = append(out, DeletedField)
	}
	var names []Field
	for name := range c.Kept.Fields {
		names = append(names, name)
	}
	for name := range c.Other.Fields {
		if _, ok := c.Kept.Fields[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if c.Kept.Fields[name] != c.Other.Fields[name] {
			out = append(out, name)
		}
	}
	return out
}

// DeletedField names, in a conflict, whether the record is deleted.
const DeletedField Field = "deleted"
