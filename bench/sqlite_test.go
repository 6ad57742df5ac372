package bench

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"claimdesk/claims"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // the pure-Go driver, registered as "sqlite"
)

// sqliteSchema is the schema a Go program on SQLite would start with:
// UUIDv7 text keys like ClaimDesk's, an index per filter, tags in their own
// table, an FTS5 index over the words a ClaimDesk query matches (its
// unicode61 tokenizer with remove_diacritics 2 folds "Corée" to "coree"),
// kept by the triggers SQLite's documentation gives for external-content
// tables (sqliteTriggers), and an events table for the history that every
// write appends to, as ClaimDesk's does. Such a program deletes rows
// outright, the events keeping their history, so claims have no tombstone
// column to filter on.
const sqliteSchema = `
CREATE TABLE articles (
	id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT NOT NULL,
	published_on TEXT NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
	text_sha256 TEXT NOT NULL UNIQUE, imported_at TEXT NOT NULL
);
CREATE TABLE claims (
	id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id),
	status TEXT NOT NULL, kind TEXT NOT NULL, rating TEXT NOT NULL, speaker TEXT NOT NULL,
	organization TEXT NOT NULL, summary TEXT NOT NULL, tags TEXT NOT NULL, assignee TEXT NOT NULL,
	check_worthiness REAL NOT NULL, updated_at INTEGER NOT NULL,
	text TEXT NOT NULL,
	body TEXT NOT NULL -- JSON: anchor, speaker role, claim date, verdict, publication
);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_rating ON claims(rating);
CREATE INDEX claims_article ON claims(article_id);
CREATE TABLE claim_tags (
	tag TEXT NOT NULL, claim INTEGER NOT NULL REFERENCES claims(rowid), PRIMARY KEY (tag, claim)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE claims_fts USING fts5(
	text, summary, speaker, organization, tags,
	content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE sources (
	id TEXT PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL, authors TEXT NOT NULL,
	publisher TEXT NOT NULL, issued TEXT NOT NULL, url TEXT NOT NULL, doi TEXT NOT NULL,
	accessed TEXT NOT NULL, archive_url TEXT NOT NULL, reliability TEXT NOT NULL,
	protected INTEGER NOT NULL, notes TEXT NOT NULL
);
CREATE TABLE evidence (
	id TEXT PRIMARY KEY, claim_id TEXT NOT NULL REFERENCES claims(id),
	source_id TEXT NOT NULL REFERENCES sources(id), excerpt TEXT NOT NULL,
	locator TEXT NOT NULL, stance TEXT NOT NULL, note TEXT NOT NULL
);
CREATE INDEX evidence_claim ON evidence(claim_id);
CREATE INDEX evidence_source ON evidence(source_id);
CREATE TABLE events (
	id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
	record_type TEXT NOT NULL, record_id TEXT NOT NULL, claim_id TEXT NOT NULL,
	summary TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL,
	prev TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX events_claim ON events(claim_id) WHERE claim_id != '';
`

// sqliteTriggers keep the FTS index up to date as claims change. A bulk
// import creates them last, after one 'rebuild' of the index: with them in
// place, every INSERT flushes FTS5's pending terms at its statement
// savepoint, which made the import three times slower.
const sqliteTriggers = `
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
	INSERT INTO claims_fts(rowid, text, summary, speaker, organization, tags)
	VALUES (new.rowid, new.text, new.summary, new.speaker, new.organization, new.tags);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
	INSERT INTO claims_fts(claims_fts, rowid, text, summary, speaker, organization, tags)
	VALUES ('delete', old.rowid, old.text, old.summary, old.speaker, old.organization, old.tags);
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
	INSERT INTO claims_fts(claims_fts, rowid, text, summary, speaker, organization, tags)
	VALUES ('delete', old.rowid, old.text, old.summary, old.speaker, old.organization, old.tags);
	INSERT INTO claims_fts(rowid, text, summary, speaker, organization, tags)
	VALUES (new.rowid, new.text, new.summary, new.speaker, new.organization, new.tags);
END;
`

