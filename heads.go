package winnow

import (
	"fmt"
	"io"
	"slices"

	"github.com/winnow-dev/winnow/model"
)

// headsKind is a kind of heads file the package reads beside the content
// model: role models, page-type models, the smoothing model and the
// records smoothing model.
type headsKind struct {
	what   string            // its name in errors: "role models"
	names  []string          // the heads a file may hold
	schema model.Schema      // the feature schema they must be trained on
	needs  map[string]string // a head that is read only after another: the other
}

var (
	roleHeads     = headsKind{"role models", RoleHeads(), Schema(), nil}
	pageTypeHeads = headsKind{"page-type models", PageTypes(), PageTypeSchema(), nil}
)

// check checks that every head of h is one of k.names, on k.schema, and
// that a head k.needs another comes with it. A file may lack heads.
func (k headsKind) check(h *model.Heads) error {
	for _, name := range h.Names {
		if !slices.Contains(k.names, name) {
			return fmt.Errorf("%s: unknown head %q (want some of %v)", k.what, name, k.names)
		}
	}
	for _, head := range k.names { // in k.names' order, not the map's
		if first, ok := k.needs[head]; ok && h.Head(head) != nil && h.Head(first) == nil {
			return fmt.Errorf("%s: head %q without %q, which it follows", k.what, head, first)
		}
	}
	if err := h.CheckSchema(k.schema); err != nil {
		return fmt.Errorf("%s: %w", k.what, err)
	}
	return nil
}

// load reads a heads file (model.HeadsMagic) and checks it.
func (k headsKind) load(r io.Reader) (*model.Heads, error) {
	h, err := model.LoadHeads(r, k.schema)
	if err != nil {
		return nil, err
	}
	if err := k.check(h); err != nil {
		return nil, err
	}
	return h, nil
}

// resolve fills in *h from embedded unless set (the option was given),
// and checks it when there is one.
func (k headsKind) resolve(h **model.Heads, set bool, embedded func() (*model.Heads, error)) error {
	if !set {
		e, err := embedded()
		if err != nil {
			return err
		}
		*h = e
	}
	if *h != nil {
		return k.check(*h)
	}
	return nil
}
