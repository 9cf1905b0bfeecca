import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.ts';
import fr from '../i18n/fr.ts';
import { LANGUAGES, NL_MESSAGES } from '../i18n/messages.ts';
import { MANIFEST_ICONS, manifestFileFor, webManifest } from './web-manifest.ts';

const MESSAGES = { nl: NL_MESSAGES, fr, en };
const PUBLIC = path.join(import.meta.dirname, '../../public');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
	const bytes = readFileSync(file);
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('webManifest', () => {
	it('has what Chromium needs to install the app, in every language', () => {
		for (const lang of LANGUAGES) {
			const m = webManifest(lang, MESSAGES);
			expect(m).toMatchObject({
				id: '/',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				lang,
				short_name: MESSAGES[lang].appTitle,
				description: MESSAGES[lang].appDescription,
			});
			expect(m.name).toContain(MESSAGES[lang].appTagline);
			expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
			// The other two languages are in `translations`.
			expect(Object.keys(m.translations).sort()).toEqual(
				LANGUAGES.filter((l) => l !== lang).sort(),
			);
		}
		expect(manifestFileFor('nl')).toBe('manifest.webmanifest');
		expect(manifestFileFor('fr')).toBe('manifest-fr.webmanifest');
	});

	it('lists icons of 192 and 512 px and a maskable one, and each PNG has the size it claims', () => {
		const sizes = MANIFEST_ICONS.map((i) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		expect(MANIFEST_ICONS.some((i) => 'purpose' in i && i.purpose === 'maskable')).toBe(true);
		for (const icon of MANIFEST_ICONS) {
			const [w, h] = pngSize(path.join(PUBLIC, icon.src));
			expect(`${w}x${h}`).toBe(icon.sizes);
		}
		expect(pngSize(path.join(PUBLIC, 'apple-touch-icon-180x180.png'))).toEqual([180, 180]);
	});
});
