// The page contract on a store that is not the demo: a bike shop whose
// index is built by the real CLI from its own catalog and orders, and a
// page that uses nothing but the script tag and the placeholders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';
import { buildIndex, site, tempDir } from './lib/site.mjs';
import { orders } from './other-store/orders.mjs';

const catalogText = readFileSync(new URL('other-store/catalog.csv', import.meta.url), 'utf8');
const category = Object.fromEntries(
  catalogText.trim().split('\n').slice(1).map((line) => {
    const cells = line.split(',');
    return [cells[0], cells[4]];
  }),
);

let browser, server, dir;

const PAGE = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Velo</title><link rel="icon" href="data:,">
<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json"></script>
</head><body><main><h1>Velo bikes</h1>${body}</main></body></html>`;

before(async () => {
  dir = tempDir('velo');
  const index = buildIndex(dir, { orders: orders(), catalog: catalogText });
  writeFileSync(
    join(dir, 'bike.html'),
    PAGE(`<div data-xsell="bought-together" data-product="BK-C1"></div>
      <div data-xsell="upgrade" data-product="BK-C1"></div>
      <div data-xsell="add-ons" data-cart="BK-C1:1,LK-1:2"></div>
      <div data-xsell="post-purchase" data-order="BK-C1,HL-1"></div>`),
  );
  writeFileSync(join(dir, 'helmet.html'), PAGE(`<div data-xsell="upgrade" data-product="HL-1"></div>`));
  // Pasted without type="module", in the head, before the placeholders exist.
  writeFileSync(
    join(dir, 'classic.html'),
    PAGE(`<div data-xsell="upgrade" data-product="BK-C1"></div>`).replace(
      '<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json"></script>',
      '<script src="/xsell/xsell.js" data-index="/xsell/index.json"></script><script>window.apiAtOnce = typeof window.xsell;</script>',
    ),
  );
  server = await site({ pages: dir, index });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the four blocks show the right kinds of items', async () => {
  const page = await openPage(browser, `${server.url}/bike.html`);
  assert.equal(await widgetSettled(page), true);

  const together = await itemIds(page, '[data-xsell="bought-together"]');
  assert.ok(together.length >= 2, `bought together: ${together}`);
  for (const id of together) assert.notEqual(category[id], 'Bikes', `no other bike in bought-together: ${together}`);
  assert.ok(together.includes('HL-1') && together.includes('LK-1'), `complements of the city bike: ${together}`);

  assert.deepEqual(await itemIds(page, '[data-xsell="upgrade"]'), ['BK-C2'], 'the next tier of the family');

  const addOns = await itemIds(page, '[data-xsell="add-ons"]');
  assert.ok(['INS', 'TUNE'].includes(addOns[0]), `declared add-ons first: ${addOns}`);
  assert.ok(addOns.includes('INS') && addOns.includes('TUNE'), `both declared add-ons: ${addOns}`);
  for (const id of addOns) {
    assert.ok(!['BK-C1', 'LK-1'].includes(id), `nothing already in the cart: ${addOns}`);
    assert.notEqual(category[id], 'Bikes', `never another main product: ${addOns}`);
    assert.notEqual(id, 'BG-1', 'never out of stock');
  }

  const offers = await itemIds(page, '[data-xsell="post-purchase"]');
  assert.ok(offers.length >= 1, `post-purchase: ${offers}`);
  for (const id of offers) {
    assert.ok(!['BK-C1', 'HL-1'].includes(id), `nothing of the order: ${offers}`);
    assert.ok(!['Bikes', 'Helmets'].includes(category[id]), `no other version of what was bought: ${offers}`);
  }

  // Prices in the product's currency; links only where the catalog gave one.
  const price = await page.textContent('[data-xsell="upgrade"] .xsell__price');
  assert.match(price, /€/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(messagesOf(page, 'warning'), []);
  assert.deepEqual(messagesOf(page, 'error'), []);
});

test('without a family, the upgrade is a pricier product of the same category', async () => {
  const page = await openPage(browser, `${server.url}/helmet.html`);
  await widgetSettled(page);
  assert.deepEqual(await itemIds(page, '[data-xsell="upgrade"]'), ['HL-2']);
  const diff = await page.textContent('[data-xsell="upgrade"] .xsell__difference');
  assert.match(diff, /^\+€30\.00$/);
});

test('add to cart dispatches one bubbling event with every ticked item', async () => {
  const page = await openPage(browser, `${server.url}/bike.html`);
  await widgetSettled(page);
  await page.evaluate(() => {
    window.seen = [];
    document.addEventListener('xsell:add-to-cart', (e) => window.seen.push(e.detail));
  });
  const together = await itemIds(page, '[data-xsell="bought-together"]');
  // What is bought with the bike starts ticked; fills start unticked.
  const lines = await page.$$eval('[data-xsell="bought-together"] [data-xsell-item]', (els) =>
    els.map((e) => [e.dataset.xsellItem, e.dataset.xsellOrigin, e.querySelector('input.xsell__tick').checked]),
  );
  for (const [id, origin, ticked] of lines) assert.equal(ticked, ['earned', 'pinned'].includes(origin), `${id} (${origin})`);
  assert.ok(lines[0][2], `the first complement is earned: ${JSON.stringify(lines)}`);
  await page.uncheck(`[data-xsell="bought-together"] input[data-xsell-tick="${together[0]}"]`);
  await page.click('[data-xsell="bought-together"] [data-xsell-action="add-selected"]');
  await page.click('[data-xsell="add-ons"] [data-xsell-item] [data-xsell-action="add"]');
  const seen = await page.evaluate(() => window.seen);
  assert.equal(seen.length, 2);
  assert.deepEqual(seen[0], {
    block: 'bought-together',
    items: ['BK-C1', ...lines.slice(1).filter((l) => l[2]).map((l) => l[0])].map((id) => ({ id, quantity: 1 })),
  });
  assert.equal(seen[1].block, 'add-ons');
  assert.equal(seen[1].items.length, 1);
});

test('a tag pasted without type="module" works too, with window.xsell there at once', async () => {
  const page = await openPage(browser, `${server.url}/classic.html`);
  assert.equal(await widgetSettled(page), true);
  assert.deepEqual(await itemIds(page, '[data-xsell="upgrade"]'), ['BK-C2']);
  assert.equal(await page.evaluate(() => window.apiAtOnce), 'object', 'an inline script after the tag sees window.xsell');
  assert.deepEqual(page.messages.filter((m) => m.text.includes('xsell')), []);
});

test('setCart re-renders add-ons at once', async () => {
  const page = await openPage(browser, `${server.url}/bike.html`);
  await widgetSettled(page);
  const before = await itemIds(page, '[data-xsell="add-ons"]');
  await page.evaluate((id) => window.xsell.setCart([{ id: 'BK-C1', quantity: 1 }, { id, quantity: 1 }]), before[0]);
  const after = await itemIds(page, '[data-xsell="add-ons"]');
  assert.ok(!after.includes(before[0]), `${before[0]} was added, so it leaves the block: ${after}`);
});

test('placeholders added later and changed attributes render without a call', async () => {
  const page = await openPage(browser, `${server.url}/helmet.html`);
  await widgetSettled(page);
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.setAttribute('data-xsell', 'upgrade');
    el.setAttribute('data-product', 'BK-R1');
    el.id = 'late';
    document.querySelector('main').append(el);
  });
  await page.waitForSelector('#late [data-xsell-item="BK-R2"]');
  await page.evaluate(() => document.getElementById('late').setAttribute('data-product', 'BK-C2'));
  await page.waitForSelector('#late [data-xsell-item="BK-C3"]');
});
