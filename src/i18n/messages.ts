/**
 * Every user-facing text of the app, Dutch first, with French and English. A text missing in one
 * language is a type error, so no language falls behind.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const nl = {
	nearestFrom: 'Dichtstbij vanaf {origin}, {profile}:',
	nearestChooseOrigin:
		'Kies een adres in het zoekvak of gebruik je locatie om te zien wat het dichtst bij is, te voet langs de straten.',
	nearestUseLocation: 'Gebruik mijn locatie',
	nearestMyLocation: 'mijn locatie',
	nearestBusy: 'Wandeltijden worden berekend…',
	nearestFailed: 'De wandeltijden konden niet berekend worden ({detail}).',
	nearestNone: 'Geen enkele plaats van deze soort is bereikbaar langs de straten.',
	nearestLocationDenied: 'Je locatie is niet beschikbaar. Kies een adres in het zoekvak.',
	close: 'Sluiten',
	walkTime: '{minutes} min te voet ({distance} m langs de straten)',
	walkUnknownShare:
		'Let op: voor {share} % van deze route weten we niet of ze toegankelijk is (gegevens ontbreken).',
	openingHours: 'Openingsuren',
	openNow: 'Nu open',
	closedNow: 'Nu gesloten',
	openUnknown: 'Open of niet: onbekend',
	closesAt: 'sluit om {time}',
	opensAt: 'opent {time}',
	address: 'Adres',
	phone: 'Telefoon',
	website: 'Website',
	wheelchairAccess: 'Rolstoel',
	wheelchairYes: 'Toegankelijk',
	wheelchairLimited: 'Beperkt toegankelijk',
	wheelchairNo: 'Niet toegankelijk',
	wheelchairUnknown: 'Niet bekend',
	operator: 'Beheerder',
	careFunctions: 'Functies in de buurtzorg',
	dataSource: 'Bron',
	reportProblem: 'Een probleem melden hier',
	viewLabel: 'Weergave',
	viewMap: 'Kaart',
	viewList: 'Lijst',
	profileLabel: 'Hoe verplaats je je?',
	legendTitle: 'Wat toont de kaart?',
	legendShowAll: 'Alles tonen',
	legendHideAll: 'Alles verbergen',
	listTitle: 'Plaatsen in {area}',
	listCount: '{count} plaatsen',
	listFilter: 'Soort hulp',
	listFilterAll: 'Alle soorten',
	listEmpty: 'Geen plaatsen voor deze keuze.',
	placesLoading: 'Plaatsen worden geladen…',
	placesError: 'De plaatsen konden niet geladen worden ({detail}).',
	searchLabel: 'Zoek hulp, een plaats of een adres',
	searchPlaceholder: 'Zoek: dokter, apotheek, iemand om mee te praten…',
	searchResults: 'Zoekresultaten',
	searchLoading: 'Zoekgegevens worden geladen…',
	searchNoResults: 'Niets gevonden voor “{query}”.',
	searchGroupCategories: 'Soort hulp',
	searchGroupPlaces: 'Plaatsen',
	searchGroupStreets: 'Straten',
	searchGroupAddresses: 'Adressen',
	appTitle: 'Buurtkaart',
	appTagline: 'Hulp en voorzieningen in je buurt',
	languageLabel: 'Taal',
	languageName: 'Nederlands',
	mapLabel: 'Kaart van {area}',
	mapLoading: 'Kaart wordt geladen…',
	mapReady: 'Kaart geladen',
	mapErrorTiles:
		'De kaartgegevens konden niet geladen worden ({detail}). Probeer het later opnieuw.',
	mapErrorManifest: 'De gegevens van het gebied konden niet geladen worden ({detail}).',
	mapErrorWebgl: 'Deze browser kan de kaart niet tekenen (WebGL ontbreekt).',
	neighbourhoods: 'Buurten',
	residents: 'inwoners',
	dataCoverage: 'Dekking OpenStreetMap-gegevens: {share}',
	dataDate: 'Gegevens van {date}',
} as const;

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

const fr: Messages = {
	nearestFrom: 'Au plus près de {origin}, {profile} :',
	nearestChooseOrigin:
		'Choisissez une adresse dans la recherche ou utilisez votre position pour voir ce qui est le plus proche, à pied par les rues.',
	nearestUseLocation: 'Utiliser ma position',
	nearestMyLocation: 'ma position',
	nearestBusy: 'Calcul des temps de marche…',
	nearestFailed: 'Les temps de marche n’ont pas pu être calculés ({detail}).',
	nearestNone: 'Aucun lieu de ce type n’est accessible par les rues.',
	nearestLocationDenied:
		'Votre position n’est pas disponible. Choisissez une adresse dans la recherche.',
	close: 'Fermer',
	walkTime: '{minutes} min à pied ({distance} m par les rues)',
	walkUnknownShare:
		'Attention : pour {share} % de cet itinéraire, nous ne savons pas s’il est accessible (données manquantes).',
	openingHours: 'Heures d’ouverture',
	openNow: 'Ouvert maintenant',
	closedNow: 'Fermé maintenant',
	openUnknown: 'Ouvert ou non : inconnu',
	closesAt: 'ferme à {time}',
	opensAt: 'ouvre {time}',
	address: 'Adresse',
	phone: 'Téléphone',
	website: 'Site web',
	wheelchairAccess: 'Fauteuil roulant',
	wheelchairYes: 'Accessible',
	wheelchairLimited: 'Accès limité',
	wheelchairNo: 'Non accessible',
	wheelchairUnknown: 'Inconnu',
	operator: 'Gestionnaire',
	careFunctions: 'Fonctions de soins de quartier',
	dataSource: 'Source',
	reportProblem: 'Signaler un problème ici',
	viewLabel: 'Affichage',
	viewMap: 'Carte',
	viewList: 'Liste',
	profileLabel: 'Comment vous déplacez-vous ?',
	legendTitle: 'Que montre la carte ?',
	legendShowAll: 'Tout afficher',
	legendHideAll: 'Tout masquer',
	listTitle: 'Lieux à {area}',
	listCount: '{count} lieux',
	listFilter: 'Type d’aide',
	listFilterAll: 'Tous les types',
	listEmpty: 'Aucun lieu pour ce choix.',
	placesLoading: 'Chargement des lieux…',
	placesError: 'Les lieux n’ont pas pu être chargés ({detail}).',
	searchLabel: 'Chercher une aide, un lieu ou une adresse',
	searchPlaceholder: 'Chercher : médecin, pharmacie, quelqu’un à qui parler…',
	searchResults: 'Résultats de recherche',
	searchLoading: 'Chargement des données de recherche…',
	searchNoResults: 'Aucun résultat pour « {query} ».',
	searchGroupCategories: 'Type d’aide',
	searchGroupPlaces: 'Lieux',
	searchGroupStreets: 'Rues',
	searchGroupAddresses: 'Adresses',
	appTitle: 'Buurtkaart',
	appTagline: "L'aide et les services dans votre quartier",
	languageLabel: 'Langue',
	languageName: 'Français',
	mapLabel: 'Carte de {area}',
	mapLoading: 'Chargement de la carte…',
	mapReady: 'Carte chargée',
	mapErrorTiles:
		'Les données de la carte n’ont pas pu être chargées ({detail}). Réessayez plus tard.',
	mapErrorManifest: 'Les données de la zone n’ont pas pu être chargées ({detail}).',
	mapErrorWebgl: 'Ce navigateur ne peut pas afficher la carte (WebGL manquant).',
	neighbourhoods: 'Quartiers',
	residents: 'habitants',
	dataCoverage: 'Couverture des données OpenStreetMap : {share}',
	dataDate: 'Données du {date}',
};

const en: Messages = {
	nearestFrom: 'Nearest from {origin}, {profile}:',
	nearestChooseOrigin:
		'Choose an address in the search box or use your location to see what is nearest, on foot along the streets.',
	nearestUseLocation: 'Use my location',
	nearestMyLocation: 'my location',
	nearestBusy: 'Working out walking times…',
	nearestFailed: 'The walking times could not be worked out ({detail}).',
	nearestNone: 'No place of this kind can be reached along the streets.',
	nearestLocationDenied: 'Your location is not available. Choose an address in the search box.',
	close: 'Close',
	walkTime: '{minutes} min on foot ({distance} m along the streets)',
	walkUnknownShare:
		'Note: for {share} % of this route we do not know whether it is accessible (data missing).',
	openingHours: 'Opening hours',
	openNow: 'Open now',
	closedNow: 'Closed now',
	openUnknown: 'Open or not: unknown',
	closesAt: 'closes at {time}',
	opensAt: 'opens {time}',
	address: 'Address',
	phone: 'Phone',
	website: 'Website',
	wheelchairAccess: 'Wheelchair',
	wheelchairYes: 'Accessible',
	wheelchairLimited: 'Partly accessible',
	wheelchairNo: 'Not accessible',
	wheelchairUnknown: 'Not known',
	operator: 'Operator',
	careFunctions: 'Neighbourhood care functions',
	dataSource: 'Source',
	reportProblem: 'Report a problem here',
	viewLabel: 'View',
	viewMap: 'Map',
	viewList: 'List',
	profileLabel: 'How do you get around?',
	legendTitle: 'What the map shows',
	legendShowAll: 'Show all',
	legendHideAll: 'Hide all',
	listTitle: 'Places in {area}',
	listCount: '{count} places',
	listFilter: 'Kind of help',
	listFilterAll: 'All kinds',
	listEmpty: 'No places for this choice.',
	placesLoading: 'Loading places…',
	placesError: 'The places could not be loaded ({detail}).',
	searchLabel: 'Search for help, a place or an address',
	searchPlaceholder: 'Search: doctor, pharmacy, someone to talk to…',
	searchResults: 'Search results',
	searchLoading: 'Loading search data…',
	searchNoResults: 'Nothing found for “{query}”.',
	searchGroupCategories: 'Kind of help',
	searchGroupPlaces: 'Places',
	searchGroupStreets: 'Streets',
	searchGroupAddresses: 'Addresses',
	appTitle: 'Buurtkaart',
	appTagline: 'Help and services in your neighbourhood',
	languageLabel: 'Language',
	languageName: 'English',
	mapLabel: 'Map of {area}',
	mapLoading: 'Loading the map…',
	mapReady: 'Map loaded',
	mapErrorTiles: 'The map data could not be loaded ({detail}). Please try again later.',
	mapErrorManifest: 'The data for this area could not be loaded ({detail}).',
	mapErrorWebgl: 'This browser cannot draw the map (WebGL is missing).',
	neighbourhoods: 'Neighbourhoods',
	residents: 'residents',
	dataCoverage: 'OpenStreetMap data coverage: {share}',
	dataDate: 'Data of {date}',
};

export const MESSAGES: Record<Lang, Messages> = { nl, fr, en };

/**
 * Looks up a text and fills its `{name}` slots. Values are inserted as plain text: callers render the
 * result as text, never as HTML.
 * @example translate('en', 'mapLabel', { area: 'Vorselaar' }) // → 'Map of Vorselaar'
 */
export function translate(
	lang: Lang,
	key: MessageKey,
	values: Record<string, string | number> = {},
): string {
	return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (slot, name: string) =>
		name in values ? String(values[name]) : slot,
	);
}

/** Whether `value` is one of the supported languages. */
export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: `?lang=` in the URL, else the last choice on this device, else Dutch. */
export function initialLang(search: string, stored: string | null): Lang {
	const fromUrl = new URLSearchParams(search).get('lang');
	if (isLang(fromUrl)) return fromUrl;
	if (isLang(stored)) return stored;
	return 'nl';
}
