package views

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestJobKeepsOnlyTheLatestResult(t *testing.T) {
	var j, other Job[int]
	first := j.Start(func() int { return 1 })
	second := j.Start(func() int { return 2 })
	if !j.Running() {
		t.Fatal("a started job is running")
	}
	if _, ok := j.Done(first()); ok {
		t.Fatal("the superseded result was taken")
	}
	if _, ok := other.Done(second()); ok {
		t.Fatal("another job's result was taken")
	}
	if _, ok := j.Done(tea.KeyPressMsg{}); ok {
		t.Fatal("a key was taken for a result")
	}
	msg := second()
	if r, ok := j.Done(msg); !ok || r != 2 || j.Running() {
		t.Fatalf("latest result: %d %v, running %v", r, ok, j.Running())
	}
	if _, ok := j.Done(msg); ok {
		t.Fatal("a result was taken twice")
	}
	third := j.Start(func() int { return 3 })
	j.Cancel()
	if _, ok := j.Done(third()); ok || j.Running() {
		t.Fatal("a cancelled result was taken")
	}
}
