/**
 * A generic container of typed-array sections, the binary layout of the analysis bundle
 * ({@link ./bundle.ts}) and any other file of that kind: 4 magic bytes, u32 version, u32 header
 * length (all little-endian), a UTF-8 JSON header that ends with `sections` (name, element type,
 * byte offset from the data start, element count of each), zero padding to 8 bytes, then the
 * sections, each starting on an 8-byte boundary. Both {@link encodeSections} and
 * {@link decodeSections} use the one table of element types below.
 */

/** Element types of a section and their typed arrays. */
export const SECTION_ARRAYS = {
	u8: Uint8Array,
	u32: Uint32Array,
	i32: Int32Array,
	f32: Float32Array,
	f64: Float64Array,
} as const;

export type SectionType = keyof typeof SECTION_ARRAYS;

/** The typed array of each element type. */
export type SectionArray<T extends SectionType = SectionType> = InstanceType<
	(typeof SECTION_ARRAYS)[T]
>;

/** Where one section lies, as written in the header. */
export interface SectionInfo {
	name: string;
	type: SectionType;
	/** Byte offset from the start of the data area (after the padded header). */
	offset: number;
	/** Element count. */
	length: number;
}

/** One section to write: its name, element type and values. */
export type Section = readonly [name: string, type: SectionType, values: ArrayBufferView];

/** The format of a container: its magic bytes, version, and the prefix of its error messages. */
export interface ContainerFormat {
	magic: readonly number[];
	version: number;
	/** E.g. 'analysis bundle': errors read "analysis bundle: …". */
	what: string;
	/** Told when the version differs, e.g. how to rebuild. */
	versionHint?: string;
}

const pad8 = (n: number): number => Math.ceil(n / 8) * 8;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function fail(format: ContainerFormat, message: string): never {
	throw new Error(`${format.what}: ${message}`);
}

/**
 * The container's bytes: `header` (written as JSON with `sections` appended last) and the sections
 * in the given order.
 */
export function encodeSections(
	format: ContainerFormat,
	header: Record<string, unknown>,
	sections: readonly Section[],
): Uint8Array {
	const infos: SectionInfo[] = [];
	let offset = 0;
	for (const [name, type, values] of sections) {
		const bytesPer = SECTION_ARRAYS[type].BYTES_PER_ELEMENT;
		infos.push({ name, type, offset, length: values.byteLength / bytesPer });
		offset += pad8(values.byteLength);
	}
	const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections: infos }));
	const dataStart = pad8(12 + headerBytes.length);
	const out = new Uint8Array(dataStart + offset);
	out.set(format.magic, 0);
	const dv = new DataView(out.buffer);
	dv.setUint32(4, format.version, true);
	dv.setUint32(8, headerBytes.length, true);
	out.set(headerBytes, 12);
	infos.forEach((sec, i) => {
		const values = (sections[i] as Section)[2];
		out.set(
			new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
			dataStart + sec.offset,
		);
	});
	return out;
}

/** A decoded container: its header and a reader of its sections. */
export interface DecodedSections<H> {
	version: number;
	header: H & { sections: SectionInfo[] };
	/**
	 * The section `name` of element type `type`: a view of the given bytes when they are 8-byte
	 * aligned (as read from a file or fetched), else a copy.
	 * @throws Error when it is missing, of another type or truncated
	 */
	get<T extends SectionType>(name: string, type: T): SectionArray<T>;
}

/**
 * Reads a container written by {@link encodeSections}.
 * @throws Error when the bytes lack the magic, are of another version or are truncated
 */
export function decodeSections<H>(format: ContainerFormat, bytes: Uint8Array): DecodedSections<H> {
	if (!LITTLE_ENDIAN) fail(format, 'big-endian platforms are not supported');
	const magic = String.fromCharCode(...format.magic);
	if (bytes.length < 12 || format.magic.some((m, i) => bytes[i] !== m)) {
		fail(format, `not an ${format.what} (missing ${magic} magic)`);
	}
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const version = dv.getUint32(4, true);
	if (version !== format.version) {
		fail(
			format,
			`version ${version} is not supported (expected ${format.version})${format.versionHint ? `; ${format.versionHint}` : ''}`,
		);
	}
	const headerLength = dv.getUint32(8, true);
	if (12 + headerLength > bytes.length) fail(format, 'truncated header');
	const header = JSON.parse(
		new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)),
	) as H & { sections: SectionInfo[] };
	const dataStart = pad8(12 + headerLength);
	const aligned = bytes.byteOffset % 8 === 0;
	const get = <T extends SectionType>(name: string, type: T): SectionArray<T> => {
		const sec = header.sections.find((x) => x.name === name);
		if (!sec) fail(format, `section "${name}" is missing`);
		if (sec.type !== type) fail(format, `section "${name}" is ${sec.type}, expected ${type}`);
		const Typed = SECTION_ARRAYS[type];
		const start = dataStart + sec.offset;
		const byteLength = sec.length * Typed.BYTES_PER_ELEMENT;
		if (start + byteLength > bytes.length) fail(format, `section "${name}" is truncated`);
		return (
			aligned
				? new Typed(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, sec.length)
				: new Typed(bytes.slice(start, start + byteLength).buffer, 0, sec.length)
		) as SectionArray<T>;
	};
	return { version, header, get };
}
