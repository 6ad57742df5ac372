// Package posixlocale stops Fyne from logging an error at start-up on
// systems whose locale is the POSIX default ("C", "C.UTF-8", "POSIX"),
// which Fyne cannot parse as a language. Fyne reads the locale while its
// packages initialise, before main runs, so main imports this package for
// its side effect: Go initialises packages with no dependency between them
// in import-path order, and "claimdesk/..." comes before "fyne.io/...".
package posixlocale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue
		}
		if IsPOSIX(value) {
			// In the POSIX locale gettext ignores LANGUAGE; so must Fyne,
			// which would read it once the locale above is a real one.
			os.Setenv(name, "en_US.UTF-8")
			os.Unsetenv("LANGUAGE")
		}
		return // the first locale variable set is the one that counts
	}
}

// IsPOSIX reports whether value names the POSIX default locale.
func IsPOSIX(value string) bool {
	base, _, _ := strings.Cut(value, ".")
	return base == "C" || base == "POSIX"
}
