package cli

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"claimdesk/claims"
	"claimdesk/claims/extract"
)

func runInit(r *runner, args []string) error {
	f := newFlags("init")
	noSample := f.Bool("no-sample", false, "leave out the sample case")
	lang := f.String("lang", claims.LangFrench, "language of the database: fr or en")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"db": *f.db}); err != nil {
		return err
	}
	if _, err := os.Stat(*f.db); err == nil {
		return claims.Errorf(claims.ECONFLICT, "%s already exists; init only creates new databases.", *f.db)
	}
	st, err := r.openWith(*f.db, OpenOptions{Sample: !*noSample, Language: *lang})
	if err != nil {
		return err
	}
	articles, err := st.FindArticles(r.ctx)
	if err != nil {
		return err
	}
	_, n, err := st.FindClaimSummaries(r.ctx, claims.ClaimFilter{Limit: 1}) // the count comes from the index
	if err != nil {
		return err
	}
	return r.print(f, map[string]any{"db": *f.db, "articles": len(articles), "claims": n},
		"Created %s with %d article(s) and %d claim(s).\n", *f.db, len(articles), n)
}

func runImport(r *runner, args []string) error {
	f := newFlags("import")
	lang := f.String("lang", "", "language of the article: fr or en (default: detected)")
	title := f.String("title", "", "title (default: the page's title or first line)")
	outlet := f.String("outlet", "", "outlet that published it")
	url := f.String("url", "", "where it was published")
	date := f.String("date", "", "publication date, YYYY-MM-DD")
	threshold := f.Float64("threshold", extract.DefaultThreshold, "check-worthiness from which a sentence becomes a claim, 0 to 1")
	rest, err := f.parseSome(args)
	if err != nil {
		return err
	}
	paths, several, err := articlePaths(rest)
	if err != nil {
		return err
	}
	if several {
		if *title != "" || *url != "" || *date != "" {
			return claims.Errorf(claims.EINVALID, "--title, --url and --date describe one article; import several without them, each keeps its own title.")
		}
		return runBulkImport(r, f, paths, bulkOptions{lang: *lang, outlet: *outlet, threshold: *threshold})
	}
	doc, err := r.readDocument(rest[0])
	if err != nil {
		return err
	}
	a := &claims.Article{Title: or(*title, doc.Title), Outlet: *outlet, URL: *url, PublishedOn: *date, Language: or(*lang, doc.Language), Text: doc.Text}
	if !claims.ValidLanguage(a.Language) {
		return claims.Errorf(claims.EINVALID, "The language must be %q or %q.", claims.LangFrench, claims.LangEnglish)
	}
	found, err := extract.SuggestCapped(a.Text, extract.Analyze(a.Text, a.Language), *threshold)
	if err != nil {
		return err
	}
	// Importing into a new file is a natural first step, so import creates it.
	st, err := r.openWith(*f.db, OpenOptions{Sample: true})
	if err != nil {
		return err
	}
	if err := st.ImportArticle(r.actor(*f.as), a, found.Claims); err != nil {
		return err
	}
	return r.printImport(f, st, a, found)
}

func or(value, fallback string) string {
	if value != "" {
		return value
	}
	return fallback
}

// readDocument reads the article file at path, or standard input for "-".
func (r *runner) readDocument(path string) (extract.Document, error) {
	if path == "-" {
		return extract.Read(r.env.Stdin, "standard input")
	}
	return extract.ReadFile(path)
}

