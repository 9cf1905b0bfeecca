/**
 * THE taxonomy of Buurtkaart: the categories of places (DESIGN.md "Categories") and the eight
 * functions of neighbourhood care direction ("buurtzorgregie"). Pure data plus small helpers; the
 * pipeline (OSM tags → categories), the map legend (icon, colour, labels), the search (labels and
 * synonyms in nl/fr/en) and the analysis (default norms) all read this one module.
 *
 * Tag rules follow OSM's own tagging (wiki pages of `amenity`, `healthcare`, `shop`,
 * `social_facility`, `leisure`, `highway=bus_stop`, `public_transport`). A place matches a category
 * when any one of its rules matches (OR); a rule matches when every key in it matches (AND).
 * Objects tagged `access=private` or `access=no` never count as places.
 *
 * Norms are defaults in metres of walking along the network; every one stays editable in the app.
 * Where they come from (DESIGN.md "Norms"): basic services for older walkers within 500 m (Dutch
 * guidance), the Flemish basic-services basket within 1.2 km (15 minutes), a local service centre
 * within 1,500 m (Flemish Stadsmonitor), a bench every 100–125 m (RIVM, UK Inclusive Mobility).
 */

/** Bump when categories, rules or norms change: it is recorded in every area manifest. */
export const TAXONOMY_VERSION = '1.5.1';

/** A label or text in the three languages of the app (Dutch first). */
export interface Localized<T = string> {
	nl: T;
	fr: T;
	en: T;
}

/** The eight functions of buurtzorgregie (VVSG), attributes of places and initiatives. */
export type CareFunctionId =
	| 'neighbourhood_analysis'
	| 'partnerships'
	| 'awareness_information'
	| 'social_networks'
	| 'valued_roles'
	| 'detecting_needs'
	| 'guidance_to_care'
	| 'policy_advice';

/** A care function with its labels. */
export interface CareFunction {
	id: CareFunctionId;
	labels: Localized;
	/**
	 * No kind of place serves it (no category lists it): only a local initiative can, through the
	 * functions its coordinator ticks. The tables say "only through initiatives" rather than a
	 * plain "missing" (taxonomy.test.ts checks this against the categories).
	 */
	onlyInitiatives?: true;
}

/** The eight care functions, in the order VVSG lists them. */
export const CARE_FUNCTIONS: readonly CareFunction[] = [
	{
		id: 'neighbourhood_analysis',
		labels: { nl: 'Buurtanalyse', fr: 'Analyse du quartier', en: 'Neighbourhood analysis' },
		onlyInitiatives: true,
	},
	{
		id: 'partnerships',
		labels: {
			nl: 'Partnerschappen en samenwerking',
			fr: 'Partenariats et coopération',
			en: 'Partnerships and cooperation',
		},
	},
	{
		id: 'awareness_information',
		labels: {
			nl: 'Sensibiliseren en informeren',
			fr: 'Sensibiliser et informer',
			en: 'Raising awareness and informing',
		},
	},
	{
		id: 'social_networks',
		labels: {
			nl: 'Sociale netwerken versterken',
			fr: 'Renforcer les réseaux sociaux',
			en: 'Building social networks',
		},
	},
	{
		id: 'valued_roles',
		labels: {
			nl: 'Maatschappelijk gewaardeerde rollen',
			fr: 'Rôles socialement valorisés',
			en: 'Socially valued roles',
		},
	},
	{
		id: 'detecting_needs',
		labels: {
			nl: 'Zorgnoden detecteren',
			fr: 'Détecter les besoins de soins',
			en: 'Detecting care needs',
		},
	},
	{
		id: 'guidance_to_care',
		labels: {
			nl: 'Toeleiden naar zorg en ondersteuning',
			fr: 'Orienter vers les soins et le soutien',
			en: 'Guiding people to care and support',
		},
	},
	{
		id: 'policy_advice',
		labels: {
			nl: 'Beleidsadvies vanuit de buurt',
			fr: 'Avis politique depuis le quartier',
			en: 'Policy advice from the neighbourhood',
		},
	},
];

/**
 * One value condition of a tag rule:
 * - a string: the tag has exactly this value;
 * - an array of strings: the tag has one of these values;
 * - `true`: the tag is present with any value other than `no`;
 * - `null`: the tag is absent;
 * - `{ pattern }`: the value matches this regular expression, case-insensitively (used for names
 *   such as "Lokaal dienstencentrum …" where OSM has no dedicated tag).
 */
export type TagCondition = string | readonly string[] | true | null | { readonly pattern: string };

/** All keys must match (AND). */
export type TagRule = Readonly<Record<string, TagCondition>>;

/** Groups, for the legend and the list view. */
export type CategoryGroup = 'care' | 'daily' | 'meeting' | 'informal' | 'public_space';

