// The cart adapters end to end: real Chromium, the real widget (dist/) and
// an index built by the real CLI, against local stubs that speak Shopify's
// AJAX Cart API and WooCommerce's Store API (tests/e2e/lib/stubs.mjs).
// What is checked is what the shop's server sees (method, path, headers,
// body), what the shopper sees (blocks, busy state, errors, retry) and what
// analytics hear, with no uncaught error and no console noise beyond the
// failed-resource lines of the failures provoked on purpose.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';
import { buildIndex, site, tempDir } from './lib/site.mjs';
import { shopifyStub, wooStub, combine, productsOf } from './lib/stubs.mjs';
import { orders, BIKE, HELMET, LOCK, LIGHT, PLAN } from './adapter-store/orders.mjs';

const catalog = readFileSync(new URL('adapter-store/catalog.csv', import.meta.url), 'utf8');
const products = productsOf(catalog);

const shop = shopifyStub({ products });
const shopCa = shopifyStub({ products, root: '/en-ca/' });
const woo = wooStub({ products });

let browser, server, dir;

const PAGE = ({ adapter, head = '', body }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Comet Cycles</title><link rel="icon" href="data:,">${head}
<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json"${adapter ? ` data-cart-adapter="${adapter}"` : ''}></script>
</head><body><main><h1>Comet Cycles</h1>${body}</main></body></html>`;

const PRODUCT_AND_CART = `<div id="bt" data-xsell="bought-together" data-product="${BIKE}"></div>
  <div id="ao" data-xsell="add-ons" data-cart="${BIKE}:1"></div>`;

before(async () => {
  dir = tempDir('adapters');
  const index = buildIndex(dir, { orders: orders(), catalog });
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const write = (name, spec) => writeFileSync(join(pages, name), PAGE(spec));
  write('shopify.html', { adapter: 'shopify', body: PRODUCT_AND_CART });
  write('shopify-thanks.html', {
    adapter: 'shopify',
    body: `<div id="pp" data-xsell="post-purchase" data-order="${BIKE}"></div>`,
  });
  // A Shopify market with its own routes root, as themes declare it.
  write('shopify-ca.html', {
    adapter: 'shopify',
    head: `<script>window.Shopify = { routes: { root: '/en-ca/' } };</script>`,
    body: `<div id="ao" data-xsell="add-ons" data-cart="${BIKE}:1"></div>`,
  });
  // A page whose tag manager set up window.dataLayer before the widget.
  write('shopify-gtm.html', {
    adapter: 'shopify',
    head: `<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ event: 'gtm.js' });</script>`,
    body: `<div id="ao" data-xsell="add-ons" data-cart="${BIKE}:1"></div>`,
  });
  write('woo.html', { adapter: 'woocommerce', body: PRODUCT_AND_CART });
  write('events.html', {
    body: `${PRODUCT_AND_CART}
  <div id="pp" data-xsell="post-purchase" data-order="${BIKE}"></div>`,
  });
  // The block's own texts for its error (a shop translating one block).
  write('events-labels.html', {
    body: `<div id="ao" data-xsell="add-ons" data-cart="${BIKE}" data-label-add-failed="Hat nicht geklappt:" data-label-retry="Nochmal"></div>`,
  });
  // The name as a shop owner might type it.
  write('shopify-caps.html', { adapter: ' Shopify ', body: PRODUCT_AND_CART });
  // The tag pasted twice (a theme snippet and an app block, say).
  writeFileSync(
    join(pages, 'twice.html'),
    PAGE({ adapter: 'shopify', body: PRODUCT_AND_CART }).replace('</head>', '<script type="module" src="/xsell/xsell.js?v=2" data-index="/xsell/index.json" data-cart-adapter="shopify"></script></head>'),
  );
  // Another product's tag with a data-index of its own, earlier on the page.
  writeFileSync(
    join(pages, 'other-tag.html'),
    PAGE({ adapter: 'shopify', body: PRODUCT_AND_CART }).replace('<script type="module"', '<script src="/search/other.js" data-index="/search/index.json" async></script><script type="module"'),
  );
  server = await site({ pages, index, handler: combine(shop.handler, shopCa.handler, woo.handler) });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  shop.reset({ cart: [] });
  shopCa.reset({ cart: [] });
  woo.reset({ cart: [] });
});

// ---------------------------------------------------------------- helpers

const EVENTS = ['xsell:add-to-cart', 'xsell:cart-updated', 'xsell:add_to_cart'];

/** Opens a store page with every widget event recorded in window.__seen. */
async function open(path) {
  const page = await openPage(browser);
  page.consoleAt = [];
  page.on('console', (m) => page.consoleAt.push({ type: m.type(), text: m.text(), url: m.location().url }));
  page.requested = [];
  page.on('request', (r) => page.requested.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.addInitScript((types) => {
    window.__seen = [];
    for (const type of types) {
      document.addEventListener(
        type,
        (e) =>
          window.__seen.push({
            type,
            target: e.target === document ? 'document' : e.target.id,
            detail: JSON.parse(JSON.stringify(e.detail ?? null)),
          }),
        true,
      );
    }
  }, EVENTS);
  await page.goto(`${server.url}${path}`);
  assert.equal(await widgetSettled(page), true, 'the widget started');
  await page.waitForSelector('[data-xsell-state="ready"] [data-xsell-item]');
  return page;
}

const seen = (page, type) =>
  page.evaluate((t) => window.__seen.filter((e) => e.type === t), type);

const dataLayerEvents = (page, event) =>
  page.evaluate((name) => (window.dataLayer || []).filter((d) => d && d.event === name), event);

/** Resolves once no block is busy any more (the add ended, well or not). */
const settled = (page) => page.waitForFunction(() => !document.querySelector('[data-xsell-busy], [aria-busy="true"]'));

const gone = (page, block, id) =>
  page.waitForFunction(
    ([b, i]) => !document.querySelector(`${b} [data-xsell-item="${i}"]`),
    [block, id],
  );

/** Waits up to `ms` for `fn(arg)` in the page; false when it never held. */
const within = (page, fn, arg, ms = 3000) =>
  page.waitForFunction(fn, arg, { timeout: ms }).then(
    () => true,
    () => false,
  );

/** What the widget said in the console (for assertion messages). */
const warnings = (page) => JSON.stringify(messagesOf(page, 'warning'));

const addButton = (block, id) => `${block} [data-xsell-action="add"][data-xsell-id="${id}"]`;

const ticks = (page, block) =>
  page.$$eval(`${block} input[data-xsell-tick]`, (els) => els.map((e) => [e.getAttribute('data-xsell-tick'), e.checked]));

/** An expected "Failed to load resource" console error for `path`. */
const httpFailure = (status, path) => ({
  text: new RegExp(`^Failed to load resource: the server responded with a status of ${status}\\b`),
  path,
});
const netFailure = (code, path) => ({ text: new RegExp(`^Failed to load resource: net::${code}$`), path });

/**
 * No uncaught error, no warning, and no console error except exactly the
 * failed-resource lines `expected` lists (one each, for that URL path).
 */
function assertClean(page, expected = []) {
  assert.deepEqual(page.errors, [], 'no uncaught errors');
  assert.deepEqual(messagesOf(page, 'warning'), [], 'no console warnings');
  const unexpected = page.consoleAt.filter((m) => m.type === 'error');
  for (const e of expected) {
    const i = unexpected.findIndex((m) => e.text.test(m.text) && m.url && new URL(m.url).pathname === e.path);
    assert.ok(i >= 0, `expected console error ${e.text} for ${e.path}; got ${JSON.stringify(page.consoleAt)}`);
    unexpected.splice(i, 1);
  }
  assert.deepEqual(unexpected, [], 'no other console errors');
}

const json = (r) => r.json;

// ---------------------------------------------------------------- stubs

test('the stubs answer the documented shapes and refuse bad ones', async () => {
  shop.reset({ cart: [{ id: BIKE, quantity: 1 }] });
  const post = (path, body, headers = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  // Shopify: ids are numbers, quantities whole numbers above 0.
  for (const bad of [{ id: Number(PLAN) }, { items: [] }, { items: [{ id: PLAN, quantity: 1 }] }, { items: [{ id: Number(PLAN), quantity: 0 }] }]) {
    const r = await post('/cart/add.js', bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.equal((await r.json()).status, 'bad_request');
  }
  assert.equal((await post('/cart/add.js', 'items=1')).status, 400);
  const ok = await post('/cart/add.js', { items: [{ id: Number(PLAN), quantity: 1 }] });
  assert.equal(ok.status, 200);
  assert.deepEqual((await ok.json()).items.map((i) => [i.id, i.variant_id, i.quantity]), [[Number(PLAN), Number(PLAN), 1]]);
  const cart = await (await fetch(`${server.url}/cart.js`)).json();
  assert.equal(cart.item_count, 2);
  assert.deepEqual(cart.items.map((i) => i.variant_id), [Number(BIKE), Number(PLAN)]);
  shop.refuseNextAdd();
  const refused = await post('/cart/add.js', { items: [{ id: Number(PLAN), quantity: 1 }] });
  assert.equal(refused.status, 422);
  assert.deepEqual(await refused.json(), { status: 422, message: 'Cart Error', description: 'Only 1 left in stock' });

  // WooCommerce: the nonce of the last answer, or 401/403.
  const missing = await post('/wp-json/wc/store/v1/cart/add-item', { id: Number(PLAN), quantity: 1 });
  assert.equal(missing.status, 401);
  assert.equal((await missing.json()).code, 'woocommerce_rest_missing_nonce');
  const got = await fetch(`${server.url}/wp-json/wc/store/v1/cart`);
  const nonce = got.headers.get('nonce');
  assert.ok(nonce);
  assert.equal((await got.json()).items_count, 0);
  const wrong = await post('/wp-json/wc/store/v1/cart/add-item', { id: Number(PLAN), quantity: 1 }, { nonce: 'nope' });
  assert.equal(wrong.status, 403);
  const badId = await post('/wp-json/wc/store/v1/cart/add-item', { id: PLAN, quantity: 1 }, { nonce });
  assert.equal(badId.status, 400);
  const added = await post('/wp-json/wc/store/v1/cart/add-item', { id: Number(PLAN), quantity: 1 }, { nonce: badId.headers.get('nonce') ?? nonce });
  assert.equal(added.status, 201);
  assert.notEqual(added.headers.get('nonce'), nonce, 'a fresh nonce with every answer');
  assert.deepEqual((await added.json()).items.map((i) => [i.id, i.quantity]), [[Number(PLAN), 1]]);
});

// ---------------------------------------------------------------- Shopify

test('Shopify: an add-on is added with one POST /cart/add.js, then the cart is read back', async () => {
  // The shop's cart holds a lock the page's data-cart does not know of.
  shop.reset({ cart: [{ id: BIKE, quantity: 1 }, { id: LOCK, quantity: 1 }] });
  const page = await open('/shopify.html');
  const before = await itemIds(page, '#ao');
  assert.equal(before[0], PLAN, `the declared protection plan first: ${before}`);
  assert.ok(before.includes(LOCK), `the lock is offered while the widget only knows data-cart: ${before}`);
  assert.deepEqual(shop.requests, [], 'no cart call before a click');

  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  await settled(page);

  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  const [add, read] = shop.requests;
  assert.deepEqual(add.json, { items: [{ id: Number(PLAN), quantity: 1 }] });
  assert.equal(typeof add.json.items[0].id, 'number', 'the variant id is sent as a number');
  assert.match(add.headers['content-type'], /^application\/json/);
  assert.match(add.headers.accept, /application\/json/);
  assert.match(read.headers.accept, /application\/json/);
  assert.equal(read.body, '');

  // The cart read back is the widget's cart now: the lock leaves as well.
  const after = await itemIds(page, '#ao');
  assert.ok(!after.includes(PLAN) && !after.includes(LOCK), `added and carted items leave the add-ons: ${after}`);
  assert.ok(after.length >= 1, `still something to offer: ${after}`);

  const adds = await seen(page, 'xsell:add-to-cart');
  assert.deepEqual(adds.map((e) => [e.target, e.detail]), [['ao', { block: 'add-ons', items: [{ id: PLAN, quantity: 1 }] }]]);
  const updated = await seen(page, 'xsell:cart-updated');
  assert.equal(updated.length, 1, 'xsell:cart-updated fires once');
  assert.equal(updated[0].target, 'document');
  assert.deepEqual(updated[0].detail, [{ id: PLAN, quantity: 1 }]);

  const pushes = await dataLayerEvents(page, 'add_to_cart');
  assert.equal(pushes.length, 1, 'one add_to_cart in dataLayer');
  const { ecommerce } = pushes[0];
  assert.equal(ecommerce.item_list_id, 'xsell_add_ons');
  assert.equal(typeof ecommerce.item_list_name, 'string');
  assert.equal(ecommerce.currency, 'USD');
  assert.equal(ecommerce.value, 79);
  assert.deepEqual(
    ecommerce.items.map((i) => [i.item_id, i.quantity, i.price, i.item_list_id]),
    [[PLAN, 1, 79, 'xsell_add_ons']],
  );
  const layer = await page.evaluate(() => window.dataLayer);
  const at = layer.findIndex((d) => d && d.event === 'add_to_cart');
  assert.deepEqual(layer[at - 1], { ecommerce: null }, 'ecommerce cleared first (GA4)');
  assert.equal((await seen(page, 'xsell:add_to_cart')).length, 1, 'the same as a DOM event');
  assertClean(page);
  await page.context().close();
});

test('Shopify: "Add selected" sends one request with every ticked item', async () => {
  const page = await open('/shopify.html');
  const together = await itemIds(page, '#bt');
  assert.ok(together.length >= 2, `complements of the bike: ${together}`);
  assert.ok(together.includes(HELMET) && together.includes(LOCK), `${together}`);
  const dropped = together.at(-1);
  await page.uncheck(`#bt input[data-xsell-tick="${dropped}"]`);
  await page.click('#bt [data-xsell-action="add-selected"]');
  await page.waitForSelector(`#bt [data-xsell-anchor="${BIKE}"] .xsell__in-cart`);
  await settled(page);

  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  const wanted = [BIKE, ...together.filter((id) => id !== dropped)];
  assert.deepEqual(shop.requests[0].json, { items: wanted.map((id) => ({ id: Number(id), quantity: 1 })) });
  assert.deepEqual([...shop.lines.keys()], wanted, 'the shop cart holds the ticked items');
  // The bike is in the cart the API returned: it now starts unticked.
  assert.equal(await page.isChecked(`#bt input[data-xsell-tick="${BIKE}"]`), false);
  assert.equal((await seen(page, 'xsell:cart-updated')).length, 1);
  // The add_to_cart analytics object (as a DOM event: the dataLayer has its own test).
  const [analytics] = await seen(page, 'xsell:add_to_cart');
  assert.equal(analytics.detail.ecommerce.item_list_id, 'xsell_bought_together');
  assert.deepEqual(analytics.detail.ecommerce.items.map((i) => i.item_id), wanted);
  assertClean(page);
  await page.context().close();
});

