// A small static server for the demo store and the tests: no framework,
// correct MIME types (application/wasm matters: browsers compile wasm
// while it downloads only when it is served as such), no caching.
//
//   node scripts/serve.mjs            serves the demo on $PORT (8080)
//   import { serve } from './serve.mjs' for tests (port 0 = any free port)
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The demo store's layout: URL prefix -> directory or file. */
export const DEMO_MOUNTS = [
  ['/xsell/index.json', 'build/demo/index.json'],
  ['/xsell/', 'dist/'],
  ['/data/', 'build/demo/'],
  ['/preview.html', 'www/preview.html'],
  ['/preview.js', 'www/preview.js'],
  ['/preview.css', 'www/preview.css'],
  ['/', 'www/demo/'],
];

/**
 * Starts a server. `mounts`: [prefix, path] pairs, first match wins; a
 * prefix ending in '/' maps to a directory. `handler(req, res)` runs first
 * and returns true when it answered (stub APIs in tests). `headers` are
 * added to every answer (e.g. a Content-Security-Policy).
 */
export function serve({ port = 0, mounts = DEMO_MOUNTS, handler, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    try {
      if (handler && (await handler(req, res))) return;
      const url = new URL(req.url, 'http://localhost');
      const file = locate(mounts, decodeURIComponent(url.pathname));
      if (!file) return send(res, 404, 'not found', headers);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      send(res, 500, String(e), headers);
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

function locate(mounts, path) {
  for (const [prefix, target] of mounts) {
    if (prefix.endsWith('/') ? !path.startsWith(prefix) : path !== prefix) continue;
    const root = resolve(target);
    let file = prefix.endsWith('/') ? normalize(join(root, path.slice(prefix.length))) : root;
    if (file !== root && !file.startsWith(root + sep)) return null; // no escaping the mount
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (statSync(file).isFile()) return file;
    } catch {
      // not here: try the next mount
    }
  }
  return null;
}

function send(res, status, text, headers) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 8080);
  serve({ port }).then((server) => {
    const { port: actual } = server.address();
    console.log(`\n  xsell demo store: http://localhost:${actual}/\n  (Ctrl+C to stop)\n`);
  });
}
