// A shop owner's setup mistakes get one console line each, saying what is
// wrong, and break nothing else: a misspelt block name, an unknown cart
// adapter or label, a product the index does not know; the page API's
// setCart and setLabels say false (and why) when they cannot do it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';
import { clean, gearSite, page } from './gear-store/shop.mjs';

let browser, server;

const PAGES = {
  'mistakes.html': page({
    script: 'data-cart-adapter="shopfy" data-label-heading-upgrad="Go premium"',
    body: `<div id="typo" data-xsell="bought_together" data-product="TN-1"></div>
      <div id="new" data-xsell="bought-together" data-product="TN-9"></div>
      <div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>`,
  }),
  // A cart written with semicolons, an order with a decimal quantity.
  'lists.html': page({
    body: `<div id="ao" data-xsell="add-ons" data-cart="TN-1;HL"></div>
      <div id="pp" data-xsell="post-purchase" data-order="TN-1:1.5"></div>`,
  }),
  'api.html': page({ body: `<div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>` }),
};

before(async () => {
  server = await gearSite('gear-mistakes', PAGES);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ours = (page, type) => messagesOf(page, type).filter((m) => m.startsWith('xsell:'));

test('a cart or order list the index cannot read: the note names what it got and how to write it', async () => {
  const p = await openPage(browser, `${server.url}/lists.html`);
  assert.equal(await widgetSettled(p), true);
  assert.deepEqual(ours(p, 'info').sort(), [
    'xsell: no product "TN-1:1.5" in the index (ids: A,B:2)',
    'xsell: no product "TN-1;HL" in the index (ids: A,B:2)',
  ]);
  assert.equal(await p.getAttribute('#ao', 'data-xsell-state'), 'empty');
  clean(p, assert);
});

test('setup mistakes: one console line each, and the rest of the page works', async () => {
  const p = await openPage(browser, `${server.url}/mistakes.html`);
  assert.equal(await widgetSettled(p), true);
  assert.deepEqual(ours(p, 'warning').sort(), [
    'xsell: data-cart-adapter: no adapter shopfy; adds are events only',
    'xsell: data-label: no label HeadingUpgrad',
    'xsell: data-xsell="bought_together" is not a block: use bought-together, upgrade, add-ons or post-purchase',
  ]);
  // A product newer than the index is not a mistake: a note, not a warning.
  assert.deepEqual(ours(p, 'info'), ['xsell: no product "TN-9" in the index (ids: A,B:2)']);
  assert.equal(await p.getAttribute('#typo', 'data-xsell-state'), 'error');
  assert.equal(await p.getAttribute('#new', 'data-xsell-state'), 'empty');
  assert.ok((await itemIds(p, '#bt')).length >= 2, 'the good blocks render');
  assert.ok((await itemIds(p, '#ao')).length >= 2);
  // Said once, however often the page redraws.
  await p.evaluate(() => window.xsell.refresh());
  await p.evaluate(() => window.xsell.setCart(['TN-2']));
  assert.equal(ours(p, 'warning').length, 3);
  assert.equal(ours(p, 'info').length, 1);
  clean(p, assert);
  await p.context().close();
});

test('setCart takes numeric ids (as Shopify gives them) and refuses unreadable lines with false', async () => {
  const p = await openPage(browser, `${server.url}/api.html`);
  assert.equal(await widgetSettled(p), true);
  const setCart = (lines) => p.evaluate((l) => window.xsell.setCart(l), lines);
  const headings = () => p.$$eval('[data-xsell] h2', (hs) => hs.map((h) => h.textContent));

  // The fixture's ids are not numbers, but a numeric id must be read as
  // its digits: an unknown product, so the cart has nothing to offer for.
  assert.equal(await setCart([{ id: 40123456789, quantity: 1 }]), true);
  assert.equal(await p.getAttribute('#ao', 'data-xsell-state'), 'empty');
  assert.equal(await setCart([{ id: 'TN-1', quantity: '2' }]), true, 'a quantity as text');
  assert.equal(await p.getAttribute('#ao', 'data-xsell-state'), 'ready');

  assert.equal(await setCart([{ id: 'TN-1', quantity: 'x' }]), false);
  assert.equal(await setCart([{ quantity: 1 }]), false);
  assert.equal(await setCart('TN-1'), false);
  assert.deepEqual(ours(p, 'warning'), [
    'xsell: setCart: line 0 (TN-1): quantity is not a number',
    'xsell: setCart: line 0 has no id, as in [{id: "SKU-1", quantity: 1}] or ["SKU-1"]',
    'xsell: setCart expects an array, as in [{id: "SKU-1", quantity: 1}] or ["SKU-1"]',
  ]);
  assert.equal(await p.getAttribute('#ao', 'data-xsell-state'), 'ready', 'a refused cart changes nothing');

  // setLabels: dataset or attribute form; unknown keys are said, the rest applied.
  assert.equal(await p.evaluate(() => window.xsell.setLabels({ 'heading-add-ons': 'You may also need' })), true);
  assert.deepEqual(await headings(), ['You may also need']);
  assert.equal(await p.evaluate(() => window.xsell.setLabels({ Nope: 'x', HeadingAddOns: 'Extras' })), false);
  assert.deepEqual(await headings(), ['Extras']);
  assert.equal(ours(p, 'warning').at(-1), 'xsell: setLabels: no label Nope');
  clean(p, assert);
  await p.context().close();
});
