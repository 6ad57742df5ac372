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
// the engine) is key, or starts with key when key ends in "/" or "_": the row's
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
	// floorMargin of the floor is met, and says so. A ratio to SQLite is
	// stopped by the floor only when the floor itself falls short of it.
	floor string
	// minRatio, when set, is the least SQLite's figure over ClaimDesk's
	// may be for the target to be met (above 1: ClaimDesk faster or
	// smaller).
	minRatio float64
}

// floorMargin is how close to its measured floor a figure must be when it
// cannot meet its limit.
const floorMargin = 1.5

// specs are the rows of the lean-file issue's tables, in its order: S in
// process, W the commands as processes, and the window's launch.
var specs = []spec{
	{key: "WorkedSample", label: "S1 worked sample case (21 claims checked), compact copy", metric: "KB", target: "≤ 120 KB, and no larger than SQLite", limit: 120, minRatio: 1, floor: "KB-floor"},
	{key: "WorkedSample", label: "S1 worked sample case, working file", metric: "KB-working"},
	{key: "WorkedSample", label: "S1 floor: its keys and values with bbolt's entry headers and meta pages", metric: "KB-floor"},
	{key: "WorkedSample", label: "S1 of which the history (events and their indexes)", metric: "KB-history"},
	{key: "Copy", label: "S2 bytes per claim, compact copy of 100,000 claims", metric: "B/claim", target: "ratio ≥ 1.0", minRatio: 1, floor: "B/claim-floor"},
	{key: "Copy", label: "S2 floor: its keys and values with bbolt's entry headers, per claim", metric: "B/claim-floor"},
	{key: "Copy", label: "S2 of which the history, per claim", metric: "B/claim-history"},
	{key: "Copy", label: "S2 bytes per claim, working file of 100,000 claims", metric: "B/claim-live", target: "≤ 1.3× the copy", limit: 1.3, per: "B/claim"},
	{key: "OpenFirst50", label: "S3 open + first 50 rows with the count (p95)", metric: "p95-ms", target: "≤ 5 ms", limit: 5},
	{key: "Filter/", label: "S3 filter by %s (p95)", metric: "p95-ms", target: "≤ 5 ms, or ≤ 1.5× its floor", limit: 5, floor: "floor-p95-ms"},
	{key: "Search/summaries/", label: "S4 search “%s” → list rows (p95)", metric: "p95-ms", target: "≤ 16 ms and ratio ≥ 2", limit: 16, minRatio: 2, floor: "floor-p95-ms"},
	{key: "Search/claims/", label: "S4 search “%s” → whole claims (p95)", metric: "p95-ms"},
	{key: "Export10k/csv", label: "S5 export 10,000 claims, CSV", metric: "ms/op", target: "≤ 200 ms", limit: 200},
	{key: "Export10k/json", label: "S5 export 10,000 claims, JSON", metric: "ms/op", target: "≤ 200 ms", limit: 200},
	{key: "Export10k/html", label: "S5 export 10,000 claims, HTML", metric: "ms/op", target: "≤ 1 s", limit: 1000},
	{key: "Export10kClaims/pdf", label: "S5 export 10,000 claims, PDF", metric: "ms/export", target: "≤ 5 s", limit: 5000},
	{key: "Merge50kInto50k", label: "S6 merge two 50,000-claim files, validation included", metric: "ms/op", target: "≤ 1 s", limit: 1000},
	{key: "Import100k", label: "S7 bulk import of 100,000 claims (1,000 articles)", metric: "ms/op", target: "≤ 3 s and ratio ≥ 3", limit: 3000, minRatio: 3},
	{key: "Import100kRestore", label: "S7 import-json: restore of the dump of 100,000 claims", metric: "ms/op"},
	{key: "Copy", label: "S8 consistent copy of the 100,000-claim file", metric: "ms/op", target: "≤ 1 s", limit: 1000},
	{key: "Check/file", label: "S8 check before opening a file from elsewhere (CheckFile / quick_check)", metric: "ms/op", target: "≤ 100 ms", limit: 100},
	{key: "Check/whole", label: "S8 full check (Check / quick_check)", metric: "ms/op", target: "ratio ≥ 1", minRatio: 1},
	{key: "Check/integrity", label: "S8 SQLite integrity_check", metric: "ms/op"},
	{key: "Edit", label: "S9 one edit saved with its event, fsynced (p50)", metric: "p50-ms"},
	{key: "Edit", label: "S9 one edit saved with its event, fsynced (p99)", metric: "p99-ms", target: "≤ 5 ms", limit: 5},
	{key: "Commands/W0_", label: "W0 %s: a process that starts and stops (median)", metric: "median-ms"},
	{key: "Commands/W1_", label: "W1 %s (median)", metric: "median-ms", target: "ratio ≥ 0.7", minRatio: 0.7},
	{key: "Commands/W1_", label: "W1 %s, peak memory", metric: "peak-MB", target: "≤ 64 MB", limit: 64},
	{key: "Commands/W2_", label: "W2 %s (median)", metric: "median-ms", target: "ratio ≥ 0.7", minRatio: 0.7},
	{key: "Commands/W3_export_CSV_of_every_claim", label: "W3 export CSV of every claim (median)", metric: "median-ms", target: "≤ 1 s", limit: 1000},
	{key: "Commands/W3_export_JSON_of_one_article", label: "W3 export JSON of one article (median)", metric: "median-ms", target: "≤ 50 ms", limit: 50},
	{key: "Commands/W3_", label: "W3 %s, peak memory", metric: "peak-MB", target: "≤ 100 MB", limit: 100},
	{key: "Commands/W5_check", label: "W5 check (median)", metric: "median-ms", target: "ratio ≥ 0.5", minRatio: 0.5},
	{key: "Commands/W5_backup", label: "W5 backup (median)", metric: "median-ms", target: "ratio ≥ 0.7", minRatio: 0.7},
	{key: "LaunchToFirstRows", label: "Window: launch to the first rows at 100,000 claims, real window under Xvfb (median)", metric: "ms-to-first-rows", target: "≤ 300 ms, or ≤ 1.5× its floor", limit: 300, floor: "ms-floor"},
	{key: "LaunchToFirstRows", label: "Window floor: the same window on the 21-claim sample (median)", metric: "ms-floor"},
	{key: "LaunchToFirstRows", label: "Window: the database's share of the launch (median)", metric: "ms-db-open", target: "≤ 5 ms", limit: 5},
	{key: "LaunchToFirstRows", label: "Window: its own memory (anonymous RSS), peak over 15 s after the first rows, background check included", metric: "anon-peak-MB", target: "≤ 150 MB", limit: 150},
	{key: "SearchKeystroke", label: "Window: a key typed in the search box to the list's new rows, 100,000 claims, headless (p95)", metric: "p95-ms", target: "≤ 100 ms", limit: 100},
	{key: "ScrollStep", label: "Window: one scroll step of the claim list, headless", metric: "ms/step", target: "≤ 2 ms, no database read", limit: 2},
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
				l.label = fmt.Sprintf(l.label, strings.NewReplacer("_", " ", "/", ", ").Replace(rest))
			}
			mine := rw.engines["claimdesk"]
			if mine == nil {
				mine = rw.engines[""] // a benchmark of ClaimDesk alone, such as the launch
			}
			cd, okCD := mine[s.metric]
			sq, okSQ := rw.engines["sqlite"][s.metric]
			ratio := 0.0
			if okCD && okSQ && cd > 0 {
				ratio = sq / cd
				l.ratio = fmt.Sprintf("%.2f", ratio)
			}
			if okCD {
				l.claimdesk = format(cd, s.metric)
				l.target += verdict(s, cd, mine, ratio)
			}
			if okSQ {
				l.sqlite = format(sq, s.metric)
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

// verdict says whether ClaimDesk's figure v meets the spec's limit and its
// least ratio to SQLite (0 when SQLite has no figure), giving the ratio to
// the base metric or to the floor when the limit is measured against one.
func verdict(s spec, v float64, res result, ratio float64) string {
	if s.limit == 0 && s.minRatio == 0 {
		return ""
	}
	met := map[bool]string{true: "met", false: "missed"}
	ok, detail := true, ""
	switch floor, hasFloor := res[s.floor]; {
	case s.limit == 0:
	case hasFloor && v > s.limit && floor > 0:
		ok, detail = v <= floorMargin*floor, fmt.Sprintf("%.2f× its floor of %s: ", v/floor, format(floor, s.metric))
	case s.per != "":
		base := res[s.per]
		if base == 0 {
			return ""
		}
		ok, detail = v/base <= s.limit, fmt.Sprintf("%.2f×, ", v/base)
	default:
		ok = v <= s.limit
	}
	if s.minRatio > 0 {
		if ratio == 0 {
			return " (no SQLite figure)"
		}
		// SQLite's figure over the floor: below the least ratio, not even a
		// file down to its floor would meet it.
		floor := res[s.floor]
		switch stopped := floor > 0 && ratio*v/floor < s.minRatio; {
		case ratio >= s.minRatio:
		case stopped && v <= floorMargin*floor:
			detail += fmt.Sprintf("ratio stopped by its floor of %s, %.2f× it: ", format(floor, s.metric), v/floor)
		default:
			if floor > 0 {
				detail += fmt.Sprintf("%.2f× its floor of %s: ", v/floor, format(floor, s.metric))
			}
			ok = false
		}
	}
	return " (" + detail + met[ok] + ")"
}

// matchSpec reports whether key is the spec's, and what follows the spec's
// key when it names a family of benchmarks.
func matchSpec(s spec, key string) (string, bool) {
	if strings.HasSuffix(s.key, "/") || strings.HasSuffix(s.key, "_") {
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
	switch {
	case strings.HasPrefix(metric, "B/"):
		return fmt.Sprintf("%.0f B", v)
	case strings.HasPrefix(metric, "KB"):
		return fmt.Sprintf("%.0f KB", v)
	case strings.HasSuffix(metric, "-MB"):
		return fmt.Sprintf("%.0f MB", v)
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
