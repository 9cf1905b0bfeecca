/**
 * The transfer list of a worker message: the buffers of its typed arrays, moved to the other side
 * instead of copied (flatbush's README: `postMessage(index.data, [index.data])`).
 */

/** Collects the buffers of every typed array in a value (for the transfer list). */
export function transferables(value: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
	if (ArrayBuffer.isView(value)) {
		if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
	} else if (value instanceof ArrayBuffer) {
		out.add(value);
	} else if (Array.isArray(value)) {
		for (const v of value) transferables(v, out);
	} else if (value && typeof value === 'object') {
		for (const v of Object.values(value)) transferables(v, out);
	}
	return [...out];
}
