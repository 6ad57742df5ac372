package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"claimdesk/claims"
)

// A claim summary is a small binary record kept beside each claim so that
// lists and filters read it in place, without decoding JSON or allocating
// for rows they skip. Layout, after a format byte:
//
//	flags (1) · updated, Unix ms (8) · check-worthiness × 10000 (2) · article ID (16)
//	then uvarint-length strings: status, kind, rating, speaker, summary,
//	assignee, tags joined by unit separators, and the claim's search words
//	(claims.SearchWords) joined by spaces.
//
// Format 1 held the whole folded text instead of its words.
const summaryFormat = 2

const (
	summaryDeleted byte = 1 << iota
)

// Positions of the summary's fields.
const (
	fieldStatus = iota
	fieldKind
	fieldRating
	fieldSpeaker
	fieldSummary
	fieldAssignee
	fieldTags
	fieldSearch
	summaryFields
)

const (
	summaryFixed = 2 + 8 + 2 + 16
	tagSeparator = "\x1f"
)

var errBadSummary = errors.New("damaged claim summary")

func summaryOf(c *claims.Claim) claims.ClaimSummary {
	s := claims.ClaimSummary{
		ID: c.ID, ArticleID: c.ArticleID, Status: c.Status, Kind: c.Kind,
		Speaker: c.Speaker.Name, Summary: c.Summary, Tags: c.Tags, Assignee: c.Assignee,
		CheckWorthiness: c.CheckWorthiness.Score, UpdatedAt: c.Meta.UpdatedAt, Deleted: c.Meta.Deleted,
	}
	if c.Verdict != nil {
		s.Rating = c.Verdict.Rating
	}
	return s
}

// searchText is what a query matches: the words of the claim's text,
// summary, speaker and tags, folded once when written.
func searchText(c *claims.Claim) string {
	return strings.Join(claims.SearchWords(strings.Join([]string{c.Text, c.Summary, c.Speaker.Name,
		c.Speaker.Organization, strings.Join(c.Tags, " ")}, "\n")), " ")
}

func encodeSummary(s claims.ClaimSummary, search string) []byte {
	buf := make([]byte, 0, 64+len(s.Summary)+len(search))
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
	for _, field := range [summaryFields]string{string(s.Status), string(s.Kind), s.Rating, s.Speaker, s.Summary,
		s.Assignee, strings.Join(s.Tags, tagSeparator), search} {
		buf = binary.AppendUvarint(buf, uint64(len(field)))
		buf = append(buf, field...)
	}
	return buf
}

// summaryView reads a stored summary in place; it is valid only during the
// transaction that read it.
type summaryView struct {
	raw    []byte
	bounds [summaryFields][2]int // each field's start and end in raw
}

func viewSummary(raw []byte) (summaryView, error) {
	v := summaryView{raw: raw}
	if len(raw) < summaryFixed || raw[0] != summaryFormat {
		return v, errBadSummary
	}
	at := summaryFixed
	for i := range v.bounds {
		n, size := binary.Uvarint(raw[at:])
		if size <= 0 || uint64(len(raw)-at-size) < n {
			return v, errBadSummary
		}
		at += size
		v.bounds[i] = [2]int{at, at + int(n)}
		at += int(n)
	}
	return v, nil
}

func (v *summaryView) field(i int) []byte {
	return v.raw[v.bounds[i][0]:v.bounds[i][1]]
}

func (v *summaryView) deleted() bool {
	return v.raw[1]&summaryDeleted != 0
}

// summary copies the view out of the transaction. The strings of a row
// share two allocations, one for its IDs and one for its text fields,
// because loading a long list is mostly allocation.
func (v *summaryView) summary(key []byte) claims.ClaimSummary {
	ids := formatIDs(key, v.raw[12:28])
	first, last := v.bounds[fieldStatus][0], v.bounds[fieldTags][1]
	text := string(v.raw[first:last])
	str := func(i int) string { return text[v.bounds[i][0]-first : v.bounds[i][1]-first] }
	s := claims.ClaimSummary{
		ID:              ids[:36],
		ArticleID:       ids[36:],
		Deleted:         v.deleted(),
		UpdatedAt:       time.UnixMilli(int64(binary.BigEndian.Uint64(v.raw[2:]))).UTC(),
		CheckWorthiness: float64(binary.BigEndian.Uint16(v.raw[10:])) / 10000,
		Status:          claims.Status(str(fieldStatus)),
		Kind:            claims.Kind(str(fieldKind)),
		Rating:          str(fieldRating),
		Speaker:         str(fieldSpeaker),
		Summary:         str(fieldSummary),
		Assignee:        str(fieldAssignee),
	}
	if tags := str(fieldTags); tags != "" {
		s.Tags = strings.Split(tags, tagSeparator)
	}
	return s
}

