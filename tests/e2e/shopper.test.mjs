// What every shopper gets: prices in their currency and locale, texts in
// their language, right-to-left pages that read right, blocks usable by
// keyboard and screen reader (axe-core finds nothing inside them), no
// jump when blocks appear, and blocks that a shop's CSS cannot wreck nor
// leak into.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, widgetSettled, itemIds, messagesOf } from './lib/browser.mjs';
import { buildIndex, site, tempDir, ROOT } from './lib/site.mjs';
import { orders } from './other-store/orders.mjs';

const catalog = readFileSync(new URL('other-store/catalog.csv', import.meta.url), 'utf8');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser, server, dir;

const PAGE = ({ lang = 'en', dir = 'ltr', head = '', body }) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Velo</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<script type="module" src="/xsell/xsell.js" data-index="/xsell/index.json" data-recently-viewed="off"></script>
</head><body><main><h1>Velo</h1>${body}</main></body></html>`;

const BLOCKS = `<div id="bt" data-xsell="bought-together" data-product="BK-C1"></div>
<div id="up" data-xsell="upgrade" data-product="BK-C1"></div>
<div id="ao" data-xsell="add-ons" data-cart="BK-C1:1"></div>`;

before(async () => {
  dir = tempDir('shopper');
  const index = buildIndex(dir, { orders: orders(), catalog, args: ['--labels', 'de,ar', '--bundle-discount', '10'] });
  const page = (name, options) => writeFileSync(join(dir, name), PAGE(options));
  page('de.html', { lang: 'de-DE', body: BLOCKS });
  page('ar.html', { lang: 'ar', dir: 'rtl', body: BLOCKS });
  page('en.html', { body: BLOCKS });
  page('far.html', {
    head: '<link rel="stylesheet" href="/xsell/xsell.css">',
    body: `<div id="near" data-xsell="upgrade" data-product="BK-C1"></div>
      <div style="height: 3000px"></div>
      <div id="far" data-xsell="upgrade" data-product="BK-C1"></div>`,
  });
  page('empty.html', {
    head: '<link rel="stylesheet" href="/xsell/xsell.css">',
    body: `<div id="gone" data-xsell="upgrade" data-product="NOPE"></div>
      <div id="kept" data-xsell="upgrade" data-product="NOPE" data-hide-empty="false"></div>`,
  });
  // As the README advises: the stylesheet in the head, so placeholders
  // hold their space from the first paint.
  page('shift.html', {
    head: '<link rel="stylesheet" href="/xsell/xsell.css">',
    body: `${BLOCKS}<p id="below">${'The shop\'s own text. '.repeat(200)}</p>`,
  });
  writeFileSync(
    join(dir, 'hostile.css'),
    `button { background: rgb(255, 0, 0); width: 100%; text-transform: uppercase; border: 6px dashed green; }
     ul { list-style: square; padding-left: 100px; } li { display: inline-block; margin: 30px; }
     img { border: 8px solid red; width: 500px; height: auto; } a { color: rgb(255, 0, 255); }
     h2 { font-size: 50px; text-transform: uppercase; } section { padding: 90px; background: yellow; }
     * { box-sizing: content-box; } label, span { display: block; }`,
  );
  page('hostile.html', {
    head: '<link rel="stylesheet" href="/hostile.css">',
    body: `<button id="shop-button">Shop button</button><ul id="shop-list"><li>shop item</li></ul>${BLOCKS}`,
  });
  server = await site({ pages: dir, index });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('prices in the product currency and the page locale, texts in its language', async () => {
  const page = await openPage(browser, `${server.url}/de.html`);
  assert.equal(await widgetSettled(page), true);
  assert.equal(await page.textContent('#bt .xsell__heading'), 'Wird oft zusammen gekauft');
  assert.equal(await page.textContent('#up .xsell__heading'), 'Upgrade auf Premium');
  // German grouping and decimal signs, euro after the amount.
  assert.match(await page.textContent('#up [data-xsell-item="BK-C2"] .xsell__price'), /^649,00\s€$/);
  assert.match(await page.textContent('#up .xsell__difference'), /^\+200,00\s€$/);
  assert.deepEqual(page.errors, []);
});

test('a right-to-left page reads right to left', async () => {
  const page = await openPage(browser, `${server.url}/ar.html`);
  await widgetSettled(page);
  assert.equal(await page.textContent('#bt .xsell__heading'), 'يُشترى معًا غالبًا');
  // In each line the picture starts on the right, the price ends on the left.
  const item = '#bt [data-xsell-item]';
  const tick = await page.$eval(`${item} .xsell__tick`, (e) => e.getBoundingClientRect().x);
  const name = await page.$eval(`${item} .xsell__name`, (e) => e.getBoundingClientRect().x);
  const price = await page.$eval(`${item} .xsell__price`, (e) => e.getBoundingClientRect().x);
  assert.ok(tick > name && name > price, `tick ${tick} > name ${name} > price ${price}`);
  assert.equal(await page.$eval('#bt .xsell', (e) => getComputedStyle(e).direction), 'rtl');
});

test('axe-core finds no accessibility violations inside the blocks', async () => {
  const pages = [`${server.url}/en.html`, `${server.url}/ar.html`];
  for (const url of pages) {
    const page = await openPage(browser, url);
    await widgetSettled(page);
    await page.waitForSelector('#bt [data-xsell-item]');
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(
        { include: [['[data-xsell]']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
      ),
    );
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    assert.deepEqual(found, [], url);
    assert.ok(result.passes.length > 10, 'axe ran its checks');
  }
});

test('keyboard: tab to a tick box, space unticks it, enter adds, focus is visible', async () => {
  const page = await openPage(browser, `${server.url}/en.html`);
  await widgetSettled(page);
  await page.evaluate(() => {
    window.seen = [];
    document.addEventListener('xsell:add-to-cart', (e) => window.seen.push(e.detail));
  });
  const together = await itemIds(page, '#bt');
  const before = await page.textContent('#bt .xsell__total-amount');
  // Tab from the page top until the first recommended tick box has focus.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-xsell-tick'));
    if (at === together[0]) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-xsell-tick')), together[0]);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Space');
  assert.notEqual(await page.textContent('#bt .xsell__total-amount'), before, 'the total follows');
  await page.focus('#bt [data-xsell-action="add-selected"]');
  await page.keyboard.press('Enter');
  const seen = await page.evaluate(() => window.seen);
  assert.equal(seen.length, 1);
  assert.ok(!seen[0].items.some((i) => i.id === together[0]), 'the unticked item is not added');
});

test('no layout shift when blocks appear', async () => {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 1200, height: 2400 });
  await page.addInitScript(() => {
    window.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.shift += entry.value;
        window.shifts = (window.shifts || []).concat(
          entry.sources.map((s) => `${s.node && (s.node.id || s.node.className)} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`),
        );
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}/shift.html`);
  await widgetSettled(page);
  await page.waitForSelector('#ao [data-xsell-item]');
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => window.shift);
  const sources = await page.evaluate(() => window.shifts || []);
  assert.ok(shift < 0.1, `cumulative layout shift ${shift.toFixed(3)} (good: under 0.1): ${sources.join('; ')}`);
});

