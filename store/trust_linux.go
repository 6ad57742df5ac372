//go:build linux

package store

import (
	"os"
	"syscall"
)

func systemStamp(info os.FileInfo) (int64, uint64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return st.Ctim.Nano(), st.Ino
}
