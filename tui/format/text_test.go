package format

import "testing"

func TestDays(t *testing.T) {
	i, f, g := 12, 3.46, 31.6
	for _, c := range []struct{ got, want string }{
		{Days(nil), "—"}, {Days(&i), "12 d"},
		{DaysF(nil), "—"}, {DaysF(&f), "3.5 d"}, {DaysF(&g), "32 d"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
