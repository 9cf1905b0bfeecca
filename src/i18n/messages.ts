/**
 * Every user-facing text of the app, Dutch first, with French and English. A text missing in one
 * language is a type error, so no language falls behind.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const nl = {
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
