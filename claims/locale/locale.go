// Package locale writes dates and numbers the way a French or an English
// reader expects them, and works out from the system's locale settings which
// of the two languages a person reads. It knows nothing of translations:
// words live in assets, and this package only shapes what is not a word.
package locale

import (
	"math"
	"strconv"
	"strings"
	"time"

	"claimdesk/claims"
)

// The languages ClaimDesk speaks, the same codes as an article's language.
const (
	English = claims.LangEnglish
	French  = claims.LangFrench
)

// Languages lists the languages in the order a menu shows them.
var Languages = []string{English, French}

// Parse returns the language s names: a code such as "fr", "FR", "fr-CA" or
// "en_GB.UTF-8". Anything else is EINVALID.
func Parse(s string) (string, error) {
	if lang, ok := match(s); ok {
		return lang, nil
	}
	return "", claims.Errorf(claims.EINVALID, "The language must be %q or %q, not %q.", English, French, shorten(s, 20))
}

// match returns the supported language of a locale name, if it has one.
func match(name string) (string, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	base, _, _ := strings.Cut(name, ".") // drop the encoding of "fr_FR.UTF-8"
	base, _, _ = strings.Cut(base, "@")  // and the modifier of "fr_FR@euro"
	code, _, _ := strings.Cut(strings.ReplaceAll(base, "_", "-"), "-")
	for _, lang := range Languages {
		if code == lang {
			return lang, true
		}
	}
	return "", false
}

// FromEnvironment returns the language of the user's locale settings, read
// through getenv as gettext reads them: the first of LC_ALL, LC_MESSAGES and
// LANG that is set, unless LANGUAGE lists preferred languages. The POSIX
// locale ("C", "C.UTF-8", "POSIX"), an unset locale and any language
// ClaimDesk does not speak all give English.
func FromEnvironment(getenv func(string) string) string {
	var current string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if current = getenv(name); current != "" {
			break
		}
	}
	if base, _, _ := strings.Cut(current, "."); base == "C" || base == "POSIX" {
		return English // gettext ignores LANGUAGE in the POSIX locale
	}
	candidates := append(strings.Split(getenv("LANGUAGE"), ":"), current)
	for _, candidate := range candidates {
		if lang, ok := match(candidate); ok {
			return lang
		}
	}
	return English
}

var frenchMonths = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// Date writes the day of t: "Nov 27, 2026" in English, "27 nov. 2026" in
// French.
func Date(t time.Time, lang string) string {
	if lang == French {
		return strconv.Itoa(t.Day()) + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("Jan 2, 2006")
}

// DateTime writes the day and the minute of t: "Nov 27, 2026, 14:05" in
// English, "27 nov. 2026, 14:05" in French. Both use a 24-hour clock, as a
// history read across time zones and languages should.
func DateTime(t time.Time, lang string) string {
	return Date(t, lang) + ", " + t.Format("15:04")
}

// DateText writes a calendar date stored as "2006-01-02" for lang, and
// returns any other text as it is: a person may have typed it.
func DateText(s, lang string) string {
	t, err := time.Parse(claims.DateLayout, s)
	if err != nil {
		return s
	}
	return Date(t, lang)
}

// thousands separates groups of digits: a comma in English, a no-break space
// in French, so that "11 000" never breaks across two lines.
func thousands(lang string) string {
	if lang == French {
		return "\u00a0"
	}
	return ","
}

// Int writes n with its thousands grouped: "11,000" or "11 000".
func Int(n int, lang string) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(thousands(lang))
		}
		b.WriteRune(d)
	}
	return b.String()
}

// Decimal writes f with the given number of decimals and the language's
// decimal mark: "0.73" or "0,73".
func Decimal(f float64, decimals int, lang string) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if lang == French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Percent writes part/whole as a whole percentage: "42%" or "42 %".
func Percent(part, whole int, lang string) string {
	p := 0
	if whole > 0 {
		p = int(math.Round(100 * float64(part) / float64(whole)))
	}
	if lang == French {
		return strconv.Itoa(p) + "\u00a0%"
	}
	return strconv.Itoa(p) + "%"
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
