package widgets

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
)

// LineInput is the one-line text input of the explorer (the / and :
// prompts, finding in the records, the planner's target): a prompt, the
// text and a steady cursor. Whatever is typed or pasted is sanitised the
// way data strings are (Clean: no escape sequences, controls, bidi
// overrides or zero-width characters; line breaks become spaces), so a
// paste cannot reach the terminal raw. Enter and esc are the owner's: it
// reads Value on enter and drops the input on esc.
type LineInput struct {
	input textinput.Model
}

// NewLineInput is a focused input after prompt, drawn for a dark or light
// background.
func NewLineInput(prompt string, dark bool) LineInput {
	ti := textinput.New()
	styles := textinput.DefaultStyles(dark)
	styles.Cursor.Blink = false // a steady cursor: no timer ticking while the input is open
	ti.SetStyles(styles)
	ti.Prompt = prompt
	ti.Focus()
	return LineInput{input: ti}
}

// Update edits the text for a key or a paste.
func (l *LineInput) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		if m.Text != "" {
			if m.Text = format.Clean(m.Text); m.Text == "" {
				return nil
			}
		}
		msg = m
	case tea.PasteMsg:
		if m.Content = format.Clean(m.Content); m.Content == "" {
			return nil
		}
		msg = m
	default:
		return nil
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd
}

// Value is the text.
func (l *LineInput) Value() string { return l.input.Value() }

// SetValue replaces the text (sanitised) and puts the cursor at its end.
func (l *LineInput) SetValue(s string) {
	l.input.SetValue(format.Clean(s))
	l.input.CursorEnd()
}

// SetWidth sets the width of the text area.
func (l *LineInput) SetWidth(w int) { l.input.SetWidth(w) }

// SetPlaceholder sets the text shown while the input is empty.
func (l *LineInput) SetPlaceholder(s string) { l.input.Placeholder = s }

// SetCharLimit bounds the text's length in characters (0: none).
func (l *LineInput) SetCharLimit(n int) { l.input.CharLimit = n }

// SetSuggestions offers whole-line completions (tab takes the first that
// extends the text).
func (l *LineInput) SetSuggestions(s []string) {
	l.input.ShowSuggestions = true
	l.input.SetSuggestions(s)
}

// View draws the prompt, the text and the cursor.
func (l *LineInput) View() string { return l.input.View() }