// formatIDs writes two 16-byte UUIDs in their text form into one string.
func formatIDs(a, b []byte) string {
	buf := make([]byte, 0, 72)
	for _, id := range [][]byte{a, b} {
		for i, c := range id {
			if i == 4 || i == 6 || i == 8 || i == 10 {
				buf = append(buf, '-')
			}
			buf = append(buf, hexDigits[c>>4], hexDigits[c&0x0f])
		}
	}
	return string(buf)
}

const hexDigits = "0123456789abcdef"

// summaryFilter is a ClaimFilter turned into bytes once, so matching a row
// compares bytes in place.
type summaryFilter struct {
	deleted bool
	article []byte
	exact   [summaryFields][]byte // fields that must equal these bytes
	tag     []byte
	words   [][]byte
}

func newSummaryFilter(f *claims.ClaimFilter) (*summaryFilter, error) {
	sf := &summaryFilter{deleted: f.Deleted}
	if f.ArticleID != nil {
		key, err := parseID("Article", *f.ArticleID)
		if err != nil {
			return nil, err
		}
		sf.article = key
	}
	for field, value := range map[int]*string{fieldRating: f.Rating, fieldSpeaker: f.Speaker, fieldAssignee: f.Assignee} {
		if value != nil {
			sf.exact[field] = []byte(*value)
		}
	}
	if f.Status != nil {
		sf.exact[fieldStatus] = []byte(*f.Status)
	}
	if f.Tag != nil {
		sf.tag = []byte(*f.Tag)
	}
	for _, word := range claims.SearchWords(f.Query) {
		sf.words = append(sf.words, []byte(word))
	}
	return sf, nil
}

// matchesRaw reports whether a stored summary passes the filter, reading
// only the flags when the filter asks for nothing more: the first screen of
// an unfiltered list then costs a cursor walk.
func (sf *summaryFilter) matchesRaw(raw []byte) (bool, error) {
	if len(raw) < summaryFixed || raw[0] != summaryFormat {
		return false, errBadSummary
	}
	if sf.onlyDeleted() {
		return raw[1]&summaryDeleted == 0 || sf.deleted, nil
	}
	v, err := viewSummary(raw)
	if err != nil {
		return false, err
	}
	return sf.matches(&v), nil
}

func (sf *summaryFilter) onlyDeleted() bool {
	for _, want := range sf.exact {
		if want != nil {
			return false
		}
	}
	return sf.article == nil && sf.tag == nil && len(sf.words) == 0
}

func (sf *summaryFilter) matches(v *summaryView) bool {
	if v.deleted() && !sf.deleted || sf.article != nil && !bytes.Equal(v.raw[12:28], sf.article) {
		return false
	}
	for i, want := range sf.exact {
		if want != nil && !bytes.Equal(v.field(i), want) {
			return false
		}
	}
	if sf.tag != nil && !hasTag(v.field(fieldTags), sf.tag) {
		return false
	}
	for _, word := range sf.words {
		if !beginsAWord(v.field(fieldSearch), word) {
			return false
		}
	}
	return true
}

// beginsAWord reports whether prefix begins one of the space-separated
// words: a query's words match as typed, before the word is finished.
func beginsAWord(words, prefix []byte) bool {
	for word := range bytes.SplitSeq(words, []byte(" ")) {
		if bytes.HasPrefix(word, prefix) {
			return true
		}
	}
	return false
}

func hasTag(tags, tag []byte) bool {
	for len(tags) > 0 {
		var one []byte
		one, tags, _ = bytes.Cut(tags, []byte(tagSeparator))
		if bytes.Equal(one, tag) {
			return true
		}
	}
	return false
}
