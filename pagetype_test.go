package winnow

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// leafModel is a model over schema s that gives every vector
// P = content/10.
func leafModel(t *testing.T, s model.Schema, content float64) *model.Model {
	t.Helper()
	m, err := model.New(s, "test", model.Config{}, []model.Tree{{Feature: []int32{-1}, Threshold: []float64{0}, Left: []int32{-1}, Right: []int32{-1},
		Counts: [][2]float64{{10 - content, content}}}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// splitModel is a model over schema s that gives P = 0.1 to vectors whose
// feature named name is below 0.5, and 0.9 to the others.
func splitModel(t *testing.T, s model.Schema, name string) *model.Model {
	t.Helper()
	f := int32(slices.Index(s.Names, name))
	m, err := model.New(s, "test", model.Config{}, []model.Tree{{Feature: []int32{f, -1, -1}, Threshold: []float64{0.5, 0, 0},
		Left: []int32{1, -1, -1}, Right: []int32{2, -1, -1}, Counts: [][2]float64{{10, 10}, {9, 1}, {1, 9}}}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPageType(t *testing.T) {
	s := PageTypeSchema()
	h := &model.Heads{Names: []string{"article", "product"}, Models: []*model.Model{leafModel(t, s, 5), splitModel(t, s, "TypeProduct")}}
	var file bytes.Buffer
	if err := h.Save(&file); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadPageTypes(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	const body = `<body><h1>Red hat</h1><p>A warm red hat of wool, knitted by hand, in three sizes and two colours.</p></body>`
	product := `<head><script type="application/ld+json">{"@type":"Product"}</script></head>` + body
	cases := []struct {
		name, page, want string
		opts             []Option
	}{
		{"declared product", product, "product", []Option{WithPageTypes(loaded)}},
		{"no type declared", body, "article", []Option{WithPageTypes(loaded)}},
		{"no page-type models", product, "", []Option{WithPageTypes(nil)}},
	}
	for _, tc := range cases {
		a, err := Extract(strings.NewReader(tc.page), tc.opts...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.PageType != tc.want {
			t.Errorf("%s: PageType %q, want %q", tc.name, a.PageType, tc.want)
		}
	}
}

func TestLoadPageTypesRefuses(t *testing.T) {
	save := func(h *model.Heads) []byte {
		var b bytes.Buffer
		if err := h.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	unknown := save(&model.Heads{Names: []string{"recipe"}, Models: []*model.Model{leafModel(t, PageTypeSchema(), 5)}})
	if _, err := LoadPageTypes(bytes.NewReader(unknown)); err == nil || !strings.Contains(err.Error(), `unknown head "recipe"`) {
		t.Errorf("a head that is no page type: %v", err)
	}
	blocks := save(&model.Heads{Names: []string{"article"}, Models: []*model.Model{leafModel(t, Schema(), 5)}})
	if _, err := LoadPageTypes(bytes.NewReader(blocks)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Errorf("a head over the block features: %v, want ErrSchemaMismatch", err)
	}
	if _, err := New(WithPageTypes(&model.Heads{Names: []string{"article"}, Models: []*model.Model{leafModel(t, Schema(), 5)}})); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Errorf("New with page-type heads over the block features: %v, want ErrSchemaMismatch", err)
	}
}