// openSQLite opens a database as a desktop program would: WAL, fsync at
// every commit (synchronous=FULL), a 64 MiB page cache, and one connection,
// so every statement and transaction runs on the same one, in order.
func openSQLite(path string) (*sql.DB, error) {
	q := url.Values{"_pragma": {"journal_mode(WAL)", "synchronous(FULL)", "cache_size(-65536)", "busy_timeout(5000)"},
		"_txlock": {"immediate"}}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// sqFiles are the SQLite files of one run.
type sqFiles struct {
	big, small string
	claimIDs   [][]string // per article, for the edit benchmark
}

// buildSQLite writes the first n articles of the dataset, their sources and
// evidence, with one transaction per 100 articles.
func buildSQLite(path string, n int) ([][]string, error) {
	db, err := openSQLite(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.Exec(sqliteSchema); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	ids := newIDs(uint64(n))
	sourceIDs := make([]string, n*sourcesPerArticle)
	var claimIDs [][]string
	for from := 0; from < n; from += exportArticles {
		w, err := newSQLiteWriter(db, ids)
		if err != nil {
			return nil, err
		}
		if err := w.prepare(); err != nil {
			w.rollback()
			return nil, err
		}
		var gs []genArticle
		for i := from; i < min(n, from+exportArticles); i++ {
			g := article(i)
			if err := w.importArticle(g.Article, g.Claims); err != nil {
				w.rollback()
				return nil, err
			}
			gs = append(gs, g)
			list := make([]string, len(g.Claims))
			for j, c := range g.Claims {
				list[j] = c.ID
			}
			claimIDs = append(claimIDs, list)
		}
		for k := from * sourcesPerArticle; k < min(n, from+exportArticles)*sourcesPerArticle; k++ {
			s := source(k)
			if err := w.createSource(s); err != nil {
				w.rollback()
				return nil, err
			}
			sourceIDs[k] = s.ID
		}
		for _, g := range gs {
			for _, e := range g.Evidence {
				ev := &claims.Evidence{ClaimID: g.Claims[e.Claim].ID, SourceID: sourceIDs[e.Source],
					Excerpt: e.Excerpt, Locator: e.Locator, Stance: e.Stance}
				if err := w.attachEvidence(ev, g.Claims[e.Claim].ID); err != nil {
					w.rollback()
					return nil, err
				}
			}
		}
		if err := w.commit(); err != nil {
			return nil, err
		}
	}
	if err := indexSQLite(db); err != nil {
		return nil, err
	}
	// Fold the WAL back into the file, so size and copies see one file.
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return nil, err
	}
	return claimIDs, nil
}

// indexSQLite builds the FTS index of everything imported and creates the
// triggers that keep it, in one transaction.
func indexSQLite(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')"); err != nil {
		return fmt.Errorf("FTS rebuild: %w", err)
	}
	if _, err := tx.Exec(sqliteTriggers); err != nil {
		return fmt.Errorf("triggers: %w", err)
	}
	return tx.Commit()
}

// ids mints UUIDv7 strings in increasing order, from a fixed seed: one
// millisecond apart, as records written in a row would be.
type ids struct {
	ms uint64
	r  *rand.Rand
}

func newIDs(part uint64) *ids {
	return &ids{ms: uint64(baseDate.UnixMilli()), r: rand.New(rand.NewPCG(seed, 3<<32|part))}
}

func (g *ids) next() string {
	g.ms++
	var id uuid.UUID
	binary.BigEndian.PutUint64(id[:8], g.ms<<16)
	binary.BigEndian.PutUint64(id[8:], g.r.Uint64())
	binary.BigEndian.PutUint16(id[6:], 0x7000|uint16(g.r.Uint32()&0x0fff))
	id[8] = id[8]&0x3f | 0x80
	return id.String()
}

