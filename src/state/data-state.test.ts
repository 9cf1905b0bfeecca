/**
 * The resident-facing message for each way the data layer refuses a report, produced by the data
 * layer's own checks (so a change in their wording fails here, not silently in the UI).
 */
import { describe, expect, it } from 'vitest';
import { DataError, fromBackend } from '../data/errors.ts';
import type { BarrierReportInput } from '../data/types.ts';
import { checkReportInput } from '../data/validate.ts';
import { dataErrorCode, reportErrorMessage, whereFor } from './data-state.svelte.ts';

const valid: BarrierReportInput = {
	id: '6f1c1b0e-3b5a-4a53-9a4e-2d6f0f1a2b3c',
	clientId: '0b7e1e43-94a4-4d0c-8d0c-3d2c9a8c6f11',
	kind: 'no_bench',
	description: 'Geen bank',
	location: { type: 'Point', coordinates: [4.7705, 51.2025] },
};

function refusal(change: Partial<BarrierReportInput>): unknown {
	try {
		checkReportInput('outbox.enqueue', { ...valid, ...change });
	} catch (err) {
		return err;
	}
	throw new Error('expected the data layer to refuse the report');
}

describe('reportErrorMessage', () => {
	it('names an over-long text with its length and the maximum', () => {
		const err = refusal({ description: 'x'.repeat(1001) });
		expect(dataErrorCode(err)).toBe('invalid');
		expect(reportErrorMessage(err)).toEqual({
			key: 'reportErrorTooLong',
			values: { count: 1001, max: 1000 },
		});
	});

	it('names markup, control and direction characters', () => {
		expect(reportErrorMessage(refusal({ description: '<img src=x onerror=alert(1)>' }))).toEqual({
			key: 'reportErrorMarkup',
		});
		expect(reportErrorMessage(refusal({ description: 'abc\u202edef' }))).toEqual({
			key: 'reportErrorControl',
		});
	});

	it('names a place outside Belgium and a stretch that is too short', () => {
		expect(
			reportErrorMessage(refusal({ location: { type: 'Point', coordinates: [2.35, 48.85] } })),
		).toEqual({ key: 'reportErrorOutsideBelgium' });
		const stretch = {
			type: 'LineString' as const,
			coordinates: [
				[4.77, 51.2],
				[4.77, 51.2],
			],
		};
		expect(reportErrorMessage(refusal({ location: stretch }))).toEqual({
			key: 'reportErrorStretch',
		});
	});

	it('names a kept outbox error by its kind, never by its English wording', () => {
		const kept = { kind: 'outside_area', values: {}, detail: 'barrierReports.submit: …' };
		expect(reportErrorMessage(kept)).toEqual({ key: 'reportErrorOutsideArea' });
		const limited = new DataError('barrierReports.submit', 'rate_limited', 'too many');
		expect(reportErrorMessage(limited)).toEqual({ key: 'reportErrorRateLimited' });
		const signIn = new DataError('barrierReports.submit', 'denied', 'x', {
			kind: 'sign_in_needed',
		});
		expect(reportErrorMessage(signIn)).toEqual({ key: 'reportErrorSignIn' });
		// an entry kept by an older version (a plain sentence) is shown with its detail
		const old =
			'barrierReports.submit: the location lies outside every area that Buurtkaart serves';
		expect(reportErrorMessage(old)).toEqual({ key: 'reportErrorOther', values: { detail: old } });
	});

	it('maps what the database says (JSON detail, constraint name) to the same kinds', () => {
		const detail = fromBackend('barrierReports.submit', {
			code: 'PT429',
			message: 'barrier report: rate limit reached (60 reports per hour per network)',
			details: '{"kind": "rate_limited", "scope": "network", "limit": 60, "window": "1 hour"}',
		});
		expect([detail.code, detail.kind, detail.values]).toEqual([
			'rate_limited',
			'rate_limited',
			{ scope: 'network', limit: 60, window: '1 hour' },
		]);
		const constraint = fromBackend('barrierReports.submit', {
			code: '23514',
			message:
				'new row for relation "barrier_reports" violates check constraint "barrier_reports_description_length"',
			details: 'Failing row contains (…)',
		});
		expect(reportErrorMessage(constraint)).toEqual({
			key: 'reportErrorTooLong',
			values: { max: 1000, count: '?' },
		});
		const geometry = fromBackend('barrierReports.submit', {
			code: '22023',
			message: 'location: malformed GeoJSON: …',
			details: '{"kind": "malformed_geometry", "field": "location", "problem": "…"}',
		});
		expect([geometry.code, reportErrorMessage(geometry)]).toEqual([
			'invalid',
			{ key: 'reportErrorGeometry' },
		]);
		const server = fromBackend('barrierReports.submit', { code: 'XX000', message: 'boom' }, 500);
		expect([server.code, server.kind]).toEqual(['unknown', 'server']);
		const offline = fromBackend(
			'barrierReports.submit',
			{ code: '', message: 'TypeError: fetch failed' },
			0,
		);
		expect([offline.code, offline.kind]).toEqual(['network', 'network']);
	});

	it('passes anything else on with its detail', () => {
		const err = new DataError('barrierReports.submit', 'unknown', 'QuotaExceededError: full');
		expect(reportErrorMessage(err)).toEqual({
			key: 'reportErrorOther',
			values: { detail: 'barrierReports.submit: QuotaExceededError: full' },
		});
		expect(dataErrorCode(new Error('x'))).toBeUndefined();
	});
});

describe('whereFor', () => {
	it('is Supabase only with both the URL and the anon key', () => {
		expect(whereFor({ supabaseUrl: 'http://127.0.0.1:54331', supabaseAnonKey: 'k' })).toBe(
			'supabase',
		);
		expect(whereFor({ supabaseUrl: 'http://127.0.0.1:54331' })).toBe('device');
		expect(whereFor({})).toBe('device');
	});
});