/** Labels of the groups. */
export const CATEGORY_GROUPS: Readonly<Record<CategoryGroup, Localized>> = {
	care: { nl: 'Zorg en welzijn', fr: 'Soins et bien-être', en: 'Care and welfare' },
	daily: { nl: 'Dagelijkse boodschappen', fr: 'Courses quotidiennes', en: 'Daily shopping' },
	meeting: { nl: 'Ontmoeten', fr: 'Se rencontrer', en: 'Meeting places' },
	informal: {
		nl: 'Buren en vrijwilligers',
		fr: 'Voisins et bénévoles',
		en: 'Neighbours and volunteers',
	},
	public_space: { nl: 'Publieke ruimte', fr: 'Espace public', en: 'Public space' },
};

/** A category of places. */
export interface Category {
	/** Stable id (snake_case), used in tiles, the analysis bundle, URLs and saved analyses. */
	id: string;
	group: CategoryGroup;
	labels: Localized;
	/** Words people type for it, per language (the labels are searched too). */
	synonyms: Localized<readonly string[]>;
	/** Icon name in the app's icon set. */
	icon: string;
	/** Legend colour, `#rrggbb`, at least 3:1 against white for map symbols. */
	colour: string;
	/** OSM tag rules that select it (any rule). Empty: only curated or extra places. */
	tagRules: readonly TagRule[];
	/** Default norm: walking distance along the network within which it should be, in metres. */
	defaultNormM: number;
	/**
	 * One of the few kinds of help the gap analysis's form lists first, the others behind "more
	 * kinds of help" (src/panels/CoveragePanel.svelte): the basic services that DESIGN.md's norms
	 * are about and a coordinator is asked about most: the Flemish basket of basic services (GP,
	 * pharmacy, grocery, bakery), the local service centre (Stadsmonitor) and meeting places (older
	 * walkers). The kinds an analysis uses are listed first as well, whatever this says.
	 */
	coverageFirst?: true;
	/** Care functions a place of this category typically serves. */
	careFunctions: readonly CareFunctionId[];
	/**
	 * The kinds of place a broad category holds (a bank and a butcher are both "other daily shops"),
	 * so that a place is named and found by what it is. The first kind whose rule matches a place's
	 * tags is its kind. Optional: most categories are one kind.
	 */
	kinds?: readonly PlaceKind[];
	/**
	 * OSM tags that list the lines calling at a stop, values separated by ";" (`route_ref`); a key
	 * ending in ":*" stands for every key with that prefix (`route_ref:De_Lijn`). A place shows them.
	 */
	lineTags?: readonly string[];
	/**
	 * Its places keep no opening hours (a bench, a stop): their details say nothing of hours
	 * unless the data give some, rather than "opening hours unknown".
	 */
	withoutOpeningHours?: true;
	/**
	 * The OSM tag that says whether a place has an emergency department, `yes` or `no`
	 * (`emergency` on a hospital): shown with the place, and in the search.
	 */
	emergencyTag?: string;
	/**
	 * Residents walk to its places often enough that their routes want a bench every 100–125 m
	 * (DESIGN.md, rest points): the planners' rest points measure along those routes.
	 */
	restRoutes?: true;
	/**
	 * Its places answer for every kind of help, as a municipality's social house does (a help line
	 * with no categories, data/help-lines): where a kind has no place in the data, a resident is
	 * shown the ones in their own municipality beside the help lines.
	 */
	answersEveryKind?: true;
	/**
	 * The OSM tags that count a car park's spaces: those reserved for disabled people
	 * (`capacity:disabled`) and all of them (`capacity`). Shown with the place ("1 of 12").
	 */
	spacesTags?: { accessible: string; total: string };
}

/** A kind of place within a category, with the OSM tags that make it and its words. */
export interface PlaceKind {
	/** Stable id within the category (snake_case). */
	id: string;
	labels: Localized;
	/** Other words people type for it (its labels are searched too). */
	synonyms: Localized<readonly string[]>;
	/** Any rule matches (OR); every key in a rule (AND). */
	tagRules: readonly TagRule[];
}

const GP_SPECIALITY = ['general', 'general_practice', 'family_medicine', 'general_medicine'];