test('Shopify: a double click while the shop is slow sends one request; the block is busy meanwhile', async () => {
  const page = await open('/shopify.html');
  shop.delay = 400;
  const button = addButton('#ao', PLAN);
  await page.dblclick(button);
  // Still waiting for the shop (400 ms).
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), 'true');
  assert.equal(await page.getAttribute(button, 'aria-disabled'), 'true', 'the button says it is unavailable while waiting');
  const enabled = await page.$$eval('#ao button[data-xsell-action]', (bs) => bs.filter((b) => b.getAttribute('aria-disabled') !== 'true').length);
  assert.equal(enabled, 0, "all the block's buttons are unavailable");
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), null);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js'], 'one add only');
  assert.equal(shop.lines.get(PLAN), 1, 'one plan in the cart');
  assert.equal((await seen(page, 'xsell:add-to-cart')).length, 1);
  assert.equal((await seen(page, 'xsell:add_to_cart')).length, 1, 'one add_to_cart');
  assertClean(page);
  await page.context().close();
});

test('Shopify: two clicks dispatched back to back on the same button add once', async () => {
  const page = await open('/shopify.html');
  shop.delay = 400;
  // Two clicks in the same task: no time for anything to repaint between.
  await page.$eval(addButton('#ao', PLAN), (b) => {
    b.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    b.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  assert.equal((await seen(page, 'xsell:add-to-cart')).length, 1);
  assertClean(page);
  await page.context().close();
});

test('Shopify: a refused add (422) shows the shop\'s message and loses nothing; "Try again" re-sends and succeeds', async () => {
  const page = await open('/shopify.html');
  const together = await itemIds(page, '#bt');
  const dropped = together.at(-1);
  await page.uncheck(`#bt input[data-xsell-tick="${dropped}"]`);
  const ticked = await ticks(page, '#bt');
  shop.refuseNextAdd();
  const clickedAt = Date.now();
  await page.click('#bt [data-xsell-action="add-selected"]');
  const alert = await page.waitForSelector('#bt [role="alert"]');
  await settled(page);

  assert.match(await alert.textContent(), /Could not add to cart\.\s*Only 1 left in stock/);
  assert.equal(await page.textContent('#bt [role="alert"] button[data-xsell-action="retry"]'), 'Try again');
  // Nothing lost: same items, same ticks, usable again.
  assert.deepEqual(await itemIds(page, '#bt'), together);
  assert.deepEqual(await ticks(page, '#bt'), ticked);
  assert.equal(await page.isDisabled('#bt [data-xsell-action="add-selected"]'), false);
  assert.equal(await page.getAttribute('#bt section', 'aria-busy'), null);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js'], 'no cart read after a refusal');
  assert.deepEqual(await seen(page, 'xsell:cart-updated'), []);
  assert.deepEqual(await dataLayerEvents(page, 'add_to_cart'), [], 'no add_to_cart for a refused add');

  // A shopper reads the message before trying again: well past any
  // double-click window (the immediate retry has its own test).
  await page.waitForTimeout(Math.max(0, 1100 - (Date.now() - clickedAt)));
  await page.click('#bt [data-xsell-action="retry"]');
  const done = await within(page, (id) => {
    const bt = document.querySelector('#bt');
    return !bt.querySelector('[aria-busy="true"]') && bt.querySelector(`[data-xsell-anchor="${id}"] .xsell__in-cart`);
  }, BIKE);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'POST /cart/add.js', 'GET /cart.js'], 'Try again re-sent the items');
  assert.deepEqual(shop.requests[1].json, shop.requests[0].json, 'the very same items');
  const wanted = [BIKE, ...together.filter((id) => id !== dropped)];
  assert.deepEqual(shop.requests[1].json, { items: wanted.map((id) => ({ id: Number(id), quantity: 1 })) });
  assert.equal(await page.$('#bt [role="alert"]'), null, 'the alert is gone');
  assert.equal(
    await page.getAttribute('#bt section', 'aria-busy'),
    null,
    `the block is no longer busy once the retried add succeeded; widget warnings: ${warnings(page)}`,
  );
  assert.ok(done, `the block shows the cart read back (the bike "In your cart"); widget warnings: ${warnings(page)}`);
  assert.equal((await seen(page, 'xsell:cart-updated')).length, 1, 'xsell:cart-updated after the retry');
  assert.equal((await seen(page, 'xsell:add_to_cart')).length, 1, 'add_to_cart after the retry');
  assertClean(page, [httpFailure(422, '/cart/add.js')]);
  await page.context().close();
});

