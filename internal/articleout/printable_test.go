package articleout

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want, what string }{
		{"Plain text, café ✓\twith a tab\nand a newline", "Plain text, café ✓\twith a tab\nand a newline", "text, tab and newline stay"},
		{"a\x1b[2Jb\x1b[1;31mc\x1b[0m", "abc", "CSI sequences: clear screen, colours"},
		{"\x1b]0;pwned\x07x\x1b]52;c;ZXZpbA==\x1b\\y", "xy", "OSC title and clipboard, ended by BEL and by ST"},
		{"\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link", "OSC 8 hyperlink"},
		{"\x1bcz\x1b7\x1b(Bq", "zq", "two-byte escapes and a charset designation"},
		{"\u009b31mred\u009d0;t\u009cx\u0085y", "redxy", "C1 CSI, C1 OSC ended by C1 ST, other C1"},
		{"a\rb\x00c\x7fd\x08e\x07f", "abcdef", "CR, NUL, DEL, backspace, BEL"},
		{"\x1b]0;no end", "0;no end", "an unterminated string drops only its opening"},
		{"\x1b", "", "a lone ESC"},
		{"bad \xff\xfe utf-8", "bad \xff\xfe utf-8", "invalid UTF-8 is kept"},
	} {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) (%s) = %q, want %q", tt.in, tt.what, got, tt.want)
		}
	}
}

// TestEncodeJSONEscapesC1 checks that the C1 controls, which
// encoding/json leaves raw, are escaped, and that the JSON reads back the
// same.
func TestEncodeJSONEscapesC1(t *testing.T) {
	in := map[string]string{"text": "a\u009b2Jb\x1b[2J\u0085 <&> é"}
	var sb strings.Builder
	if err := EncodeJSON(&sb, in, "", ""); err != nil {
		t.Fatal(err)
	}
	if want := `{"text":"a\u009b2Jb\u001b[2J\u0085 <&> é"}` + "\n"; sb.String() != want {
		t.Errorf("EncodeJSON = %q, want %q", sb.String(), want)
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(sb.String()), &back); err != nil || back["text"] != in["text"] {
		t.Errorf("read back %q, %v; want %q", back["text"], err, in["text"])
	}
}
