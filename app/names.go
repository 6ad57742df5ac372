package app

import (
	"claimdesk/claims"

	"fyne.io/fyne/v2/lang"
)

// The names of the domain's values in the interface's language. Each key is
// spelt out so that the translation test sees it in the code.

func statusName(s claims.Status) string {
	switch s {
	case claims.StatusToTriage:
		return lang.L("status.to-triage")
	case claims.StatusNotCheckWorthy:
		return lang.L("status.not-check-worthy")
	case claims.StatusResearching:
		return lang.L("status.researching")
	case claims.StatusVerdictDrafted:
		return lang.L("status.verdict-drafted")
	case claims.StatusInReview:
		return lang.L("status.in-review")
	case claims.StatusChangesRequested:
		return lang.L("status.changes-requested")
	case claims.StatusPublished:
		return lang.L("status.published")
	case claims.StatusCorrected:
		return lang.L("status.corrected")
	}
	return string(s)
}

func kindName(k claims.Kind) string {
	switch k {
	case claims.KindStatistic:
		return lang.L("kind.statistic")
	case claims.KindQuote:
		return lang.L("kind.quote")
	case claims.KindAttribution:
		return lang.L("kind.attribution")
	case claims.KindPrediction:
		return lang.L("kind.prediction")
	case claims.KindComparison:
		return lang.L("kind.comparison")
	case claims.KindEvent:
		return lang.L("kind.event")
	}
	return string(k)
}

func stanceName(s claims.Stance) string {
	switch s {
	case claims.StanceSupports:
		return lang.L("stance.supports")
	case claims.StanceRefutes:
		return lang.L("stance.refutes")
	case claims.StanceContext:
		return lang.L("stance.context")
	}
	return string(s)
}

func reliabilityName(r claims.Reliability) string {
	switch r {
	case claims.ReliabilityA:
		return lang.L("reliability.A")
	case claims.ReliabilityB:
		return lang.L("reliability.B")
	case claims.ReliabilityC:
		return lang.L("reliability.C")
	case claims.ReliabilityD:
		return lang.L("reliability.D")
	case claims.ReliabilityE:
		return lang.L("reliability.E")
	case claims.ReliabilityF:
		return lang.L("reliability.F")
	}
	return string(r)
}

func languageName(code string) string {
	switch code {
	case claims.LangEnglish:
		return lang.L("language.en")
	case claims.LangFrench:
		return lang.L("language.fr")
	}
	return code
}
