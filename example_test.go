package winnow_test

import (
	"fmt"
	"strings"

	"github.com/winnow-dev/winnow"
)

const examplePage = `<html><head><title>Tide tables | Harbour Gazette</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Spring tides expected this weekend</h1>
<p>The harbour master has warned boat owners that the highest tides of the year are expected on Saturday and Sunday, with water levels up to half a metre above normal.</p>
<p>Owners of vessels moored on the inner wall are asked to check their lines before Friday evening, and the slipway will be closed for two hours either side of high water.</p>
<p>The council said that sandbags would be available at the fire station for residents of the lower town, as in previous years, and that it did not expect flooding.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">New café opens on the quay</a></li></ul></aside>
<footer><p>© 2026 Harbour Gazette. All rights reserved.</p></footer>
</body></html>`

func ExampleExtract() {
	a, err := winnow.Extract(strings.NewReader(examplePage))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(strings.Contains(a.Text, "sandbags would be available"))
	fmt.Println(strings.Contains(a.Text, "Most read"), strings.Contains(a.Text, "All rights reserved"))
	// Output:
	// Spring tides expected this weekend
	// true
	// false false
}

func ExampleExtractor() {
	// Load a model once (here the embedded one; winnow.LoadModel reads a file
	// written by `winnow train`) and share the Extractor between goroutines.
	m, err := winnow.DefaultModel()
	if err != nil {
		fmt.Println(err)
		return
	}
	x, err := winnow.New(winnow.WithModel(m), winnow.WithThreshold(0.5))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := x.Extract(strings.NewReader(examplePage))
	if err != nil {
		fmt.Println(err)
		return
	}
	kept := 0
	for _, b := range a.Blocks {
		if b.Content {
			kept++
		}
	}
	fmt.Printf("%d of %d blocks kept\n", kept, len(a.Blocks))
	fmt.Println(a.Markdown()[:37])
	// Output:
	// 4 of 11 blocks kept
	// # Spring tides expected this weekend
}

func ExampleArticle_parts() {
	page := strings.Replace(examplePage, "<h1>",
		`<p class="byline">By <span class="author">Mary Quay</span>, <time datetime="2026-03-27">27 March 2026</time></p><h1>`, 1)
	page = strings.Replace(page, "</title>", `</title><meta property="og:site_name" content="Harbour Gazette">`, 1)
	a, err := winnow.Extract(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s | %s\n", a.Title, a.Author, a.Date, a.SiteName)
	fmt.Println(a.Text[:40])
	// Output:
	// Spring tides expected this weekend | Mary Quay | 2026-03-27 | Harbour Gazette
	// The harbour master has warned boat owner
}