/** All categories, in legend order. */
export const CATEGORIES: readonly Category[] = [
	{
		id: 'gp',
		group: 'care',
		labels: { nl: 'Huisarts', fr: 'Médecin généraliste', en: 'General practitioner' },
		synonyms: {
			nl: [
				'dokter',
				'arts',
				'geneesheer',
				'huisartsenpraktijk',
				'groepspraktijk',
				'dokter nodig',
				// the doctor on call at night and at weekends, as older residents ask for it
				'huisarts van wacht',
				'dokter van wacht',
				'wachtdienst',
				'huisartsenwachtpost',
				'wachtpost',
			],
			fr: [
				'médecin',
				'docteur',
				'généraliste',
				'cabinet médical',
				'médecin de garde',
				'garde médicale',
			],
			en: [
				'doctor',
				'GP',
				'physician',
				'family doctor',
				'doctor on call',
				'on-call doctor',
				'out-of-hours doctor',
			],
		},
		icon: 'doctor',
		colour: '#c0392b',
		tagRules: [
			{ amenity: 'doctors', 'healthcare:speciality': null },
			{ amenity: 'doctors', 'healthcare:speciality': GP_SPECIALITY },
			{ healthcare: 'doctor', 'healthcare:speciality': null },
			{ healthcare: 'doctor', 'healthcare:speciality': GP_SPECIALITY },
		],
		defaultNormM: 800,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: ['detecting_needs', 'guidance_to_care'],
	},
	{
		id: 'pharmacy',
		group: 'care',
		labels: { nl: 'Apotheek', fr: 'Pharmacie', en: 'Pharmacy' },
		synonyms: {
			nl: [
				'apotheker',
				'medicijnen',
				'geneesmiddelen',
				'pillen',
				'wachtapotheek',
				'apotheek van wacht',
			],
			fr: ['pharmacien', 'médicaments', 'pharmacie de garde'],
			en: ['chemist', 'pharmacist', 'medicines', 'medication'],
		},
		icon: 'pharmacy',
		colour: '#16a085',
		tagRules: [{ amenity: 'pharmacy' }, { healthcare: 'pharmacy' }],
		defaultNormM: 800,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: ['awareness_information', 'detecting_needs', 'guidance_to_care'],
	},
	{
		id: 'home_care',
		group: 'care',
		labels: {
			nl: 'Thuiszorg en thuisverpleging',
			fr: 'Soins à domicile',
			en: 'Home care and nursing',
		},
		synonyms: {
			nl: [
				'thuisverpleegkundige',
				'verpleegkundige',
				'verpleging',
				'gezinszorg',
				'poetshulp',
				'poetsdienst',
				'hulp in huis',
				'thuishulp',
				'mantelzorg',
			],
			fr: ['infirmière', 'infirmier', 'aide familiale', 'aide ménagère', 'aide à domicile'],
			en: ['nurse', 'home nursing', 'home help', 'cleaning help', 'carer'],
		},
		icon: 'home-care',
		colour: '#8e44ad',
		tagRules: [
			{ healthcare: 'nurse' },
			{ healthcare: 'home_care' },
			{ social_facility: 'home_care' },
		],
		defaultNormM: 1500,
		careFunctions: ['detecting_needs', 'guidance_to_care'],
	},
	{
		id: 'dentist',
		group: 'care',
		labels: { nl: 'Tandarts', fr: 'Dentiste', en: 'Dentist' },
		synonyms: {
			nl: ['tandartspraktijk', 'tanden', 'gebit', 'kies'],
			fr: ['cabinet dentaire', 'dents'],
			en: ['dental practice', 'teeth'],
		},
		icon: 'dentist',
		colour: '#d35400',
		tagRules: [{ amenity: 'dentist' }, { healthcare: 'dentist' }],
		defaultNormM: 1200,
		careFunctions: ['detecting_needs'],
	},
	{
		id: 'physiotherapist',
		group: 'care',
		labels: { nl: 'Kinesitherapeut', fr: 'Kinésithérapeute', en: 'Physiotherapist' },
		synonyms: {
			nl: ['kine', 'kiné', 'kinesist', 'fysiotherapeut', 'fysio', 'revalidatie'],
			fr: ['kiné', 'physiothérapeute', 'rééducation'],
			en: ['physio', 'physical therapy', 'rehabilitation'],
		},
		icon: 'physiotherapist',
		colour: '#a04000',
		tagRules: [{ healthcare: 'physiotherapist' }],
		defaultNormM: 1200,
		careFunctions: ['detecting_needs'],
	},
	{
		id: 'hospital',
		group: 'care',
		labels: { nl: 'Ziekenhuis', fr: 'Hôpital', en: 'Hospital' },
		synonyms: {
			nl: ['kliniek', 'AZ', 'hospitaal'],
			fr: ['clinique'],
			en: ['clinic'],
		},
		icon: 'hospital',
		colour: '#922b21',
		tagRules: [{ amenity: 'hospital' }, { healthcare: 'hospital' }],
		emergencyTag: 'emergency',
		// "spoed" finds the hospitals with an emergency department, not every hospital (a list's
		// `emergency` property counts as the tag)
		kinds: [
			{
				id: 'emergency_department',
				labels: {
					nl: 'Ziekenhuis met spoeddienst',
					fr: 'Hôpital avec service d’urgences',
					en: 'Hospital with emergency department',
				},
				synonyms: {
					nl: ['spoed', 'spoedgevallen', 'spoeddienst', 'spoedopname'],
					fr: ['urgences'],
					en: ['emergency', 'A&E', 'ER'],
				},
				tagRules: [{ emergency: 'yes' }],
			},
		],
		defaultNormM: 5000,
		careFunctions: ['guidance_to_care'],
	},
	{
		id: 'local_service_centre',
		group: 'care',
		labels: {
			nl: 'Lokaal dienstencentrum',
			fr: 'Centre de services local',
			en: 'Local service centre',
		},
		synonyms: {
			nl: [
				'dienstencentrum',
				'LDC',
				'seniorencentrum',
				'ontmoetingscentrum senioren',
				'iemand om mee te praten',
				'eenzaam',
				'cafetaria',
				'warme maaltijd',
			],
			fr: ['centre de services', 'centre pour seniors', 'quelqu’un à qui parler', 'solitude'],
			en: ['service centre', 'senior centre', 'someone to talk to', 'lonely', 'day centre'],
		},
		icon: 'service-centre',
		colour: '#6c3483',
		tagRules: [
			{ amenity: 'social_facility', social_facility: 'day_care', 'social_facility:for': 'senior' },
			{ amenity: 'social_facility', social_facility: 'community_centre' },
			// Flemish local service centres are often mapped as community centres named after what they are.
			{
				amenity: ['community_centre', 'social_facility', 'social_centre'],
				name: { pattern: '\\b(lokaal )?dienstencentrum\\b|\\bLDC\\b' },
			},
		],
		defaultNormM: 1500,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: [
			'partnerships',
			'awareness_information',
			'social_networks',
			'valued_roles',
			'detecting_needs',
			'guidance_to_care',
		],
	},
	{
		id: 'residential_care',
		group: 'care',
		labels: { nl: 'Woonzorgcentrum', fr: 'Maison de repos', en: 'Residential care centre' },
		synonyms: {
			nl: [
				'rusthuis',
				'WZC',
				'bejaardentehuis',
				'verzorgingstehuis',
				'assistentiewoningen',
				'serviceflats',
			],
			fr: ['maison de repos et de soins', 'MRS', 'home', 'résidence-services'],
			en: ['nursing home', 'care home', 'retirement home', 'assisted living'],
		},
		icon: 'residential-care',
		colour: '#5b2c6f',
		tagRules: [
			{ amenity: 'nursing_home' },
			{ amenity: 'social_facility', social_facility: ['nursing_home', 'assisted_living'] },
		],
		defaultNormM: 1500,
		careFunctions: ['detecting_needs', 'guidance_to_care', 'social_networks'],
	},
	{
		id: 'social_services',
		group: 'care',
		labels: {
			nl: 'Sociale dienst (OCMW, sociaal huis, CAW)',
			fr: 'Service social (CPAS, CAW)',
			en: 'Social services',
		},
		synonyms: {
			nl: [
				'OCMW',
				'sociaal huis',
				'CAW',
				'maatschappelijk werker',
				'sociale dienst',
				'welzijn',
				'hulp bij papieren',
			],
			fr: ['CPAS', 'assistant social', 'aide sociale', 'maison sociale'],
			en: ['social worker', 'welfare office', 'social help'],
		},
		icon: 'social-services',
		colour: '#1f618d',
		tagRules: [
			{ amenity: 'social_facility', social_facility: ['outreach', 'social_services'] },
			{ office: 'government', government: 'social_services' },
			{
				amenity: ['social_facility', 'townhall', 'community_centre', 'public_building'],
				name: { pattern: '\\b(OCMW|CAW|CPAS)\\b|sociaal huis' },
			},
			{
				building: ['civic', 'public', 'government'],
				name: { pattern: '\\b(OCMW|CPAS)\\b|sociaal huis' },
			},
			{
				office: ['government', 'association', 'ngo'],
				name: { pattern: '\\b(OCMW|CAW|CPAS)\\b|sociaal huis' },
			},
		],
		defaultNormM: 1500,
		restRoutes: true,
		answersEveryKind: true,
		careFunctions: [
			'partnerships',
			'awareness_information',
			'detecting_needs',
			'guidance_to_care',
			'policy_advice',
		],
	},
	{
		id: 'town_hall',
		group: 'care',
		labels: { nl: 'Gemeentehuis', fr: 'Maison communale', en: 'Town hall' },
		synonyms: {
			nl: ['gemeente', 'stadhuis', 'administratief centrum', 'loket', 'bevolking', 'burgerzaken'],
			fr: ['hôtel de ville', 'commune', 'administration communale', 'mairie'],
			en: ['municipality', 'city hall', 'council office', 'municipal office'],
		},
		icon: 'town-hall',
		colour: '#34495e',
		tagRules: [{ amenity: 'townhall' }, { office: 'government', government: 'municipality' }],
		defaultNormM: 2000,
		restRoutes: true,
		careFunctions: ['awareness_information', 'guidance_to_care', 'policy_advice'],
	},
	{
		id: 'mental_health',
		group: 'care',
		labels: {
			nl: 'Geestelijke gezondheidszorg',
			fr: 'Santé mentale',
			en: 'Mental health services',
		},
		synonyms: {
			nl: [
				'psycholoog',
				'psychiater',
				'psychotherapeut',
				'CGG',
				'praten',
				'depressie',
				'iemand om mee te praten',
			],
			fr: ['psychologue', 'psychiatre', 'psychothérapeute', 'santé mentale', 'parler'],
			en: ['psychologist', 'psychiatrist', 'therapist', 'counselling', 'someone to talk to'],
		},
		icon: 'mental-health',
		colour: '#2e86c1',
		tagRules: [
			{ healthcare: ['psychotherapist', 'counselling'] },
			{ 'healthcare:speciality': ['psychiatry', 'psychotherapist', 'psychotherapy', 'psychology'] },
			{ amenity: 'social_facility', 'social_facility:for': 'mental_health' },
		],
		defaultNormM: 2000,
		careFunctions: ['detecting_needs', 'guidance_to_care'],
	},
	{
		id: 'childcare',
		group: 'care',
		labels: { nl: 'Kinderopvang', fr: "Garde d'enfants", en: 'Childcare' },
		synonyms: {
			nl: ['crèche', 'kinderdagverblijf', 'onthaalouder', 'opvang', 'peuters', 'kleuters'],
			fr: ['crèche', 'garderie', 'accueillante'],
			en: ['nursery', 'daycare', 'creche'],
		},
		icon: 'childcare',
		colour: '#f39c12',
		tagRules: [{ amenity: ['childcare', 'kindergarten'] }],
		defaultNormM: 800,
		careFunctions: ['social_networks', 'detecting_needs'],
	},
	{
		id: 'grocery',
		group: 'daily',
		labels: {
			nl: 'Supermarkt en kruidenier',
			fr: 'Supermarché et épicerie',
			en: 'Supermarket and grocery',
		},
		synonyms: {
			nl: [
				'winkel',
				'boodschappen',
				'kruidenier',
				'buurtwinkel',
				'groenten',
				'eten kopen',
				'voeding',
			],
			fr: ['épicerie', 'courses', 'magasin', 'alimentation', 'légumes'],
			en: ['shop', 'groceries', 'food shop', 'convenience store', 'greengrocer'],
		},
		icon: 'grocery',
		colour: '#27ae60',
		tagRules: [{ shop: ['supermarket', 'convenience', 'greengrocer'] }],
		defaultNormM: 800,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: ['social_networks'],
	},
	{
		id: 'bakery',
		group: 'daily',
		labels: { nl: 'Bakker', fr: 'Boulangerie', en: 'Bakery' },
		synonyms: {
			nl: ['bakkerij', 'brood', 'banketbakker'],
			fr: ['boulanger', 'pain', 'pâtisserie'],
			en: ['baker', 'bread'],
		},
		icon: 'bakery',
		colour: '#b9770e',
		tagRules: [{ shop: ['bakery', 'pastry'] }],
		defaultNormM: 500,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: ['social_networks'],
	},
	{
		id: 'daily_shops',
		group: 'daily',
		labels: {
			nl: 'Andere dagelijkse winkels en diensten',
			fr: 'Autres commerces quotidiens',
			en: 'Other daily shops and services',
		},
		synonyms: {
			nl: [
				'slager',
				'beenhouwer',
				'krantenwinkel',
				'dagbladhandel',
				'drogist',
				'postkantoor',
				'post',
			],
			fr: ['boucherie', 'librairie', 'droguerie', 'bureau de poste', 'poste'],
			en: ['butcher', 'newsagent', 'drugstore', 'post office'],
		},
		icon: 'shop',
		colour: '#1e8449',
		tagRules: [
			{ shop: ['butcher', 'cheese', 'deli', 'seafood', 'chemist', 'newsagent', 'kiosk'] },
			{ amenity: ['post_office', 'bank'] },
		],
		defaultNormM: 800,
		restRoutes: true,
		careFunctions: ['social_networks'],
		kinds: [
			{
				id: 'bank',
				labels: { nl: 'Bank', fr: 'Banque', en: 'Bank' },
				synonyms: { nl: ['geld', 'bankkantoor'], fr: ['argent'], en: ['money'] },
				tagRules: [{ amenity: 'bank' }],
			},
			{
				id: 'post_office',
				labels: { nl: 'Postkantoor', fr: 'Bureau de poste', en: 'Post office' },
				synonyms: { nl: ['post', 'postpunt'], fr: ['poste'], en: ['post'] },
				tagRules: [{ amenity: 'post_office' }],
			},
			{
				id: 'butcher',
				labels: { nl: 'Slager', fr: 'Boucherie', en: 'Butcher' },
				synonyms: { nl: ['beenhouwer', 'slagerij'], fr: ['boucher'], en: [] },
				tagRules: [{ shop: 'butcher' }],
			},
			{
				id: 'food_shop',
				labels: { nl: 'Voedingswinkel', fr: 'Épicerie fine', en: 'Food shop' },
				synonyms: {
					nl: ['kaas', 'delicatessen', 'vis'],
					fr: ['fromagerie', 'poissonnerie'],
					en: ['deli', 'cheese', 'fish'],
				},
				tagRules: [{ shop: ['cheese', 'deli', 'seafood'] }],
			},
			{
				id: 'chemist',
				labels: { nl: 'Drogist', fr: 'Droguerie', en: 'Drugstore' },
				synonyms: { nl: ['drogisterij'], fr: [], en: ['toiletries'] },
				tagRules: [{ shop: 'chemist' }],
			},
			{
				id: 'newsagent',
				labels: { nl: 'Krantenwinkel', fr: 'Librairie', en: 'Newsagent' },
				synonyms: { nl: ['dagbladhandel', 'kiosk', 'kranten'], fr: ['presse'], en: ['kiosk'] },
				tagRules: [{ shop: ['newsagent', 'kiosk'] }],
			},
		],
	},
	{
		id: 'meeting_place',
		group: 'meeting',
		labels: { nl: 'Ontmoetingsplaats', fr: 'Lieu de rencontre', en: 'Meeting place' },
		synonyms: {
			nl: [
				'gemeenschapscentrum',
				'ontmoetingscentrum',
				'zaal',
				'parochiezaal',
				'bibliotheek',
				'bib',
				'kerk',
				'park',
				'samenkomen',
				'iemand om mee te praten',
			],
			fr: [
				'centre communautaire',
				'salle',
				'bibliothèque',
				'église',
				'parc',
				'se rencontrer',
				'quelqu’un à qui parler',
				'parler avec quelqu’un',
			],
			en: [
				'community centre',
				'library',
				'church',
				'park',
				'meet people',
				'someone to talk to',
				'talk to someone',
			],
		},
		icon: 'meeting',
		colour: '#2874a6',
		tagRules: [
			{ amenity: ['community_centre', 'library', 'place_of_worship', 'social_centre'] },
			{ leisure: 'park' },
		],
		defaultNormM: 500,
		coverageFirst: true,
		restRoutes: true,
		careFunctions: ['social_networks', 'valued_roles', 'awareness_information'],
	},
	{
		id: 'neighbour_help',
		group: 'informal',
		labels: { nl: 'Burenhulp', fr: 'Entraide entre voisins', en: 'Neighbour help' },
		synonyms: {
			nl: ['buren', 'buurthulp', 'hulp van buren', 'boodschappendienst', 'klusjes'],
			fr: ['voisins', 'entraide', 'aide de voisinage'],
			en: ['neighbours', 'helping neighbours', 'good neighbours'],
		},
		icon: 'neighbour-help',
		colour: '#7b5e00',
		// Informal initiatives are not mapped in OSM: coordinators add them (curated places).
		tagRules: [],
		defaultNormM: 1500,
		careFunctions: ['social_networks', 'valued_roles', 'detecting_needs'],
	},
	{
		id: 'informal_care_support',
		group: 'informal',
		labels: {
			nl: 'Ondersteuning van mantelzorgers',
			fr: 'Soutien aux aidants proches',
			en: 'Support for family carers',
		},
		synonyms: {
			nl: ['mantelzorg', 'mantelzorger', 'zorgen voor', 'respijtzorg', 'lotgenoten'],
			fr: ['aidant proche', 'aidants', 'répit'],
			en: ['carer', 'family carer', 'respite care', 'caregiver'],
		},
		icon: 'carer',
		colour: '#8a3b12',
		tagRules: [],
		defaultNormM: 2000,
		careFunctions: ['social_networks', 'detecting_needs', 'guidance_to_care'],
	},
	{
		id: 'volunteer_visiting',
		group: 'informal',
		labels: {
			nl: 'Vrijwillige bezoekersdienst',
			fr: 'Visites de bénévoles',
			en: 'Volunteer visiting',
		},
		synonyms: {
			nl: ['bezoek', 'vrijwilliger', 'vrijwilligers', 'eenzaam', 'gezelschap', 'praatje'],
			fr: ['visite', 'bénévole', 'solitude', 'compagnie'],
			en: ['visits', 'volunteer', 'lonely', 'company', 'befriending'],
		},
		icon: 'visiting',
		colour: '#6e2c00',
		tagRules: [],
		defaultNormM: 2000,
		careFunctions: ['social_networks', 'detecting_needs'],
	},
	{
		id: 'village_service',
		group: 'informal',
		labels: { nl: 'Dorpsdienst', fr: 'Service de village', en: 'Village service' },
		synonyms: {
			nl: [
				'dorpsrestaurant',
				'dorpswinkel',
				'vervoersdienst',
				'minder mobielen centrale',
				'dorpspunt',
			],
			fr: ['restaurant de village', 'transport solidaire', 'épicerie de village'],
			en: ['village restaurant', 'community transport', 'village shop'],
		},
		icon: 'village',
		colour: '#4d5656',
		tagRules: [],
		defaultNormM: 2000,
		careFunctions: ['social_networks', 'valued_roles'],
	},
	{
		id: 'bench',
		group: 'public_space',
		labels: { nl: 'Zitbank', fr: 'Banc', en: 'Bench' },
		synonyms: {
			nl: ['bank', 'bankje', 'zitbank', 'rustpunt', 'zitten', 'uitrusten'],
			fr: ['banc public', 's’asseoir', 'se reposer'],
			en: ['seat', 'rest', 'sit down'],
		},
		icon: 'bench',
		colour: '#7d6608',
		tagRules: [{ amenity: 'bench' }, { highway: 'bus_stop', bench: 'yes' }],
		defaultNormM: 125,
		withoutOpeningHours: true,
		careFunctions: [],
	},
	{
		id: 'toilets',
		group: 'public_space',
		labels: { nl: 'Openbaar toilet', fr: 'Toilettes publiques', en: 'Public toilets' },
		synonyms: {
			nl: ['toilet', 'wc', 'plaszuil', 'sanitair', 'rolstoeltoilet'],
			fr: ['toilettes', 'wc', 'sanitaires'],
			en: ['toilet', 'restroom', 'loo', 'wc', 'accessible toilet'],
		},
		icon: 'toilets',
		colour: '#566573',
		tagRules: [{ amenity: 'toilets' }],
		defaultNormM: 800,
		careFunctions: [],
	},
	{
		id: 'public_transport',
		group: 'public_space',
		labels: {
			nl: 'Halte openbaar vervoer',
			fr: 'Arrêt de transport public',
			en: 'Public transport stop',
		},
		synonyms: {
			nl: ['bushalte', 'bus', 'halte', 'De Lijn', 'station', 'trein', 'tram'],
			fr: ['arrêt de bus', 'bus', 'gare', 'train', 'tram'],
			en: ['bus stop', 'bus', 'station', 'train', 'tram'],
		},
		icon: 'bus',
		colour: '#117a65',
		tagRules: [{ highway: 'bus_stop' }, { railway: ['station', 'halt', 'tram_stop'] }],
		defaultNormM: 500,
		restRoutes: true,
		careFunctions: [],
		// the lines that call there: OSM's route_ref, and the operator's own (route_ref:De_Lijn)
		lineTags: ['route_ref', 'route_ref:*'],
		withoutOpeningHours: true,
		// A long trip names a bus stop on the way (src/analysis/stop-on-the-way.ts, STOP_KINDS).
		kinds: [
			{
				id: 'bus_stop',
				labels: { nl: 'Bushalte', fr: 'Arrêt de bus', en: 'Bus stop' },
				synonyms: { nl: ['De Lijn'], fr: [], en: [] },
				tagRules: [{ highway: 'bus_stop' }, { public_transport: 'platform', bus: 'yes' }],
			},
			{
				id: 'tram_stop',
				labels: { nl: 'Tramhalte', fr: 'Arrêt de tram', en: 'Tram stop' },
				synonyms: { nl: [], fr: [], en: [] },
				tagRules: [{ railway: 'tram_stop' }, { public_transport: 'platform', tram: 'yes' }],
			},
			{
				id: 'station',
				labels: { nl: 'Treinstation', fr: 'Gare', en: 'Railway station' },
				synonyms: { nl: ['station', 'trein'], fr: ['train'], en: ['train'] },
				tagRules: [{ railway: ['station', 'halt'] }],
			},
		],
	},
	{
		id: 'accessible_parking',
		group: 'public_space',
		labels: {
			nl: 'Parkeerplaats voor personen met een handicap',
			fr: 'Parking pour personnes handicapées',
			en: 'Accessible parking',
		},
		synonyms: {
			nl: [
				'invalidenparking',
				'mindervalidenparking',
				'rolstoel',
				'parkeerkaart',
				'gehandicaptenparking',
			],
			fr: ['place PMR', 'parking handicapé', 'fauteuil roulant'],
			en: ['disabled parking', 'blue badge', 'wheelchair'],
		},
		icon: 'accessible-parking',
		colour: '#1a5276',
		tagRules: [
			{ amenity: 'parking_space', parking_space: 'disabled' },
			{ amenity: 'parking_space', wheelchair: 'designated' },
			{ amenity: 'parking', 'capacity:disabled': true },
		],
		defaultNormM: 300,
		careFunctions: [],
		withoutOpeningHours: true,
		spacesTags: { accessible: 'capacity:disabled', total: 'capacity' },
	},
];

