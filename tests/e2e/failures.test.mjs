// The widget must never break the shop's page: a broken, missing or
// hostile index, or a page that forbids wasm, ends in empty blocks and
// one console warning, never an uncaught error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';
import { site, tempDir } from './lib/site.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json"></script></head>
<body><h1>Shop</h1><p id="shop-content">The shop's own content.</p>
<div id="bt" data-xsell="bought-together" data-product="A"></div>
<div id="ao" data-xsell="add-ons" data-cart="A:1"></div></body></html>`;

/** Serves PAGE with `index` as the index text (null: no index at all). */
async function shopWith(index, headers) {
  const dir = tempDir('fail');
  writeFileSync(join(dir, 'index.html'), PAGE);
  let indexPath;
  if (index !== null) {
    indexPath = join(dir, 'index.json');
    writeFileSync(indexPath, index);
  }
  return site({ pages: dir, index: indexPath, headers });
}

async function expectQuietFailure(server, warningPattern) {
  const page = await openPage(browser, `${server.url}/`);
  assert.equal(await widgetSettled(page), false);
  const warnings = messagesOf(page, 'warning').filter((w) => w.startsWith('xsell:'));
  assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(page.messages)}`);
  assert.match(warnings[0], warningPattern);
  assert.deepEqual(page.errors, [], 'nothing uncaught');
  for (const id of ['bt', 'ao']) {
    assert.equal(await page.getAttribute(`#${id}`, 'data-xsell-state'), 'error');
    assert.equal(await page.$eval(`#${id}`, (e) => e.children.length), 0);
  }
  assert.equal(await page.textContent('#shop-content'), "The shop's own content.");
  // The page API still answers, without throwing.
  assert.equal(await page.evaluate(() => window.xsell.setCart([{ id: 'A', quantity: 1 }])), false);
  await server.close();
}

test('a broken index: one warning naming file, line and field', async () => {
  const server = await shopWith('{"version":1,\n"products":[{"id":"A","price":"ten"}]}');
  await expectQuietFailure(server, /^xsell: \/xsell\/index\.json:2:\d+: field products\[0\]\.price: /);
});

test('an index of another version is refused clearly', async () => {
  const server = await shopWith('{"version":9,"products":[]}');
  await expectQuietFailure(server, /version 9 is not supported/);
});

test('a missing index', async () => {
  const server = await shopWith(null);
  await expectQuietFailure(server, /cannot load http:\/\/127\.0\.0\.1:\d+\/xsell\/index\.json: HTTP 404/);
});

test('HTML served where the index should be', async () => {
  const server = await shopWith('<!doctype html><title>Not found</title>');
  await expectQuietFailure(server, /index\.json:1:1/);
});

test('a page whose CSP forbids wasm', async () => {
  const server = await shopWith('{"version":1,"products":[{"id":"A"}]}', {
    'content-security-policy': "default-src 'self'; script-src 'self'",
  });
  await expectQuietFailure(server, /^xsell: cannot load http:\/\/127\.0\.0\.1:\d+\/xsell\/xsell\.wasm: .*Content Security/);
});

