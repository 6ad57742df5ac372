package claims

import (
	"strings"
	"testing"
)

func TestSafeLinkURL(t *testing.T) {
	tests := []struct {
		in, want string // want is "" when in may not be a link
	}{
		{"https://example.org", "https://example.org"},
		{"HTTPS://example.org", "https://example.org"},
		{"HtTp://example.org/a?b=c#d", "http://example.org/a?b=c#d"},
		{"  https://example.org/\n", "https://example.org/"},
		{"\u200bhttps://example.org/\ufeff", "https://example.org/"},
		{"mailto:desk@example.org", "mailto:desk@example.org"},
		{"MAILTO:desk@example.org?subject=Verdict", "mailto:desk@example.org?subject=Verdict"},
		{"https://example.org/été", "https://example.org/%C3%A9t%C3%A9"},
		{"https://example.org/a b", "https://example.org/a%20b"},
		{`https://x.example/"onmouseover="alert(9)`, "https://x.example/%22onmouseover=%22alert%289%29"},
		{"https://x.example/?q='<b>`", "https://x.example/?q=%27%3Cb%3E%60"},
		{"https://example.org/?a=1&copy=2", "https://example.org/?a=1&copy=2"},

		{"javascript:alert(1)", ""},
		{"JAVASCRIPT:alert(3)", ""},
		{"JaVaScRiPt:alert(3)", ""},
		{"&#106;avascript:alert(1)", ""},
		{"&#x6A;avascript:alert(1)", ""},
		{"java&#115;cript:alert(4)", ""},
		{"java&Tab;script:alert(4)", ""},
		{"vbscript:msgbox(5)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"data:image/svg+xml;base64,PHN2Zy8+", ""},
		{"file:///etc/passwd", ""},
		{" javascript:alert(7)", ""},
		{"\tjavascript:alert(8)", ""},
		{"\njavascript:alert(9)", ""},
		{"java\tscript:alert(10)", ""},
		{"java\nscript:alert(10)", ""},
		{"java\x00script:alert(10)", ""},
		{"java%0ascript:alert(12)", ""},
		{"%6Aavascript:alert(12)", ""},
		{"javascript%3Aalert(12)", ""},
		{"https%3A//example.org", ""},
		{"ht\ttps://example.org", ""},
		{"https://exa\nmple.org", ""},
		{"https://example.org/&#10;x", ""},
		{"https:&#47;&#47;example.org", ""},
		{"https://example.org/\u202egnp.exe", ""},
		{"https:///no-host", ""},
		{"https://:443/", ""},
		{"https:example.org", ""},
		{`https:\\example.org`, ""},
		{"//example.org/x", ""},
		{"/relative", ""},
		{"relative/path", ""},
		{"#claim-1", ""},
		{"mailto:", ""},
		{"mailto:?subject=x", ""},
		{"mailto:desk", ""},
		{"mailto://desk@example.org", ""},
		{"ftp://example.org", ""},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		got, ok := SafeLinkURL(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("SafeLinkURL(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
		if !ok {
			continue
		}
		if again, ok := SafeLinkURL(got); !ok || again != got {
			t.Errorf("SafeLinkURL(%q) = %q, %v: the normalised URL changes again", got, again, ok)
		}
		if strings.ContainsAny(got, " \t\n\"'<>\\`") {
			t.Errorf("SafeLinkURL(%q) = %q keeps a character that can end an attribute or a destination", tt.in, got)
		}
	}
}
