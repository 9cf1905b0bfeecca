/**
 * The app's icons, generated from public/favicon.svg with @vite-pwa/assets-generator (the tool
 * vite-plugin-pwa documents for this): `npm run icons` writes the PNGs (and favicon.ico) beside the
 * SVG in public/; they are committed. The sizes are the 2023 minimal set that browsers ask for:
 * 64, 192 and 512 px (transparent), a 512 px maskable icon and the 180 px Apple touch icon. The
 * maskable and Apple icons get the theme colour behind the logo (their padding is the safe zone).
 */
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { THEME_COLOUR } from './src/pwa/web-manifest.ts';

export default defineConfig({
	headLinkOptions: { preset: '2023' },
	preset: {
		...minimal2023Preset,
		maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: THEME_COLOUR } },
		apple: { ...minimal2023Preset.apple, resizeOptions: { background: THEME_COLOUR } },
	},
	images: ['public/favicon.svg'],
});
