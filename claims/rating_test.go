package claims_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
)

func labels(s claims.RatingScale) []string {
	var out []string
	for _, r := range s.Ratings {
		out = append(out, r.Label)
	}
	return out
}

func keys(s claims.RatingScale) []string {
	var out []string
	for _, r := range s.Ratings {
		out = append(out, r.Key)
	}
	return out
}

func TestPresetScales(t *testing.T) {
	for name, tt := range map[string]struct {
		scale      claims.RatingScale
		wantKey    string
		wantLang   string
		wantLabels []string
		wantKeys   []string
		wantValues []int
	}{
		"english": {
			claims.ScaleEnglish, "en-default", claims.LangEnglish,
			[]string{"True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unproven"},
			[]string{"true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven"},
			[]int{5, 4, 3, 2, 1, 2, 2},
		},
		"french": {
			claims.ScaleFrench, "fr-default", claims.LangFrench,
			[]string{"Vrai", "Plutôt vrai", "Manque de contexte", "Trompeur", "Plutôt faux", "Faux", "Infondé"},
			[]string{"vrai", "plutot-vrai", "manque-de-contexte", "trompeur", "plutot-faux", "faux", "infonde"},
			[]int{5, 4, 3, 2, 2, 1, 2},
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := tt.scale
			checkErr(t, s.Validate(), "", "")
			if s.Key != tt.wantKey || s.Language != tt.wantLang {
				t.Errorf("Key, Language = %q, %q, want %q, %q", s.Key, s.Language, tt.wantKey, tt.wantLang)
			}
			if s.Best != 5 || s.Worst != 1 {
				t.Errorf("Best, Worst = %d, %d, want 5, 1", s.Best, s.Worst)
			}
			if got := labels(s); !slices.Equal(got, tt.wantLabels) {
				t.Errorf("labels = %q, want %q", got, tt.wantLabels)
			}
			if got := keys(s); !slices.Equal(got, tt.wantKeys) {
				t.Errorf("keys = %q, want %q", got, tt.wantKeys)
			}
			var values []int
			for _, r := range s.Ratings {
				values = append(values, r.Value)
				if r.Key != claims.Slug(r.Label) {
					t.Errorf("rating %q has key %q, want its slug %q", r.Label, r.Key, claims.Slug(r.Label))
				}
				if len(r.Color) != 7 || r.Color[0] != '#' {
					t.Errorf("rating %q has colour %q, want #rrggbb", r.Label, r.Color)
				}
			}
			if !slices.Equal(values, tt.wantValues) {
				t.Errorf("values = %v, want %v", values, tt.wantValues)
			}
			if s.Ratings[0].Value != s.Best {
				t.Errorf("the first rating is worth %d, want the best, %d", s.Ratings[0].Value, s.Best)
			}
		})
	}
}

func TestDefaultScale(t *testing.T) {
	for name, tt := range map[string]struct {
		lang string
		want claims.RatingScale
	}{
		"french":  {claims.LangFrench, claims.ScaleFrench},
		"english": {claims.LangEnglish, claims.ScaleEnglish},
		"unknown": {"de", claims.ScaleEnglish},
		"empty":   {"", claims.ScaleEnglish},
	} {
		t.Run(name, func(t *testing.T) {
			snapshot := tt.want
			snapshot.Ratings = slices.Clone(tt.want.Ratings)

			got := claims.DefaultScale(tt.lang)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("DefaultScale(%q) = %+v, want %+v", tt.lang, got, tt.want)
			}
			// Mutating the copy leaves the presets alone.
			got.Ratings[0].Label = "Changed"
			got.Ratings[0].Key = "changed"
			got.Ratings = append(got.Ratings, claims.Rating{Key: "extra", Label: "Extra", Value: 1, Color: "#000000"})
			got.Name = "Changed"
			if again := claims.DefaultScale(tt.lang); !reflect.DeepEqual(again, snapshot) {
				t.Errorf("after mutating a copy, DefaultScale(%q) = %+v, want %+v", tt.lang, again, snapshot)
			}
			preset := claims.ScaleEnglish
			if tt.lang == claims.LangFrench {
				preset = claims.ScaleFrench
			}
			if !reflect.DeepEqual(preset, snapshot) {
				t.Errorf("after mutating a copy, the preset = %+v, want %+v", preset, snapshot)
			}
		})
	}
}

func TestRatingScaleRating(t *testing.T) {
	s := claims.DefaultScale(claims.LangFrench)
	for name, tt := range map[string]struct {
		key       string
		wantLabel string
		wantValue int
		wantOK    bool
	}{
		"first":        {"vrai", "Vrai", 5, true},
		"accented":     {"plutot-vrai", "Plutôt vrai", 4, true},
		"last":         {"infonde", "Infondé", 2, true},
		"label no key": {"Plutôt vrai", "", 0, false},
		"english key":  {"true", "", 0, false},
		"empty":        {"", "", 0, false},
	} {
		t.Run(name, func(t *testing.T) {
			r, ok := s.Rating(tt.key)
			if ok != tt.wantOK || r.Label != tt.wantLabel || r.Value != tt.wantValue {
				t.Errorf("Rating(%q) = %+v, %v, want label %q value %d, %v", tt.key, r, ok, tt.wantLabel, tt.wantValue, tt.wantOK)
			}
			if ok && r.Key != tt.key {
				t.Errorf("Rating(%q).Key = %q", tt.key, r.Key)
			}
		})
	}
}

