// Command funnel explores lead and deal funnels from CRM and spreadsheet
// exports in the terminal.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], defaultIO())) }
