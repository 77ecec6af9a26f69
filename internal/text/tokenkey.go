package text

// TokenKey is a one-byte digest of a non-empty token, from its length and
// its first and last bytes: a token whose key a set of tokens does not have
// is not in the set. It lets a lookup in a small word set be skipped for
// most tokens.
func TokenKey[S ~string | ~[]byte](t S) byte {
	return byte(len(t))*29 + t[0] + t[len(t)-1]*3
}

// TokenKeys is the set of the TokenKey of every token of set.
func TokenKeys(set map[string]bool) ByteSet {
	var keys ByteSet
	for t := range set {
		keys.Add(TokenKey(t))
	}
	return keys
}

// ByteSet is a set of byte values. The zero value is empty.
type ByteSet [4]uint64

// Add puts c in the set.
func (s *ByteSet) Add(c byte) { s[c>>6] |= 1 << (c & 63) }

// Has reports whether c is in the set.
func (s *ByteSet) Has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }
