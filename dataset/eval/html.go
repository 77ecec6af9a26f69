package eval

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"math"
	"strings"

	"github.com/winnow-dev/winnow/dataset"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// htmlPlot is one inlined plot.
type htmlPlot struct {
	Title string
	SVG   template.HTML
}

// htmlWorst is a worst page with its blocks coloured by the mistake.
type htmlWorst struct {
	WorstPage
	Blocks []htmlBlock
}

type htmlBlock struct {
	// Class is ok (content kept), fp (boilerplate kept), fn (content
	// dropped), unk (kept, unlabelled) or gap (dropped boilerplate, folded).
	Class string
	Text  string
}

type htmlData struct {
	R       *Report
	Header  string
	Notes   []string
	Tables  []*table
	Plots   []htmlPlot
	Worst   []htmlWorst
	WorstOf string
	CV      []*table
}

// WriteHTML writes the report as one self-contained HTML page: the tables
// of the text report, and plots drawn by gonum/plot and inlined as SVG; no
// script, nothing fetched.
func WriteHTML(w io.Writer, r *Report) error {
	d := htmlData{R: r}
	var hb bytes.Buffer
	writeEvalHeader(&hb, r)
	d.Header = hb.String()
	for _, t := range reportTables(r) {
		if t != nil && len(t.Rows) > 0 {
			d.Tables = append(d.Tables, t)
		}
	}
	if r.CV != nil {
		d.CV = cvTables(r.CV)
	}
	plots := []struct {
		title string
		make  func(*Report) (*plot.Plot, vg.Length, vg.Length, error)
	}{
		{"F1 per group against the baselines", f1Plot},
		{"Precision–recall of content blocks, pooled", prPlot},
		{"Per-page F1 distribution, pooled", pageF1Plot},
		{"Feature importances", importancePlot},
	}
	for i, pl := range plots {
		p, wd, ht, err := pl.make(r)
		if err != nil {
			return fmt.Errorf("plot %q: %w", pl.title, err)
		}
		if p == nil {
			continue
		}
		svg, err := inlineSVG(p, wd, ht, fmt.Sprintf("p%d", i))
		if err != nil {
			return fmt.Errorf("plot %q: %w", pl.title, err)
		}
		d.Plots = append(d.Plots, htmlPlot{Title: pl.title, SVG: svg})
	}
	if len(r.Worst) > 0 {
		d.WorstOf = r.Worst[0].System
		for _, wp := range r.Worst[0].Pages {
			d.Worst = append(d.Worst, htmlWorst{WorstPage: wp, Blocks: worstBlocks(wp.page, wp.keep)})
		}
	}
	return evalTemplate.Execute(w, d)
}

// inlineSVG draws p as SVG for inlining: the XML prologue is dropped and
// element ids are prefixed so that several plots in one page do not share
// clip paths.
func inlineSVG(p *plot.Plot, w, h vg.Length, prefix string) (template.HTML, error) {
	c := vgsvg.New(w, h)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", err
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	s = strings.NewReplacer(`id="`, `id="`+prefix+"-", `url(#`, `url(#`+prefix+"-", `href="#`, `href="#`+prefix+"-").Replace(s)
	// The SVG is generated here from numbers and names of our own tables,
	// escaped by svgo.
	return template.HTML(s), nil
}

// pooledGroup is the group the single-figure plots show: "all" when
// there is one, else the only group.
func pooledGroup(r *Report) *GroupScore {
	for i := range r.Groups {
		if r.Groups[i].Kind == "pooled" {
			return &r.Groups[i]
		}
	}
	if len(r.Groups) == 0 {
		return nil
	}
	return &r.Groups[0]
}

func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = x
	p.Y.Label.Text = y
	return p
}

// f1Plot is a grouped bar chart: text F1 (block F1 without gold) per group
// and system.
func f1Plot(r *Report) (*plot.Plot, vg.Length, vg.Length, error) {
	if len(r.Groups) == 0 {
		return nil, 0, 0, nil
	}
	p := newPlot("", "", "F1 (text shingles; block F1 where no gold text)")
	// Head room above 1 for the legend, without ticks there.
	p.Y.Min, p.Y.Max = 0, 1.3
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 0.25}, {Value: 0.5, Label: "0.5"}, {Value: 0.75}, {Value: 1, Label: "1"}}
	names := make([]string, len(r.Groups))
	for i, g := range r.Groups {
		names[i] = g.Name
	}
	width := 11 * vg.Inch
	ns := len(r.Systems)
	groupW := (width - vg.Inch) * 0.8 / vg.Length(len(r.Groups))
	barW := min(groupW/vg.Length(ns), vg.Points(36))
	for k, s := range r.Systems {
		vals := make(plotter.Values, len(r.Groups))
		for i, g := range r.Groups {
			if t := g.Systems[k].Text; t != nil {
				vals[i] = t.Shingles.F1
			} else {
				vals[i] = g.Systems[k].Block.F1
			}
		}
		b, err := plotter.NewBarChart(vals, barW)
		if err != nil {
			return nil, 0, 0, err
		}
		b.Color = plotutil.Color(k)
		b.LineStyle.Width = 0
		b.Offset = vg.Length(float64(k)-float64(ns-1)/2) * barW
		p.Add(b)
		p.Legend.Add(s, b)
	}
	p.Legend.Top = true
	p.Legend.Left = false
	p.NominalX(names...)
	p.X.Tick.Label.Rotation = math.Pi / 6
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.Add(plotter.NewGrid())
	return p, width, 4.5 * vg.Inch, nil
}

