package data

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// QuestionnaireOptions choose the roster questionnaire `sectornet init
// --questionnaire` writes.
type QuestionnaireOptions struct {
	Wave string // the wave the mapping file names
	Lang string // "en" (default) or "he"
}

// questionnaireText is one language's questionnaire: the respondent
// question, the tie question and its answers, PARTNER's scale and the six
// PARTNER questions (in PartnerDimensions order).
type questionnaireText struct {
	title, intro, orgsHeading string
	respondent                string
	tie                       string
	tieAnswers                []string // 0, 1, 2
	scale                     []string // 1..4
	partner                   []string
	partnerNote               string
}

var questionnaires = map[string]questionnaireText{
	"en": {
		title: "Partner survey: roster questionnaire",
		intro: `Paste each question into your survey tool as a grid with one row per organization of the list
below and the answers shown as its columns: Google Forms "Multiple choice grid", Microsoft Forms
"Likert", Qualtrics "Matrix table", LimeSurvey "Array", KoboToolbox a group of select_one questions
shown as a table. Keep each question's text exactly as written here: "sectornet import survey"
finds its columns by it (survey-mapping.csv, written beside this file). Ask the PARTNER questions
for the organizations the respondent worked with (display logic), or let them skip the rest.`,
		orgsHeading: "Organizations (paste as the grid's rows and the drop-down's options, one per line)",
		respondent:  "Your organization",
		tie:         "With which of these organizations did your organization work in the past year?",
		tieAnswers:  []string{"Never", "Sometimes", "Often"},
		scale:       []string{"Not at all", "A small amount", "A fair amount", "A great deal"},
		partner: []string{
			"How reliable is this organization: does it follow through on its commitments?",
			"How much does this organization support the mission of the partnership?",
			"How open to discussion is this organization?",
			"How much power and influence does this organization have in the field?",
			"How involved is this organization in the partnership?",
			"How much does this organization contribute resources to the partnership?",
		},
		partnerNote: "PARTNER (Varda et al.): trust is the mean of the first three answers, value the mean of the last three.",
	},
	"he": {
		title: "סקר שותפים: שאלון רשימה",
		intro: `הדביקו כל שאלה בכלי הסקרים כרשת (grid) עם שורה לכל ארגון ברשימה שלמטה, ועם התשובות שלהלן
כעמודות: ב-Google Forms "רשת אפשרויות", ב-Microsoft Forms "ליקרט", ב-Qualtrics "Matrix table",
ב-LimeSurvey "Array", וב-KoboToolbox קבוצת שאלות select_one המוצגת כטבלה. השאירו את נוסח השאלות
בדיוק כפי שהוא: "sectornet import survey" מזהה לפיו את העמודות (survey-mapping.csv, שנכתב ליד
הקובץ הזה).`,
		orgsHeading: "ארגונים (הדביקו כשורות הרשת וכאפשרויות הרשימה הנפתחת, אחד בכל שורה)",
		respondent:  "הארגון שלך",
		tie:         "עם אילו מהארגונים האלה עבד הארגון שלך בשנה האחרונה?",
		tieAnswers:  []string{"אף פעם", "לפעמים", "לעתים קרובות"},
		scale:       []string{"כלל לא", "במידה מועטה", "במידה בינונית", "במידה רבה"},
		partner: []string{
			"עד כמה הארגון הזה אמין: האם הוא עומד בהתחייבויותיו?",
			"עד כמה הארגון הזה תומך במטרת השותפות?",
			"עד כמה הארגון הזה פתוח לדיון?",
			"כמה כוח והשפעה יש לארגון הזה בתחום?",
			"עד כמה הארגון הזה מעורב בשותפות?",
			"כמה משאבים תורם הארגון הזה לשותפות?",
		},
		partnerNote: "PARTNER (Varda et al.): אמון הוא ממוצע שלוש התשובות הראשונות, ערך ממוצע שלוש האחרונות.",
	},
}

// QuestionnaireLangs lists the languages of the questionnaire.
var QuestionnaireLangs = []string{"en", "he"}

func questionnaireFor(o QuestionnaireOptions) (questionnaireText, error) {
	if o.Lang == "" {
		o.Lang = "en"
	}
	q, ok := questionnaires[o.Lang]
	if !ok {
		return q, fmt.Errorf("no questionnaire in language %q (want %s)", o.Lang, strings.Join(QuestionnaireLangs, " or "))
	}
	return q, nil
}

// WriteQuestionnaire writes the roster questionnaire for orgs as plain
// text: the questions with their answers, then the organizations, ready
// to paste into a survey tool.
func WriteQuestionnaire(w io.Writer, orgs []graph.Organization, o QuestionnaireOptions) error {
	q, err := questionnaireFor(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n%s\n\n%s\n\n", q.title, strings.Repeat("=", len([]rune(q.title))), q.intro)
	fmt.Fprintf(bw, "Q0. %s\n    (drop-down: the organizations below)\n\n", q.respondent)
	fmt.Fprintf(bw, "Q1. %s\n    %s\n\n", q.tie, strings.Join(q.tieAnswers, " / "))
	for i, p := range q.partner {
		fmt.Fprintf(bw, "Q%d. %s\n    %s\n\n", i+2, p, strings.Join(q.scale, " / "))
	}
	fmt.Fprintf(bw, "%s\n\n", q.partnerNote)
	fmt.Fprintf(bw, "%s\n%s\n", q.orgsHeading, strings.Repeat("-", len([]rune(q.orgsHeading))))
	for _, org := range orgs {
		fmt.Fprintln(bw, org.Name)
	}
	return bw.Flush()
}

// WriteQuestionnaireMapping writes the mapping file that reads the
// responses to WriteQuestionnaire's questionnaire back with
// ReadSurveyMapping: the wave, the respondent column, each question's
// measure and the answer labels.
func WriteQuestionnaireMapping(w io.Writer, o QuestionnaireOptions) error {
	q, err := questionnaireFor(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# How sectornet import survey reads the responses to questionnaire.txt.")
	fmt.Fprintln(bw, "# Add: setting,tool,google|msforms|qualtrics|limesurvey|kobo (else guessed);")
	fmt.Fprintln(bw, "# org,<label>,<id> for an organization the survey names differently from organizations.csv.")
	cw := csv.NewWriter(bw)
	wave := o.Wave
	if wave == "" {
		wave = "WAVE"
	}
	rows := [][]string{
		{"kind", "key", "value", "type"},
		{"setting", "wave", wave, ""},
		{"setting", "respondent", q.respondent, ""},
		{"question", q.tie, MeasureTie, ""},
	}
	for i, p := range q.partner {
		rows = append(rows, []string{"question", p, graph.PartnerDimensions[i], ""})
	}
	for i, a := range q.tieAnswers {
		rows = append(rows, []string{"likert", a, fmt.Sprint(i), ""})
	}
	for i, a := range q.scale {
		rows = append(rows, []string{"likert", a, fmt.Sprint(i + 1), ""})
	}
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
