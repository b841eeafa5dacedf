package views

import tea "charm.land/bubbletea/v2"

// Job is the one way the explorer works off the event loop: a view (or the
// root) starts a computation with Start, which returns the Cmd that runs
// it, and takes the result in its Update with Done. The result travels in
// the message, so nothing is shared between the Cmd's goroutine and the
// model.
//
// Starting again supersedes the computation running: each start has a
// generation, and a result whose generation is not the latest is dropped
// when it arrives, as is one for another job (results are broadcast to
// every view). Keep a Job in a struct behind a pointer, as views are: a
// result is matched to its job by the job's address.
//
//	type Model struct{ job views.Job[Result]; res *Result }
//	func (m *Model) Init() tea.Cmd { return m.job.Start(func() Result { return compute(m.common, m.state) }) }
//	func (m *Model) Update(msg tea.Msg) tea.Cmd {
//		if r, ok := m.job.Done(msg); ok { m.res = &r }
//		…
//	}
type Job[T any] struct {
	gen     int
	running bool
}

// JobDoneMsg carries a finished computation's result to the job that
// started it.
type JobDoneMsg struct {
	job any // the *Job[T] that started it
	gen int
	res any
}

// Start returns the command that runs f off the event loop; the result of
// any earlier start that has not arrived yet will be dropped.
func (j *Job[T]) Start(f func() T) tea.Cmd {
	j.gen++
	j.running = true
	gen := j.gen
	return func() tea.Msg { return JobDoneMsg{job: j, gen: gen, res: f()} }
}

// Done returns the result msg carries when it is this job's latest; it
// reports false for anything else (another job's result, a superseded or
// cancelled one, any other message).
func (j *Job[T]) Done(msg tea.Msg) (T, bool) {
	var zero T
	m, ok := msg.(JobDoneMsg)
	if !ok || m.job != any(j) || m.gen != j.gen || !j.running {
		return zero, false
	}
	j.running = false
	res, ok := m.res.(T)
	return res, ok
}

// Running reports whether a computation was started and its result has
// not arrived yet.
func (j *Job[T]) Running() bool { return j.running }

// Cancel forgets the computation running: its result will be dropped.
func (j *Job[T]) Cancel() {
	j.gen++
	j.running = false
}
