package train

import (
	"math/rand/v2"
	"sync"

	"github.com/winnow-dev/winnow/model"
)

// growForest grows cfg.Trees trees. A single tree uses all rows and spreads
// each node's histogram work over cfg.Workers goroutines; a forest grows
// whole trees in parallel, tree t drawing its bootstrap sample and feature
// subsets from a PCG seeded with (cfg.Seed, t), so the result does not
// depend on scheduling.
func growForest(d *binned, cfg model.Config) []model.Tree {
	if cfg.Trees == 1 {
		g := newGrower(d, cfg, 0, cfg.Workers)
		return []model.Tree{g.grow()}
	}
	out := make([]model.Tree, cfg.Trees)
	par := min(cfg.Workers, cfg.Trees)
	inner := max(1, cfg.Workers/par)
	next := make(chan int, cfg.Trees)
	for t := range cfg.Trees {
		next <- t
	}
	close(next)
	var wg sync.WaitGroup
	for range par {
		wg.Go(func() {
			for t := range next {
				out[t] = newGrower(d, cfg, t, inner).grow()
			}
		})
	}
	wg.Wait()
	return out
}

// bootstrap draws n rows with replacement and returns how often each row
// was drawn and the drawn rows in ascending order.
func bootstrap(n int, rng *rand.Rand) (mult []uint32, rows []int32) {
	mult = make([]uint32, n)
	for range n {
		mult[rng.IntN(n)]++
	}
	for i, m := range mult {
		if m > 0 {
			rows = append(rows, int32(i))
		}
	}
	return mult, rows
}
