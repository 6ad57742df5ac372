// Package assets embeds the files ClaimDesk ships with: the application icon
// and a sample case, a French article on Vladimir Putin's June 2024 visit to
// North Korea together with the checkable claims found in it, so that a new
// user has something to triage straight away.
package assets

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"claimdesk/claims"
)

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

//go:embed sample/case.json sample/article-fr.txt
var sample embed.FS

// sampleDir is the directory of sample in which case.json names its text file.
const sampleDir = "sample"

// sampleCase is the shape of sample/case.json.
type sampleCase struct {
	Title       string        `json:"title"`
	Outlet      string        `json:"outlet"`
	URL         string        `json:"url"`
	PublishedOn string        `json:"published_on"`
	Language    string        `json:"language"`
	TextFile    string        `json:"text_file"`
	Claims      []sampleClaim `json:"claims"`
}

// sampleClaim is one claim of sample/case.json. Text is the claim's exact
// words in the article; After, when set, is text that comes before them and
// picks the right occurrence of words that appear more than once.
type sampleClaim struct {
	Text            string                `json:"text"`
	After           string                `json:"after"`
	Summary         string                `json:"summary"`
	Speaker         sampleSpeaker         `json:"speaker"`
	ClaimDate       string                `json:"claim_date"`
	Kind            string                `json:"kind"`
	CheckWorthiness sampleCheckWorthiness `json:"check_worthiness"`
	Tags            []string              `json:"tags"`
}

type sampleSpeaker struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Organization string `json:"organization"`
}

type sampleCheckWorthiness struct {
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// SampleCase returns the sample article, frozen (TextSHA256 set), and its
// claims, each anchored in the article text with status
// claims.StatusToTriage, ready for claims.Store.ImportArticle. IDs and Meta
// are left empty for the store to fill.
func SampleCase() (*claims.Article, []*claims.Claim, error) {
	article, list, err := loadSampleCase()
	if err != nil {
		return nil, nil, fmt.Errorf("sample case: %w", err)
	}
	found := make([]*claims.Claim, len(list))
	for i := range list {
		found[i] = &list[i]
	}
	return &article, found, nil
}

func loadSampleCase() (claims.Article, []claims.Claim, error) {
	raw, err := sample.ReadFile(sampleDir + "/case.json")
	if err != nil {
		return claims.Article{}, nil, err
	}
	var sc sampleCase
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sc); err != nil {
		return claims.Article{}, nil, fmt.Errorf("case.json: %w", err)
	}
	if !fs.ValidPath(sc.TextFile) || strings.Contains(sc.TextFile, "/") {
		return claims.Article{}, nil, fmt.Errorf("case.json: %q is not a file name in %s", sc.TextFile, sampleDir)
	}
	text, err := sample.ReadFile(path.Join(sampleDir, sc.TextFile))
	if err != nil {
		return claims.Article{}, nil, err
	}

	article := claims.Article{
		Title:       sc.Title,
		Outlet:      sc.Outlet,
		URL:         sc.URL,
		PublishedOn: sc.PublishedOn,
		Language:    sc.Language,
		Text:        string(text),
	}
	article.Freeze()
	if err := article.Validate(); err != nil {
		return claims.Article{}, nil, fmt.Errorf("article: %w", err)
	}
	if len(sc.Claims) == 0 {
		return claims.Article{}, nil, fmt.Errorf("case.json lists no claims")
	}

	list := make([]claims.Claim, 0, len(sc.Claims))
	for i, c := range sc.Claims {
		claim, err := c.claim(article.Text)
		if err != nil {
			return claims.Article{}, nil, fmt.Errorf("claim %d (%.40q): %w", i+1, c.Text, err)
		}
		list = append(list, claim)
	}
	return article, list, nil
}

// claim anchors c in text and checks that it would be accepted by the store.
func (c sampleClaim) claim(text string) (claims.Claim, error) {
	anchor, err := claims.NewAnchorAfter(text, c.Text, c.After)
	if err != nil {
		return claims.Claim{}, err
	}
	if strings.TrimSpace(c.Summary) == "" {
		return claims.Claim{}, fmt.Errorf("the summary is empty")
	}
	if n := utf8.RuneCountInString(c.Summary); n > claims.MaxSummary {
		return claims.Claim{}, fmt.Errorf("the summary is %d characters long, at most %d are allowed", n, claims.MaxSummary)
	}
	claim := claims.Claim{
		Text:    c.Text,
		Summary: c.Summary,
		Anchor:  anchor,
		Speaker: claims.Speaker{
			Name:         c.Speaker.Name,
			Role:         c.Speaker.Role,
			Organization: c.Speaker.Organization,
		},
		ClaimDate: c.ClaimDate,
		Kind:      claims.Kind(c.Kind),
		CheckWorthiness: claims.CheckWorthiness{
			Score:   c.CheckWorthiness.Score,
			Reasons: append([]string(nil), c.CheckWorthiness.Reasons...),
		},
		Tags:   append([]string(nil), c.Tags...),
		Status: claims.StatusToTriage,
	}
	// Validate needs an article; the store sets the real one.
	probe := claim
	probe.ArticleID = "sample"
	if err := probe.Validate(); err != nil {
		return claims.Claim{}, err
	}
	return claim, nil
}
