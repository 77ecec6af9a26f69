package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

// writeFileAtomic writes data to path atomically (internal/atomicfile):
// an existing path is refused unless force.
func writeFileAtomic(path string, data []byte, force bool) error {
	return atomicfile.WriteFile(path, data, force)
}

// writeShared writes a file through a buffered atomic file: write fills
// it, and the file appears only when write succeeds.
func writeShared(path string, force bool, write func(io.Writer) error) error {
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err = write(bw); err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}

// output is where a command writes its result: standard output, or an
// atomic file when -o is given.
type output struct {
	io.Writer
	file *atomicfile.File
}

func openOutput(e *env, path string, force bool) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: e.stdout}, nil
	}
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return nil, err
	}
	return &output{Writer: f, file: f}, nil
}

// finish commits the output file, or removes it when the run failed or was
// interrupted (ok false).
func (o *output) finish(ok bool) error {
	if o.file == nil {
		return nil
	}
	if !ok {
		o.file.Abort()
		return nil
	}
	return o.file.Commit()
}
