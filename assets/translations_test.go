package assets_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimdesk/assets"
	"claimdesk/claims/locale"
	_ "claimdesk/internal/posixlocale" // as main does: C locales speak English

	"fyne.io/fyne/v2/lang"
)

// moduleRoot is where the code that uses the translations lives.
const moduleRoot = ".."

// keyUse is a translation key found in the code, and where.
type keyUse struct {
	key string
	at  string
}

// TestTranslations fails when the code uses a key that a translation file
// lacks, when a file holds a key nothing uses, or when the two languages
// fill in different names.
func TestTranslations(t *testing.T) {
	uses, errorUses := usedKeys(t)
	if len(uses) == 0 || len(errorUses) == 0 {
		t.Fatal("found no translation keys in the code")
	}
	uses = append(uses, errorUses...)
	used := map[string]bool{}
	for _, u := range uses {
		used[u.key] = true
	}
	catalogs := map[string]map[string]assets.Message{}
	for _, lang := range locale.Languages {
		c, err := assets.Catalog(lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		catalogs[lang] = c
		for _, u := range uses {
			if _, ok := c[u.key]; !ok {
				t.Errorf("%s: key %q is missing from the %s translations", u.at, u.key, lang)
			}
		}
		for _, key := range sortedKeys(c) {
			if !used[key] {
				t.Errorf("the %s translations hold %q, which no code uses", lang, key)
			}
			m := c[key]
			if strings.TrimSpace(m.Other) == "" {
				t.Errorf("the %s translation of %q is empty", lang, key)
			}
			// Words fills {{.Name}} by joining strings, and knows no other
			// template syntax.
			if text := m.One + m.Other; strings.Count(text, "{{") != len(assets.Placeholder.FindAllString(text, -1)) {
				t.Errorf("the %s translation of %q uses template syntax other than {{.Name}}", lang, key)
			}
		}
	}
	en, fr := catalogs[locale.English], catalogs[locale.French]
	for _, key := range sortedKeys(en) {
		other, ok := fr[key]
		if !ok {
			continue // reported above
		}
		if a, b := placeholders(en[key]), placeholders(other); !slices.Equal(a, b) {
			t.Errorf("%q fills in %v in English but %v in French", key, a, b)
		}
	}
	checkErrorFormats(t, errorUses, en, fr)
}

// checkErrorFormats fails when the English of an error format is not the
// format itself, or when a translation fills in its arguments with other
// verbs than the English, which fmt would print as %!d(string=…) or
// %!s(MISSING) in front of the user.
func checkErrorFormats(t *testing.T, uses []keyUse, en, fr map[string]assets.Message) {
	t.Helper()
	checked := map[string]bool{}
	for _, u := range uses {
		if checked[u.key] {
			continue
		}
		checked[u.key] = true
		if m, ok := en[u.key]; ok && (m.Other != u.key || m.One != "") {
			t.Errorf("%s: the English of an error format must be the format itself, not %q", u.at, m.Other)
		}
		m, ok := fr[u.key]
		if !ok {
			continue // reported as missing
		}
		want := verbs(u.key)
		for _, text := range []string{m.One, m.Other} {
			if got := verbs(text); text != "" && !slices.Equal(got, want) {
				t.Errorf("%s: the French of %q fills in %v, not %v: %q", u.at, u.key, got, want, text)
			}
		}
	}
}

// verb matches one fmt verb: flags, an argument index, a width and a
// precision, each of which may be left out, and the verb's letter.
var verb = regexp.MustCompile(`%([-+# 0]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])`)

// verbs returns what format fills in, as "argument:verb" sorted, such as
// "2:.40q": the same list for two formats means they print the same
// arguments the same way, whatever order their words put them in.
func verbs(format string) []string {
	var out []string
	arg := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		flags, index, width, precision, lateIndex, letter := m[1], m[2], m[3], m[4], m[5], m[6]
		if letter == "%" {
			continue
		}
		if lateIndex != "" {
			index = lateIndex
		}
		if index != "" {
			arg, _ = strconv.Atoi(index)
		}
		spec := flags + width
		if strings.Contains(m[0], ".") {
			spec += "." + precision
		}
		out = append(out, strconv.Itoa(arg)+":"+spec+letter)
		arg++
	}
	slices.Sort(out)
	return out
}

