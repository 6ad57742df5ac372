package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"claimdesk/claims"
)

// FindConflicts returns the conflicts merges left, in record order.
func (db *DB) FindConflicts(ctx context.Context) ([]claims.Conflict, error) {
	var out []claims.Conflict
	err := db.view(ctx, func(t *tx) error {
		return t.Bucket(bucketConflicts).ForEach(func(k, v []byte) error {
			var list []setAside
			if err := json.Unmarshal(v, &list); err != nil {
				return fmt.Errorf("read the conflict of %x: %w", k, err)
			}
			for _, aside := range list {
				c, err := t.conflictOf(k, aside)
				if err != nil {
					return err
				}
				out = append(out, *c)
			}
			return nil
		})
	})
	return out, err
}

// conflictOf describes the record at key against a version set aside.
func (t *tx) conflictOf(key []byte, aside setAside) (*claims.Conflict, error) {
	kept, err := t.currentRaw(key, aside.Type)
	if err != nil {
		return nil, err
	}
	c := &claims.Conflict{RecordType: aside.Type, ClaimID: aside.ClaimID}
	if c.Kept, err = t.versionOf(aside.Type, kept); err != nil {
		return nil, err
	}
	if c.Other, err = t.versionOf(aside.Type, aside.Record); err != nil {
		return nil, err
	}
	if env, err := parseEnvelope(kept); err == nil {
		c.RecordID = env.ID
	}
	if aside.Type == "settings" {
		c.RecordID = string(settingsKey)
	}
	c.Title = conflictTitle(aside.Type, c.Kept.Values)
	return c, nil
}

// currentRaw returns the stored record at key, of type typ.
func (t *tx) currentRaw(key []byte, typ string) ([]byte, error) {
	var raw []byte
	if typ == "settings" {
		raw = t.Bucket(bucketMeta).Get(metaSettings)
	} else if bucket := bucketOf(typ); bucket != nil {
		raw = t.Bucket(bucket).Get(key)
	}
	if raw == nil {
		return nil, fmt.Errorf("the %s %x of a conflict is missing", typ, key)
	}
	return raw, nil
}

func bucketOf(typ string) []byte {
	switch typ {
	case "article":
		return bucketArticles
	case "source":
		return bucketSources
	case "claim":
		return bucketClaims
	case "evidence":
		return bucketEvidence
	}
	return nil
}

// versionOf reads one side of a conflict: its fields as stored, to tell
// the sides apart, and as people read them.
func (t *tx) versionOf(typ string, raw []byte) (claims.ConflictVersion, error) {
	var fields map[string]json.RawMessage
	env, err := decodeEnvelope(raw, &fields)
	if err != nil {
		return claims.ConflictVersion{}, err
	}
	values, err := t.valuesOf(typ, raw)
	if err != nil {
		return claims.ConflictVersion{}, err
	}
	v := claims.ConflictVersion{Revision: env.Revisions[0].Rev, By: env.Revisions[0].By, At: env.Revisions[0].At,
		Deleted: env.Deleted, Fields: map[claims.Field]string{}, Values: map[claims.Field]string{}}
	for name, value := range fields {
		f := claims.Field(name)
		v.Fields[f], v.Values[f] = string(value), values[f]
	}
	return v, nil
}

// valuesOf decodes a record of type typ into its domain type, for the
// domain to say how people read its fields.
func (t *tx) valuesOf(typ string, raw []byte) (map[claims.Field]string, error) {
	switch typ {
	case "article":
		return valuesOf(raw, articleRecord.article, claims.ArticleValues)
	case "claim":
		settings, err := t.settings()
		if err != nil {
			return nil, err
		}
		return valuesOf(raw, claimRecord.claim, func(c *claims.Claim) map[claims.Field]string {
			return claims.ClaimValues(c, &settings.Scale)
		})
	case "source":
		return valuesOf(raw, sourceRecord.source, claims.SourceValues)
	case "evidence":
		return valuesOf(raw, evidenceRecord.evidence, claims.EvidenceValues)
	case "settings":
		return valuesOf(raw, func(r settingsRecord, _ *envelope) *claims.Settings { return r.settings() }, claims.SettingsValues)
	}
	return nil, fmt.Errorf("a conflict on a record of an unknown kind (%.40q)", typ)
}

