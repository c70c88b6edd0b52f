// The widget in Chromium: how long it takes to read an index and draw the
// blocks ("xsell mount", a performance entry the loader records), beside
// the browser's own JSON.parse of the same bytes in the same page: the
// peer every JS widget would pay just to read its data.
//
//   node benches/widget.mjs INDEX.json [RUNS]
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, openPage } from '../tests/e2e/lib/browser.mjs';
import { serve } from '../scripts/serve.mjs';

const [indexPath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const root = resolve(new URL('..', import.meta.url).pathname);
const index = JSON.parse(readFileSync(indexPath, 'utf8'));
// A product page about the best seller.
const product = index.products[index.popular?.[0] ?? 0].id;
const dir = mkdtempSync(join(tmpdir(), 'xsell-bench-'));
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/xsell/xsell.css">
<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json" data-recently-viewed="off" data-analytics="off"></script>
</head><body><div data-xsell="bought-together" data-product="${product}"></div>
<div data-xsell="upgrade" data-product="${product}"></div>
<div data-xsell="add-ons" data-cart="${product}:1"></div>

</body></html>`,
);
const server = await serve({
  port: 0,
  mounts: [['/xsell/index.json', resolve(indexPath)], ['/xsell/', join(root, 'dist/')], ['/', dir]],
});
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const mounts = [];
const parses = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await openPage(browser, url);
  await page.waitForFunction(() => window.xsell && window.xsell.ready);
  const ok = await page.evaluate(() => window.xsell.ready);
  if (!ok) throw new Error(`the widget did not start: ${JSON.stringify(page.messages)}`);
  const mount = await page.evaluate(() => performance.getEntriesByName('xsell mount')[0].duration);
  const parse = await page.evaluate(async () => {
    const text = await (await fetch('/xsell/index.json')).text();
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  });
  if (i > 0) {
    mounts.push(mount);
    parses.push(parse);
  }
  await page.context().close();
}
await browser.close();
server.closeAllConnections();
server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [m, p] = [median(mounts), median(parses)];
const bytes = readFileSync(indexPath).length;
const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
console.log(`\nWidget in Chromium, ${size} index (${index.products.length} products), median of ${runs} page loads:\n`);
console.log('| task | xsell | peer | ratio (xsell / peer) |');
console.log('|---|---|---|---|');
console.log(
  `| read the index and draw 3 blocks ("xsell mount") vs JSON.parse of the same bytes | ${m.toFixed(1)} ms | ${p.toFixed(1)} ms | ${(m / p).toFixed(2)} |`,
);
