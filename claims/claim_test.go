package claims_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestClaimValidate(t *testing.T) {
	summary75 := runes(t, "Élisabeth Dupré affirme que « le chômage a baissé » grâce à l’État ", 'é', 75)
	summary76 := runes(t, "Élisabeth Dupré affirme que « le chômage a baissé » grâce à l’État ", 'é', 76)
	for name, tt := range map[string]struct {
		edit             func(c *claims.Claim)
		wantCode, wantIn string
	}{
		"valid":                  {func(c *claims.Claim) {}, "", ""},
		"minimal":                {func(c *claims.Claim) { c.Speaker, c.ClaimDate, c.Tags, c.Assignee = claims.Speaker{}, "", nil, "" }, "", ""},
		"summary of 75 runes":    {func(c *claims.Claim) { c.Summary = summary75 }, "", ""},
		"summary of 76 runes":    {func(c *claims.Claim) { c.Summary = summary76 }, claims.EINVALID, "The summary is 76 characters long; ClaimReview allows at most 75."},
		"summary of 75 emoji":    {func(c *claims.Claim) { c.Summary = strings.Repeat("😀", 75) }, "", ""},
		"summary missing":        {func(c *claims.Claim) { c.Summary = "" }, claims.EINVALID, "The summary must not be empty."},
		"summary blank":          {func(c *claims.Claim) { c.Summary = "  " }, claims.EINVALID, "The summary must not be empty."},
		"summary NUL":            {func(c *claims.Claim) { c.Summary = "Le\x00 chômage" }, claims.EINVALID, "The summary must not contain a NUL character."},
		"summary ESC":            {func(c *claims.Claim) { c.Summary = "Le \x1b[2J chômage" }, claims.EINVALID, "The summary must not contain control characters, such as U+001B at character 4."},
		"speaker BEL":            {func(c *claims.Claim) { c.Speaker.Name = "Jens\a" }, claims.EINVALID, "The speaker's name must not contain control characters, such as U+0007"},
		"speaker C1 CSI":         {func(c *claims.Claim) { c.Speaker.Name = "Jens\u009b2J" }, claims.EINVALID, "The speaker's name must not contain control characters, such as U+009B"},
		"assignee DEL":           {func(c *claims.Claim) { c.Assignee = "Léa\x7f" }, claims.EINVALID, "must not contain control characters, such as U+007F"},
		"reason OSC title":       {func(c *claims.Claim) { c.CheckWorthiness.Reasons = []string{"\x1b]0;pwned\x07"} }, claims.EINVALID, "A check-worthiness reason must not contain control characters"},
		"summary with a tab":     {func(c *claims.Claim) { c.Summary = "Le\tchômage" }, "", ""},
		"article missing":        {func(c *claims.Claim) { c.ArticleID = "" }, claims.EINVALID, "The article must not be empty."},
		"text missing":           {func(c *claims.Claim) { c.Text = "" }, claims.EINVALID, "The claim's words must not be empty."},
		"text not UTF-8":         {func(c *claims.Claim) { c.Text = "ch\xf4mage" }, claims.EINVALID, "The claim's words must be valid UTF-8 text."},
		"anchor words differ":    {func(c *claims.Claim) { c.Text = "le chômage a baissé de 3 % en 2023" }, claims.EINVALID, "The claim's words differ from the words it is anchored to."},
		"anchor case differs":    {func(c *claims.Claim) { c.Text = "Le chômage a baissé de 2 % en 2023" }, claims.EINVALID, "differ from the words it is anchored to."},
		"anchor missing":         {func(c *claims.Claim) { c.Anchor = claims.Anchor{} }, claims.EINVALID, "The anchor's offsets 0–0 are not a selection."},
		"anchor offsets wrong":   {func(c *claims.Claim) { c.Anchor.End++ }, claims.EINVALID, "The anchor's words do not fit its offsets"},
		"speaker NUL":            {func(c *claims.Claim) { c.Speaker.Name = "\x00" }, claims.EINVALID, "The speaker's name must not contain a NUL character."},
		"role too long":          {func(c *claims.Claim) { c.Speaker.Role = strings.Repeat("r", claims.MaxShortText+1) }, claims.EINVALID, "The speaker's role must be at most"},
		"organisation not UTF-8": {func(c *claims.Claim) { c.Speaker.Organization = "\xff" }, claims.EINVALID, "The speaker's organisation must be valid UTF-8 text."},
		"claim date invalid":     {func(c *claims.Claim) { c.ClaimDate = "2024-02-30" }, claims.EINVALID, `The claim date must be a date written YYYY-MM-DD, not "2024-02-30".`},
		"assignee NUL":           {func(c *claims.Claim) { c.Assignee = "Léa\x00" }, claims.EINVALID, "The assignee must not contain a NUL character."},
		"unknown kind":           {func(c *claims.Claim) { c.Kind = "rumour" }, claims.EINVALID, `"rumour" is not a kind of claim.`},
		"no kind":                {func(c *claims.Claim) { c.Kind = "" }, claims.EINVALID, `"" is not a kind of claim.`},
		"kind label not value":   {func(c *claims.Claim) { c.Kind = "promise/prediction" }, claims.EINVALID, "is not a kind of claim."},
		"unknown status":         {func(c *claims.Claim) { c.Status = "archived" }, claims.EINVALID, `"archived" is not a workflow status.`},
		"no status":              {func(c *claims.Claim) { c.Status = "" }, claims.EINVALID, `"" is not a workflow status.`},
		"status label not value": {func(c *claims.Claim) { c.Status = "in review" }, claims.EINVALID, `"in review" is not a workflow status.`},
		"tag with comma":         {func(c *claims.Claim) { c.Tags = []string{"emploi", "économie, France"} }, claims.EINVALID, `The tag "économie, France" may not contain a comma or a line break.`},
		"tag with line break":    {func(c *claims.Claim) { c.Tags = []string{"économie\nFrance"} }, claims.EINVALID, "may not contain a comma or a line break."},
		"blank tag":              {func(c *claims.Claim) { c.Tags = []string{"emploi", " "} }, claims.EINVALID, "A tag must not be empty."},
		"tag of 100 runes":       {func(c *claims.Claim) { c.Tags = []string{strings.Repeat("é", 100)} }, "", ""},
		"tag of 101 runes":       {func(c *claims.Claim) { c.Tags = []string{strings.Repeat("é", 101)} }, claims.EINVALID, "A tag must be at most 100 characters long, not 101."},
		"tag with space":         {func(c *claims.Claim) { c.Tags = []string{"Corée du Nord"} }, "", ""},
		"score -0.1":             {func(c *claims.Claim) { c.CheckWorthiness.Score = -0.1 }, claims.EINVALID, "The check-worthiness score must be between 0 and 1."},
		"score 1.1":              {func(c *claims.Claim) { c.CheckWorthiness.Score = 1.1 }, claims.EINVALID, "The check-worthiness score must be between 0 and 1."},
		"score NaN":              {func(c *claims.Claim) { c.CheckWorthiness.Score = math.NaN() }, claims.EINVALID, "The check-worthiness score must be between 0 and 1."},
		"reason NUL":             {func(c *claims.Claim) { c.CheckWorthiness.Reasons = []string{"\x00"} }, claims.EINVALID, "A check-worthiness reason must not contain a NUL character."},
		"valid verdict":          {func(c *claims.Claim) { c.Verdict = validVerdict() }, "", ""},
		"verdict without rating": {func(c *claims.Claim) { c.Verdict = validVerdict(); c.Verdict.Rating = "" }, claims.EINVALID, "The rating must not be empty."},
	} {
		t.Run(name, func(t *testing.T) {
			c := validClaim(t)
			tt.edit(c)
			checkErr(t, c.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestClaimValidateEveryKindAndStatus(t *testing.T) {
	for _, k := range claims.Kinds {
		for _, s := range claims.Statuses {
			t.Run(string(k)+"/"+string(s), func(t *testing.T) {
				c := validClaim(t)
				c.Kind, c.Status = k, s
				checkErr(t, c.Validate(), "", "")
			})
		}
	}
}

func TestCheckWorthinessValidate(t *testing.T) {
	for name, tt := range map[string]struct {
		w                claims.CheckWorthiness
		wantCode, wantIn string
	}{
		"zero":           {claims.CheckWorthiness{}, "", ""},
		"one":            {claims.CheckWorthiness{Score: 1}, "", ""},
		"half":           {claims.CheckWorthiness{Score: 0.5, Reasons: []string{"chiffre", "audience"}}, "", ""},
		"negative zero":  {claims.CheckWorthiness{Score: math.Copysign(0, -1)}, "", ""},
		"empty reason":   {claims.CheckWorthiness{Score: 0.5, Reasons: []string{""}}, "", ""},
		"-0.1":           {claims.CheckWorthiness{Score: -0.1}, claims.EINVALID, "The check-worthiness score must be between 0 and 1."},
		"1.1":            {claims.CheckWorthiness{Score: 1.1}, claims.EINVALID, "The check-worthiness score must be between 0 and 1."},
		"just above one": {claims.CheckWorthiness{Score: math.Nextafter(1, 2)}, claims.EINVALID, "between 0 and 1."},
		"NaN":            {claims.CheckWorthiness{Score: math.NaN()}, claims.EINVALID, "between 0 and 1."},
		"+Inf":           {claims.CheckWorthiness{Score: math.Inf(1)}, claims.EINVALID, "between 0 and 1."},
		"-Inf":           {claims.CheckWorthiness{Score: math.Inf(-1)}, claims.EINVALID, "between 0 and 1."},
		"reason not UTF-8": {claims.CheckWorthiness{Score: 0.5, Reasons: []string{"ok", "\xe9"}},
			claims.EINVALID, "A check-worthiness reason must be valid UTF-8 text."},
		"reason too long": {claims.CheckWorthiness{Score: 0.5, Reasons: []string{strings.Repeat("é", claims.MaxShortText+1)}},
			claims.EINVALID, "A check-worthiness reason must be at most"},
	} {
		t.Run(name, func(t *testing.T) {
			checkErr(t, tt.w.Validate(), tt.wantCode, tt.wantIn)
		})
	}
}

func TestKinds(t *testing.T) {
	want := []claims.Kind{"statistic", "quote", "attribution", "prediction", "comparison", "event"}
	if got := claims.Kinds; !slices.Equal(got, want) {
		t.Errorf("Kinds = %q, want %q", got, want)
	}
	for _, tt := range []struct {
		kind      claims.Kind
		wantValid bool
		wantLabel string
	}{
		{claims.KindStatistic, true, "statistic"},
		{claims.KindQuote, true, "quote"},
		{claims.KindAttribution, true, "attribution"},
		{claims.KindPrediction, true, "promise/prediction"},
		{claims.KindComparison, true, "comparison"},
		{claims.KindEvent, true, "event"},
		{"", false, ""},
		{"Statistic", false, "Statistic"},
		{"promise/prediction", false, "promise/prediction"},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			if got := tt.kind.Valid(); got != tt.wantValid {
				t.Errorf("Valid() = %v, want %v", got, tt.wantValid)
			}
			if got := tt.kind.Label(); got != tt.wantLabel {
				t.Errorf("Label() = %q, want %q", got, tt.wantLabel)
			}
		})
	}
}
