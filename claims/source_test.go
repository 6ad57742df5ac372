package claims_test

import (
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestSourceValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		edit             func(s *claims.Source)
		wantCode, wantIn string
	}{
		"valid": {func(s *claims.Source) {}, "", ""},
		"minimal": {func(s *claims.Source) {
			*s = claims.Source{Type: claims.SourceWebpage, Title: "Page", Reliability: claims.ReliabilityF}
		}, "", ""},
		"protected": {func(s *claims.Source) {
			s.Protected, s.URL, s.Authors = true, "", []string{"Source anonyme"}
		}, "", ""},
		"title missing":       {func(s *claims.Source) { s.Title = "" }, claims.EINVALID, "The source's title must not be empty."},
		"title blank":         {func(s *claims.Source) { s.Title = "\u00a0 " }, claims.EINVALID, "The source's title must not be empty."},
		"title too long":      {func(s *claims.Source) { s.Title = strings.Repeat("é", claims.MaxShortText+1) }, claims.EINVALID, "The source's title must be at most"},
		"publisher NUL":       {func(s *claims.Source) { s.Publisher = "Insee\x00" }, claims.EINVALID, "The publisher must not contain a NUL character."},
		"issued february 30":  {func(s *claims.Source) { s.Issued = "2024-02-30" }, claims.EINVALID, `The issue date must be a date written YYYY-MM-DD, not "2024-02-30".`},
		"accessed bad":        {func(s *claims.Source) { s.Accessed = "hier" }, claims.EINVALID, `The access date must be a date written YYYY-MM-DD, not "hier".`},
		"javascript url":      {func(s *claims.Source) { s.URL = "javascript:alert(document.cookie)" }, claims.EINVALID, "The source URL must be a web address starting with http:// or https://."},
		"upper-case scheme":   {func(s *claims.Source) { s.URL = "JAVASCRIPT:alert(1)" }, claims.EINVALID, "The source URL must be a web address"},
		"mailto url":          {func(s *claims.Source) { s.URL = "mailto:presse@insee.fr" }, claims.EINVALID, "The source URL must be a web address"},
		"archive url ftp":     {func(s *claims.Source) { s.ArchiveURL = "ftp://archive.org/x" }, claims.EINVALID, "The archive URL must be a web address"},
		"archive url vbs":     {func(s *claims.Source) { s.ArchiveURL = "vbscript:msgbox" }, claims.EINVALID, "The archive URL must be a web address"},
		"DOI too long":        {func(s *claims.Source) { s.DOI = "10." + strings.Repeat("1", 200) }, claims.EINVALID, "The DOI must be at most 200 characters long, not 203."},
		"notes not UTF-8":     {func(s *claims.Source) { s.Notes = "s\xe9rie" }, claims.EINVALID, "The notes must be valid UTF-8 text."},
		"notes too long":      {func(s *claims.Source) { s.Notes = strings.Repeat("n", claims.MaxLongText+1) }, claims.EINVALID, "The notes must be at most"},
		"notes at the limit":  {func(s *claims.Source) { s.Notes = strings.Repeat("é", claims.MaxLongText) }, "", ""},
		"blank author":        {func(s *claims.Source) { s.Authors = []string{"Insee", ""} }, claims.EINVALID, "An author must not be empty."},
		"author NUL":          {func(s *claims.Source) { s.Authors = []string{"A\x00"} }, claims.EINVALID, "An author must not contain a NUL character."},
		"no type":             {func(s *claims.Source) { s.Type = "" }, claims.EINVALID, `"" is not a CSL item type.`},
		"unknown type":        {func(s *claims.Source) { s.Type = "blog" }, claims.EINVALID, `"blog" is not a CSL item type.`},
		"misspelt type":       {func(s *claims.Source) { s.Type = "web-page" }, claims.EINVALID, `"web-page" is not a CSL item type.`},
		"upper-case type":     {func(s *claims.Source) { s.Type = "Webpage" }, claims.EINVALID, "is not a CSL item type."},
		"reliability G":       {func(s *claims.Source) { s.Reliability = "G" }, claims.EINVALID, "The reliability must be a grade from A to F."},
		"reliability empty":   {func(s *claims.Source) { s.Reliability = "" }, claims.EINVALID, "The reliability must be a grade from A to F."},
		"reliability a":       {func(s *claims.Source) { s.Reliability = "a" }, claims.EINVALID, "The reliability must be a grade from A to F."},
		"reliability AB":      {func(s *claims.Source) { s.Reliability = "AB" }, claims.EINVALID, "The reliability must be a grade from A to F."},
		"reliability 1":       {func(s *claims.Source) { s.Reliability = "1" }, claims.EINVALID, "The reliability must be a grade from A to F."},
		"reliability A space": {func(s *claims.Source) { s.Reliability = "A " }, claims.EINVALID, "The reliability must be a grade from A to F."},
	} {
		t.Run(name, func(t *testing.T) {
			s := validSource()
			tt.edit(s)
			checkErr(t, s.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestSourceTypes(t *testing.T) {
	for _, tt := range []struct {
		typ  claims.SourceType
		want bool
	}{
		{claims.SourceWebpage, true},
		{claims.SourceArticle, true},
		{claims.SourceReport, true},
		{claims.SourceDataset, true},
		{claims.SourceInterview, true},
		{claims.SourceLegislation, true},
		{claims.SourceSpeech, true},
		{claims.SourceBroadcast, true},
		{claims.SourceJournalArticle, true},
		// Other CSL-JSON 1.0.2 types are accepted too.
		{"article", true},
		{"article-magazine", true},
		{"bill", true},
		{"book", true},
		{"chapter", true},
		{"legal_case", true},
		{"motion_picture", true},
		{"paper-conference", true},
		{"personal_communication", true},
		{"post-weblog", true},
		{"review-book", true},
		{"software", true},
		{"thesis", true},
		{"treaty", true},
		{"", false},
		{"blog", false},
		{"newspaper", false},
		{"legal-case", false},
		{"article_newspaper", false},
		{" webpage", false},
	} {
		t.Run(string(tt.typ), func(t *testing.T) {
			s := validSource()
			s.Type = tt.typ
			err := s.Validate()
			if got := err == nil; got != tt.want {
				t.Errorf("Validate with type %q: %v, want valid %v", tt.typ, err, tt.want)
			}
			if !tt.want {
				checkErr(t, err, claims.EINVALID, "is not a CSL item type.")
			}
		})
	}
}

func TestReliability(t *testing.T) {
	for _, tt := range []struct {
		r         claims.Reliability
		wantValid bool
		wantLabel string
	}{
		{claims.ReliabilityA, true, "A – completely reliable"},
		{claims.ReliabilityB, true, "B – usually reliable"},
		{claims.ReliabilityC, true, "C – fairly reliable"},
		{claims.ReliabilityD, true, "D – not usually reliable"},
		{claims.ReliabilityE, true, "E – unreliable"},
		{claims.ReliabilityF, true, "F – reliability cannot be judged"},
		{"G", false, ""},
		{"", false, ""},
		{"a", false, ""},
		{"f", false, ""},
		{"@", false, ""},
		{"AA", false, ""},
	} {
		t.Run(string(tt.r), func(t *testing.T) {
			if got := tt.r.Valid(); got != tt.wantValid {
				t.Errorf("Valid() = %v, want %v", got, tt.wantValid)
			}
			if tt.wantValid {
				if got := tt.r.Label(); got != tt.wantLabel {
					t.Errorf("Label() = %q, want %q", got, tt.wantLabel)
				}
			}
			s := validSource()
			s.Reliability = tt.r
			want := ""
			if !tt.wantValid {
				want = claims.EINVALID
			}
			checkErr(t, s.Validate(), want, "The reliability must be a grade from A to F.")
		})
	}
}

func TestEvidenceValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		edit             func(e *claims.Evidence)
		wantCode, wantIn string
	}{
		"valid":             {func(e *claims.Evidence) {}, "", ""},
		"supports":          {func(e *claims.Evidence) { e.Stance = claims.StanceSupports }, "", ""},
		"refutes":           {func(e *claims.Evidence) { e.Stance = claims.StanceRefutes }, "", ""},
		"context":           {func(e *claims.Evidence) { e.Stance = claims.StanceContext }, "", ""},
		"no excerpt":        {func(e *claims.Evidence) { e.Excerpt, e.Locator, e.Note = "", "", "" }, "", ""},
		"no stance":         {func(e *claims.Evidence) { e.Stance = "" }, claims.EINVALID, "The stance must be supports, refutes or context."},
		"stance support":    {func(e *claims.Evidence) { e.Stance = "support" }, claims.EINVALID, "The stance must be supports, refutes or context."},
		"stance upper-case": {func(e *claims.Evidence) { e.Stance = "SUPPORTS" }, claims.EINVALID, "The stance must be supports, refutes or context."},
		"stance neutral":    {func(e *claims.Evidence) { e.Stance = "neutral" }, claims.EINVALID, "The stance must be supports, refutes or context."},
		"claim missing":     {func(e *claims.Evidence) { e.ClaimID = "" }, claims.EINVALID, "The claim must not be empty."},
		"source missing":    {func(e *claims.Evidence) { e.SourceID = " " }, claims.EINVALID, "The source must not be empty."},
		"excerpt not UTF-8": {func(e *claims.Evidence) { e.Excerpt = "\xc3\x28" }, claims.EINVALID, "The excerpt must be valid UTF-8 text."},
		"excerpt too long":  {func(e *claims.Evidence) { e.Excerpt = strings.Repeat("é", claims.MaxLongText+1) }, claims.EINVALID, "The excerpt must be at most 100000 characters long, not 100001."},
		"locator NUL":       {func(e *claims.Evidence) { e.Locator = "p.\x002" }, claims.EINVALID, "The locator must not contain a NUL character."},
		"note too long":     {func(e *claims.Evidence) { e.Note = strings.Repeat("n", claims.MaxLongText+1) }, claims.EINVALID, "The note must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			e := validEvidence()
			tt.edit(e)
			checkErr(t, e.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestStanceValid(t *testing.T) {
	for _, tt := range []struct {
		s    claims.Stance
		want bool
	}{
		{claims.StanceSupports, true},
		{claims.StanceRefutes, true},
		{claims.StanceContext, true},
		{"supports", true},
		{"", false},
		{"Refutes", false},
		{"mixed", false},
	} {
		t.Run(string(tt.s), func(t *testing.T) {
			if got := tt.s.Valid(); got != tt.want {
				t.Errorf("Stance(%q).Valid() = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
