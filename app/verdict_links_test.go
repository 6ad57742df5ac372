package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestVerdictPreviewLinksOnlyToTheWeb types rationales whose links would run
// script or open local files when tapped: the preview shows their text,
// and only http(s) and mailto: links stay links.
func TestVerdictPreviewLinksOnlyToTheWeb(t *testing.T) {
	tests := []struct {
		name, rationale string
		links           []string // the addresses the preview may link to
	}{
		{"javascript", "Voir [x](javascript:alert(1)).", nil},
		{"upper case", "Voir [x](JAVASCRIPT:alert(3)).", nil},
		{"character reference", "Voir [x](&#106;avascript:alert(1)).", nil},
		{"vbscript", "Voir [x](vbscript:msgbox(5)).", nil},
		{"data", "Voir [x](data:text/html;base64,PHNjcmlwdD4=).", nil},
		{"file", "Voir [x](file:///etc/passwd).", nil},
		{"percent-encoded newline", "Voir [x](java%0ascript:alert(12)).", nil},
		{"reference definition", "[proof]: javascript:alert(6)\n\nVoir [see][proof].", nil},
		{"in a list", "- Voir [x](javascript:alert(7))", nil},
		{"file image", "![x](file:///etc/passwd)", nil},
		{"https", "Voir [x](https://example.org).", []string{"https://example.org"}},
		{"upper-case https", "Voir [x](HTTPS://example.org/a).", []string{"https://example.org/a"}},
		{"mailto", "Voir [x](mailto:desk@example.org).", []string{"mailto:desk@example.org"}},
		{"both", "[a](javascript:alert(8)) [b](https://example.org/b)", []string{"https://example.org/b"}},
	}
	f := newVerdictFixture(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.tab.rationale.SetText("")
			f.typeInto(f.tab.rationale, tt.rationale)
			links, images := previewLinks(f.tab.preview.Segments)
			if !slices.Equal(links, tt.links) {
				t.Errorf("the preview links to %q, want %q", links, tt.links)
			}
			if len(images) > 0 {
				t.Errorf("the preview loads the images %q", images)
			}
		})
	}
}

// previewLinks returns the addresses of the hyperlinks the preview shows,
// and those of the images it loads other than from the web.
func previewLinks(segments []widget.RichTextSegment) (links, images []string) {
	for _, s := range segments {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			link := "<nil>"
			if s.URL != nil {
				link = s.URL.String()
			}
			links = append(links, link)
		case *widget.ImageSegment:
			if scheme := s.Source.Scheme(); scheme != "http" && scheme != "https" {
				images = append(images, s.Source.String())
			}
		case *widget.ParagraphSegment:
			l, i := previewLinks(s.Texts)
			links, images = append(links, l...), append(images, i...)
		case *widget.ListSegment:
			l, i := previewLinks(s.Items)
			links, images = append(links, l...), append(images, i...)
		}
	}
	return links, images
}
