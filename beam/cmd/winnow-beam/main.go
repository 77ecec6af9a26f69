// Command winnow-beam extracts the main content of every HTML response in
// a set of WARC (or ARC) files on an Apache Beam runner, writing one
// <name>.jsonl.gz per input file into the output folder, with the lines of
// `winnow extract -format jsonl`.
//
//	winnow-beam --input 'crawl/*.warc.gz' --output out            # prism, on this machine
//	winnow-beam --input 'gs://b/crawl/*.warc.gz' --output gs://b/out \
//	    --runner dataflow --project P --region R --staging_location gs://b/staging
//
// The runner and its options are Beam's own flags (see beam/README.md).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/winnow-dev/winnow/beam/pipeline"
)

var (
	input  = flag.String("input", "", "WARC or ARC files to extract: a glob, local or on any filesystem Beam supports (gs://, s3://)")
	output = flag.String("output", "", "folder to write <input name>.jsonl.gz into")
	jobs   = flag.Int("jobs", 1, "pages of one file extracted at once (the runner runs files in parallel)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "winnow-beam: --input and --output are required")
		flag.Usage()
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, *input, *output, *jobs)
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "winnow-beam: %v\n", err)
		os.Exit(1)
	}
}