/**
 * The category whose places are benches: the planners' rest points measure the distance between
 * them, and the rollator's rule reads them (src/analysis/bundle.ts).
 */
export const BENCH_CATEGORY_ID = 'bench';

/** The categories whose routes the rest points measure ({@link Category.restRoutes}). */
export const REST_ROUTE_CATEGORY_IDS: readonly string[] = CATEGORIES.filter(
	(c) => c.restRoutes,
).map((c) => c.id);

/** Category ids in legend order. */
export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);

const BY_ID: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));

/**
 * The kinds of help an analysis starts with before anyone chooses: data, like the categories, so
 * that another municipality or a changed taxonomy needs no change in code. A kind with no place in
 * an area stays in: the analysis then says none is mapped there, which is itself a finding.
 */
export interface AnalysisStarts {
	/** A new gap analysis (the toolbar's): the kinds it measures and the one it shows first. */
	coverage: { categoryIds: readonly string[]; shown: string };
	/** The planners' "which fix helps most": the kind it ranks fixes for. */
	fixes: string;
}

/**
 * The analysis starts checked against the categories: every id known (the unknown ones named, with
 * the known ones, as {@link categoryById} does), none twice, and the shown kind among the started.
 * @throws Error naming what is wrong
 * @example checkAnalysisStarts({ coverage: { categoryIds: ['gp', 'apotheek'], shown: 'gp' }, fixes: 'gp' }, CATEGORIES)
 *   // throws: analysis starts: unknown categories "apotheek" (known: gp, pharmacy, …)
 */
