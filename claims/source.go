package claims

import "strings"

// SourceType is a CSL-JSON item type, so sources export to reference managers
// such as Zotero unchanged.
type SourceType string

// Source types ClaimDesk offers; any other CSL type is accepted too.
const (
	SourceWebpage        SourceType = "webpage"
	SourceArticle        SourceType = "article-newspaper"
	SourceReport         SourceType = "report"
	SourceDataset        SourceType = "dataset"
	SourceInterview      SourceType = "interview"
	SourceLegislation    SourceType = "legislation"
	SourceSpeech         SourceType = "speech"
	SourceBroadcast      SourceType = "broadcast"
	SourceJournalArticle SourceType = "article-journal"
)

// cslTypes are the item types of CSL-JSON 1.0.2.
var cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book
	broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia
	event figure graphic hearing interview legal_case legislation manuscript map motion_picture
	musical_score pamphlet paper-conference patent performance periodical personal_communication
	post post-weblog regulation report review review-book software song speech standard thesis
	treaty webpage`)

// Reliability grades a source on the Admiralty (NATO) scale: A completely
// reliable, B usually reliable, C fairly reliable, D not usually reliable,
// E unreliable, F cannot be judged.
type Reliability string

// Reliability grades.
const (
	ReliabilityA Reliability = "A"
	ReliabilityB Reliability = "B"
	ReliabilityC Reliability = "C"
	ReliabilityD Reliability = "D"
	ReliabilityE Reliability = "E"
	ReliabilityF Reliability = "F"
)

// Label returns the grade with its meaning.
func (r Reliability) Label() string {
	meaning := map[Reliability]string{
		ReliabilityA: "completely reliable", ReliabilityB: "usually reliable",
		ReliabilityC: "fairly reliable", ReliabilityD: "not usually reliable",
		ReliabilityE: "unreliable", ReliabilityF: "reliability cannot be judged",
	}[r]
	return string(r) + " – " + meaning
}

// Valid reports whether r is a grade of the scale.
func (r Reliability) Valid() bool {
	return len(r) == 1 && r[0] >= 'A' && r[0] <= 'F'
}

// Source is a citable document, person or dataset used as evidence. One
// source may serve many claims.
type Source struct {
	ID          string
	Type        SourceType
	Title       string
	Authors     []string
	Publisher   string // publisher, or the container (newspaper, journal, site)
	Issued      string // YYYY-MM-DD, or ""
	URL         string
	DOI         string
	Accessed    string // YYYY-MM-DD
	ArchiveURL  string
	Reliability Reliability
	// Protected marks a source whose identity must not leave the newsroom,
	// such as a confidential informant.
	Protected bool
	Notes     string
	Meta      Meta
}

// Validate returns EINVALID when the source cannot be stored.
func (s *Source) Validate() error {
	err := firstError(
		checkRequired(Textf("The source's title"), s.Title, MaxShortText),
		checkText(Textf("The publisher"), s.Publisher, MaxShortText),
		checkDate(Textf("The issue date"), s.Issued),
		checkDate(Textf("The access date"), s.Accessed),
		checkURL(Textf("The source URL"), s.URL),
		checkURL(Textf("The archive URL"), s.ArchiveURL),
		checkText(Textf("The DOI"), s.DOI, 200),
		checkText(Textf("The notes"), s.Notes, MaxLongText),
	)
	if err != nil {
		return err
	}
	for _, a := range s.Authors {
		if err := checkRequired(Textf("An author"), a, MaxShortText); err != nil {
			return err
		}
	}
	if !validSourceType(s.Type) {
		return Errorf(EINVALID, "%q is not a CSL item type.", truncate(string(s.Type), 30))
	}
	if !s.Reliability.Valid() {
		return Errorf(EINVALID, "The reliability must be a grade from A to F.")
	}
	return nil
}

func validSourceType(t SourceType) bool {
	for _, known := range cslTypes {
		if string(t) == known {
			return true
		}
	}
	return false
}

// Stance is how a piece of evidence bears on a claim.
type Stance string

// Stances. The values are stored: never rename them.
const (
	StanceSupports Stance = "supports"
	StanceRefutes  Stance = "refutes"
	StanceContext  Stance = "context"
)

// Valid reports whether s is a known stance.
func (s Stance) Valid() bool {
	return s == StanceSupports || s == StanceRefutes || s == StanceContext
}

// Evidence links a claim to a source through the exact excerpt that
// supports, refutes or adds context to it.
type Evidence struct {
	ID       string
	ClaimID  string
	SourceID string
	Excerpt  string
	Locator  string // page, paragraph or timestamp within the source
	Stance   Stance
	Note     string
	Meta     Meta
}

// Validate returns EINVALID when the evidence cannot be stored.
func (e *Evidence) Validate() error {
	err := firstError(
		checkRequired(Textf("The claim"), e.ClaimID, MaxShortText),
		checkRequired(Textf("The source"), e.SourceID, MaxShortText),
		checkText(Textf("The excerpt"), e.Excerpt, MaxLongText),
		checkText(Textf("The locator"), e.Locator, MaxShortText),
		checkText(Textf("The note"), e.Note, MaxLongText),
	)
	if err != nil {
		return err
	}
	if !e.Stance.Valid() {
		return Errorf(EINVALID, "The stance must be supports, refutes or context.")
	}
	return nil
}
