// Builds indexes with the real CLI and serves pages with the real widget
// (dist/), the way a shop deploys it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../../../scripts/serve.mjs';

export const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
export const XSELL = join(ROOT, 'target/release/xsell');

export function tempDir(name) {
  return mkdtempSync(join(tmpdir(), `xsell-e2e-${name}-`));
}

/** Runs `xsell build` and returns the index path. */
export function buildIndex(dir, { orders, catalog, args = [] }) {
  const ordersPath = join(dir, 'orders.csv');
  writeFileSync(ordersPath, orders);
  const cli = ['build', '--orders', ordersPath, '--out', join(dir, 'index.json'), ...args];
  if (catalog) {
    const catalogPath = join(dir, 'catalog.csv');
    writeFileSync(catalogPath, catalog);
    cli.push('--catalog', catalogPath);
  }
  execFileSync(XSELL, cli, { stdio: 'pipe' });
  return join(dir, 'index.json');
}

/**
 * Serves `pages` (a directory) at /, the widget at /xsell/ and `index` at
 * /xsell/index.json. Returns { url, close }.
 */
export async function site({ pages, index, handler, headers, extraMounts = [] }) {
  const mounts = [...extraMounts];
  if (index) mounts.push(['/xsell/index.json', index]);
  mounts.push(['/xsell/', join(ROOT, 'dist/')], ['/', pages]);
  const server = await serve({ port: 0, mounts, handler, headers });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections(); // the browser keeps connections alive
      }),
  };
}