export function checkAnalysisStarts(
	starts: AnalysisStarts,
	categories: readonly Category[],
): AnalysisStarts {
	const known = categories.map((c) => c.id);
	const { categoryIds, shown } = starts.coverage;
	const unknown = [...new Set([...categoryIds, shown, starts.fixes])].filter(
		(id) => !known.includes(id),
	);
	if (unknown.length > 0)
		throw new Error(
			`analysis starts: unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown
				.map((id) => `"${id}"`)
				.join(', ')} (known: ${known.join(', ')})`,
		);
	if (categoryIds.length === 0)
		throw new Error('analysis starts: a gap analysis starts with at least one kind of help');
	const twice = categoryIds.filter((id, i) => categoryIds.indexOf(id) !== i);
	if (twice.length > 0)
		throw new Error(
			`analysis starts: the gap analysis lists ${twice.map((id) => `"${id}"`).join(', ')} twice`,
		);
	if (!categoryIds.includes(shown))
		throw new Error(
			`analysis starts: the gap analysis shows "${shown}" first, but does not start with it (${categoryIds.join(', ')})`,
		);
	return starts;
}

/**
 * What the analyses start with: the gap analysis with basic care and meeting places (GP first),
 * "which fix helps most" with the pharmacy. Checked when the module loads, so a wrong id fails
 * the build and every test rather than a coordinator's first analysis.
 */
