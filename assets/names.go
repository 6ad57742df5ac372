package assets

import "claimdesk/claims"

// The names of the domain's values in the language of w, for the window and
// the reports alike. Each key is spelt out so that the translation test sees
// it; a value ClaimDesk does not know is returned as it is.

// Status names a workflow status.
func (w *Words) Status(s claims.Status) string {
	switch s {
	case claims.StatusToTriage:
		return w.L("status.to-triage")
	case claims.StatusNotCheckWorthy:
		return w.L("status.not-check-worthy")
	case claims.StatusResearching:
		return w.L("status.researching")
	case claims.StatusVerdictDrafted:
		return w.L("status.verdict-drafted")
	case claims.StatusInReview:
		return w.L("status.in-review")
	case claims.StatusChangesRequested:
		return w.L("status.changes-requested")
	case claims.StatusPublished:
		return w.L("status.published")
	case claims.StatusCorrected:
		return w.L("status.corrected")
	}
	return string(s)
}

// Kind names a kind of claim.
func (w *Words) Kind(k claims.Kind) string {
	switch k {
	case claims.KindStatistic:
		return w.L("kind.statistic")
	case claims.KindQuote:
		return w.L("kind.quote")
	case claims.KindAttribution:
		return w.L("kind.attribution")
	case claims.KindPrediction:
		return w.L("kind.prediction")
	case claims.KindComparison:
		return w.L("kind.comparison")
	case claims.KindEvent:
		return w.L("kind.event")
	}
	return string(k)
}

// Stance names how a piece of evidence bears on its claim, in a word.
func (w *Words) Stance(s claims.Stance) string {
	switch s {
	case claims.StanceSupports:
		return w.L("stance.supports")
	case claims.StanceRefutes:
		return w.L("stance.refutes")
	case claims.StanceContext:
		return w.L("stance.context")
	}
	return string(s)
}

// Reliability names a grade of the Admiralty scale with its meaning.
func (w *Words) Reliability(r claims.Reliability) string {
	switch r {
	case claims.ReliabilityA:
		return w.L("reliability.A")
	case claims.ReliabilityB:
		return w.L("reliability.B")
	case claims.ReliabilityC:
		return w.L("reliability.C")
	case claims.ReliabilityD:
		return w.L("reliability.D")
	case claims.ReliabilityE:
		return w.L("reliability.E")
	case claims.ReliabilityF:
		return w.L("reliability.F")
	}
	return string(r)
}

// LanguageName names a language by its code.
func (w *Words) LanguageName(code string) string {
	switch code {
	case claims.LangEnglish:
		return w.L("language.en")
	case claims.LangFrench:
		return w.L("language.fr")
	}
	return code
}
