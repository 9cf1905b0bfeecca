import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../data/search-index.ts';
import { rankByWalkingTime } from './rank.ts';

const hit = (id: string, lngLat?: [number, number]): SearchHit => ({
	record: { id, kind: 'place', label: id, keywords: [], ...(lngLat ? { lngLat } : {}) },
	score: 1,
});

describe('rankByWalkingTime', () => {
	const origin: [number, number] = [4.8, 51.2];
	const near = hit('near', [4.801, 51.2]);
	const far = hit('far', [4.83, 51.2]);
	const beyond = hit('beyond', [4.9, 51.2]);
	const nowhere = hit('nowhere');

	it('orders by walking time, then places without a route by straight line, then the rest', async () => {
		// A river between origin and "near": walking there takes longer than to "far".
		const times = new Map([
			['4.801', 1500],
			['4.83', 600],
		]);
		const ranked = await rankByWalkingTime(
			[beyond, nowhere, near, far],
			origin,
			async (from, to) => {
				expect(from).toEqual(origin);
				return to.map(([lng]) => times.get(String(lng)) ?? Infinity);
			},
		);
		expect(ranked.map((h) => h.record.id)).toEqual(['far', 'near', 'beyond', 'nowhere']);
		expect(ranked[0]).toMatchObject({ walkS: 600 });
		expect(ranked[2]!.walkS).toBeUndefined();
		expect(ranked[2]!.straightM).toBeGreaterThan(6000);
	});

	it('refuses an answer of the wrong length', async () => {
		await expect(rankByWalkingTime([near, far], origin, async () => [1])).rejects.toThrow(
			/asked for 2, got 1/,
		);
	});
});