export const ANALYSIS_STARTS: AnalysisStarts = checkAnalysisStarts(
	{
		coverage: { categoryIds: ['gp', 'pharmacy', 'grocery', 'meeting_place'], shown: 'gp' },
		fixes: 'pharmacy',
	},
	CATEGORIES,
);

/**
 * The category with this id.
 * @throws Error when the id is unknown
 */
export function categoryById(id: string): Category {
	const c = BY_ID.get(id);
	if (!c) throw new Error(`unknown category "${id}" (known: ${CATEGORY_IDS.join(', ')})`);
	return c;
}

/** Whether `id` is a category id. */
export function isCategoryId(id: string): boolean {
	return BY_ID.has(id);
}

const PATTERNS = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
	let re = PATTERNS.get(source);
	if (!re) {
		re = new RegExp(source, 'iu');
		PATTERNS.set(source, re);
	}
	return re;
}

/** Whether one tag condition holds for `value` (undefined = tag absent). */
function conditionHolds(cond: TagCondition, value: string | undefined): boolean {
	if (cond === null) return value === undefined;
	if (value === undefined) return false;
	if (cond === true) return value !== 'no' && value !== '0';
	if (typeof cond === 'string') return value === cond;
	if ('pattern' in cond) return patternOf(cond.pattern).test(value);
	// Multi-valued OSM tags ("a;b") match when any value matches.
	return value.split(';').some((v) => cond.includes(v.trim()));
}

