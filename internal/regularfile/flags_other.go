//go:build !unix

package regularfile

// openFlags is empty where opening a pipe by name does not wait.
const openFlags = 0
