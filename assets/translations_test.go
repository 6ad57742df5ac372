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
	uses := usedKeys(t)
	if len(uses) == 0 {
		t.Fatal("found no translation keys in the code")
	}
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
			if m := c[key]; strings.TrimSpace(m.Other) == "" {
				t.Errorf("the %s translation of %q is empty", lang, key)
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
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// placeholders returns the names a message fills in, sorted and once each.
func placeholders(m assets.Message) []string {
	var names []string
	for _, match := range placeholder.FindAllStringSubmatch(m.One+" "+m.Other, -1) {
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

// usedKeys returns every key the module's code passes to a translation
// call: Fyne's lang.L, lang.N, lang.X and lang.XN, and the L and N methods
// of assets.Words. Keys must be string literals, so that this test sees
// them all; a call with any other key fails it.
func usedKeys(t *testing.T) []keyUse {
	t.Helper()
	var uses []keyUse
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
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isTranslationCall(call) || len(call.Args) == 0 {
				return true
			}
			at := fset.Position(call.Pos()).String()
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the key of a translation call must be a string literal", at)
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", at, err)
				return true
			}
			uses = append(uses, keyUse{key: key, at: at})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses
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

func TestWords(t *testing.T) {
	en, fr := assets.WordsFor(locale.English), assets.WordsFor(locale.French)
	tests := []struct {
		name, got, want string
	}{
		{"English status", en.L("status.in-review"), "in review"},
		{"French status", fr.L("status.in-review"), "en relecture"},
		{"unknown language is English", assets.WordsFor("de").L("stance.refutes"), "refutes"},
		{"missing key shows", fr.L("no.such.key"), "no.such.key"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
