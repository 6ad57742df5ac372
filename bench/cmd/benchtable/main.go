// Command benchtable reads `go test -bench` output on stdin and prints a
// Markdown table that sets ClaimDesk's figure beside SQLite's and the
// target for each row of the performance issue:
//
//	go test -run '^$' -bench . ./bench | go run ./bench/cmd/benchtable
//
// A benchmark whose last name element is "claimdesk" or "sqlite" fills
// that column of its row; any other benchmark gets a row of its own, with
// its ms/op (or ns/op) in the ClaimDesk column. When a benchmark appears
// more than once (-count), the last result counts.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// spec says how to show the benchmarks whose name (without "Benchmark" and
// the engine) is key, or starts with key when key ends in "/": the row's
// label, which metric it shows, and the target.
type spec struct {
	key    string
	label  string // %s is replaced by the rest of the name after key
	metric string
	target string
	limit  float64 // the target's number in the metric's unit; 0 for none
	// per, when set, makes limit a ratio: of the metric to this other
	// metric of the same benchmark.
	per string
	// floor, when set, is the metric of the same benchmark that measures
	// what stops the target: a figure over the limit but within
	// floorMargin of the floor is met, and says so.
	floor string
}

// floorMargin is how close to its measured floor a figure must be when it
// cannot meet its limit.
const floorMargin = 1.5

// specs are the rows of the table, in its order. The targets come
// from the research note's section 6.
var specs = []spec{
	{"LaunchToFirstRows", "T1 launch to first claim-list rows, real window under Xvfb (median)", "ms-to-first-rows", "≤ 300 ms, or ≤ 1.5× its floor", 300, "", "ms-floor"},
	{"LaunchToFirstRows", "T1 floor: the same window on the 21-claim sample (median)", "ms-floor", "", 0, "", ""},
	{"LaunchToFirstRows", "T1 the database's share of the launch (median)", "ms-db-open", "≤ 5 ms", 5, "", ""},
	{"OpenFirst50", "T1 open + first 50 rows (p95)", "p95-ms", "≤ 5 ms", 5, "", ""},
	{"Filter/status", "T2 filter by status (p95)", "p95-ms", "≤ 5 ms", 5, "", ""},
	{"Filter/rating", "T2 filter by rating (p95)", "p95-ms", "≤ 5 ms", 5, "", ""},
	{"Filter/tag", "T2 filter by tag (p95)", "p95-ms", "≤ 5 ms", 5, "", ""},
	{"Search/summaries/", "T2 search “%s” → list rows (p95)", "p95-ms", "≤ 50 ms full text (≤ 16 ms titles)", 50, "", ""},
	{"Search/claims/", "T2 search “%s” → whole claims (p95)", "p95-ms", "≤ 50 ms", 50, "", ""},
	{"ScrollStep", "T3 one scroll step of the claim list, headless", "ms/step", "≤ 2 ms, no database read", 2, "", ""},
	{"Export10k/csv", "T4 export 10k claims, CSV", "ms/op", "≤ 150 ms (≤ 100 ms on CI)", 150, "", ""},
	{"Export10k/json", "T4 export 10k claims, JSON", "ms/op", "≤ 150 ms (≤ 100 ms on CI)", 150, "", ""},
	{"Export10k/html", "T4 export 10k claims, HTML", "ms/op", "≤ 1 s", 1000, "", ""},
	{"Merge50kInto50k", "T5 merge two 50k-claim files, validation included", "ms/op", "≤ 600 ms", 600, "", ""},
	{"Copy", "T6 bytes per claim, shared copy of the full dataset", "B/claim", "≤ 850 B (for claims alone)", 850, "", ""},
	{"Copy", "T6 bytes per claim, working file of the full dataset", "B/claim-live", "≤ 1.5× the copy", 1.5, "B/claim", ""},
	{"Import100k", "T6 bytes per claim, claims alone, compact", "B/claim", "≤ 850 B", 850, "", ""},
	{"Import100k", "T6 bytes per claim, claims alone, working file", "B/claim-live", "≤ 1.5× compact", 1.5, "B/claim", ""},
	{"Edit", "T7 one edit saved, fsynced (p50)", "p50-ms", "", 0, "", ""},
	{"Edit", "T7 one edit saved, fsynced (p99)", "p99-ms", "≤ 5 ms", 5, "", ""},
	{"Edit", "T7 one edit saved, fsynced (slowest)", "max-ms", "", 0, "", ""},
	{"Import100k", "T8 import 100k claims", "ms/op", "≤ 300 ms", 300, "", ""},
	{"Import100kRestore", "T8 import 100k claims (Restore from a dump)", "ms/op", "≤ 300 ms", 300, "", ""},
	{"Copy", "T9 consistent copy of the 100k file", "ms/op", "≤ 150 ms", 150, "", ""},
	{"Check/whole", "T12 whole check (Check / quick_check)", "ms/op", "≤ 50 ms", 50, "", ""},
	{"Check/file", "T12 file check (CheckFile / quick_check)", "ms/op", "≤ 50 ms", 50, "", ""},
	{"Check/integrity", "T12 SQLite integrity_check", "ms/op", "", 0, "", ""},
}

