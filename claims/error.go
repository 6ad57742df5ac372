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
	Message string
}

// Error returns the message meant for a person.
func (e *Error) Error() string {
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first application error wrapped in err.
// Errors that carry no code are internal: they were not foreseen.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first application error wrapped in
// err. Internal errors get a generic sentence, because their text is written
// for developers, not for the people using the tool.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "Internal error."
	}
}