// valuesOf decodes raw into its domain type with of, and reads its values.
func valuesOf[R, T any](raw []byte, of func(R, *envelope) T, values func(T) map[claims.Field]string) (map[claims.Field]string, error) {
	d, err := domainOf(raw, of)
	if err != nil {
		return nil, err
	}
	return values(d), nil
}

// conflictTitle names the record as people know it.
func conflictTitle(typ string, values map[claims.Field]string) string {
	field := map[string]claims.Field{"claim": claims.FieldSummary, "source": claims.FieldTitle,
		"article": claims.FieldTitle, "evidence": claims.FieldExcerpt}[typ]
	if s := values[field]; s != "" {
		return s
	}
	if typ == "settings" {
		return "Database settings"
	}
	return typ
}

// ResolveConflict writes the chosen combination as a new revision that
// descends from both versions, so that no later merge sees them as
// conflicting again.
func (db *DB) ResolveConflict(ctx context.Context, recordID string, takeOther []claims.Field) error {
	return db.update(ctx, func(t *tx) error {
		key := settingsKey
		if recordID != string(settingsKey) {
			var err error
			if key, err = parseID("Record", recordID); err != nil {
				return err
			}
		}
		raw := t.Bucket(bucketConflicts).Get(key)
		if raw == nil {
			return claims.Errorf(claims.ENOTFOUND, "There is no conflict on %s.", recordID)
		}
		var list []setAside
		if err := json.Unmarshal(raw, &list); err != nil {
			return err
		}
		return t.resolve(key, list, takeOther)
	})
}

func (t *tx) resolve(key []byte, list []setAside, takeOther []claims.Field) error {
	aside := list[len(list)-1]
	keptRaw, err := t.currentRaw(key, aside.Type)
	if err != nil {
		return err
	}
	var kept, other map[string]json.RawMessage
	keptEnv, err := decodeEnvelope(keptRaw, &kept)
	if err != nil {
		return err
	}
	otherEnv, err := decodeEnvelope(aside.Record, &other)
	if err != nil {
		return err
	}
	before := maps(kept)
	for _, name := range takeOther {
		switch value, ok := other[string(name)]; {
		case name == claims.DeletedField:
			keptEnv.Deleted = otherEnv.Deleted
		case ok:
			kept[string(name)] = value
		default:
			delete(kept, string(name))
		}
	}
	keptEnv.Revisions = mergedAncestry(keptEnv.Revisions, otherEnv.Revisions)
	resolved, err := keptEnv.revise(t.now, t.actor, kept)
	if err != nil {
		return err
	}
	if err := t.storeResolved(key, aside, resolved, keptRaw); err != nil {
		return err
	}
	if len(list) > 1 {
		rest, _ := json.Marshal(list[:len(list)-1])
		err = t.put(bucketConflicts, key, rest)
	} else {
		err = t.Bucket(bucketConflicts).Delete(key)
	}
	if err != nil {
		return err
	}
	summary := "resolved a merge conflict, keeping this copy's version"
	if len(takeOther) > 0 {
		names := make([]string, len(takeOther))
		for i, f := range takeOther {
			names[i] = string(f)
		}
		summary = "resolved a merge conflict, taking the other copy's " + strings.Join(names, ", ")
	}
	return t.appendEvent(change{action: "conflict.resolve", recordType: aside.Type, recordID: keptEnv.ID, claimID: aside.ClaimID,
		summary: summary, before: before, after: maps(kept)})
}

