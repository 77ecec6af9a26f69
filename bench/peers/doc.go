// Package peers measures winnow against its peers on one fixed set of real
// pages: the bare golang.org/x/net/html parser (the floor, Floor), winnow
// (package wn), go-trafilatura (tf) and go-readability (rd).
//
// It is a separate module so that the winnow module never depends on the
// peers. The page set comes from the shared labelled data (see Samples and
// Load); the benchmarks live in peers_test.go and the peak-memory helper in
// cmd/peakmem.
//
//	pages, err := peers.Load(peers.DataDir())
//	if err != nil { ... }
//	x, err := tf.New()
//	if err != nil { ... }
//	for _, p := range pages {
//		text, err := x.Extract(p.HTML) // errors.Is(err, peers.ErrEmpty): nothing kept
//		...
//	}
package peers
