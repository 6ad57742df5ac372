package cli

import (
	"fmt"
	"os"
	"strings"
	"time"

	"claimdesk/claims"
)

func runBackup(r *runner, args []string) error {
	f := newFlags("backup")
	outside := f.Bool("without-protected", false, "a copy for outside the newsroom: protected sources lose their identity")
	rest, st, err := r.openParsed(f, args, 1)
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
	_, st, err := r.openParsed(f, args, 0)
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
			fmt.Fprintln(r.env.Stdout, "  "+field(p.String()))
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

func runMerge(r *runner, args []string) error {
	f := newFlags("merge")
	rest, st, err := r.openParsed(f, args, 1)
	if err != nil {
		return err
	}
	report, err := st.Merge(r.actor(*f.as), rest[0])
	if err != nil {
		return err
	}
	if *f.json {
		return r.writeJSON(map[string]any{"added": report.Added, "updated": report.Updated, "events": report.Events,
			"conflicts": conflictsJSON(report.Conflicts)})
	}
	if !report.Changed() {
		fmt.Fprintf(r.env.Stdout, "Nothing new in %s.\n", rest[0])
		return nil
	}
	fmt.Fprintf(r.env.Stdout, "Merged %s: %s added, %s updated, %d history events.\n", rest[0],
		claims.CountsLine(report.Added), claims.CountsLine(report.Updated), report.Events)
	for _, c := range report.Conflicts {
		fmt.Fprintf(r.env.Stdout, "Conflict on the %s %s (%q): %s\n", c.RecordType, c.RecordID, c.Title, fieldList(c.Differing()))
	}
	if n := len(report.Conflicts); n > 0 {
		fmt.Fprintf(r.env.Stdout, "%d conflict(s): see them with 'claimdesk conflicts', settle them with 'claimdesk resolve' or in the window.\n", n)
	}
	return nil
}

func runConflicts(r *runner, args []string) error {
	f := newFlags("conflicts")
	_, st, err := r.openParsed(f, args, 0)
	if err != nil {
		return err
	}
	list, err := st.FindConflicts(r.ctx)
	if err != nil {
		return err
	}
	if *f.json {
		return r.writeJSON(conflictsJSON(list))
	}
	if len(list) == 0 {
		fmt.Fprintln(r.env.Stdout, "No conflicts.")
	}
	for _, c := range list {
		fmt.Fprintf(r.env.Stdout, "%s %s %q\n", c.RecordType, c.RecordID, c.Title)
		fmt.Fprintf(r.env.Stdout, "  kept:  %s, %s\n  other: %s, %s\n", field(c.Kept.By), c.Kept.At.Format(time.RFC3339), field(c.Other.By), c.Other.At.Format(time.RFC3339))
		for _, name := range c.Differing() {
			fmt.Fprintf(r.env.Stdout, "  %-12s kept %s | other %s\n", field(string(name)), field(shortValue(c.Kept, name)), field(shortValue(c.Other, name)))
		}
	}
	return nil
}

// shortValue is a field's value as people read it, cut to a line.
func shortValue(v claims.ConflictVersion, field claims.Field) string {
	if field == claims.DeletedField {
		return yesNo(v.Deleted)
	}
	if s, ok := v.Values[field]; ok {
		return truncateRunes(s, 60)
	}
	return "(none)"
}

func fieldList(fields []claims.Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func conflictsJSON(list []claims.Conflict) []map[string]any {
	out := []map[string]any{}
	for _, c := range list {
		out = append(out, map[string]any{"record_type": c.RecordType, "record_id": c.RecordID, "claim_id": c.ClaimID,
			"title": c.Title, "differing": c.Differing(), "kept": versionJSON(c.Kept), "other": versionJSON(c.Other)})
	}
	return out
}

// versionJSON is one side of a conflict: who made it, when, and its fields
// as people read them.
func versionJSON(v claims.ConflictVersion) map[string]any {
	return map[string]any{"revision": v.Revision, "by": v.By, "at": v.At, "deleted": v.Deleted, "values": v.Values}
}

func runResolve(r *runner, args []string) error {
	f := newFlags("resolve")
	record := f.String("record", "", "the record in conflict")
	take := f.String("take", "", "comma-separated fields to take from the other version (default: keep the kept one)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"record": *record}); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	var fields []claims.Field
	for _, name := range strings.Split(*take, ",") {
		if name = strings.TrimSpace(name); name != "" {
			fields = append(fields, claims.Field(name))
		}
	}
	if err := st.ResolveConflict(r.actor(*f.as), *record, fields); err != nil {
		return err
	}
	return r.print(f, map[string]any{"record": *record, "taken": nonNil(fields)}, "Resolved the conflict on %s.\n", *record)
}
