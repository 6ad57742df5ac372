package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"time"

	"claimdesk/claims"
)

// print writes v as JSON with --json, and the formatted line otherwise.
func (r *runner) print(f *flags, v any, format string, args ...any) error {
	if *f.json {
		return r.writeJSON(v)
	}
	_, err := fmt.Fprintf(r.env.Stdout, format, args...)
	return err
}

func (r *runner) writeJSON(v any) error {
	enc := json.NewEncoder(r.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeJSONList writes a JSON array item by item, as each gives them, in
// the same bytes as writeJSON would write the whole array: a long list
// goes out as it is read instead of being held.
func (r *runner) writeJSONList(each func(item func(any) error) error) error {
	w := bufio.NewWriter(r.env.Stdout)
	n := 0
	err := each(func(v any) error {
		raw, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		w.WriteString(sep)
		_, err = w.Write(raw)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		w.WriteString("[]\n")
	} else {
		w.WriteString("\n]\n")
	}
	return w.Flush()
}

// printClaim prints c as JSON with --json, and the formatted line otherwise.
func (r *runner) printClaim(f *flags, st claims.Store, c *claims.Claim, format string, args ...any) error {
	if !*f.json {
		return r.print(f, nil, format, args...)
	}
	scale, err := r.scale(st)
	if err != nil {
		return err
	}
	return r.writeJSON(newClaimOutput(c, scale))
}

func (r *runner) scale(st claims.Store) (*claims.RatingScale, error) {
	settings, err := st.Settings(r.ctx)
	if err != nil {
		return nil, err
	}
	return &settings.Scale, nil
}

func today() string {
	return time.Now().Format(claims.DateLayout)
}

// ratingOutput is a rating as scripts read it; both fields are empty when
// the claim has no verdict.
type ratingOutput struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// claimOutput is the stable JSON shape of a claim on the command line.
// Anchor offsets count Unicode code points; the byte offsets are given too
// for languages that slice UTF-8 bytes.
type claimOutput struct {
	ID                  string       `json:"id"`
	ArticleID           string       `json:"article_id"`
	Text                string       `json:"text"`
	Summary             string       `json:"summary"`
	Speaker             string       `json:"speaker"`
	SpeakerRole         string       `json:"speaker_role"`
	SpeakerOrganization string       `json:"speaker_organization"`
	ClaimDate           string       `json:"claim_date"`
	Kind                string       `json:"kind"`
	Status              string       `json:"status"`
	Rating              ratingOutput `json:"rating"`
	Explanation         string       `json:"explanation"`
	VerdictAuthor       string       `json:"verdict_author"`
	CheckWorthiness     float64      `json:"check_worthiness"`
	Reasons             []string     `json:"check_worthiness_reasons"`
	Tags                []string     `json:"tags"`
	Assignee            string       `json:"assignee"`
	AnchorStart         int          `json:"anchor_start"`
	AnchorEnd           int          `json:"anchor_end"`
	AnchorPrefix        string       `json:"anchor_prefix"`
	AnchorSuffix        string       `json:"anchor_suffix"`
	Reviews             int          `json:"reviews"`
	Corrections         int          `json:"corrections"`
	UpdatedAt           time.Time    `json:"updated_at"`
	UpdatedBy           string       `json:"updated_by"`
}

func newClaimOutput(c *claims.Claim, scale *claims.RatingScale) claimOutput {
	out := claimOutput{
		ID: c.ID, ArticleID: c.ArticleID, Text: c.Text, Summary: c.Summary,
		Speaker: c.Speaker.Name, SpeakerRole: c.Speaker.Role, SpeakerOrganization: c.Speaker.Organization,
		ClaimDate: c.ClaimDate, Kind: string(c.Kind), Status: string(c.Status),
		CheckWorthiness: c.CheckWorthiness.Score, Reasons: nonNil(c.CheckWorthiness.Reasons), Tags: nonNil(c.Tags),
		Assignee: c.Assignee, AnchorStart: c.Anchor.Start, AnchorEnd: c.Anchor.End,
		AnchorPrefix: c.Anchor.Prefix, AnchorSuffix: c.Anchor.Suffix,
		Reviews: len(c.Reviews), Corrections: len(c.Corrections),
		UpdatedAt: c.Meta.UpdatedAt, UpdatedBy: c.Meta.UpdatedBy,
	}
	if v := c.Verdict; v != nil {
		out.Rating = ratingOutput{Key: v.Rating, Label: ratingLabel(c, scale)}
		out.Explanation, out.VerdictAuthor = v.Explanation, v.Author
	}
	return out
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// ratingLabel returns the label of the claim's rating, "" without a verdict.
func ratingLabel(c *claims.Claim, scale *claims.RatingScale) string {
	if c.Verdict == nil {
		return ""
	}
	return labelOf(c.Verdict.Rating, scale)
}

// labelOf returns the label of a rating key, the key itself when the scale
// lacks it, and "" for no rating.
func labelOf(key string, scale *claims.RatingScale) string {
	if r, ok := scale.Rating(key); ok && key != "" {
		return r.Label
	}
	return key
}

func articleJSON(a *claims.Article) map[string]any {
	return map[string]any{
		"id": a.ID, "title": a.Title, "outlet": a.Outlet, "url": a.URL, "published_on": a.PublishedOn,
		"language": a.Language, "text_sha256": a.TextSHA256, "imported_at": a.ImportedAt,
	}
}

type eventOutput struct {
	ID         string    `json:"id"`
	At         time.Time `json:"at"`
	Actor      string    `json:"actor"`
	Action     string    `json:"action"`
	RecordType string    `json:"record_type"`
	RecordID   string    `json:"record_id"`
	ClaimID    string    `json:"claim_id"`
	Summary    string    `json:"summary"`
	Before     string    `json:"before"`
	After      string    `json:"after"`
	Prev       string    `json:"prev"`
	Hash       string    `json:"hash"`
	// Withheld is true when a copy for outside the newsroom left out the
	// summary and changes, which name a protected source.
	Withheld bool `json:"withheld"`
}

func eventsJSON(events []*claims.Event) []eventOutput {
	out := make([]eventOutput, len(events))
	for i, e := range events {
		out[i] = eventOutput{e.ID, e.At, e.Actor, e.Action, e.RecordType, e.RecordID, e.ClaimID, e.Summary, e.Before, e.After, e.Prev, e.Hash, e.Withheld}
	}
	return out
}

func historyCheckJSON(h *claims.HistoryCheck) map[string]any {
	out := map[string]any{"ok": h.OK(), "events": h.Events, "heads": h.Heads}
	if b := h.Broken; b != nil {
		out["broken"] = map[string]any{"event_id": b.EventID, "at": b.At, "reason": b.Reason}
	}
	return out
}
