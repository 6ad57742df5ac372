package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// FyneApp.toml is what `fyne package` names and numbers the package from;
// embedding it makes every binary, packaged or built with go build, report
// that same version, with no second copy of the number to forget.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// appDetails is the [Details] table of FyneApp.toml.
type appDetails struct {
	Name, ID, Version string
	Build             int
}

// String is what --version prints.
func (d appDetails) String() string {
	return fmt.Sprintf("%s %s (build %d)", d.Name, d.Version, d.Build)
}

// printVersion answers --version, which needs no display: the name,
// version and build that the package was made with.
func printVersion(stdout, stderr io.Writer) int {
	d, err := parseDetails(fyneAppTOML)
	if err != nil {
		fmt.Fprintln(stderr, "claimdesk: "+err.Error())
		return 1
	}
	fmt.Fprintln(stdout, d)
	return 0
}

// parseDetails reads Name, ID, Version and Build from the [Details] table.
// It knows the little of TOML that FyneApp.toml uses in that table (tables,
// comments, quoted strings and whole numbers) and skips every other table,
// so the Go module needs no TOML library for four values.
func parseDetails(text string) (appDetails, error) {
	var d appDetails
	strs := map[string]*string{"Name": &d.Name, "ID": &d.ID, "Version": &d.Version}
	seen := map[string]bool{}
	inDetails, hadDetails := false, false
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") { // a table header: no key starts with [
			table, _, _ := strings.Cut(line, "#")
			inDetails = strings.TrimSpace(table) == "[Details]"
			hadDetails = hadDetails || inDetails
			continue
		}
		if !inDetails {
			continue
		}
		fail := func(format string, args ...any) (appDetails, error) {
			return appDetails{}, fmt.Errorf("FyneApp.toml line %d: "+format, append([]any{i + 1}, args...)...)
		}
		key, raw, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return fail("want key = value, got %q", line)
		}
		if seen[key] {
			return fail("%s is set twice", key)
		}
		seen[key] = true
		value, quoted, err := tomlValue(strings.TrimSpace(raw))
		if err != nil {
			return fail("%s: %v", key, err)
		}
		switch {
		case strs[key] != nil:
			if !quoted {
				return fail("%s = %s: want a quoted string", key, value)
			}
			*strs[key] = value
		case key == "Build":
			n, err := strconv.Atoi(value)
			if quoted || err != nil || n < 1 {
				return fail("Build = %s: want a whole number from 1", strings.TrimSpace(raw))
			}
			d.Build = n
		}
	}
	switch {
	case !hadDetails:
		return appDetails{}, errors.New("FyneApp.toml has no [Details] table")
	case d.Name == "":
		return appDetails{}, errors.New("FyneApp.toml: [Details] has no Name")
	case d.Version == "":
		return appDetails{}, errors.New("FyneApp.toml: [Details] has no Version")
	case d.Build == 0:
		return appDetails{}, errors.New("FyneApp.toml: [Details] has no Build")
	}
	return d, nil
}

// tomlValue reads one value: a basic ("…") or literal ('…') string, or a
// bare word such as a number, followed by nothing but a comment.
func tomlValue(raw string) (value string, quoted bool, err error) {
	var rest string
	switch {
	case strings.HasPrefix(raw, `"`):
		prefix, err := strconv.QuotedPrefix(raw)
		if err != nil {
			return "", false, fmt.Errorf("unterminated or malformed string %s", raw)
		}
		value, _ = strconv.Unquote(prefix)
		quoted, rest = true, raw[len(prefix):]
	case strings.HasPrefix(raw, "'"):
		end := strings.IndexByte(raw[1:], '\'')
		if end < 0 {
			return "", false, fmt.Errorf("unterminated string %s", raw)
		}
		value, quoted, rest = raw[1:end+1], true, raw[end+2:]
	default:
		value, _, _ = strings.Cut(raw, "#")
		value = strings.TrimSpace(value)
		if value == "" {
			return "", false, errors.New("no value")
		}
		return value, false, nil
	}
	if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "#") {
		return "", false, fmt.Errorf("unexpected %q after the string", rest)
	}
	return value, quoted, nil
}
