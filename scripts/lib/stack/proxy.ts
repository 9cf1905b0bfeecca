/**
 * Serves the local PostgREST under `/rest/v1`, the path supabase-js requests (a hosted project's
 * API gateway does the same). Plain PostgREST serves at `/`. Started in the background by
 * scripts/db-start.sh; stopped by scripts/db-stop.sh through its recorded PID.
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

function reply(res: http.ServerResponse, status: number, message: string): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ message }));
}

const server = http.createServer((req, res) => {
	const url = req.url ?? '/';
	if (url !== PREFIX && !url.startsWith(`${PREFIX}/`) && !url.startsWith(`${PREFIX}?`)) {
		reply(res, 404, `not found: only ${PREFIX} is served here`);
		return;
	}
	const path = url.slice(PREFIX.length) || '/';
	const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
	delete headers.host;
	const upstream = http.request(
		{
			host: '127.0.0.1',
			port: upstreamPort,
			method: req.method,
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
