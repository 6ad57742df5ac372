package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"claimdesk/assets"
	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// env is what every part of the window shares: the window, the open
// database, who is working, and the one way to run store work and report
// its errors. Parts receive it rather than reaching for globals, so tests
// can build any part on a test window and a temporary store.
type env struct {
	window fyne.Window
	store  claims.Store
	// reviewer returns the name changes are signed with.
	reviewer func() string
	// spawn runs store work off the UI goroutine. Production uses a
	// goroutine; tests run the work at once, on their own goroutine.
	spawn func(work func())
	// claimChanged tells the window that a claim (or its evidence,
	// verdict or reviews) changed, so lists and tabs reload it.
	claimChanged func(claimID string)
	// selectClaim asks the window to show a claim, as a click on a
	// highlight in the article does.
	selectClaim func(claimID string)
}

// actor returns the context that signs a change with the reviewer's name.
func (e *env) actor() context.Context {
	return claims.NewContext(context.Background(), e.reviewer())
}

// run does store work off the UI goroutine, then calls done on the UI
// goroutine, unless the work failed: then the error is shown instead.
func (e *env) run(work func() error, done func()) {
	e.spawn(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				e.showError(err)
				return
			}
			if done != nil {
				done()
			}
		})
	})
}

// withProgress runs work off the UI goroutine behind a progress indicator.
func (e *env) withProgress(title string, work func() error, done func()) {
	progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), e.window)
	progress.Show()
	e.spawn(func() {
		err := work()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				e.showError(err)
				return
			}
			done()
		})
	})
}

// showError is the one place where errors become words for the user: the
// message of the error's code, and for internal errors what went wrong.
func (e *env) showError(err error) {
	dialog.ShowError(errors.New(userMessage(err)), e.window)
}

// userMessage is the sentence a person reads for err, in the interface's
// language. The text of an internal error is written for whoever fixes it,
// so it is shown as it is, inside a sentence in the interface's language.
func userMessage(err error) string {
	words := assets.WordsFor(uiLanguage)
	err = claims.Explain(err)
	var e *claims.Error
	switch {
	case err == nil:
		return ""
	case claims.ErrorCode(err) == claims.EINTERNAL || !errors.As(err, &e):
		return words.L("error.internal", map[string]any{"Detail": err.Error()})
	}
	return translated(words, e.Format, e.Args, e.Message)
}

// translated writes again the message that format and args made, in the
// language of words. It falls back on english, the message as first
// written, when there is no translation: an error built without Errorf, or
// one whose format a file lacks, which the translation test rules out for
// the domain and the store.
func translated(words *assets.Words, format string, args []any, english string) string {
	text, ok := words.Format(format)
	if format == "" || !ok {
		return english
	}
	shown := make([]any, len(args))
	for i, arg := range args {
		shown[i] = shownArg(words, arg)
	}
	return fmt.Sprintf(text, shown...)
}

// shownArg is arg as a message in the language of words fills it in: the
// domain's values by the names the rest of the window gives them, and the
// pieces of English a message carries, translated in turn.
func shownArg(words *assets.Words, arg any) any {
	switch a := arg.(type) {
	case claims.Text:
		return translated(words, a.Format, a.Args, a.String())
	case *claims.Error:
		return translated(words, a.Format, a.Args, a.Message)
	case claims.StatusLabel:
		return statusName(claims.Status(a))
	case claims.StatusList:
		return statusChoices(words, a)
	case claims.Status:
		return statusName(a)
	case claims.Kind:
		return kindName(a)
	case claims.Stance:
		return stanceName(a)
	case claims.Reliability:
		return reliabilityName(a)
	}
	return arg
}

// statusChoices names statuses as choices, "a, b or c", in the language of
// words.
func statusChoices(words *assets.Words, list claims.StatusList) string {
	names := make([]string, len(list))
	for i, s := range list {
		names[i] = statusName(s)
	}
	switch len(names) {
	case 0:
		return words.L("error.choices.none")
	case 1:
		return names[0]
	}
	last := len(names) - 1
	return words.L("error.choices", map[string]any{"List": strings.Join(names[:last], ", "), "Last": names[last]})
}

// textIn writes t, a sentence the domain or the store wrote in English, in
// the interface's language.
func textIn(t claims.Text) string {
	return translated(assets.WordsFor(uiLanguage), t.Format, t.Args, t.String())
}
