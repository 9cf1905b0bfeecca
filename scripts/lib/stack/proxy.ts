/**
 * Serves the local PostgREST under `/rest/v1`, the path supabase-js requests (a hosted project's
 * API gateway does the same). Plain PostgREST serves at `/`. Started in the background by
 * scripts/db-start.sh; stopped by scripts/db-stop.sh through its recorded PID.
 *
 * Sets the forwarded client address as the gateway does (see forwardedFor).
 *
 * Environment: API_PORT (where to listen, 127.0.0.1 only), UPSTREAM_PORT (PostgREST on 127.0.0.1).
 */
import http from 'node:http';

const PREFIX = '/rest/v1';

function port(name: string): number {
	const value = Number(process.env[name]);
	if (!Number.isInteger(value) || value < 1 || value > 65535) {
		throw new Error(`${name} must be a TCP port number, got ${JSON.stringify(process.env[name])}`);
	}
	return value;
}

const apiPort = port('API_PORT');
const upstreamPort = port('UPSTREAM_PORT');

/**
 * The client address as the API gateway of a Supabase project forwards it: X-Forwarded-For and
 * X-Real-IP hold the address of the connection the request came in on. Whatever a client sent in
 * these headers (or in Forwarded) is dropped, so the database's per-network rate limit
 * (private.client_address(), the first X-Forwarded-For entry) counts the real client.
 */
function forwardedFor(req: http.IncomingMessage): Record<string, string> {
	const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
	return { 'x-forwarded-for': address, 'x-real-ip': address };
}

function reply(res: http.ServerResponse, status: number, message: string): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ message }));
}

// A new upstream connection per request: reusing idle keep-alive connections raced with
// PostgREST closing them (ECONNRESET / socket hang up under bursts of concurrent requests).
const upstreamAgent = new http.Agent({ keepAlive: false });

const server = http.createServer((req, res) => {
	const url = req.url ?? '/';
	if (url !== PREFIX && !url.startsWith(`${PREFIX}/`) && !url.startsWith(`${PREFIX}?`)) {
		reply(res, 404, `not found: only ${PREFIX} is served here`);
		return;
	}
	const path = url.slice(PREFIX.length) || '/';
	const headers = { ...req.headers, ...forwardedFor(req) };
	delete headers.host;
	delete headers.forwarded;
	const upstream = http.request(
		{
			host: '127.0.0.1',
			port: upstreamPort,
			method: req.method,
			agent: upstreamAgent,
			path: path.startsWith('/') ? path : `/${path}`,
			headers,
		},
		(upRes) => {
			res.writeHead(upRes.statusCode ?? 502, upRes.headers);
			upRes.pipe(res);
		},
	);
	upstream.on('error', (err) => {
		if (!res.headersSent) reply(res, 502, `PostgREST unreachable: ${err.message}`);
		else res.destroy(err);
	});
	req.pipe(upstream);
});

server.listen(apiPort, '127.0.0.1', () => {
	console.error(
		`stack proxy: http://127.0.0.1:${apiPort}${PREFIX} -> http://127.0.0.1:${upstreamPort}`,
	);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	});
}
