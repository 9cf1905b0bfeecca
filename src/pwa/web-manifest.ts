/**
 * The web app manifest (what makes Buurtkaart installable), built from the app's own texts
 * (src/i18n/messages.ts) so that its name and description follow the app's languages: Dutch in
 * `manifest.webmanifest` (with French and English in `translations`, the W3C proposal for localised
 * manifests), and one manifest per other language that the app links while that language is chosen,
 * so an installation in French or English carries its own description. Icons are the PNGs that
 * `npm run icons` generates from public/favicon.svg (pwa-assets.config.ts).
 */
import { LANGUAGES, type Lang, type Messages } from '../i18n/messages.ts';

/** Every language's texts (the build has them all; the app loads French and English when chosen). */
export type AllMessages = Record<Lang, Messages>;

/** The app's theme colour (header bar, installed app's title bar). */
export const THEME_COLOUR = '#1d4e5f';
/** The page background, shown on the installed app's splash screen. */
export const BACKGROUND_COLOUR = '#f6f4ef';

/** The icons, in the sizes browsers ask for (files in public/). */
export const MANIFEST_ICONS = [
	{ src: '/pwa-64x64.png', sizes: '64x64', type: 'image/png' },
	{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
	{ src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: '/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

/** The file name of the manifest for a language ('nl' is the default manifest). */
export function manifestFileFor(lang: Lang): string {
	return lang === 'nl' ? 'manifest.webmanifest' : `manifest-${lang}.webmanifest`;
}

function texts(lang: Lang, messages: AllMessages) {
	const m = messages[lang];
	return {
		name: `${m.appTitle}: ${m.appTagline}`,
		short_name: m.appTitle,
		description: m.appDescription,
	};
}

/** The web app manifest in a language (the same app, id and start URL in every language). */
export function webManifest(lang: Lang, messages: AllMessages) {
	return {
		id: '/',
		...texts(lang, messages),
		lang,
		dir: 'ltr' as const,
		start_url: '/',
		scope: '/',
		display: 'standalone' as const,
		orientation: 'any' as const,
		theme_color: THEME_COLOUR,
		background_color: BACKGROUND_COLOUR,
		categories: ['health', 'navigation', 'social'],
		icons: MANIFEST_ICONS.map((icon) => ({ ...icon })),
		translations: Object.fromEntries(
			LANGUAGES.filter((l) => l !== lang).map((l) => [l, texts(l, messages)]),
		),
	};
}
