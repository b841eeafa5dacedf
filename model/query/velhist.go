package query

// cycleAt counts a closed record's entry-to-close bin (the x-th of its
// block's closed list) for group g and the period of its entry e.
func (h *velHist) cycleAt(x, g int, e int32, bin int, per periodMap) {
	if bin >= binNeg {
		h.neg += int(b2u(bin == binNeg && g != h.G1-1))
		return
	}
	D := h.D
	if !h.derive {
		h.cyc[(g*D+bin)*4+x&3]++
	}
	if h.pcyc != nil {
		pe := per.of(e)
		if g == h.G1-1 {
			pe = h.P1 // the rejected rows' row
		}
		h.pcyc[(pe*D+bin)*4+x&3]++
	}
}

// put adds one duration: group g, period pe of its start, step, lane
// (laneMoved, laneOpen or laneLeft).
// A negative duration (a later stage dated before an earlier one) is
// only counted in h.neg. Both branches are nearly always predicted.
func (h *velHist) put(g, pe, step, ev int, dur int32) {
	if dur < 0 {
		h.neg++
		return
	}
	T, D := h.T, h.D
	du := min(int(dur), D-1)
	if !h.derive || ev == laneOpen {
		h.g[((g*T+step)*lanes+ev)*D+du]++
	}
	if h.periods {
		h.p[((pe*T+step)*lanes+ev)*D+du]++
	}
}

// foldCycle adds the laned entry-to-close events into the histograms,
// and the shared ones (velBins.shared) into both the cycle and the first
// stage's exits.
func (h *velHist) foldCycle() {
	T, D := h.T, h.D
	fold := func(dst, src []int32, cells, step, lane int) {
		if src == nil {
			return
		}
		for c := 0; c < cells; c++ {
			base := ((c*T+step)*lanes + lane) * D
			for bin := 0; bin < D; bin++ {
				x := (c*D + bin) * 4
				dst[base+bin] += src[x] + src[x+1] + src[x+2] + src[x+3]
			}
		}
	}
	// Rejected rows (group G, period row P1) are never read: not folded.
	fold(h.g, h.cyc, h.G1-1, T-1, laneMoved)
	fold(h.g, h.sg, h.G1-1, 0, laneLeft)
	if !h.opt.stepsOnly {
		fold(h.g, h.sg, h.G1-1, T-1, laneMoved)
	}
	if h.periods {
		fold(h.p, h.pcyc, h.P1, T-1, laneMoved)
		fold(h.p, h.sp, h.P1, 0, laneLeft)
		if !h.opt.stepsOnly {
			fold(h.p, h.sp, h.P1, T-1, laneMoved)
		}
	}
}

// deriveWhole sets the whole selection's moves and exits (one group, no
// breakdown) to the sum of its periods' (the no-period row P included):
// the pass then counts each once instead of twice.
func (h *velHist) deriveWhole() {
	T, D := h.T, h.D
	for pe := 0; pe < h.P1; pe++ {
		for step := 0; step < T; step++ {
			for _, lane := range []int{laneMoved, laneLeft} {
				base := ((pe*T+step)*lanes + lane) * D
				dst := (step*lanes + lane) * D
				addRange(h.g[dst:dst+D], h.p[base:base+D])
			}
		}
	}
}

// finishDays adds the open records counted by entry day: censored at
// as-of minus that day, at the first step if they never left the first
// stage, and on the entry-to-close cycle.
func (p *plan) finishDays(h *velHist) {
	span, T := h.days.span, h.T
	for g := 0; g < p.G; g++ {
		for shallow := 0; shallow < 2; shallow++ {
			row := h.days.n[(g*2+shallow)*span : (g*2+shallow+1)*span]
			for di, v := range row {
				if v == 0 {
					continue
				}
				day := p.dataLo + int32(di)
				pe := p.periodOf(day)
				if !h.opt.stepsOnly {
					h.putN(g, pe, T-1, 1, p.asOf-day, v)
				}
				if shallow == 1 {
					h.putN(g, pe, 0, 1, p.asOf-day, v)
				}
			}
		}
	}
}

// putN adds v censored or event durations at once.
func (h *velHist) putN(g, pe, step, ev int, dur int32, v int32) {
	if dur < 0 {
		h.neg += int(v)
		return
	}
	T, D := h.T, h.D
	du := min(int(dur), D-1)
	h.g[((g*T+step)*lanes+ev)*D+du] += v
	if h.periods {
		h.p[((pe*T+step)*lanes+ev)*D+du] += v
	}
}
