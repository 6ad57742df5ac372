package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: claimdesk/bench
BenchmarkFilter/status/first_50_rows/claimdesk-2         	       3	 540000000 ns/op	        27.0 ms/op	        31.5 p95-ms	     10000 rows
BenchmarkFilter/status/first_50_rows/sqlite-2            	       3	 300000000 ns/op	        15.0 ms/op	        18.9 p95-ms	     10000 rows
BenchmarkSearch/summaries/coree_conteneurs/claimdesk-2 	3	 1 ns/op	 4.000 p95-ms
BenchmarkSearch/summaries/coree_conteneurs/sqlite-2 	3	 1 ns/op	 12.000 p95-ms
BenchmarkSearch/summaries/missiles/claimdesk-2 	3	 1 ns/op	 4.000 p95-ms	 1.000 floor-p95-ms
BenchmarkSearch/summaries/missiles/sqlite-2 	3	 1 ns/op	 6.000 p95-ms
BenchmarkWorkedSample/claimdesk-2 	1	 1 ns/op	 503.8 KB	 1049 KB-working
BenchmarkWorkedSample/sqlite-2 	1	 1 ns/op	 385.0 KB
BenchmarkCommands/W1_claims_--tag_--json/claimdesk-2 	1	 1 ns/op	 86.97 median-ms	 77.89 peak-MB
BenchmarkCommands/W1_claims_--tag_--json/sqlite-2 	1	 1 ns/op	 15.87 median-ms	 6.180 peak-MB
BenchmarkCopy/claimdesk-2                  	       3	 90000000 ns/op	        90.0 ms/op	       812.0 B/claim	      1400 B/claim-live	       750.0 B/claim-floor
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
		"| S3 filter by status, first 50 rows (p95) | 31.5 ms | 18.9 ms | 0.60 | ≤ 5 ms, or ≤ 1.5× its floor (missed) |",
		"| Window: one scroll step of the claim list, headless | 1.30 ms |  |  | ≤ 2 ms, no database read (met) |",
		"| S4 search “coree conteneurs” → list rows (p95) | 4.00 ms | 12.0 ms | 3.00 | ≤ 16 ms and ratio ≥ 2 (met) |",
		"| S4 search “missiles” → list rows (p95) | 4.00 ms | 6.00 ms | 1.50 | ≤ 16 ms and ratio ≥ 2 (4.00× its floor of 1.00 ms: missed) |",
		"| S1 worked sample case (21 claims checked), compact copy | 504 KB | 385 KB | 0.76 | ≤ 120 KB, and no larger than SQLite (missed) |",
		"| S2 bytes per claim, compact copy of 100,000 claims | 812 B | 700 B | 0.86 | ratio ≥ 1.0 (ratio stopped by its floor of 750 B, 1.08× it: met) |",
		"| S2 bytes per claim, working file of 100,000 claims | 1400 B | 900 B | 0.64 | ≤ 1.3× the copy (1.72×, missed) |",
		"| S8 consistent copy of the 100,000-claim file | 90.0 ms | 180 ms | 2.00 | ≤ 1 s (met) |",
		"| W1 claims --tag --json (median) | 87.0 ms | 15.9 ms | 0.18 | ratio ≥ 0.7 (missed) |",
		"| W1 claims --tag --json, peak memory | 78 MB | 6 MB | 0.08 | ≤ 64 MB (missed) |",
		"| LoadAllSummaries | 150 ms |  |  |  |",
		"| Window: launch to the first rows at 100,000 claims, real window under Xvfb (median) | 371 ms |  |  | ≤ 300 ms, or ≤ 1.5× its floor (1.28× its floor of 290 ms: met) |",
		"| Window floor: the same window on the 21-claim sample (median) | 290 ms |  |  |  |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks\n%s\n in\n%s", want, table)
		}
	}
}
