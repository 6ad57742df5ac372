package bench

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"claimdesk/claims"
	"claimdesk/claims/export"
)

// exportBaseURL is where the benchmark's verdicts are published, as set in
// ClaimDesk's settings.
const exportBaseURL = "https://verif.example.fr/verdicts"

// sqliteCase is what a report needs, read from SQLite in one transaction:
// the claims with their articles, evidence and cited sources.
type sqliteCase struct {
	Claims   []*claims.Claim
	Articles map[string][2]string // ID → title, URL
	Evidence map[string][]*claims.Evidence
	Sources  map[string]*claims.Source
	Order    []string // source IDs, oldest first
}

func readSQLiteCase(ctx context.Context, db *sql.DB) (*sqliteCase, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cs := &sqliteCase{Articles: map[string][2]string{}, Evidence: map[string][]*claims.Evidence{}, Sources: map[string]*claims.Source{}}
	rows, err := tx.QueryContext(ctx, "SELECT id, title, url FROM articles")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var a [2]string
		if err := rows.Scan(&id, &a[0], &a[1]); err != nil {
			rows.Close()
			return nil, err
		}
		cs.Articles[id] = a
	}
	rows.Close()
	if rows, err = tx.QueryContext(ctx, "SELECT "+claimColumns+" FROM claims ORDER BY rowid"); err != nil {
		return nil, err
	}
	if cs.Claims, err = scanClaims(rows); err != nil {
		return nil, err
	}
	if rows, err = tx.QueryContext(ctx, "SELECT id, claim_id, source_id, excerpt, locator, stance, note FROM evidence ORDER BY rowid"); err != nil {
		return nil, err
	}
	for rows.Next() {
		e := &claims.Evidence{}
		if err := rows.Scan(&e.ID, &e.ClaimID, &e.SourceID, &e.Excerpt, &e.Locator, &e.Stance, &e.Note); err != nil {
			rows.Close()
			return nil, err
		}
		cs.Evidence[e.ClaimID] = append(cs.Evidence[e.ClaimID], e)
	}
	rows.Close()
	if rows, err = tx.QueryContext(ctx, `SELECT id, type, title, authors, publisher, issued, url, doi, accessed, archive_url, reliability, protected, notes
		FROM sources WHERE id IN (SELECT source_id FROM evidence) ORDER BY rowid`); err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		s := &claims.Source{}
		var authors string
		if err := rows.Scan(&s.ID, &s.Type, &s.Title, &authors, &s.Publisher, &s.Issued, &s.URL, &s.DOI, &s.Accessed,
			&s.ArchiveURL, &s.Reliability, &s.Protected, &s.Notes); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(authors), &s.Authors); err != nil {
			return nil, err
		}
		cs.Sources[s.ID] = s
		cs.Order = append(cs.Order, s.ID)
	}
	return cs, rows.Err()
}

// sqliteExport writes what a SQLite-based program would: CSV with the
// columns of ClaimDesk's CSV, or JSON of the claims with their evidence and
// the sources they cite.
func sqliteExport(ctx context.Context, db *sql.DB, w io.Writer, format export.Format) error {
	cs, err := readSQLiteCase(ctx, db)
	if err != nil {
		return err
	}
	if format == export.JSON {
		return writeSQLiteJSON(w, cs)
	}
	return writeSQLiteCSV(w, cs)
}

func writeSQLiteCSV(w io.Writer, cs *sqliteCase) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write([]string{"number", "claim_id", "article", "article_url", "status", "speaker", "speaker_role",
		"speaker_organization", "claim_date", "kind", "text", "summary", "tags", "rating", "rating_label", "rating_value",
		"explanation", "verdict_author", "approved_by", "approved_at", "published_at", "corrections", "evidence", "sources",
		"verdict_url"}); err != nil {
		return err
	}
	for n, c := range cs.Claims {
		var rating, label, value, explanation, author, published, verdictURL string
		if v := c.Verdict; v != nil {
			r, _ := claims.ScaleFrench.Rating(v.Rating)
			rating, label, value, explanation, author = v.Rating, r.Label, strconv.Itoa(r.Value), v.Explanation, v.Author
		}
		if !c.PublishedAt.IsZero() {
			published, verdictURL = c.PublishedAt.Format(time.RFC3339), exportBaseURL+"/"+c.ID
		}
		var cited []string
		for _, e := range cs.Evidence[c.ID] {
			if s := cs.Sources[e.SourceID]; s != nil {
				cited = append(cited, fmt.Sprintf("%s, %s, %s", s.Title, s.Publisher, s.URL))
			}
		}
		a := cs.Articles[c.ArticleID]
		if err := cw.Write([]string{strconv.Itoa(n + 1), c.ID, a[0], a[1], c.Status.Label(), c.Speaker.Name, c.Speaker.Role,
			c.Speaker.Organization, c.ClaimDate, c.Kind.Label(), c.Text, c.Summary, strings.Join(c.Tags, "; "), rating, label,
			value, explanation, author, "", "", published, "0", strconv.Itoa(len(cs.Evidence[c.ID])), strings.Join(cited, " | "),
			verdictURL}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeSQLiteJSON(w io.Writer, cs *sqliteCase) error {
	type claimOut struct {
		*claims.Claim
		Evidence []*claims.Evidence
	}
	out := struct {
		Claims  []claimOut
		Sources []*claims.Source
	}{}
	for _, c := range cs.Claims {
		out.Claims = append(out.Claims, claimOut{c, cs.Evidence[c.ID]})
	}
	for _, id := range cs.Order {
		out.Sources = append(out.Sources, cs.Sources[id])
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