// placeholders returns the names a message fills in, sorted and once each.
func placeholders(m assets.Message) []string {
	var names []string
	for _, match := range assets.Placeholder.FindAllStringSubmatch(m.One+" "+m.Other, -1) {
		names = append(names, match[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

func sortedKeys(c map[string]assets.Message) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// errorDirs hold the code whose error messages the window shows in the
// interface's language. The command line's stay in English.
var errorDirs = []string{"claims", "store", "app"}

// usedKeys returns every key the module's code passes to a translation
// call: Fyne's lang.L, lang.N, lang.X and lang.XN, and the L and N methods
// of assets.Words. It returns apart the error formats: the format of each
// claims.Errorf and claims.Textf call in errorDirs, which the window looks
// up as a key. Keys and formats must be string literals, so that this test
// sees them all; a call with anything else fails it.
func usedKeys(t *testing.T) (uses, errorUses []keyUse) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != moduleRoot || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		errorCode := isErrorDir(path)
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := fset.Position(call.Pos()).String()
			if isTranslationCall(call) && len(call.Args) > 0 {
				if key, ok := literal(t, at, "the key of a translation call", call.Args[0]); ok {
					uses = append(uses, keyUse{key: key, at: at})
				}
			}
			if i := formatArg(file, call); errorCode && i >= 0 && i < len(call.Args) {
				if key, ok := literal(t, at, "the format of an error message", call.Args[i]); ok {
					errorUses = append(errorUses, keyUse{key: key, at: at})
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, errorUses
}

// literal returns the string expr spells, failing the test when expr is
// not a string literal.
func literal(t *testing.T, at, what string, expr ast.Expr) (string, bool) {
	t.Helper()
	lit, ok := expr.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		t.Errorf("%s: %s must be a string literal", at, what)
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		t.Errorf("%s: %v", at, err)
		return "", false
	}
	return s, true
}

// isErrorDir reports whether the file at path is in one of errorDirs.
func isErrorDir(path string) bool {
	rel, err := filepath.Rel(moduleRoot, path)
	if err != nil {
		return false
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return slices.Contains(errorDirs, top)
}

// formatArg returns which argument of call is the format of an error
// message, or -1 when call is neither claims.Errorf nor claims.Textf, as
// package claims or another package spells them. fmt.Errorf is not one.
func formatArg(file *ast.File, call *ast.CallExpr) int {
	var name string
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		if file.Name.Name != "claims" {
			return -1
		}
		name = fun.Name
	case *ast.SelectorExpr:
		if pkg, ok := fun.X.(*ast.Ident); !ok || pkg.Name != "claims" {
			return -1
		}
		name = fun.Sel.Name
	default:
		return -1
	}
	switch name {
	case "Errorf":
		return 1
	case "Textf":
		return 0
	}
	return -1
}

// isTranslationCall reports whether call looks up a translation.
func isTranslationCall(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "lang" {
		switch sel.Sel.Name {
		case "L", "N", "X", "XN":
			return true
		}
		return false
	}
	return sel.Sel.Name == "L" || sel.Sel.Name == "N"
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"%s has %d", []string{"1:s", "2:d"}},
		{"%[2]d, then %[1]s", []string{"1:s", "2:d"}},
		{"(%.40q)", []string{"1:.40q"}},
		{"100%% of %#x", []string{"1:#x"}},
		{"%[2]s before %s", []string{"2:s", "3:s"}},
		{"no verbs", nil},
	}
	for _, tt := range tests {
		if got := verbs(tt.format); !slices.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %v, want %v", tt.format, got, tt.want)
		}
	}
}

// TestFyneReadsTheTranslations guards against what the key test cannot
// see: Fyne's reader takes a key such as "other" or "description" for part
// of a message, and then refuses the whole file.
func TestFyneReadsTheTranslations(t *testing.T) {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		t.Fatal(err)
	}
}

func TestWords(t *testing.T) {
	en, fr := assets.WordsFor(locale.English), assets.WordsFor(locale.French)
	tests := []struct {
		name, got, want string
	}{
		{"English status", en.L("status.in-review"), "in review"},
		{"French status", fr.L("status.in-review"), "en relecture"},
		{"unknown language is English", assets.WordsFor("de").L("stance.refutes"), "refutes"},
		{"missing key shows", fr.L("no.such.key"), "no.such.key"},
		{"filled", fr.L("report.title.one", map[string]any{"Title": "Corée"}), "Vérification\u00a0: Corée"},
		{"a value is not a template", en.L("report.title.one", map[string]any{"Title": "{{.Title}} <b>"}), "Fact-check: {{.Title}} <b>"},
		{"a missing value leaves nothing", en.L("report.title.one"), "Fact-check: "},
		{"English singular", en.N("report.claims", 1), "1 claim"},
		{"English zero is plural", en.N("report.claims", 0), "0 claims"},
		{"French zero is singular", fr.N("report.claims", 0), "0 affirmation"},
		{"French plural, grouped", fr.N("report.claims", 11000), "11\u00a0000 affirmations"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestFrenchTypography holds the French texts to French typography: the
// typographic apostrophe, and a no-break space before the high punctuation
// marks, so that « ? » never starts a line on its own.
func TestFrenchTypography(t *testing.T) {
	catalog, err := assets.Catalog(locale.French)
	if err != nil {
		t.Fatal(err)
	}
	looseMark := regexp.MustCompile(`(^|[^\x{a0}\x{202f}])[:;!?](\s|$)`)
	for _, key := range sortedKeys(catalog) {
		m := catalog[key]
		for _, text := range []string{m.One, m.Other} {
			text = assets.Placeholder.ReplaceAllString(text, "")
			if strings.Contains(text, "'") {
				t.Errorf("%q: %q has a straight apostrophe; French takes ’", key, text)
			}
			if looseMark.MatchString(text) {
				t.Errorf("%q: %q has no no-break space before : ; ! or ?", key, text)
			}
		}
	}
}
