// xsell loader: the one <script> a shop pastes. It finds its own tag,
// fetches the index and the wasm in parallel, hands both to the widget,
// and is the widget's safety boundary: every call into the wasm, DOM events
// included (delegated here), runs inside guard(), so nothing the widget
// does can throw into the shop's page. Failures end as empty blocks
// (data-xsell-state="error") and one console warning.
import init, { mount, render, handle, setCart } from '../pkg/xsell.js';

const here = import.meta.url;
const doc = document;
const script =
  [...doc.querySelectorAll('script[src]')].find((s) => s.src === here) ||
  doc.querySelector('script[data-index]');
const config = { ...(script ? script.dataset : {}) };

const said = new Set();
const warn = (message) => {
  const text = 'xsell: ' + message;
  if (!said.has(text)) {
    said.add(text);
    console.warn(text);
  }
};

// After a trap (a bug in the widget) the wasm is in an unknown state:
// stop calling it. Errors the widget returns on purpose are strings.
let dead = false;
const guard = (f) => {
  if (dead) return undefined;
  try {
    return f();
  } catch (e) {
    if (typeof e !== 'string') dead = true;
    warn(typeof e === 'string' ? e : (e && e.message) || String(e));
    return undefined;
  }
};

const INPUTS = ['data-xsell', 'data-product', 'data-cart', 'data-order', 'data-limit', 'data-exclude'];
let queued = false;
const renderSoon = () => {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    guard(render);
  });
};

const start = async () => {
  const indexUrl = config.index;
  if (!indexUrl) throw 'the script tag needs data-index="/path/to/index.json"';
  if (!doc.querySelector('link[data-xsell-css]')) {
    const css = doc.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('xsell.css', here).href;
    css.setAttribute('data-xsell-css', '');
    doc.head.append(css);
  }
  const [, bytes] = await Promise.all([
    init({ module_or_path: new URL('xsell.wasm', here) }),
    fetch(indexUrl).then((r) => {
      if (!r.ok) throw `cannot load the index ${indexUrl}: HTTP ${r.status}`;
      return r.arrayBuffer();
    }),
  ]);
  try {
    mount(new Uint8Array(bytes), indexUrl, config);
  } catch (e) {
    throw typeof e === 'string' ? e : (e && e.message) || String(e);
  }
  for (const type of ['click', 'change']) {
    doc.addEventListener(type, (event) => {
      if (event.target instanceof Element && event.target.closest('[data-xsell]')) {
        guard(() => handle(event));
      }
    });
  }
  new MutationObserver(renderSoon).observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: INPUTS,
  });
  return true;
};

const ready = start().catch((e) => {
  doc.querySelectorAll('[data-xsell]').forEach((el) => el.setAttribute('data-xsell-state', 'error'));
  warn(typeof e === 'string' ? e : `cannot start: ${(e && e.message) || e}`);
  return false;
});

// The page API. Every method waits for the widget and never rejects.
const api = {
  ready,
  setCart: (lines) => ready.then((ok) => ok && guard(() => (setCart(lines), true))),
  refresh: () => ready.then((ok) => ok && guard(() => (render(), true))),
};
window.xsell = Object.assign(window.xsell || {}, api);
ready.then((ok) => doc.dispatchEvent(new CustomEvent('xsell:ready', { detail: { ok } })));
