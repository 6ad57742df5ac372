package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"claimdesk/claims"
)

// The schema.org ClaimReview markup of a published verdict, with the fields
// Google's fact-check guidelines require (claimReviewed, reviewRating with
// alternateName, url) and those it recommends.
type claimReviewLD struct {
	Context       string       `json:"@context,omitempty"`
	Type          string       `json:"@type"`
	ID            string       `json:"@id,omitempty"`
	URL           string       `json:"url"`
	DatePublished string       `json:"datePublished,omitempty"`
	DateModified  string       `json:"dateModified,omitempty"`
	InLanguage    string       `json:"inLanguage,omitempty"`
	Author        *thingLD     `json:"author,omitempty"`
	ClaimReviewed string       `json:"claimReviewed"`
	ItemReviewed  claimLD      `json:"itemReviewed"`
	ReviewRating  ratingLD     `json:"reviewRating"`
	ReviewBody    string       `json:"reviewBody,omitempty"`
	Citation      []citationLD `json:"citation,omitempty"`
	Correction    []correctLD  `json:"correction,omitempty"`
	Creator       []personLD   `json:"creator,omitempty"`
}

type thingLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type personLD struct {
	Type     string `json:"@type"`
	Name     string `json:"name"`
	JobTitle string `json:"jobTitle,omitempty"`
}

type claimLD struct {
	Type            string  `json:"@type"`
	Author          any     `json:"author,omitempty"`
	DatePublished   string  `json:"datePublished,omitempty"`
	Appearance      *workLD `json:"appearance,omitempty"`
	FirstAppearance *workLD `json:"firstAppearance,omitempty"`
	Text            string  `json:"text,omitempty"`
}

type workLD struct {
	Type          string   `json:"@type"`
	URL           string   `json:"url,omitempty"`
	Headline      string   `json:"headline,omitempty"`
	DatePublished string   `json:"datePublished,omitempty"`
	Publisher     *thingLD `json:"publisher,omitempty"`
	ArchivedAt    string   `json:"archivedAt,omitempty"`
}

type ratingLD struct {
	Type              string `json:"@type"`
	RatingValue       int    `json:"ratingValue"`
	BestRating        int    `json:"bestRating"`
	WorstRating       int    `json:"worstRating"`
	AlternateName     string `json:"alternateName"`
	Name              string `json:"name,omitempty"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

type citationLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type correctLD struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// claimReviewedMax is Google's limit on claimReviewed.
const claimReviewedMax = 75

// claimReviews returns one ClaimReview per published verdict of the report.
// A verdict without an address to point to cannot be marked up: url is
// required, and is built on the database's base URL.
func (r *report) claimReviews() []claimReviewLD {
	var out []claimReviewLD
	for _, av := range r.Articles {
		for i := range av.Claims {
			cv := &av.Claims[i]
			if cv.published() && cv.URL != "" {
				out = append(out, r.claimReview(av, cv))
			}
		}
	}
	return out
}

// claimReview marks up a verdict as published. It is machine data, the same
// whatever the language of the report around it: its own words are the
// verdict's, and its dates are ISO dates.
func (r *report) claimReview(av articleView, cv *claimView) claimReviewLD {
	a := av.Article
	ld := claimReviewLD{
		Type: "ClaimReview", ID: cv.URL, URL: cv.URL,
		DatePublished: date(cv.PublishedAt),
		InLanguage:    reviewLanguage(r.Settings, a),
		ClaimReviewed: shorten(cv.Summary, claimReviewedMax),
		ItemReviewed:  claimLD{Type: "Claim", Author: claimAuthor(cv), DatePublished: cv.ClaimDate, Text: clean(cv.Text)},
		ReviewRating: ratingLD{Type: "Rating", RatingValue: cv.Rating.Value, BestRating: r.Settings.Scale.Best, WorstRating: r.Settings.Scale.Worst,
			AlternateName: oneLine(cv.Rating.Label), Name: oneLine(cv.Rating.Label), RatingExplanation: clean(cv.Verdict.Explanation)},
		ReviewBody: clean(cv.Verdict.Rationale),
	}
	if org := oneLine(r.Settings.Organization); org != "" {
		ld.Author = &thingLD{Type: "Organization", Name: org, URL: webURL(strings.SplitN(r.Settings.BaseURL, "#", 2)[0])}
	}
	if n := len(cv.Corrections); n > 0 {
		ld.DateModified = date(cv.Corrections[n-1].At)
		for _, c := range cv.Corrections {
			ld.Correction = append(ld.Correction, correctLD{Type: "CorrectionComment", Text: clean(c.PublicNote), DatePublished: date(c.At)})
		}
	}
	if url := webURL(a.URL); url != "" {
		work := &workLD{Type: "NewsArticle", URL: url, Headline: oneLine(a.Title), DatePublished: a.PublishedOn}
		if outlet := oneLine(a.Outlet); outlet != "" {
			work.Publisher = &thingLD{Type: "Organization", Name: outlet}
		}
		ld.ItemReviewed.Appearance, ld.ItemReviewed.FirstAppearance = work, work
	}
	for _, ev := range cv.Evidence {
		if ev.Source != nil && !ev.Source.Protected {
			ld.Citation = append(ld.Citation, citationLD{Type: "CreativeWork", Name: cite(ev.Source, ev.Source.Issued), URL: webURL(ev.Source.URL)})
		}
	}
	return ld
}

// reviewLanguage is the language a verdict is written in: the newsroom's,
// which also wrote the summary and the labels of its rating scale; the
// article's when the settings name none.
func reviewLanguage(s claims.Settings, a *claims.Article) string {
	if claims.ValidLanguage(s.Language) {
		return s.Language
	}
	return a.Language
}

// claimAuthor is who made the claim: a person when a name is known, the
// organisation otherwise.
func claimAuthor(cv *claimView) any {
	s := cv.Speaker
	switch {
	case strings.TrimSpace(s.Name) != "" && !strings.EqualFold(s.Name, s.Organization):
		return personLD{Type: "Person", Name: oneLine(s.Name), JobTitle: oneLine(s.Role)}
	case strings.TrimSpace(s.Organization) != "":
		return thingLD{Type: "Organization", Name: oneLine(s.Organization)}
	}
	return nil
}

// writeClaimReview writes the ClaimReviews as one JSON-LD document: a graph
// when there are several, so that it parses as one value.
func writeClaimReview(w io.Writer, r *report) error {
	if r.Settings.BaseURL == "" {
		return claims.Errorf(claims.EINVALID, "ClaimReview needs the address of each verdict: set the base URL where your verdicts are published first (Edit > Publication settings, or claimdesk settings --base-url).")
	}
	reviews := r.claimReviews()
	if len(reviews) == 0 {
		return claims.Errorf(claims.EINVALID, "There is no published verdict to mark up: ClaimReview describes published verdicts only.")
	}
	var doc any
	if len(reviews) == 1 {
		reviews[0].Context = "https://schema.org"
		doc = reviews[0]
	} else {
		doc = struct {
			Context string          `json:"@context"`
			Graph   []claimReviewLD `json:"@graph"`
		}{"https://schema.org", nonNil(reviews)}
	}
	raw, err := marshalLD(doc, "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(raw)
	return err
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// marshalLD encodes JSON-LD with <, > and & escaped, so that the same bytes
// are safe inside an HTML script element.
func marshalLD(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
