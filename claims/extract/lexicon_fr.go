package extract

// frenchLexicon holds the cues of French news writing.
var frenchLexicon = &lexicon{
	lang: "fr",
	aux:  wordSet("a ont avait avaient aurait auraient aura a-t-il a-t-elle ont-ils ont-elles avait-il avait-elle"),
	reflexive: wordSet(`engagé engagée engagés engagées exprimé exprimée exprimés dit dite dits inquiété inquiétée
		félicité félicitée déclaré déclarée montré montrée voulu voulue défendu défendue opposé opposée`),
	reporting: wordSet(`déclaré dit affirmé accusé ajouté noté souligné estimé annoncé averti indiqué rapporté exprimé
		insisté dénoncé expliqué assuré confirmé démenti nié reconnu précisé prévenu répondu rappelé jugé admis
		martelé lancé réagi critiqué promis prédit attribué observé relevé signalé révélé raconté écrit confié
		répété plaidé regretté déploré reproché protesté avancé soutenu maintenu garanti tweeté prévu
		assuré constaté conclu fustigé accusé calculé chiffré évalué
		déclare déclarent affirme affirment accuse accusent ajoute ajoutent note notent souligne soulignent
		estime estiment annonce annoncent avertit indique indiquent rapporte rapportent insiste dénonce dénoncent
		explique expliquent assure assurent confirme confirment dément nie nient reconnaît précise précisent
		prévient répond rappelle juge jugent admet martèle critique promet promettent prédit prévoit prévoient
		attribue attribuent observe relève signale révèle raconte écrit confie répète regrette déplore reproche
		résume avance soutient maintient constate conclut fustige calcule chiffre évalue`),
	invertible: wordSet("dit déclaré affirmé ajouté expliqué précisé souligné estimé insisté assuré"),
	gerunds: wordSet(`déclarant ajoutant accusant affirmant estimant soulignant expliquant précisant assurant
		dénonçant promettant prévenant indiquant notant rappelant jugeant avertissant`),
	sources:      newPhraseSet("selon|d'après|de l'avis de"),
	opinionFrame: wordSet("pour"),
	roles: newPhraseSet(`secrétaire général|secrétaire générale|secrétaire d'état adjoint|secrétaire d'état adjointe|
		secrétaire d'état|porte-parole|président|présidente|vice-président|vice-présidente|premier ministre|
		première ministre|ministre|député|députée|sénateur|sénatrice|maire|directeur général|directrice générale|
		directeur|directrice|chef|cheffe|dirigeant|dirigeante|responsable|économiste|ambassadeur|ambassadrice|
		gouverneur|gouverneure|procureur|procureure|juge|conseiller|conseillère|chercheur|chercheuse|expert|
		experte|professeur|professeure|médecin|analyste|commissaire|chancelier|chancelière|pdg|patron|patronne|
		fondateur|fondatrice|avocat|avocate|syndicaliste|épidémiologiste|grossiste|militant|militante|candidat|
		candidate|élu|élue|président-directeur général|administrateur|administratrice|greffier|greffière|
		négociateur|négociatrice|représentant|représentante|délégué|déléguée|haut-commissaire|préfet|préfète|
		commandant|colonel|général d'armée|lieutenant|capitaine|sociologue|politologue|historien|historienne|
		démographe|climatologue|spécialiste|chroniqueur|chroniqueuse|journaliste|sondeur|statisticien|statisticienne`),
	bodies: wordSet(`institut agence rapport étude enquête office ministère commission organisation observatoire
		banque conseil comité cour tribunal entreprise société groupe syndicat parti mairie préfecture association
		estimation sondage fédération autorité administration service gouvernement exécutif bureau fondation`),
	documents:   wordSet("institut agence rapport étude enquête estimation sondage office observatoire"),
	pronouns:    wordSet("il elle ils elles"),
	objects:     wordSet("lui elle eux elles"),
	determiners: wordSet("le la les l un une des du ce cet cette ces son sa ses leur leurs notre nos"),
	incidental: wordSet(`lors pendant après avant en dans à au aux de du des par pour selon depuis malgré alors comme qui
		que qu dont où ainsi également aussi toutefois cependant néanmoins pourtant notamment sans sur sous vers
		chez face outre mais et or donc puis enfin d quant hier aujourd demain lorsque puisque si`),
	appositive: wordSet("un une"),

	accusation: newPhraseSet(`accus*|reproch*|dénonc*|blâm*|fustig*|incrimin*|imput*|mensonge*|a menti|ont menti|
		mis en cause|met en cause|mettent en cause|corruption|fraud*|trahi*|manipul*|sabot*`),
	denial: newPhraseSet(`dément*|démenti*|nie|nié|nient|niant|réfut*|rejette|rejeté|rejettent|conteste|contesté|
		contestent|faux|infondé*|mensonger*`),
	promise: newPhraseSet(`s'est engagé*|se sont engagé*|s'engage*|promis|promet*|a juré|jure|garanti*|s'est dit prêt*`),
	prediction: newPhraseSet(`va|vont|sera|seront|serait|seraient|pourrait|pourraient|devrait|devraient|pourra|pourront|
		devra|devront|verra|verront|aura|auront|faudra|faudrait|prévoit|prévoient|prévu|prévision*|s'attend*|
		d'ici|à l'horizon|risque de|risquent de|table sur|tablent sur|anticip*`),
	comparison: newPhraseSet(`plus de|moins de|plus que|moins que|plus qu|moins qu|davantage|supérieur*|inférieur*|
		deux fois|trois fois|quatre fois|dix fois|par rapport à|comparé*|dépass*|près du double|le double|
		la moitié|deux fois plus|en hausse de|en baisse de|sur un an`),
	superlative: newPhraseSet(`le plus|la plus|les plus|le moins|la moins|les moins|au plus bas|au plus haut|record*|
		premier|première|premiers|premières|plus grand|plus grande|plus grands|plus grandes|plus important|
		plus importante|meilleur|meilleure|pire|le seul|la seule|les seuls|les seules|inédit*|sans précédent|
		historique|jamais vu*`),
	absolute:    newPhraseSet("jamais|toujours|aucun|aucune|tous les|toutes les|chaque"),
	trend:       newPhraseSet(`augment*|baiss*|diminu*|progress*|recul*|bondi*|grimp*|chut*|doublé|triplé|remont*|atteint|atteindr*|flamb*|envolé*|effondr*|plong*|stagn*|ralenti*|accélér*`),
	causal:      newPhraseSet(`à cause de|en raison de|dû à|due à|dus à|alimenté*|provoqu*|entraîn*|attribu*|sous l'effet de|porté par|portée par|portés par|grâce à|causé*|liés à|lié à|responsable de|responsables de`),
	opinion:     newPhraseSet(`franchement|j'espère|nous espérons|on espère|espère|je pense|je crois|à mon avis|on verra|trop tôt|heureusement|malheureusement|magnifique|formidable|prématuré*|optimisme|pessimisme|rassurant*|prudent*|triste|fier|fière|heureux|heureuse|ravi|ravie|déçu|déçue|scandaleu*|honteu*|incroyable|injuste|inacceptable|inadmissible|brutal|brutale|excellent|excellente|catastrophique|absurde|ridicule`),
	boilerplate: newPhraseSet(`n'a pas répondu|n'ont pas répondu|pas donné suite|n'a pas souhaité|n'ont pas souhaité|sollicité*|contacté*|lire aussi|à lire aussi|abonnez-vous|cet article|publié le|mis à jour le`),
	since:       wordSet("depuis"),
	versus:      wordSet("contre"),

	numberWords: wordSet(`deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente
		quarante cinquante soixante cent cents mille dizaine dizaines douzaine douzaines centaine centaines millier milliers
		million millions milliard milliards moitié quart tiers`),
	scales:     wordSet("mille million millions milliard milliards md mds mrd"),
	currencies: wordSet("euros euro dollars dollar livres livre francs franc yuans yuan yens yen roubles rouble"),
	percents:   newPhraseSet("pour cent|pourcent|points de pourcentage|point de pourcentage|%"),
	times:      wordSet("h heures heure"),
	months: wordSet(`janvier février mars avril mai juin juillet août septembre octobre novembre décembre
		janv févr fév avr juil sept oct nov déc`),
	weekdays: wordSet("lundi mardi mercredi jeudi vendredi samedi dimanche"),
	relative: newPhraseSet(`hier|aujourd'hui|demain|avant-hier|cette semaine|la semaine dernière|la semaine prochaine|le mois dernier|
		le mois prochain|l'an dernier|l'année dernière|l'an prochain|l'année prochaine|cette année|l'an passé|
		l'année passée|ce mois-ci|le trimestre dernier|au premier trimestre|au deuxième trimestre|au troisième trimestre|
		au quatrième trimestre|le week-end dernier`),

	connectors: wordSet("de du des d la le l et y van von der den di da del al bin ben"),
	notNames: wordSet(`le la les l un une des du de d il elle ils elles on nous je tu vous ce cet cette ces cela ceci ça
		mais en dans selon pour par au aux après avant lors pendant si quand alors ainsi or donc puis enfin certains
		plusieurs tous toutes aucun bien oui non monsieur madame messieurs mesdames etat état gouvernement président
		présidente ministre quel quelle quels quelles pourquoi comment où est-ce qu`),

	commonVerbs: wordSet(`est sont était étaient sera seront a ont avait avaient fait font va vont peut peuvent doit doivent
		veut veulent dit selon`),
	verbEndings: []string{"ent", "ait", "aient", "é", "ée", "és", "ées", "ra", "ront", "rait", "era"},
}
