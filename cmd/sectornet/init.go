package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/out/outfile"
)

type initOptions struct {
	dir    string
	xlsx   string // write a workbook to this file instead of a folder
	sample bool
	force  bool
	// questionnaire writes the roster questionnaire and its mapping into
	// dir, for the organizations of the dataset from.
	questionnaire bool
	from, wave    string
	lang          string
}

func newInitCmd(s *streams) *cobra.Command {
	var o initOptions
	cmd := &cobra.Command{
		Use:     "init DIR | init --xlsx FILE",
		Short:   "Write a new dataset folder or workbook: every file's header with commented examples, or the sample",
		Long:    helpLong("init"),
		Example: helpExample("init"),
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case o.xlsx != "" && len(args) != 0:
				return usageErr(errors.New("init --xlsx FILE takes no folder argument"))
			case o.xlsx == "" && len(args) != 1:
				return usageErr(errors.New("init needs one argument, the folder to write (or --xlsx FILE)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runInit(cmd.Context(), s, o)
		},
	}
	cmd.Flags().StringVar(&o.xlsx, "xlsx", "", "write an Excel workbook to this file instead of a folder")
	cmd.Flags().BoolVar(&o.sample, "sample", false, "write the embedded sample dataset instead of empty files")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite dataset files that already exist")
	cmd.Flags().BoolVar(&o.questionnaire, "questionnaire", false, "write a roster questionnaire (questionnaire.txt) and the mapping that imports its responses (survey-mapping.csv) into DIR")
	cmd.Flags().StringVar(&o.from, "from", "", "--questionnaire: the dataset whose organizations the roster lists (default: the embedded sample)")
	cmd.Flags().StringVar(&o.wave, "wave", "", "--questionnaire: the survey wave the mapping names")
	cmd.Flags().StringVar(&o.lang, "lang", "en", "--questionnaire: the questionnaire's language, en or he")
	return cmd
}

// runInitQuestionnaire writes questionnaire.txt and survey-mapping.csv.
func runInitQuestionnaire(ctx context.Context, s *streams, o initOptions) error {
	if o.sample || o.xlsx != "" {
		return usageErr(errors.New("--questionnaire does not go with --sample or --xlsx"))
	}
	if !slices.Contains(data.QuestionnaireLangs, o.lang) {
		return usageErr(fmt.Errorf("unknown --lang %q (want %s)", o.lang, strings.Join(data.QuestionnaireLangs, " or ")))
	}
	d, err := loadDataset(ctx, s, o.from)
	if err != nil {
		return err
	}
	names := []string{"questionnaire.txt", "survey-mapping.csv"}
	if !o.force {
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(o.dir, n)); err == nil {
				return usageErr(fmt.Errorf("%s already holds %s; nothing written (use --force to overwrite)", o.dir, n))
			}
		}
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create the folder: %v", o.dir, errors.Unwrap(err))
	}
	qo := data.QuestionnaireOptions{Wave: o.wave, Lang: o.lang}
	if err := outfile.Write(ctx, filepath.Join(o.dir, names[0]), func(w io.Writer) error { return data.WriteQuestionnaire(w, d.Orgs, qo) }); err != nil {
		return err
	}
	if err := outfile.Write(ctx, filepath.Join(o.dir, names[1]), func(w io.Writer) error { return data.WriteQuestionnaireMapping(w, qo) }); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "sectornet: wrote a roster questionnaire of %d organizations to %s: %s\n", len(d.Orgs), o.dir, strings.Join(names, ", "))
	return nil
}

func runInit(ctx context.Context, s *streams, o initOptions) error {
	if err := noPseudonyms(s, "init"); err != nil {
		return err
	}
	if o.questionnaire {
		return runInitQuestionnaire(ctx, s, o)
	}
	if o.xlsx != "" {
		return runInitWorkbook(ctx, s, o)
	}
	names, files := data.NewDataset(o.sample)
	if err := writeFolder(ctx, o.dir, names, o.force, func(n string, w io.Writer) error { _, err := w.Write(files[n]); return err }); err != nil {
		return err
	}
	what := "an empty dataset (headers and commented examples)"
	if o.sample {
		what = "the sample dataset"
	}
	fmt.Fprintf(s.Err, "sectornet: wrote %s to %s: %s\n", what, o.dir, strings.Join(names, ", "))
	return nil
}

// runInitWorkbook writes the empty workbook, or the sample as a workbook.
func runInitWorkbook(ctx context.Context, s *streams, o initOptions) error {
	if !data.IsWorkbook(o.xlsx) {
		return usageErr(fmt.Errorf("%s: a workbook's name ends in .xlsx", o.xlsx))
	}
	if _, err := os.Stat(o.xlsx); err == nil && !o.force {
		return usageErr(fmt.Errorf("%s already exists; nothing written (use --force to overwrite)", o.xlsx))
	}
	write := data.WriteWorkbookTemplate
	what := "an empty workbook (every sheet with its header row)"
	if o.sample {
		d, err := data.Load(data.Sample())
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return data.WriteWorkbook(w, d) }
		what = "the sample dataset as a workbook"
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := outfile.Write(ctx, o.xlsx, write); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "sectornet: wrote %s to %s\n", what, o.xlsx)
	return nil
}
