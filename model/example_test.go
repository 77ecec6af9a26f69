package model_test

import (
	"bytes"
	"fmt"

	"github.com/winnow-dev/winnow/model"
)

// A model made by hand (trainers, in package model/train, make them from
// labelled rows) predicts, explains and survives a round trip through its
// file, which is refused under another feature schema.
func ExampleModel_Explain() {
	s := model.Schema{Version: "example-1", Names: []string{"LinkDensity", "NumWords"}}
	// Node 0 tests LinkDensity < 0.4; its left child, node 1, NumWords < 10.
	tree := model.Tree{
		Feature:   []int32{0, 1, -1, -1, -1},
		Threshold: []float64{0.4, 10, 0, 0, 0},
		Left:      []int32{1, 2, -1, -1, -1},
		Right:     []int32{4, 3, -1, -1, -1},
		Counts:    [][2]float64{{130, 70}, {10, 70}, {10, 0}, {0, 70}, {120, 0}},
	}
	m, err := model.New(s, "hand", model.Config{Trees: 1, MaxDepth: 2}, []model.Tree{tree})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, path := m.Explain([]float64{0.1, 50})
	fmt.Printf("P(content) of a long plain block: %.2f\n", p)
	for _, st := range path {
		fmt.Printf("  %s = %v < %v: %v\n", st.Name, st.Value, st.Threshold, st.Left)
	}
	fmt.Printf("P(content) of a link list:        %.2f\n", m.Predict([]float64{0.9, 50}))

	var file bytes.Buffer
	if err := m.Save(&file); err != nil {
		fmt.Println(err)
		return
	}
	_, err = model.Load(&file, model.Schema{Version: "example-2", Names: s.Names})
	fmt.Println(err)
	// Output:
	// P(content) of a long plain block: 1.00
	//   LinkDensity = 0.1 < 0.4: true
	//   NumWords = 50 < 10: false
	// P(content) of a link list:        0.00
	// load model: feature schema mismatch: version "example-1", want "example-2"
}
