package out

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// The attendance results of the analysis, each computed once: the
// attendance figure, the retention chart and the trend charts share them
// (at 20,000 organizations graph.Engage and graph.Trends take about a
// second each under load, BENCHMARKS.md).
type (
	engagementKey struct {
		recent              int
		core, regular, drop float64
		forums              string // EngagementOptions.Forums printed ("all" for nil): a slice is no map key
	}
	trendsKey struct{ p graph.Period }
)

// Engagement returns graph.Engage of the dataset with o, computed once
// per o; callers must not change it.
func (a *Analysis) Engagement(o graph.EngagementOptions) *graph.Engagement {
	k := engagementKey{o.Recent, o.Core, o.Regular, o.Drop, "all"}
	if o.Forums != nil {
		k.forums = fmt.Sprint(o.Forums)
	}
	e, _ := memo(a, k, func() (*graph.Engagement, error) { return graph.Engage(a.Dataset, o), nil })
	return e
}

// Trends returns graph.Trends of the dataset per period p, computed once
// per p; callers must not change it.
func (a *Analysis) Trends(p graph.Period) ([]graph.PeriodTrend, error) {
	return memo(a, trendsKey{p}, func() ([]graph.PeriodTrend, error) { return graph.Trends(a.Dataset, p) })
}
