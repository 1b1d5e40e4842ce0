package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
)

type initOptions struct {
	dir    string
	sample bool
	force  bool
}

func newInitCmd(s *streams) *cobra.Command {
	var o initOptions
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write a new dataset folder: every file's header with commented examples, or the sample",
		Example: `  sectornet init mydata            # empty dataset with headers and examples
  sectornet init --sample sample   # the embedded sample as CSV files`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr(errors.New("init needs one argument, the folder to write"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			return runInit(cmd.Context(), s, o)
		},
	}
	cmd.Flags().BoolVar(&o.sample, "sample", false, "write the embedded sample dataset instead of empty files")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite dataset files that already exist")
	return cmd
}

func runInit(ctx context.Context, s *streams, o initOptions) error {
	files := map[string][]byte{}
	if o.sample {
		for _, name := range data.SampleFiles() {
			b, err := fs.ReadFile(data.Sample(), name)
			if err != nil {
				return err
			}
			files[name] = b
		}
	} else {
		for _, f := range data.Files {
			files[f.Name] = data.Template(f.Name)
		}
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create the folder: %v", o.dir, errors.Unwrap(err))
	}
	var names []string
	for _, f := range data.Files {
		if _, ok := files[f.Name]; ok {
			names = append(names, f.Name)
		}
	}
	if !o.force {
		var exist []string
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(o.dir, n)); err == nil {
				exist = append(exist, n)
			}
		}
		if len(exist) > 0 {
			return usageErr(fmt.Errorf("%s already holds %s; nothing written (use --force to overwrite)", o.dir, strings.Join(exist, ", ")))
		}
	}
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := files[n]
		if err := writeFileAtomic(filepath.Join(o.dir, n), func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return err
		}
	}
	what := "an empty dataset (headers and commented examples)"
	if o.sample {
		what = "the sample dataset"
	}
	fmt.Fprintf(s.Err, "sectornet: wrote %s to %s: %s\n", what, o.dir, strings.Join(names, ", "))
	return nil
}
