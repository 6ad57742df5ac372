package claims

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Rating is one step of a rating scale.
type Rating struct {
	Key   string // stable ASCII slug of the label, e.g. "plutot-vrai"
	Label string
	Value int    // ClaimReview ratingValue
	Color string // #rrggbb
}

// RatingScale is a named, ordered list of ratings, best first, that maps
// onto ClaimReview's ratingValue, bestRating, worstRating and alternateName.
type RatingScale struct {
	Key      string
	Name     string
	Language string
	Ratings  []Rating
	Best     int
	Worst    int
}

// Rating returns the rating with the given key, and false when the scale has none.
func (s *RatingScale) Rating(key string) (Rating, bool) {
	for _, r := range s.Ratings {
		if r.Key == key {
			return r, true
		}
	}
	return Rating{}, false
}

// CheckRating returns EINVALID, listing the valid keys, when key is not a
// rating of the scale.
func (s *RatingScale) CheckRating(key string) error {
	if _, ok := s.Rating(key); ok {
		return nil
	}
	keys := make([]string, len(s.Ratings))
	for i, r := range s.Ratings {
		keys[i] = r.Key
	}
	return Errorf(EINVALID, "%q is not a rating of the %s scale; use one of: %s.", truncate(key, 30), s.Name, strings.Join(keys, ", "))
}

// Validate returns EINVALID when the scale is malformed.
func (s *RatingScale) Validate() error {
	if err := firstError(
		checkRequired(Textf("The scale's key"), s.Key, 100),
		checkRequired(Textf("The scale's name"), s.Name, MaxShortText),
	); err != nil {
		return err
	}
	if len(s.Ratings) == 0 {
		return Errorf(EINVALID, "The %s scale has no ratings.", s.Name)
	}
	if s.Worst >= s.Best {
		return Errorf(EINVALID, "The %s scale's best value must be above its worst.", s.Name)
	}
	seen := map[string]bool{}
	for _, r := range s.Ratings {
		if err := r.validate(s); err != nil {
			return err
		}
		if seen[r.Key] {
			return Errorf(EINVALID, "The %s scale has the rating %q twice.", s.Name, r.Key)
		}
		seen[r.Key] = true
	}
	return nil
}

func (r Rating) validate(s *RatingScale) error {
	if err := checkRequired(Textf("A rating's label"), r.Label, 100); err != nil {
		return err
	}
	if r.Key != Slug(r.Label) {
		return Errorf(EINVALID, "The rating %q must have the key %q.", r.Label, Slug(r.Label))
	}
	if r.Value < s.Worst || r.Value > s.Best {
		return Errorf(EINVALID, "The rating %q has the value %d, outside %d–%d.", r.Label, r.Value, s.Worst, s.Best)
	}
	if !isHexColor(r.Color) {
		return Errorf(EINVALID, "The rating %q needs a colour written #rrggbb.", r.Label)
	}
	return nil
}

// Slug turns a label into a stable lower-case ASCII key: accents dropped,
// anything else between words turned into single hyphens ("Plutôt vrai" is
// "plutot-vrai").
func Slug(label string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(label) {
		ascii, ok := latinLigatures[unicode.ToLower(r)]
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			ascii, ok = string(unicode.ToLower(r)), true
		}
		if !ok {
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(ascii)
		hyphen = false
	}
	return b.String()
}

// latinLigatures spells out the Latin letters that have no accent to drop.
var latinLigatures = map[rune]string{'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}

func isHexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

func preset(key, name, lang string, labels []string, values []int, colors []string) RatingScale {
	s := RatingScale{Key: key, Name: name, Language: lang, Best: 5, Worst: 1}
	for i, label := range labels {
		s.Ratings = append(s.Ratings, Rating{Key: Slug(label), Label: label, Value: values[i], Color: colors[i]})
	}
	return s
}

// The presets use a 1–5 ClaimReview scale, as Google's examples and French
// fact-checkers do; ratings off the true–false axis (misleading, unproven)
// take the value fact-checkers commonly give them.
var (
	presetColors = []string{"#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027", "#7b3294", "#878787"}

	// ScaleEnglish is the default scale of an English database.
	ScaleEnglish = preset("en-default", "ClaimDesk (English)", LangEnglish,
		[]string{"True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unproven"},
		[]int{5, 4, 3, 2, 1, 2, 2}, presetColors)

	// ScaleFrench is the default scale of a French database.
	ScaleFrench = preset("fr-default", "ClaimDesk (français)", LangFrench,
		[]string{"Vrai", "Plutôt vrai", "Manque de contexte", "Trompeur", "Plutôt faux", "Faux", "Infondé"},
		[]int{5, 4, 3, 2, 2, 1, 2},
		[]string{"#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#f46d43", "#d73027", "#878787"})
)

// DefaultScale returns a copy of the preset scale for a database in lang.
func DefaultScale(lang string) RatingScale {
	s := ScaleEnglish
	if lang == LangFrench {
		s = ScaleFrench
	}
	s.Ratings = append([]Rating(nil), s.Ratings...)
	return s
}

// Fold returns s in lower case without accents, so that searches match as
// people expect: "coree" finds "Corée", "etats-unis" finds "États-Unis".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
