package store

import (
	"context"
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestSourcesServeManyClaimsAndDetachLeavesTombstones(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "premier voyage en Corée du Nord", "plus de 11 000 conteneurs de munitions")
	alice := as("Alice")
	report := &claims.Source{Title: "Rapport du Département d'État", URL: "https://www.state.gov/report",
		Reliability: claims.ReliabilityB, Authors: []string{"Département d'État"}, ArchiveURL: "https://web.archive.org/x"}
	first := &claims.Evidence{ClaimID: list[1].ID, Excerpt: "11,000 containers", Stance: claims.StanceSupports, Locator: "p. 3"}
	if err := db.AddSourceWithEvidence(alice, report, first); err != nil {
		t.Fatal(err)
	}
	second := &claims.Evidence{ClaimID: list[0].ID, SourceID: report.ID, Stance: claims.StanceContext}
	if err := db.AttachEvidence(alice, second); err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		evidence *claims.Evidence
		code     string
	}{
		"unknown source": {&claims.Evidence{ClaimID: list[0].ID, SourceID: "01900000-0000-7000-8000-000000000000"}, claims.ENOTFOUND},
		"unknown claim":  {&claims.Evidence{ClaimID: "01900000-0000-7000-8000-000000000000", SourceID: report.ID}, claims.ENOTFOUND},
		"bad stance":     {&claims.Evidence{ClaimID: list[0].ID, SourceID: report.ID, Stance: "agrees"}, claims.EINVALID},
	} {
		t.Run(name, func(t *testing.T) {
			assertCode(t, db.AttachEvidence(alice, tt.evidence), tt.code)
		})
	}
	got, err := db.FindEvidence(context.Background(), list[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SourceID != report.ID || got[0].Excerpt != "11,000 containers" || got[0].Locator != "p. 3" {
		t.Fatalf("evidence = %+v", got)
	}
	stored, err := db.FindSourceByID(context.Background(), report.ID)
	if err != nil || stored.Reliability != claims.ReliabilityB || stored.Type != claims.SourceWebpage || stored.ArchiveURL != report.ArchiveURL {
		t.Fatalf("source = %+v, %v", stored, err)
	}
	if err := db.DetachEvidence(alice, first.ID); err != nil {
		t.Fatal(err)
	}
	assertCode(t, db.DetachEvidence(alice, first.ID), claims.ENOTFOUND)
	if got, _ := db.FindEvidence(context.Background(), list[1].ID); len(got) != 0 {
		t.Fatalf("detached evidence still listed: %+v", got)
	}
	if sources, _ := db.FindSources(context.Background()); len(sources) != 1 {
		t.Fatalf("%d sources, want the one shared source", len(sources))
	}
	events, _ := db.FindEvents(context.Background(), claims.EventFilter{ClaimID: list[1].ID})
	if last := events[len(events)-1]; last.Action != "evidence.detach" || last.Actor != "Alice" {
		t.Fatalf("last event of the claim = %s by %s", last.Action, last.Actor)
	}
}

func TestUpdateClaimRecordsWhatChanged(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "la Chine alimentait la guerre")
	kind, summary := claims.KindAttribution, "Stoltenberg accuse la Chine"
	c, err := db.UpdateClaim(as("Bob"), list[0].ID, claims.ClaimUpdate{Kind: &kind, Summary: &summary})
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != kind || c.Summary != summary || c.Meta.UpdatedBy != "Bob" || c.Meta.CreatedBy != "Alice" {
		t.Fatalf("claim = %+v", c)
	}
	events, _ := db.FindEvents(context.Background(), claims.EventFilter{RecordID: c.ID})
	last := events[len(events)-1]
	if last.Before != `{"kind":"statistic","summary":"la Chine alimentait la guerre"}` ||
		last.After != `{"kind":"attribution","summary":"Stoltenberg accuse la Chine"}` {
		t.Fatalf("before %s, after %s", last.Before, last.After)
	}
	long := "Stoltenberg accuse la Chine, la Corée du Nord et l'Iran d'alimenter la guerre en Ukraine"
	_, err = db.UpdateClaim(as("Bob"), c.ID, claims.ClaimUpdate{Summary: &long})
	assertCode(t, err, claims.EINVALID)
}

func TestUpdateSourceAndEvidence(t *testing.T) {
	db := mustOpen(t, claims.LangFrench)
	_, list := mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	alice := as("Alice")
	s := &claims.Source{Title: "Rapport", URL: "https://example.org/r"}
	e := &claims.Evidence{ClaimID: list[0].ID, Stance: claims.StanceContext}
	if err := db.AddSourceWithEvidence(alice, s, e); err != nil {
		t.Fatal(err)
	}
	grade, archive := claims.ReliabilityA, "https://web.archive.org/r"
	got, err := db.UpdateSource(as("Bob"), s.ID, claims.SourceUpdate{Reliability: &grade, ArchiveURL: &archive})
	if err != nil || got.Reliability != grade || got.ArchiveURL != archive || got.Title != "Rapport" || got.Meta.UpdatedBy != "Bob" {
		t.Fatalf("UpdateSource = %+v, %v", got, err)
	}
	bad := "ftp://x"
	_, err = db.UpdateSource(alice, s.ID, claims.SourceUpdate{URL: &bad})
	assertCode(t, err, claims.EINVALID)
	stance, excerpt := claims.StanceRefutes, "au plus 6 000"
	ev, err := db.UpdateEvidence(alice, e.ID, claims.EvidenceUpdate{Stance: &stance, Excerpt: &excerpt})
	if err != nil || ev.Stance != stance || ev.Excerpt != excerpt || ev.ClaimID != list[0].ID {
		t.Fatalf("UpdateEvidence = %+v, %v", ev, err)
	}
	_, err = db.UpdateEvidence(alice, "01900000-0000-7000-8000-000000000000", claims.EvidenceUpdate{})
	assertCode(t, err, claims.ENOTFOUND)
	events, _ := db.FindEvents(context.Background(), claims.EventFilter{ClaimID: list[0].ID})
	if last := events[len(events)-1]; last.Action != "evidence.update" || !strings.Contains(last.After, "refutes") {
		t.Fatalf("last event = %+v", last)
	}
}