test('Shopify: "Try again" works right after a fast refusal too (the retry is not a double click)', async () => {
  const page = await open('/shopify.html');
  shop.refuseNextAdd();
  await page.click(addButton('#ao', PLAN));
  await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await page.textContent('#ao [role="alert"]'), /Could not add to cart\.\s*Only 1 left in stock/);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN), 'the plan is still offered');
  // The shopper clicks "Try again" as soon as it shows (well within 1 s of
  // the first click, since the shop answered at once).
  await page.click('#ao [data-xsell-action="retry"]');
  await within(page, () => !document.querySelector('#ao [role="alert"], #ao [aria-busy="true"]'));
  await page.waitForTimeout(300); // time for a request to arrive, if one was sent
  assert.deepEqual(
    shop.calls(),
    ['POST /cart/add.js', 'POST /cart/add.js', 'GET /cart.js'],
    '"Try again" must re-send the items even within a second of the failed click',
  );
  assert.equal(await page.$('#ao [role="alert"]'), null, 'the alert is gone');
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), null, `not busy; widget warnings: ${warnings(page)}`);
  assert.ok(!(await itemIds(page, '#ao')).includes(PLAN));
  assertClean(page, [httpFailure(422, '/cart/add.js')]);
  await page.context().close();
});

test('Shopify: a dropped connection shows an error, never an uncaught exception', async () => {
  const page = await open('/shopify.html');
  // Every add: Chromium resends a request whose reused connection closed
  // without an answer, and gives up after a few tries.
  shop.hangUpNextAdds();
  await page.click(addButton('#ao', PLAN));
  const alert = await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await alert.textContent(), /^Could not add to cart\. .+/);
  assert.ok(await page.$('#ao [data-xsell-action="retry"]'), 'a Try again button');
  assert.ok((await itemIds(page, '#ao')).includes(PLAN), 'the plan is still offered');
  assert.ok(shop.calls().every((c) => c === 'POST /cart/add.js'), `${shop.calls()}`);
  assert.deepEqual(page.errors, [], 'nothing uncaught');
  assertClean(page, [netFailure('ERR_EMPTY_RESPONSE', '/cart/add.js')]);
  await page.context().close();
});

