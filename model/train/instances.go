package train

import (
	"fmt"
	"strings"

	"github.com/sjwhitworth/golearn/base"
	"github.com/winnow-dev/winnow/model"
)

// ClassAttribute is the name of the categorical class attribute of the
// grids NewInstances builds; its values are Label.String() of each class.
const ClassAttribute = "label"

// versionGroupPrefix names the empty attribute group that carries the schema
// version through a golearn grid, which has no other place for metadata.
const versionGroupPrefix = "winnow-schema-version:"

// NewInstances builds a golearn grid from rows X (one value per schema
// feature, in schema order) and labels y: one float attribute per feature,
// named by the schema, then the categorical class attribute ClassAttribute
// with values "boilerplate" and "content". The schema version travels with
// the grid (as the name of an empty attribute group) so that a trainer
// fitted on it records it; grids built otherwise fit with an empty version.
// The grid copies the values; X and y are not retained.
func NewInstances(s model.Schema, X [][]float64, y []model.Label) (*base.DenseInstances, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("new instances: %w", err)
	}
	if _, err := checkRows(X, y, len(s.Names)); err != nil {
		return nil, fmt.Errorf("new instances: %w", err)
	}
	for _, n := range s.Names {
		if n == ClassAttribute {
			return nil, fmt.Errorf("new instances: feature name %q is the class attribute's", n)
		}
	}
	g := base.NewDenseInstances()
	if err := g.CreateAttributeGroup(versionGroupPrefix+s.Version, 8); err != nil {
		return nil, fmt.Errorf("new instances: %w", err)
	}
	specs := make([]base.AttributeSpec, len(s.Names))
	for i, n := range s.Names {
		specs[i] = g.AddAttribute(base.NewFloatAttribute(n))
	}
	class := base.NewCategoricalAttribute()
	class.SetName(ClassAttribute)
	sysVal := [2][]byte{class.GetSysValFromString(model.Boilerplate.String()), class.GetSysValFromString(model.Content.String())}
	cspec := g.AddAttribute(class)
	if err := g.AddClassAttribute(class); err != nil {
		return nil, fmt.Errorf("new instances: %w", err)
	}
	if err := g.Extend(len(X)); err != nil {
		return nil, fmt.Errorf("new instances: %w", err)
	}
	buf := make([]byte, 8)
	for r, row := range X {
		for i, v := range row {
			base.PackFloatToBytesInline(v, buf)
			g.Set(specs[i], r, buf)
		}
		g.Set(cspec, r, sysVal[y[r]])
	}
	return g, nil
}

// FromInstances reads a golearn grid back into a schema, rows and labels:
// the features are the grid's non-class float attributes in grid order, the
// label is its single class attribute, either categorical with values
// "boilerplate"/"content" (as NewInstances builds) or float 0/1. The schema
// version is the one NewInstances recorded, or "" for other grids. The rows
// share one backing array.
func FromInstances(g base.FixedDataGrid) (model.Schema, [][]float64, []model.Label, error) {
	var s model.Schema
	attrs := base.NonClassFloatAttributes(g)
	if len(attrs) == 0 {
		return s, nil, nil, fmt.Errorf("from instances: no float feature attributes")
	}
	for _, a := range attrs {
		s.Names = append(s.Names, a.GetName())
	}
	s.Version = gridVersion(g)
	classes := g.AllClassAttributes()
	if len(classes) != 1 {
		return s, nil, nil, fmt.Errorf("from instances: %d class attributes, want 1", len(classes))
	}
	class := classes[0]
	specs := base.ResolveAttributes(g, append(attrs, class))
	_, n := g.Size()
	nf := len(attrs)
	backing := make([]float64, n*nf)
	X := make([][]float64, n)
	y := make([]model.Label, n)
	var bad error
	err := g.MapOverRows(specs, func(row [][]byte, r int) (bool, error) {
		x := backing[r*nf : (r+1)*nf : (r+1)*nf]
		for i := range nf {
			x[i] = base.UnpackBytesToFloat(row[i])
		}
		X[r] = x
		l, err := classOf(class, row[nf])
		if err != nil {
			bad = fmt.Errorf("row %d: %w", r, err)
			return false, bad
		}
		y[r] = l
		return true, nil
	})
	if err != nil {
		return s, nil, nil, fmt.Errorf("from instances: %w", err)
	}
	if bad != nil {
		return s, nil, nil, fmt.Errorf("from instances: %w", bad)
	}
	return s, X, y, nil
}

