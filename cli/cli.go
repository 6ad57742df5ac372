// Package cli is ClaimDesk's command line: the subcommands that script the
// whole workflow without a window, for batch work, tests and servers.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"sort"
	"strings"

	"claimdesk/claims"
)

// Env is what the commands need from the program around them.
type Env struct {
	// Open opens or creates the database at path.
	Open func(path string, opts OpenOptions) (claims.Store, error)
	// Warn returns a warning about where a database file is, or "".
	Warn func(path string) claims.Text
	// Restore creates a database at path from a JSON dump, and closes it.
	Restore   func(path string, dump io.Reader) error
	DefaultDB string
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
	Getenv    func(string) string
}

// OpenOptions say how to create a database that does not exist yet.
type OpenOptions struct {
	Sample   bool   // add the sample case
	Language string // the new database's language; "" for the default
}

// command is one subcommand: its name, a line of help and what it does.
type command struct {
	name    string
	usage   string
	summary string
	run     func(r *runner, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"init", "--db FILE [--no-sample] [--lang fr|en]", "create a database, with the sample case unless --no-sample", runInit},
		{"import", "--db FILE [--lang fr|en] [--title T] [--outlet O] [--url U] [--date YYYY-MM-DD] ARTICLE...|FOLDER", "import articles: files, a folder, or - for one from standard input", runImport},
		{"articles", "--db FILE [--json]", "list the articles", runArticles},
		{"claims", "--db FILE [--article ID] [--status S] [--rating KEY] [--speaker NAME] [--tag TAG] [--query Q] [--json]", "list claims", runClaims},
		{"claim", "add|show|move|delete ...", "add a claim, show one, move it in the workflow or delete it", runClaim},
		{"source", "add --db FILE --claim ID --url U --title T [--publisher P] [--stance supports|refutes|context] [--excerpt E]", "add a source as evidence for a claim", runSource},
		{"verdict", "--db FILE --claim ID --rating KEY --explanation TEXT [--rationale MD] [--methodology M] [--reason R --note N]", "draft a verdict, or correct a published one", runVerdict},
		{"submit", "--db FILE --claim ID", "submit a drafted verdict for review", runSubmit},
		{"review", "--db FILE --claim ID (--approve | --request-changes) [--comment C]", "review a verdict as a second reviewer", runReview},
		{"publish", "--db FILE --claim ID", "publish an approved verdict", runPublish},
		{"settings", "--db FILE [--organization O] [--base-url URL] [--second-reviewer yes|no] [--json]", "show or change the database's publication settings", runSettings},
		{"export", "--db FILE --format html|pdf|md|claimreview|csv|csl|json --out FILE|- [--article ID] [--published] [--lang fr|en]", "export a report (in the article's language, else your locale's, unless --lang says), ClaimReview markup, a spreadsheet, the sources or a lossless dump", runExport},
		{"import-json", "--db NEWFILE DUMP|-", "restore a JSON dump of a whole database into a new file", runImportJSON},
		{"backup", "--db FILE [--without-protected] OUT", "save a consistent, compact copy to share", runBackup},
		{"merge", "--db FILE OTHER", "merge another copy of the database into this one", runMerge},
		{"conflicts", "--db FILE [--json]", "list the conflicts merges left", runConflicts},
		{"resolve", "--db FILE --record ID [--take FIELD,...]", "settle a conflict, taking some fields from the other version", runResolve},
		{"check", "--db FILE [--json]", "check the whole file: structure, history, references, indexes", runCheck},
		{"history", "--db FILE [--claim ID] [--verify [--head HASH]] [--json]", "show the history, or verify its hash chain and that a report's history hash is in it", runHistory},
	}
}

// IsCommand reports whether name is a subcommand, so main can tell a
// subcommand from the window's own flags.
func IsCommand(name string) bool {
	_, ok := lookup(name)
	return ok || name == "help" || name == "-h" || name == "--help"
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run runs the subcommand named by args[0] and returns the exit status: 0 on
// success, 1 after printing one line on Stderr for any error.
func Run(ctx context.Context, env Env, args []string) (status int) {
	r := &runner{env: env, ctx: ctx, raw: env.Stdout}
	r.env.Stdout, r.env.Stderr = terminalWriter{env.Stdout}, terminalWriter{env.Stderr}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(r.env.Stderr, "claimdesk: something went wrong that ClaimDesk did not foresee; nothing more was written. Please report it: %v\n", p)
			status = 1
		}
		r.close()
	}()
	if err := r.dispatch(args); err != nil {
		fmt.Fprintln(r.env.Stderr, "claimdesk: "+oneLine(describe(err)))
		return 1
	}
	return 0
}

func (r *runner) dispatch(args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		r.printUsage()
		return nil
	}
	cmd, ok := lookup(args[0])
	if !ok {
		return claims.Errorf(claims.EINVALID, "unknown command %q; run 'claimdesk help' for the list.", args[0])
	}
	return cmd.run(r, args[1:])
}

