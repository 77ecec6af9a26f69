package train_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// A tree learns that short, link-heavy blocks are boilerplate.
func ExampleFit() {
	s := model.Schema{Version: "example-1", Names: []string{"LinkDensity", "NumWords"}}
	var X [][]float64
	var y []model.Label
	for i := range 200 {
		links, words := float64(i%10)/10, float64(i%37)
		X = append(X, []float64{links, words})
		if links < 0.4 && words >= 10 {
			y = append(y, model.Content)
		} else {
			y = append(y, model.Boilerplate)
		}
	}
	m, err := train.Fit(s, X, y, model.Config{MaxDepth: 3, Trees: 1, MinLeaf: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("P(content) of a long plain block: %.2f\n", m.Predict([]float64{0.1, 50}))
	fmt.Printf("P(content) of a link list:        %.2f\n", m.Predict([]float64{0.9, 50}))
	m.WriteRules(os.Stdout, 0)

	var file bytes.Buffer
	if err := m.Save(&file); err != nil {
		fmt.Println(err)
		return
	}
	_, err = model.Load(&file, model.Schema{Version: "example-2", Names: s.Names})
	fmt.Println(err)
	// Output:
	// P(content) of a long plain block: 1.00
	// P(content) of a link list:        0.00
	// if LinkDensity < 0.35 {  # 200 rows, P(content)=0.280
	//     if NumWords < 9.5 {  # 80 rows, P(content)=0.700
	//         boilerplate  # P(content)=0.000 (24 boilerplate, 0 content)
	//     } else {
	//         content  # P(content)=1.000 (0 boilerplate, 56 content)
	//     }
	// } else {
	//     boilerplate  # P(content)=0.000 (120 boilerplate, 0 content)
	// }
	// load model: feature schema mismatch: version "example-1", want "example-2"
}