// prPlot draws the models' precision–recall curves over the threshold and
// every system's own decision (after smoothing) as a point.
func prPlot(r *Report) (*plot.Plot, vg.Length, vg.Length, error) {
	g := pooledGroup(r)
	if g == nil {
		return nil, 0, 0, nil
	}
	p := newPlot("", "recall (content blocks)", "precision")
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(plotter.NewGrid())
	for k, s := range g.Systems {
		if s.Ranking != nil && len(s.Ranking.curve) > 1 {
			xys := curveXYs(s.Ranking.curve, 400)
			l, err := plotter.NewLine(xys)
			if err != nil {
				return nil, 0, 0, err
			}
			l.Color = plotutil.Color(k)
			l.Width = vg.Points(1.5)
			p.Add(l)
			p.Legend.Add(s.System+": P(content) ≥ t", l)
		}
		sc, err := plotter.NewScatter(plotter.XYs{{X: s.Block.Recall, Y: s.Block.Precision}})
		if err != nil {
			return nil, 0, 0, err
		}
		sc.GlyphStyle.Color = plotutil.Color(k)
		sc.GlyphStyle.Shape = plotutil.Shape(k)
		sc.GlyphStyle.Radius = vg.Points(5)
		p.Add(sc)
		p.Legend.Add(s.System+": decision", sc)
	}
	p.Legend.Top = false
	p.Legend.Left = true
	return p, 6 * vg.Inch, 5 * vg.Inch, nil
}

// curveXYs turns a PR curve into at most n points, keeping both ends.
func curveXYs(c []prPoint, n int) plotter.XYs {
	step := max(1, len(c)/n)
	var xys plotter.XYs
	for i := 0; i < len(c); i += step {
		xys = append(xys, plotter.XY{X: c[i].Recall, Y: c[i].Precision})
	}
	if last := c[len(c)-1]; (len(c)-1)%step != 0 {
		xys = append(xys, plotter.XY{X: last.Recall, Y: last.Precision})
	}
	return xys
}

// pageF1Plot draws box plots of per-page shingle F1, one per system.
func pageF1Plot(r *Report) (*plot.Plot, vg.Length, vg.Length, error) {
	g := pooledGroup(r)
	if g == nil || g.Systems[0].Text == nil {
		return nil, 0, 0, nil
	}
	p := newPlot("", "", "per-page shingle F1")
	p.Y.Min, p.Y.Max = 0, 1
	var names []string
	for k, s := range g.Systems {
		if s.Text == nil || len(s.Text.pageF1s) == 0 {
			continue
		}
		b, err := plotter.NewBoxPlot(vg.Points(40), float64(len(names)), plotter.Values(s.Text.pageF1s))
		if err != nil {
			return nil, 0, 0, err
		}
		b.FillColor = lighten(plotutil.Color(k))
		p.Add(b)
		names = append(names, s.System)
	}
	if len(names) == 0 {
		return nil, 0, 0, nil
	}
	p.NominalX(names...)
	p.Add(plotter.NewGrid())
	return p, 6 * vg.Inch, 4.5 * vg.Inch, nil
}

func lighten(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8)/2 + 127) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 255}
}

// importancePlot draws the first model's feature importances, most
// important on top.
func importancePlot(r *Report) (*plot.Plot, vg.Length, vg.Length, error) {
	if len(r.Importances) == 0 || len(r.Importances[0].Features) == 0 {
		return nil, 0, 0, nil
	}
	fs := r.Importances[0].Features
	p := newPlot(r.Importances[0].System, "importance (impurity decrease)", "")
	vals := make(plotter.Values, len(fs))
	names := make([]string, len(fs))
	for i, f := range fs {
		vals[len(fs)-1-i] = f.Importance
		names[len(fs)-1-i] = f.Feature
	}
	b, err := plotter.NewBarChart(vals, vg.Points(14))
	if err != nil {
		return nil, 0, 0, err
	}
	b.Horizontal = true
	b.Color = plotutil.Color(0)
	b.LineStyle.Width = 0
	p.Add(b)
	p.NominalY(names...)
	p.X.Min = 0
	return p, 6 * vg.Inch, vg.Length(len(fs))*0.28*vg.Inch + vg.Inch, nil
}