test('Shopify: a request the network aborts shows an error, never an uncaught exception', async () => {
  const page = await open('/shopify.html');
  await page.route('**/cart/add.js', (route) => route.abort('internetdisconnected'));
  await page.click(addButton('#ao', PLAN));
  const alert = await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await alert.textContent(), /^Could not add to cart\. .+/);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN));
  assert.deepEqual(shop.calls(), [], 'nothing reached the shop');
  assert.deepEqual(page.errors, [], 'nothing uncaught');
  assertClean(page, [netFailure('ERR_INTERNET_DISCONNECTED', '/cart/add.js')]);
  await page.context().close();
});

test('Shopify: the routes root of the theme (window.Shopify.routes.root) is used', async () => {
  const page = await open('/shopify-ca.html');
  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.deepEqual(shop.calls(), []);
  assert.deepEqual(shopCa.calls(), ['POST /en-ca/cart/add.js', 'GET /en-ca/cart.js']);
  assert.deepEqual(shopCa.requests.map(json)[0], { items: [{ id: Number(PLAN), quantity: 1 }] });
  assertClean(page);
  await page.context().close();
});

test('Shopify: an offer added on the thank-you page leaves the post-purchase block', async () => {
  shop.reset({ cart: [] });
  const page = await open('/shopify-thanks.html');
  const offers = await itemIds(page, '#pp');
  assert.ok(offers.length >= 1, `${offers}`);
  await page.click(addButton('#pp', offers[0]));
  await settled(page);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  assert.deepEqual(shop.requests[0].json, { items: [{ id: Number(offers[0]), quantity: 1 }] });
  await within(page, (id) => !document.querySelector(`#pp [data-xsell-item="${id}"]`), offers[0], 1000);
  assert.ok(
    !(await itemIds(page, '#pp')).includes(offers[0]),
    `${offers[0]} was added (and is in the cart read back): it should leave the post-purchase block`,
  );
  assertClean(page);
  await page.context().close();
});

