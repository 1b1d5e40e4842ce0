package out

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// QAPRequest is a QAP regression asked for by its terms' names (the qap
// command): graph.QAPDesign builds the terms, graph.QAP fits them.
type QAPRequest struct {
	// Outcome and Predict name the terms (graph.QAPOutcome,
	// graph.QAPPredictors); an empty Outcome asks for the forum effect of
	// the last two waves (ForumModelTerms), Predict then unused.
	Outcome string
	Predict []string
	// AutoModel chooses Options.Model from the outcome: logistic for the
	// binary outcomes (tie:, new:), least squares otherwise.
	AutoModel bool
	Selection graph.TieSelection // the ties the tie-based terms read
	Options   graph.QAPOptions
}

// QAPView fits the regression r asks for and returns its tables (as
// QAPTables). A term that cannot be built, a model that cannot be fitted
// (collinear predictors, a logistic outcome that is not 0 or 1, too few
// pairs) and a tie type or default model the dataset lacks are a
// *RequestError naming the flag (--outcome, --predict, --type).
func QAPView(ctx context.Context, a *Analysis, r QAPRequest) (*Tables, error) {
	d := a.Dataset
	if err := graph.CheckTieType(d, "", r.Selection.Type); err != nil {
		return nil, &RequestError{err}
	}
	outcome, predict := r.Outcome, r.Predict
	if outcome == "" {
		ws := d.Waves()
		if len(ws) < 2 {
			return nil, &RequestError{fmt.Errorf("the default model, a new tie between the last two waves, needs ties in two waves; ties.csv has %d: give --outcome and --predict", len(ws))}
		}
		outcome, predict = ForumModelTerms(ws[len(ws)-2], ws[len(ws)-1])
	}
	o := r.Options
	if r.AutoModel {
		o.Model = graph.QAPLinear
		if strings.HasPrefix(outcome, "tie:") || strings.HasPrefix(outcome, "new:") {
			o.Model = graph.QAPLogistic
		}
	}
	if err := QAPTooLarge(len(d.Orgs)); err != nil {
		return nil, err
	}
	y, terms, err := graph.QAPDesign(d, outcome, predict, r.Selection)
	var te *graph.TermError
	if errors.As(err, &te) {
		flag := "--predict"
		if te.Outcome {
			flag = "--outcome"
		}
		return nil, &RequestError{fmt.Errorf("%s: %w", flag, te.Err)}
	}
	fit, err := graph.QAP(ctx, y.X, terms, o)
	if errors.Is(err, graph.ErrCollinear) || errors.Is(err, graph.ErrNotBinary) || errors.Is(err, graph.ErrTooFew) {
		return nil, &RequestError{err}
	}
	if err != nil {
		return nil, err
	}
	return &Tables{Tables: QAPTables("qap", "QAP regression of "+outcome, outcome, fit)}, nil
}
