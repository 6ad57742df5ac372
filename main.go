// ClaimDesk is a desktop fact-checking workbench: articles, their claims,
// evidence, reviewed verdicts and a tamper-evident history in one portable
// file. Run without a command it opens the window; with one, it works from
// the command line (claimdesk help).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"claimdesk/app"
	"claimdesk/assets"
	"claimdesk/claims"
	"claimdesk/cli"
	_ "claimdesk/internal/posixlocale" // before Fyne reads the locale
	"claimdesk/store"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

const appID = "org.claimdesk.app"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 2 && args[0] == validateFlag {
		return runValidate(args[1], stdout)
	}
	env := cli.Env{Open: openStore, Restore: restoreStore, Warn: store.LocationWarning, DefaultDB: defaultDB(), Stdin: os.Stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	if len(args) > 0 && cli.IsCommand(args[0]) {
		return cli.Run(context.Background(), env, args)
	}
	flags := flag.NewFlagSet("claimdesk", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	db := flags.String("db", env.DefaultDB, "database file")
	version := flags.Bool("version", false, "print the version and exit")
	if err := flags.Parse(args); err != nil {
		fmt.Fprintf(stderr, "claimdesk: %v; run 'claimdesk help' for the list of commands.\n", err)
		return 1
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "claimdesk: unknown command %q; run 'claimdesk help' for the list.\n", flags.Arg(0))
		return 1
	}
	if *version {
		return printVersion(stdout, stderr)
	}
	if !hasDisplay() {
		fmt.Fprintln(stderr, "claimdesk: no display to open the window on; use the commands instead (claimdesk help).")
		return 1
	}
	opened := time.Now()
	st, err := openStore(*db, cli.OpenOptions{Sample: true})
	if err != nil {
		fmt.Fprintln(stderr, "claimdesk: "+claims.ErrorMessage(err))
		return 1
	}
	trace(stderr, "open %d µs", time.Since(opened).Microseconds())
	runWindow(st, *db, func() { trace(stderr, "first-rows %d", time.Now().UnixNano()) })
	return 0
}

// runWindow shows the window on st until the user quits; the window owns
// the database from then on, and closes it.
func runWindow(st claims.Store, path string, firstRows func()) {
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("ClaimDesk")
	ui := app.New(a, w, st, app.Options{Path: path, Warn: store.LocationWarning, OnFirstRows: firstRows, Open: func(path string) (claims.Store, error) {
		return openStore(path, cli.OpenOptions{})
	}})
	w.SetMaster()
	// Logging out or Ctrl+C in a terminal ends the program as Quit does, so
	// the database is closed, not left for the next start to check in full.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		ui.Quit()
	}()
	go ui.Load()
	w.ShowAndRun()
}

// openStore opens the database at path; a new one gets the sample case
// unless told otherwise.
func openStore(path string, opts cli.OpenOptions) (claims.Store, error) {
	storeOpts := store.Options{Language: opts.Language, Validate: validate, AfterClose: remember}
	if opts.Sample {
		storeOpts.Fill = func(db *store.DB) error { return addSample(db) }
	}
	return store.Open(path, storeOpts)
}

// trace reports start-up timings on stderr when CLAIMDESK_TRACE_STARTUP is
// set, for the launch benchmark.
func trace(w io.Writer, format string, args ...any) {
	if os.Getenv("CLAIMDESK_TRACE_STARTUP") != "" {
		fmt.Fprintf(w, "claimdesk-trace: "+format+"\n", args...)
	}
}

// trusted lists the files this program closed, as it left them.
var trusted = store.NewTrustList(filepath.Join(configDir(), "ClaimDesk", "trusted-files.json"))

// validate checks a file before it is opened: in full, in a child process,
// unless this program closed it last and nothing changed it since; then the
// window's background check does the full check after the first frame.
func validate(path string) error {
	if trusted.Trusts(path) {
		return store.CheckHeader(path)
	}
	return validateInChild(path)
}

func remember(path string) {
	if err := trusted.Remember(path); err != nil {
		fmt.Fprintln(os.Stderr, "claimdesk: cannot remember "+path+": "+err.Error())
	}
}

// configDir is where per-user settings go.
func configDir() string {
	if dir, err := os.UserConfigDir(); err == nil {
		return dir
	}
	return dataDir()
}

// restoreStore creates a database at path from a JSON dump.
func restoreStore(path string, dump io.Reader) error {
	db, err := store.Restore(context.Background(), path, dump, store.Options{})
	if err != nil {
		return err
	}
	return db.Close()
}

func addSample(st claims.Store) error {
	article, found, err := assets.SampleCase()
	if err != nil {
		return err
	}
	return st.ImportArticle(claims.NewContext(context.Background(), store.Program), article, found)
}

// defaultDB is the database the window opens when given none: in the
// user's data folder, where backups and sync tools expect documents.
func defaultDB() string {
	return filepath.Join(dataDir(), "ClaimDesk", "claimdesk.db")
}

// dataDir follows the XDG convention on Linux and the system's own folder
// for application data elsewhere.
func dataDir() string {
	if runtime.GOOS == "linux" {
		if dir := os.Getenv("XDG_DATA_HOME"); dir != "" {
			return dir
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share")
		}
	}
	if dir, err := os.UserConfigDir(); err == nil {
		return dir
	}
	return "."
}

func hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
