package page

import "hash/maphash"

// attrKeys is the set of the attribute keys of one tag, b[start:end]
// spans of the page, equal when equal but for ASCII case, as the
// tokenizer compares them to drop a repeated attribute. It allocates only
// for a tag with more than fewKeys keys, then hashes them so that a tag
// with many attributes costs linear time.
type attrKeys struct {
	b     []byte
	n     int           // keys in the set
	few   [fewKeys]span // the first fewKeys keys
	table []keySlot     // all keys, past fewKeys: open addressing
	gen   uint32        // the slots of the current tag's keys have this gen
	seed  maphash.Seed
}

// keySlot is a slot of attrKeys.table, holding a key of the tag of its
// gen.
type keySlot struct {
	key span
	gen uint32
}

// fewKeys is how many keys attrKeys compares one by one.
const fewKeys = 16

// reset empties the set for the next tag.
func (k *attrKeys) reset() { k.n = 0 }

// add adds the key b[start:end], not empty, and reports whether it was
// not in the set already.
func (k *attrKeys) add(start, end int) bool {
	key := k.b[start:end]
	if k.n < fewKeys {
		for _, f := range k.few[:k.n] {
			if equalFold(k.b[f.start:f.end], key) {
				return false
			}
		}
		k.few[k.n] = span{start, end}
		k.n++
		return true
	}
	if k.n == fewKeys {
		if k.table == nil {
			k.seed = maphash.MakeSeed()
			k.table = make([]keySlot, 4*fewKeys)
		}
		k.gen++ // the slots of earlier tags' keys are free
		for _, f := range k.few {
			k.insert(f)
		}
	}
	if 2*(k.n+1) > len(k.table) {
		old := k.table
		k.table = make([]keySlot, 2*len(old))
		for _, s := range old {
			if s.gen == k.gen {
				k.insert(s.key)
			}
		}
	}
	if !k.insert(span{start, end}) {
		return false
	}
	k.n++
	return true
}

// insert puts key in the table unless it is there, and reports whether
// it was not. The table has a free slot.
func (k *attrKeys) insert(key span) bool {
	b := k.b[key.start:key.end]
	var h maphash.Hash
	h.SetSeed(k.seed)
	for _, c := range b {
		h.WriteByte(lowerASCII(c))
	}
	mask := uint64(len(k.table) - 1)
	for i := h.Sum64() & mask; ; i = (i + 1) & mask {
		s := &k.table[i]
		if s.gen != k.gen {
			*s = keySlot{key, k.gen}
			return true
		}
		if equalFold(k.b[s.key.start:s.key.end], b) {
			return false
		}
	}
}
