package model

import "testing"

func TestSchemaEqual(t *testing.T) {
	base := Schema{Version: "1", Names: []string{"a", "b"}}
	for _, tc := range []struct {
		name   string
		o      Schema
		want   bool
		reason string
	}{
		{"same", Schema{Version: "1", Names: []string{"a", "b"}}, true, "equal content, different slices"},
		{"version", Schema{Version: "2", Names: []string{"a", "b"}}, false, "a new version may change what a name measures"},
		{"order", Schema{Version: "1", Names: []string{"b", "a"}}, false, "vectors are positional"},
		{"longer", Schema{Version: "1", Names: []string{"a", "b", "c"}}, false, "an added feature"},
		{"zero", Schema{}, false, "the zero schema matches nothing real"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := base.Equal(tc.o); got != tc.want {
				t.Errorf("%s: Equal = %v", tc.reason, got)
			}
		})
	}
}

func TestEnumStrings(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{Boilerplate.String(), "boilerplate"},
		{Content.String(), "content"},
		{Label(7).String(), "Label(7)"},
		{Gini.String(), "gini"},
		{Entropy.String(), "entropy"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, c := range []Criterion{Gini, Entropy} {
		b, err := c.MarshalText()
		var back Criterion
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("criterion %v does not round-trip through text (%v)", c, err)
		}
	}
	if _, err := Criterion(5).MarshalText(); err == nil {
		t.Error("unknown criterion marshalled")
	}
}
