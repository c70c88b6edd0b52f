// The demo store (npm start) end to end: the pages a shopper goes through,
// with the real widget, index and CLI-built data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, itemIds, widgetSettled, messagesOf } from './lib/browser.mjs';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core's violations inside the blocks of the page (none expected). */
async function axeInBlocks(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    window.axe.run({ include: [['[data-xsell]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}
import { ROOT } from './lib/site.mjs';
import { serve } from '../../scripts/serve.mjs';

const products = JSON.parse(readFileSync(join(ROOT, 'build/demo/products.json'), 'utf8'));
const byId = Object.fromEntries(products.map((p) => [p.id, p]));
const PHONE = 'PH-AUR-1';

let browser, server, base;
before(async () => {
  process.chdir(ROOT);
  server = await serve({ port: 0 });
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
  assert.deepEqual(messagesOf(page, 'error'), [], 'no console errors');
  assert.deepEqual(messagesOf(page, 'warning'), [], 'no console warnings');
};

test('home lists the products', async () => {
  const page = await openPage(browser, `${base}/`);
  await page.waitForSelector(`a[href*="${PHONE}"]`);
  const links = await page.$$eval('a[href*="product.html?id="]', (as) => as.length);
  assert.ok(links >= products.length, `${links} product links`);
  clean(page);
});

test('a product page shows complements and the next tier', async () => {
  const page = await openPage(browser, `${base}/product.html?id=${PHONE}`);
  assert.equal(await widgetSettled(page), true);
  await page.waitForSelector('[data-xsell="bought-together"] [data-xsell-item]');
  const together = await itemIds(page, '[data-xsell="bought-together"]');
  assert.ok(together.length >= 2 && together.length <= 3, `${together}`);
  for (const id of together) assert.notEqual(byId[id].family, byId[PHONE].family, `${id} is another version`);
  await page.waitForSelector('[data-xsell="upgrade"] [data-xsell-item]');
  assert.deepEqual(await itemIds(page, '[data-xsell="upgrade"]'), ['PH-AUR-2']);
  await page.screenshot({ path: '/tmp/xsell-demo-product.png', fullPage: true });
  assert.deepEqual(await axeInBlocks(page), []);
  clean(page);
});

test('a variant page: the block offers that variant, and follows the shopper picking another', async () => {
  const page = await openPage(browser, `${base}/product.html?id=CS-AUR-1&variant=CS-AUR-1-BLU`);
  assert.equal(await widgetSettled(page), true);
  const picker = '[data-xsell="bought-together"] [data-xsell-anchor] select.xsell__variant';
  await page.waitForSelector(picker);
  assert.equal(await page.$eval(picker, (s) => s.value), 'CS-AUR-1-BLU');
  await page.check('#variant-CS-AUR-1-BLK');
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'CS-AUR-1-BLK', picker);
  clean(page);
});

test('adding the last add-on by keyboard hands focus on to the page, not to its top', async () => {
  const page = await openPage(browser, `${base}/`);
  await page.evaluate((id) => localStorage.setItem('xsell-demo-cart', JSON.stringify([{ id, quantity: 1 }])), PHONE);
  await page.goto(`${base}/cart.html`);
  await widgetSettled(page);
  const block = '[data-xsell="add-ons"]';
  await page.waitForSelector(`${block} [data-xsell-item]`);
  await page.focus(`${block} [data-xsell-action="add"]`);
  for (let n = 0; n < 10 && (await page.getAttribute(block, 'data-xsell-state')) === 'ready'; n++) {
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-xsell-id'));
    assert.ok(id, 'focus on an add button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([sel, i]) => !document.querySelector(`${sel} [data-xsell-item="${i}"]`), [block, id]);
    await page.waitForTimeout(550); // past the double-click guard
  }
  assert.equal(await page.getAttribute(block, 'data-xsell-state'), 'empty', 'every add-on added');
  // Nothing follows the block on this page: focus goes back to the
  // control before it, "Place order".
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Place order');
  clean(page);
});

test('add selected puts every ticked item in the cart, and the cart page offers add-ons', async () => {
  const page = await openPage(browser, `${base}/product.html?id=${PHONE}`);
  await widgetSettled(page);
  await page.waitForSelector('[data-xsell="bought-together"] [data-xsell-item]');
  const together = await itemIds(page, '[data-xsell="bought-together"]');
  const ticked = await page.$$eval('[data-xsell="bought-together"] input.xsell__tick:checked', (els) => els.length);
  assert.ok(ticked >= 2, 'the phone and what is bought with it start ticked');
  await page.click('[data-xsell="bought-together"] [data-xsell-action="add-selected"]');
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem('xsell-demo-cart') || '[]').length === n, ticked);

  await page.goto(`${base}/cart.html`);
  await widgetSettled(page);
  await page.waitForSelector('[data-xsell="add-ons"] [data-xsell-item]');
  const addOns = await itemIds(page, '[data-xsell="add-ons"]');
  assert.equal(addOns[0], 'PP-PHONE-2Y', `the declared protection plan first: ${addOns}`);
  for (const id of addOns) {
    assert.ok(![PHONE, ...together].includes(id), `${id} is already in the cart`);
    assert.notEqual(byId[id].category, 'Phones', 'never another phone');
  }
  // Adding an add-on takes it out of the block at once.
  // Adding an add-on takes it out of the block at once, and keyboard
  // focus moves to the control now in its place, not to the page's top.
  await page.focus(`[data-xsell="add-ons"] [data-xsell-item="${addOns[0]}"] [data-xsell-action="add"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (id) => !document.querySelector(`[data-xsell="add-ons"] [data-xsell-item="${id}"]`),
    addOns[0],
  );
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-xsell-id'));
  assert.equal(focused, addOns[1], 'focus on the next add-on');
  await page.screenshot({ path: '/tmp/xsell-demo-cart.png', fullPage: true });
  assert.deepEqual(await axeInBlocks(page), []);

  // Checkout: the thank-you page offers complements, none from the order.
  const ordered = JSON.parse(await page.evaluate(() => localStorage.getItem('xsell-demo-cart'))).map((l) => l.id);
  await page.click('text=Place order');
  await page.waitForURL(/thank-you/);
  await widgetSettled(page);
  await page.waitForSelector('[data-xsell="post-purchase"] [data-xsell-item]');
  const offers = await itemIds(page, '[data-xsell="post-purchase"]');
  for (const id of offers) assert.ok(!ordered.includes(id), `${id} was just ordered`);
  await page.screenshot({ path: '/tmp/xsell-demo-thanks.png', fullPage: true });
  assert.deepEqual(await axeInBlocks(page), []);
  clean(page);
});
