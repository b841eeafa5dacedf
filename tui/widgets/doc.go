// Package widgets holds the explorer's drawing pieces: the one table
// (Table, and Sheet for several on a page), the one scroll (Scroll), the
// one line input (LineInput), and the charts, bars, sparklines and
// intervals. Text and numbers are written with package format.
package widgets