// sqliteWriter writes records in one transaction with prepared
// statements, each with its history event chained by hash as ClaimDesk
// chains its own (same canonical bytes, same SHA-256).
type sqliteWriter struct {
	tx                                      *sql.Tx
	ids                                     *ids
	now                                     time.Time
	head                                    string
	article, claim, tag, src, evidence, evt *sql.Stmt
}

// newSQLiteWriter begins the transaction; prepare readies the statements
// once the schema exists.
func newSQLiteWriter(db *sql.DB, ids *ids) (*sqliteWriter, error) {
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	return &sqliteWriter{tx: tx, ids: ids, now: time.Now().UTC()}, nil
}

func (w *sqliteWriter) prepare() error {
	err := w.tx.QueryRow("SELECT hash FROM events ORDER BY rowid DESC LIMIT 1").Scan(&w.head)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	for _, s := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.article, "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)"},
		{&w.claim, "INSERT INTO claims(id, article_id, status, kind, rating, speaker, organization, summary, tags, assignee, check_worthiness, updated_at, text, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
		{&w.tag, "INSERT INTO claim_tags VALUES (?, ?)"},
		{&w.src, "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"},
		{&w.evidence, "INSERT INTO evidence VALUES (?,?,?,?,?,?,?)"},
		{&w.evt, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"},
	} {
		if *s.stmt, err = w.tx.Prepare(s.sql); err != nil {
			return err
		}
	}
	return nil
}

func (w *sqliteWriter) commit() error { return w.tx.Commit() }
func (w *sqliteWriter) rollback()     { w.tx.Rollback() }

// event appends one history event, as the store's appendEvent does.
func (w *sqliteWriter) event(action, recordType, recordID, claimID, summary, before string, after any) error {
	raw, err := json.Marshal(after)
	if err != nil {
		return err
	}
	e := claims.Event{ID: w.ids.next(), At: w.now, Actor: "Bench", Action: action, RecordType: recordType,
		RecordID: recordID, ClaimID: claimID, Summary: summary, Before: before, After: string(raw), Prev: w.head}
	e.Hash = e.ComputeHash()
	w.head = e.Hash
	_, err = w.evt.Exec(e.ID, e.At.Format(time.RFC3339Nano), e.Actor, e.Action, e.RecordType, e.RecordID,
		e.ClaimID, e.Summary, e.Before, e.After, e.Prev, e.Hash)
	return err
}

func (w *sqliteWriter) importArticle(a *claims.Article, list []*claims.Claim) error {
	a.ID = w.ids.next()
	a.Freeze()
	if _, err := w.article.Exec(a.ID, a.Title, a.Outlet, a.URL, a.PublishedOn, a.Language, a.Text, a.TextSHA256,
		w.now.Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("article: %w", err)
	}
	meta := map[string]string{"title": a.Title, "url": a.URL, "text_sha256": a.TextSHA256}
	if err := w.event("article.import", "article", a.ID, "", fmt.Sprintf("imported the article %q", a.Title), "", meta); err != nil {
		return err
	}
	for _, c := range list {
		c.ID, c.ArticleID = w.ids.next(), a.ID
		body, err := json.Marshal(bodyOf(c))
		if err != nil {
			return err
		}
		rating := ""
		if c.Verdict != nil {
			rating = c.Verdict.Rating
		}
		res, err := w.claim.Exec(c.ID, c.ArticleID, string(c.Status), string(c.Kind), rating, c.Speaker.Name, c.Speaker.Organization,
			c.Summary, strings.Join(c.Tags, ","), c.Assignee, c.CheckWorthiness.Score, w.now.UnixMilli(), c.Text, body)
		if err != nil {
			return fmt.Errorf("claim: %w", err)
		}
		rowid, _ := res.LastInsertId()
		for _, tag := range c.Tags {
			if _, err := w.tag.Exec(tag, rowid); err != nil {
				return fmt.Errorf("tag: %w", err)
			}
		}
		if err := w.event("claim.create", "claim", c.ID, c.ID, fmt.Sprintf("added the claim %q", c.Summary), "", claimJSON(c)); err != nil {
			return err
		}
	}
	return nil
}

