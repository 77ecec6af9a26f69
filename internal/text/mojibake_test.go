package text

import "testing"

func TestRepairDoubleUTF8(t *testing.T) {
	repaired := []struct{ in, want string }{
		{"CafÃ© crÃ¨me", "Café crème"},
		{"the worldâ€™s best", "the world’s best"},
		{"â€œQuotedâ€\u009d and â€” dash", "“Quoted” and — dash"}, // 0x9D is undefined in Windows-1252: Latin-1's C1 control
		{"voilÃ\u00a0 la crÃ¨me", "voilà la crème"},
		{"ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"},
		{"SÃ£o Paulo", "São Paulo"},
	}
	for _, c := range repaired {
		got, ok := RepairDoubleUTF8(c.in)
		if !ok || got != c.want {
			t.Errorf("RepairDoubleUTF8(%q) = %q, %v; want %q, true", c.in, got, ok, c.want)
		}
	}
	// Text that is not double-encoded, or not only: left as it is.
	kept := []string{
		"plain ASCII text",
		"Café crème",                   // correct UTF-8
		"SÃO PAULO E IRMÃ",             // Portuguese capitals: Ã followed by ASCII
		"NÃO é verdade",                // Ã with a correct é
		"MÃE E IRMÃ\u00a0— CAFÉ\u00a0", // Ã and É before no-break spaces only
		"CafÃ© and café",               // double-encoded beside correct: ambiguous
		"CafÃ© 東京",                     // beside a character outside Windows-1252
		"Ã",
		"ÃƒÂ",     // a lead byte without its continuation
		"Ã\ufffd", // replacement character
		"Ã\xa9",   // invalid UTF-8 in the input
	}
	for _, in := range kept {
		if got, ok := RepairDoubleUTF8(in); ok || got != in {
			t.Errorf("RepairDoubleUTF8(%q) = %q, %v; want it unchanged", in, got, ok)
		}
	}
}
