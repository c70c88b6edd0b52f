// The fixture outdoor-gear shop shared by analytics.test.mjs and
// blocks.test.mjs: its catalog (catalog.csv), its orders (orders.mjs), an
// index built by the real CLI, a page template and small helpers.
//
// What the data holds (checked by the tests through the blocks):
// - a tent family in three tiers with attr: columns (TN-1 < TN-2 < TN-3);
// - a sleeping bag sold in sizes (SB-1: SB-1-R, SB-1-L, SB-1-XL out of
//   stock), orders naming the variant bought;
// - accessories (FP footprint, HL headlamp, ST stakes, MUG...);
// - a protection plan (PP, addon_for Tents);
// - a bundle: TN-1 + SB-1 + FP, bought whole in 40 orders;
// - merchandising in the catalog: TN-3 pins MUG and excludes ST.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagesOf } from '../lib/browser.mjs';
import { buildIndex, site, tempDir } from '../lib/site.mjs';
import { orders } from './orders.mjs';

export const catalogText = readFileSync(new URL('catalog.csv', import.meta.url), 'utf8');

/** RFC 4180 lines (quoted cells may hold commas). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\n')) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** Catalog rows by id, with `price` as a number. */
export const products = Object.fromEntries(
  parseCsv(catalogText).map((row) => [row.id, { ...row, price: Number(row.price) }]),
);

/** Builds the shop's index into `dir` (bundle discount 10%, plus `args`). */
export function gearIndex(dir, args = []) {
  return buildIndex(dir, { orders: orders(), catalog: catalogText, args: ['--bundle-discount', '10', ...args] });
}

/** Serves `pages` ({file name: html}) with the shop's index, from a new
 *  temp dir named after `label`; `extraMounts` as for site(). */
export async function gearSite(label, pages, extraMounts = []) {
  const dir = tempDir(label);
  const index = gearIndex(dir);
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return site({ pages: dir, index, extraMounts });
}

/**
 * Records, from before the widget starts, every xsell DOM event (detail
 * copied as JSON) in window.seen; keeps product links in blocks from
 * navigating (a capture-phase listener that only calls preventDefault).
 */
export const RECORDER = `
window.seen = [];
for (const type of ['xsell:view_item_list', 'xsell:select_item', 'xsell:add_to_cart', 'xsell:exposure', 'xsell:add-to-cart']) {
  document.addEventListener(type, (e) => window.seen.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail)) }));
}
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('[data-xsell] a[href]')) e.preventDefault();
}, true);`;

/** A shop page: `script` is extra attributes for the widget's tag. */
export function page({ body, lang = 'en-US', script = '', head = '', index = '/xsell/index.json' }) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Gear shop</title><link rel="icon" href="data:,">
<script>${RECORDER}</script>
<script type="module" src="/xsell/xsell.js" data-index="${index}" ${script}></script>
${head}</head><body><main><h1>Gear shop</h1>${body}</main></body></html>`;
}

/** No uncaught errors and no console errors on `page`. */
export function clean(page, strict) {
  strict.deepEqual(page.errors, [], 'no uncaught errors');
  strict.deepEqual(messagesOf(page, 'error'), [], 'no console errors');
}

/** The holdout bucket of a visitor id: FNV-1a 64 of its UTF-8 bytes, (hash >> 11) / 2^53. */
export function bucket(id) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(id, 'utf8')) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(h >> 11n) / 2 ** 53;
}

/** The DOM events recorded so far, of one type. */
export async function seenOf(page, type) {
  const all = await page.evaluate(() => window.seen);
  return all.filter((e) => e.type === type).map((e) => e.detail);
}

/** A copy of window.dataLayer ([] when the page has none). */
export async function dataLayer(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.dataLayer ?? [])));
}

/** Lets IntersectionObserver callbacks and timers run. */
export async function frames(page, ms = 400) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
}

if (!products['TN-1'] || products['SB-1-L'].title !== 'Down sleeping bag, Long') throw new Error('gear-store/catalog.csv did not parse');
