/**
 * `npm run bench -- <suite> [args]`: runs one benchmark suite from scripts/bench/<suite>.ts, or all
 * of them in turn when no suite is named. Each suite prints progress on stderr and, as its last line
 * on stdout, one JSON object of figures measured side by side with its reference in the same run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const suites = readdirSync(dir)
	.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
	.map((f) => f.slice(0, -3))
	.sort();

const [name, ...rest] = process.argv.slice(2);
if (name && !suites.includes(name)) {
	console.error(`Unknown benchmark "${name}". Known: ${suites.join(', ')}`);
	process.exit(2);
}
const chosen = name ? [name] : suites;
if (chosen.length === 0) {
	console.error('No benchmark suites in scripts/bench/.');
	process.exit(2);
}
for (const suite of chosen) {
	const mod = (await import(pathToFileURL(path.join(dir, `${suite}.ts`)).href)) as {
		run: (args: string[]) => Promise<Record<string, unknown>>;
	};
	const figures = await mod.run(rest);
	console.log(JSON.stringify({ suite, ...figures }));
}