// result is one benchmark line: its metrics by unit.
type result map[string]float64

// row is the results of one benchmark name, by engine ("" for a benchmark
// without one).
type row struct {
	key     string
	engines map[string]result
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// parse reads benchmark lines, keeping rows in the order they first appear.
func parse(r io.Reader) ([]*row, error) {
	var rows []*row
	byKey := map[string]*row{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(fields[1]); err != nil {
			continue // a name printed alone, or a log line
		}
		name := procSuffix.ReplaceAllString(strings.TrimPrefix(fields[0], "Benchmark"), "")
		key, engine := name, ""
		if i := strings.LastIndex(name, "/"); i >= 0 && (name[i+1:] == "claimdesk" || name[i+1:] == "sqlite") {
			key, engine = name[:i], name[i+1:]
		}
		res := result{}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			res[fields[i+1]] = v
		}
		rw := byKey[key]
		if rw == nil {
			rw = &row{key: key, engines: map[string]result{}}
			byKey[key] = rw
			rows = append(rows, rw)
		}
		rw.engines[engine] = res
	}
	return rows, sc.Err()
}

// line is one printed table row.
type line struct {
	label, claimdesk, sqlite, ratio, target string
}

func lines(rows []*row) []line {
	var out []line
	shown := map[*row]bool{}
	for _, s := range specs {
		for _, rw := range rows {
			rest, ok := matchSpec(s, rw.key)
			if !ok {
				continue
			}
			shown[rw] = true
			l := line{label: s.label, target: s.target}
			if strings.Contains(l.label, "%s") {
				l.label = fmt.Sprintf(l.label, strings.ReplaceAll(rest, "_", " "))
			}
			mine := rw.engines["claimdesk"]
			if mine == nil {
				mine = rw.engines[""] // a benchmark of ClaimDesk alone, such as the launch
			}
			cd, okCD := mine[s.metric]
			sq, okSQ := rw.engines["sqlite"][s.metric]
			if okCD {
				l.claimdesk = format(cd, s.metric)
				l.target += verdict(s, cd, mine)
			}
			if okSQ {
				l.sqlite = format(sq, s.metric)
			}
			if okCD && okSQ && cd > 0 {
				l.ratio = fmt.Sprintf("%.2f", sq/cd)
			}
			out = append(out, l)
		}
	}
	for _, rw := range rows {
		if shown[rw] {
			continue
		}
		for _, engine := range []string{"", "claimdesk", "sqlite"} {
			res, ok := rw.engines[engine]
			if !ok {
				continue
			}
			label := rw.key
			if engine != "" {
				label += " (" + engine + ")"
			}
			l := line{label: label}
			v := msOf(res)
			if engine == "sqlite" {
				l.sqlite = v
			} else {
				l.claimdesk = v
			}
			out = append(out, l)
		}
	}
	return out
}

// verdict says whether ClaimDesk's figure v meets the spec's limit, and
// gives the ratio when the limit is one.
func verdict(s spec, v float64, res result) string {
	if s.limit == 0 {
		return ""
	}
	met := map[bool]string{true: "met", false: "missed"}
	if floor, ok := res[s.floor]; ok && v > s.limit && floor > 0 {
		return fmt.Sprintf(" (%.2f× its floor of %s: %s)", v/floor, format(floor, s.metric), met[v <= floorMargin*floor])
	}
	if s.per == "" {
		return " (" + met[v <= s.limit] + ")"
	}
	base, ok := res[s.per]
	if !ok || base == 0 {
		return ""
	}
	return fmt.Sprintf(" (%.2f×, %s)", v/base, met[v/base <= s.limit])
}

// matchSpec reports whether key is the spec's, and what follows the spec's
// key when it names a family of benchmarks.
func matchSpec(s spec, key string) (string, bool) {
	if strings.HasSuffix(s.key, "/") {
		return strings.TrimPrefix(key, s.key), strings.HasPrefix(key, s.key)
	}
	return "", key == s.key
}

// msOf formats a benchmark without a spec by its time per operation.
func msOf(res result) string {
	for _, unit := range []string{"ms/op", "ms/export"} {
		if v, ok := res[unit]; ok {
			return format(v, "ms/op")
		}
	}
	if v, ok := res["ns/op"]; ok {
		return format(v/1e6, "ms/op")
	}
	return ""
}

func format(v float64, metric string) string {
	if strings.HasPrefix(metric, "B/") {
		return fmt.Sprintf("%.0f B", v)
	}
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	case v >= 1:
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.3f ms", v)
}

func write(w io.Writer, ls []line) {
	fmt.Fprintln(w, "| row | ClaimDesk | SQLite | ratio (SQLite/ClaimDesk) | target |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---|")
	for _, l := range ls {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", l.label, l.claimdesk, l.sqlite, l.ratio, l.target)
	}
}

func main() {
	rows, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	write(os.Stdout, lines(rows))
}
