/**
 * The UI palette as CSS custom properties: UI_PALETTE (src/map/style/theme.ts) is the one source,
 * src/map/style/palette.css is generated from it, and no .svelte file writes a hex colour of its
 * own (scripts/tools/palette-codemod.ts replaces them; its rewrite is checked here on small texts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	PALETTE_CSS,
	canonicalHex,
	paletteCss,
	paletteIndex,
	planRun,
	propertyName,
	rewriteSvelte,
	svelteFiles,
} from '../../scripts/tools/palette-codemod.ts';
import { UI_PALETTE } from '../../src/map/style/theme.ts';
import { REPO_ROOT } from '../../scripts/lib/version.ts';

const PALETTE = { accent: '#1d4e5f', white: '#fff', errorBg: '#fff2f0' };

describe('the palette in the repository', () => {
	const plan = planRun();

	it('palette.css is generated from UI_PALETTE and up to date', () => {
		expect(plan.cssStale).toBe(false);
		for (const [key, value] of Object.entries(UI_PALETTE))
			expect(readFileSync(PALETTE_CSS, 'utf8')).toContain(`${propertyName(key)}: ${value};`);
	});

	it('no .svelte file has a hard-coded hex colour', () => {
		expect(svelteFiles().length).toBeGreaterThan(0);
		expect(plan.changed.map((c) => path.relative(REPO_ROOT, c.file))).toEqual([]);
		expect(plan.findings).toEqual([]);
	});

	it('every custom property the components use is in palette.css', () => {
		const defined = new Set(Object.keys(UI_PALETTE).map(propertyName));
		for (const file of svelteFiles())
			for (const m of readFileSync(file, 'utf8').matchAll(/var\((--ui-[a-z0-9-]+)/g))
				expect(defined, `${path.relative(REPO_ROOT, file)}: ${m[1]}`).toContain(m[1]);
	});

	it('palette.css is imported once, by the app’s entry', () => {
		const main = readFileSync(path.join(REPO_ROOT, 'src', 'main.ts'), 'utf8');
		expect(main).toContain("import './map/style/palette.css';");
	});

	it('every colour of UI_PALETTE is listed once', () => {
		expect(paletteIndex(UI_PALETTE).size).toBe(Object.keys(UI_PALETTE).length);
	});
});

describe('the codemod', () => {
	it('names properties in kebab case and spells a colour one way', () => {
		expect(propertyName('accentBgLight')).toBe('--ui-accent-bg-light');
		expect(propertyName('grey80')).toBe('--ui-grey80');
		expect(canonicalHex('#FFF')).toBe('#ffffff');
		expect(canonicalHex('#abcd')).toBe('#aabbccdd');
		expect(canonicalHex('#1D4E5F')).toBe('#1d4e5f');
	});

	it('replaces colours in style blocks, style attributes and SVG colour attributes', () => {
		const text = [
			'<script>',
			"\tconst map = { paint: { 'fill-color': '#1d4e5f' } };",
			'</script>',
			'<a href="#fff">top</a>',
			'<p style="color: #FFFFFF; border: 1px solid #1d4e5f">x</p>',
			'<path fill="#fff" stroke=\'#1D4E5F\' />',
			'<style>',
			'\t#fff, .a:hover { color: #1d4e5f; background: #fff2f0 }',
			'\t.b { border: 1px solid var(--border, #fff); }',
			'</style>',
		].join('\n');
		const { text: out, findings } = rewriteSvelte(text, PALETTE);
		expect(out).toBe(
			[
				'<script>',
				"\tconst map = { paint: { 'fill-color': '#1d4e5f' } };",
				'</script>',
				'<a href="#fff">top</a>',
				'<p style="color: var(--ui-white); border: 1px solid var(--ui-accent)">x</p>',
				'<path fill="var(--ui-white)" stroke=\'var(--ui-accent)\' />',
				'<style>',
				'\t#fff, .a:hover { color: var(--ui-accent); background: var(--ui-error-bg) }',
				'\t.b { border: 1px solid var(--border, var(--ui-white)); }',
				'</style>',
			].join('\n'),
		);
		// A colour in a script is left for a person (MapLibre cannot read CSS properties).
		expect(findings).toEqual([{ line: 2, hex: '#1d4e5f', problem: 'in a script' }]);
	});

	it('is idempotent', () => {
		const text = '<b style="color: #fff">x</b>\n<style>\n\tb { color: #1d4e5f; }\n</style>\n';
		const once = rewriteSvelte(text, PALETTE).text;
		expect(rewriteSvelte(once, PALETTE)).toEqual({ text: once, findings: [] });
	});

	it('names a colour that is not in the palette, with its line, and leaves it', () => {
		const text = '<div></div>\n<style>\n\tdiv {\n\t\tcolor: #123456;\n\t}\n</style>\n';
		expect(rewriteSvelte(text, PALETTE)).toEqual({
			text,
			findings: [{ line: 4, hex: '#123456', problem: 'not in UI_PALETTE' }],
		});
		expect(rewriteSvelte('<rect fill="#abc" />', PALETTE).findings).toEqual([
			{ line: 1, hex: '#abc', problem: 'not in UI_PALETTE' },
		]);
	});

	it('refuses a palette that is not hex or names a colour twice', () => {
		expect(() => paletteCss({ a: 'red' })).toThrow(/UI_PALETTE\.a: "red" is not a hex colour/);
		expect(() => paletteCss({ a: '#fff', b: '#FFFFFF' })).toThrow(
			/UI_PALETTE\.b: #FFFFFF is already in the palette as --ui-a/,
		);
	});
});
