/**
 * The child process of lib/child.ts (`inChild`): node --expose-gc --import tsx child-main.ts
 * <module> <export> <json args>; prints what the export returned as one JSON line on stdout.
 */
import { pathToFileURL } from 'node:url';

const [modulePath, exportName, json] = process.argv.slice(2) as [string, string, string];
const mod = (await import(pathToFileURL(modulePath).href)) as Record<
	string,
	(...a: unknown[]) => unknown
>;
const f = mod[exportName];
if (typeof f !== 'function') throw new Error(`${modulePath} has no export ${exportName}`);
const result = await f(...(JSON.parse(json) as unknown[]));
process.stdout.write(`${JSON.stringify(result)}\n`);
