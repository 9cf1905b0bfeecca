/**
 * One bench part in its own Node process, so that its figures do not depend on what ran before it
 * in the bench's process (the garbage of earlier engines, the 1 M-edge graph, a JIT state tuned to
 * other code). The child runs with `--expose-gc`, so the part can collect garbage before each
 * timed region ({@link collectGarbage}). `inChild(module, exportName, args)` runs
 * `module[exportName](...args)` there and returns what it returned (JSON); the child's stderr (its
 * progress) goes to ours.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// the child's entry: a module of its own (this one is imported by the parts themselves)
const main = fileURLToPath(new URL('./child-main.ts', import.meta.url));

export function inChild<T>(modulePath: string, exportName: string, args: unknown[]): T {
	const out = execFileSync(
		process.execPath,
		['--expose-gc', '--import', 'tsx', main, modulePath, exportName, JSON.stringify(args)],
		{ stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
	);
	const last = out.trim().split('\n').at(-1);
	if (!last)
		throw new Error(`${path.basename(modulePath)}#${exportName}: the child answered nothing`);
	return JSON.parse(last) as T;
}

/** A full collection where the process allows it (`--expose-gc`); whether it could, as a flag. */
export function collectGarbage(): boolean {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	return gc !== undefined;
}
