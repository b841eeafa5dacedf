package loaders

import "bytes"

// timeOfDay reads the time part of a date-time value ("2023-02-07
// 20:47:49", "02/23/26 08:55 PM", "2024-01-03T09:12") as seconds since
// midnight; 0 when there is none.
func timeOfDay(v []byte) int32 {
	i := bytes.IndexByte(v, ':')
	if i < 1 {
		return 0
	}
	s := i - 1
	if s > 0 && isDigit(v[s-1]) {
		s--
	}
	h, _, ok := num(v, s, 2)
	if !ok {
		return 0
	}
	m, j, ok := num(v, i+1, 2)
	if !ok {
		return 0
	}
	sec := 0
	if j < len(v) && v[j] == ':' {
		sec, j, _ = num(v, j+1, 2)
	}
	for j < len(v) && (v[j] == '.' || isDigit(v[j])) {
		j++ // fractions of a second
	}
	rest := bytes.ToLower(bytes.TrimSpace(v[j:]))
	switch {
	case bytes.HasPrefix(rest, []byte("pm")) && h < 12:
		h += 12
	case bytes.HasPrefix(rest, []byte("am")) && h == 12:
		h = 0
	}
	if h > 23 || m > 59 || sec > 60 {
		return 0
	}
	return int32(h*3600 + m*60 + sec)
}

// hintDateOrder tells each numeric date column whose own values leave
// the day/month order open what the file's other date columns show, when
// they agree (one locale writes a file).
func hintDateOrder(cols []*dateCol) {
	dmy, mdy := 0, 0
	for _, c := range cols {
		switch {
		case c.dayGT12 > 0 && c.monGT12 == 0:
			dmy++
		case c.monGT12 > 0 && c.dayGT12 == 0:
			mdy++
		}
	}
	hint := OrderAuto
	switch {
	case dmy > 0 && mdy == 0:
		hint = OrderDMY
	case mdy > 0 && dmy == 0:
		hint = OrderMDY
	}
	for _, c := range cols {
		c.hint = hint
	}
}
