/**
 * MapLibre's own texts (control titles, the canvas label) and the map data's attribution in the
 * app's language. MapLibre reads its texts from the map's `locale` table (keys of maplibre-gl's
 * `src/ui/default_locale.ts`); the keys here are those of the controls the app adds.
 */
import type { Lang } from '../i18n/messages.ts';

const TABLES: Record<Lang, Record<string, string>> = {
	nl: {
		'Map.Title': 'Kaart',
		'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
		'NavigationControl.ZoomIn': 'Inzoomen',
		'NavigationControl.ZoomOut': 'Uitzoomen',
		'NavigationControl.ResetBearing': 'Kaart terug naar het noorden draaien',
		'GeolocateControl.FindMyLocation': 'Mijn locatie tonen',
		'GeolocateControl.LocationNotAvailable': 'Locatie niet beschikbaar',
		'Popup.Close': 'Sluiten',
	},
	fr: {
		'Map.Title': 'Carte',
		'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
		'NavigationControl.ZoomIn': 'Zoom avant',
		'NavigationControl.ZoomOut': 'Zoom arrière',
		'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
		'GeolocateControl.FindMyLocation': 'Afficher ma position',
		'GeolocateControl.LocationNotAvailable': 'Position non disponible',
		'Popup.Close': 'Fermer',
	},
	en: {
		'Map.Title': 'Map',
		'AttributionControl.ToggleAttribution': 'Show or hide the attribution',
		'NavigationControl.ZoomIn': 'Zoom in',
		'NavigationControl.ZoomOut': 'Zoom out',
		'NavigationControl.ResetBearing': 'Turn the map back to north',
		'GeolocateControl.FindMyLocation': 'Show my location',
		'GeolocateControl.LocationNotAvailable': 'Location not available',
		'Popup.Close': 'Close',
	},
};

/** MapLibre's locale table for a language, with the canvas label given (e.g. "Kaart van Herentals"). */
export function mapLocale(lang: Lang, canvasLabel: string): Record<string, string> {
	return { ...TABLES[lang], 'Map.Title': canvasLabel };
}

const CONTRIBUTORS: Record<Lang, string> = {
	nl: 'OpenStreetMap-bijdragers',
	fr: 'contributeurs d’OpenStreetMap',
	en: 'OpenStreetMap contributors',
};

/** Where OpenStreetMap's copyright and licence (ODbL) are explained. */
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

/** The OpenStreetMap attribution (ODbL) in a language, as the HTML MapLibre's control shows. */
export function osmAttribution(lang: Lang): string {
	return `© <a href="${OSM_COPYRIGHT_URL}" target="_blank" rel="noopener">${CONTRIBUTORS[lang]}</a> (ODbL)`;
}

/**
 * The same attribution as DOM nodes, for an element of the page's own (the first view's map,
 * which has no MapLibre control): text nodes and a link, no HTML parsed.
 */
export function osmAttributionNodes(lang: Lang): (string | HTMLAnchorElement)[] {
	const link = document.createElement('a');
	link.href = OSM_COPYRIGHT_URL;
	link.target = '_blank';
	link.rel = 'noopener';
	link.textContent = CONTRIBUTORS[lang];
	return ['© ', link, ' (ODbL)'];
}
