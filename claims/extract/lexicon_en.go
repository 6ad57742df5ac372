package extract

// englishLexicon holds the cues of English news writing.
var englishLexicon = &lexicon{
	lang:      "en",
	aux:       wordSet(""),
	reflexive: wordSet(""),
	reporting: wordSet(`said says say told tells stated claimed claims accused accuses announced announces warned warns
		added adds noted notes estimated estimates predicted predicts reported found insisted insists argued argues
		explained explains confirmed confirms denied denies acknowledged acknowledges admitted admits asserted
		asserts wrote writes testified urged urges alleged alleges conceded concedes pledged pledges promised
		promises vowed vows responded replied declared declares maintained maintains disclosed revealed reveals
		attributed blamed blames criticized criticised suggested suggests concluded concludes forecast forecasts
		projected cautioned stressed recalled countered contended observed emphasized emphasised tweeted posted
		argue claim warn note insist estimate predict contend allege deny admit accuse acknowledge
		disputed disputes rejected rejects refuted refutes`),
	invertible: wordSet(`said says added noted wrote explained asked continued warned insisted argued recalled replied
		responded acknowledged admitted cautioned stressed declared observed remarked countered`),
	gerunds:      wordSet("saying adding accusing calling noting warning arguing claiming insisting explaining"),
	sources:      newPhraseSet("according to|in the words of"),
	opinionFrame: wordSet(""),
	roles: newPhraseSet(`secretary-general|secretary general|deputy secretary of state|secretary of state|press secretary|
		secretary|spokesperson|spokesman|spokeswoman|president|vice president|prime minister|minister|senator|
		governor|mayor|chief executive officer|chief executive|ceo|executive director|director|chairman|chairwoman|
		leader|economist|analyst|professor|researcher|epidemiologist|scientist|expert|experts|official|officials|
		adviser|advisor|ambassador|commissioner|county clerk|clerk|judge|attorney general|attorney|lawyer|founder|
		candidate|campaign manager|manager|chief|doctor|physician|sheriff|police chief|prosecutor|congressman|
		congresswoman|lawmaker|legislator|activist|historian|strategist|pollster|representative|chancellor|
		general|admiral|colonel|commander|councilman|councilwoman|council member|superintendent|administrator|
		correspondent|negotiator|envoy|diplomat|statistician|demographer|climatologist|specialist`),
	bodies: wordSet(`agency report study survey institute office ministry department board commission organization
		organisation committee council court company firm group union party campaign administration government
		bureau service authority bank analysis poll data foundation center centre`),
	documents:   wordSet("agency report study survey institute analysis poll data office"),
	pronouns:    wordSet("he she they"),
	objects:     wordSet("him her them"),
	determiners: wordSet("the a an this that these those his her its their our my"),
	incidental: wordSet(`in on at during after before with without for by from since under over as like who which that
		whose where when while also however meanwhile though although despite according too moreover
		furthermore then now yesterday today and but or so if because once until`),
	appositive: wordSet("a an"),

	accusation: newPhraseSet(`accus*|alleg*|blam*|fraud*|lied|lying|liar|corrupt*|charged with|cover-up|covered up|
		misled|misleading|wrongdoing|smear*|rigged|stole|stolen|betray*`),
	denial: newPhraseSet(`denied|denies|deny|denying|rejected|rejects|refuted|refutes|disputed|disputes|false|untrue|
		baseless|unfounded`),
	promise: newPhraseSet(`pledg*|promis*|vow*|committed to|commits to|guarantee*|will make sure`),
	prediction: newPhraseSet(`will|ll|would|could|might|may|going to|expected to|expects|expect|plans to|plan to|
		planned|is set to|are set to|likely to|unlikely to|predicted|predicts|forecast|forecasts|forecasting|projected|projects to|
		intends to|aims to|by the end of|next year|within the next`),
	comparison: newPhraseSet(`more than|less than|fewer than|greater than|higher than|lower than|compared with|
		compared to|up from|down from|times as|times more|twice as|double|doubled|nearly double|half|than|
		above-average|below-average|exceed*|surpass*|outpac*`),
	superlative: newPhraseSet(`the most|the least|highest|lowest|largest|biggest|smallest|greatest|worst|best|fastest|
		slowest|longest|shortest|strongest|weakest|deadliest|richest|poorest|oldest|youngest|cheapest|costliest|
		hottest|coldest|warmest|wettest|driest|record*|first|the only|unprecedented|all-time`),
	absolute:    newPhraseSet("never|always|every|none of|no one|nobody"),
	trend:       newPhraseSet(`rose|risen|rise|rises|rising|fell|fallen|falls|increas*|decreas*|grew|grown|grow|grows|jump*|drop*|declin*|doubled|tripled|surg*|soar*|plung*|climb*|spik*|slump*|shrank|shrunk|halved`),
	causal:      newPhraseSet(`because of|due to|caused|causes|led to|leads to|blamed on|driven by|fueled by|fuelled by|as a result of|attributed to|responsible for`),
	opinion:     newPhraseSet(`honestly|frankly|i think|i believe|i feel|we feel|feels like|feel like|i hope|we hope|hopefully|we'll see|we will see|too early|too soon|ready|happy|proud|glad|excited|thrilled|disappointed|sad|beautiful|wonderful|terrible|amazing|incredible|shameful|of course|unfair|unacceptable|outrageous|disgraceful|excellent|disastrous|ridiculous|absurd`),
	boilerplate: newPhraseSet(`did not respond|did not immediately respond|didn't respond|declined to comment|could not be reached|not immediately available|request for comment|read more|subscribe|sign up|this article|updated on|published on`),
	since:       wordSet("since"),
	versus:      wordSet("versus vs"),

	numberWords: wordSet(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
		twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions
		billion billions trillion dozen dozens half quarter`),
	scales:     wordSet("thousand million billion trillion bn m k"),
	currencies: wordSet("dollars dollar euros euro pounds pound yuan yen rubles"),
	percents:   newPhraseSet("percent|per cent|percentage points|percentage point|%"),
	times:      wordSet("a.m. p.m. am pm o'clock gmt"),
	months: wordSet(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec`),
	monthsCapital: true,
	weekdays:      wordSet("monday tuesday wednesday thursday friday saturday sunday"),
	relative: newPhraseSet(`yesterday|today|tomorrow|tonight|last week|last month|last year|next week|next month|
		this week|this month|this year|earlier this year|a year earlier|a year ago|a decade ago|years ago|
		months ago|weeks ago|days ago|last weekend|last quarter|first quarter|second quarter|third quarter|
		fourth quarter|past five years|past year|past decade`),

	connectors: wordSet("of for and the de du la van von der den di da del al bin ben on"),
	notNames: wordSet(`the a an he she it they we i you this that these those there here in on at but and however his
		her its their our my when while after before as for if since some many most all no not yet so then also
		meanwhile still what why how who where every each mr mrs ms dr ok are is was were do does did can could will
		would should has have had`),

	commonVerbs: wordSet(`is are was were be been has have had do does did will would can could may might must shall
		should says said wins won gets got makes made`),
	verbEndings: []string{"ed", "es", "s"},
}
