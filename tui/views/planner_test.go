package views

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/plan"
)

func newDemoPlanner(t *testing.T, c Common, w, h int) *Planner {
	t.Helper()
	p := NewPlanner(c, DefaultState())
	p.SetSize(w, h)
	if !strings.Contains(p.View(), "computing") {
		t.Fatalf("before the job runs the view should say it is computing:\n%s", p.View())
	}
	run(p, p.Init())
	if !p.Ready() {
		t.Fatal("planner not computed")
	}
	return p
}

func TestPlannerGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(sizeName(sz), func(t *testing.T) {
			p := newDemoPlanner(t, demoCommon(), sz[0], sz[1])
			out := ansi.Strip(p.View())
			checkBox(t, out, sz[0], sz[1])
			golden.RequireEqual(t, out)
		})
	}
}

func TestPlannerWithSpendGolden(t *testing.T) {
	c := demoCommon()
	c.Spend = demo.Spend(c.Data())
	p := newDemoPlanner(t, c, 140, 60)
	out := ansi.Strip(p.View())
	if strings.Contains(out, "add --spend") || !strings.Contains(out, "Budget") {
		t.Errorf("with spend the planner should give CAC and a budget:\n%s", out)
	}
	golden.RequireEqual(t, out)
}

func TestPlannerTargetRoundTrip(t *testing.T) {
	p := newDemoPlanner(t, demoCommon(), 120, 50)
	press(p, "i")
	if !p.Capturing() {
		t.Fatal("e should open the target input")
	}
	// clear what is there, then type; q, s and ? are text here
	for range 60 {
		press(p, "backspace")
	}
	for _, r := range "90 customers per quarter" {
		press(p, string(r))
	}
	press(p, "enter")
	if p.Capturing() {
		t.Fatal("enter should close the input")
	}
	pl := p.Plan()
	if pl == nil || pl.Target != (plan.Target{Customers: 90, Period: "quarter"}) {
		t.Fatalf("plan %+v", pl)
	}
	// forward from the plan's channel leads gives the target back
	var sum float64
	for _, c := range pl.Channels {
		for _, f := range p.data.models {
			if f.Name == c.Name {
				f = f.Scaled(3)
				f.Top = c.Leads
				sum += plan.Forward(f).Customers
			}
		}
	}
	if math.Abs(sum-90) > 1e-6 {
		t.Errorf("forward from the plan gives %v customers, want 90", sum)
	}
	out := ansi.Strip(p.View())
	if !strings.Contains(out, "Target: 90 customers per quarter") || !strings.Contains(out, "per quarter") {
		t.Errorf("view:\n%s", out)
	}
	// a bad target says why and keeps the view
	press(p, "i")
	press(p, "space", "x")
	press(p, "enter")
	if out := ansi.Strip(p.View()); !strings.Contains(out, "is not a number") {
		t.Errorf("bad target not explained:\n%s", out)
	}
	// esc while typing cancels, and is not passed on
	press(p, "i")
	if cmd := press(p, "esc"); cmd != nil || p.Capturing() {
		t.Error("esc should only close the input")
	}
}

func TestPlannerScrolls(t *testing.T) {
	p := newDemoPlanner(t, demoCommon(), 80, 24)
	if strings.Contains(ansi.Strip(p.View()), "Channels by customers") {
		t.Fatal("the ranking should be below the fold at 80×24")
	}
	press(p, "space", "space", "space")
	out := ansi.Strip(p.View())
	if !strings.Contains(out, "Channels by customers") || !strings.HasPrefix(out, "Target:") {
		t.Errorf("page down should reach the ranking and keep the target line:\n%s", out)
	}
	checkBox(t, out, 80, 24)
	press(p, "g")
	if !strings.Contains(ansi.Strip(p.View()), "Reverse funnel") {
		t.Error("g should go back to the top")
	}
}