test('Shopify: add_to_cart reaches a dataLayer the page (its tag manager) created first', async () => {
  const page = await open('/shopify-gtm.html');
  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  const layer = await page.evaluate(() => window.dataLayer.map((d) => (d && d.event) || JSON.stringify(d)));
  assert.equal(layer[0], 'gtm.js', "the page's own layer is kept");
  assert.ok(layer.includes('view_item_list'), `view_item_list in the page's dataLayer: ${layer}`);
  assert.ok(layer.includes('add_to_cart'), `add_to_cart in the page's dataLayer: ${layer}`);
  assertClean(page);
  await page.context().close();
});

// ---------------------------------------------------------------- WooCommerce

test('WooCommerce: GET cart, then one add-item per item with the nonce of the previous answer; blocks follow the returned cart', async () => {
  // The shop's cart already holds a light the page does not know of.
  woo.reset({ cart: [{ id: LIGHT, quantity: 1 }] });
  const page = await open('/woo.html');
  const shown = await itemIds(page, '#bt');
  assert.ok(shown.includes(LOCK) && shown.includes(HELMET), `${shown}`);
  assert.ok((await itemIds(page, '#ao')).includes(LIGHT), 'the light is offered while the widget only knows data-cart');
  // The plan stays unticked (and so on offer as an add-on afterwards).
  if (shown.includes(PLAN)) await page.uncheck(`#bt input[data-xsell-tick="${PLAN}"]`);
  const together = shown.filter((id) => id !== PLAN);
  await page.click('#bt [data-xsell-action="add-selected"]');
  await page.waitForSelector(`#bt [data-xsell-anchor="${BIKE}"] .xsell__in-cart`);
  await settled(page);

  const wanted = [BIKE, ...together];
  assert.deepEqual(woo.calls(), [
    'GET /wp-json/wc/store/v1/cart',
    ...wanted.map(() => 'POST /wp-json/wc/store/v1/cart/add-item'),
  ]);
  const [first, ...adds] = woo.requests;
  assert.equal(first.headers.nonce, undefined, 'no nonce before the shop gave one');
  adds.forEach((r, i) => {
    assert.deepEqual(r.json, { id: Number(wanted[i]), quantity: 1 });
    assert.equal(r.headers.nonce, woo.nonces[i], `add ${i + 1} carries the nonce of the answer before it`);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.match(r.headers.accept, /application\/json/);
  });
  // The cart the API returned (light included) is the widget's cart now.
  const addOns = await itemIds(page, '#ao');
  for (const id of [LIGHT, ...wanted]) assert.ok(!addOns.includes(id), `${id} is in the cart: ${addOns}`);
  assert.ok(addOns.includes(PLAN), `${addOns}`);
  const updated = await seen(page, 'xsell:cart-updated');
  assert.equal(updated.length, 1);
  assert.deepEqual(updated[0].detail, wanted.map((id) => ({ id, quantity: 1 })));
  const [analytics] = await seen(page, 'xsell:add_to_cart');
  assert.equal(analytics.detail.ecommerce.item_list_id, 'xsell_bought_together');
  assertClean(page);
  await page.context().close();
});