// printImport lists the claims suggested in an imported article, with
// their scores and speakers, and says when extract.MaxSuggestions left some
// out: last, where the terminal leaves it in sight.
func (r *runner) printImport(f *flags, st claims.Store, a *claims.Article, found extract.Suggestions) error {
	if *f.json {
		return r.printImportJSON(st, a, found)
	}
	w := r.env.Stdout
	fmt.Fprintf(w, "Imported %q (%s) as %s with %d suggested claim(s), to triage:\n", a.Title, a.Language, a.ID, len(found.Claims))
	for _, c := range found.Claims {
		fmt.Fprintf(w, "\n%.2f  %s  [%s]\n      «%s»\n", c.CheckWorthiness.Score, field(or(speakerLine(c.Speaker), "(no speaker)")), c.Kind.Label(), field(c.Text))
		if len(c.CheckWorthiness.Reasons) > 0 {
			fmt.Fprintf(w, "      why: %s\n", field(strings.Join(c.CheckWorthiness.Reasons, "; ")))
		}
	}
	if found.Capped() {
		fmt.Fprintf(w, "\n%s\n", found.Note())
	}
	return nil
}

// printImportJSON is printImport for --json, where "suggestions_capped" is
// there only when the cap left claims out.
func (r *runner) printImportJSON(st claims.Store, a *claims.Article, found extract.Suggestions) error {
	scale, err := r.scale(st)
	if err != nil {
		return err
	}
	list := []claimOutput{}
	for _, c := range found.Claims {
		list = append(list, newClaimOutput(c, scale))
	}
	out := map[string]any{"article": articleJSON(a), "claims": list}
	if found.Capped() {
		out["suggestions_capped"] = map[string]int{"kept": len(found.Claims), "found": found.Found}
	}
	return r.writeJSON(out)
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func runArticles(r *runner, args []string) error {
	f := newFlags("articles")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	articles, err := st.FindArticles(r.ctx)
	if err != nil {
		return err
	}
	if *f.json {
		out := make([]map[string]any, len(articles))
		for i, a := range articles {
			out[i] = articleJSON(a)
		}
		return r.writeJSON(out)
	}
	for _, a := range articles {
		fmt.Fprintf(r.env.Stdout, "%s  %s  %s\n", a.ID, field(a.Language), field(a.Title))
	}
	return nil
}

func runClaims(r *runner, args []string) error {
	f := newFlags("claims")
	var filter claims.ClaimFilter
	article := f.String("article", "", "only this article's claims")
	status := f.String("status", "", "only claims in this status")
	rating := f.String("rating", "", "only claims with this rating key")
	speaker := f.String("speaker", "", "only this speaker's claims")
	tag := f.String("tag", "", "only claims with this tag")
	f.StringVar(&filter.Query, "query", "", "words to look for, ignoring case and accents")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	filter.ArticleID, filter.Rating, filter.Speaker, filter.Tag = optional(*article), optional(*rating), optional(*speaker), optional(*tag)
	if *status != "" {
		s, err := claims.ParseStatus(*status)
		if err != nil {
			return err
		}
		filter.Status = &s
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	scale, err := r.scale(st)
	if err != nil {
		return err
	}
	if *f.json {
		return r.writeJSONList(func(item func(any) error) error {
			return st.EachClaim(r.ctx, filter, func(c *claims.Claim) error { return item(newClaimOutput(c, scale)) })
		})
	}
	list, _, err := st.FindClaimSummaries(r.ctx, filter)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(r.env.Stdout)
	for _, c := range list {
		fmt.Fprintf(out, "%s  %-17s %-14s %-24s %s\n", c.ID, c.Status, field(labelOf(c.Rating, scale)), field(truncateRunes(c.Speaker, 24)), field(c.Summary))
	}
	return out.Flush()
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func runClaim(r *runner, args []string) error {
	if len(args) == 0 {
		return claims.Errorf(claims.EINVALID, "claim needs add, show, move or delete; see 'claimdesk help'.")
	}
	switch args[0] {
	case "add":
		return runClaimAdd(r, args[1:])
	case "show":
		return runClaimShow(r, args[1:])
	case "move":
		return runClaimMove(r, args[1:])
	case "delete":
		return runClaimDelete(r, args[1:])
	}
	return claims.Errorf(claims.EINVALID, "claim %s: unknown action; use add, show, move or delete.", args[0])
}

func runClaimAdd(r *runner, args []string) error {
	f := newFlags("claim add")
	article := f.String("article", "", "the article the words are in")
	text := f.String("text", "", "the claim's exact words in the article")
	summary := f.String("summary", "", "a summary of at most 75 characters (default: the words, shortened)")
	speaker := f.String("speaker", "", "who made the statement")
	kind := f.String("kind", "", "statistic, quote, attribution, prediction, comparison or event (default: attribution with a speaker, event without)")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"article": *article, "text": *text}); err != nil {
		return err
	}
	c := &claims.Claim{ArticleID: *article, Text: *text, Summary: *summary, Speaker: claims.Speaker{Name: *speaker}, Kind: claims.Kind(*kind)}
	if c.Kind == "" {
		c.Kind = claims.KindEvent
		if *speaker != "" {
			c.Kind = claims.KindAttribution
		}
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	if err := st.CreateClaim(r.actor(*f.as), c); err != nil {
		return err
	}
	return r.printClaim(f, st, c, "Added claim %s at characters %d–%d.\n", c.ID, c.Anchor.Start, c.Anchor.End)
}

func runClaimShow(r *runner, args []string) error {
	f, st, id, err := r.parseClaimCommand("claim show", args)
	if err != nil {
		return err
	}
	c, err := st.FindClaimByID(r.ctx, id)
	if err != nil {
		return err
	}
	if *f.json {
		return r.printClaim(f, st, c, "")
	}
	scale, err := r.scale(st)
	if err != nil {
		return err
	}
	w := r.env.Stdout
	fmt.Fprintf(w, "%s\n  «%s»\n  summary:  %s\n  speaker:  %s\n  kind:     %s\n  status:   %s\n", c.ID, field(c.Text), field(c.Summary), field(speakerLine(c.Speaker)), c.Kind.Label(), c.Status.Label())
	if c.Verdict != nil {
		fmt.Fprintf(w, "  verdict:  %s, by %s: %s\n", field(ratingLabel(c, scale)), field(c.Verdict.Author), field(c.Verdict.Explanation))
	}
	for _, rv := range c.Reviews {
		fmt.Fprintf(w, "  review:   %s %s %s\n", field(rv.Reviewer), rv.Decision, field(rv.Comment))
	}
	for _, corr := range c.Corrections {
		fmt.Fprintf(w, "  correction: %s → %s (%s)\n", field(corr.OldRating), field(corr.NewRating), field(corr.Reason))
	}
	return nil
}

// speakerLine writes a speaker as "name, role, organisation", leaving out
// what is empty or repeated (a body speaking for itself).
func speakerLine(s claims.Speaker) string {
	parts := []string{}
	for _, p := range []string{s.Name, s.Role, s.Organization} {
		if p != "" && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func runClaimMove(r *runner, args []string) error {
	f := newFlags("claim move")
	id := f.String("claim", "", "the claim")
	to := f.String("to", "", "the new status")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"claim": *id, "to": *to}); err != nil {
		return err
	}
	status, err := claims.ParseStatus(*to)
	if err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	c, err := st.MoveClaim(r.actor(*f.as), *id, status)
	if err != nil {
		return err
	}
	return r.printClaim(f, st, c, "Claim %s is now %s.\n", c.ID, c.Status.Label())
}

func runClaimDelete(r *runner, args []string) error {
	f, st, id, err := r.parseClaimCommand("claim delete", args)
	if err != nil {
		return err
	}
	if err := st.DeleteClaim(r.actor(*f.as), id); err != nil {
		return err
	}
	return r.print(f, map[string]any{"id": id, "deleted": true}, "Deleted claim %s (a tombstone stays in the file).\n", id)
}

func runSource(r *runner, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return claims.Errorf(claims.EINVALID, "source needs add; see 'claimdesk help'.")
	}
	f := newFlags("source add")
	claimID := f.String("claim", "", "the claim the source bears on")
	s := &claims.Source{}
	e := &claims.Evidence{}
	f.StringVar(&s.URL, "url", "", "the source's address")
	f.StringVar(&s.Title, "title", "", "the source's title")
	f.StringVar(&s.Publisher, "publisher", "", "publisher or container")
	f.StringVar(&s.ArchiveURL, "archive-url", "", "an archived copy")
	f.StringVar(&s.Issued, "issued", "", "publication date, YYYY-MM-DD")
	f.StringVar(&s.Accessed, "accessed", "", "access date, YYYY-MM-DD (default: today)")
	sourceType := f.String("type", string(claims.SourceWebpage), "CSL item type")
	reliability := f.String("reliability", string(claims.ReliabilityF), "reliability grade, A to F")
	stance := f.String("stance", string(claims.StanceContext), "supports, refutes or context")
	f.StringVar(&e.Excerpt, "excerpt", "", "the exact excerpt")
	f.StringVar(&e.Locator, "locator", "", "page, paragraph or timestamp")
	if _, err := f.parse(args[1:], 0); err != nil {
		return err
	}
	if err := required(map[string]string{"claim": *claimID, "url": s.URL, "title": s.Title}); err != nil {
		return err
	}
	s.Type, s.Reliability = claims.SourceType(*sourceType), claims.Reliability(strings.ToUpper(*reliability))
	e.ClaimID, e.Stance = *claimID, claims.Stance(*stance)
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	ctx := r.actor(*f.as)
	if s.Accessed == "" {
		s.Accessed = today()
	}
	if err := st.AddSourceWithEvidence(ctx, s, e); err != nil {
		return err
	}
	return r.print(f, map[string]any{"source_id": s.ID, "evidence_id": e.ID, "claim_id": e.ClaimID, "stance": e.Stance},
		"Added source %s to claim %s (%s).\n", s.ID, e.ClaimID, e.Stance)
}

func runVerdict(r *runner, args []string) error {
	f := newFlags("verdict")
	id := f.String("claim", "", "the claim")
	var v claims.Verdict
	f.StringVar(&v.Rating, "rating", "", "rating key from the database's scale")
	f.StringVar(&v.Explanation, "explanation", "", "one or two sentences")
	f.StringVar(&v.Rationale, "rationale", "", "the reasoning, in Markdown")
	f.StringVar(&v.Methodology, "methodology", "", "how it was checked")
	reason := f.String("reason", "", "why a published rating changes (corrections)")
	note := f.String("note", "", "public note on a correction")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if err := required(map[string]string{"claim": *id, "rating": v.Rating, "explanation": v.Explanation}); err != nil {
		return err
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	c, err := st.SetVerdict(r.actor(*f.as), *id, v, *reason, *note)
	if err != nil {
		return err
	}
	return r.printClaim(f, st, c, "Claim %s: verdict %s by %s; now %s.\n", c.ID, v.Rating, c.Verdict.Author, c.Status.Label())
}

func runSubmit(r *runner, args []string) error {
	return r.claimAction("submit", args, func(st claims.Store, f *flags, id string) (*claims.Claim, error) {
		return st.SubmitForReview(r.actor(*f.as), id)
	})
}

func runPublish(r *runner, args []string) error {
	return r.claimAction("publish", args, func(st claims.Store, f *flags, id string) (*claims.Claim, error) {
		return st.PublishClaim(r.actor(*f.as), id)
	})
}

func runReview(r *runner, args []string) error {
	var approve, changes bool
	var comment string
	return r.claimAction("review", args, func(st claims.Store, f *flags, id string) (*claims.Claim, error) {
		if approve == changes {
			return nil, claims.Errorf(claims.EINVALID, "Give either --approve or --request-changes.")
		}
		rv := claims.Review{Decision: claims.DecisionApprove, Comment: comment}
		if changes {
			rv.Decision = claims.DecisionRequestChanges
		}
		return st.ReviewClaim(r.actor(*f.as), id, rv)
	}, func(f *flags) {
		f.BoolVar(&approve, "approve", false, "approve the verdict")
		f.BoolVar(&changes, "request-changes", false, "send the verdict back")
		f.StringVar(&comment, "comment", "", "what the author should know")
	})
}

// claimAction runs a command that takes --claim and acts on that claim.
func (r *runner) claimAction(name string, args []string, act func(claims.Store, *flags, string) (*claims.Claim, error), extra ...func(*flags)) error {
	f, st, id, err := r.parseClaimCommand(name, args, extra...)
	if err != nil {
		return err
	}
	c, err := act(st, f, id)
	if err != nil {
		return err
	}
	return r.printClaim(f, st, c, "Claim %s is now %s.\n", c.ID, c.Status.Label())
}

// parseClaimCommand parses a command that takes --claim, plus the flags
// extra adds, and opens the database.
func (r *runner) parseClaimCommand(name string, args []string, extra ...func(*flags)) (*flags, claims.Store, string, error) {
	f := newFlags(name)
	id := f.String("claim", "", "the claim")
	for _, add := range extra {
		add(f)
	}
	if _, err := f.parse(args, 0); err != nil {
		return nil, nil, "", err
	}
	if err := required(map[string]string{"claim": *id}); err != nil {
		return nil, nil, "", err
	}
	st, err := r.open(*f.db)
	return f, st, *id, err
}

func runHistory(r *runner, args []string) error {
	f := newFlags("history")
	claimID := f.String("claim", "", "only this claim's events")
	verify := f.Bool("verify", false, "check every link of the hash chain")
	head := f.String("head", "", "with --verify: the history hash a report printed, to confirm it is in this file's chain")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if *head != "" && !*verify {
		return claims.Errorf(claims.EINVALID, "--head goes with --verify.")
	}
	st, err := r.open(*f.db)
	if err != nil {
		return err
	}
	if *verify {
		return r.verify(f, st, *head)
	}
	events, err := st.FindEvents(r.ctx, claims.EventFilter{ClaimID: *claimID})
	if err != nil {
		return err
	}
	if *f.json {
		return r.writeJSON(eventsJSON(events))
	}
	for _, e := range events {
		fmt.Fprintf(r.env.Stdout, "%s  %-20s %-16s %s\n", e.At.Format("2006-01-02 15:04:05"), field(truncateRunes(e.Actor, 20)), field(e.Action), field(e.Summary))
	}
	return nil
}

// verify checks the whole history and, given the head a report printed,
// that the report's history is part of this file's: an event with that hash
// is in the file, and every link from it to today's heads holds.
func (r *runner) verify(f *flags, st claims.Store, head string) error {
	check, err := st.VerifyHistory(r.ctx)
	if err != nil {
		return err
	}
	head = strings.ToLower(strings.TrimSpace(head))
	var found *claims.Event
	if head != "" && check.OK() {
		if found, err = st.FindEventByHash(r.ctx, head); err != nil {
			return err
		}
	}
	if *f.json {
		out := historyCheckJSON(check)
		if found != nil {
			out["head"] = map[string]any{"hash": head, "event_id": found.ID, "at": found.At, "in_chain": true}
		}
		if err := r.writeJSON(out); err != nil {
			return err
		}
	} else if check.OK() {
		fmt.Fprintf(r.env.Stdout, "History verified: %d events, every link holds.\n", check.Events)
		if found != nil {
			fmt.Fprintf(r.env.Stdout, "The head %s is in this file's chain: the event of %s by %s (%s).\n",
				head, found.At.Format("2006-01-02 15:04:05"), field(found.Actor), field(found.Action))
		}
	}
	if !check.OK() {
		b := check.Broken
		return claims.Errorf(claims.ECONFLICT, "The history does not verify: event %s (%s): %s.", b.EventID, b.At.Format("2006-01-02 15:04:05"), b.Reason)
	}
	return nil
}
