package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: claimdesk/bench
BenchmarkFilter/status/claimdesk-2         	       3	 540000000 ns/op	        27.0 ms/op	        31.5 p95-ms	     10000 rows
BenchmarkFilter/status/sqlite-2            	       3	 300000000 ns/op	        15.0 ms/op	        18.9 p95-ms	     10000 rows
BenchmarkSearch/summaries/coree_conteneurs/claimdesk-2 	3	 1 ns/op	 4.000 p95-ms
BenchmarkCopy/claimdesk-2                  	       3	 90000000 ns/op	        90.0 ms/op	       812.0 B/claim	      1400 B/claim-live
BenchmarkCopy/sqlite-2                     	       3	 180000000 ns/op	       180.0 ms/op	       700.0 B/claim	       900 B/claim-live
pkg: claimdesk/store
BenchmarkLoadAllSummaries-2                	       5	 150000000 ns/op
BenchmarkScrollStep-2   	       5	   1274862 ns/op	         1.298 ms/step
BenchmarkLaunchToFirstRows-2 	       9	 1 ns/op	       371.0 ms-to-first-rows	         0.4 ms-db-open	       290.0 ms-floor
--- BENCH: BenchmarkSomething
ok  	claimdesk/bench	300.1s
`

func TestTable(t *testing.T) {
	rows, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	write(&out, lines(rows))
	table := out.String()
	for _, want := range []string{
		"| T2 filter by status (p95) | 31.5 ms | 18.9 ms | 0.60 | ≤ 5 ms (missed) |",
		"| T3 one scroll step of the claim list, headless | 1.30 ms |  |  | ≤ 2 ms, no database read (met) |",
		"| T2 search “coree conteneurs” → list rows (p95) | 4.00 ms |  |  | ≤ 50 ms full text (≤ 16 ms titles) (met) |",
		"| T6 bytes per claim, shared copy of the full dataset | 812 B | 700 B | 0.86 | ≤ 850 B (for claims alone) (met) |",
		"| T6 bytes per claim, working file of the full dataset | 1400 B | 900 B | 0.64 | ≤ 1.5× the copy (1.72×, missed) |",
		"| T9 consistent copy of the 100k file | 90.0 ms | 180 ms | 2.00 | ≤ 150 ms (met) |",
		"| LoadAllSummaries | 150 ms |  |  |  |",
		"| T1 launch to first claim-list rows, real window under Xvfb (median) | 371 ms |  |  | ≤ 300 ms, or ≤ 1.5× its floor (1.28× its floor of 290 ms: met) |",
		"| T1 floor: the same window on the 21-claim sample (median) | 290 ms |  |  |  |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks\n%s\n in\n%s", want, table)
		}
	}
}