func TestCheckRating(t *testing.T) {
	for name, tt := range map[string]struct {
		scale            claims.RatingScale
		key              string
		wantCode, wantIn string
	}{
		"french valid":  {claims.DefaultScale(claims.LangFrench), "plutot-faux", "", ""},
		"english valid": {claims.DefaultScale(claims.LangEnglish), "half-true", "", ""},
		"english in french": {claims.DefaultScale(claims.LangFrench), "false", claims.EINVALID,
			`"false" is not a rating of the ClaimDesk (français) scale; use one of: vrai, plutot-vrai, manque-de-contexte, trompeur, plutot-faux, faux, infonde.`},
		"label not key": {claims.DefaultScale(claims.LangEnglish), "Half true", claims.EINVALID,
			`"Half true" is not a rating of the ClaimDesk (English) scale; use one of: true, mostly-true, half-true, mostly-false, false, misleading, unproven.`},
		"empty key": {claims.DefaultScale(claims.LangEnglish), "", claims.EINVALID, `"" is not a rating of the ClaimDesk (English) scale;`},
		"long key truncated": {claims.DefaultScale(claims.LangEnglish), strings.Repeat("x", 50), claims.EINVALID,
			`"` + strings.Repeat("x", 30) + `…" is not a rating`},
	} {
		t.Run(name, func(t *testing.T) {
			checkErr(t, tt.scale.CheckRating(tt.key), tt.wantCode, tt.wantIn)
		})
	}
}

func TestRatingScaleValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		edit             func(s *claims.RatingScale)
		wantCode, wantIn string
	}{
		"valid":             {func(s *claims.RatingScale) {}, "", ""},
		"one rating":        {func(s *claims.RatingScale) { s.Ratings = s.Ratings[:1] }, "", ""},
		"upper-case colour": {func(s *claims.RatingScale) { s.Ratings[0].Color = "#1A9850" }, "", ""},
		"value at worst":    {func(s *claims.RatingScale) { s.Ratings[0].Value = s.Worst }, "", ""},
		"custom range": {func(s *claims.RatingScale) {
			s.Best, s.Worst = 1, -1
			for i := range s.Ratings {
				s.Ratings[i].Value = 0
			}
		}, "", ""},
		"key missing":       {func(s *claims.RatingScale) { s.Key = "" }, claims.EINVALID, "The scale's key must not be empty."},
		"key too long":      {func(s *claims.RatingScale) { s.Key = strings.Repeat("k", 101) }, claims.EINVALID, "The scale's key must be at most"},
		"name missing":      {func(s *claims.RatingScale) { s.Name = " " }, claims.EINVALID, "The scale's name must not be empty."},
		"name NUL":          {func(s *claims.RatingScale) { s.Name = "a\x00" }, claims.EINVALID, "The scale's name must not contain a NUL character."},
		"no ratings":        {func(s *claims.RatingScale) { s.Ratings = nil }, claims.EINVALID, "The ClaimDesk (français) scale has no ratings."},
		"best equals worst": {func(s *claims.RatingScale) { s.Best = s.Worst }, claims.EINVALID, "The ClaimDesk (français) scale's best value must be above its worst."},
		"best below worst":  {func(s *claims.RatingScale) { s.Best, s.Worst = 1, 5 }, claims.EINVALID, "best value must be above its worst."},
		"duplicate keys": {func(s *claims.RatingScale) { s.Ratings = append(s.Ratings, s.Ratings[1]) }, claims.EINVALID,
			`The ClaimDesk (français) scale has the rating "plutot-vrai" twice.`},
		"duplicate slug of another label": {func(s *claims.RatingScale) {
			s.Ratings = append(s.Ratings, claims.Rating{Key: "plutot-vrai", Label: "PLUTÔT  VRAI", Value: 4, Color: "#91cf60"})
		}, claims.EINVALID, `has the rating "plutot-vrai" twice.`},
		"key not the slug": {func(s *claims.RatingScale) { s.Ratings[1].Key = "mostly-true" }, claims.EINVALID,
			`The rating "Plutôt vrai" must have the key "plutot-vrai".`},
		"key with accent": {func(s *claims.RatingScale) { s.Ratings[6].Key = "infondé" }, claims.EINVALID,
			`The rating "Infondé" must have the key "infonde".`},
		"key missing on a rating": {func(s *claims.RatingScale) { s.Ratings[0].Key = "" }, claims.EINVALID, `must have the key "vrai".`},
		"label missing":           {func(s *claims.RatingScale) { s.Ratings[0].Label = "" }, claims.EINVALID, "A rating's label must not be empty."},
		"label too long": {func(s *claims.RatingScale) {
			s.Ratings[0].Label = strings.Repeat("v", 101)
			s.Ratings[0].Key = strings.Repeat("v", 101)
		}, claims.EINVALID, "A rating's label must be at most"},
		"value above best": {func(s *claims.RatingScale) { s.Ratings[0].Value = 6 }, claims.EINVALID,
			`The rating "Vrai" has the value 6, outside 1–5.`},
		"value below worst": {func(s *claims.RatingScale) { s.Ratings[5].Value = 0 }, claims.EINVALID,
			`The rating "Faux" has the value 0, outside 1–5.`},
		"colour missing":    {func(s *claims.RatingScale) { s.Ratings[0].Color = "" }, claims.EINVALID, `The rating "Vrai" needs a colour written #rrggbb.`},
		"colour name":       {func(s *claims.RatingScale) { s.Ratings[0].Color = "green" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour short":      {func(s *claims.RatingScale) { s.Ratings[0].Color = "#1a9" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour no hash":    {func(s *claims.RatingScale) { s.Ratings[0].Color = "1a98500" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour not hex":    {func(s *claims.RatingScale) { s.Ratings[0].Color = "#1a985g" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour with alpha": {func(s *claims.RatingScale) { s.Ratings[0].Color = "#1a985000" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour multi-byte": {func(s *claims.RatingScale) { s.Ratings[0].Color = "#1a98é" }, claims.EINVALID, "needs a colour written #rrggbb."},
		"colour css rgb":    {func(s *claims.RatingScale) { s.Ratings[0].Color = "rgb(0,0,0)" }, claims.EINVALID, "needs a colour written #rrggbb."},
	} {
		t.Run(name, func(t *testing.T) {
			s := claims.DefaultScale(claims.LangFrench)
			tt.edit(&s)
			checkErr(t, s.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestSettings(t *testing.T) {
	for name, tt := range map[string]struct {
		edit             func(s *claims.Settings)
		wantCode, wantIn string
	}{
		"default": {func(s *claims.Settings) {}, "", ""},
		"english": {func(s *claims.Settings) { *s = claims.DefaultSettings(claims.LangEnglish) }, "", ""},
		"organisation": {func(s *claims.Settings) {
			s.Organization, s.BaseURL = "Les Vérificateurs", "https://verif.example.fr/claims/"
		}, "", ""},
		"no language":      {func(s *claims.Settings) { s.Language = "" }, claims.EINVALID, `The language must be "fr" or "en".`},
		"german":           {func(s *claims.Settings) { s.Language = "de" }, claims.EINVALID, `The language must be "fr" or "en".`},
		"upper-case":       {func(s *claims.Settings) { s.Language = "FR" }, claims.EINVALID, `The language must be "fr" or "en".`},
		"organisation NUL": {func(s *claims.Settings) { s.Organization = "\x00" }, claims.EINVALID, "The organisation must not contain a NUL character."},
		"organisation too long": {func(s *claims.Settings) { s.Organization = strings.Repeat("o", claims.MaxShortText+1) }, claims.EINVALID,
			"The organisation must be at most"},
		"javascript base URL": {func(s *claims.Settings) { s.BaseURL = "javascript:alert(1)//" }, claims.EINVALID,
			"The base URL must be a web address starting with http:// or https://."},
		"relative base URL": {func(s *claims.Settings) { s.BaseURL = "verif.example.fr" }, claims.EINVALID, "The base URL must be a web address"},
		"empty scale":       {func(s *claims.Settings) { s.Scale = claims.RatingScale{} }, claims.EINVALID, "The scale's key must not be empty."},
		"bad rating colour": {func(s *claims.Settings) { s.Scale.Ratings[2].Color = "yellow" }, claims.EINVALID,
			`The rating "Manque de contexte" needs a colour written #rrggbb.`},
	} {
		t.Run(name, func(t *testing.T) {
			s := claims.DefaultSettings(claims.LangFrench)
			tt.edit(&s)
			checkErr(t, s.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestDefaultSettings(t *testing.T) {
	for name, tt := range map[string]struct {
		lang      string
		wantScale claims.RatingScale
	}{
		"french":  {claims.LangFrench, claims.ScaleFrench},
		"english": {claims.LangEnglish, claims.ScaleEnglish},
	} {
		t.Run(name, func(t *testing.T) {
			s := claims.DefaultSettings(tt.lang)
			if s.Language != tt.lang {
				t.Errorf("Language = %q, want %q", s.Language, tt.lang)
			}
			if !s.RequireSecondReviewer {
				t.Errorf("RequireSecondReviewer = false, want true")
			}
			if s.Organization != "" || s.BaseURL != "" {
				t.Errorf("Organization, BaseURL = %q, %q, want empty", s.Organization, s.BaseURL)
			}
			if !reflect.DeepEqual(s.Scale, tt.wantScale) {
				t.Errorf("Scale = %+v, want %+v", s.Scale, tt.wantScale)
			}
			s.Scale.Ratings[0].Label = "Changed"
			if tt.wantScale.Ratings[0].Label == "Changed" || claims.DefaultSettings(tt.lang).Scale.Ratings[0].Label == "Changed" {
				t.Errorf("the settings share their scale's ratings with the preset")
			}
		})
	}
}