func maps(m map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// storeResolved checks the combination as any record from outside, and
// against both versions it combines as the rules require, and stores it
// with its indexes. A combination of claims must leave the claim in a state
// commands could have left it in: taking one copy's status and the other's
// verdict could otherwise publish a verdict nobody approved.
func (t *tx) storeResolved(key []byte, aside setAside, raw, keptRaw []byte) error {
	if aside.Type == "settings" {
		out, err := checkSettings(raw, claims.Textf("combination"))
		if err != nil {
			return err
		}
		if err := checkSettingsAgainst(keptRaw, out); err != nil {
			return err
		}
		return t.put(bucketMeta, metaSettings, out)
	}
	in := newCheckIn(claims.Textf("combination"), t)
	check := map[string]func(json.RawMessage) (*inRecord, error){
		"article": in.article, "source": in.source, "claim": in.claim, "evidence": in.evidence,
	}[aside.Type]
	if check == nil {
		return fmt.Errorf("a conflict on a %s cannot be resolved", aside.Type)
	}
	rec, err := check(raw)
	if err != nil {
		return err
	}
	for _, version := range [][]byte{keptRaw, aside.Record} {
		if err := checkAgainst(rec, version, false); err != nil {
			return err
		}
		if err := checkPublishedClaim(rec, version); err != nil {
			return err
		}
	}
	if err := t.putIncoming(rec); err != nil {
		return err
	}
	if rec.claim == nil {
		return nil
	}
	return t.checkClaimStates(map[string]bool{string(key): true})
}

// checkPublishedClaim requires a combination of two versions of a claim to
// follow from the one that was published, if either was: a published
// verdict changes only by a correction.
func checkPublishedClaim(rec *inRecord, version []byte) error {
	if rec.claim == nil {
		return nil
	}
	before, err := claimOf(version)
	if err != nil || !before.Status.IsPublic() {
		return err
	}
	return claims.CheckClaimChange(before, rec.claim)
}

// mergedAncestry joins two revision histories, newest first, so that the
// resolution descends from both.
func mergedAncestry(a, b []revision) []revision {
	seen := map[string]bool{}
	var out []revision
	for _, r := range append(append([]revision(nil), a...), b...) {
		if !seen[r.Rev] {
			seen[r.Rev] = true
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(x, y revision) int { return y.At.Compare(x.At) })
	if len(out) > maxRevisions-1 {
		out = out[:maxRevisions-1]
	}
	return out
}

// checkSetAside checks a version set aside that comes from outside (a dump,
// another copy) as any record from outside, and as a version of the
// record at key. It returns the bytes to keep.
func (t *tx) checkSetAside(key []byte, v setAside) ([]byte, error) {
	if v.Type == "settings" {
		if !bytes.Equal(key, settingsKey) {
			return nil, claims.Errorf(claims.EINVALID, "A version set aside as settings belongs to a record.")
		}
		raw, err := checkSettings(v.Record, claims.Textf("version set aside"))
		if err != nil {
			return nil, err
		}
		return raw, checkSettingsAgainst(t.Bucket(bucketMeta).Get(metaSettings), raw)
	}
	in := newCheckIn(claims.Textf("version set aside"), t)
	check := map[string]func(json.RawMessage) (*inRecord, error){
		"article": in.article, "source": in.source, "claim": in.claim, "evidence": in.evidence,
	}[v.Type]
	if check == nil {
		return nil, claims.Errorf(claims.EINVALID, "A version set aside is of an unknown kind (%.40q).", v.Type)
	}
	rec, err := check(v.Record)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(rec.key, key) || rec.claimID != v.ClaimID {
		return nil, claims.Errorf(claims.EINVALID, "A version set aside is not a version of the record it is kept beside (%s).", rec.env.ID)
	}
	return rec.raw, nil
}

// setAsideOf returns the versions merges set aside beside the record at
// key; an unreadable list reads as none, which the file check reports.
func (t *tx) setAsideOf(key []byte) []setAside {
	var list []setAside
	if raw := t.Bucket(bucketConflicts).Get(key); raw != nil {
		_ = json.Unmarshal(raw, &list)
	}
	return list
}