test('WooCommerce: an add-on, with a double click while the shop is slow, is added once', async () => {
  const page = await open('/woo.html');
  woo.delay = 400;
  await page.dblclick(addButton('#ao', PLAN));
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), 'true');
  assert.equal(await page.isDisabled(addButton('#ao', PLAN)), true);
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.deepEqual(woo.calls(), ['GET /wp-json/wc/store/v1/cart', 'POST /wp-json/wc/store/v1/cart/add-item']);
  assert.equal(woo.requests[1].headers.nonce, woo.nonces[0]);
  assert.equal(woo.lines.get(PLAN), 1);
  assertClean(page);
  await page.context().close();
});

test('WooCommerce: no nonce from the shop -> 401, the error shows; "Try again" succeeds once the shop sends one', async () => {
  const page = await open('/woo.html');
  woo.omitNonce = true;
  const clickedAt = Date.now();
  await page.click(addButton('#ao', PLAN));
  const alert = await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await alert.textContent(), /Could not add to cart\.\s*Missing the Nonce header\. This endpoint requires a valid nonce\./);
  assert.deepEqual(woo.calls(), ['GET /wp-json/wc/store/v1/cart', 'POST /wp-json/wc/store/v1/cart/add-item']);
  assert.equal(woo.requests[1].headers.nonce, undefined);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN), 'nothing lost');

  woo.omitNonce = false;
  await page.waitForTimeout(Math.max(0, 1100 - (Date.now() - clickedAt)));
  await page.click('#ao [data-xsell-action="retry"]');
  const done = await within(page, (id) => {
    const ao = document.querySelector('#ao');
    return !ao.querySelector(`[data-xsell-item="${id}"]`) && !ao.querySelector('[aria-busy="true"]');
  }, PLAN);
  assert.deepEqual(woo.calls().slice(2), ['GET /wp-json/wc/store/v1/cart', 'POST /wp-json/wc/store/v1/cart/add-item']);
  assert.deepEqual(woo.requests[3].json, { id: Number(PLAN), quantity: 1 });
  assert.equal(woo.requests[3].headers.nonce, woo.nonces[0]);
  assert.equal(woo.lines.get(PLAN), 1, 'the shop has the plan now');
  assert.equal(await page.$('#ao [role="alert"]'), null, 'the alert is gone');
  assert.ok(done, `the block follows the cart read back and is no longer busy; widget warnings: ${warnings(page)}`);
  assertClean(page, [httpFailure(401, '/wp-json/wc/store/v1/cart/add-item')]);
  await page.context().close();
});

