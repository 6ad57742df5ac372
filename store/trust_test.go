package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestTrustListTrustsOnlyFilesAsTheyWereLeft(t *testing.T) {
	dir := t.TempDir()
	list := NewTrustList(filepath.Join(dir, "config", "trusted.json"))
	path := filepath.Join(dir, "case.db")
	db, err := Open(path, Options{AfterClose: func(p string) {
		if err := list.Remember(p); err != nil {
			t.Error(err)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if list.Trusts(path) {
		t.Fatal("a file trusted before it was ever closed")
	}
	mustImport(t, db, "plus de 11 000 conteneurs de munitions")
	db.Close()
	if !list.Trusts(path) {
		t.Fatal("the file this program closed is not trusted")
	}
	// Any change from elsewhere, even one keeping the size, ends the trust.
	raw, _ := os.ReadFile(path)
	raw[len(raw)-1] ^= 0xff
	os.WriteFile(path, raw, 0o600)
	if list.Trusts(path) {
		t.Fatal("a file changed elsewhere is still trusted")
	}
	// So does replacing it with a copy of itself.
	copyPath := filepath.Join(dir, "other.db")
	os.WriteFile(copyPath, raw, 0o600)
	os.Chtimes(copyPath, time.Now(), time.Now())
	os.Rename(copyPath, path)
	if list.Trusts(path) || list.Trusts(filepath.Join(dir, "missing.db")) {
		t.Fatal("a replaced or missing file is trusted")
	}
}
