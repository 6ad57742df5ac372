package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"claimdesk/claims"
	"claimdesk/store"
)

// validateFlag runs the file check in a child process: the program re-run
// with this flag and a path checks the file and reports on stdout.
const validateFlag = "--validate-file"

// validateTimeout bounds the child: a check that hangs is a failed check.
const validateTimeout = 2 * time.Minute

// runValidate is the child's side: it prints the error code and message on
// two lines when the file is refused, and exits 1.
func runValidate(path string, stdout io.Writer) int {
	if err := store.CheckFile(path); err != nil {
		fmt.Fprintf(stdout, "%s\n%s\n", claims.ErrorCode(err), claims.ErrorMessage(err))
		return 1
	}
	return 0
}

// validateInChild checks a file from outside in a child process, so that a
// memory fault the check did not foresee ends the child, not the window.
func validateInChild(path string) error {
	exe, err := os.Executable()
	if err != nil {
		return store.CheckFile(path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, validateFlag, path)
	var out bytes.Buffer
	cmd.Stdout = &out
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		code, message, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
		if message == "" {
			message = "This file is damaged."
		}
		switch code {
		case claims.ECONFLICT, claims.ENOTFOUND, claims.EINTERNAL:
		default:
			code = claims.EINVALID
		}
		return claims.Errorf(code, "%s", message)
	case ctx.Err() != nil:
		return claims.Errorf(claims.EINVALID, "This file is damaged: checking it took too long.")
	case errors.As(err, &exit):
		return claims.Errorf(claims.EINVALID, "This file is damaged: checking it crashed the checker (exit status %d).", exit.ExitCode())
	}
	return fmt.Errorf("check %s: %w", path, err)
}