func (w *sqliteWriter) createSource(s *claims.Source) error {
	s.ID = w.ids.next()
	authors, _ := json.Marshal(s.Authors)
	if _, err := w.src.Exec(s.ID, string(s.Type), s.Title, string(authors), s.Publisher, s.Issued, s.URL, s.DOI, s.Accessed,
		s.ArchiveURL, string(s.Reliability), s.Protected, s.Notes); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	return w.event("source.create", "source", s.ID, "", fmt.Sprintf("added the source %q", s.Title), "", s)
}

func (w *sqliteWriter) attachEvidence(e *claims.Evidence, claimID string) error {
	e.ID = w.ids.next()
	if _, err := w.evidence.Exec(e.ID, e.ClaimID, e.SourceID, e.Excerpt, e.Locator, string(e.Stance), e.Note); err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	return w.event("evidence.attach", "evidence", e.ID, claimID, fmt.Sprintf("attached evidence (%s)", e.Stance), "", e)
}

// summaryColumns are what a list row shows, as ClaimSummary has them.
const summaryColumns = "id, article_id, status, kind, rating, speaker, summary, tags, assignee, check_worthiness, updated_at"

func scanSummaries(rows *sql.Rows) ([]claims.ClaimSummary, error) {
	defer rows.Close()
	var out []claims.ClaimSummary
	for rows.Next() {
		var s claims.ClaimSummary
		var tags string
		var updated int64
		if err := rows.Scan(&s.ID, &s.ArticleID, &s.Status, &s.Kind, &s.Rating, &s.Speaker, &s.Summary, &tags,
			&s.Assignee, &s.CheckWorthiness, &updated); err != nil {
			return nil, err
		}
		if tags != "" {
			s.Tags = strings.Split(tags, ",")
		}
		s.UpdatedAt = time.UnixMilli(updated).UTC()
		out = append(out, s)
	}
	return out, rows.Err()
}

// claimColumns are the columns scanClaims reads back into a whole claim.
const claimColumns = "id, article_id, status, kind, rating, speaker, organization, summary, tags, assignee, check_worthiness, updated_at, text, body"

func scanClaims(rows *sql.Rows) ([]*claims.Claim, error) {
	defer rows.Close()
	var out []*claims.Claim
	for rows.Next() {
		c := &claims.Claim{}
		var rating, tags string
		var updated int64
		var body []byte
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.Status, &c.Kind, &rating, &c.Speaker.Name, &c.Speaker.Organization,
			&c.Summary, &tags, &c.Assignee, &c.CheckWorthiness.Score, &updated, &c.Text, &body); err != nil {
			return nil, err
		}
		var b bodyDoc
		if err := json.Unmarshal(body, &b); err != nil {
			return nil, err
		}
		b.apply(c)
		if tags != "" {
			c.Tags = strings.Split(tags, ",")
		}
		c.Meta.UpdatedAt = time.UnixMilli(updated).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// ftsQuery turns the words of a ClaimDesk query into an FTS5 query: every
// word, as a prefix, since ClaimDesk matches words anywhere in the folded
// text ("coree" finds "coréen" too).
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(claims.Fold(q)) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"*`)
	}
	return strings.Join(terms, " AND ")
}

// sqliteCopy makes a consistent copy of the database with VACUUM INTO,
// SQLite's own compact online copy.
func sqliteCopy(ctx context.Context, db *sql.DB, path string) error {
	_, err := db.ExecContext(ctx, "VACUUM INTO ?", path)
	return err
}

func sqlitePaths(dir string) *sqFiles {
	return &sqFiles{big: filepath.Join(dir, "sqlite-100k.db"), small: filepath.Join(dir, "sqlite-10k.db")}
}
