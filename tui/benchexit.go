package tui

import (
	"fmt"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views/overview"
)

// The benchmark hook (used by .ci/bench-vs-duckdb, not a user feature):
// with FUNNEL_BENCH_EXIT=frame the explorer quits right after its first
// full frame (the overview with the loaded data's funnel); with
// FUNNEL_BENCH_EXIT=insights it quits once the overview also shows the
// sticky points and the period comparison. FUNNEL_BENCH_LOG names a file
// that gets one line: milliseconds from start to each of those frames and
// the process's peak resident memory (VmHWM).
var benchStart = time.Now()

type benchExit struct {
	tea.Model
	app     *App
	until   string
	log     string
	frameAt time.Duration
	done    bool
}

// withBenchExit wraps m when the hook is asked for.
func withBenchExit(m tea.Model, a *App) tea.Model {
	until := os.Getenv("FUNNEL_BENCH_EXIT")
	if until != "frame" && until != "insights" {
		return m
	}
	return &benchExit{Model: m, app: a, until: until, log: os.Getenv("FUNNEL_BENCH_LOG")}
}

func (b *benchExit) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := b.Model.Update(msg)
	if b.done || b.app.load != nil || len(b.app.stack) == 0 {
		return b, cmd
	}
	ov, _ := b.app.stack[0].(*overview.Model)
	if ov == nil {
		return b, cmd
	}
	if b.frameAt == 0 {
		b.frameAt = time.Since(benchStart)
	}
	if b.until == "insights" && !ov.InsightsReady() {
		return b, cmd
	}
	b.done = true
	b.writeLog(time.Since(benchStart))
	return b, tea.Batch(cmd, tea.Quit)
}

func (b *benchExit) writeLog(at time.Duration) {
	if b.log == "" {
		return
	}
	f, err := os.OpenFile(b.log, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "frame_ms=%d %s_ms=%d vmhwm_kib=%d\n", b.frameAt.Milliseconds(), b.until, at.Milliseconds(), vmHWM())
}

// vmHWM is the peak resident set size in KiB (0 where /proc is missing).
func vmHWM() int {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			var kb int
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb
		}
	}
	return 0
}
