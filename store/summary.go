package store

import (
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"claimdesk/claims"
)

// A claim summary is a small binary record kept beside each claim so that
// lists and filters never decode JSON. Layout, after a format byte:
//
//	flags (1) · updated, Unix ms (8) · check-worthiness × 10000 (2) · article ID (16)
//	then uvarint-length strings: status, kind, rating, speaker, summary,
//	assignee, tags joined by unit separators, and the folded search text.
const summaryFormat = 1

const (
	summaryDeleted byte = 1 << iota
)

const tagSeparator = "\x1f"

type summary struct {
	claims.ClaimSummary
	search string // text, summary, speaker and tags, folded for matching
}

func summaryOf(c *claims.Claim) summary {
	s := summary{ClaimSummary: claims.ClaimSummary{
		ID: c.ID, ArticleID: c.ArticleID, Status: c.Status, Kind: c.Kind,
		Speaker: c.Speaker.Name, Summary: c.Summary, Tags: c.Tags, Assignee: c.Assignee,
		CheckWorthiness: c.CheckWorthiness.Score, UpdatedAt: c.Meta.UpdatedAt, Deleted: c.Meta.Deleted,
	}}
	if c.Verdict != nil {
		s.Rating = c.Verdict.Rating
	}
	s.search = claims.Fold(strings.Join([]string{c.Text, c.Summary, c.Speaker.Name, c.Speaker.Organization, strings.Join(c.Tags, " ")}, "\n"))
	return s
}

func encodeSummary(s summary) []byte {
	buf := make([]byte, 0, 64+len(s.Summary)+len(s.search))
	var flags byte
	if s.Deleted {
		flags |= summaryDeleted
	}
	buf = append(buf, summaryFormat, flags)
	buf = binary.BigEndian.AppendUint64(buf, uint64(s.UpdatedAt.UnixMilli()))
	buf = binary.BigEndian.AppendUint16(buf, uint16(s.CheckWorthiness*10000+0.5))
	article := make([]byte, 16)
	if key, err := parseID("Article", s.ArticleID); err == nil {
		copy(article, key)
	}
	buf = append(buf, article...)
	for _, field := range []string{string(s.Status), string(s.Kind), s.Rating, s.Speaker, s.Summary,
		s.Assignee, strings.Join(s.Tags, tagSeparator), s.search} {
		buf = binary.AppendUvarint(buf, uint64(len(field)))
		buf = append(buf, field...)
	}
	return buf
}

var errBadSummary = errors.New("damaged claim summary")

func decodeSummary(key, buf []byte) (summary, error) {
	const fixed = 2 + 8 + 2 + 16
	if len(buf) < fixed || buf[0] != summaryFormat {
		return summary{}, errBadSummary
	}
	s := summary{ClaimSummary: claims.ClaimSummary{
		ID:              idString(key),
		Deleted:         buf[1]&summaryDeleted != 0,
		UpdatedAt:       time.UnixMilli(int64(binary.BigEndian.Uint64(buf[2:]))).UTC(),
		CheckWorthiness: float64(binary.BigEndian.Uint16(buf[10:])) / 10000,
		ArticleID:       idString(buf[12:28]),
	}}
	fields := make([]string, 8)
	rest := buf[fixed:]
	for i := range fields {
		n, size := binary.Uvarint(rest)
		if size <= 0 || uint64(len(rest)-size) < n {
			return summary{}, errBadSummary
		}
		fields[i] = string(rest[size : size+int(n)])
		rest = rest[size+int(n):]
	}
	s.Status, s.Kind, s.Rating, s.Speaker = claims.Status(fields[0]), claims.Kind(fields[1]), fields[2], fields[3]
	s.Summary, s.Assignee, s.search = fields[4], fields[5], fields[7]
	if fields[6] != "" {
		s.Tags = strings.Split(fields[6], tagSeparator)
	}
	return s, nil
}

// matches reports whether the summary passes the filter.
func (s *summary) matches(f *claims.ClaimFilter, query []string) bool {
	switch {
	case s.Deleted && !f.Deleted,
		f.ArticleID != nil && s.ArticleID != *f.ArticleID,
		f.Status != nil && s.Status != *f.Status,
		f.Rating != nil && s.Rating != *f.Rating,
		f.Speaker != nil && s.Speaker != *f.Speaker,
		f.Assignee != nil && s.Assignee != *f.Assignee,
		f.Tag != nil && !contains(s.Tags, *f.Tag):
		return false
	}
	for _, word := range query {
		if !strings.Contains(s.search, word) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
