package app

import (
	"context"

	"claimdesk/claims"
)

// fakeStore is a claims.Store for tests. Each method the window uses has a
// function field that the test sets; a method whose field is nil, and every
// method the window does not use, returns errNotImplemented.
type fakeStore struct {
	FindArticlesFn       func(ctx context.Context) ([]*claims.Article, error)
	FindClaimSummariesFn func(ctx context.Context, f claims.ClaimFilter) ([]claims.ClaimSummary, int, error)
}

var _ claims.Store = (*fakeStore)(nil)

func errNotImplemented() error {
	return claims.Errorf(claims.EINTERNAL, "not implemented in fake")
}

func (s *fakeStore) FindArticles(ctx context.Context) ([]*claims.Article, error) {
	if s.FindArticlesFn == nil {
		return nil, errNotImplemented()
	}
	return s.FindArticlesFn(ctx)
}

func (s *fakeStore) FindClaimSummaries(ctx context.Context, f claims.ClaimFilter) ([]claims.ClaimSummary, int, error) {
	if s.FindClaimSummariesFn == nil {
		return nil, 0, errNotImplemented()
	}
	return s.FindClaimSummariesFn(ctx, f)
}

// Methods the window does not use.

func (s *fakeStore) Settings(context.Context) (*claims.Settings, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) UpdateSettings(context.Context, claims.SettingsUpdate) (*claims.Settings, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) ImportArticle(context.Context, *claims.Article, []*claims.Claim) error {
	return errNotImplemented()
}

func (s *fakeStore) FindArticleByID(context.Context, string) (*claims.Article, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) CreateClaim(context.Context, *claims.Claim) error {
	return errNotImplemented()
}

func (s *fakeStore) FindClaimByID(context.Context, string) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) FindClaims(context.Context, claims.ClaimFilter) ([]*claims.Claim, int, error) {
	return nil, 0, errNotImplemented()
}

func (s *fakeStore) UpdateClaim(context.Context, string, claims.ClaimUpdate) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) DeleteClaim(context.Context, string) error {
	return errNotImplemented()
}

func (s *fakeStore) MoveClaim(context.Context, string, claims.Status) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) CreateSource(context.Context, *claims.Source) error {
	return errNotImplemented()
}

func (s *fakeStore) FindSourceByID(context.Context, string) (*claims.Source, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) FindSources(context.Context) ([]*claims.Source, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) AttachEvidence(context.Context, *claims.Evidence) error {
	return errNotImplemented()
}

func (s *fakeStore) AddSourceWithEvidence(context.Context, *claims.Source, *claims.Evidence) error {
	return errNotImplemented()
}

func (s *fakeStore) FindEvidence(context.Context, string) ([]*claims.Evidence, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) DetachEvidence(context.Context, string) error {
	return errNotImplemented()
}

func (s *fakeStore) SetVerdict(context.Context, string, claims.Verdict, string, string) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) SubmitForReview(context.Context, string) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) ReviewClaim(context.Context, string, claims.Review) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) PublishClaim(context.Context, string) (*claims.Claim, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) FindEvents(context.Context, claims.EventFilter) ([]*claims.Event, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) VerifyHistory(context.Context) (*claims.HistoryCheck, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) Close() error {
	return errNotImplemented()
}

func (s *fakeStore) UpdateSource(context.Context, string, claims.SourceUpdate) (*claims.Source, error) {
	return nil, errNotImplemented()
}

func (s *fakeStore) UpdateEvidence(context.Context, string, claims.EvidenceUpdate) (*claims.Evidence, error) {
	return nil, errNotImplemented()
}
