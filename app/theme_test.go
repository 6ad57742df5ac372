package app

import (
	"image/color"
	"math"
	"testing"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestContrastMatchesWCAG(t *testing.T) {
	black, white := color.Black, color.White
	tests := []struct {
		name string
		a, b color.Color
		want float64
	}{
		{"black on white", black, white, 21},
		{"same colour", white, white, 1},
		{"order does not matter", white, black, 21},
		{"grey", color.NRGBA{0x76, 0x76, 0x76, 0xff}, white, 4.54},
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("%s: contrast %.2f, want %.2f", tt.name, got, tt.want)
		}
	}
}

// TestEveryPresetChipStandsOutInBothThemes checks every rating colour of
// the preset scales against the light and the dark background: the chip,
// or its outline when it has one, must reach WCAG's 3:1.
func TestEveryPresetChipStandsOutInBothThemes(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(forcedVariant{theme.DefaultTheme(), variant})
		background := theme.DefaultTheme().Color(theme.ColorNameBackground, variant)
		outlined := 0
		for _, scale := range []claims.RatingScale{claims.ScaleEnglish, claims.ScaleFrench} {
			for _, r := range scale.Ratings {
				chip := canvas.NewRectangle(nil)
				paintChip(chip, r.Color)
				edge := chip.FillColor
				if chip.StrokeWidth > 0 {
					edge = chip.StrokeColor
					outlined++
				}
				if c := contrast(edge, background); c < minChipContrast {
					t.Errorf("variant %d: %s (%s) shows at %.2f:1 against the background", variant, r.Label, r.Color, c)
				}
			}
		}
		if outlined == 0 {
			t.Errorf("variant %d: no chip needed an outline; the test no longer tells anything", variant)
		}
	}
}

func TestPaintChipClearsWhatItDoesNotUse(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(themeFor("light"))
	chip := canvas.NewRectangle(nil)
	paintChip(chip, "#fee08b") // pale yellow: outlined on the light theme
	if chip.StrokeWidth == 0 {
		t.Fatal("a pale chip on a light background has no outline")
	}
	paintChip(chip, "")
	if chip.FillColor != color.Transparent || chip.StrokeWidth != 0 {
		t.Errorf("no rating left fill %v and stroke %v", chip.FillColor, chip.StrokeWidth)
	}
}

func TestThemeChosenInPreferences(t *testing.T) {
	ui := newTestUI(t, sampleStore(t), "Alice")
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	for _, tt := range []struct {
		choice, pref string
		background   color.Color
	}{
		{"Dark", "dark", dark},
		{"Light", "light", light},
	} {
		press(ui, fyne.KeyComma, false)
		formItem(t, ui, "Theme").(*widget.Select).SetSelected(tt.choice)
		tapDialogButton(t, ui.window.Canvas().Overlays().Top(), "Save")
		if got := ui.prefs.String(prefTheme); got != tt.pref {
			t.Fatalf("%s: theme preference = %q", tt.choice, got)
		}
		if got := theme.Color(theme.ColorNameBackground); got != tt.background {
			t.Errorf("%s: the window's background is %v, want %v", tt.choice, got, tt.background)
		}
	}
}