// maxShownBlocks bounds the blocks shown per worst page.
const maxShownBlocks = 120

// worstBlocks lists a page's kept and mistaken blocks, runs of correctly
// dropped blocks folded into one gap.
func worstBlocks(p *dataset.LabelledPage, keep []bool) []htmlBlock {
	if p == nil {
		return nil
	}
	var out []htmlBlock
	gap := 0
	flush := func() {
		if gap > 0 {
			out = append(out, htmlBlock{Class: "gap", Text: fmt.Sprintf("… %d boilerplate blocks dropped …", gap)})
			gap = 0
		}
	}
	for i, k := range keep {
		l := p.Labels[i]
		class := ""
		switch {
		case k && l == dataset.Content:
			class = "ok"
		case k && l == dataset.Boilerplate:
			class = "fp"
		case k:
			class = "unk"
		case l == dataset.Content:
			class = "fn"
		}
		if class == "" {
			gap++
			continue
		}
		flush()
		if len(out) >= maxShownBlocks {
			out = append(out, htmlBlock{Class: "gap", Text: "… more blocks not shown …"})
			return out
		}
		out = append(out, htmlBlock{Class: class, Text: quote(p.Page.Blocks[i].Text)})
	}
	flush()
	return out
}

var evalTemplate = template.Must(template.New("eval").Funcs(template.FuncMap{
	"best": func(s string) bool { return strings.HasSuffix(s, "*") },
	"num":  func(s string) bool { return len(s) > 0 && (s[0] >= '0' && s[0] <= '9' || s[0] == '+' || s[0] == '-') },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>winnow eval</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #222; max-width: 1180px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
pre.header { background: #f6f6f6; padding: 8px; white-space: pre-wrap; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: left; }
th { background: #f0f0f0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.best { font-weight: bold; background: #e3f5e1; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
figure { margin: 8px 0 24px; } figcaption { font-weight: 600; }
svg { max-width: 100%; height: auto; }
.page { border: 1px solid #ddd; margin: 12px 0; padding: 8px; }
.blocks { max-height: 360px; overflow: auto; font-size: 12px; }
.blocks div { margin: 2px 0; padding: 1px 4px; }
.ok { background: #d8f5d4; }
.fp { background: #ffc9c9; border-left: 4px solid #c00; }
.fn { background: #fff0b3; border-left: 4px solid #d90; text-decoration: line-through; }
.unk { background: #eee; }
.gap { color: #888; font-style: italic; }
.legend span { padding: 1px 6px; margin-right: 6px; }
</style>
</head>
<body>
<h1>winnow eval</h1>
<pre class="header">{{.Header}}</pre>
{{range .Plots}}{{if eq .Title "F1 per group against the baselines"}}<figure><figcaption>{{.Title}}</figcaption>{{.SVG}}</figure>{{end}}{{end}}
{{range .Tables}}
<table><caption>{{.Title}}</caption>
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .}}<td class="{{if num .}}n{{end}}{{if best .}} best{{end}}">{{.}}</td>{{end}}</tr>
{{end}}</table>
{{end}}
{{range .CV}}
<table><caption>{{.Title}}</caption>
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .}}<td class="{{if num .}}n{{end}}">{{.}}</td>{{end}}</tr>
{{end}}</table>
{{end}}
<h2>Plots</h2>
{{range .Plots}}{{if ne .Title "F1 per group against the baselines"}}<figure><figcaption>{{.Title}}</figcaption>{{.SVG}}</figure>{{end}}{{end}}
{{if .Worst}}
<h2>Worst pages of {{.WorstOf}}</h2>
<p class="legend"><span class="ok">content kept</span><span class="fp">boilerplate kept (mistake)</span><span class="fn">content dropped (mistake)</span><span class="unk">kept, unlabelled</span></p>
{{range $i, $p := .Worst}}
<div class="page">
<b>{{$p.Set}} {{$p.ID}}</b>{{if $p.PageType}} ({{$p.PageType}}){{end}}{{if $p.Empty}}, <b>nothing extracted</b>{{end}}{{if eq $p.Tokenisation "characters"}}, scored by characters{{end}}: shingle F1 {{printf "%.3f" $p.F1}}, block F1 {{printf "%.3f" $p.BlockF1}} {{if $p.URL}}<small>{{$p.URL}}</small>{{end}}
{{if $p.Mistakes}}<ul>{{range $p.Mistakes}}<li><span class="{{if eq .Kind "boilerplate kept"}}fp{{else}}fn{{end}}">{{.Kind}}</span>{{if .Fine}} [{{.Fine}}]{{end}}, {{.Words}} words: “{{.Text}}”</li>{{end}}</ul>{{else}}<p>No block-level mistake: the gold text and the block labels disagree.</p>{{end}}
<div class="blocks">{{range $p.Blocks}}<div class="{{.Class}}">{{.Text}}</div>{{end}}</div>
</div>
{{end}}
{{end}}
</body>
</html>
`))
