// The blocks on the fixture gear shop (tests/e2e/gear-store/), built by the
// real CLI and drawn by the real widget: bought-together ticks, totals,
// bundle saving and variants; the upgrade comparison; a post-purchase
// countdown; add-ons following the cart; product detection from JSON-LD;
// recently viewed products; merchandising from the page and the catalog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, itemIds, widgetSettled } from './lib/browser.mjs';
import { tempDir } from './lib/site.mjs';
import { clean, gearIndex, gearSite, page, products, seenOf } from './gear-store/shop.mjs';

let browser, server;

const jsonLd = (data) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const productBlocks = (id) => `<div id="bt" data-xsell="bought-together" data-product="${id}"></div>
  <div id="up" data-xsell="upgrade" data-product="${id}"></div>`;

const PAGES = {
  'tn1.html': page({ body: productBlocks('TN-1') }),
  'tn2.html': page({ body: productBlocks('TN-2') }),
  // The same product page in a German shop: prices as de-DE writes them.
  'tn1-de.html': page({ lang: 'de-DE', body: productBlocks('TN-1') }),
  'thanks.html': page({
    body: `<div id="pp" data-xsell="post-purchase" data-order="TN-1" data-discount="10" data-countdown="3"></div>`,
  }),
  // A pinned offer with variants priced apart (the sleeping bag's Long).
  'thanks-bag.html': page({
    body: `<div id="pp" data-xsell="post-purchase" data-order="TN-1" data-pin="SB-1" data-discount="10" data-countdown="60"></div>`,
  }),
  'thanks-plain.html': page({ body: `<div id="pp" data-xsell="post-purchase" data-order="TN-1"></div>` }),
  'cart.html': page({ body: `<div id="ao" data-xsell="add-ons" data-cart="TN-1:1"></div>` }),
  // Product detection: no data-product, the page's JSON-LD says.
  'ld-sku.html': page({
    head: jsonLd({ '@context': 'https://schema.org', '@type': 'Product', name: 'Trail 1 tent', sku: 'TN-1' }),
    body: `<div id="bt" data-xsell="bought-together"></div><div id="up" data-xsell="upgrade"></div>`,
  }),
  'ld-graph.html': page({
    head: jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Gear shop', url: '/' },
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': 'Product', name: 'Trail 2 tent', sku: 'TN-2', offers: { '@type': 'Offer', price: '300.00' } },
      ],
    }),
    body: `<div id="bt" data-xsell="bought-together"></div><div id="up" data-xsell="upgrade"></div>`,
  }),
  'ld-productid.html': page({
    head: jsonLd({ '@context': 'https://schema.org', '@type': 'Product', name: 'Trail tent footprint', productID: 'FP' }),
    body: `<div id="bt" data-xsell="bought-together"></div>`,
  }),
  // Google's markup for a product with variants: a ProductGroup.
  'ld-group.html': page({
    head: jsonLd({
      '@context': 'https://schema.org',
      '@type': 'ProductGroup',
      name: 'Trail 1 tent',
      productGroupID: 'TN-1',
      variesBy: ['https://schema.org/color'],
      hasVariant: [{ '@type': 'Product', sku: 'TN-1-GRN', name: 'Trail 1 tent, green' }],
    }),
    body: `<div id="bt" data-xsell="bought-together"></div>`,
  }),
  'fp.html': page({ body: `<div id="bt" data-xsell="bought-together" data-product="FP"></div>` }),
  // Recently viewed: a cart whose own add-ons list is short (HL: just MUG).
  'cart-hl.html': page({ body: `<div id="ao" data-xsell="add-ons" data-cart="HL:1"></div>` }),
  // A one-item add-ons block, and the page's next control far below.
  'cart-far.html': page({
    script: 'data-recently-viewed="off"',
    body: `<div id="ao" data-xsell="add-ons" data-cart="HL:1"></div>
      <div style="height: 3000px"></div><a id="far" href="#imprint">Imprint</a>`,
  }),
  'cart-hl-off.html': page({
    script: 'data-recently-viewed="off"',
    body: `<div id="ao" data-xsell="add-ons" data-cart="HL:1"></div>`,
  }),
  'tn1-off.html': page({ script: 'data-recently-viewed="off"', body: productBlocks('TN-1') }),
  // Merchandising from the page.
  'merch-tn1.html': page({
    body: `<div id="plain" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="pin" data-xsell="bought-together" data-product="TN-1" data-pin="MUG"></div>
      <div id="exclude" data-xsell="bought-together" data-product="TN-1" data-exclude="HL"></div>
      <div id="limit" data-xsell="bought-together" data-product="TN-1" data-limit="1"></div>`,
  }),
  'merch-sb1.html': page({
    body: `<div id="plain" data-xsell="bought-together" data-product="SB-1"></div>
      <div id="ratio" data-xsell="bought-together" data-product="SB-1" data-max-price-ratio="1"></div>`,
  }),
  // Merchandising from the catalog (TN-3: pin MUG, exclude ST) and the CLI.
  'tn3.html': page({ body: `<div id="bt" data-xsell="bought-together" data-product="TN-3"></div>` }),
  'limited.html': page({
    index: '/xsell/limited.json',
    body: `<div id="bt" data-xsell="bought-together" data-product="TN-1"></div>
      <div id="bt3" data-xsell="bought-together" data-product="TN-1" data-limit="3"></div>`,
  }),
};

