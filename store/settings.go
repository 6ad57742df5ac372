package store

import (
	"context"
	"fmt"

	"claimdesk/claims"
)

// Settings returns the database's settings.
func (db *DB) Settings(ctx context.Context) (*claims.Settings, error) {
	var s *claims.Settings
	err := db.view(ctx, func(t *tx) error {
		var err error
		s, err = t.settings()
		return err
	})
	return s, err
}

func (t *tx) settings() (*claims.Settings, error) {
	s, _, err := t.settingsRecord()
	if err != nil {
		return nil, err
	}
	return s.settings(), nil
}

func (t *tx) settingsRecord() (settingsRecord, *envelope, error) {
	var rec settingsRecord
	raw := t.Bucket(bucketMeta).Get(metaSettings)
	if raw == nil {
		return rec, nil, fmt.Errorf("the settings are missing")
	}
	env, err := decodeEnvelope(raw, &rec)
	return rec, env, err
}

// UpdateSettings changes the settings.
func (db *DB) UpdateSettings(ctx context.Context, upd claims.SettingsUpdate) (*claims.Settings, error) {
	var out *claims.Settings
	err := db.update(ctx, func(t *tx) error {
		before, env, err := t.settingsRecord()
		if err != nil {
			return err
		}
		s := before.settings()
		if upd.Organization != nil {
			s.Organization = *upd.Organization
		}
		if upd.BaseURL != nil {
			s.BaseURL = *upd.BaseURL
		}
		if upd.RequireSecondReviewer != nil {
			s.RequireSecondReviewer = *upd.RequireSecondReviewer
		}
		if err := s.Validate(); err != nil {
			return err
		}
		after := settingsRecordOf(s)
		raw, err := env.revise(t.now, t.actor, after)
		if err != nil {
			return err
		}
		if err := t.put(bucketMeta, metaSettings, raw); err != nil {
			return err
		}
		out = s
		return t.appendEvent(change{action: "settings.update", recordType: "settings", recordID: "settings",
			summary: "changed the settings", before: &before, after: &after})
	})
	return out, err
}
