package views

import tea "charm.land/bubbletea/v2"

// job is a computation run off the event loop. The command fills res and
// closes done; the view adopts the result when it next updates or draws
// (done is a channel, so that read is synchronised), whichever view the
// done message reached. A newer job replaces an older one, whose result is
// then never read.
type job[T any] struct {
	done chan struct{}
	res  T
}

// jobDoneMsg says some job finished; views that own one poll it.
type jobDoneMsg struct{}

// startJob returns the job and the command that runs f.
func startJob[T any](f func() T) (*job[T], tea.Cmd) {
	j := &job[T]{done: make(chan struct{})}
	return j, func() tea.Msg {
		j.res = f()
		close(j.done)
		return jobDoneMsg{}
	}
}

// ready reports whether the job finished.
func (j *job[T]) ready() bool {
	if j == nil {
		return false
	}
	select {
	case <-j.done:
		return true
	default:
		return false
	}
}
