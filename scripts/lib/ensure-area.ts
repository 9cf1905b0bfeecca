/**
 * Decides whether an area's built output is current: its manifest exists, was made by this pipeline
 * version and code, from a config and input files with the same sha256, and every archive and
 * other file it lists (analysis bundle, search source, boundaries) is present with its recorded size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { configInputs, loadAreaConfig } from './area-config.ts';
import type { AreaManifest } from './build-area.ts';
import { sha256File } from './io.ts';
import { PIPELINE_VERSION, pipelineCodeHash } from './version.ts';

/** Why an area must be rebuilt, or null when it is up to date. */
export function staleReason(configPath: string, outRoot: string): string | null {
	const config = loadAreaConfig(configPath);
	const dir = path.join(outRoot, config.id);
	const manifestPath = path.join(dir, 'manifest.json');
	if (!existsSync(manifestPath)) return `${manifestPath} is missing`;
	let m: AreaManifest;
	try {
		m = JSON.parse(readFileSync(manifestPath, 'utf8')) as AreaManifest;
	} catch {
		return `${manifestPath} is not valid JSON`;
	}
	if (m.tool?.version !== PIPELINE_VERSION) {
		return `built by pipeline ${m.tool?.version ?? '?'}, this is ${PIPELINE_VERSION}`;
	}
	if (m.tool.codeSha256 !== pipelineCodeHash()) return 'the pipeline code changed';
	if (m.config?.sha256 !== sha256File(config.configPath)) return 'the area config changed';
	const inputs = configInputs(config);
	if (inputs.length !== m.inputs.length) return 'the list of inputs changed';
	for (const { role, src } of inputs) {
		const rec = m.inputs.find((i) => i.role === role);
		if (!rec) return `input ${role} is new`;
		if (rec.sha256 !== sha256File(src.path)) return `input ${role} (${src.relativePath}) changed`;
	}
	const { municipalities = [], ...files } = m.files ?? {};
	const listed = [
		...Object.values(m.archives ?? {}),
		...Object.values(files),
		...municipalities.flatMap((p) => [p.analysis, p.search]),
	];
	for (const a of listed) {
		const f = path.join(dir, a.file);
		if (!existsSync(f) || statSync(f).size !== a.bytes)
			return `${f} is missing or has another size`;
	}
	return null;
}
