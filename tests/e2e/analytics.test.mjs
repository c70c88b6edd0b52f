// Analytics and holdout on the fixture gear shop (tests/e2e/gear-store/):
// GA4-style dataLayer pushes (view_item_list once per block drawn and at
// least half seen, select_item, add_to_cart), the same objects as DOM
// events, data-analytics="off", and the A/B holdout (data-holdout).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, itemIds, widgetSettled } from './lib/browser.mjs';
import { bucket, clean, dataLayer, frames, gearSite, page, products, seenOf } from './gear-store/shop.mjs';

let browser, server;

const PAGES = {
  // Bought together at the top, add-ons far below.
  'scroll.html': page({
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="spacer" style="height: 3000px"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>
      <div style="height: 3000px"></div>`,
  }),
  // A block taller than two views (a long add-ons list on a phone): half
  // of it is never in view at once.
  'tall.html': page({
    body: `<div style="height: 3000px"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1" style="min-height: 5000px"></div>
      <div style="height: 3000px"></div>`,
  }),
  'product.html': page({
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  // A page that has its own dataLayer before the widget (as with GTM).
  'gtm.html': page({
    head: `<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ event: 'gtm.js' });</script>`,
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  'custom-heading.html': page({
    body: `<div id="ao" data-xsell="add-ons" data-cart="TN-1:1" data-label-heading="Before you head out"></div>`,
  }),
  'off.html': page({
    script: 'data-analytics="off"',
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  'holdout-all.html': page({
    script: 'data-holdout="1"',
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="up" data-xsell="upgrade" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>
      <div id="pp" data-xsell="post-purchase" data-order="TN-1"></div>`,
  }),
  'holdout-tiny.html': page({
    script: 'data-holdout="0.000001"',
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  'holdout-half.html': page({
    script: 'data-holdout="0.5"',
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  'blank.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body></body></html>',
};

before(async () => {
  server = await gearSite('gear-analytics', PAGES);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the shop in a fresh context, failing fast. */
async function open(path) {
  const p = await openPage(browser, `${server.url}${path}`);
  p.setDefaultTimeout(8000);
  return p;
}

/** The GA4 item the widget should report for `id` at `index` in a list. */
function expectedItem(id, index, listId, listName, quantity = 1) {
  const p = products[id];
  return {
    item_id: id,
    item_name: p.title,
    price: p.price,
    currency: p.currency,
    index,
    quantity,
    item_list_id: listId,
    item_list_name: listName,
  };
}

/** Waits for a DOM event of `type` (for the list `listId`, if given). */
function waitForDom(p, type, listId) {
  return p.waitForFunction(
    ([t, l]) => window.seen.some((e) => e.type === t && (!l || e.detail.ecommerce.item_list_id === l)),
    [type, listId],
  );
}

/** Entries of the dataLayer whose event is `name`, with where they sit. */
function eventsIn(layer, name) {
  return layer.map((entry, at) => ({ entry, at })).filter(({ entry }) => entry && entry.event === name);
}

test('view_item_list: once per block, when it is seen, with the drawn items in order', async () => {
  const p = await open('/scroll.html');
  assert.equal(await widgetSettled(p), true);
  await waitForDom(p, 'xsell:view_item_list');
  await frames(p);

  // Only the block in view is reported.
  let layer = await dataLayer(p);
  let views = eventsIn(layer, 'view_item_list');
  assert.equal(views.length, 1, `one view_item_list after load: ${JSON.stringify(layer)}`);
  const { entry: bt, at } = views[0];
  assert.ok(at > 0, 'preceded by something');
  assert.deepEqual(layer[at - 1], { ecommerce: null }, 'GA4: ecommerce cleared first');
  const btHeading = await p.textContent('#bt .xsell__heading');
  const btIds = await itemIds(p, '#bt');
  assert.ok(btIds.length >= 2, `bought together drew items: ${btIds}`);
  assert.equal(bt.ecommerce.item_list_id, 'xsell_bought_together');
  assert.equal(bt.ecommerce.item_list_name, btHeading);
  assert.equal(bt.ecommerce.currency, 'USD');
  assert.equal('value' in bt.ecommerce, false, 'no value on view_item_list');
  assert.deepEqual(
    bt.ecommerce.items,
    btIds.map((id, i) => expectedItem(id, i, 'xsell_bought_together', btHeading)),
  );

  // The add-ons block, once scrolled into view.
  await p.locator('#ao').scrollIntoViewIfNeeded();
  await waitForDom(p, 'xsell:view_item_list', 'xsell_add_ons');
  await frames(p);
  layer = await dataLayer(p);
  views = eventsIn(layer, 'view_item_list');
  assert.equal(views.length, 2, `one more view_item_list in the dataLayer: ${JSON.stringify(layer.map((e) => e.event ?? e))}`);
  const { entry: ao, at: aoAt } = views[1];
  assert.deepEqual(layer[aoAt - 1], { ecommerce: null });
  const aoHeading = await p.textContent('#ao .xsell__heading');
  const aoIds = await itemIds(p, '#ao');
  assert.ok(aoIds.length >= 1, `add-ons drew items: ${aoIds}`);
  assert.equal(ao.ecommerce.item_list_id, 'xsell_add_ons');
  assert.equal(ao.ecommerce.item_list_name, aoHeading);
  assert.deepEqual(
    ao.ecommerce.items,
    aoIds.map((id, i) => expectedItem(id, i, 'xsell_add_ons', aoHeading)),
  );

  // Away and back: the same drawings, nothing new.
  await p.evaluate(() => window.scrollTo(0, 0));
  await frames(p);
  await p.locator('#ao').scrollIntoViewIfNeeded();
  await frames(p);
  await p.evaluate(() => window.scrollTo(0, 0));
  await frames(p);
  const finalLayer = await dataLayer(p);
  assert.equal(eventsIn(finalLayer, 'view_item_list').length, 2, 'scrolling again reports nothing more');
  assert.equal(finalLayer.length, layer.length, `no other push: ${JSON.stringify(finalLayer.slice(layer.length))}`);

  // The same objects as DOM events on the placeholders.
  const domViews = await seenOf(p, 'xsell:view_item_list');
  assert.deepEqual(domViews, [bt, ao]);
  clean(p, assert);
});

test('view_item_list: a block taller than the view counts once half the view shows it', async () => {
  const p = await open('/tall.html');
  assert.equal(await widgetSettled(p), true);
  await frames(p);
  assert.equal(eventsIn(await dataLayer(p), 'view_item_list').length, 0, 'not seen yet');
  // Its top edge peeking in is not a view...
  await p.evaluate(() => window.scrollTo(0, document.getElementById('ao').offsetTop - innerHeight + 100));
  await frames(p);
  assert.equal(eventsIn(await dataLayer(p), 'view_item_list').length, 0, '100 px in view is not seen');
  // ...filling the view is.
  await p.evaluate(() => window.scrollTo(0, document.getElementById('ao').offsetTop + 1000));
  await waitForDom(p, 'xsell:view_item_list', 'xsell_add_ons');
  assert.equal(eventsIn(await dataLayer(p), 'view_item_list').length, 1);
  clean(p, assert);
});

test("pushes go to the page's own dataLayer when it has one", async () => {
  const p = await open('/gtm.html');
  assert.equal(await widgetSettled(p), true);
  await p.waitForFunction(() => window.seen.filter((e) => e.type === 'xsell:view_item_list').length >= 2);
  await p.click('#ao [data-xsell-item="HL"] [data-xsell-action="add"]');
  await p.waitForFunction(() => window.seen.some((e) => e.type === 'xsell:add_to_cart'));
  await frames(p);
  const layer = await dataLayer(p);
  assert.deepEqual(layer[0], { event: 'gtm.js' }, "the page's own entry stays first");
  const dom = (await p.evaluate(() => window.seen)).filter((e) => e.type !== 'xsell:add-to-cart').map((e) => e.detail);
  const pushed = layer.filter((e) => e.event && e.event !== 'gtm.js');
  const names = (list) => list.map((e) => `${e.event}:${e.ecommerce.item_list_id}`);
  assert.deepEqual(names(pushed), names(dom), 'every DOM event was also pushed to the page\'s dataLayer');
  assert.deepEqual(pushed, dom);
  assert.equal(layer.filter((e) => e.ecommerce === null).length, dom.length, 'each preceded by {ecommerce: null}');
  clean(p, assert);
});

test('view_item_list names a block by its own heading (data-label-heading)', async () => {
  const p = await open('/custom-heading.html');
  assert.equal(await widgetSettled(p), true);
  await waitForDom(p, 'xsell:view_item_list');
  const heading = await p.textContent('#ao .xsell__heading');
  assert.equal(heading, 'Before you head out');
  const [{ entry }] = eventsIn(await dataLayer(p), 'view_item_list');
  assert.equal(entry.ecommerce.item_list_name, heading, 'item_list_name is the heading text shown');
  for (const item of entry.ecommerce.items) assert.equal(item.item_list_name, heading);
  clean(p, assert);
});

test('select_item when a product link in a block is followed', async () => {
  const p = await open('/product.html');
  assert.equal(await widgetSettled(p), true);
  await p.waitForSelector('#bt [data-xsell-item="HL"] a.xsell__name');
  const heading = await p.textContent('#bt .xsell__heading');
  await p.click('#bt [data-xsell-item="HL"] a.xsell__name');
  await waitForDom(p, 'xsell:select_item');
  await frames(p, 100);
  assert.equal(new URL(p.url()).pathname, '/product.html', 'the test page kept us here');
  const layer = await dataLayer(p);
  const selects = eventsIn(layer, 'select_item');
  assert.equal(selects.length, 1, `one select_item in the dataLayer: ${JSON.stringify(layer.map((e) => e.event ?? e))}`);
  const { entry, at } = selects[0];
  assert.deepEqual(layer[at - 1], { ecommerce: null });
  assert.deepEqual(entry, {
    event: 'select_item',
    ecommerce: {
      item_list_id: 'xsell_bought_together',
      item_list_name: heading,
      items: [expectedItem('HL', 0, 'xsell_bought_together', heading)],
      currency: 'USD',
    },
  });
  assert.deepEqual(await seenOf(p, 'xsell:select_item'), [entry]);
  clean(p, assert);
});

test('add_to_cart after "Add to cart", with value and currency', async () => {
  const p = await open('/product.html');
  assert.equal(await widgetSettled(p), true);
  await p.waitForSelector('#ao [data-xsell-item="HL"] [data-xsell-action="add"]');
  const heading = await p.textContent('#ao .xsell__heading');
  await p.click('#ao [data-xsell-item="HL"] [data-xsell-action="add"]');
  await waitForDom(p, 'xsell:add_to_cart');
  await frames(p, 100);
  const layer = await dataLayer(p);
  const adds = eventsIn(layer, 'add_to_cart');
  assert.equal(adds.length, 1, `one add_to_cart in the dataLayer: ${JSON.stringify(layer.map((e) => e.event ?? e))}`);
  const { entry, at } = adds[0];
  assert.deepEqual(layer[at - 1], { ecommerce: null });
  assert.deepEqual(entry, {
    event: 'add_to_cart',
    ecommerce: {
      item_list_id: 'xsell_add_ons',
      item_list_name: heading,
      items: [expectedItem('HL', 0, 'xsell_add_ons', heading)],
      currency: 'USD',
      value: products.HL.price,
    },
  });
  assert.deepEqual(await seenOf(p, 'xsell:add_to_cart'), [entry]);
  // The add itself went out first as the cart event.
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [{ block: 'add-ons', items: [{ id: 'HL', quantity: 1 }] }]);
  clean(p, assert);
});

test('data-analytics="off": nothing in the dataLayer, DOM events still fire', async () => {
  const p = await open('/off.html');
  assert.equal(await widgetSettled(p), true);
  const listIds = () =>
    p.evaluate(() => [...new Set(window.seen.filter((e) => e.type === 'xsell:view_item_list').map((e) => e.detail.ecommerce.item_list_id))].sort());
  await p.waitForFunction(() => window.seen.filter((e) => e.type === 'xsell:view_item_list').length >= 2);
  assert.deepEqual(await listIds(), ['xsell_add_ons', 'xsell_bought_together']);
  await p.click('#bt [data-xsell-item] a.xsell__name');
  await p.waitForFunction(() => window.seen.some((e) => e.type === 'xsell:select_item'));
  await p.click('#ao [data-xsell-action="add"]');
  await p.waitForFunction(() => window.seen.some((e) => e.type === 'xsell:add_to_cart'));
  await frames(p);
  const [add] = await seenOf(p, 'xsell:add_to_cart');
  assert.equal(add.event, 'add_to_cart');
  assert.equal(add.ecommerce.item_list_id, 'xsell_add_ons');
  assert.equal(typeof add.ecommerce.value, 'number');
  assert.equal(add.ecommerce.currency, 'USD');
  const [select] = await seenOf(p, 'xsell:select_item');
  assert.equal(select.ecommerce.item_list_id, 'xsell_bought_together');
  assert.equal(await p.evaluate(() => window.dataLayer), undefined, 'no dataLayer pushes (none created either)');
  clean(p, assert);
});

/** A fresh visitor page whose localStorage visitor id is `id` (or none). */
async function visit(path, id) {
  const p = await openPage(browser);
  p.setDefaultTimeout(8000);
  if (id !== undefined) {
    await p.goto(`${server.url}/blank.html`);
    await p.evaluate((v) => localStorage.setItem('xsell:visitor', v), id);
  }
  await p.goto(`${server.url}${path}`);
  await widgetSettled(p);
  return p;
}

const exposures = async (p) => eventsIn(await dataLayer(p), 'xsell_exposure').map((e) => e.entry);
const states = (p) => p.$$eval('[data-xsell]', (els) => els.map((e) => e.getAttribute('data-xsell-state')));

/** Ids whose bucket falls below / at or above 0.5, found deterministically. */
function visitorIds() {
  let low, high;
  for (let k = 0; !(low && high); k++) {
    const id = `gear-visitor-${k}`;
    if (bucket(id) < 0.5) low ??= id;
    else high ??= id;
  }
  return { low, high };
}

test('holdout 1: every placeholder held out, no block, one exposure', async () => {
  const p = await visit('/holdout-all.html');
  await frames(p);
  assert.deepEqual(await states(p), ['holdout', 'holdout', 'holdout', 'holdout']);
  assert.equal(await p.$$eval('[data-xsell] *', (els) => els.length), 0, 'no block drawn');
  assert.deepEqual(await p.$$eval('[data-xsell]', (els) => els.map((e) => getComputedStyle(e).display)), ['none', 'none', 'none', 'none']);
  assert.deepEqual(await exposures(p), [{ event: 'xsell_exposure', xsell_group: 'holdout', xsell_holdout: 1 }]);
  assert.deepEqual(await seenOf(p, 'xsell:exposure'), [{ event: 'xsell_exposure', xsell_group: 'holdout', xsell_holdout: 1 }]);
  assert.equal(eventsIn(await dataLayer(p), 'view_item_list').length, 0);
  clean(p, assert);
});

test('holdout 0.000001: blocks drawn, exposure "shown"', async () => {
  const id = 'gear-visitor-shown';
  assert.ok(bucket(id) >= 0.000001, 'this visitor is in the shown group');
  const p = await visit('/holdout-tiny.html', id);
  await p.waitForSelector('#bt [data-xsell-item]');
  assert.deepEqual(await states(p), ['ready', 'ready']);
  assert.ok((await itemIds(p, '#ao')).length > 0);
  assert.deepEqual(await exposures(p), [{ event: 'xsell_exposure', xsell_group: 'shown', xsell_holdout: 0.000001 }]);
  assert.deepEqual(await seenOf(p, 'xsell:exposure'), [{ event: 'xsell_exposure', xsell_group: 'shown', xsell_holdout: 0.000001 }]);
  clean(p, assert);
});

test('the holdout group is stable across reloads', async () => {
  const p = await visit('/holdout-half.html');
  const visitor = await p.evaluate(() => localStorage.getItem('xsell:visitor'));
  assert.ok(visitor, 'a visitor id is kept in localStorage');
  const [first] = await exposures(p);
  const group = first.xsell_group;
  assert.equal(group, bucket(visitor) < 0.5 ? 'holdout' : 'shown', `group of ${visitor}`);
  for (let i = 0; i < 2; i++) {
    await p.reload();
    await widgetSettled(p);
    assert.equal(await p.evaluate(() => localStorage.getItem('xsell:visitor')), visitor, 'same visitor id');
    const again = await exposures(p);
    assert.equal(again.length, 1, 'one exposure per page view');
    assert.equal(again[0].xsell_group, group);
    assert.deepEqual(await states(p), group === 'holdout' ? ['holdout', 'holdout'] : ['ready', 'ready']);
  }
  clean(p, assert);
});

test('a preset visitor id lands in the group its FNV-1a bucket says (share 0.5)', async () => {
  const { low, high } = visitorIds();
  for (const [id, group] of [
    [low, 'holdout'],
    [high, 'shown'],
  ]) {
    const p = await visit('/holdout-half.html', id);
    await frames(p, 100);
    assert.deepEqual(await exposures(p), [{ event: 'xsell_exposure', xsell_group: group, xsell_holdout: 0.5 }], `${id}: bucket ${bucket(id)}`);
    assert.deepEqual(await states(p), group === 'holdout' ? ['holdout', 'holdout'] : ['ready', 'ready'], id);
    assert.equal(await p.evaluate(() => localStorage.getItem('xsell:visitor')), id, 'the preset id is kept');
    clean(p, assert);
    await p.context().close();
  }
});
