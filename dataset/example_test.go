package dataset_test

import (
	"fmt"

	"github.com/winnow-dev/winnow/dataset"
)

func ExampleSplit() {
	var pages []*dataset.LabelledPage
	for _, site := range []string{"a.example", "b.example", "c.example", "d.example", "e.example"} {
		for i := range 2 {
			pages = append(pages, &dataset.LabelledPage{Set: "wcxb", ID: fmt.Sprint(site, i), Site: site})
		}
	}
	train, test := dataset.Split(pages, 0.2, 1)
	fmt.Println(len(train), "train pages,", len(test), "test pages")
	for _, p := range test {
		fmt.Println("test:", p.ID)
	}
	// Output:
	// 8 train pages, 2 test pages
	// test: e.example0
	// test: e.example1
}

func ExampleShingles() {
	tp, fp, fn := dataset.Shingles("the cat sat on the mat today", "the cat sat on the mat")
	fmt.Printf("tp %.2f fp %.2f fn %.2f\n", tp, fp, fn)
	// Output: tp 0.75 fp 0.25 fn 0.00
}