test('WooCommerce: a stale nonce is refused (403) and the error shows', async () => {
  const page = await open('/woo.html');
  woo.expireNonceAfterGet = true;
  await page.click(addButton('#ao', PLAN));
  const alert = await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await alert.textContent(), /Could not add to cart\.\s*Nonce is invalid\./);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN));
  assert.equal(woo.lines.size, 0, 'nothing added');
  assertClean(page, [httpFailure(403, '/wp-json/wc/store/v1/cart/add-item')]);
  await page.context().close();
});

test('WooCommerce: a refused add-item shows the shop\'s message', async () => {
  const page = await open('/woo.html');
  woo.refuseNextAdd();
  await page.click(addButton('#ao', PLAN));
  const alert = await page.waitForSelector('#ao [role="alert"]');
  await settled(page);
  assert.match(await alert.textContent(), /Could not add to cart\.\s*You cannot add that amount to the cart — only 1 left in stock\./);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN));
  assertClean(page, [httpFailure(400, '/wp-json/wc/store/v1/cart/add-item')]);
  await page.context().close();
});

// ---------------------------------------------------------------- events

test('events adapter (default): no network request; the added items leave add-ons and post-purchase', async () => {
  const page = await open('/events.html');
  await page.waitForSelector('#pp [data-xsell-item]');
  const quiet = page.requested.length;
  const offers = await itemIds(page, '#pp');

  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  await page.click(addButton('#pp', offers[0]));
  await within(page, (id) => !document.querySelector(`#pp [data-xsell-item="${id}"]`), offers[0], 1000);
  await page.waitForTimeout(200); // time for any stray request to show

  assert.deepEqual(page.requested.slice(quiet), [], 'no request at all');
  assert.deepEqual([...shop.calls(), ...woo.calls()], []);
  const adds = await seen(page, 'xsell:add-to-cart');
  assert.deepEqual(adds.map((e) => [e.target, e.detail.block, e.detail.items]), [
    ['ao', 'add-ons', [{ id: PLAN, quantity: 1 }]],
    ['pp', 'post-purchase', [{ id: offers[0], quantity: 1 }]],
  ]);
  assert.deepEqual(await seen(page, 'xsell:cart-updated'), [], 'no cart was read');
  const analytics = await seen(page, 'xsell:add_to_cart');
  assert.deepEqual(analytics.map((p) => p.detail.ecommerce.item_list_id), ['xsell_add_ons', 'xsell_post_purchase']);
  assert.ok(!(await itemIds(page, '#pp')).includes(offers[0]), `${offers[0]} was added: it leaves the post-purchase block`);
  assertClean(page);
  await page.context().close();
});

test('events adapter: a listener that cancels xsell:add-to-cart keeps the item in the block', async () => {
  const page = await open('/events.html');
  await page.evaluate(() => document.addEventListener('xsell:add-to-cart', (e) => e.preventDefault()));
  const before = await itemIds(page, '#ao');
  const quiet = page.requested.length;
  await page.click(addButton('#ao', PLAN));
  await page.waitForTimeout(100);
  assert.deepEqual(await itemIds(page, '#ao'), before, 'the plan is still offered');
  assert.equal(await page.isDisabled(addButton('#ao', PLAN)), false, 'and can be added again');
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), null);
  assert.equal((await seen(page, 'xsell:add-to-cart')).length, 1);
  assert.deepEqual(await seen(page, 'xsell:add_to_cart'), [], 'no add_to_cart for a cancelled add');
  assert.deepEqual(await dataLayerEvents(page, 'add_to_cart'), []);
  assert.deepEqual(page.requested.slice(quiet), []);
  assertClean(page);
  await page.context().close();
});

test('events adapter: a listener hands its add over with e.waitUntil(); a refusal shows with "Try again", and nothing leaves the block', async () => {
  const page = await open('/events.html');
  // The shop's own cart script: refuses the first add, accepts the next and
  // answers with its cart lines (numeric quantities as strings, as some carts do).
  await page.evaluate(() => {
    let calls = 0;
    document.addEventListener('xsell:add-to-cart', (e) => {
      calls += 1;
      const first = calls === 1;
      e.waitUntil(
        new Promise((resolve, reject) =>
          setTimeout(() => (first ? reject(new Error('Out of stock in your region.')) : resolve([...e.detail.items, { id: 'X-1', quantity: '1' }])), 150),
        ),
      );
    });
  });
  await page.click(addButton('#ao', PLAN));
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), 'true', 'busy while the shop works');
  await settled(page);
  assert.match(await page.textContent('#ao [role="alert"]'), /Out of stock in your region\./);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN), 'a refused item stays offered');
  assert.deepEqual(await seen(page, 'xsell:add_to_cart'), [], 'analytics hear of no add');

  await page.click('#ao [data-xsell-action="retry"]');
  await gone(page, '#ao', PLAN);
  assert.equal(await page.$('#ao [role="alert"]'), null, 'the error is gone');
  const updates = await seen(page, 'xsell:cart-updated');
  assert.equal(updates.length, 1, 'the lines the listener resolved to became the cart');
  assert.equal((await seen(page, 'xsell:add_to_cart')).length, 1);
  assertClean(page);
  await page.context().close();
});

