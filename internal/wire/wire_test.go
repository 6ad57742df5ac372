package wire

import (
	"bytes"
	"testing"
)

// An ID or a hash has one encoding: its bytes when it has that shape,
// its text otherwise, and it reads back as it was.
func TestIDAndHexRoundTripInOneForm(t *testing.T) {
	for _, tt := range []struct {
		name      string
		value     any
		wantBytes int // the length of the byte string, or -1 for text
	}{
		{"UUID", ID("01902a93-1a50-7fbb-93fe-8f0e32a573fb"), 16},
		{"upper-case UUID", ID("01902A93-1A50-7FBB-93FE-8F0E32A573FB"), -1},
		{"UUID without hyphens", ID("01902a931a507fbb93fe8f0e32a573fb"), -1},
		{"name", ID("settings"), -1},
		{"empty ID", ID(""), -1},
		{"hash", Hex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), 32},
		{"no hash", Hex(""), 0},
		{"upper-case hex", Hex("ABCD"), -1},
		{"odd hex", Hex("abc"), -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := Marshal(tt.value)
			if err != nil {
				t.Fatal(err)
			}
			major := raw[0] >> 5
			switch {
			case tt.wantBytes < 0 && major != 3, tt.wantBytes >= 0 && major != 2:
				t.Fatalf("encoded as %x", raw)
			}
			var back []byte
			switch v := tt.value.(type) {
			case ID:
				var got ID
				err = Unmarshal(raw, &got)
				back, _ = Marshal(got)
				if got != v {
					t.Errorf("read back %q, want %q", got, v)
				}
			case Hex:
				var got Hex
				err = Unmarshal(raw, &got)
				back, _ = Marshal(got)
				if got != v {
					t.Errorf("read back %q, want %q", got, v)
				}
			}
			if err != nil || !bytes.Equal(back, raw) {
				t.Errorf("re-encoded %x, want %x (%v)", back, raw, err)
			}
		})
	}
}

// What the file's values never hold is refused: an ID of the wrong length,
// maps, tags, indefinite lengths, trailing bytes, invalid UTF-8.
func TestUnmarshalRefusesWhatIsNeverWritten(t *testing.T) {
	for name, raw := range map[string][]byte{
		"ID of 15 bytes":    append([]byte{0x4f}, make([]byte, 15)...),
		"map":               {0xa1, 0x01, 0x02},
		"tag":               {0xc1, 0x01},
		"indefinite array":  {0x9f, 0x01, 0xff},
		"trailing byte":     {0x01, 0x02},
		"invalid UTF-8":     {0x62, 0xff, 0xfe},
		"deep nesting":      {0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01},
		"huge declared len": {0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	} {
		t.Run(name, func(t *testing.T) {
			var id ID
			var v any
			if Unmarshal(raw, &id) == nil && Unmarshal(raw, &v) == nil {
				t.Errorf("%x was read", raw)
			}
		})
	}
}
