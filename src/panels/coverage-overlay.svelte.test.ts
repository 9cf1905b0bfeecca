/**
 * The coverage overlay after a what-if (issue #17): the CoveragePanel recomputes and sets the
 * class of only the origins the what-if changed, not of every origin (~11,000 in the sample), and
 * the map ends up as a whole recomputation would leave it. Real sample area, real engine behind
 * the worker channel, MapLibre stood in (happy-dom has no WebGL).
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { standIn } from '../../tests/helpers/map-stand-in.ts';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import { MapState } from '../state/map-state.svelte.ts';
import type { Mode } from '../state/modes.ts';
import * as style from '../map/layers/coverage-style.ts';
import { ORIGIN_REASONS, type OriginReason } from '../analysis/bundle.ts';
import CoveragePanel from './CoveragePanel.svelte';

// the panel's whole-overlay and per-origin class functions, counted (their own code runs)
const calls = vi.hoisted(() => ({ whole: 0, perOrigin: 0 }));
vi.mock('../map/layers/coverage-style.ts', async (importOriginal) => {
	const real = await importOriginal<typeof style>();
	return {
		...real,
		originClasses: (...args: Parameters<typeof real.originClasses>) => {
			calls.whole += 1;
			return real.originClasses(...args);
		},
		originClassOf: (...args: Parameters<typeof real.originClassOf>) => {
			const classOf = real.originClassOf(...args);
			return (i: number) => {
				calls.perOrigin += 1;
				return classOf(i);
			};
		},
	};
});

const as = (c: unknown) => c as Component<{ mode: Mode }>;
let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	area = await openSampleArea();
}, 60_000);

describe('CoveragePanel: the overlay after a what-if', () => {
	it('recomputes and sets the class of only the origins the what-if changed', async () => {
		const s = standIn();
		const map = new MapState();
		map.attach(s.map);
		let sets = 0;
		const setFeatureState = s.map.setFeatureState.bind(s.map);
		s.map.setFeatureState = ((target, state) => {
			if (target.source === 'coverage') sets += 1;
			return setFeatureState(target, state);
		}) as typeof s.map.setFeatureState;
		const [category] = (await area.analysis!.client(), area.analysis!.info!.categoriesWithPlaces);
		const { app } = renderPanel(
			as(CoveragePanel),
			area,
			{
				kind: 'coverage',
				categoryIds: [category!],
				categoryId: category!,
				unknownMode: 'optimistic',
				norms: {},
			},
			{ map },
		);
		/** The worker's origin points of the run on screen, at the legend's norm. */
		const originsShown = async () => {
			const client = await area.analysis!.client();
			const normM = Number(
				/Norm: (\d+) m/.exec(screen.getByTestId('coverage-legend-norm').textContent ?? '')?.[1],
			);
			const fc = await client.request('originsGeoJSON', {
				categoryId: category!,
				profile: 'walking',
				unknownMode: 'optimistic',
				normM,
			});
			return { fc, normM };
		};
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		const originCount = area.analysis!.info!.origins;
		const classesOnMap = () => {
			const out: unknown[] = [];
			for (let i = 0; i < originCount; i++)
				out.push(s.featureStates.get(`coverage//${i}`)?.[style.ORIGIN_STATE_KEY]);
			return out;
		};
		await waitFor(() => expect(classesOnMap().every((c) => c !== undefined)).toBe(true));
		const before = classesOnMap();
		calls.whole = 0;
		calls.perOrigin = 0;
		sets = 0;

		// a planned place at the address just beyond the norm (class 3: farther than the norm; the
		// nearest of those, so that the what-if changes a part of the area, whatever the origins' order)
		const fc0 = (await originsShown()).fc;
		let far = -1;
		before.forEach((c, i) => {
			const d = fc0.features[i]!.properties.distance_m ?? Infinity;
			if (c === 3 && (far < 0 || d < (fc0.features[far]!.properties.distance_m ?? Infinity)))
				far = i;
		});
		expect(far).toBeGreaterThanOrEqual(0);
		const points = s.sources.get('coverage') as {
			data: { features: { geometry: { coordinates: [number, number] } }[] };
		};
		app.setOrigin({ lngLat: points.data.features[far]!.geometry.coordinates, label: 'ver' });
		await fireEvent.click(await screen.findByTestId('coverage-add-address'));
		await waitFor(() => expect(screen.getByTestId('coverage-reset')).toBeTruthy(), {
			timeout: 30_000,
		});
		await waitFor(() => expect(calls.perOrigin).toBeGreaterThan(0));
		const after = classesOnMap();
		const changed = after.filter((c, i) => c !== before[i]).length;
		// some origins came nearer, far fewer than all were looked at, and only those were set
		expect(changed).toBeGreaterThan(0);
		expect(calls.whole).toBe(0);
		expect(calls.perOrigin).toBeLessThan(originCount / 4);
		expect(sets).toBe(changed);

		// the same classes as a whole recomputation: the worker's origin points of that run (with
		// the planned place), classed whole (distances to 0.1 m there: a value on a bound is left out)
		const { fc, normM } = await originsShown();
		const reasons = fc.features.map((f) =>
			ORIGIN_REASONS.indexOf((f.properties.no_figure_reason ?? 'none') as OriginReason),
		);
		const whole = style.originClasses(
			reasons.map((r) => Math.max(r, 0)),
			Float64Array.from(fc.features, (f) => f.properties.distance_m ?? Infinity),
			Float64Array.from(fc.features, (f) => (f.properties.time_min ?? Infinity) * 60),
			normM,
			'distance',
			false,
			1,
		);
		const onBound = (i: number) =>
			[normM / 2, normM, normM * 1.5].some(
				(b) => Math.abs((fc.features[i]!.properties.distance_m ?? 0) - (b + 0.5)) < 0.1,
			);
		const differ = after.filter((c, i) => c !== whole[i] && !onBound(i));
		expect(differ).toEqual([]);
	}, 120_000);
});
