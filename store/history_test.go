package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"time"

	"claimdesk/claims"

	bolt "go.etcd.io/bbolt"
)

// publishFlow takes one claim from triage to published with two reviewers
// and returns it.
func publishFlow(t *testing.T, db *DB) *claims.Claim {
	t.Helper()
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	id := list[0].ID
	alice, bob := as("Alice"), as("Bob")
	steps := []func() (*claims.Claim, error){
		func() (*claims.Claim, error) { return db.MoveClaim(alice, id, claims.StatusResearching) },
		func() (*claims.Claim, error) {
			return db.SetVerdict(alice, id, claims.Verdict{Rating: "vrai", Explanation: "Le chiffre vient du Département d'État."}, "", "")
		},
		func() (*claims.Claim, error) { return db.SubmitForReview(alice, id) },
		func() (*claims.Claim, error) {
			return db.ReviewClaim(bob, id, claims.Review{Decision: claims.DecisionApprove, Comment: "Sources solides."})
		},
		func() (*claims.Claim, error) { return db.PublishClaim(bob, id) },
	}
	var c *claims.Claim
	for i, step := range steps {
		var err error
		if c, err = step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	return c
}

func TestWorkflowToPublicationNeedsASecondReviewer(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	id := list[0].ID
	alice, bob := as("Alice"), as("Bob")
	verdict := claims.Verdict{Rating: "vrai", Explanation: "Confirmé."}

	if _, err := db.SetVerdict(alice, id, claims.Verdict{Rating: "true", Explanation: "x"}, "", ""); claims.ErrorCode(err) != claims.EINVALID {
		t.Fatalf("a rating outside the French scale: %v, want EINVALID", err)
	}
	c, err := db.SetVerdict(alice, id, verdict, "", "")
	if err != nil || c.Status != claims.StatusVerdictDrafted || c.Verdict.Author != "Alice" {
		t.Fatalf("SetVerdict = %+v, %v", c, err)
	}
	_, err = db.PublishClaim(alice, id)
	assertCode(t, err, claims.ECONFLICT)
	_, err = db.ReviewClaim(as(" alice "), id, claims.Review{Decision: claims.DecisionApprove})
	assertCode(t, err, claims.ECONFLICT)
	if c, _ := db.FindClaimByID(alice, id); c.Status != claims.StatusVerdictDrafted || len(c.Reviews) != 0 {
		t.Fatalf("a refused review left status %s and %d reviews", c.Status, len(c.Reviews))
	}
	c, err = db.ReviewClaim(bob, id, claims.Review{Decision: claims.DecisionRequestChanges, Comment: "Citer la source."})
	if err != nil || c.Status != claims.StatusChangesRequested {
		t.Fatalf("request changes = %v, %v", c.Status, err)
	}
	if _, err := db.SetVerdict(alice, id, verdict, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReviewClaim(bob, id, claims.Review{Decision: claims.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	c, err = db.PublishClaim(alice, id)
	if err != nil || c.Status != claims.StatusPublished {
		t.Fatalf("publish = %v, %v", c.Status, err)
	}
	if len(c.Reviews) != 2 || c.Reviews[1].Reviewer != "Bob" {
		t.Fatalf("reviews = %+v", c.Reviews)
	}
}

func TestSecondReviewerCanBeTurnedOff(t *testing.T) {
	db := mustOpen(t, claims.LangEnglish)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	off := false
	if _, err := db.UpdateSettings(as("Editor"), claims.SettingsUpdate{RequireSecondReviewer: &off}); err != nil {
		t.Fatal(err)
	}
	alice := as("Alice")
	if _, err := db.SetVerdict(alice, list[0].ID, claims.Verdict{Rating: "mostly-true", Explanation: "x"}, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReviewClaim(alice, list[0].ID, claims.Review{Decision: claims.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PublishClaim(alice, list[0].ID); err != nil {
		t.Fatal(err)
	}
}

func TestChangingAPublishedRatingRecordsACorrection(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	c := publishFlow(t, db)
	carol := as("Carol")
	_, err := db.SetVerdict(carol, c.ID, claims.Verdict{Rating: "faux", Explanation: "Chiffre démenti."}, "", "")
	assertCode(t, err, claims.EINVALID) // a correction needs its reason

	got, err := db.SetVerdict(carol, c.ID, claims.Verdict{Rating: "faux", Explanation: "Chiffre démenti."}, "Nouveau rapport", "Note publique")
	if err != nil {
		t.Fatal(err)
	}
	want := claims.Correction{Author: "Carol", OldRating: "vrai", NewRating: "faux", Reason: "Nouveau rapport", PublicNote: "Note publique"}
	if got.Status != claims.StatusCorrected || len(got.Corrections) != 1 {
		t.Fatalf("status %s with %d corrections", got.Status, len(got.Corrections))
	}
	corr := got.Corrections[0]
	corr.ID, corr.At = "", got.Corrections[0].At
	want.At = corr.At
	if corr != want {
		t.Fatalf("correction = %+v, want %+v", corr, want)
	}
	reread, _ := db.FindClaimByID(carol, c.ID)
	if len(reread.Corrections) != 1 || reread.Corrections[0].ID == "" {
		t.Fatalf("the correction was not stored: %+v", reread.Corrections)
	}
	same, err := db.SetVerdict(carol, c.ID, claims.Verdict{Rating: "faux", Explanation: "Chiffre démenti, précisé."}, "", "")
	if err != nil || len(same.Corrections) != 1 {
		t.Fatalf("editing the wording of a corrected verdict: %v, %d corrections", err, len(same.Corrections))
	}
}

func TestMovesWithTheirOwnActionAreRefused(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "premier voyage en Corée du Nord")
	for _, to := range []claims.Status{claims.StatusInReview, claims.StatusPublished, claims.StatusCorrected, claims.StatusChangesRequested, claims.StatusVerdictDrafted} {
		_, err := db.MoveClaim(as("Alice"), list[0].ID, to)
		assertCode(t, err, claims.ECONFLICT)
	}
	if _, err := db.MoveClaim(as("Alice"), list[0].ID, claims.StatusNotCheckWorthy); err != nil {
		t.Fatal(err)
	}
	_, err := db.SetVerdict(as("Alice"), list[0].ID, claims.Verdict{Rating: "vrai", Explanation: "x"}, "", "")
	assertCode(t, err, claims.ECONFLICT)
}

func TestClaimHistoryListsEveryStepAndVerifies(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	c := publishFlow(t, db)
	events, err := db.FindEvents(context.Background(), claims.EventFilter{ClaimID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ action, actor string }{
		{"claim.create", "Alice"}, {"claim.status", "Alice"}, {"verdict.set", "Alice"},
		{"claim.submit", "Alice"}, {"review.approve", "Bob"}, {"claim.publish", "Bob"},
	}
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d: %+v", len(events), len(want), events)
	}
	for i, w := range want {
		if events[i].Action != w.action || events[i].Actor != w.actor || events[i].ClaimID != c.ID {
			t.Errorf("event %d = %s by %s, want %s by %s", i, events[i].Action, events[i].Actor, w.action, w.actor)
		}
	}
	if !strings.Contains(events[1].Before, `"status":"to-triage"`) || !strings.Contains(events[1].After, `"status":"researching"`) {
		t.Errorf("status event before/after = %s / %s", events[1].Before, events[1].After)
	}
	if strings.Contains(events[1].After, "conteneurs") {
		t.Errorf("the status event copied unchanged fields: %s", events[1].After)
	}
	check, err := db.VerifyHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !check.OK() || check.Events != 7 || len(check.Heads) != 1 {
		t.Fatalf("verify = %+v, broken %+v; want the 7 events of the flow in one chain", check, check.Broken)
	}
}

// tamper edits the stored events of db directly, as someone with a hex
// editor would, and returns the ID of the event it targeted.
func tamper(t *testing.T, db *DB, index int, edit func(b *bolt.Bucket, key, value []byte) error) string {
	t.Helper()
	var target string
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEvents)
		c := b.Cursor()
		k, v := c.First()
		for i := 0; i < index; i++ {
			k, v = c.Next()
		}
		target = idString(k)
		return edit(b, append([]byte(nil), k...), append([]byte(nil), v...))
	})
	if err != nil {
		t.Fatal(err)
	}
	return target
}

func TestVerifyNamesTheFirstBrokenEvent(t *testing.T) {
	for name, tt := range map[string]struct {
		edit       func(b *bolt.Bucket, key, value []byte) error
		namePrev   bool // the broken link shows at the event before the target
		wantReason string
	}{
		"content altered": {
			edit: func(b *bolt.Bucket, key, value []byte) error {
				return b.Put(key, bytes.Replace(value, []byte("Bob"), []byte("Eve"), 1))
			},
			wantReason: "altered",
		},
		"content altered and hash recomputed": {
			edit: func(b *bolt.Bucket, key, value []byte) error {
				return b.Put(key, reseal(t, value, func(e *claims.Event) { e.Actor = "Eve" }))
			},
			wantReason: "no later event links to it",
		},
		"summary altered": {
			edit: func(b *bolt.Bucket, key, value []byte) error {
				_, header, _, _, _ := splitEvent(value)
				at := eventHeaderAt + len(header)
				return b.Put(key, append(value[:at:at], bytes.Replace(value[at:], []byte("approved"), []byte("rejected"), 1)...))
			},
			wantReason: "summary or changes were altered",
		},
		"withheld, naming someone else, hash kept": {
			edit: func(b *bolt.Bucket, key, value []byte) error {
				forged := withheldOf(t, value, func(e *claims.Event) { e.Actor, e.Action = "Eve", "claim.delete" })
				return b.Put(key, append(value[:sha256.Size:sha256.Size], forged[sha256.Size:]...))
			},
			wantReason: "altered",
		},
		"withheld in the old form, hash kept": {
			edit: func(b *bolt.Bucket, key, value []byte) error {
				e, err := decodeEvent(key, value)
				if err != nil {
					return err
				}
				old := legacyBytes(legacyWithheld{ID: e.event.ID, At: e.event.At.Format(time.RFC3339Nano), Actor: "Eve",
					Action: "claim.delete", RecordType: "claim", RecordID: e.event.RecordID, Prev: e.event.Prev, Withheld: true})
				return b.Put(key, append(value[:sha256.Size:sha256.Size], old...))
			},
			wantReason: "withheld by an older ClaimDesk",
		},
		"event removed": {
			edit:       func(b *bolt.Bucket, key, _ []byte) error { return b.Delete(key) },
			namePrev:   true,
			wantReason: "an event after it was removed",
		},
	} {
		t.Run(name, func(t *testing.T) {
			db := mustOpen(t, claims.LangFrench)
			publishFlow(t, db)
			const reviewEvent = 5 // import, create, move, verdict, submit, review (Bob), publish
			target := tamper(t, db, reviewEvent, tt.edit)
			if tt.namePrev {
				target = eventBefore(t, db, target)
			}
			check, err := db.VerifyHistory(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if check.OK() {
				t.Fatal("the tampered history verified")
			}
			if check.Broken.EventID != target || !strings.Contains(check.Broken.Reason.String(), tt.wantReason) {
				t.Fatalf("broken = %+v, want event %s (%s)", check.Broken, target, tt.wantReason)
			}
		})
	}
}

// reseal applies edit to a stored event's header and stores it with the
// hash of the edited header, as someone who knows the format would.
func reseal(t *testing.T, value []byte, edit func(e *claims.Event)) []byte {
	t.Helper()
	_, header, body, current, err := splitEvent(value)
	if err != nil || !current {
		t.Fatalf("not an event in the current form: %v", err)
	}
	e, err := parseEvent(header, nil)
	if err != nil {
		t.Fatal(err)
	}
	edit(e)
	header = e.HeaderBytes()
	sum := sha256.Sum256(header)
	out := binary.BigEndian.AppendUint32(sum[:], uint32(len(header)))
	return append(append(out, header...), body...)
}

// withheldOf is reseal without the body, as a copy for outside stores it.
func withheldOf(t *testing.T, value []byte, edit func(e *claims.Event)) []byte {
	t.Helper()
	resealed := reseal(t, value, edit)
	_, header, _, _, _ := splitEvent(resealed)
	return resealed[:eventHeaderAt+len(header)]
}

// An event copied under another key would show twice in the history: the
// key is bound to the event's ID, and the copy breaks the history.
func TestVerifyRefusesAnEventCopiedUnderAnotherKey(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	publishFlow(t, db)
	var copied string
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEvents)
		_, v := b.Cursor().Last()
		key := db.ids.next(epoch.Add(time.Hour))
		copied = key.String()
		return b.Put(key[:], bytes.Clone(v))
	})
	if err != nil {
		t.Fatal(err)
	}
	check, err := db.VerifyHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if check.OK() || check.Broken.EventID != copied || !strings.Contains(check.Broken.Reason.String(), "stored under a key not its own") {
		t.Fatalf("the history with a copied event: %+v", check.Broken)
	}
}

// The head a report printed is found in the chain, by its hash today or,
// in a file from before schema 4, by the hash it had then.
func TestFindEventByHash(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	publishFlow(t, db)
	check, err := db.VerifyHistory(context.Background())
	if err != nil || !check.OK() {
		t.Fatal(check, err)
	}
	e, err := db.FindEventByHash(context.Background(), strings.ToUpper(check.Heads[0]))
	if err != nil || e.Action != "claim.publish" {
		t.Fatalf("FindEventByHash(head) = %+v, %v", e, err)
	}
	_, err = db.FindEventByHash(context.Background(), strings.Repeat("0", 64))
	assertCode(t, err, claims.ENOTFOUND)
	_, err = db.FindEventByHash(context.Background(), "report")
	assertCode(t, err, claims.EINVALID)
}

// eventBefore returns the ID of the last stored event before id.
func eventBefore(t *testing.T, db *DB, id string) string {
	t.Helper()
	events, err := db.FindEvents(context.Background(), claims.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	before := ""
	for _, e := range events {
		if e.ID < id {
			before = e.ID
		}
	}
	return before
}

func TestVerifyNoticesTheLastEventRemoved(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	publishFlow(t, db)
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketEvents).Cursor().Last()
		return tx.Bucket(bucketEvents).Delete(append([]byte(nil), k...))
	})
	if err != nil {
		t.Fatal(err)
	}
	check, err := db.VerifyHistory(context.Background())
	if err != nil || check.OK() {
		t.Fatalf("verify after removing the last event = %+v, %v; want broken", check, err)
	}
}

// TestVerifyHistoryChecksStoredBytes alters an event's stored bytes without
// changing what they decode to: the history must not verify, since the
// file's dump carries those bytes and a restore would refuse them.
func TestVerifyHistoryChecksStoredBytes(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	mustImport(t, db, "premier voyage en Corée du Nord depuis 24 ans")
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		k, v := events.Cursor().First()
		// The salt's length written in two bytes where one is enough: a
		// CBOR reader reads the same body.
		_, header, body, _, err := splitEvent(v)
		if err != nil || !bytes.HasPrefix(body, []byte{0x84, 0x50}) {
			return fmt.Errorf("event %x: unexpected body %x (%v)", k, body, err)
		}
		at := eventHeaderAt + len(header)
		altered := append(bytes.Clone(v[:at]), 0x84, 0x58, 0x10)
		return events.Put(k, append(altered, body[2:]...))
	})
	if err != nil {
		t.Fatal(err)
	}
	check, err := db.VerifyHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if check.OK() {
		t.Fatal("the history verified with an event's stored bytes altered")
	}
}
