package date

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"2024-04-09", "2024-04-09", "ISO date"},
		{"2024-04-09T13:45", "2024-04-09", "a time without zone is dropped"},
		{"2024-04-09T13:45:00Z", "2024-04-09T13:45:00Z", "UTC time kept"},
		{"2024-04-09T13:45:10.123+05:30", "2024-04-09T13:45:10+05:30", "offset kept, fraction dropped"},
		{"2024-04-09 01:45:00 -0400", "2024-04-09T01:45:00-04:00", "offset without colon"},
		{"2024/04/09 13:45 UTC", "2024-04-09", "slashes: the date only"},
		{"09 April, 2024, 01:45 pm", "2024-04-09", "the seed's byline: day month, year, time without zone"},
		{"Last modified: 09 April, 2024, 01:53 pm", "2024-04-09", "a label before the date"},
		{"April 9, 2024", "2024-04-09", "month day, year"},
		{"Tuesday, Apr. 9th 2024", "2024-04-09", "weekday, abbreviation, ordinal"},
		{"Tue, 09 Apr 2024 13:45:00 GMT", "2024-04-09T13:45:00Z", "RFC 1123"},
		{"9 April 2024 at 1:45 pm GMT", "2024-04-09T13:45:00Z", "12-hour time with a zone"},
		{"9.4.2024", "2024-04-09", "dots: day first"},
		{"09. 04. 2024", "2024-04-09", "dots with spaces"},
		{"9. April 2024", "2024-04-09", "German form"},
		{"9 de abril de 2024", "2024-04-09", "Spanish form"},
		{"9 avril 2024", "2024-04-09", "French month"},
		{"Анна Смирнова, 12 марта 2024, 14:35", "2024-03-12", "Russian genitive month"},
		{"13/4/2024", "2024-04-13", "slashes, day first: 13 is no month"},
		{"4/13/2024", "2024-04-13", "slashes, month first"},
		{"4/9/2024", "", "slashes: which is the month cannot be told"},
		{"By Jane Doe, April 9, 2024 | 3 min read", "2024-04-09", "a date inside a byline"},
		{"Updated 2024-04-10, first published April 9, 2024", "2024-04-10", "the first date in the text"},
		{"30 February 2024", "", "no such day"},
		{"2024-13-01", "", "no such month"},
		{"9 April 24", "", "two-digit year"},
		{"3 hours ago", "", "relative"},
		{"By Jane Doe", "", "no date"},
		{"12 Angry Men 1957", "", "not a month"},
		{strings.Repeat("9 April 2024 ", 100), "", "longer than a byline"},
	}
	for _, tt := range tests {
		got, ok := Find(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Find(%q) = %q, %v; want %q (%s)", tt.in, got, ok, tt.want, tt.reason)
		}
	}
}

func TestLooksLikeDate(t *testing.T) {
	tests := []struct {
		in     string
		want   bool
		reason string
	}{
		{"3 hours ago", true, "relative"},
		{"Tuesday", true, "weekday"},
		{"4/9/2024", true, "ambiguous digits"},
		{"April 2024", true, "a month"},
		{"Jane Doe", false, "a name"},
		{"May Smith", false, "may, mar and mai are words too"},
		{"Page 3", false, "a lone number"},
	}
	for _, tt := range tests {
		if got := LooksLikeDate(tt.in); got != tt.want {
			t.Errorf("LooksLikeDate(%q) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestIsDateWord(t *testing.T) {
	for _, w := range []string{"Jan", "january", "Tue.", "März", "марта", "Sunday,"} {
		if !IsDateWord(w) {
			t.Errorf("IsDateWord(%q) = false", w)
		}
	}
	for _, w := range []string{"Jane", "Fulton", "by", "2024", ""} {
		if IsDateWord(w) {
			t.Errorf("IsDateWord(%q) = true", w)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"2024-04-09T13:45:00+05:30", "09 April, 2024, 01:45 pm", "9.4.2024", "13/4/2024 99:99 +99:99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Find(s)
		if ok != (got != "") {
			t.Fatalf("Find(%q) = %q, %v", s, got, ok)
		}
		if ok && (len(got) < 10 || got[4] != '-' || got[7] != '-') {
			t.Fatalf("Find(%q) = %q: not ISO 8601", s, got)
		}
	})
}
