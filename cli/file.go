package cli

import (
	"fmt"
	"os"

	"claimdesk/claims"
)

func runBackup(r *runner, args []string) error {
	f := newFlags("backup")
	outside := f.Bool("without-protected", false, "a copy for outside the newsroom: protected sources lose their identity")
	rest, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	if err := st.SaveCopy(r.ctx, rest[0], claims.CopyOptions{WithoutProtected: *outside}); err != nil {
		return err
	}
	info, err := os.Stat(rest[0])
	if err != nil {
		return err
	}
	return r.print(f, map[string]any{"out": rest[0], "bytes": info.Size(), "without_protected": *outside},
		"Saved a copy to %s (%d bytes).\n", rest[0], info.Size())
}

func runCheck(r *runner, args []string) error {
	f := newFlags("check")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	report, err := st.Check(r.ctx)
	if err != nil {
		return err
	}
	if *f.json {
		if err := r.writeJSON(map[string]any{"ok": report.OK(), "records": report.Records,
			"history": historyCheckJSON(report.History), "problems": nonNil(report.Problems)}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(r.env.Stdout, "Read %d records and %d history events.\n", report.Records, report.History.Events)
		for _, p := range report.Problems {
			fmt.Fprintln(r.env.Stdout, "  "+p)
		}
		if b := report.History.Broken; b != nil {
			fmt.Fprintf(r.env.Stdout, "  The history breaks at event %s: %s.\n", b.EventID, b.Reason)
		}
	}
	if !report.OK() {
		return claims.Errorf(claims.EINVALID, "The check found problems in %s (listed above).", *f.db)
	}
	if !*f.json {
		fmt.Fprintln(r.env.Stdout, "The file is sound.")
	}
	return nil
}
