package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseDetails(t *testing.T) {
	const good = `Website = "https://example.org"

# what fyne package names the package from
[Details]
  Icon = "assets/icon.png"
  Name = "ClaimDesk"   # shown in menus
  ID = 'org.claimdesk.app'
  Version = "0.1.0"
  Build = 12

[LinuxAndBSD]
  Name = "not this one"
  Keywords = [
    "fact-checking",
    "claims",
  ]
`
	tests := []struct {
		name, text string
		want       appDetails
		err        string // part of the error, or "" for none
	}{
		{name: "the file as fyne writes it", text: good,
			want: appDetails{Name: "ClaimDesk", ID: "org.claimdesk.app", Version: "0.1.0", Build: 12}},
		{name: "escapes and Windows line ends", text: "[Details]\r\nName = \"Claim\\u00c9 \\\"Desk\\\"\"\r\nVersion = \"2.0\"\r\nBuild = 3\r\n",
			want: appDetails{Name: `ClaimÉ "Desk"`, Version: "2.0", Build: 3}},
		{name: "empty file", text: "", err: "no [Details] table"},
		{name: "keys outside the table", text: "Name = \"ClaimDesk\"\nVersion = \"1\"\nBuild = 1\n", err: "no [Details] table"},
		{name: "no version", text: "[Details]\nName = \"ClaimDesk\"\nBuild = 1\n", err: "no Version"},
		{name: "no build", text: "[Details]\nName = \"ClaimDesk\"\nVersion = \"1.0\"\n", err: "no Build"},
		{name: "no name", text: "[Details]\nVersion = \"1.0\"\nBuild = 1\n", err: "no Name"},
		{name: "unquoted version", text: "[Details]\nName = \"ClaimDesk\"\nVersion = 0.1\nBuild = 1\n", err: "line 3: Version = 0.1: want a quoted string"},
		{name: "build as a string", text: "[Details]\nName = \"ClaimDesk\"\nVersion = \"1\"\nBuild = \"1\"\n", err: "line 4: Build = \"1\": want a whole number"},
		{name: "build zero", text: "[Details]\nName = \"ClaimDesk\"\nVersion = \"1\"\nBuild = 0\n", err: "want a whole number from 1"},
		{name: "unterminated string", text: "[Details]\nName = \"ClaimDesk\nVersion = \"1\"\nBuild = 1\n", err: "line 2: Name: unterminated"},
		{name: "unterminated literal", text: "[Details]\nName = 'ClaimDesk\n", err: "line 2: Name: unterminated"},
		{name: "trailing junk", text: "[Details]\nName = \"Claim\" Desk\n", err: `line 2: Name: unexpected "Desk"`},
		{name: "no equals sign", text: "[Details]\nName \"ClaimDesk\"\n", err: "line 2: want key = value"},
		{name: "no value", text: "[Details]\nBuild =   # later\n", err: "line 2: Build: no value"},
		{name: "key twice", text: "[Details]\nVersion = \"1\"\nVersion = \"2\"\n", err: "line 3: Version is set twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseDetails(tt.text)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.err != "" && err == nil:
				t.Fatalf("got %+v, want an error with %q", got, tt.err)
			case tt.err != "" && !strings.Contains(err.Error(), tt.err):
				t.Fatalf("error %q, want it to contain %q", err, tt.err)
			case tt.err != "" && !strings.HasPrefix(err.Error(), "FyneApp.toml"):
				t.Fatalf("error %q does not say which file", err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The embedded file is the one fyne package reads, and the window must run
// under the ID the package's desktop entry and preferences are named after.
func TestEmbeddedFyneAppTOML(t *testing.T) {
	d, err := parseDetails(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != appID {
		t.Errorf("FyneApp.toml's ID is %q, the window's %q", d.ID, appID)
	}
}

func TestVersionNeedsNoDisplay(t *testing.T) {
	d, err := parseDetails(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s %s (build %d)\n", d.Name, d.Version, d.Build)
	for _, flag := range []string{"--version", "-version"} {
		if got := mustRun(t, flag); got != want {
			t.Errorf("claimdesk %s printed %q, want %q", flag, got, want)
		}
	}
}

// Whatever the file holds, the parser answers with details or an error.
func FuzzParseDetails(f *testing.F) {
	f.Add(fyneAppTOML)
	f.Add("[Details]\nName = \"a\\\nVersion = '1\nBuild = -1\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, err := parseDetails(text)
		if err == nil && (d.Name == "" || d.Version == "" || d.Build < 1) {
			t.Errorf("no error for incomplete details %+v", d)
		}
	})
}
