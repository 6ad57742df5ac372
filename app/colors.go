package app

import (
	"image/color"
	"strconv"
)

// parseColor reads a rating's "#rrggbb" colour, and returns nil for anything
// else, so each caller picks its own fallback.
func parseColor(hex string) color.Color {
	if len(hex) != 7 || hex[0] != '#' {
		return nil
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return nil
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}
