package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// stopAfter reports itself cancelled from its n-th Err call on.
type stopAfter struct {
	context.Context
	n     int64
	calls atomic.Int64
}

func (c *stopAfter) Done() <-chan struct{} { return make(chan struct{}) }

func (c *stopAfter) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

// TestLoadCancel: loading stops part way through a file of 20,000 rows
// (the loader looks every 4,096 rows) and returns context.Canceled and
// no dataset, from a folder (OpenContext) and from a workbook; an
// uncancelled context loads the same dataset as Load.
func TestLoadCancel(t *testing.T) {
	var orgs, part strings.Builder
	orgs.WriteString("id,name,sector\n")
	part.WriteString("org,forum\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&orgs, "O%05d,Organization %d,s%d\n", i, i, i%3)
		fmt.Fprintf(&part, "O%05d,F1\n", i)
	}
	fsys := fstest.MapFS{
		"organizations.csv": {Data: []byte(orgs.String())},
		"forums.csv":        {Data: []byte("id,name\nF1,One\n")},
		"participation.csv": {Data: []byte(part.String())},
	}
	for _, stop := range []int64{1, 3} {
		ctx := &stopAfter{Context: context.Background(), n: stop}
		if d, err := LoadContext(ctx, fsys); !errors.Is(err, context.Canceled) || d != nil {
			t.Errorf("stop at check %d: %v", stop, err)
		}
	}
	dir := t.TempDir()
	for name, f := range fsys {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := OpenContext(&stopAfter{Context: context.Background(), n: 2}, dir); !errors.Is(err, context.Canceled) {
		t.Errorf("OpenContext: %v", err)
	}
	d, err := LoadContext(context.Background(), fsys)
	if err != nil || len(d.Orgs) != 20000 || len(d.Memberships) != 20000 {
		t.Fatalf("uncancelled: %v", err)
	}
	var book bytes.Buffer
	if err := WriteWorkbook(&book, d); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadWorkbookContext(&stopAfter{Context: context.Background(), n: 2}, bytes.NewReader(book.Bytes()), "d.xlsx"); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadWorkbookContext: %v", err)
	}
	if w, err := LoadWorkbookContext(context.Background(), bytes.NewReader(book.Bytes()), "d.xlsx"); err != nil || len(w.Orgs) != 20000 {
		t.Errorf("uncancelled workbook: %v", err)
	}
}
