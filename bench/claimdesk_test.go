package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"claimdesk/claims"
	"claimdesk/store"
)

// actor is who the benchmarks write as: every store write needs one.
var actor = claims.NewContext(context.Background(), "Bench")

// cdFiles are the ClaimDesk files of one run and the IDs the store gave.
type cdFiles struct {
	big, small string     // 100,000 and 10,000 claims
	claimIDs   [][]string // per article
}

// buildClaimDesk writes the dataset through the store's public API, as the
// program would: ImportArticle per article (one transaction each),
// CreateSource per source and AttachEvidence per link. The store has no
// call that adds many sources or links in one transaction, so the 320,000
// transactions of those two, each fsynced, are most of the setup time. They
// go block by block: after the first exportArticles articles with their
// sources and evidence, a copy of the file becomes the 10,000-claim file.
func buildClaimDesk(dir string) (*cdFiles, error) {
	f := &cdFiles{big: filepath.Join(dir, "claimdesk-100k.db"), small: filepath.Join(dir, "claimdesk-10k.db")}
	db, err := store.Open(f.big, store.Options{Language: claims.LangFrench})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	org, base := "Vérif Desk", "https://verif.example.fr/verdicts"
	if _, err := db.UpdateSettings(actor, claims.SettingsUpdate{Organization: &org, BaseURL: &base}); err != nil {
		return nil, err
	}
	sourceIDs := make([]string, numSources())
	start := time.Now()
	for from := 0; from < numArticles; from += exportArticles {
		var links []genArticle
		for i := from; i < from+exportArticles; i++ {
			g := article(i)
			if err := importSigned(db, g); err != nil {
				return nil, fmt.Errorf("import article %d: %w", i, err)
			}
			ids := make([]string, len(g.Claims))
			for j, c := range g.Claims {
				ids[j] = c.ID
			}
			f.claimIDs = append(f.claimIDs, ids)
			links = append(links, g)
		}
		for k := from * sourcesPerArticle; k < (from+exportArticles)*sourcesPerArticle; k++ {
			s := source(k)
			if err := db.CreateSource(actor, s); err != nil {
				return nil, fmt.Errorf("source %d: %w", k, err)
			}
			sourceIDs[k] = s.ID
		}
		for n, g := range links {
			for _, e := range g.Evidence {
				ev := &claims.Evidence{ClaimID: f.claimIDs[from+n][e.Claim], SourceID: sourceIDs[e.Source],
					Excerpt: e.Excerpt, Locator: e.Locator, Stance: e.Stance}
				if err := db.AttachEvidence(actor, ev); err != nil {
					return nil, fmt.Errorf("evidence of article %d: %w", from+n, err)
				}
			}
		}
		if from == 0 {
			if err := db.SaveCopy(actor, f.small, claims.CopyOptions{}); err != nil {
				return nil, err
			}
		}
		logf("claimdesk: %d articles, %d sources, %d evidence links after %s", from+exportArticles,
			(from+exportArticles)*sourcesPerArticle, (from+exportArticles)*evidencePerArticle, since(start))
	}
	return f, nil
}

// logf prints setup progress to stderr, out of the way of the benchmark
// lines that benchtable reads.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench setup: "+format+"\n", args...)
}

func since(t time.Time) time.Duration {
	return time.Since(t).Round(time.Millisecond)
}

// importSigned imports a generated article as the workflow would leave it:
// a claim generated published (or corrected) is imported in review, then
// approved by a second person and published (and corrected) through the
// store's commands, since the store refuses, in a merge, a restore or the
// file check, a publication nobody approved.
func importSigned(db *store.DB, g genArticle) error {
	want := make([]claims.Status, len(g.Claims))
	for i, c := range g.Claims {
		want[i] = c.Status
		if c.Status.IsPublic() {
			c.Status, c.PublishedAt = claims.StatusInReview, time.Time{}
		}
	}
	if err := db.ImportArticle(actor, g.Article, g.Claims); err != nil {
		return err
	}
	for i, c := range g.Claims {
		if !want[i].IsPublic() {
			continue
		}
		if _, err := db.ReviewClaim(actor, c.ID, claims.Review{Decision: claims.DecisionApprove}); err != nil {
			return err
		}
		published, err := db.PublishClaim(actor, c.ID)
		if err != nil {
			return err
		}
		if want[i] == claims.StatusCorrected {
			v := *published.Verdict
			v.Rating = correctedRating(v.Rating)
			if _, err := db.SetVerdict(actor, c.ID, v, "Nouvelle source officielle.", "La note a changé après publication."); err != nil {
				return err
			}
		}
		*c = *published
	}
	return nil
}

// correctedRating is the rating a correction of r moves to: another one of
// the scale.
func correctedRating(r string) string {
	for _, k := range frenchKeys {
		if k != r {
			return k
		}
	}
	return r
}
