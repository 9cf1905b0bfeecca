import { describe, expect, it } from 'vitest';
import { decodeSections, encodeSections, type ContainerFormat, type Section } from './sections.ts';

const FORMAT: ContainerFormat = { magic: [0x54, 0x45, 0x53, 0x54], version: 7, what: 'test file' };
const SECTIONS: Section[] = [
	['bytes', 'u8', Uint8Array.of(1, 2, 3)],
	['ids', 'u32', Uint32Array.of(4_000_000_000, 5)],
	['e7', 'i32', Int32Array.of(-512_000_000, 48_000_000)],
	['m', 'f32', Float32Array.of(1.5, -2.25)],
	['osm', 'f64', Float64Array.of(9_007_199_254_740_991)],
];

describe('typed-array section container', () => {
	it('reads back what it wrote, every element type, sections on 8-byte boundaries', () => {
		const bytes = encodeSections(FORMAT, { name: 'x', count: 2 }, SECTIONS);
		expect(bytes.length % 8).toBe(0);
		const d = decodeSections<{ name: string; count: number }>(FORMAT, bytes);
		expect(d.version).toBe(7);
		expect(d.header.name).toBe('x');
		expect(d.header.sections.map((s) => [s.name, s.offset % 8])).toEqual(
			SECTIONS.map(([name]) => [name, 0]),
		);
		expect([...d.get('bytes', 'u8')]).toEqual([1, 2, 3]);
		expect([...d.get('ids', 'u32')]).toEqual([4_000_000_000, 5]);
		expect([...d.get('e7', 'i32')]).toEqual([-512_000_000, 48_000_000]);
		expect([...d.get('m', 'f32')]).toEqual([1.5, -2.25]);
		expect([...d.get('osm', 'f64')]).toEqual([9_007_199_254_740_991]);
		// aligned bytes are viewed, not copied
		expect(d.get('ids', 'u32').buffer).toBe(bytes.buffer);
	});

	it('copies the sections of unaligned bytes', () => {
		const bytes = encodeSections(FORMAT, {}, SECTIONS);
		const shifted = new Uint8Array(bytes.length + 1).subarray(1);
		shifted.set(bytes);
		const d = decodeSections<object>(FORMAT, shifted);
		expect([...d.get('m', 'f32')]).toEqual([1.5, -2.25]);
		expect(d.get('m', 'f32').buffer).not.toBe(shifted.buffer);
	});

	it('names what is wrong: magic, version, missing, type, truncation', () => {
		const bytes = encodeSections(FORMAT, {}, SECTIONS);
		expect(() => decodeSections(FORMAT, Uint8Array.of(1, 2, 3))).toThrow(
			'test file: not an test file (missing TEST magic)',
		);
		expect(() => decodeSections({ ...FORMAT, version: 8, versionHint: 'rebuild' }, bytes)).toThrow(
			'test file: version 7 is not supported (expected 8); rebuild',
		);
		const d = decodeSections<object>(FORMAT, bytes);
		expect(() => d.get('nope', 'u8')).toThrow('section "nope" is missing');
		expect(() => d.get('ids', 'f32')).toThrow('section "ids" is u32, expected f32');
		const cut = decodeSections<object>(FORMAT, bytes.slice(0, bytes.length - 8));
		expect(() => cut.get('osm', 'f64')).toThrow('section "osm" is truncated');
		expect(() => decodeSections(FORMAT, bytes.slice(0, 20))).toThrow('truncated header');
	});
});
