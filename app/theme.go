package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// minChipContrast is WCAG 2.1's minimum contrast for the parts of an
// interface that carry meaning (success criterion 1.4.11).
const minChipContrast = 3.0

// paintChip fills a rating chip with the rating's colour, and outlines it
// in the text colour when that colour alone would fade into the
// background: a yellow chip on a light theme, a purple one on a dark theme.
func paintChip(chip *canvas.Rectangle, hex string) {
	chip.FillColor, chip.StrokeColor, chip.StrokeWidth = color.Transparent, nil, 0
	fill := parseColor(hex)
	if fill != nil {
		chip.FillColor = fill
		th, v := fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		if contrast(fill, th.Color(theme.ColorNameBackground, v)) < minChipContrast {
			chip.StrokeColor, chip.StrokeWidth = th.Color(theme.ColorNameForeground, v), 1
		}
	}
	chip.Refresh()
}

// contrast returns the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance returns the relative luminance of c as WCAG defines it,
// ignoring alpha: the theme's backgrounds are opaque.
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	channel := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

// prefTheme holds the theme chosen in Preferences: "light", "dark", or
// empty to follow the system's setting, as Fyne does by itself.
const prefTheme = "interface.theme"

// forcedVariant is a theme shown in one variant whatever the system says.
type forcedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the colour of name in the chosen variant.
func (t forcedVariant) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}

// themeFor returns the theme a preference names.
func themeFor(pref string) fyne.Theme {
	switch pref {
	case "light":
		return forcedVariant{theme.DefaultTheme(), theme.VariantLight}
	case "dark":
		return forcedVariant{theme.DefaultTheme(), theme.VariantDark}
	}
	return theme.DefaultTheme()
}
