package cli

import (
	"bytes"
	"testing"
)

// A list written item by item is byte for byte the list written whole, so
// scripts reading `claims --json` see no change for its streaming.
func TestWriteJSONListWritesWhatWriteJSONWrites(t *testing.T) {
	type item struct {
		Text string   `json:"text"`
		Tags []string `json:"tags"`
	}
	lists := map[string][]item{
		"none": {},
		"one":  {{Text: "<b>11 000</b> & « plus »", Tags: []string{"otan"}}},
		"three": {{Text: "a", Tags: []string{}}, {Text: "b\n\"c\"", Tags: []string{"x", "y"}},
			{Text: "\u2028", Tags: nil}},
	}
	for name, list := range lists {
		var whole, streamed bytes.Buffer
		if err := (&runner{env: Env{Stdout: &whole}}).writeJSON(list); err != nil {
			t.Fatal(err)
		}
		err := (&runner{env: Env{Stdout: &streamed}}).writeJSONList(func(item func(any) error) error {
			for _, it := range list {
				if err := item(it); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
			t.Errorf("%s: streamed\n%s\nwant\n%s", name, streamed.Bytes(), whole.Bytes())
		}
	}
}
