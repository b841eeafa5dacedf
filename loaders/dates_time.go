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
