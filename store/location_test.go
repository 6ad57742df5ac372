package store

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLocationWarningNamesSyncedFolders(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path, want string
	}{
		{filepath.Join(dir, "case.db"), ""},
		{filepath.Join(dir, "Dropbox", "work", "case.db"), "synced folder (Dropbox)"},
		{filepath.Join(dir, "OneDrive - Newsroom", "case.db"), "synced folder (OneDrive - Newsroom)"},
		{filepath.Join(dir, "Google Drive", "case.db"), "synced folder (Google Drive)"},
		{filepath.Join(dir, "dropboxes", "case.db"), ""},
	}
	for _, tt := range tests {
		got := LocationWarning(tt.path).String()
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("LocationWarning(%s) = %q, want it to say %q", tt.path, got, tt.want)
		}
	}
}
