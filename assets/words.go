package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"claimdesk/claims/locale"
)

// Translations holds the words of the interface and the reports, one file
// per part and language named part.lang.json (window.fr.json), in the
// format Fyne's lang package reads: a key to a text, or to its "one" and
// "other" plural forms, with {{.Name}} for what the code fills in.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the directory of Translations that holds the files.
const TranslationsDir = "translations"

// Message is one entry of a translation file: the text, or its plural
// forms when One is set.
type Message struct {
	One   string
	Other string
}

// UnmarshalJSON reads a plain text or an object of plural forms.
func (m *Message) UnmarshalJSON(data []byte) error {
	var text string
	if err := json.Unmarshal(data, &text); err == nil {
		*m = Message{Other: text}
		return nil
	}
	var forms struct {
		One   string `json:"one"`
		Other string `json:"other"`
	}
	if err := json.Unmarshal(data, &forms); err != nil || forms.One == "" || forms.Other == "" {
		return fmt.Errorf("a message is a text or an object with \"one\" and \"other\"")
	}
	*m = Message{One: forms.One, Other: forms.Other}
	return nil
}

// Catalog returns every message of lang, read from all its files. An error
// means a translation file is broken, which the tests rule out.
func Catalog(lang string) (map[string]Message, error) {
	files, err := fs.Glob(Translations, path.Join(TranslationsDir, "*."+lang+".json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no translation files for %q", lang)
	}
	all := map[string]Message{}
	for _, name := range files {
		raw, err := Translations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var part map[string]Message
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for key, m := range part {
			if _, twice := all[key]; twice {
				return nil, fmt.Errorf("%s: %q is also in another file", name, key)
			}
			all[key] = m
		}
	}
	return all, nil
}

// Words gives the texts of one language to code that does not run under
// Fyne, such as the reports; the window reads the same files through Fyne's
// lang package.
type Words struct {
	lang     string
	messages map[string]Message
	texts    map[string]forms
}

// forms are a message's texts split at their placeholders; one is set for
// a message with plural forms.
type forms struct{ one, other *text }

var (
	wordsOnce sync.Once
	words     map[string]*Words
)

// WordsFor returns the words of lang, or English's when lang is not a
// language ClaimDesk speaks.
func WordsFor(lang string) *Words {
	wordsOnce.Do(func() {
		words = map[string]*Words{}
		for _, l := range locale.Languages {
			messages, err := Catalog(l)
			if err != nil {
				messages = map[string]Message{} // keys stand in; TestTranslations fails first
			}
			words[l] = newWords(l, messages)
		}
	})
	if w, ok := words[lang]; ok {
		return w
	}
	return words[locale.English]
}

func newWords(lang string, messages map[string]Message) *Words {
	w := &Words{lang: lang, messages: messages, texts: make(map[string]forms, len(messages))}
	for key, m := range messages {
		f := forms{other: splitText(m.Other)}
		if m.One != "" {
			f.one = splitText(m.One)
		}
		w.texts[key] = f
	}
	return w
}

// Language returns the language of w.
func (w *Words) Language() string { return w.lang }

// Has reports whether w has a message for key.
func (w *Words) Has(key string) bool {
	_, ok := w.messages[key]
	return ok
}

// Format returns the text of key as its file writes it, nothing filled in,
// and whether w has it. It is for keys that come with the data rather than
// the call, such as the format an error message was written from, which the
// translation test checks where the error is made; a call that names its
// key uses L or N, so that the test sees the key there.
func (w *Words) Format(key string) (string, bool) {
	m, ok := w.messages[key]
	return m.Other, ok
}

// L returns the text of key, filled in from data, a map of the names the
// text uses. A key with no message returns the key itself, so a gap shows
// rather than hides.
func (w *Words) L(key string, data ...map[string]any) string {
	f, ok := w.texts[key]
	if !ok {
		return key
	}
	if len(data) == 0 {
		return f.other.fill(nil)
	}
	return f.other.fill(data[0])
}

// N returns the form of key that suits count, filled in from data; data's
// "Count" is count written for the language unless data sets it.
func (w *Words) N(key string, count int, data ...map[string]any) string {
	f, ok := w.texts[key]
	if !ok {
		return key
	}
	fields := map[string]any{"Count": locale.Int(count, w.lang)}
	if len(data) > 0 {
		for k, v := range data[0] {
			fields[k] = v
		}
	}
	if f.one != nil && isOne(count, w.lang) {
		return f.one.fill(fields)
	}
	return f.other.fill(fields)
}

// isOne reports whether count takes the singular: 1 in English, 0 and 1 in
// French.
func isOne(count int, lang string) bool {
	if lang == locale.French {
		return count == 0 || count == 1
	}
	return count == 1
}

// Placeholder matches where a message takes a value: {{.Name}}, the only
// template syntax the translation files use, as their test checks.
var Placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// text is a message split at its placeholders. A report fills the same
// messages for each of thousands of claims, so filling one joins strings
// rather than running a template.
type text struct {
	parts []string // the text around the placeholders: one more than names
	names []string // the value each placeholder takes
}

func splitText(s string) *text {
	t := &text{}
	last := 0
	for _, m := range Placeholder.FindAllStringSubmatchIndex(s, -1) {
		t.parts = append(t.parts, s[last:m[0]])
		t.names = append(t.names, s[m[2]:m[3]])
		last = m[1]
	}
	t.parts = append(t.parts, s[last:])
	return t
}

// fill puts data's values where t names them; a name data lacks leaves
// nothing. A value is never read as a template, whatever it holds.
func (t *text) fill(data map[string]any) string {
	if len(t.names) == 0 {
		return t.parts[0]
	}
	var b strings.Builder
	for i, name := range t.names {
		b.WriteString(t.parts[i])
		if v, ok := data[name]; ok {
			fmt.Fprint(&b, v)
		}
	}
	b.WriteString(t.parts[len(t.parts)-1])
	return b.String()
}
