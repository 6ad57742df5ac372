package store

import "syscall"

// Linux file system magic numbers (statfs(2)) of network and user-space
// file systems, where locks and fsync are not what bbolt needs.
var networkMagic = map[int64]string{
	0x6969:     "NFS",
	0x517b:     "SMB",
	0xff534d42: "CIFS",
	0xfe534d42: "SMB2",
	0x65735546: "FUSE",
	0x01021997: "9P",
	0x00c36400: "Ceph",
	0x5346414f: "AFS",
}

// networkFileSystem names the file system of dir when it is a network or
// user-space one.
func networkFileSystem(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	return networkMagic[int64(st.Type)]
}