test('hostile text and URLs in the index stay inert', async () => {
  const index = JSON.stringify({
    version: 1,
    products: [
      { id: 'A', title: 'A', together: { items: [1, 2, 3] }, add_ons: { items: [1, 2, 3] } },
      { id: 'B', title: '<img src=x onerror="window.pwned=1">', url: 'javascript:window.pwned=2', image: 'javascript:x' },
      { id: 'C', title: '"><script>window.pwned=3</script>', url: ' JaVaScRiPt:window.pwned=4' },
      { id: 'D', title: 'ok', url: 'data:text/html,<script>parent.pwned=5</script>', image: 'vbscript:x' },
    ],
  });
  const server = await shopWith(index);
  const page = await openPage(browser, `${server.url}/`);
  assert.equal(await widgetSettled(page), true);
  assert.deepEqual(await itemIds(page, '#bt'), ['B', 'C', 'D']);
  for (const id of ['B', 'C', 'D']) await page.click(`#bt [data-xsell-item="${id}"] .xsell__name`);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const hrefs = await page.$$eval('#bt a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, [], `no unsafe link survives: ${hrefs}`);
  assert.equal(await page.textContent('#bt [data-xsell-item="B"] .xsell__name'), '<img src=x onerror="window.pwned=1">');
  assert.equal(await page.$$eval('#bt script, #bt [onerror], #bt img', (e) => e.length), 0);
  assert.deepEqual(page.errors, []);
  await server.close();
});

test('under a strict CSP (no inline script or style) the blocks render', async () => {
  const index = JSON.stringify({
    version: 1,
    currency: 'USD',
    categories: ['x', 'y'],
    products: [
      { id: 'A', title: 'A', price: 1000, category: 0, together: { items: [1] } },
      { id: 'B', title: 'B', price: 500, category: 1 },
    ],
  });
  const server = await shopWith(index, {
    'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'",
  });
  const page = await openPage(browser, `${server.url}/`);
  assert.equal(await widgetSettled(page), true);
  assert.equal(await page.getAttribute('#bt [data-xsell-item]', 'data-xsell-item'), 'B');
  const violations = page.messages.filter((m) => /Content Security Policy|Refused/i.test(m.text));
  assert.deepEqual(violations, []);
  // The stylesheet applied (a same-origin <link>, allowed by style-src 'self').
  const display = await page.$eval('#bt', (e) => getComputedStyle(e).display);
  assert.equal(display, 'block');
  const border = await page.$eval('#bt .xsell', (e) => getComputedStyle(e).borderTopStyle);
  assert.equal(border, 'solid');
  await server.close();
});

test('an index on another origin that sends no CORS headers: the warning names it and the reason', async () => {
  const cdn = await shopWith('{"version":1,"products":[{"id":"A"}]}');
  const dir = tempDir('cors');
  writeFileSync(join(dir, 'index.html'), PAGE.replace('data-index="/xsell/index.json"', `data-index="${cdn.url}/xsell/index.json"`));
  const server = await site({ pages: dir });
  await expectQuietFailure(server, /^xsell: cannot load http:\/\/127\.0\.0\.1:\d+\/xsell\/index\.json: Failed to fetch/);
  await cdn.close();
});

test('a widget that never comes gives the reserved space back (script not found: 10 s; index never answers: 30 s)', async () => {
  const dir = tempDir('never');
  const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<link rel="stylesheet" href="/xsell/xsell.css">${script}</head>
<body><div id="bt" data-xsell="bought-together" data-product="A"></div><p id="after">After</p></body></html>`;
  // A typo in the script's path; an index the server holds forever.
  writeFileSync(join(dir, 'typo.html'), page('<script type="module" src="/xsel/xsell.js" data-index="/xsell/index.json"></script>'));
  writeFileSync(join(dir, 'stall.html'), page('<script type="module" src="/xsell/xsell.js" data-index="/stall.json"></script>'));
  const stalled = [];
  const server = await site({
    pages: dir,
    handler: (req, res) => (req.url === '/stall.json' ? (stalled.push(res), true) : false),
  });
  // A script that never ran: released after 10 s. An index still on its
  // way (placeholders marked "loading"): kept at 10 s, a slow index is not
  // a missing widget; released after 30 s.
  for (const [path, kept, released] of [
    ['/typo.html', 9000, 10001],
    ['/stall.html', 29000, 30001],
  ]) {
    const p = await openPage(browser, `${server.url}${path}`);
    const height = () => p.$eval('#bt', (e) => e.getBoundingClientRect().height);
    if (path === '/stall.html') await p.waitForSelector('#bt[data-xsell-state="loading"]');
    // Jump the release animation's clock.
    const at = (ms) => p.evaluate((t) => document.getAnimations().forEach((a) => (a.currentTime = t)), ms);
    await at(kept);
    assert.ok((await height()) > 100, `${path}: space kept at ${kept} ms`);
    await at(released);
    assert.equal(await height(), 0, `${path}: the space is given back at ${released} ms`);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
  for (const res of stalled) res.destroy();
  await server.close();
});