/** Whether every key of `rule` matches `tags`. */
export function ruleMatches(rule: TagRule, tags: Readonly<Record<string, string>>): boolean {
	for (const [key, cond] of Object.entries(rule)) {
		if (!conditionHolds(cond, tags[key])) return false;
	}
	return true;
}

/** Objects with these access values are not public places. */
const PRIVATE_ACCESS = new Set(['private', 'no']);

/**
 * Category ids (in legend order) whose rules match an OSM object's tags; empty when none do or
 * the object is private (`access=private|no`).
 *
 * @example matchCategories({ amenity: 'pharmacy', name: 'Apotheek Centrum' }) // ['pharmacy']
 */
export function matchCategories(tags: Readonly<Record<string, string>>): string[] {
	if (PRIVATE_ACCESS.has(tags.access ?? '')) return [];
	const out: string[] = [];
	for (const c of CATEGORIES) {
		if (c.tagRules.some((r) => ruleMatches(r, tags))) out.push(c.id);
	}
	return out;
}

/** Every OSM key that any rule reads (for pre-filtering tags cheaply). */
export const RULE_KEYS: ReadonlySet<string> = new Set(
	CATEGORIES.flatMap((c) => c.tagRules.flatMap((r) => Object.keys(r))),
);

/**
 * The kind of a place within its first category that has kinds, by its OSM tags; undefined when
 * none of its categories has kinds or no kind's rule matches.
 *
 * @example placeKindOf(['daily_shops'], { amenity: 'bank', name: 'KBC' })?.id // 'bank'
 */
export function placeKindOf(
	categoryIds: readonly string[],
	tags: Readonly<Record<string, string>>,
): PlaceKind | undefined {
	for (const id of categoryIds) {
		const kinds = BY_ID.get(id)?.kinds;
		if (!kinds) continue;
		const kind = kinds.find((k) => k.tagRules.some((r) => ruleMatches(r, tags)));
		if (kind) return kind;
	}
	return undefined;
}

/** The label of a category in a language. */
export function categoryLabel(id: string, lang: keyof Localized): string {
	return categoryById(id).labels[lang];
}
