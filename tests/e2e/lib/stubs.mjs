// Stub cart APIs for end-to-end tests, usable as the `handler` of site():
// they speak the documented request and answer shapes of
//   - Shopify's AJAX Cart API (POST {root}cart/add.js, GET {root}cart.js)
//   - WooCommerce's Store API (GET {api}cart, POST {api}cart/add-item with
//     the `Nonce` header from the previous answer)
// keep a cart in memory, validate what they are sent (400 on a bad shape),
// record every request, and fail, stall or hang up on demand.
//
//   const shop = shopifyStub({ products: { '40000001': { title, price } } });
//   site({ pages, index, handler: combine(shop.handler, woo.handler) });
//   shop.refuseNextAdd();   // next add: 422 {"status":422,"message":"Cart Error",...}
//   shop.delay = 400;       // every add waits 400 ms before answering
//   shop.requests           // [{method, path, headers, body, json}]

/** A handler that asks each handler in turn (site() takes one). */
export const combine =
  (...handlers) =>
  async (req, res) => {
    for (const h of handlers) if (await h(req, res)) return true;
    return false;
  };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function readBody(req) {
  return new Promise((done, fail) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function sendJson(res, status, value, headers = {}) {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Parses a JSON request body; null unless it is a JSON object sent as JSON. */
function jsonBody(req, text) {
  if (!/^application\/json\b/i.test(req.headers['content-type'] || '')) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const positiveInteger = (v) => Number.isSafeInteger(v) && v > 0;

/** Shared recording and failure knobs. */
function knobs(stub) {
  stub.requests = [];
  stub.delay = 0; // ms before an add is answered
  stub.failures = []; // queued {status, body} answers for the next adds
  stub.hangUps = 0; // next adds whose socket is destroyed without an answer (Infinity: all)
  stub.calls = () => stub.requests.map((r) => `${r.method} ${r.path}`);
  stub.refuseNextAdd = (status, body) => stub.failures.push({ status, body });
  // Chromium resends a request whose reused connection closed without an
  // answer (several times): hang up on every add to make it give up.
  stub.hangUpNextAdds = (n = Infinity) => (stub.hangUps += n);
  stub.record = async (req, url) => {
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    const entry = { method: req.method, path: url.pathname + url.search, headers: { ...req.headers }, body, json: undefined };
    try {
      entry.json = body ? JSON.parse(body) : undefined;
    } catch {
      // not JSON: left undefined, the endpoint answers 400
    }
    stub.requests.push(entry);
    return entry;
  };
  /** Applies the failure knobs to an add; true when it already answered. */
  stub.misbehave = async (req, res, defaults) => {
    if (stub.delay) await sleep(stub.delay);
    if (stub.hangUps > 0) {
      stub.hangUps -= 1;
      req.socket.destroy();
      return true;
    }
    const failure = stub.failures.shift();
    if (failure) {
      sendJson(res, failure.status ?? defaults.status, failure.body ?? defaults.body, defaults.headers?.() ?? {});
      return true;
    }
    return false;
  };
}

/**
 * Shopify AJAX Cart API. `products`: variant id -> {title, price (major
 * units, e.g. "649.00")}; `cart`: [{id, quantity}] to start with; `root`:
 * the shop's routes root ("/", "/en-ca/").
 */
export function shopifyStub({ products, cart = [], root = '/', currency = 'USD' }) {
  const stub = { root };
  knobs(stub);
  const cents = (id) => Math.round(Number(products[id].price) * 100);
  const line = (id, quantity) => {
    const p = products[id];
    const variant = Number(id);
    return {
      id: variant,
      properties: null,
      quantity,
      variant_id: variant,
      key: `${variant}:${(variant * 2654435761).toString(16).slice(-8)}`,
      title: p.title,
      price: cents(id),
      original_price: cents(id),
      final_price: cents(id),
      line_price: cents(id) * quantity,
      original_line_price: cents(id) * quantity,
      final_line_price: cents(id) * quantity,
      sku: `SKU-${id}`,
      product_id: variant + 1000000,
      handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      product_title: p.title,
      variant_title: null,
      url: `/products/${id}?variant=${id}`,
      requires_shipping: true,
      taxable: true,
      gift_card: false,
    };
  };
  stub.reset = ({ cart: lines = cart } = {}) => {
    stub.lines = new Map(lines.map((l) => [String(l.id), l.quantity]));
    stub.requests.length = 0;
    stub.failures.length = 0;
    stub.delay = 0;
    stub.hangUps = 0;
  };
  stub.reset();
  stub.cart = () => {
    const items = [...stub.lines].map(([id, q]) => line(id, q));
    const total = items.reduce((s, i) => s + i.final_line_price, 0);
    return {
      token: 'c1-7a5e0d0c0a7b4e2f9d3c2b1a09f8e7d6',
      note: null,
      attributes: {},
      original_total_price: total,
      total_price: total,
      total_discount: 0,
      total_weight: 0,
      item_count: items.reduce((s, i) => s + i.quantity, 0),
      items,
      requires_shipping: items.length > 0,
      currency,
      items_subtotal_price: total,
      cart_level_discount_applications: [],
    };
  };

  const badRequest = (res, field) =>
    sendJson(res, 400, {
      status: 'bad_request',
      message: 'Parameter Missing or Invalid',
      description: `Required parameter missing or invalid: ${field}`,
    });

  stub.handler = async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    if (path !== `${root}cart.js` && !path.startsWith(`${root}cart/`)) return false;
    const entry = await stub.record(req, url);
    if (path === `${root}cart.js` && req.method === 'GET') {
      sendJson(res, 200, stub.cart());
      return true;
    }
    if (path === `${root}cart/add.js` && req.method === 'POST') {
      const body = jsonBody(req, entry.body);
      const items = body && body.items;
      if (!Array.isArray(items) || items.length === 0) return badRequest(res, 'items'), true;
      for (const item of items) {
        // Variant ids are numbers; the quantity is a whole number above 0.
        if (!item || typeof item !== 'object' || !positiveInteger(item.id)) return badRequest(res, 'items[].id'), true;
        if ('quantity' in item && !positiveInteger(item.quantity)) return badRequest(res, 'items[].quantity'), true;
      }
      if (
        await stub.misbehave(req, res, {
          status: 422,
          body: { status: 422, message: 'Cart Error', description: 'Only 1 left in stock' },
        })
      ) {
        return true;
      }
      for (const item of items) {
        if (!products[String(item.id)]) {
          sendJson(res, 404, { status: 404, message: 'Cart Error', description: 'Cannot find variant' });
          return true;
        }
      }
      const added = [];
      for (const item of items) {
        const id = String(item.id);
        stub.lines.set(id, (stub.lines.get(id) || 0) + (item.quantity ?? 1));
        added.push(line(id, stub.lines.get(id)));
      }
      sendJson(res, 200, { items: added });
      return true;
    }
    sendJson(res, 404, { status: 404, message: 'Not Found', description: `No route ${req.method} ${path}` });
    return true;
  };
  return stub;
}

/**
 * WooCommerce Store API under `api` (default /wp-json/wc/store/v1/).
 * `products`: product id -> {title, price}; `cart`: [{id, quantity}].
 * Every answer carries a fresh `Nonce` header; add-item requires the
 * last one sent. Knobs beyond the shared ones: `omitNonce` (GET cart
 * answers without the header), `expireNonceAfterGet` (the nonce a GET
 * cart sends is stale at once, as when a session expired).
 */
export function wooStub({ products, cart = [], api = '/wp-json/wc/store/v1/', currency = 'USD' }) {
  const stub = { api };
  knobs(stub);
  let counter = 0;
  const freshNonce = () => {
    counter += 1;
    stub.nonce = `n${counter.toString(16).padStart(9, '0')}`;
    stub.nonces.push(stub.nonce);
    return stub.nonce;
  };
  stub.reset = ({ cart: lines = cart } = {}) => {
    stub.lines = new Map(lines.map((l) => [String(l.id), l.quantity]));
    stub.requests.length = 0;
    stub.failures.length = 0;
    stub.delay = 0;
    stub.hangUps = 0;
    stub.nonce = null; // the last nonce sent
    stub.nonces = []; // every nonce sent, in order
    stub.omitNonce = false;
    stub.expireNonceAfterGet = false;
  };
  stub.reset();
  const minor = (id) => String(Math.round(Number(products[id].price) * 100));
  const money = { currency_code: currency, currency_symbol: '$', currency_minor_unit: 2, currency_decimal_separator: '.', currency_thousand_separator: ',', currency_prefix: '$', currency_suffix: '' };
  stub.cart = () => {
    const items = [...stub.lines].map(([id, quantity]) => ({
      key: `k${id}`,
      id: Number(id),
      type: 'simple',
      quantity,
      name: products[id].title,
      sku: `SKU-${id}`,
      permalink: `/product/${id}/`,
      prices: { price: minor(id), regular_price: minor(id), sale_price: minor(id), ...money },
      totals: { line_subtotal: String(minor(id) * quantity), line_total: String(minor(id) * quantity), ...money },
    }));
    const total = items.reduce((s, i) => s + Number(i.totals.line_total), 0);
    return {
      items,
      coupons: [],
      items_count: items.reduce((s, i) => s + i.quantity, 0),
      items_weight: 0,
      needs_payment: items.length > 0,
      needs_shipping: items.length > 0,
      totals: { total_items: String(total), total_items_tax: '0', total_price: String(total), total_tax: '0', ...money },
      errors: [],
    };
  };
  const nonceHeader = () => ({ Nonce: freshNonce() });
  const error = (res, status, code, message, extra = {}) =>
    sendJson(res, status, { code, message, data: { status, ...extra } });

  stub.handler = async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    if (!path.startsWith(api)) return false;
    const entry = await stub.record(req, url);
    const route = path.slice(api.length);
    if (route === 'cart' && req.method === 'GET') {
      const headers = stub.omitNonce ? {} : nonceHeader();
      if (stub.expireNonceAfterGet) stub.nonce = 'expired-' + stub.nonce;
      sendJson(res, 200, stub.cart(), headers);
      return true;
    }
    if (route === 'cart/add-item' && req.method === 'POST') {
      const sent = req.headers.nonce;
      if (!sent) {
        error(res, 401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
        return true;
      }
      if (sent !== stub.nonce) {
        // What WooCommerce answers for a nonce that is not (or no longer) valid.
        error(res, 403, 'woocommerce_rest_invalid_nonce', 'Nonce is invalid.');
        return true;
      }
      const body = jsonBody(req, entry.body);
      if (!body || !positiveInteger(body.id)) {
        error(res, 400, 'rest_invalid_param', 'Invalid parameter(s): id', { params: { id: 'id is not of type integer.' } });
        return true;
      }
      if ('quantity' in body && !positiveInteger(body.quantity)) {
        error(res, 400, 'rest_invalid_param', 'Invalid parameter(s): quantity', { params: { quantity: 'quantity is not of type integer.' } });
        return true;
      }
      if (
        await stub.misbehave(req, res, {
          status: 400,
          body: {
            code: 'woocommerce_rest_product_partially_out_of_stock',
            message: 'You cannot add that amount to the cart — only 1 left in stock.',
            data: { status: 400 },
          },
          headers: nonceHeader,
        })
      ) {
        return true;
      }
      const id = String(body.id);
      if (!products[id]) {
        error(res, 400, 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.');
        return true;
      }
      stub.lines.set(id, (stub.lines.get(id) || 0) + (body.quantity ?? 1));
      sendJson(res, 201, stub.cart(), nonceHeader());
      return true;
    }
    error(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
    return true;
  };
  return stub;
}

/** The products of a catalog CSV (simple: no quoted commas) for the stubs. */
export function productsOf(catalogCsv) {
  const [head, ...rows] = catalogCsv.trim().split('\n');
  const cols = head.split(',');
  const at = (name) => cols.indexOf(name);
  return Object.fromEntries(
    rows.map((r) => {
      const c = r.split(',');
      return [c[at('id')], { title: c[at('title')], price: c[at('price')] }];
    }),
  );
}
