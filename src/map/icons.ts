/**
 * The app's icon set: one simple white glyph per taxonomy `icon` name, drawn in a 24 × 24 box and
 * shown on a disc in the category's colour, both in the app (CategoryIcon) and on the map (the same
 * SVG rasterised into a map image), so the legend and the map always match.
 */

/** SVG path data (24 × 24, filled) per icon name. */
export const ICON_PATHS: Readonly<Record<string, string>> = {
	doctor: 'M10 5h4v5h5v4h-5v5h-4v-5H5v-4h5z',
	pharmacy:
		'M8.2 18.4a3.6 3.6 0 0 1-5.1-5.1l5.4-5.4 5.1 5.1zM15.8 5.6a3.6 3.6 0 0 1 5.1 5.1l-5.4 5.4-5.1-5.1z',
	'home-care':
		'M12 3.5l9 7.5h-2.5v9h-13v-9H3zm0 14.5l3.6-3.5a2 2 0 0 0-3.1-2.5l-.5.5-.5-.5a2 2 0 0 0-3.1 2.5z',
	dentist:
		'M8 4C6 4 4.5 5.5 4.5 8c0 3 1.5 4 2 7 .4 2.4 1 4 2 4s1.3-2 1.5-3.5c.2-1.2.8-1.5 2-1.5s1.8.3 2 1.5c.2 1.5.5 3.5 1.5 3.5s1.6-1.6 2-4c.5-3 2-4 2-7 0-2.5-1.5-4-3.5-4-1.5 0-2.5 1-4 1S9.5 4 8 4z',
	physiotherapist:
		'M12 2.5a2.2 2.2 0 1 1 0 4.4 2.2 2.2 0 0 1 0-4.4zM6 8h12v2.5h-4.2V21h-2.6v-5h-.4v5H8.2V10.5H6z',
	hospital: 'M6 5h3v5.5h6V5h3v14h-3v-5.5H9V19H6z',
	'service-centre':
		'M8 4.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm8 0a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM3.5 19v-5a3 3 0 0 1 3-3h3a3 3 0 0 1 2.5 1.3 3 3 0 0 1 2.5-1.3h3a3 3 0 0 1 3 3v5z',
	'residential-care':
		'M3 20V9l9-5.5L21 9v11h-3.5v-4.5h-11V20zm4-7h10v-2H7zm3.3-4.6a1.7 1.7 0 1 0 3.4 0 1.7 1.7 0 0 0-3.4 0z',
	'social-services': 'M12 20.5l-7.4-7.2A4.6 4.6 0 0 1 12 7.2a4.6 4.6 0 0 1 7.4 6.1z',
	'mental-health': 'M3.5 5h17v11h-9.5l-5 4v-4H3.5z',
	childcare:
		'M12 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM7 10h10l-1.5 5H14v6h-4v-6H8.5zM4.5 6.5a1.8 1.8 0 1 1 3.6 0 1.8 1.8 0 0 1-3.6 0zm11.4 0a1.8 1.8 0 1 1 3.6 0 1.8 1.8 0 0 1-3.6 0z',
	grocery:
		'M3 6h3l2.2 9h9.6l2-7H8.6l-.5-2H22l-3 11H6.7L4.5 8H3zm6 13.5a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zm6 0a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0z',
	bakery: 'M4 14c0-4.4 3.6-8 8-8s8 3.6 8 8v3.5H4zm4.5-4.5l1 5 1.5-.3-1-5zm5 4.7l1.5.3 1-5-1.5-.3z',
	shop: 'M6 8h12l1 13H5zm3 0a3 3 0 0 1 6 0h-1.8a1.2 1.2 0 0 0-2.4 0z',
	meeting: 'M3 4h11v7.5H8l-3.5 3v-3H3zm7 9h5.5L19 10v3h2v7.5h-1.5v3l-3.5-3h-6z',
	bench: 'M3 9h18v3H3zm0 4.5h18V16h-2v4h-2.5v-4h-9v4H5v-4H3zM4 5h16v2.5H4z',
	toilets:
		'M7 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm10 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM4.5 8h5v7H8.5v6h-3v-6h-1zm10.2 0h4.6l2.2 8h-2.5v5h-4v-5h-2.5z',
	bus: 'M5 4.5C5 3.7 5.7 3 6.5 3h11c.8 0 1.5.7 1.5 1.5V18h-1v2.5h-2.5V18h-7v2.5H6V18H5zm2 2v5h10v-5zm0 8.5a1.2 1.2 0 1 0 2.4 0 1.2 1.2 0 0 0-2.4 0zm7.6 0a1.2 1.2 0 1 0 2.4 0 1.2 1.2 0 0 0-2.4 0z',
	'town-hall': 'M12 2.5l9 5v2H3v-2zM5 11h3v7H5zm5.5 0h3v7h-3zM16 11h3v7h-3zM3 19.5h18V22H3z',
	'neighbour-help':
		'M3 20v-8l5-4.5 5 4.5v8H9.5v-4.5h-3V20zm8.5-8.7L16 7.5l5 4.5v8h-3.5v-4.5h-2V20H13v-8z',
	carer:
		'M9 3a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM5.5 9.5h7l4 4.5-1.8 1.5-2.7-3V21H9v-5H8v5H5.5zm11.8 3.2a2 2 0 0 1 3.2 2.3L18 17.5l-2.5-2.5a2 2 0 0 1 1.8-2.3z',
	visiting: 'M3 11l7-6 7 6v9h-4.5v-5.5h-5V20H3zm14.5-6.5h3v3.5h-3zm-2 11.5a2 2 0 1 1 4 0v4h-4z',
	village: 'M2.5 20v-7l4-3.5 4 3.5v7zm9 0V9.5L16 4l4.5 5.5V20h-3v-4.5h-3V20z',
	'accessible-parking': 'M7 4h6a5 5 0 0 1 0 10h-3v6H7zm3 3v4h3a2 2 0 0 0 0-4z',
};

/** A whole icon as SVG markup: the glyph in white on a disc of `colour`, `sizePx` square. */
export function iconSvg(icon: string, colour: string, sizePx: number): string {
	const path = ICON_PATHS[icon];
	if (!path) throw new Error(`unknown icon "${icon}" (add it to map/icons.ts)`);
	if (!/^#[0-9a-f]{6}$/i.test(colour))
		throw new Error(`icon colour must be #rrggbb, got ${colour}`);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${sizePx}" height="${sizePx}" viewBox="-2 -2 28 28">` +
		`<circle cx="12" cy="12" r="13" fill="${colour}" stroke="#ffffff" stroke-width="1.5"/>` +
		`<g transform="translate(3.6 3.6) scale(0.7)"><path d="${path}" fill="#ffffff"/></g></svg>`
	);
}
