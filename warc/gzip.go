package warc

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/gzip"
)

// countingReader counts the bytes read through it. It is an io.ByteReader,
// so the gzip reader reads no further than the end of a member.
// It remembers an error other than io.EOF, which is the file's, not the
// gzip stream's.
type countingReader struct {
	r   *bufio.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	} else if err != io.EOF {
		c.err = err
	}
	return b, err
}

// member is where a gzip member starts, in the file and in the
// decompressed stream.
type member struct{ file, data int64 }

// gunzipper decompresses a file of one or more gzip members as one stream
// (with klauspost/compress's gzip, a drop-in for compress/gzip)
// and remembers where recent members start, so that an offset in the
// decompressed stream can be mapped to the start of its member in the file
// (the offset a CDX index gives for a file gzipped record by record).
type gunzipper struct {
	src     *countingReader
	z       *gzip.Reader
	out     int64    // decompressed bytes handed out
	members []member // starts of the members not yet forgotten, in order
	err     error
}

func newGunzipper(src *bufio.Reader) (*gunzipper, error) {
	c := &countingReader{r: src}
	z, err := gzip.NewReader(c)
	if err != nil {
		return nil, err
	}
	z.Multistream(false)
	return &gunzipper{src: c, z: z, members: []member{{0, 0}}}, nil
}

func (g *gunzipper) Read(p []byte) (int, error) {
	for {
		if g.err != nil {
			return 0, g.err
		}
		n, err := g.z.Read(p)
		g.out += int64(n)
		if err == nil || n > 0 && err == io.EOF {
			if err == io.EOF {
				g.next()
			}
			return n, nil
		}
		if g.src.err != nil {
			g.err = g.src.err // reading the file failed
			return n, g.err
		}
		if err != io.EOF {
			g.err = fmt.Errorf("gzip stream at byte %d of the file: %w", g.src.n, err)
			if errors.Is(err, io.EOF) {
				g.err = fmt.Errorf("gzip stream at byte %d of the file: %w", g.src.n, io.ErrUnexpectedEOF)
			}
			return n, g.err
		}
		g.next()
	}
}

// next moves on to the following member, if any; at the end of the file
// it sets io.EOF. Bytes after the last member that are not gzip are an
// error.
func (g *gunzipper) next() {
	if _, err := g.src.r.Peek(1); err == io.EOF {
		g.err = io.EOF
		return
	}
	start := g.src.n
	if err := g.z.Reset(g.src); err != nil {
		g.err = fmt.Errorf("gzip member at byte %d of the file: %w", start, err)
		if g.src.err != nil {
			g.err = g.src.err
		}
		return
	}
	g.z.Multistream(false)
	g.members = append(g.members, member{start, g.out})
}

// fileOffset is the start in the file of the member holding decompressed
// byte off. Members that start before it are forgotten, so offsets must be
// asked for in increasing order.
func (g *gunzipper) fileOffset(off int64) int64 {
	i := 0
	for i+1 < len(g.members) && g.members[i+1].data <= off {
		i++
	}
	g.members = g.members[i:]
	return g.members[0].file
}

// broken says whether the gzip stream itself is damaged (and not the file
// unreadable).
func (g *gunzipper) broken() bool {
	return g.err != nil && g.err != io.EOF && g.src.err == nil
}