test('a block drawn below the view gives up its reserved height; one in view keeps it', async () => {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${server.url}/far.html`);
  await widgetSettled(page);
  await page.waitForSelector('#far[data-xsell-fit]');
  const heights = await page.evaluate(() =>
    ['near', 'far'].map((id) => {
      const el = document.getElementById(id);
      return { min: getComputedStyle(el).minHeight, height: el.getBoundingClientRect().height, content: el.firstElementChild.getBoundingClientRect().height };
    }),
  );
  const [near, far] = heights;
  assert.notEqual(near.min, '0px', 'the block in view keeps its reservation (no jump under the eyes)');
  assert.equal(far.min, '0px');
  assert.ok(Math.abs(far.height - far.content) < 1, `the far block is as tall as its content: ${JSON.stringify(far)}`);
  assert.ok(far.height < near.height, 'the reservation was taller than the block');
});

test("a shop's CSS does not break the blocks, and the blocks' CSS does not leak", async () => {
  const page = await openPage(browser, `${server.url}/hostile.html`);
  await widgetSettled(page);
  await page.waitForSelector('#bt [data-xsell-item]');
  const style = (selector, property) => page.$eval(selector, (e, p) => getComputedStyle(e)[p], property);
  // Inside: the widget's look.
  assert.equal(await style('#bt .xsell__button', 'backgroundColor'), 'rgb(26, 86, 219)');
  assert.equal(await style('#bt .xsell__button', 'textTransform'), 'none');
  assert.notEqual(await style('#bt .xsell__button', 'width'), await style('#bt .xsell', 'width'));
  assert.equal(await style('#bt .xsell__list', 'listStyleType'), 'none');
  assert.equal(await style('#bt .xsell__item', 'display'), 'flex');
  assert.equal(await style('#bt .xsell__heading', 'textTransform'), 'none');
  assert.ok(parseFloat(await style('#bt .xsell__heading', 'fontSize')) < 30);
  assert.equal(await style('#bt .xsell', 'backgroundColor'), 'rgba(0, 0, 0, 0)');
  const img = await page.$('#bt .xsell__image');
  if (img) assert.equal(await style('#bt .xsell__image', 'width'), '64px');
  // Outside: the shop's look, untouched.
  assert.equal(await style('#shop-button', 'backgroundColor'), 'rgb(255, 0, 0)');
  assert.equal(await style('#shop-list', 'listStyleType'), 'square');
  assert.deepEqual(messagesOf(page, 'error'), []);
});

test('empty blocks are hidden unless the placeholder keeps its place', async () => {
  const page = await openPage(browser, `${server.url}/empty.html`);
  await widgetSettled(page);
  for (const id of ['gone', 'kept']) assert.equal(await page.getAttribute(`#${id}`, 'data-xsell-state'), 'empty');
  const display = (id) => page.$eval(`#${id}`, (e) => getComputedStyle(e).display);
  assert.equal(await display('gone'), 'none');
  assert.equal(await display('kept'), 'block');
});
