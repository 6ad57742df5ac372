package store

import (
	"path/filepath"
	"strings"

	"claimdesk/claims"
)

// syncFolders are folder names that sync tools create for the files they
// keep in step between computers.
var syncFolders = []string{"Dropbox", "OneDrive", "Google Drive", "GoogleDrive", "iCloud Drive", "iCloudDrive",
	"Mobile Documents", "Nextcloud", "ownCloud", "pCloud", "Box Sync", "MEGA", "Sync", "Syncthing", "Seafile", "Tresorit"}

// LocationWarning returns a sentence for the user when path is in a
// network or synced folder, and an empty Text otherwise. bbolt relies on file locks
// and fsync, which such folders do not keep: two computers writing one
// file, or a sync tool copying it half-written, can damage it.
func LocationWarning(path string) claims.Text {
	abs, err := filepath.Abs(path)
	if err != nil {
		return claims.Text{}
	}
	if kind := networkFileSystem(filepath.Dir(abs)); kind != "" {
		return claims.Textf("This database is on a network drive (%s). Two computers writing it at once can damage it: keep it on this computer and share copies (File > Save a copy).", kind)
	}
	for dir := filepath.Dir(abs); dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		base := filepath.Base(dir)
		for _, name := range syncFolders {
			if strings.EqualFold(base, name) || strings.HasPrefix(strings.ToLower(base), strings.ToLower(name)+" ") {
				return claims.Textf("This database is in a synced folder (%s). A sync tool can copy it half-written, or two computers can write it at once: keep it outside %[1]s and share copies (File > Save a copy).", base)
			}
		}
	}
	return claims.Text{}
}
