// Package bench compares ClaimDesk's store with SQLite on the workload the
// performance targets are written for: 100,000 claims in 1,000 articles,
// 20,000 sources and 300,000 evidence links, in French and English.
//
// Everything is in test files, so SQLite (modernc.org/sqlite) is a
// dependency of the benchmarks only and never of the program. Run
//
//	go test -run '^$' -bench . -benchtime 3x ./bench
//
// or `make bench`, which also prints the comparison table with
// `go run ./bench/cmd/benchtable`. The dataset is generated from a fixed
// seed and built once per run, for both engines, in a temporary folder;
// building it takes about five minutes, and the times are printed to
// stderr (which go test folds into its output, as "bench setup:" lines).
// With -short, everything runs on a tenth of the dataset.
//
// Every benchmark has two sub-benchmarks, "claimdesk" and "sqlite", doing
// the same work through each engine's ordinary API. Latency rows time many
// calls per benchmark iteration and report their own metrics: ms/op is the
// mean of one call, p50-ms, p95-ms and p99-ms its percentiles. The ns/op
// that the testing package prints then covers a whole batch of calls.
package bench
