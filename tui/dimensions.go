package tui

// The smallest window the explorer draws in; below it, it says so.
const (
	MinWidth  = 60
	MinHeight = 15
	// chrome is the view bar, the help line and the status line.
	chromeHeight = 3
)

func init() {
	if MinHeight <= chromeHeight+3 {
		panic("tui: MinHeight leaves no room for a view")
	}
}
