//go:build !linux

package store

// networkFileSystem is not known on this system; folder names still are.
func networkFileSystem(string) string { return "" }
