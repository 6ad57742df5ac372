package claims

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kind says what sort of statement a claim is, which shapes how it is checked.
type Kind string

// Kinds of claim. The values are stored: never rename them.
const (
	KindStatistic   Kind = "statistic"
	KindQuote       Kind = "quote"
	KindAttribution Kind = "attribution"
	KindPrediction  Kind = "prediction" // promises and predictions
	KindComparison  Kind = "comparison"
	KindEvent       Kind = "event"
)

// Kinds lists every kind in the order menus show them.
var Kinds = []Kind{KindStatistic, KindQuote, KindAttribution, KindPrediction, KindComparison, KindEvent}

// Label returns the kind as a person reads it.
func (k Kind) Label() string {
	switch k {
	case KindPrediction:
		return "promise/prediction"
	default:
		return string(k)
	}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Speaker is who made a statement: a person, or a body speaking as one.
type Speaker struct {
	Name         string
	Role         string // "secrétaire général", "White House spokesperson"
	Organization string
}

// CheckWorthiness says how much a claim deserves checking, and why.
type CheckWorthiness struct {
	Score   float64 // 0 (not worth checking) to 1
	Reasons []string
}

// Claim is one checkable statement found in an article.
type Claim struct {
	ID              string
	ArticleID       string
	Text            string // the exact words, as in the article
	Summary         string // at most MaxSummary characters, for ClaimReview
	Anchor          Anchor
	Speaker         Speaker
	ClaimDate       string // YYYY-MM-DD when the statement was made, or ""
	Kind            Kind
	CheckWorthiness CheckWorthiness
	Tags            []string
	Status          Status
	Assignee        string
	// Verdict is the current verdict, or nil before one is drafted.
	Verdict *Verdict
	// PublishedAt is when the verdict was first published, zero before.
	// A correction does not change it: readers date a fact-check by its
	// first publication and its corrections by the corrections log.
	PublishedAt time.Time
	// Reviews and Corrections are filled in by FindClaimByID, oldest first.
	Reviews     []Review
	Corrections []Correction
	Meta        Meta
}

// Validate returns EINVALID when the claim cannot be stored.
func (c *Claim) Validate() error {
	err := firstError(
		checkRequired(Textf("The article"), c.ArticleID, MaxShortText),
		checkRequired(Textf("The claim's words"), c.Text, MaxLongText),
		checkRequired(Textf("The summary"), c.Summary, MaxShortText),
		checkText(Textf("The speaker's name"), c.Speaker.Name, MaxShortText),
		checkText(Textf("The speaker's role"), c.Speaker.Role, MaxShortText),
		checkText(Textf("The speaker's organisation"), c.Speaker.Organization, MaxShortText),
		checkDate(Textf("The claim date"), c.ClaimDate),
		checkText(Textf("The assignee"), c.Assignee, MaxShortText),
		c.Anchor.Validate(),
		c.validateSummary(),
		c.validateTags(),
		c.CheckWorthiness.Validate(),
	)
	if err != nil {
		return err
	}
	if c.Anchor.Exact != c.Text {
		return Errorf(EINVALID, "The claim's words differ from the words it is anchored to.")
	}
	if !c.Kind.Valid() {
		return Errorf(EINVALID, "%q is not a kind of claim.", truncate(string(c.Kind), 30))
	}
	if !c.Status.Valid() {
		return Errorf(EINVALID, "%q is not a workflow status.", truncate(string(c.Status), 30))
	}
	if c.Verdict != nil {
		return c.Verdict.Validate()
	}
	return nil
}

func (c *Claim) validateSummary() error {
	if n := utf8.RuneCountInString(c.Summary); n > MaxSummary {
		return Errorf(EINVALID, "The summary is %d characters long; ClaimReview allows at most %d.", n, MaxSummary)
	}
	return nil
}

func (c *Claim) validateTags() error {
	for _, tag := range c.Tags {
		if err := checkRequired(Textf("A tag"), tag, 100); err != nil {
			return err
		}
		if strings.ContainsAny(tag, ",\n") {
			return Errorf(EINVALID, "The tag %q may not contain a comma or a line break.", truncate(tag, 30))
		}
	}
	return nil
}

// Validate returns EINVALID when the score is outside 0..1 or a reason is not text.
func (w CheckWorthiness) Validate() error {
	if !(w.Score >= 0 && w.Score <= 1) {
		return Errorf(EINVALID, "The check-worthiness score must be between 0 and 1.")
	}
	for _, r := range w.Reasons {
		if err := checkText(Textf("A check-worthiness reason"), r, MaxShortText); err != nil {
			return err
		}
	}
	return nil
}

// Summarize shortens text to a summary of at most MaxSummary characters,
// cutting at a word boundary and marking the cut with an ellipsis.
func Summarize(text string) string {
	text = collapseSpaces(text)
	if utf8.RuneCountInString(text) <= MaxSummary {
		return text
	}
	head := string([]rune(text)[:MaxSummary-1])
	if i := strings.LastIndex(head, " "); i > 0 && utf8.RuneCountInString(head[:i]) > MaxSummary/2 {
		return strings.TrimRight(head[:i], " ,;:") + "…"
	}
	return head + "…"
}

// collapseSpaces turns runs of white space into one space, but keeps
// non-breaking spaces, which French typography puts before « : ; ! ? » and
// inside guillemets.
func collapseSpaces(text string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(text) {
		if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
