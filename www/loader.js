// xsell loader: the one <script> a shop pastes. It finds its own tag,
// fetches the index and the wasm in parallel, hands both to the widget,
// and is the widget's safety boundary: every call into the wasm, DOM events
// and timers included (delegated here), runs inside guard(), so nothing the
// widget does can throw into the shop's page. Failures end as empty blocks
// (data-xsell-state="error") and one console warning.
import init, { mount, render, handle, added, failed, tick, seen, setCart, setLabels } from '../pkg/xsell.js';

// Built as a plain script that also runs as a module: pasted with or
// without type="module", it finds its tag (a module has no currentScript)
// and the wasm and CSS beside it.
const doc = document;
const script =
  doc.currentScript || doc.querySelector('script[src*=xsell][data-index]') || doc.querySelector('script[data-index]');
const here = script?.src || location.href;
const config = { ...script?.dataset };

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
    warn(e?.message || e);
    return undefined;
  }
};

// Countdowns: a one-second timer while the widget says one runs.
let timer = 0;
const ticking = (on) => {
  if (on && !timer) {
    timer = setInterval(() => {
      if (!guard(tick)) {
        clearInterval(timer);
        timer = 0;
      }
    }, 1000);
  }
};

// Blocks in view report view_item_list, once per drawing (the widget keeps
// count): half the block in view, or half the view for a block too tall
// for that; `visible` remembers what is in view for blocks drawn later.
// A drawn block wholly below the view gives up the height reserved while
// loading (data-xsell-fit): it shrinks to its content where no one sees.
const visible = new Set();
const viewer =
  'IntersectionObserver' in window &&
  new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const el = e.target;
        if (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= innerHeight / 2) {
          visible.add(el);
          guard(() => seen(el));
        } else visible.delete(el);
        if (!e.isIntersecting && e.boundingClientRect.top >= innerHeight && el.getAttribute('data-xsell-state') === 'ready')
          el.setAttribute('data-xsell-fit', '');
      }
    },
    { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  );
const watch = () => {
  if (!viewer) return;
  doc.querySelectorAll('[data-xsell]').forEach((el) => viewer.observe(el));
  visible.forEach((el) => guard(() => seen(el)));
};

// Cart APIs (data-cart-adapter="shopify" | "woocommerce"): the widget says
// what to add; the calls are made here (async fetch inside the wasm would
// cost it 6.5 KB gzip) and the outcome goes back to the widget.
const call = async (method, url, body, nonce) => {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (nonce) headers.Nonce = nonce;
  let r;
  try {
    r = await fetch(url, { method, headers, body: body && JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw 'The shop could not be reached.';
  }
  const json = await r.json().catch(() => null);
  if (!r.ok) throw (json && (json.description || json.message)) || `The shop answered ${r.status}.`;
  return { json, nonce: r.headers.get('Nonce') || r.headers.get('X-WC-Store-API-Nonce') };
};
const num = (id) => (/^\d{1,15}$/.test(id) ? Number(id) : id);
const cartIds = (cart, key) =>
  ((cart && cart.items) || []).filter((l) => l.quantity > 0).map((l) => String(l[key] ?? l.id));
const slash = (s) => s.replace(/\/?$/, '/');
// Each adapter answers {done: items added, cart: ids or null (unknown),
// left: items not added, error}: a failure halfway reports both halves, so
// "Try again" never adds twice.
const adapters = {
  __proto__: null, // a data-cart-adapter of "toString" finds nothing here
  // Shopify AJAX Cart API: ids are variant ids; one request for all.
  async shopify(items) {
    const root = slash(config.shopifyRoot || (window.Shopify && Shopify.routes && Shopify.routes.root) || '/');
    try {
      await call('POST', root + 'cart/add.js', { items: items.map((i) => ({ id: num(i.id), quantity: i.quantity })) });
    } catch (error) {
      return { done: [], cart: null, left: items, error };
    }
    const cart = await call('GET', root + 'cart.js').then((a) => cartIds(a.json, 'variant_id'), () => null);
    return { done: items, cart, left: [] };
  },
  // WooCommerce Store API: a nonce from GET cart, then one add-item each.
  async woocommerce(items) {
    const api = slash(config.wooApi || '/wp-json/wc/store/v1/');
    let answer;
    try {
      answer = await call('GET', api + 'cart');
    } catch (error) {
      return { done: [], cart: null, left: items, error };
    }
    for (let k = 0; k < items.length; k++) {
      const i = items[k];
      try {
        answer = await call('POST', api + 'cart/add-item', { id: num(i.id), quantity: i.quantity }, answer.nonce);
      } catch (error) {
        const done = items.slice(0, k);
        return { done, cart: done.length ? cartIds(answer.json, 'id') : null, left: items.slice(k), error };
      }
    }
    return { done: items, cart: cartIds(answer.json, 'id'), left: [] };
  },
};
// Events (the default): the shop's listener adds. It may hand over its
// promise, as a service worker's waitUntil: e.waitUntil(myCart.add(...)),
// during dispatch. Any rejected, the block shows the error and "Try
// again"; resolved to cart lines, they become the widget's cart. Without
// it, an add not cancelled counts as done (even if some listener threw:
// the page's error events cannot tell the shop's cart from its analytics,
// and a false failure invites a second add).
let waiting;
addEventListener(
  'xsell:add-to-cart',
  (e) => {
    waiting = 0;
    e.waitUntil = (p) =>
      e.eventPhase
        ? (waiting = Promise.all([waiting, p]).then(([a, b]) => b ?? a))
        : warn('call e.waitUntil() in the listener, before any await');
  },
  true,
);
adapters.events = async (items) => {
  try {
    const lines = await waiting;
    return { done: items, cart: Array.isArray(lines) ? lines : null, left: [] };
  } catch (error) {
    // An Error, a shop's error body ({description}) or a text.
    return { done: [], cart: null, left: items, error: error?.message || error?.description || error };
  }
};
const onEvent = (event) => {
  // Found before handing over: the widget may remove the clicked element.
  const placeholder = event.target.closest('[data-xsell]');
  const items = guard(() => handle(event));
  if (!items) return;
  const adapter = adapters[String(config.cartAdapter).trim().toLowerCase()] || adapters.events;
  adapter(items).then((r) => {
    if (r.done.length) guard(() => added(placeholder, r.done, r.cart));
    if (r.left.length) guard(() => failed(placeholder, r.left, typeof r.error == 'string' ? r.error : ''));
  });
};

const draw = () => {
  ticking(guard(render));
  watch();
};

// Placeholders' attributes are their inputs, except the ones the widget
// writes itself.
const OWN = /^data-xsell-(key|state|seen|busy|fit)$/;
// New placeholders, and a product's JSON-LD written by the page's script.
const JSON_LD = 'script[type="application/ld+json"]';
const INPUT_NODES = `[data-xsell], ${JSON_LD}`;
const isInput = (r) =>
  r.type === 'attributes'
    ? r.attributeName.startsWith('data-') && !OWN.test(r.attributeName) && r.target.hasAttribute('data-xsell')
    : [...r.addedNodes].some(
        (n) => n.nodeType === 1 && (n.matches(INPUT_NODES) || n.querySelector(INPUT_NODES)),
      ) || r.target.matches?.(JSON_LD);
let queued = false;
const drawSoon = () => {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    draw();
  });
};

