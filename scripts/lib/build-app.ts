/**
 * Builds the app (production, as `npm run build` without the area check) into `outDir`, for the
 * benchmarks that measure what a visit downloads or how it loads.
 */
import { execFileSync } from 'node:child_process';

export function buildApp(outDir: string, suite: string, extraArgs: string[] = []): void {
	process.stderr.write(`${suite} bench: vite build → ${outDir}\n`);
	execFileSync(
		'npx',
		['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', ...extraArgs],
		{
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
}
