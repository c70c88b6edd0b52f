// Debian's Chromium driven by playwright-core (no browser download), with
// the flags these machines need, and a page that records every console
// message and uncaught error so tests can assert "nothing was thrown".
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Extra flags for experiments, e.g. CHROMIUM_FLAGS=--js-flags=--no-wasm-lazy-compilation
  ...(process.env.CHROMIUM_FLAGS ? process.env.CHROMIUM_FLAGS.split(' ') : []),
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
  });
}

/** A new page whose console messages and uncaught errors are recorded. */
export async function openPage(browser, url, { locale } = {}) {
  const context = await browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  page.messages = [];
  page.errors = [];
  page.on('console', (m) => page.messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (url) await page.goto(url);
  return page;
}

/** Console messages of one type ('warning', 'error'...). */
export const messagesOf = (page, type) => page.messages.filter((m) => m.type === type).map((m) => m.text);

/** Waits until the widget has started (or failed) on the page. */
export async function widgetSettled(page) {
  await page.waitForFunction(() => window.xsell && window.xsell.ready);
  return page.evaluate(() => window.xsell.ready);
}

/** The ids rendered in a block, in order. */
export function itemIds(page, selector) {
  return page.$$eval(`${selector} [data-xsell-item]`, (els) => els.map((e) => e.getAttribute('data-xsell-item')));
}
