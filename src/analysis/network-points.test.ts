import { describe, expect, it } from 'vitest';
import {
	NETWORK_POINT_KINDS,
	NETWORK_POINT_LABELS,
	describeNetworkPoint,
	networkPointKind,
} from './network-points.ts';

describe('network points', () => {
	it('take their kind from the rule table, first match wins', () => {
		expect(networkPointKind({ barrier: 'kerb', kerb: 'lowered' })).toBe('kerb');
		expect(networkPointKind({ kerb: 'raised' })).toBe('kerb');
		expect(networkPointKind({ barrier: 'bollard' })).toBe('barrier');
		expect(networkPointKind({ highway: 'crossing', crossing: 'uncontrolled' })).toBe('crossing');
		expect(networkPointKind({ crossing: 'traffic_signals' })).toBe('crossing');
		expect(networkPointKind({ highway: 'elevator' })).toBe('elevator');
		expect(networkPointKind({ highway: 'street_lamp' })).toBeNull();
		expect(networkPointKind({ kerb: '' })).toBeNull();
	});

	it('say what a point is in each language, and every value the data give', () => {
		expect(
			describeNetworkPoint(
				{ kind: 'barrier', barrier: 'bollard', access: 'private', id: 'n1' },
				'nl',
			),
		).toEqual({ title: 'Hindernis', details: ['paaltje', 'niet openbaar'] });
		// a value without words is shown as the tag itself, never dropped
		expect(
			describeNetworkPoint({ kind: 'kerb', kerb: 'raised', 'kerb:height': '0.12' }, 'en'),
		).toEqual({ title: 'Kerb', details: ['raised', 'kerb:height=0.12'] });
		for (const kind of NETWORK_POINT_KINDS)
			for (const lang of ['nl', 'fr', 'en'] as const)
				expect(NETWORK_POINT_LABELS[kind][lang]).not.toBe('');
	});
});
