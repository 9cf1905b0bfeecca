/**
 * The security headers of the app, one definition for every place that serves it: `vite preview`
 * (vite.config.ts `preview.headers`), the `_headers` file that `vite build` writes into dist/ for
 * Netlify and Cloudflare Pages, and the nginx lines in README.md ("Hosting").
 *
 * The Content-Security-Policy allows scripts, styles, fonts and workers from the app's own origin
 * only (no inline script or style: index.html has none), images also as data:/blob: URLs (MapLibre
 * draws its icons so), and connections to the own origin (tiles, manifest, search data), the
 * configured Supabase project and, when the tiles live elsewhere, the tile host.
 */
import type { Plugin } from 'vite';

export interface SecurityHeadersConfig {
	/** VITE_SUPABASE_URL, when the app talks to Supabase. */
	supabaseUrl?: string | undefined;
	/** Origin of the tile host when tiles are not served from the app's own origin. */
	tileOrigin?: string | undefined;
}

/** The origin of an http(s) URL; throws a clear error for anything else. */
function originOf(name: string, url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(url)}`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(url)}`);
	}
	return parsed.origin;
}

/** The Content-Security-Policy header value. */
export function contentSecurityPolicy(config: SecurityHeadersConfig = {}): string {
	const connect = ["'self'"];
	if (config.supabaseUrl) connect.push(originOf('VITE_SUPABASE_URL', config.supabaseUrl));
	if (config.tileOrigin) connect.push(originOf('VITE_TILE_ORIGIN', config.tileOrigin));
	return [
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data: blob:",
		"font-src 'self'",
		`connect-src ${[...new Set(connect)].join(' ')}`,
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
}

/** Every security header, by name. */
export function securityHeaders(config: SecurityHeadersConfig = {}): Record<string, string> {
	return {
		'Content-Security-Policy': contentSecurityPolicy(config),
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY',
		'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=()',
	};
}

/** A Vite plugin that writes dist/_headers (Netlify, Cloudflare Pages) with these headers for every path. */
export function headersFile(config: SecurityHeadersConfig): Plugin {
	return {
		name: 'buurtkaart-security-headers',
		apply: 'build',
		generateBundle() {
			const lines = Object.entries(securityHeaders(config)).map(([k, v]) => `  ${k}: ${v}`);
			this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
		},
	};
}
