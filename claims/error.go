package claims

import (
	"errors"
	"fmt"
)

// Error codes shared by every package. The user interface turns them into
// words; the command line turns them into exit statuses.
const (
	ECONFLICT = "conflict"  // the action clashes with the current state
	EINTERNAL = "internal"  // a bug or an I/O failure
	EINVALID  = "invalid"   // the input is wrong; the message says how
	ENOTFOUND = "not_found" // the record does not exist or was deleted
)

// Error is an application error: a code for programs and a sentence for people.
type Error struct {
	Code    string
	Message string // in English, for the command line and logs
	// Format and Args are what Errorf wrote Message from. The window looks
	// Format up in the interface's language and writes the message again
	// from Args; Format is empty when the Error was built another way.
	Format string
	Args   []any
}

// Error returns the message meant for a person.
func (e *Error) Error() string {
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message. The
// format must be a string literal written in English: it is also the key of
// the message's translations, which a test checks.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Text is a piece of English that an error message fills in, such as the
// name of a field, a kind of record or a clause. It prints as its English;
// the window writes it in the interface's language, as it does messages.
// Build it with Textf.
type Text struct {
	Format  string // also the key of its translations
	Args    []any
	english string
}

// Textf returns the Text written from format and args. The format must be a
// string literal, for the same reason as Errorf's.
func Textf(format string, args ...any) Text {
	return Text{Format: format, Args: args, english: fmt.Sprintf(format, args...)}
}

// TextOf returns the message of err as a Text: an application error's
// format and arguments, which the window writes in its language, or any
// other error's text as it is.
func TextOf(err error) Text {
	var e *Error
	if errors.As(Explain(err), &e) && e.Format != "" {
		return Text{Format: e.Format, Args: e.Args, english: e.Message}
	}
	return Text{english: ErrorMessage(err)}
}

// String returns the English text.
func (t Text) String() string {
	return t.english
}

// MarshalText writes t as its English, as JSON output and logs read it.
func (t Text) MarshalText() ([]byte, error) {
	return []byte(t.english), nil
}

// ErrorCode returns the code of the first application error wrapped in err,
// or of the failure of the system that err says in words (see Explain).
// Other errors are internal: they were not foreseen.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(Explain(err), &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first application error wrapped in
// err, or the sentence Explain finds for it. Any other error was not
// foreseen: its text, written for developers, is given after a plain
// sentence, so that what happened can still be told and reported.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(Explain(err), &e):
		return e.Message
	default:
		return "Something went wrong: " + err.Error()
	}
}

// Explain returns the application error wrapped in err; else, when err
// wraps a failure of the system a person can act on (a full disk, a file
// they may not write), an application error saying so and naming the
// file; else err itself.
func Explain(err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	if explained := systemError("", err); explained != nil {
		return explained
	}
	return err
}
