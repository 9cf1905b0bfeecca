/**
 * `npx tsx scripts/artefact-hashes.ts [tiles folder]`: sha256 of every built artefact of every area
 * under tiles/ (archives, analysis bundles, search sources, boundaries, and the manifest with
 * `tool.codeSha256` left out, since that hash changes with any pipeline source edit). One line per
 * file, sorted: diff two runs to prove a refactor leaves the output byte-identical.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? 'tiles';
const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const lines: string[] = [];
for (const area of readdirSync(root).sort()) {
	const dir = path.join(root, area);
	if (!statSync(dir).isDirectory()) continue;
	for (const file of readdirSync(dir).sort()) {
		const full = path.join(dir, file);
		if (file === 'manifest.json') {
			const manifest = JSON.parse(readFileSync(full, 'utf8')) as { tool?: { codeSha256?: string } };
			if (manifest.tool) delete manifest.tool.codeSha256;
			lines.push(`${sha(JSON.stringify(manifest))}  ${area}/${file} (minus tool.codeSha256)`);
		} else lines.push(`${sha(readFileSync(full))}  ${area}/${file}`);
	}
}
console.log(lines.join('\n'));
