package locale_test

import (
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/locale"
)

func TestFromEnvironment(t *testing.T) {
	tests := map[string]struct {
		env  map[string]string
		want string
	}{
		"nothing set":                 {map[string]string{}, locale.English},
		"French LANG":                 {map[string]string{"LANG": "fr_FR.UTF-8"}, locale.French},
		"Canadian French":             {map[string]string{"LANG": "fr_CA.UTF-8"}, locale.French},
		"British English":             {map[string]string{"LANG": "en_GB.UTF-8"}, locale.English},
		"C":                           {map[string]string{"LANG": "C"}, locale.English},
		"C.UTF-8":                     {map[string]string{"LANG": "C.UTF-8"}, locale.English},
		"POSIX":                       {map[string]string{"LC_ALL": "POSIX"}, locale.English},
		"C ignores LANGUAGE":          {map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, locale.English},
		"LC_ALL wins over LANG":       {map[string]string{"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, locale.French},
		"LC_MESSAGES wins over LANG":  {map[string]string{"LC_MESSAGES": "fr_FR", "LANG": "en_US.UTF-8"}, locale.French},
		"LANGUAGE lists preferences":  {map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "fr_FR:en"}, locale.French},
		"first supported in LANGUAGE": {map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr"}, locale.French},
		"unsupported language":        {map[string]string{"LANG": "de_DE.UTF-8"}, locale.English},
		"modifier":                    {map[string]string{"LANG": "fr_FR@euro"}, locale.French},
		"garbage":                     {map[string]string{"LANG": "!!"}, locale.English},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := locale.FromEnvironment(func(k string) string { return tt.env[k] })
			if got != tt.want {
				t.Errorf("FromEnvironment(%v) = %q, want %q", tt.env, got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := map[string]struct {
		in, want string
		ok       bool
	}{
		"fr":       {"fr", locale.French, true},
		"upper":    {"EN", locale.English, true},
		"tag":      {"fr-CA", locale.French, true},
		"posix":    {"en_GB.UTF-8", locale.English, true},
		"spaces":   {" fr ", locale.French, true},
		"german":   {"de", "", false},
		"empty":    {"", "", false},
		"francais": {"français", "", false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := locale.Parse(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Fatalf("Parse(%q) = %q, %v", tt.in, got, err)
			}
			if !tt.ok && claims.ErrorCode(err) != claims.EINVALID {
				t.Errorf("Parse(%q) error code = %q, want %q", tt.in, claims.ErrorCode(err), claims.EINVALID)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	at := time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)
	feb := time.Date(2024, 2, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name, got, want string
	}{
		{"date en", locale.Date(at, locale.English), "Nov 27, 2026"},
		{"date fr", locale.Date(at, locale.French), "27 nov. 2026"},
		{"date fr accent", locale.Date(feb, locale.French), "1 févr. 2024"},
		{"datetime en", locale.DateTime(at, locale.English), "Nov 27, 2026, 14:05"},
		{"datetime fr", locale.DateTime(at, locale.French), "27 nov. 2026, 14:05"},
		{"date text fr", locale.DateText("2024-06-19", locale.French), "19 juin 2024"},
		{"date text en", locale.DateText("2024-06-19", locale.English), "Jun 19, 2024"},
		{"date text typed", locale.DateText("mid-June", locale.French), "mid-June"},
		{"int en", locale.Int(11000, locale.English), "11,000"},
		{"int fr", locale.Int(11000, locale.French), "11\u00a0000"},
		{"int small", locale.Int(999, locale.French), "999"},
		{"int million", locale.Int(1234567, locale.English), "1,234,567"},
		{"int negative", locale.Int(-1234567, locale.French), "-1\u00a0234\u00a0567"},
		{"int zero", locale.Int(0, locale.English), "0"},
		{"decimal en", locale.Decimal(0.734, 2, locale.English), "0.73"},
		{"decimal fr", locale.Decimal(0.734, 2, locale.French), "0,73"},
		{"percent en", locale.Percent(1, 3, locale.English), "33%"},
		{"percent fr", locale.Percent(2, 3, locale.French), "67\u00a0%"},
		{"percent of nothing", locale.Percent(0, 0, locale.English), "0%"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
