/**
 * `npx tsx scripts/function-sizes.ts [--top N] [name …] [dir …]`: the largest functions (lines from
 * declaration to closing brace) in scripts/ and src/analysis/, found with the TypeScript compiler
 * API. Names given (e.g. `buildArea buildAnalysisBundle`) are always listed as well. Used to record
 * line counts before and after a refactor (issue #14).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface Size {
	name: string;
	file: string;
	lines: number;
}

function walk(dir: string, out: string[]): void {
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (entry === 'node_modules') continue;
		if (statSync(full).isDirectory()) walk(full, out);
		else if (/\.ts$/.test(entry) && !/\.(test|spec)\.ts$/.test(entry)) out.push(full);
	}
}

function nameOf(node: ts.Node): string | undefined {
	if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node.name?.getText();
	if (
		(ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
		ts.isVariableDeclaration(node.parent)
	)
		return node.parent.name.getText();
	if (
		(ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
		ts.isPropertyAssignment(node.parent)
	)
		return node.parent.name.getText();
	return undefined;
}

export function functionSizes(files: string[]): Size[] {
	const sizes: Size[] = [];
	for (const file of files) {
		const source = ts.createSourceFile(
			file,
			readFileSync(file, 'utf8'),
			ts.ScriptTarget.Latest,
			true,
		);
		const visit = (node: ts.Node): void => {
			const name = nameOf(node);
			if (name !== undefined) {
				const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
				const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
				sizes.push({ name, file, lines: end - start + 1 });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return sizes.sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
}

const args = process.argv.slice(2);
let top = 10;
const names: string[] = [];
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
	const arg = args[i]!;
	if (arg === '--top') top = Number(args[++i]);
	else if (arg.includes('/')) dirs.push(arg);
	else names.push(arg);
}
const files: string[] = [];
for (const dir of dirs.length > 0 ? dirs : ['scripts', 'src/analysis']) walk(dir, files);
const sizes = functionSizes(files);
const largest = sizes.slice(0, top);
const named = sizes.filter((s) => names.includes(s.name) && !largest.includes(s));
for (const s of [...largest, ...named])
	console.log(`${String(s.lines).padStart(5)}  ${s.name}  ${s.file}`);
