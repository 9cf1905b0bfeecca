/**
 * Reading input files with errors that name the file and the problem, and writing an output folder
 * atomically.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';

/** An input problem: the message starts with the file path. The CLI prints it and exits 1. */
export class InputError extends Error {
	override name = 'InputError';
}

/**
 * Checks that an input file exists and is non-empty, without reading it (for inputs read in parts).
 * @returns its size in bytes
 */
export function inputSize(file: string, what: string): number {
	if (!existsSync(file)) throw new InputError(`${file}: ${what} file is missing`);
	const st = statSync(file);
	if (!st.isFile()) throw new InputError(`${file}: ${what} path is not a file`);
	if (st.size === 0) throw new InputError(`${file}: ${what} file is empty (0 bytes)`);
	return st.size;
}

/** Reads a file that must exist and be non-empty. */
export function readInput(file: string, what: string): Buffer {
	inputSize(file, what);
	return readFileSync(file);
}

/** Reads a GeoJSON FeatureCollection; checks the type and that features have geometries. */
export function readFeatureCollection(file: string, what: string): FeatureCollection {
	const buf = readInput(file, what);
	let json: unknown;
	try {
		json = JSON.parse(buf.toString('utf8'));
	} catch (e) {
		throw new InputError(`${file}: ${what} is not valid JSON (${(e as Error).message})`);
	}
	if (
		typeof json !== 'object' ||
		json === null ||
		(json as { type?: unknown }).type !== 'FeatureCollection' ||
		!Array.isArray((json as { features?: unknown }).features)
	) {
		throw new InputError(`${file}: ${what} must be a GeoJSON FeatureCollection`);
	}
	const fc = json as FeatureCollection;
	fc.features.forEach((f, i) => {
		if (!f || f.type !== 'Feature' || typeof f.geometry !== 'object') {
			throw new InputError(
				`${file}: ${what} feature ${i} is not a GeoJSON Feature with a geometry`,
			);
		}
	});
	return fc;
}

/**
 * Checks that a configured property exists on the features of a file.
 * @throws InputError naming the config field, the property and the properties that do exist
 */
export function requireProperty(
	features: readonly { properties?: Record<string, unknown> | null }[],
	property: string,
	field: string,
	file: string,
	what: string,
): void {
	const has = (v: unknown): boolean => v !== undefined && v !== null && String(v).trim() !== '';
	if (features.some((f) => has(f.properties?.[property]))) return;
	const found = new Set<string>();
	for (const f of features.slice(0, 200))
		for (const k of Object.keys(f.properties ?? {})) found.add(k);
	throw new InputError(
		`${file}: ${field} "${property}" is not a property of any ${what} (properties there: ${[...found].sort().join(', ') || 'none'})`,
	);
}

/** Parses CSV (RFC 4180: commas, double-quoted fields) into rows of strings keyed by header. */
export function parseCsv(text: string, file: string): Record<string, string>[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			field = '';
			if (row.some((v) => v !== '')) rows.push(row);
			row = [];
		} else field += c;
	}
	if (quoted) throw new InputError(`${file}: CSV ends inside a quoted field`);
	row.push(field);
	if (row.some((v) => v !== '')) rows.push(row);
	const [header, ...body] = rows;
	if (!header) throw new InputError(`${file}: CSV has no header row`);
	return body.map((r, i) => {
		if (r.length !== header.length) {
			throw new InputError(
				`${file}: CSV row ${i + 2} has ${r.length} fields, header has ${header.length}`,
			);
		}
		return Object.fromEntries(header.map((h, j) => [h.trim(), r[j] ?? '']));
	});
}

/** sha256 of a file, hex. */
export function sha256File(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** sha256 of bytes, hex. */
export function sha256(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

/**
 * Replaces `finalDir` by `tmpDir` with renames on the same file system, so readers see either the
 * old complete folder or the new complete one, never a half-written mix.
 */
export function publishDir(tmpDir: string, finalDir: string): void {
	mkdirSync(path.dirname(finalDir), { recursive: true });
	const old = `${finalDir}.old-${process.pid}`;
	if (existsSync(finalDir)) renameSync(finalDir, old);
	try {
		renameSync(tmpDir, finalDir);
	} catch (e) {
		if (existsSync(old)) renameSync(old, finalDir);
		throw e;
	}
	rmSync(old, { recursive: true, force: true });
}