before(async () => {
  const limited = gearIndex(tempDir('gear-limited'), ['--limit', 'bought-together=2']);
  server = await gearSite('gear-blocks', PAGES, [['/xsell/limited.json', limited]]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the shop in a fresh context (fresh storage) and waits for the widget. */
async function open(path, context) {
  let p;
  if (context) {
    p = await context.newPage();
    p.messages = [];
    p.errors = [];
    p.on('console', (m) => p.messages.push({ type: m.type(), text: m.text() }));
    p.on('pageerror', (e) => p.errors.push(String(e)));
    await p.goto(`${server.url}${path}`);
  } else {
    p = await openPage(browser, `${server.url}${path}`);
  }
  p.setDefaultTimeout(8000);
  assert.equal(await widgetSettled(p), true, `the widget started on ${path}`);
  return p;
}

/** `amount` as the page's Intl writes it for `locale`. */
const money = (p, locale, amount, currency = 'USD') =>
  p.evaluate(([l, a, c]) => new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(a), [locale, amount, currency]);

/** What adding `id` from a block adds: the variant picked for it, if it has a picker. */
const addedId = (p, block, id) =>
  p.$eval(block, (b, id) => b.querySelector(`select[data-xsell-variant-of="${id}"]`)?.value ?? id, id);
const text = (p, selector) => p.$eval(selector, (e) => e.textContent);
const origins = (p, selector) =>
  p.$$eval(`${selector} [data-xsell-item]`, (els) => els.map((e) => [e.getAttribute('data-xsell-item'), e.getAttribute('data-xsell-origin')]));

test('bought together: ticks, live total, bundle saving, variants, one add event', async () => {
  const p = await open('/tn1-de.html');
  const BT = '#bt';
  const ids = await itemIds(p, BT);
  assert.deepEqual(await p.$$eval(`${BT} [data-xsell-anchor]`, (els) => els.map((e) => e.getAttribute('data-xsell-anchor'))), ['TN-1']);
  assert.ok(ids.includes('SB-1') && ids.includes('FP'), `the bundle's partners are shown: ${ids}`);
  const extra = ids.find((id) => id !== 'SB-1' && id !== 'FP');
  assert.ok(extra, `one item outside the bundle: ${ids}`);
  assert.ok(await p.$(`${BT} p.xsell__bundle`), 'the bundle note shows');
  // Numbers as German writes them: "10 %" in the bundle note, "4,4" stars.
  assert.match(await p.textContent(`${BT} p.xsell__bundle`), /\b10\s%/);
  assert.equal((await p.textContent(`${BT} [data-xsell-item="SB-1"] .xsell__rating [aria-hidden]`)).trim(), '★ 4,4');

  // Everything starts ticked, the sleeping bag on its first variant in stock.
  const ticks = await p.$$eval(`${BT} input.xsell__tick[type=checkbox]`, (els) => els.map((e) => [e.getAttribute('data-xsell-tick'), e.checked]));
  assert.deepEqual(ticks, ['TN-1', ...ids].map((id) => [id, true]));
  const picker = `${BT} select.xsell__variant[data-xsell-variant-of="SB-1"]`;
  const options = await p.$$eval(`${picker} option`, (els) => els.map((o) => [o.value, o.textContent, o.disabled]));
  assert.deepEqual(options, [
    ['SB-1-R', 'Regular', false],
    ['SB-1-L', 'Long', false],
    ['SB-1-XL', 'Extra long', true],
  ]);
  assert.equal(await p.$eval(picker, (s) => s.value), 'SB-1-R');

  const price = (id) => (id === 'SB-1' ? products['SB-1-R'].price : products[id].price);
  const expectTotals = async (ticked, { bag = 'SB-1-R', saving }) => {
    const priceOf = (id) => (id === 'SB-1' ? products[bag].price : price(id));
    const sum = ticked.reduce((s, id) => s + priceOf(id), 0);
    const whole = ['TN-1', 'SB-1', 'FP'].every((id) => ticked.includes(id));
    assert.equal(whole, saving, 'test data: the saving shows exactly when the whole bundle is ticked');
    const off = whole ? Math.round((priceOf('TN-1') + priceOf('SB-1') + priceOf('FP')) * 10) / 100 : 0;
    assert.equal(await text(p, `${BT} .xsell__total-amount`), await money(p, 'de-DE', sum - off), `total of ${ticked}`);
    assert.equal(await p.$eval(`${BT} .xsell__saving`, (e) => e.hidden), !whole, 'saving shown only for the whole bundle');
    if (whole) assert.equal(await text(p, `${BT} .xsell__saving-amount`), await money(p, 'de-DE', off), '10% of the bundle');
  };

  // The whole bundle (and the extra item): 10% off the bundle's three.
  await expectTotals(['TN-1', ...ids], { saving: true });
  assert.equal(await text(p, `${BT} .xsell__total-amount`), await money(p, 'de-DE', 200 + 120 + 40 + products[extra].price - 36));

  // The total is announced whole ("Total: ..."), with real spaces.
  const total = `${BT} p.xsell__total`;
  assert.equal(await p.getAttribute(total, 'aria-live'), 'polite');
  assert.equal(await p.getAttribute(total, 'aria-atomic'), 'true');
  assert.match(await p.$eval(total, (e) => e.textContent), /^\S.*\s\S*\d.*\s\S.*\s\S*\d/);

  // Untick the item outside the bundle: the total drops by its price.
  await p.uncheck(`${BT} input[data-xsell-tick="${extra}"]`);
  await expectTotals(['TN-1', 'SB-1', 'FP'], { saving: true });
  // Untick a bundle partner: no saving any more.
  await p.uncheck(`${BT} input[data-xsell-tick="FP"]`);
  await expectTotals(['TN-1', 'SB-1'], { saving: false });
  await p.check(`${BT} input[data-xsell-tick="FP"]`);
  await expectTotals(['TN-1', 'SB-1', 'FP'], { saving: true });
  // Nothing ticked: no "Total:" without an amount, and nothing to add.
  const all = await p.$$(`${BT} input.xsell__tick:checked`);
  for (const box of all) await box.uncheck();
  assert.equal(await p.$eval(total, (e) => e.hidden), true);
  assert.equal(await p.isDisabled(`${BT} [data-xsell-action="add-selected"]`), true);
  for (const box of all) await box.check();

  // Another variant: its price on its line, and in the total.
  assert.equal(await text(p, `${BT} [data-xsell-item="SB-1"] .xsell__price`), await money(p, 'de-DE', 120));
  await p.selectOption(picker, 'SB-1-L');
  assert.equal(await text(p, `${BT} [data-xsell-item="SB-1"] .xsell__price`), await money(p, 'de-DE', 135));
  await expectTotals(['TN-1', 'SB-1', 'FP'], { bag: 'SB-1-L', saving: true });

  // One event with every ticked item, the chosen variant for the bag.
  await p.click(`${BT} [data-xsell-action="add-selected"]`);
  const events = await seenOf(p, 'xsell:add-to-cart');
  const expected = ['TN-1', ...ids]
    .filter((id) => id !== extra)
    .map((id) => ({ id: id === 'SB-1' ? 'SB-1-L' : id, quantity: 1 }));
  assert.deepEqual(events, [{ block: 'bought-together', items: expected }]);
  clean(p, assert);
});

test('upgrade: price difference, comparison of what differs, "Choose this instead"', async () => {
  const p = await open('/tn1.html');
  assert.deepEqual(await itemIds(p, '#up'), ['TN-2']);
  assert.equal(await text(p, '#up .xsell__difference'), '+$100.00');
  const table = '#up table.xsell__compare';
  assert.deepEqual(await p.$$eval(`${table} thead th`, (els) => els.map((e) => [e.textContent, e.getAttribute('scope')])), [
    ['Feature', 'col'],
    ['Trail 1 tent', 'col'],
    ['Trail 2 tent', 'col'],
  ]);
  const rows = await p.$$eval(`${table} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.tagName === 'TH' ? `${c.textContent}|${c.getAttribute('scope')}` : c.textContent))),
  );
  // Seasons (3) and Doors (1) are the same for both: not listed.
  assert.deepEqual(rows, [
    ['Capacity|row', '1 person', '2 persons'],
    ['Weight|row', '2.1 kg', '1.6 kg'],
  ]);
  await p.click('#up [data-xsell-action="upgrade"][data-xsell-id="TN-2"]');
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [
    { block: 'upgrade', items: [{ id: 'TN-2', quantity: 1 }], from: 'TN-1', to: 'TN-2' },
  ]);
  clean(p, assert);

  // One step up: TN-2 -> TN-3 differ in weight, seasons and doors only.
  const q = await open('/tn2.html');
  assert.deepEqual(await itemIds(q, '#up'), ['TN-3']);
  assert.equal(await text(q, '#up .xsell__difference'), '+$150.00');
  assert.deepEqual(await q.$$eval('#up table.xsell__compare tbody th', (els) => els.map((e) => e.textContent)), ['Weight', 'Seasons', 'Doors']);
  assert.deepEqual(await q.$$eval('#up table.xsell__compare thead th', (els) => els.map((e) => e.textContent)), ['Feature', 'Trail 2 tent', 'Trail 3 Ultra tent']);
  clean(q, assert);
});

test('post-purchase: picking a variant priced apart updates both prices of the offer', async () => {
  const p = await open('/thanks-bag.html');
  const item = '#pp [data-xsell-item="SB-1"]';
  const amounts = () => p.$$eval(`${item} .xsell__amount`, (els) => els.map((e) => e.textContent));
  assert.deepEqual(await amounts(), [await money(p, 'en-US', 120), await money(p, 'en-US', 108)]);
  await p.selectOption(`${item} select`, 'SB-1-L');
  assert.deepEqual(await amounts(), [await money(p, 'en-US', 135), await money(p, 'en-US', 121.5)]);
  await p.click(`${item} [data-xsell-action="add"]`);
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [
    { block: 'post-purchase', items: [{ id: 'SB-1-L', quantity: 1 }], discount: 10 },
  ]);
  await p.context().close();
});

test('post-purchase countdown: discounted prices until the offer ends', async () => {
  const p = await open('/thanks.html');
  const PP = '#pp';
  const note = `${PP} p.xsell__offer`;
  const first = await text(p, note);
  assert.match(first, /^10% off, offer ends in 0:0[1-3]$/);
  const ids = await itemIds(p, PP);
  assert.ok(ids.length >= 2, `offers: ${ids}`);
  for (const id of ids) {
    const [del, ins, spoken] = await p.$$eval(`${PP} [data-xsell-item="${id}"] .xsell__price`, ([e]) => [
      e.querySelector('del .xsell__amount')?.textContent,
      e.querySelector('ins .xsell__amount')?.textContent,
      [...e.querySelectorAll('.xsell__sr-only')].map((s) => s.textContent),
    ]);
    // Screen readers do not announce <del>: each price is named.
    assert.deepEqual(spoken, ['Original price', 'Offer price'], id);
    assert.equal(del, await money(p, 'en-US', products[id].price), `${id}: old price struck through`);
    assert.equal(ins, await money(p, 'en-US', Math.round(products[id].price * 90) / 100), `${id}: 10% off`);
  }
  // It counts down.
  await p.waitForFunction(([sel, was]) => document.querySelector(sel)?.textContent !== was, [note, first], { timeout: 2500 });
  const later = await text(p, note);
  const seconds = (t) => Number(t.match(/(\d+):(\d\d)$/)?.[2]);
  assert.match(later, /^10% off, offer ends in 0:0[0-2]$/);
  assert.ok(seconds(later) < seconds(first), `${first} -> ${later}`);

  // While it runs, an add carries the discount.
  const firstId = await addedId(p, PP, ids[0]);
  await p.click(`${PP} [data-xsell-item="${ids[0]}"] [data-xsell-action="add"]`);
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [
    { block: 'post-purchase', items: [{ id: firstId, quantity: 1 }], discount: 10 },
  ]);

  // Over: a status note, plain prices, and adds without a discount.
  await p.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'This offer has ended.', note, { timeout: 5000 });
  assert.equal(await p.getAttribute(note, 'role'), 'status');
  const left = await itemIds(p, PP);
  assert.ok(left.length >= 1, `offers still shown: ${left}`);
  assert.equal(await p.$$eval(`${PP} del, ${PP} ins`, (els) => els.length), 0, 'no struck-through prices');
  for (const id of left) {
    assert.equal(await text(p, `${PP} [data-xsell-item="${id}"] .xsell__price`), await money(p, 'en-US', products[id].price));
  }
  const next = left.find((id) => id !== ids[0]);
  const nextId = await addedId(p, PP, next);
  await p.click(`${PP} [data-xsell-item="${next}"] [data-xsell-action="add"]`);
  const events = await seenOf(p, 'xsell:add-to-cart');
  assert.equal(events.length, 2);
  assert.deepEqual(events[1], { block: 'post-purchase', items: [{ id: nextId, quantity: 1 }] });
  clean(p, assert);
});

test('add-ons follow xsell.setCart() and lose what was just added', async () => {
  const p = await open('/cart.html');
  const before = await itemIds(p, '#ao');
  assert.ok(before.length >= 3, `add-ons for the tent: ${before}`);
  assert.equal(before[0], 'PP', 'the declared protection plan first');

  assert.equal(await p.evaluate((id) => window.xsell.setCart([{ id: 'TN-1', quantity: 1 }, { id, quantity: 1 }]), before[0]), true);
  const after = await itemIds(p, '#ao');
  assert.ok(!after.includes(before[0]), `${before[0]} is in the cart now: ${after}`);
  assert.ok(after.length >= 2, `${after}`);

  // Added through the block (events adapter): gone at once.
  const addId = await addedId(p, '#ao', after[0]);
  await p.click(`#ao [data-xsell-item="${after[0]}"] [data-xsell-action="add"]`);
  const now = await itemIds(p, '#ao');
  assert.ok(!now.includes(after[0]), `${after[0]} left the block at once: ${now}`);
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [{ block: 'add-ons', items: [{ id: addId, quantity: 1 }] }]);

  // Another cart altogether: its own add-ons.
  await p.evaluate(() => window.xsell.setCart(['HL']));
  assert.deepEqual(await itemIds(p, '#ao'), ['MUG']);
  clean(p, assert);
});

test('post-purchase: an item added with the events adapter leaves the block at once', async () => {
  const p = await open('/thanks-plain.html');
  const before = await itemIds(p, '#pp');
  assert.ok(before.length >= 2, `${before}`);
  const addId = await addedId(p, '#pp', before[0]);
  await p.click(`#pp [data-xsell-item="${before[0]}"] [data-xsell-action="add"]`);
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [{ block: 'post-purchase', items: [{ id: addId, quantity: 1 }] }]);
  const now = await itemIds(p, '#pp');
  assert.ok(!now.includes(before[0]), `${before[0]} was added, so it leaves the block: ${now}`);
  clean(p, assert);
});

test('a double click adds once, though the redraw puts another item under the pointer (events adapter)', async () => {
  // Cart: the added item leaves the list, the next one moves up under the pointer.
  const p = await open('/cart.html');
  const before = await itemIds(p, '#ao');
  const first = `#ao [data-xsell-item] [data-xsell-action="add"]`;
  const addId = await addedId(p, '#ao', before[0]);
  await p.dblclick(first);
  assert.deepEqual(await seenOf(p, 'xsell:add-to-cart'), [{ block: 'add-ons', items: [{ id: addId, quantity: 1 }] }]);
  assert.equal((await itemIds(p, '#ao'))[0], before[1], 'the next add-on moved up');
  // A click of its own, past a double click's gap, adds.
  await p.waitForTimeout(600);
  await p.click(first);
  assert.equal((await seenOf(p, 'xsell:add-to-cart')).length, 2);
  clean(p, assert);

  // Product page: "Add selected" redraws the block with other complements.
  const q = await open('/tn1.html');
  await q.dblclick('#bt [data-xsell-action="add-selected"]');
  const adds = await seenOf(q, 'xsell:add-to-cart');
  assert.equal(adds.length, 1, `one add: ${JSON.stringify(adds)}`);
  clean(q, assert);
});

test('product pages without data-product: the JSON-LD Product (sku, @graph, productID) or ProductGroup', async () => {
  const reference = await open('/tn1.html');
  const tn1 = { bt: await itemIds(reference, '#bt'), up: await itemIds(reference, '#up') };
  clean(reference, assert);
  const tn2page = await open('/tn2.html');
  const tn2 = { bt: await itemIds(tn2page, '#bt'), up: await itemIds(tn2page, '#up') };
  clean(tn2page, assert);
  const fpPage = await open('/fp.html');
  const fp = await itemIds(fpPage, '#bt');
  clean(fpPage, assert);

  const anchor = (p) => p.$eval('#bt [data-xsell-anchor]', (e) => e.getAttribute('data-xsell-anchor'));
  const sku = await open('/ld-sku.html');
  assert.equal(await anchor(sku), 'TN-1');
  assert.deepEqual(await itemIds(sku, '#bt'), tn1.bt);
  assert.deepEqual(await itemIds(sku, '#up'), ['TN-2']);
  assert.deepEqual(tn1.up, ['TN-2']);
  clean(sku, assert);

  const graph = await open('/ld-graph.html');
  assert.equal(await anchor(graph), 'TN-2');
  assert.deepEqual(await itemIds(graph, '#bt'), tn2.bt);
  assert.deepEqual(await itemIds(graph, '#up'), ['TN-3']);
  assert.deepEqual(tn2.up, ['TN-3']);
  clean(graph, assert);

  const productId = await open('/ld-productid.html');
  assert.equal(await anchor(productId), 'FP');
  assert.ok(fp.length >= 2, `${fp}`);
  assert.deepEqual(await itemIds(productId, '#bt'), fp);
  clean(productId, assert);

  const group = await open('/ld-group.html');
  assert.equal(await anchor(group), 'TN-1');
  assert.deepEqual(await itemIds(group, '#bt'), tn1.bt);
  clean(group, assert);
});

test('recently viewed products fill a short cart list, and can be turned off', async () => {
  const context = await browser.newContext();
  const tn1 = await open('/tn1.html', context);
  clean(tn1, assert);
  const tn2 = await open('/tn2.html', context);
  clean(tn2, assert);
  const cart = await open('/cart-hl.html', context);
  assert.equal(await cart.evaluate(() => localStorage.getItem('xsell:viewed')), 'TN-2\nTN-1', 'most recent first');
  const found = await origins(cart, '#ao');
  assert.deepEqual(found[0], ['MUG', 'earned'], `the cart's own add-on first: ${found}`);
  const viewed = found.filter(([, o]) => o === 'viewed').map(([id]) => id);
  assert.ok(viewed.length >= 1, `items from the viewed tents' lists: ${JSON.stringify(found)}`);
  for (const id of viewed) assert.ok(!['HL', 'TN-1', 'TN-2'].includes(id), id);
  // The tents' declared protection plan heads their add-on lists, but no
  // tent is in this cart: a plan for a tent never comes without one.
  assert.ok(!found.some(([id]) => id === 'PP'), `no tent plan: ${JSON.stringify(found)}`);
  clean(cart, assert);

  const off = await open('/cart-hl-off.html', context);
  assert.deepEqual(await origins(off, '#ao'), [['MUG', 'earned']], 'data-recently-viewed="off": none');
  clean(off, assert);
  await context.close();

  // With recently viewed off, product pages are not recorded either.
  const fresh = await browser.newContext();
  const unrecorded = await open('/tn1-off.html', fresh);
  assert.equal(await unrecorded.evaluate(() => localStorage.getItem('xsell:viewed')), null);
  clean(unrecorded, assert);
  await fresh.close();
});

test('the last add-on added: keyboard focus moves on to the next control; a mouse click moves nothing', async () => {
  for (const how of ['mouse', 'keyboard']) {
    const p = await open('/cart-far.html');
    const add = '#ao [data-xsell-item="MUG"] [data-xsell-action="add"]';
    if (how === 'mouse') await p.click(add);
    else {
      await p.focus(add);
      await p.keyboard.press('Enter');
    }
    await p.waitForSelector('#ao[data-xsell-state="empty"]', { state: 'attached' });
    const where = await p.evaluate(() => ({ focused: document.activeElement?.id || document.activeElement?.tagName, y: scrollY }));
    if (how === 'mouse') assert.deepEqual(where, { focused: 'BODY', y: 0 }, 'the page stays where the pointer is');
    else assert.equal(where.focused, 'far', 'where Tab would have gone');
    clean(p, assert);
    await p.context().close();
  }
});

test("merchandising: the page's pin, exclude, limit and price ratio", async () => {
  const p = await open('/merch-tn1.html');
  const plain = await itemIds(p, '#plain');
  assert.equal(plain.length, 3, `three by default: ${plain}`);
  assert.ok(plain.includes('HL') && !plain.includes('MUG'), `${plain}`);
  const pinned = await origins(p, '#pin');
  assert.deepEqual(pinned[0], ['MUG', 'pinned']);
  assert.deepEqual(pinned.slice(1).map(([id]) => id), plain.slice(0, 2), 'then the earned ones');
  for (const [, origin] of pinned.slice(1)) assert.equal(origin, 'earned');
  const excluded = await itemIds(p, '#exclude');
  assert.ok(!excluded.includes('HL'), `${excluded}`);
  assert.equal(excluded.length, 3, `another takes its place: ${excluded}`);
  assert.deepEqual(excluded.slice(0, 2), plain.filter((id) => id !== 'HL').slice(0, 2));
  assert.deepEqual(await itemIds(p, '#limit'), plain.slice(0, 1));
  clean(p, assert);

  const q = await open('/merch-sb1.html');
  const sb1 = products['SB-1'].price;
  const all = await itemIds(q, '#plain');
  assert.ok(all.some((id) => products[id].price > sb1), `a pricier cross-sell without the ratio: ${all}`);
  const capped = await itemIds(q, '#ratio');
  assert.ok(capped.length >= 1, `${capped}`);
  for (const id of capped) assert.ok(products[id].price <= sb1, `${id} costs at most the sleeping bag: ${capped}`);
  const cheaper = all.filter((id) => products[id].price <= sb1);
  assert.deepEqual(capped.slice(0, cheaper.length), cheaper, 'the same ranking, pricier items left out');
  clean(q, assert);
});

test('merchandising: catalog pin/exclude columns and --limit bought-together=2', async () => {
  const p = await open('/tn3.html');
  const found = await origins(p, '#bt');
  assert.deepEqual(found[0], ['MUG', 'pinned'], `the catalog's pin first: ${JSON.stringify(found)}`);
  assert.ok(!found.some(([id]) => id === 'ST'), `the catalog's exclude: ${JSON.stringify(found)}`);
  assert.ok(found.some(([id]) => id === 'FP'), 'bought with TN-3 and not excluded');
  clean(p, assert);

  const q = await open('/limited.html');
  const two = await itemIds(q, '#bt');
  assert.equal(two.length, 2, `--limit bought-together=2: ${two}`);
  const three = await itemIds(q, '#bt3');
  assert.equal(three.length, 3, `data-limit="3" wins over the index: ${three}`);
  assert.deepEqual(three.slice(0, 2), two);
  clean(q, assert);
});
