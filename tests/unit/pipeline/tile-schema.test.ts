/**
 * The basemap the pipeline writes keeps to the tile contract the app's style reads
 * (src/contracts/tile-schema.ts): its layers in the contract's order, each feature's `class` one of
 * its layer's classes, and no property the contract does not name. Run on the sample's extract.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { basemapLayers } from '../../../scripts/lib/basemap.ts';
import { readOsm } from '../../../scripts/lib/osm.ts';
import {
	BASEMAP_PROPERTIES,
	BASEMAP_SCHEMA,
	type BasemapLayer,
} from '../../../src/contracts/tile-schema.ts';
import { SAMPLE_CONFIG } from './helpers.ts';

describe('basemap tiles against the tile contract', () => {
	let layers: Awaited<ReturnType<typeof basemapLayers>>;
	beforeAll(async () => {
		const config = JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8')) as {
			sources: { osm: { path: string } };
		};
		layers = basemapLayers(
			await readOsm(path.resolve(path.dirname(SAMPLE_CONFIG), config.sources.osm.path)),
		);
	}, 120_000);

	it("writes the contract's layers in its order", () => {
		expect(layers.map((l) => l.name)).toEqual(Object.keys(BASEMAP_SCHEMA));
	});

	it("gives every feature one of its layer's classes and only the contract's properties", () => {
		for (const layer of layers) {
			const name: BasemapLayer = layer.name;
			const classes: readonly string[] = BASEMAP_SCHEMA[name];
			const seen = new Set<string>();
			for (const f of layer.features) {
				const props = f.properties ?? {};
				for (const key of Object.keys(props)) expect(BASEMAP_PROPERTIES[name]).toContain(key);
				if (classes.length > 0) {
					expect(classes).toContain(props.class);
					seen.add(String(props.class));
				}
			}
			if (name !== 'buildings') expect(seen.size, name).toBeGreaterThan(0);
		}
	});
});
