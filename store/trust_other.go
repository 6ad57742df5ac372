//go:build !linux

package store

import "os"

func systemStamp(os.FileInfo) (int64, uint64) { return 0, 0 }
