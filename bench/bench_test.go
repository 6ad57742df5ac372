package bench

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/export"
	"claimdesk/store"
)

// callsPerOp is how many calls one iteration of a latency benchmark makes,
// so that even -benchtime 3x gives percentiles over dozens of calls.
const callsPerOp = 20

// The filters and queries of the T2 rows. Each matches between 1% and 15%
// of the claims.
var (
	filterStatus  = claims.StatusVerdictDrafted
	filterRating  = "trompeur"
	filterTag     = "logement"
	filterSpeaker = "Mark Rutte"
	queries       = []string{"coree conteneurs", "stoltenberg", "missiles"}
)

// openCD opens a ClaimDesk file the program wrote itself, as the window
// does (no deep check), for the length of the benchmark.
func openCD(b *testing.B, path string) *store.DB {
	b.Helper()
	db, err := store.Open(path, store.Options{SkipDeepCheck: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func openSQ(b *testing.B, path string) *sql.DB {
	b.Helper()
	db, err := openSQLite(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// reportRows reports how many rows a query returned, so a reader can check
// both engines answered the same question.
func reportRows(b *testing.B, n int) {
	b.ReportMetric(float64(n), "rows")
}

// BenchmarkOpenFirst50 is the database's share of T1: open the file and
// read the first screen of the list with the total count, from a file the
// OS has cached.
func BenchmarkOpenFirst50(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	b.Run("claimdesk", func(b *testing.B) {
		var l latencies
		for b.Loop() {
			for range callsPerOp {
				l.time(b, func() error {
					db, err := store.Open(e.cd.big, store.Options{SkipDeepCheck: true})
					if err != nil {
						return err
					}
					defer db.Close()
					list, total, err := db.FindClaimSummaries(ctx, claims.ClaimFilter{Limit: 50})
					if err == nil && (len(list) != 50 || total != numClaims()) {
						err = fmt.Errorf("%d rows of %d", len(list), total)
					}
					return err
				})
			}
		}
		l.report(b)
	})
	b.Run("sqlite", func(b *testing.B) {
		var l latencies
		for b.Loop() {
			for range callsPerOp {
				l.time(b, func() error {
					db, err := openSQLite(e.sq.big)
					if err != nil {
						return err
					}
					defer db.Close()
					rows, err := db.QueryContext(ctx, "SELECT "+summaryColumns+" FROM claims ORDER BY rowid LIMIT 50")
					if err != nil {
						return err
					}
					list, err := scanSummaries(rows)
					if err != nil {
						return err
					}
					var total int
					if err := db.QueryRowContext(ctx, "SELECT count(*) FROM claims").Scan(&total); err != nil {
						return err
					}
					if len(list) != 50 || total != numClaims() {
						return fmt.Errorf("%d rows of %d", len(list), total)
					}
					return nil
				})
			}
		}
		l.report(b)
	})
}

// BenchmarkFilter is S3's field filters, each two ways: the whole list of
// claims with one status, rating, tag or speaker, and the first screen of
// it with the number of matches, as a list shows them first.
func BenchmarkFilter(b *testing.B) {
	e := setup(b)
	cases := []struct {
		name   string
		filter claims.ClaimFilter
		where  string
		arg    string
	}{
		{"status", claims.ClaimFilter{Status: &filterStatus}, "status = ?", string(filterStatus)},
		{"rating", claims.ClaimFilter{Rating: &filterRating}, "rating = ?", filterRating},
		{"tag", claims.ClaimFilter{Tag: &filterTag}, "rowid IN (SELECT claim FROM claim_tags WHERE tag = ?)", filterTag},
		{"speaker", claims.ClaimFilter{Speaker: &filterSpeaker}, "speaker = ?", filterSpeaker},
	}
	for _, c := range cases {
		for _, shape := range []string{"whole_list", "first_50_rows"} {
			b.Run(c.name+"/"+shape, func(b *testing.B) {
				f, limit := c.filter, ""
				if shape == "first_50_rows" {
					f.Limit, limit = 50, " LIMIT 50"
				}
				b.Run("claimdesk", func(b *testing.B) {
					db := openCD(b, e.cd.big)
					rows := benchLatency(b, func() (int, error) {
						list, _, err := db.FindClaimSummaries(context.Background(), f)
						return len(list), err
					})
					reportListFloor(b, db, rows)
				})
				b.Run("sqlite", func(b *testing.B) {
					db := openSQ(b, e.sq.big)
					query := "SELECT " + summaryColumns + " FROM claims WHERE " + c.where + " ORDER BY rowid" + limit
					benchLatency(b, func() (int, error) {
						return sqliteRows(db, query, shape == "first_50_rows", c.where, c.arg)
					})
				})
			})
		}
	}
}

// benchLatency times callsPerOp calls of fn per iteration, reports their
// percentiles and the rows of the last call, and returns those rows.
func benchLatency(b *testing.B, fn func() (int, error)) int {
	var l latencies
	var n int
	for b.Loop() {
		for range callsPerOp {
			l.time(b, func() error {
				var err error
				n, err = fn()
				return err
			})
		}
	}
	l.report(b)
	reportRows(b, n)
	return n
}

// reportListFloor measures what any list of rows costs, whatever finds
// them: the first rows of the unfiltered list, as many, read one after the
// other and copied out of the file. Its p95 is the floor of a whole
// filtered list of that length.
func reportListFloor(b *testing.B, db *store.DB, rows int) {
	var l latencies
	for range callsPerOp * 5 {
		l.time(b, func() error {
			list, _, err := db.FindClaimSummaries(context.Background(), claims.ClaimFilter{Limit: rows})
			if err == nil && len(list) != rows {
				err = fmt.Errorf("%d rows for the floor, want %d", len(list), rows)
			}
			return err
		})
	}
	b.ReportMetric(l.percentile(0.95), "floor-p95-ms")
}

// sqliteRows runs a list query, and with counted the count of its matches
// too, as a list's first screen needs.
func sqliteRows(db *sql.DB, query string, counted bool, where, arg string) (int, error) {
	rows, err := db.QueryContext(context.Background(), query, arg)
	if err != nil {
		return 0, err
	}
	list, err := scanSummaries(rows)
	if err != nil || !counted {
		return len(list), err
	}
	var total int
	err = db.QueryRowContext(context.Background(), "SELECT count(*) FROM claims WHERE "+where, arg).Scan(&total)
	return len(list), err
}

// BenchmarkSearch is T2's text search, ignoring case and accents, over the
// words ClaimDesk's Query covers: the claim's full text, summary, speaker,
// organisation and tags. ClaimDesk's summaries carry that text folded, so
// FindClaimSummaries is already a full-text search; "summaries" returns
// list rows and "claims" (FindClaims) whole decoded claims. SQLite answers
// from its FTS5 index.
func BenchmarkSearch(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	for _, result := range []string{"summaries", "claims"} {
		for _, q := range queries {
			b.Run(result+"/"+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
				b.Run("claimdesk", func(b *testing.B) {
					db := openCD(b, e.cd.big)
					f := claims.ClaimFilter{Query: q}
					var l latencies
					var n int
					for b.Loop() {
						for range callsPerOp {
							l.time(b, func() error {
								var err error
								if result == "summaries" {
									var list []claims.ClaimSummary
									list, _, err = db.FindClaimSummaries(ctx, f)
									n = len(list)
								} else {
									var list []*claims.Claim
									list, _, err = db.FindClaims(ctx, f)
									n = len(list)
								}
								return err
							})
						}
					}
					l.report(b)
					reportRows(b, n)
					if result == "summaries" {
						reportListFloor(b, db, n)
					}
				})
				b.Run("sqlite", func(b *testing.B) {
					db := openSQ(b, e.sq.big)
					columns := summaryColumns
					if result == "claims" {
						columns = claimColumns
					}
					query := "SELECT " + columns + " FROM claims WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) ORDER BY rowid"
					var l latencies
					var n int
					for b.Loop() {
						for range callsPerOp {
							l.time(b, func() error {
								rows, err := db.QueryContext(ctx, query, ftsQuery(q))
								if err != nil {
									return err
								}
								if result == "summaries" {
									var list []claims.ClaimSummary
									list, err = scanSummaries(rows)
									n = len(list)
								} else {
									var list []*claims.Claim
									list, err = scanClaims(rows)
									n = len(list)
								}
								return err
							})
						}
					}
					l.report(b)
					reportRows(b, n)
				})
			})
		}
	}
}

// BenchmarkExport10k is T4: 10,000 claims with their evidence and sources
// written to a file and fsynced. ClaimDesk's JSON is its lossless dump
// (every revision and history event too); SQLite's is the claims with
// their evidence and sources. SQLite has no HTML row.
func BenchmarkExport10k(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	for _, format := range []export.Format{export.CSV, export.JSON, export.HTML} {
		b.Run(string(format), func(b *testing.B) {
			b.Run("claimdesk", func(b *testing.B) {
				db := openCD(b, e.cd.small)
				out := filepath.Join(b.TempDir(), "export"+format.Extension())
				var size int64
				for b.Loop() {
					var err error
					size, err = writeSynced(out, func(w io.Writer) error {
						return export.Write(ctx, db, w, export.Request{Format: format})
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
				b.ReportMetric(float64(size)/1e6, "MB")
			})
			if format == export.HTML {
				return
			}
			b.Run("sqlite", func(b *testing.B) {
				db := openSQ(b, e.sq.small)
				out := filepath.Join(b.TempDir(), "export"+format.Extension())
				var size int64
				for b.Loop() {
					var err error
					size, err = writeSynced(out, func(w io.Writer) error {
						return sqliteExport(ctx, db, w, format)
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
				b.ReportMetric(float64(size)/1e6, "MB")
			})
		})
	}
}

// writeSynced writes a file through a buffer and fsyncs it, as an export
// to disk does, and returns its size.
func writeSynced(path string, write func(io.Writer) error) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<16)
	if err := write(w); err != nil {
		return 0, err
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return info.Size(), f.Close()
}

// BenchmarkCopy is T9, a consistent copy of the open 100,000-claim
// database, and T6, the copy's size per claim. ClaimDesk's SaveCopy writes
// a compact file; SQLite's VACUUM INTO does the same. B/claim-live is the
// working file as the setup left it.
func BenchmarkCopy(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	run := func(b *testing.B, live string, copyTo func(path string) error, floor bool) {
		dir := b.TempDir()
		var size int64
		var least, history int
		n := 0
		for b.Loop() {
			n++
			path := filepath.Join(dir, fmt.Sprintf("copy-%d.db", n))
			if err := copyTo(path); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			info, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			size = info.Size()
			if floor && n == 1 {
				least, history = storedFloor(b, path)
			}
			os.Remove(path)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		b.ReportMetric(float64(size)/float64(numClaims()), "B/claim")
		if info, err := os.Stat(live); err == nil {
			b.ReportMetric(float64(info.Size())/float64(numClaims()), "B/claim-live")
		}
		if floor {
			b.ReportMetric(float64(least)/float64(numClaims()), "B/claim-floor")
			b.ReportMetric(float64(history)/float64(numClaims()), "B/claim-history")
		}
	}
	b.Run("claimdesk", func(b *testing.B) {
		db := openCD(b, e.cd.big)
		run(b, e.cd.big, func(path string) error { return db.SaveCopy(actor, path, claims.CopyOptions{}) }, true)
	})
	b.Run("sqlite", func(b *testing.B) {
		db := openSQ(b, e.sq.big)
		run(b, e.sq.big, func(path string) error { return sqliteCopy(ctx, db, path) }, false)
	})
}

// BenchmarkEdit is T7: one claim's summary edited and saved with its
// history event, fsynced, on a private copy of the 100,000-claim file
// (flushed to disk first).
// SQLite reads the claim, updates it (its FTS triggers follow) and appends
// a hash-chained event in one transaction, in WAL mode with
// synchronous=FULL.
func BenchmarkEdit(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	const editsPerOp = 100
	b.Run("claimdesk", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "edit.db")
		if err := copyFile(e.cd.big, path); err != nil {
			b.Fatal(err)
		}
		if err := syncFile(path); err != nil {
			b.Fatal(err)
		}
		db := openCD(b, path)
		var l latencies
		n := 0
		for b.Loop() {
			for range editsPerOp {
				n++
				id := pickClaim(e.cd.claimIDs, n)
				summary := fmt.Sprintf("Résumé révisé n° %d", n)
				l.time(b, func() error {
					_, err := db.UpdateClaim(actor, id, claims.ClaimUpdate{Summary: &summary})
					return err
				})
			}
		}
		l.report(b)
	})
	b.Run("sqlite", func(b *testing.B) {
		dir := b.TempDir()
		path := filepath.Join(dir, "edit.db")
		src := openSQ(b, e.sq.big)
		if err := sqliteCopy(ctx, src, path); err != nil {
			b.Fatal(err)
		}
		if err := syncFile(path); err != nil {
			b.Fatal(err)
		}
		db := openSQ(b, path)
		ids := newIDs(99)
		var l latencies
		n := 0
		for b.Loop() {
			for range editsPerOp {
				n++
				id := pickClaim(e.sq.claimIDs, n)
				summary := fmt.Sprintf("Résumé révisé n° %d", n)
				l.time(b, func() error { return sqliteEdit(ctx, db, ids, id, summary) })
			}
		}
		l.report(b)
	})
}

// syncFile flushes a fresh copy to disk before the edits start: otherwise
// the first edit's fsync writes out the whole copy, and its time is the
// copy's, not the edit's.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// pickClaim spreads edits over the whole file, as a newsroom's are.
func pickClaim(ids [][]string, n int) string {
	a := (n * 7919) % len(ids)
	return ids[a][(n*31)%len(ids[a])]
}

func sqliteEdit(ctx context.Context, db *sql.DB, ids *ids, id, summary string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var before, head string
	if err := tx.QueryRowContext(ctx, "SELECT summary FROM claims WHERE id = ?", id).Scan(&before); err != nil {
		return err
	}
	now := time.Now().UTC()
	if _, err := tx.ExecContext(ctx, "UPDATE claims SET summary = ?, updated_at = ? WHERE id = ?", summary, now.UnixMilli(), id); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, "SELECT hash FROM events ORDER BY rowid DESC LIMIT 1").Scan(&head); err != nil {
		return err
	}
	ev := claims.Event{ID: ids.next(), At: now, Actor: "Bench", Action: "claim.update", RecordType: "claim",
		RecordID: id, ClaimID: id, Summary: "edited the claim",
		Before: fmt.Sprintf(`{"summary":%q}`, before), After: fmt.Sprintf(`{"summary":%q}`, summary), Prev: head}
	ev.Hash = ev.ComputeHash()
	if _, err := tx.ExecContext(ctx, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", ev.ID, ev.At.Format(time.RFC3339Nano),
		ev.Actor, ev.Action, ev.RecordType, ev.RecordID, ev.ClaimID, ev.Summary, ev.Before, ev.After, ev.Prev, ev.Hash); err != nil {
		return err
	}
	return tx.Commit()
}

// copyFile copies a closed database file, streaming: the 100,000-claim
// files are too big to read whole.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// BenchmarkImport100k is S7: 100,000 claims in 1,000 articles into a new
// file. ClaimDesk imports them with ImportArticles, the bulk import of a
// folder, in one transaction. SQLite creates the
// schema and imports everything in one transaction with prepared
// statements: rows, tags, events, indexes and the FTS index. Both report
// the size of the file they made (T6 for claims without evidence).
func BenchmarkImport100k(b *testing.B) {
	scale()
	articles := make([]genArticle, numArticles)
	for i := range articles {
		articles[i] = article(i)
	}
	b.Run("claimdesk", func(b *testing.B) {
		dir := b.TempDir()
		n := 0
		for b.Loop() {
			n++
			db, err := store.Open(filepath.Join(dir, fmt.Sprintf("import-%d.db", n)), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			batch := make([]*claims.ArticleImport, len(articles))
			for i, g := range articles {
				a, list := cloneArticle(g)
				batch[i] = &claims.ArticleImport{Article: a, Claims: list}
			}
			if err := db.ImportArticles(actor, batch); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			compact := db.Path() + ".copy"
			if err := db.SaveCopy(actor, compact, claims.CopyOptions{}); err != nil {
				b.Fatal(err)
			}
			db.Close()
			reportSizes(b, compact, db.Path())
			os.Remove(db.Path())
			os.Remove(compact)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		b.ReportMetric(float64(numClaims()*b.N)/b.Elapsed().Seconds(), "claims/s")
	})
	b.Run("sqlite", func(b *testing.B) {
		dir := b.TempDir()
		n := 0
		for b.Loop() {
			n++
			path := filepath.Join(dir, fmt.Sprintf("import-%d.db", n))
			if err := sqliteImport(path, articles); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			reportSizes(b, path, path) // closed, its WAL folded in: as compact as VACUUM leaves it
			os.Remove(path)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		b.ReportMetric(float64(numClaims()*b.N)/b.Elapsed().Seconds(), "claims/s")
	})
}

// BenchmarkImport100kRestore is the one single-transaction way the store
// has to fill a new file: Restore from a JSON dump of the same 100,000
// claims (written once, untimed). It validates every record and verifies
// the history as it goes.
func BenchmarkImport100kRestore(b *testing.B) {
	scale()
	dir := b.TempDir()
	dump := filepath.Join(dir, "dump.json")
	src, err := store.Open(filepath.Join(dir, "source.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < numArticles; i++ {
		if err := importSigned(src, article(i)); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := writeSynced(dump, func(w io.Writer) error { return src.WriteDump(actor, w, claims.CaseFilter{}) }); err != nil {
		b.Fatal(err)
	}
	src.Close()
	b.Run("claimdesk", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n++
			f, err := os.Open(dump)
			if err != nil {
				b.Fatal(err)
			}
			db, err := store.Restore(actor, filepath.Join(dir, fmt.Sprintf("restored-%d.db", n)), bufio.NewReaderSize(f, 1<<16), store.Options{})
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			db.Close()
			os.Remove(db.Path())
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
	})
}

// reportSizes reports the size per claim of a compact file and of the
// working file a run left: T6 for a file of claims alone, without
// evidence and sources.
func reportSizes(b *testing.B, compact, live string) {
	for _, f := range []struct{ path, unit string }{{compact, "B/claim"}, {live, "B/claim-live"}} {
		info, err := os.Stat(f.path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(info.Size())/float64(numClaims()), f.unit)
	}
}

// cloneArticle returns fresh copies of a generated article and its claims:
// the store sets IDs on what it is given.
func cloneArticle(g genArticle) (*claims.Article, []*claims.Claim) {
	a := *g.Article
	list := make([]*claims.Claim, len(g.Claims))
	for i, c := range g.Claims {
		cc := *c
		list[i] = &cc
	}
	return &a, list
}

// sqliteImport imports the articles into a new file in one transaction:
// rows through prepared statements, then the FTS index in one pass, then
// its triggers.
func sqliteImport(path string, articles []genArticle) error {
	db, err := openSQLite(path)
	if err != nil {
		return err
	}
	defer db.Close()
	w, err := newSQLiteWriter(db, newIDs(7))
	if err != nil {
		return err
	}
	defer w.rollback()
	if _, err := w.tx.Exec(sqliteSchema); err != nil {
		return err
	}
	if err := w.prepare(); err != nil {
		return err
	}
	for _, g := range articles {
		a, list := cloneArticle(g)
		if err := w.importArticle(a, list); err != nil {
			return err
		}
	}
	if _, err := w.tx.Exec("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')"); err != nil {
		return err
	}
	if _, err := w.tx.Exec(sqliteTriggers); err != nil {
		return err
	}
	return w.commit()
}

// BenchmarkCheck is T12. "whole" is the store's Check (bbolt's page check,
// the history's hash chains, every record decoded and every index and
// summary compared) against SQLite's quick_check; "file" is the check a
// file from elsewhere gets before it is opened (store.CheckFile: meta
// pages, a walk of every page, then bbolt's own check) against the same
// quick_check; "integrity" is SQLite's full integrity_check, which also
// compares every index with its table.
func BenchmarkCheck(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	quick := func(b *testing.B, pragma string) {
		db := openSQ(b, e.sq.big)
		for b.Loop() {
			var result string
			if err := db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&result); err != nil || result != "ok" {
				b.Fatalf("%s: %q, %v", pragma, result, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
	}
	b.Run("whole", func(b *testing.B) {
		b.Run("claimdesk", func(b *testing.B) {
			db := openCD(b, e.cd.big)
			for b.Loop() {
				report, err := db.Check(ctx)
				if err != nil || len(report.Problems) > 0 {
					b.Fatalf("check: %v, %v", err, report)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		})
		b.Run("sqlite", func(b *testing.B) { quick(b, "quick_check") })
	})
	b.Run("file", func(b *testing.B) {
		b.Run("claimdesk", func(b *testing.B) {
			for b.Loop() {
				if err := store.CheckFile(e.cd.big); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		})
		b.Run("sqlite", func(b *testing.B) { quick(b, "quick_check") })
	})
	b.Run("integrity", func(b *testing.B) {
		b.Run("sqlite", func(b *testing.B) { quick(b, "integrity_check") })
	})
}
