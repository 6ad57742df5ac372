package app

import (
	"context"
	"fmt"

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
	dialog.ShowError(fmt.Errorf("%s", userMessage(err)), e.window)
}

// userMessage is the sentence a person reads for err.
func userMessage(err error) string {
	if claims.ErrorCode(err) == claims.EINTERNAL {
		return "Something went wrong: " + err.Error()
	}
	return claims.ErrorMessage(err)
}
