package claims

import (
	"slices"
	"strings"
	"testing"
)

func TestSearchWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Corée du Nord", []string{"coree", "du", "nord"}},
		{"plus de 11,000 conteneurs", []string{"000", "11", "conteneurs", "de", "plus"}},
		{"11 000 et 11\u00a0000", []string{"000", "11", "et"}},
		{"États-Unis, l'OTAN et l’ONU", []string{"et", "etats", "l", "onu", "otan", "unis"}},
		{"  \n\t", nil},
		{strings.Repeat("é", 60), []string{strings.Repeat("e", MaxSearchWord)}},
		{strings.Repeat("ж", 40), []string{strings.Repeat("ж", MaxSearchWord/2)}},
	}
	for _, tt := range tests {
		if got := SearchWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
