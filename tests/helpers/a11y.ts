import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on the current view (or on `include` only): no serious or critical WCAG 2.1 A/AA
 * violation. The map canvas is a WebGL image; its content is offered as the list view instead.
 */
export async function expectNoSeriousA11yViolations(
	page: Page,
	include: string[] = [],
): Promise<void> {
	let builder = new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.exclude('.maplibregl-canvas');
	for (const selector of include) builder = builder.include(selector);
	const results = await builder.analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical',
	);
	expect(
		serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
	).toEqual([]);
}

/** A '#rrggbb' colour as getComputedStyle writes it ('rgb(r, g, b)'). */
export function cssRgb(hex: string): string {
	return `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
}
