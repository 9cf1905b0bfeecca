/**
 * A category's bar chart in the coverage panel, drawn with Observable Plot: per neighbourhood, the
 * share of its residents 65+ beyond the norm, with the share written beside each bar. Loaded
 * lazily (with Plot and its d3 modules, a chunk of its own) once the panel shows an analysis.
 *
 * CSP: Plot puts a `<style>` element in each SVG; the app's policy (style-src 'self',
 * scripts/lib/security-headers.ts) forbids inline styles, so it is taken out before the SVG is in
 * the document (no violation is raised) and CoverageCharts.svelte's stylesheet has its rules.
 * Plot sets no `style` attribute without its `style` option; colours are SVG attributes.
 */
import { axisX, axisY, barX, plot, ruleX, text } from '@observablehq/plot';
import { UI_PALETTE } from '../map/style/theme.ts';

/** One bar: a neighbourhood's share (0..1) of residents 65+ beyond the norm. */
export interface ChartBar {
	neighbourhoodId: string;
	name: string;
	share: number;
	/** The share as written beside the bar (and in the table), e.g. "23 %". */
	label: string;
}

/** The bar colour: the palette's chart orange (an SVG attribute, so a value, not a CSS variable). */
export const BAR_COLOUR = UI_PALETTE.chartOrange;

/**
 * The chart as an SVG element (not yet in the document), `width` px wide and scaled down with its
 * box. Neighbourhoods keep the table's order; two of the same name stay apart (keyed by id).
 */
export function shareChart(
	bars: readonly ChartBar[],
	options: { width: number; percent: (share: number) => string },
): SVGSVGElement {
	const nameOf = new Map(bars.map((b) => [b.neighbourhoodId, b.name]));
	const longest = Math.max(0, ...bars.map((b) => b.name.length));
	const marginLeft = Math.min(Math.round(options.width * 0.45), 12 + longest * 6);
	const svg = plot({
		width: options.width,
		height: 30 + bars.length * 22,
		marginLeft,
		marginRight: 44,
		marginTop: 24,
		marginBottom: 6,
		x: { domain: [0, 1] },
		y: { domain: bars.map((b) => b.neighbourhoodId), padding: 0.25 },
		marks: [
			axisX({ anchor: 'top', ticks: 4, tickFormat: options.percent, label: null }),
			axisY({ tickFormat: (id: string) => nameOf.get(id) ?? id, label: null, tickSize: 0 }),
			barX(bars, { x: 'share', y: 'neighbourhoodId', fill: BAR_COLOUR }),
			text(bars, {
				x: 'share',
				y: 'neighbourhoodId',
				text: 'label',
				textAnchor: 'start',
				dx: 4,
				fill: 'currentColor',
			}),
			ruleX([0]),
		],
	}) as SVGSVGElement;
	for (const style of svg.querySelectorAll('style')) style.remove();
	return svg;
}
