// The merchant preview (www/preview.html) end to end: the real widget and
// the demo index, served the way `npm start` does, under a strict
// Content-Security-Policy. Each block's reasons table must say what the
// drawn block holds, in its order, with origin and score.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';
import { ROOT } from './lib/site.mjs';
import { serve } from '../../scripts/serve.mjs';

const index = JSON.parse(readFileSync(join(ROOT, 'build/demo/index.json'), 'utf8'));
const byId = new Map(index.products.map((p) => [p.id, p]));
const BLOCKS = ['bought-together', 'upgrade', 'add-ons', 'post-purchase'];
const ORIGINS = ['pinned', 'earned', 'viewed', 'fallback'];
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'";

let browser, server, base;
before(async () => {
  process.chdir(ROOT);
  server = await serve({
    port: 0,
    headers: { 'content-security-policy': CSP },
    // A shop has a favicon; the demo server has none to serve.
    handler: (req, res) => {
      if (req.url !== '/favicon.ico') return false;
      res.writeHead(204).end();
      return true;
    },
  });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

const clean = (page) => {
  assert.deepEqual(page.errors, [], 'no uncaught errors');
  assert.deepEqual(messagesOf(page, 'error'), [], 'no console errors (CSP violations included)');
  assert.deepEqual(messagesOf(page, 'warning'), [], 'no console warnings');
};

const block = (name) => `[data-block="${name}"]`;

/** Waits until the preview shows `id` and every block's reasons are in. */
async function previewOf(page, id) {
  await page.waitForFunction(
    ({ id, blocks }) =>
      blocks.every((b) => {
        const s = document.querySelector(`[data-block="${b}"]`);
        return s.getAttribute('data-preview-product') === id && !['loading', null].includes(s.getAttribute('data-preview-state'));
      }),
    { id, blocks: BLOCKS },
  );
}

/** The rows of a block's reasons table: {rank, id, origin, words, score}. */
function reasons(page, name) {
  return page.$$eval(`${block(name)} [data-reasons] tbody tr`, (rows) =>
    rows.map((r) => ({
      rank: r.cells[0].textContent.trim(),
      id: r.getAttribute('data-item'),
      idText: r.cells[1].textContent.trim(),
      title: r.cells[2].textContent.trim(),
      price: r.cells[3].textContent.trim(),
      origin: r.getAttribute('data-origin'),
      words: r.querySelector('.origin')?.textContent.trim(),
      score: r.cells[5].textContent.trim(),
    })),
  );
}

/** The drawn block's items with their origins, in order. */
function drawn(page, name) {
  return page.$$eval(`${block(name)} [data-xsell] [data-xsell-item]`, (els) =>
    els.map((e) => ({ id: e.getAttribute('data-xsell-item'), origin: e.getAttribute('data-xsell-origin'), score: e.getAttribute('data-xsell-score') })),
  );
}

/** Every block with items has a table saying the same as the drawing;
 *  every empty one a note. */
async function assertInSync(page) {
  for (const name of BLOCKS) {
    const items = await drawn(page, name);
    const rows = await reasons(page, name);
    assert.deepEqual(rows.map((r) => r.id), items.map((i) => i.id), `${name}: the table lists the drawn items`);
    assert.deepEqual(rows.map((r) => r.origin), items.map((i) => i.origin), `${name}: same origins`);
    const state = await page.getAttribute(block(name), 'data-preview-state');
    if (items.length) {
      assert.equal(state, 'ready', name);
    } else {
      assert.equal(state, 'empty', name);
      const note = await page.textContent(`${block(name)} [data-reasons] .note--empty`);
      assert.match(note, /Empty/, `${name}: says it is empty`);
    }
  }
}

test('a product: the four blocks as drawn, and why each item is there', async () => {
  const page = await openPage(browser, `${base}/preview.html?product=PH-AUR-1`);
  assert.equal(await widgetSettled(page), true, 'the widget started under the strict CSP');
  await previewOf(page, 'PH-AUR-1');

  const together = await itemIds(page, `${block('bought-together')} [data-xsell]`);
  assert.ok(together.length >= 2, `bought together: ${together}`);
  const rows = await reasons(page, 'bought-together');
  assert.deepEqual(rows.map((r) => r.id), together, 'the reasons table lists the drawn ids, in order');
  for (const [i, r] of rows.entries()) {
    const p = byId.get(r.id);
    assert.equal(r.rank, String(i + 1), 'rank');
    assert.equal(r.idText, r.id);
    assert.equal(r.title, p.title);
    assert.match(r.price, /^\$\d+\.\d\d/, `${r.id} price`);
    assert.ok(ORIGINS.includes(r.origin), `${r.id}: origin ${r.origin}`);
    assert.ok(r.words && !/Other|Not given/.test(r.words), `${r.id}: origin in words: ${r.words}`);
    assert.match(r.score, /^-?\d+\.\d{4}$/, `${r.id}: score ${r.score}`);
  }
  const scores = (await drawn(page, 'bought-together')).map((i) => i.score);
  assert.deepEqual(rows.map((r) => r.score), scores, 'the scores the widget drew');
  // The product itself is in the block but is no recommendation.
  assert.equal(await page.getAttribute(`${block('bought-together')} [data-xsell-anchor]`, 'data-xsell-anchor'), 'PH-AUR-1');

  // Upgrades: the next tier first, in words, not scored.
  const upgrades = await reasons(page, 'upgrade');
  assert.equal(upgrades[0]?.id, 'PH-AUR-2', JSON.stringify(upgrades));
  assert.equal(upgrades[0].words, 'Better version');
  // Add-ons: the protection plan the merchant declared, first.
  const addOns = await reasons(page, 'add-ons');
  assert.equal(addOns[0]?.id, 'PP-PHONE-2Y');
  assert.equal(addOns[0].origin, 'pinned');
  await assertInSync(page);

  // The product's own facts, from the index.
  const facts = await page.$$eval('[data-facts] dt', (dts) =>
    Object.fromEntries(dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
  );
  assert.equal(await page.textContent('[data-facts] h2'), 'Aurora Lite smartphone');
  assert.equal(facts.Id, 'PH-AUR-1');
  assert.equal(facts.Price, '$399.00');
  assert.equal(facts.Category, 'Phones');
  assert.equal(facts['In stock'], 'Yes');

  // Accessible tables: a caption, column headers, a row header per item.
  for (const name of BLOCKS) {
    const table = `${block(name)} [data-reasons] table`;
    if (!(await page.$(table))) continue;
    assert.ok((await page.textContent(`${table} caption`)).trim(), `${name}: caption`);
    assert.equal(await page.$$eval(`${table} thead th[scope="col"]`, (t) => t.length), 6);
    const n = await page.$$eval(`${table} tbody tr`, (t) => t.length);
    assert.equal(await page.$$eval(`${table} tbody th[scope="row"]`, (t) => t.length), n);
  }
  await page.screenshot({ path: '/tmp/xsell-preview.png', fullPage: true });
  clean(page);
});

test('searching part of a title and picking the suggestion shows that product', async () => {
  const page = await openPage(browser, `${base}/preview.html?product=PH-AUR-1`);
  await previewOf(page, 'PH-AUR-1');
  const before = await itemIds(page, `${block('bought-together')} [data-xsell]`);

  await page.fill('#search-input', 'milk froth');
  await page.waitForSelector('#search-suggestions [role="option"]');
  const options = await page.$$eval('#search-suggestions [role="option"]', (o) => o.map((e) => e.getAttribute('data-id')));
  assert.deepEqual(options, ['CO-FROTH'], 'matched by title');
  assert.equal(await page.getAttribute('#search-input', 'aria-expanded'), 'true');
  await page.click('#search-suggestions [data-id="CO-FROTH"]');
  await previewOf(page, 'CO-FROTH');

  assert.match(page.url(), /[?&]product=CO-FROTH(&|$)/, 'deep link follows');
  assert.equal(await page.textContent('[data-facts] h2'), 'Electric milk frother');
  assert.equal(await page.inputValue('#product-select'), 'CO-FROTH');
  assert.equal(await page.getAttribute('#search-input', 'aria-expanded'), 'false');
  const after = await itemIds(page, `${block('bought-together')} [data-xsell]`);
  assert.notDeepEqual(after, before, 'the blocks changed');
  assert.equal(await page.getAttribute(`${block('bought-together')} [data-xsell-anchor]`, 'data-xsell-anchor'), 'CO-FROTH');
  assert.ok(!after.includes('CO-FROTH'));
  await assertInSync(page);

  // By keyboard, matching an id: arrow down, Enter.
  await page.fill('#search-input', 'lt-vtx-2');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#search-input', 'aria-activedescendant'), 'suggestion-0');
  await page.keyboard.press('Enter');
  await previewOf(page, 'LT-VTX-2');

  // The list of every product works too, and Back goes back.
  await page.selectOption('#product-select', 'HP-ECH-1');
  await previewOf(page, 'HP-ECH-1');
  await assertInSync(page);
  await page.goBack();
  await previewOf(page, 'LT-VTX-2');

  // A product's name in a drawn block opens its preview.
  const [first] = await itemIds(page, `${block('bought-together')} [data-xsell]`);
  await page.click(`${block('bought-together')} [data-xsell-item="${first}"] a`);
  await previewOf(page, first);
  assert.match(page.url(), new RegExp(`[?&]product=${first}(&|$)`));
  clean(page);
});

test('a pin is shown first, as pinned by you; an empty block says so', async () => {
  const page = await openPage(browser, `${base}/preview.html?product=LT-VTX-3`);
  await previewOf(page, 'LT-VTX-3');
  const items = await drawn(page, 'bought-together');
  assert.deepEqual(items[0], { id: 'CH-100W', origin: 'pinned', score: items[0].score }, JSON.stringify(items));
  const rows = await reasons(page, 'bought-together');
  assert.equal(rows[0].id, 'CH-100W');
  assert.equal(rows[0].origin, 'pinned');
  assert.equal(rows[0].words, 'Pinned by you');
  // A pin is the merchant's word, not a score.
  assert.equal(rows[0].score, 'none');
  assert.match(rows[1].score, /^\d+\.\d{4}$/);
  assert.ok(rows.slice(1).every((r) => r.origin !== 'pinned'), 'one pin');

  // The best laptop of its family has no upgrade: a note, no table.
  assert.equal(await page.getAttribute(block('upgrade'), 'data-preview-state'), 'empty');
  assert.equal(await page.$(`${block('upgrade')} [data-reasons] table`), null);
  assert.ok(await page.isVisible(`${block('upgrade')} .note--empty`));
  await assertInSync(page);
  clean(page);
});

test('buttons in the blocks say what they would add, and add nothing', async () => {
  const page = await openPage(browser, `${base}/preview.html?product=PH-AUR-1`);
  await previewOf(page, 'PH-AUR-1');
  const before = await drawn(page, 'add-ons');
  await page.click(`${block('add-ons')} [data-xsell-item="${before[0].id}"] [data-xsell-action]`);
  await page.waitForFunction((s) => document.querySelector(`${s} [data-block-status]`).textContent, block('add-ons'));
  assert.match(await page.textContent(`${block('add-ons')} [data-block-status]`), new RegExp(`\\(${before[0].id}\\) × 1.*Nothing was added`));
  await page.waitForTimeout(100);
  assert.deepEqual(await drawn(page, 'add-ons'), before, 'the block is unchanged');
  clean(page);
});

test('an unknown product, or an index from another site, is refused with a message', async () => {
  let page = await openPage(browser, `${base}/preview.html?product=NOPE-1`);
  await page.waitForSelector('[data-alert]:not([hidden])');
  assert.match(await page.textContent('[data-alert]'), /no product “NOPE-1”/);
  assert.equal(await page.isVisible('[data-blocks]'), false);
  clean(page);

  page = await openPage(browser, `${base}/preview.html?product=PH-AUR-1&index=https://example.com/index.json`);
  await page.waitForSelector('[data-alert]:not([hidden])');
  assert.match(await page.textContent('[data-alert]'), /must be on this site/);
  assert.equal(await page.$('script[data-index]'), null, 'the widget is not loaded with it');
  clean(page);
});

test('an index given in the query string is the one used', async () => {
  const page = await openPage(browser, `${base}/preview.html?index=/data/index.json&product=CH-100W`);
  await previewOf(page, 'CH-100W');
  assert.equal(await page.getAttribute('script[data-index]', 'data-index'), '/data/index.json');
  assert.match(await page.textContent('[data-index-info]'), /\/data\/index\.json/);
  await assertInSync(page);
  clean(page);
});

test('no accessibility violations (axe-core)', async () => {
  const page = await openPage(browser, `${base}/preview.html?product=PH-AUR-1`);
  await previewOf(page, 'PH-AUR-1');
  // Evaluated over the DevTools protocol: the page's CSP does not apply.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
});