test('events adapter: a listener that throws does not make a done add look failed (no second add on "Try again")', async () => {
  const page = await open('/events.html');
  // The shop's cart takes the item; its analytics, in another listener,
  // call a function that is not there.
  await page.evaluate(() => {
    window.cart = [];
    document.addEventListener('xsell:add-to-cart', (e) => window.cart.push(...e.detail.items.map((i) => i.id)));
    document.addEventListener('xsell:add-to-cart', () => window.gtag('event', 'add'));
  });
  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  assert.equal(await page.$('#ao [role="alert"]'), null, 'no error shown');
  assert.deepEqual(await page.evaluate(() => window.cart), [PLAN], 'added once');
  assert.equal((await seen(page, 'xsell:add_to_cart')).length, 1);
  // The shop's own error, as the browser reports it; nothing else.
  assert.equal(page.errors.length, 1);
  assert.match(String(page.errors[0]), /gtag/);
  page.errors.length = 0;
  assertClean(page);
  await page.context().close();
});

test("an error shows the placeholder's own texts (data-label-add-failed, data-label-retry)", async () => {
  const page = await open('/events-labels.html');
  await page.evaluate(() => document.addEventListener('xsell:add-to-cart', (e) => e.waitUntil(Promise.reject(new Error('Nicht auf Lager.')))));
  await page.click(addButton('#ao', PLAN));
  await page.waitForSelector('#ao [role="alert"]');
  assert.match(await page.textContent('#ao [role="alert"] p'), /^Hat nicht geklappt: Nicht auf Lager\.$/);
  assert.equal((await page.textContent('#ao [data-xsell-action="retry"]')).trim(), 'Nochmal');
  assertClean(page);
  await page.context().close();
});

test('the adapter name is read as typed by a person: " Shopify " is shopify', async () => {
  const page = await open('/shopify-caps.html');
  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  assertClean(page);
  await page.context().close();
});

test('keyboard: focus stays on the pressed button while the shop works, and goes to "Try again" when it refuses', async () => {
  const page = await open('/shopify.html');
  shop.delay = 300;
  shop.refuseNextAdd();
  await page.focus(addButton('#ao', PLAN));
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#ao section', 'aria-busy'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-xsell-id')), PLAN, 'focus is not dropped to the page');
  await page.waitForSelector('#ao [role="alert"]');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-xsell-action')), 'retry');
  await page.keyboard.press('Enter');
  await gone(page, '#ao', PLAN);
  await settled(page);
  assert.ok(await page.evaluate(() => document.querySelector('#ao').contains(document.activeElement)), 'focus is still in the block after the redraw');
  assertClean(page, [httpFailure(422, '/cart/add.js')]);
  await page.context().close();
});

test('the tag pasted twice: one widget runs (one view_item_list per block, one window.xsell that knows the adds)', async () => {
  const page = await open('/twice.html');
  await page.waitForFunction(() => (window.dataLayer || []).some((d) => d.event === 'view_item_list'));
  await page.waitForTimeout(300);
  const views = await dataLayerEvents(page, 'view_item_list');
  assert.deepEqual(views.map((v) => v.ecommerce.item_list_id).sort(), ['xsell_add_ons', 'xsell_bought_together']);
  await page.click(addButton('#ao', PLAN));
  await gone(page, '#ao', PLAN);
  await page.evaluate(() => window.xsell.refresh());
  assert.ok(!(await itemIds(page, '#ao')).includes(PLAN), 'the added item stays out after refresh()');
  assert.deepEqual(shop.calls(), ['POST /cart/add.js', 'GET /cart.js']);
  assertClean(page);
  await page.context().close();
});

test("another script's data-index earlier on the page does not confuse the widget", async () => {
  const page = await open('/other-tag.html');
  assert.ok((await itemIds(page, '#ao')).length > 0);
  await page.context().close();
});

test('events adapter: every promise handed to e.waitUntil counts (two listeners, one refuses); an error body shows its description', async () => {
  const page = await open('/events.html');
  await page.evaluate(() => {
    document.addEventListener('xsell:add-to-cart', (e) => e.waitUntil(Promise.reject({ status: 422, description: 'Sold out.' })));
    document.addEventListener('xsell:add-to-cart', (e) => e.waitUntil(Promise.resolve()));
  });
  await page.click(addButton('#ao', PLAN));
  await page.waitForSelector('#ao [role="alert"]');
  assert.match(await page.textContent('#ao [role="alert"]'), /Could not add to cart\.\s*Sold out\./);
  assert.ok((await itemIds(page, '#ao')).includes(PLAN), 'nothing left the block');
  assert.deepEqual(await seen(page, 'xsell:add_to_cart'), []);
  assertClean(page);
  await page.context().close();
});
