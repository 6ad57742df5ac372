package app

import (
	"context"
	"strings"

	"claimdesk/claims"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// historyTab lists a claim's events, newest first, under whether the
// database's history verifies.
type historyTab struct {
	env     *env
	events  []*claims.Event
	verdict *widget.Label
	list    *widget.List
}

func newHistoryTab(e *env) *historyTab {
	t := &historyTab{env: e, verdict: widget.NewLabel("")}
	t.verdict.Wrapping = fyne.TextWrapWord
	t.list = widget.NewList(func() int { return len(t.events) }, newHistoryRow, t.update)
	return t
}

func (t *historyTab) object() fyne.CanvasObject {
	return container.NewBorder(t.verdict, nil, nil, nil, t.list)
}

// show loads the claim's events, newest first, and verifies the history.
func (t *historyTab) show(c *claims.Claim) {
	var events []*claims.Event
	var check *claims.HistoryCheck
	t.env.run(func() error {
		var err error
		if events, err = t.env.store.FindEvents(context.Background(), claims.EventFilter{ClaimID: c.ID}); err != nil {
			return err
		}
		check, err = t.env.store.VerifyHistory(context.Background())
		return err
	}, func() {
		for i, j := 0, len(events)-1; i < j; i, j = i+1, j-1 {
			events[i], events[j] = events[j], events[i]
		}
		t.events = events
		t.verdict.SetText(describeCheck(check))
		t.list.Refresh()
	})
}

// describeCheck says in one sentence whether the history verifies. A
// broken link may lack an event, when the latest is missing, or a time,
// when the event cannot be read.
func describeCheck(check *claims.HistoryCheck) string {
	if check.OK() {
		return lang.N("history.verified", check.Events, map[string]any{"Count": formatInt(check.Events)})
	}
	b := check.Broken
	data := map[string]any{"Event": b.EventID, "Reason": textIn(b.Reason)}
	switch {
	case b.EventID == "":
		return lang.L("history.broken", data)
	case b.At.IsZero():
		return lang.L("history.broken.event", data)
	}
	data["Date"] = formatDateTime(b.At)
	return lang.L("history.broken.event-at", data)
}

func newHistoryRow() fyne.CanvasObject {
	summary := widget.NewLabel("")
	summary.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewLabel(""), nil, summary)
}

func (t *historyTab) update(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.events) {
		return
	}
	e := t.events[id]
	row := o.(*fyne.Container)
	row.Objects[1].(*widget.Label).SetText(formatDateTime(e.At) + "  " + e.Actor)
	summary := e.Summary
	if e.Withheld {
		summary = lang.L("history.withheld", map[string]any{"Action": e.Action})
	}
	row.Objects[0].(*widget.Label).SetText(summary)
	// The row was laid out for the empty template: the summary starts where
	// this date and name end only once the row is laid out again.
	row.Refresh()
}

// correctionsTab lists the rating changes made after publication.
type correctionsTab struct {
	label *widget.Label
}

func newCorrectionsTab() *correctionsTab {
	t := &correctionsTab{label: widget.NewLabel("")}
	t.label.Wrapping = fyne.TextWrapWord
	return t
}

func (t *correctionsTab) object() fyne.CanvasObject { return container.NewVScroll(t.label) }

// show writes the claim's corrections log, oldest first.
func (t *correctionsTab) show(c *claims.Claim, scale *claims.RatingScale) {
	if len(c.Corrections) == 0 {
		t.label.SetText(lang.L("corrections.none"))
		return
	}
	var text strings.Builder
	for _, corr := range c.Corrections {
		writeLine(&text, lang.L("corrections.change", map[string]any{
			"Date": formatDateTime(corr.At), "Author": corr.Author,
			"From": ratingName(scale, corr.OldRating), "To": ratingName(scale, corr.NewRating),
		}))
		writeLine(&text, lang.L("corrections.reason", map[string]any{"Reason": corr.Reason}))
		if corr.PublicNote != "" {
			writeLine(&text, lang.L("corrections.note", map[string]any{"Note": corr.PublicNote}))
		}
		text.WriteString("\n")
	}
	t.label.SetText(text.String())
}

func writeLine(b *strings.Builder, line string) {
	b.WriteString(line)
	b.WriteString("\n")
}

// ratingName is a rating's label, or its key when the scale lacks it.
func ratingName(scale *claims.RatingScale, key string) string {
	if r, ok := scale.Rating(key); ok {
		return r.Label
	}
	return key
}