// Every placeholder on the page in one state: "loading" while the index
// comes (the CSS then keeps its space longer), "error" if it never does.
const mark = (state) => doc.querySelectorAll('[data-xsell]').forEach((el) => el.setAttribute('data-xsell-state', state));

const start = async () => {
  const indexUrl = config.index;
  if (!indexUrl) throw 'the script tag needs data-index="/path/to/index.json"';
  mark('loading');
  // The stylesheet, unless the page links it already (in the head, it lets
  // placeholders keep their space from the first paint).
  if (![...doc.querySelectorAll('link[rel=stylesheet]')].some((l) => /xsell\.css(\?|$)/.test(l.href))) {
    const css = doc.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('xsell.css', here).href;
    doc.head.append(css);
  }
  // Which file failed, by its full address (a relative data-index is
  // relative to the page), and the browser's reason: "Failed to fetch"
  // from a CDN is most often missing CORS headers.
  const cannot = (what) => (e) => {
    throw `cannot load ${what}: ${e?.message || e}`;
  };
  const wasm = new URL('xsell.wasm', here);
  const [, bytes] = await Promise.all([
    init({ module_or_path: wasm }).catch(cannot(wasm)),
    fetch(indexUrl)
      .then((r) => {
        if (!r.ok) throw `HTTP ${r.status}`;
        return r.arrayBuffer();
      })
      .catch(cannot(new URL(indexUrl, doc.baseURI))),
  ]);
  // A performance entry ("xsell mount": read the index, draw the blocks)
  // for shops' monitoring and npm run bench.
  const t = performance.now();
  ticking(mount(new Uint8Array(bytes), indexUrl, config));
  performance.measure('xsell mount', { start: t });
  watch();
  for (const type of ['click', 'change']) {
    doc.addEventListener(type, (event) => {
      if (event.target instanceof Element && event.target.closest('[data-xsell]')) onEvent(event);
    });
  }
  new MutationObserver((records) => records.some(isInput) && drawSoon()).observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
  });
  return true;
};

// The tag pasted twice: the first copy runs, the second stands aside.
const first = !window.xsell?.ready;
const ready = first
  ? start().catch((e) => {
      mark('error');
      warn(typeof e == 'string' ? e : `cannot start: ${e?.message || e}`);
      return false;
    })
  : window.xsell.ready;

// The page API. Every method waits for the widget and never rejects.
const redrawAfter = (f) => {
  const done = guard(() => (f(), true)) ?? false;
  draw();
  return done;
};
const api = {
  ready,
  // false when the widget refused (some of) the call, with a console warning.
  setCart: (lines) => ready.then((ok) => ok && redrawAfter(() => setCart(lines))),
  setLabels: (labels) => ready.then((ok) => ok && redrawAfter(() => setLabels(labels))),
  refresh: () => ready.then((ok) => ok && (draw(), true)),
};
if (first) {
  window.xsell = Object.assign(window.xsell || {}, api);
  ready.then((ok) => doc.dispatchEvent(new CustomEvent('xsell:ready', { detail: { ok } })));
}
