package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"claimdesk/claims"
)

// Quality the detector must keep on the labelled articles of testdata/eval.
const (
	minPrecision       = 0.8
	minRecall          = 0.9
	minSpeakerAccuracy = 0.8 // over true positives
)

// evalSet is one labelled article (see testdata/eval/README.md).
type evalSet struct {
	Language  string      `json:"language"`
	TextFile  string      `json:"text_file"`
	Sentences []evalLabel `json:"sentences"`
}

// evalLabel is a fact-checker's verdict on one sentence.
type evalLabel struct {
	Key         string `json:"key"`
	CheckWorthy bool   `json:"check_worthy"`
	Speaker     string `json:"speaker"`
}

// evalCounts tallies the detector against the labels.
type evalCounts struct {
	labels, tp, fp, fn, tn int
	speakerOK              int // true positives with the right speaker
	segmentation           int // labels not in exactly one sentence, sentences with no label or several
}

func (c *evalCounts) add(o evalCounts) {
	c.labels += o.labels
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
	c.tn += o.tn
	c.speakerOK += o.speakerOK
	c.segmentation += o.segmentation
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func (c evalCounts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c evalCounts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c evalCounts) speakers() float64  { return ratio(c.speakerOK, c.tp) }

func (c evalCounts) row(name string) string {
	return fmt.Sprintf("%-16s %6d %4d %4d %4d %4d %9.2f %6.2f %7.2f (%d/%d) %4d",
		name, c.labels, c.tp, c.fp, c.fn, c.tn, c.precision(), c.recall(), c.speakers(), c.speakerOK, c.tp, c.segmentation)
}

// TestEval scores the detector on every labelled article at DefaultThreshold.
func TestEval(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "eval", "*.json"))
	if err != nil || len(files) == 0 {
		t.Skip("no labelled articles in testdata/eval")
	}
	var total evalCounts
	rows := []string{fmt.Sprintf("%-16s %6s %4s %4s %4s %4s %9s %6s %7s %4s",
		"article", "labels", "TP", "FP", "FN", "TN", "precision", "recall", "speaker", "seg")}
	for _, file := range files {
		c := evaluate(t, file)
		total.add(c)
		rows = append(rows, c.row(strings.TrimSuffix(filepath.Base(file), ".json")))
	}
	rows = append(rows, total.row("overall"))
	t.Log("threshold", DefaultThreshold, "\n"+strings.Join(rows, "\n"))
	if total.precision() < minPrecision || total.recall() < minRecall || total.speakers() < minSpeakerAccuracy {
		t.Errorf("precision %.2f (min %.2f), recall %.2f (min %.2f), speaker accuracy %.2f (min %.2f)",
			total.precision(), minPrecision, total.recall(), minRecall, total.speakers(), minSpeakerAccuracy)
	}
}

// evaluate scores one labelled article, logging every mistake.
func evaluate(t *testing.T, file string) evalCounts {
	t.Helper()
	set := readEvalSet(t, file)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(file), set.TextFile))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	cands := Analyze(string(raw), set.Language)
	name := filepath.Base(file)
	c := evalCounts{labels: len(set.Sentences)}
	keysIn := make([]int, len(cands))
	for _, l := range set.Sentences {
		found := -1
		for k, cand := range cands {
			if strings.Contains(cand.Text, l.Key) {
				keysIn[k]++
				if found >= 0 {
					found = -2
				} else if found == -1 {
					found = k
				}
			}
		}
		if found < 0 {
			c.segmentation++
			t.Logf("%s: key %q is in %s sentence", name, l.Key, map[bool]string{true: "no", false: "more than one"}[found == -1])
			if l.CheckWorthy {
				c.fn++
			}
			continue
		}
		c.score(t, name, l, cands[found])
	}
	for k, cand := range cands {
		if keysIn[k] != 1 {
			c.segmentation++
			t.Logf("%s: sentence holds %d keys: %q", name, keysIn[k], cand.Text)
		}
		if keysIn[k] == 0 && cand.Worthy(DefaultThreshold) {
			c.fp++
		}
	}
	return c
}

// score counts one labelled sentence.
func (c *evalCounts) score(t *testing.T, name string, l evalLabel, cand Candidate) {
	t.Helper()
	worthy := cand.Worthy(DefaultThreshold)
	switch {
	case worthy && l.CheckWorthy:
		c.tp++
		if sameSpeaker(cand.Speaker.Name, l.Speaker) {
			c.speakerOK++
		} else {
			t.Logf("%s: speaker %q, want %q: %q", name, cand.Speaker.Name, l.Speaker, l.Key)
		}
	case worthy:
		c.fp++
		t.Logf("%s: false positive %.2f %q %v", name, cand.Score, l.Key, cand.Reasons)
	case l.CheckWorthy:
		c.fn++
		t.Logf("%s: false negative %.2f %q %v", name, cand.Score, l.Key, cand.Reasons)
	default:
		c.tn++
	}
}

// sameSpeaker reports whether a predicted speaker matches a labelled one:
// both empty, or one folded name containing the other.
func sameSpeaker(got, want string) bool {
	g, w := claims.Fold(strings.TrimSpace(got)), claims.Fold(strings.TrimSpace(want))
	if g == "" || w == "" {
		return g == w
	}
	return strings.Contains(g, w) || strings.Contains(w, g)
}

func readEvalSet(t *testing.T, file string) evalSet {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var set evalSet
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if set.TextFile == "" || len(set.Sentences) == 0 {
		t.Fatalf("%s: no text file or no labels", file)
	}
	return set
}
