package cli

import (
	"errors"
	"flag"
	"os"
	"strings"

	"claimdesk/claims"
	"claimdesk/claims/export"
	"claimdesk/claims/locale"
	"claimdesk/internal/regularfile"
)

// runExport writes a report or a data export. Its --lang chooses the
// language of a report's own words (headings, status and stance names,
// dates and numbers): en or fr. Without it, an export of one article
// (--article) speaks that article's language, and any other export the
// language of the user's locale settings. The claims' text stays as written.
func runExport(r *runner, args []string) error {
	f := newFlags("export")
	format := f.String("format", "", "html, pdf, md, claimreview, csv, csl or json")
	out := f.String("out", "", "file to write, or - for standard output")
	article := f.String("article", "", "export one article's claims only")
	published := f.Bool("published", false, "export published verdicts only")
	langFlag := f.String("lang", "", "language of the report: en or fr (default: the article's with --article, else the locale's)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"format": *format, "out": *out}); err != nil {
		return err
	}
	fmtName, err := export.ParseFormat(*format)
	if err != nil {
		return err
	}
	lang, err := parseExportLanguage(*langFlag)
	if err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	if lang == "" {
		lang = r.exportLanguage(st, *article)
	}
	req := export.Request{Format: fmtName, Filter: claims.CaseFilter{ArticleID: *article, PublishedOnly: *published}, Language: lang}
	if *out == "-" {
		return export.Write(r.ctx, st, r.raw, req)
	}
	if err := export.WriteFile(r.ctx, st, *out, req); err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return err
	}
	return r.print(f, map[string]any{"out": *out, "format": fmtName, "bytes": info.Size()},
		"Wrote %s (%s, %d bytes).\n", *out, fmtName.Label(), info.Size())
}

// parseExportLanguage reads --lang, "" when it is not given.
func parseExportLanguage(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	lang, err := locale.Parse(s)
	if err != nil {
		return "", claims.Errorf(claims.EINVALID, "--lang takes %s or %s, not %q.", locale.English, locale.French, s)
	}
	return lang, nil
}

// exportLanguage is the report language when --lang is not given: the
// article's when one article is exported, so that a French article gets a
// French report wherever it is exported; else the locale's.
func (r *runner) exportLanguage(st claims.Store, articleID string) string {
	if articleID != "" {
		// An article that cannot be read is the export's error to report,
		// with the export's words; the language falls back meanwhile.
		if a, err := st.FindArticleByID(r.ctx, articleID); err == nil && claims.ValidLanguage(a.Language) {
			return a.Language
		}
	}
	return locale.FromEnvironment(r.env.Getenv)
}

func runImportJSON(r *runner, args []string) error {
	f := newFlags("import-json")
	rest, err := f.parse(args, 1)
	if err != nil {
		return err
	}
	if err := required(map[string]string{"db": *f.db}); err != nil {
		return err
	}
	in := r.env.Stdin
	if rest[0] != "-" {
		file, err := regularfile.Open(rest[0])
		if errors.Is(err, regularfile.ErrNotRegular) {
			return claims.Errorf(claims.EINVALID, "%s is not a file; give the dump's file, or - to read it from standard input.", rest[0])
		}
		if err != nil {
			return claims.Errorf(claims.ENOTFOUND, "Cannot read %s: %v.", rest[0], err)
		}
		defer file.Close()
		if info, err := file.Stat(); err == nil && info.Size() > claims.MaxDumpSize {
			return claims.ErrDumpTooLarge()
		}
		in = file
	}
	if err := r.env.Restore(*f.db, in); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	_, n, err := st.FindClaimSummaries(r.ctx, claims.ClaimFilter{Limit: 1}) // the count comes from the index
	if err != nil {
		return err
	}
	return r.print(f, map[string]any{"db": *f.db, "claims": n}, "Restored %s with %d claim(s).\n", *f.db, n)
}

func runSettings(r *runner, args []string) error {
	f := newFlags("settings")
	org := f.String("organization", "", "the fact-checking organisation, author of the ClaimReview markup")
	baseURL := f.String("base-url", "", "the address where verdicts are published; each verdict's is this plus #claim-ID")
	second := f.String("second-reviewer", "", "yes or no: must someone other than its author approve a verdict?")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	upd, changed, err := settingsUpdate(f, org, baseURL, second)
	if err != nil {
		return err
	}
	var s *claims.Settings
	if changed {
		s, err = st.UpdateSettings(r.actor(*f.as), upd)
	} else {
		s, err = st.Settings(r.ctx)
	}
	if err != nil {
		return err
	}
	return r.print(f, map[string]any{"language": s.Language, "organization": s.Organization, "base_url": s.BaseURL,
		"scale": s.Scale.Key, "require_second_reviewer": s.RequireSecondReviewer},
		"language: %s\norganization: %s\nbase URL: %s\nrating scale: %s\nsecond reviewer required: %s\n",
		s.Language, s.Organization, s.BaseURL, s.Scale.Name, yesNo(s.RequireSecondReviewer))
}

// settingsUpdate collects the flags that were given; an empty value clears
// a text setting, as --organization "" says.
func settingsUpdate(f *flags, org, baseURL, second *string) (claims.SettingsUpdate, bool, error) {
	var upd claims.SettingsUpdate
	given := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	if given["organization"] {
		upd.Organization = org
	}
	if given["base-url"] {
		upd.BaseURL = baseURL
	}
	if given["second-reviewer"] {
		v, ok := map[string]bool{"yes": true, "true": true, "no": false, "false": false}[strings.ToLower(*second)]
		if !ok {
			return upd, false, claims.Errorf(claims.EINVALID, "--second-reviewer takes yes or no, not %q.", *second)
		}
		upd.RequireSecondReviewer = &v
	}
	return upd, upd != (claims.SettingsUpdate{}), nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