// gridVersion returns the schema version NewInstances recorded in g.
func gridVersion(g base.FixedDataGrid) string {
	d, ok := g.(*base.DenseInstances)
	if !ok {
		return ""
	}
	for name := range d.AllAttributeGroups() { // at most one matches
		if v, ok := strings.CutPrefix(name, versionGroupPrefix); ok {
			return v
		}
	}
	return ""
}

func classOf(a base.Attribute, v []byte) (model.Label, error) {
	switch a := a.(type) {
	case *base.FloatAttribute:
		switch base.UnpackBytesToFloat(v) {
		case 0:
			return model.Boilerplate, nil
		case 1:
			return model.Content, nil
		}
		return 0, fmt.Errorf("class value %v, want 0 or 1", base.UnpackBytesToFloat(v))
	case *base.CategoricalAttribute:
		if base.UnpackBytesToU64(v) >= uint64(len(a.GetValues())) {
			return 0, fmt.Errorf("class code %d out of range", base.UnpackBytesToU64(v))
		}
		switch s := a.GetStringFromSysVal(v); s {
		case "boilerplate", "0":
			return model.Boilerplate, nil
		case "content", "1":
			return model.Content, nil
		default:
			return 0, fmt.Errorf("class value %q, want boilerplate or content", s)
		}
	}
	return 0, fmt.Errorf("class attribute %q is neither float nor categorical", a.GetName())
}

// predictGrid labels every row of g with m: the grid must hold a float
// attribute for every schema name (others are ignored, order may differ).
// The result has one categorical class attribute ClassAttribute per row,
// "content" where P(content) > 0.5, so golearn's evaluation functions can
// compare it with a grid from NewInstances.
func predictGrid(m *model.Model, g base.FixedDataGrid) (base.FixedDataGrid, error) {
	// The names Predict reads are those m was built with; a Schema field
	// changed since is refused.
	if err := m.CheckSchema(m.Schema); err != nil {
		return nil, fmt.Errorf("predict: %w", err)
	}
	specs := make([]base.AttributeSpec, len(m.Schema.Names))
	for i, n := range m.Schema.Names {
		a := base.GetAttributeByName(g, n)
		if a == nil {
			return nil, fmt.Errorf("predict: %w: grid has no attribute %q", model.ErrSchemaMismatch, n)
		}
		if _, ok := a.(*base.FloatAttribute); !ok {
			return nil, fmt.Errorf("predict: attribute %q is not a float attribute", n)
		}
		s, err := g.GetAttribute(a)
		if err != nil {
			return nil, fmt.Errorf("predict: %w", err)
		}
		specs[i] = s
	}
	_, n := g.Size()
	out := base.NewDenseInstances()
	class := base.NewCategoricalAttribute()
	class.SetName(ClassAttribute)
	sysVal := [2][]byte{class.GetSysValFromString(model.Boilerplate.String()), class.GetSysValFromString(model.Content.String())}
	cspec := out.AddAttribute(class)
	if err := out.AddClassAttribute(class); err != nil {
		return nil, fmt.Errorf("predict: %w", err)
	}
	if err := out.Extend(n); err != nil {
		return nil, fmt.Errorf("predict: %w", err)
	}
	x := make([]float64, len(specs))
	err := g.MapOverRows(specs, func(row [][]byte, r int) (bool, error) {
		for i, b := range row {
			x[i] = base.UnpackBytesToFloat(b)
		}
		out.Set(cspec, r, sysVal[m.Label(x)])
		return true, nil
	})
	if err != nil {
		return nil, fmt.Errorf("predict: %w", err)
	}
	return out, nil
}