func (r *runner) printUsage() {
	fmt.Fprintln(r.env.Stdout, "Usage: claimdesk [--db FILE]            open the window")
	fmt.Fprintln(r.env.Stdout, "       claimdesk COMMAND [flags]        work from the command line")
	fmt.Fprintln(r.env.Stdout, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(r.env.Stdout, "  %-11s %s\n              %s\n", c.name, c.summary, c.usage)
	}
	fmt.Fprintln(r.env.Stdout, "\nChanges are made in the name given by --as NAME or $CLAIMDESK_REVIEWER.")
	fmt.Fprintln(r.env.Stdout, "--json prints machine-readable output.")
}

// describe turns an error into the sentence the user reads.
func describe(err error) string {
	switch {
	case errors.Is(err, flag.ErrHelp):
		return "see 'claimdesk help'."
	default:
		return claims.ErrorMessage(err)
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// runner holds what one invocation shares between its steps. Its env
// writes through terminalWriter; raw is standard output as it is, for an
// export, whose bytes are the file.
type runner struct {
	env   Env
	raw   io.Writer
	ctx   context.Context
	store claims.Store
}

func (r *runner) close() {
	if r.store != nil {
		r.store.Close()
	}
}

// open opens the existing database named by --db, or the default one: a
// mistyped name must not quietly start a new database.
func (r *runner) open(path string) (claims.Store, error) {
	if path == "" {
		path = r.env.DefaultDB
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, claims.Errorf(claims.ENOTFOUND, "There is no database at %s; create one with 'claimdesk init --db %s'.", path, path)
	}
	return r.openWith(path, OpenOptions{Sample: true})
}

// openParsed parses a command's flags and its positional arguments, then
// opens the database --db names.
func (r *runner) openParsed(f *flags, args []string, positional int) ([]string, claims.Store, error) {
	rest, err := f.parse(args, positional)
	if err != nil {
		return nil, nil, err
	}
	st, err := r.open(*f.db)
	return rest, st, err
}

// openWith opens the database at path, creating it as opts say if needed.
func (r *runner) openWith(path string, opts OpenOptions) (claims.Store, error) {
	if path == "" {
		path = r.env.DefaultDB
	}
	st, err := r.env.Open(path, opts)
	if err != nil {
		return nil, err
	}
	if up := st.Upgrade(); up.SafetyCopy != "" {
		fmt.Fprintf(r.env.Stderr, "claimdesk: %s was made by an older ClaimDesk and was updated to open here (schema %d to %d); the file as it was is kept as %s.\n",
			field(path), up.FromSchema, up.ToSchema, field(up.SafetyCopy))
	}
	if r.env.Warn != nil {
		if warning := r.env.Warn(path).String(); warning != "" {
			fmt.Fprintln(r.env.Stderr, "claimdesk: warning: "+warning)
		}
	}
	r.store = st
	return st, nil
}

// actor returns the context of the person acting: --as, else
// $CLAIMDESK_REVIEWER, else the login name.
func (r *runner) actor(as string) context.Context {
	name := strings.TrimSpace(as)
	if name == "" {
		name = strings.TrimSpace(r.env.Getenv("CLAIMDESK_REVIEWER"))
	}
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
	}
	return claims.NewContext(r.ctx, name)
}

// flags is a flag set that also takes flags after positional arguments and
// reports errors as EINVALID.
type flags struct {
	*flag.FlagSet
	db   *string
	as   *string
	json *bool
}

func newFlags(name string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{
		FlagSet: fs,
		db:      fs.String("db", "", "database file"),
		as:      fs.String("as", "", "your name as reviewer"),
		json:    fs.Bool("json", false, "machine-readable output"),
	}
}

// parse parses args and returns the positional arguments, wherever they were.
func (f *flags) parse(args []string, positional int) ([]string, error) {
	var rest []string
	for {
		if err := f.Parse(args); err != nil {
			return nil, claims.Errorf(claims.EINVALID, "%s: %v.", f.Name(), err)
		}
		if f.NArg() == 0 {
			break
		}
		rest = append(rest, f.Arg(0))
		args = f.Args()[1:]
	}
	if positional >= 0 && len(rest) != positional {
		return nil, claims.Errorf(claims.EINVALID, "%s takes %d argument(s), not %d; see 'claimdesk help'.", f.Name(), positional, len(rest))
	}
	return rest, nil
}

// parseSome parses flags and one or more arguments.
func (f *flags) parseSome(args []string) ([]string, error) {
	rest, err := f.parse(args, -1)
	if err != nil {
		return nil, err
	}
	if len(rest) == 0 {
		return nil, claims.Errorf(claims.EINVALID, "%s needs at least one file or folder; see 'claimdesk help'.", f.Name())
	}
	return rest, nil
}

// required returns EINVALID naming the first required flag left empty.
func required(values map[string]string) error {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.TrimSpace(values[name]) == "" {
			return claims.Errorf(claims.EINVALID, "--%s is required.", name)
		}
	}
	return nil
}
