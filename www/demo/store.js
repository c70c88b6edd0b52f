// The xsell demo store: one module for every page (body[data-page] says
// which). A plain shop with a cart in localStorage, written the way a real
// shop would talk to the widget:
//
// - placeholders (<div data-xsell="...">) get their inputs as attributes:
//   data-product on the product page, data-cart on the cart page,
//   data-order on the thank-you page;
// - the cart is handed to the widget with window.xsell.setCart() whenever
//   it changes, and once more when the widget says `xsell:ready`;
// - `xsell:add-to-cart` events (bubbling from the blocks) add to the cart.
//
// Works under a strict Content-Security-Policy: no inline scripts or
// styles, DOM built with createElement/textContent only.

const CART_KEY = 'xsell-demo-cart';
const ORDER_KEY = 'xsell-demo-order';
const MAX_QUANTITY = 99;

const page = document.body.dataset.page || '';
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

// ------------------------------------------------------------ utilities

/** `h('p', {class: 'x'}, 'text', child)`: an element, text as text. */
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    e.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    e.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return e;
}

const formats = new Map();
function money(amount, currency = 'USD') {
  if (!formats.has(currency)) {
    formats.set(currency, new Intl.NumberFormat('en-US', { style: 'currency', currency }));
  }
  return formats.get(currency).format(amount);
}

/** Stars for the eye, words for screen readers. */
function rating(value) {
  if (typeof value !== 'number') return null;
  return h(
    'span',
    { class: 'rating' },
    h('span', { 'aria-hidden': 'true' }, `★ ${value.toFixed(1)}`),
    h('span', { class: 'sr-only' }, `Rated ${value.toFixed(1)} out of 5`),
  );
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// ------------------------------------------------------------- catalog

let catalogPromise;
/** The products, by id (fetched once per page). */
function loadCatalog() {
  catalogPromise ??= fetch('/data/products.json')
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    })
    .then((list) => new Map(list.map((p) => [p.id, p])));
  return catalogPromise;
}
let catalog = new Map();

// ---------------------------------------------------------------- cart

function readJson(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

/** The cart: [{id, quantity}], valid lines only. */
function readCart() {
  const lines = readJson(CART_KEY, []);
  if (!Array.isArray(lines)) return [];
  return lines
    .filter((l) => l && typeof l.id === 'string' && Number.isInteger(l.quantity) && l.quantity > 0)
    .map((l) => ({ id: l.id, quantity: Math.min(l.quantity, MAX_QUANTITY) }));
}

function writeCart(lines) {
  try {
    localStorage.setItem(CART_KEY, JSON.stringify(lines));
  } catch {
    // storage full or blocked: the cart lasts until the page closes
  }
  cart = lines;
  cartChanged();
}

let cart = readCart();

const cartCount = () => cart.reduce((n, l) => n + l.quantity, 0);

/** Adds `quantity` of `id` (merging with its line). */
function addLine(lines, id, quantity) {
  const line = lines.find((l) => l.id === id);
  if (line) line.quantity = Math.min(line.quantity + quantity, MAX_QUANTITY);
  else lines.push({ id, quantity: Math.min(quantity, MAX_QUANTITY) });
  return lines;
}

function addToCart(items) {
  const lines = cart.map((l) => ({ ...l }));
  for (const { id, quantity } of items) addLine(lines, id, quantity);
  writeCart(lines);
}

/** Puts `to` where `from` was (same quantity), or adds `to`. */
function replaceInCart(from, to) {
  const lines = cart.map((l) => ({ ...l }));
  const at = lines.findIndex((l) => l.id === from);
  if (at < 0) {
    addLine(lines, to, 1);
  } else {
    const { quantity } = lines[at];
    lines.splice(at, 1);
    const existing = lines.find((l) => l.id === to);
    if (existing) existing.quantity = Math.min(existing.quantity + quantity, MAX_QUANTITY);
    else lines.splice(at, 0, { id: to, quantity });
  }
  writeCart(lines);
}

function setQuantity(id, quantity) {
  const lines = cart
    .map((l) => (l.id === id ? { ...l, quantity: Math.min(quantity, MAX_QUANTITY) } : { ...l }))
    .filter((l) => l.quantity > 0);
  writeCart(lines);
}

/** Everything that shows the cart follows it. */
function cartChanged() {
  updateHeader();
  tellWidget();
  if (page === 'cart') renderCart();
}

/** The widget's add-ons complete this cart. It may not be loaded yet:
 *  its methods wait for it; `xsell:ready` repeats the call. */
function tellWidget() {
  const lines = cart.map(({ id, quantity }) => ({ id, quantity }));
  window.xsell?.setCart?.(lines);
  for (const el of $$('[data-xsell="add-ons"]')) {
    el.setAttribute('data-cart', lines.map((l) => `${l.id}:${l.quantity}`).join(','));
  }
}

function updateHeader() {
  const n = cartCount();
  for (const el of $$('[data-cart-count]')) el.textContent = String(n);
  for (const el of $$('[data-cart-count-words]')) el.textContent = n === 1 ? ' item' : ' items';
}

// -------------------------------------------------------------- status

let statusTimer;
/** A polite announcement, also shown as a toast for a few seconds. */
function announce(message) {
  const region = $('[data-status]');
  if (!region) return;
  clearTimeout(statusTimer);
  // Emptied first so that the same message twice is announced twice.
  region.textContent = '';
  region.classList.remove('toast--shown');
  requestAnimationFrame(() => {
    region.textContent = message;
    region.classList.add('toast--shown');
    statusTimer = setTimeout(() => {
      region.classList.remove('toast--shown');
      region.textContent = '';
    }, 6000);
  });
}

const titleOf = (id) => catalog.get(id)?.title || id;

// ------------------------------------------------- the widget's events

document.addEventListener('xsell:ready', () => tellWidget());

document.addEventListener('xsell:add-to-cart', (event) => {
  const { items = [], from, to } = event.detail || {};
  const valid = items.filter(
    (i) => i && typeof i.id === 'string' && Number.isInteger(i.quantity) && i.quantity > 0,
  );
  if (to) {
    const swapped = from && cart.some((l) => l.id === from);
    if (from && from !== to) replaceInCart(from, to);
    else addToCart([{ id: to, quantity: 1 }]);
    announce(
      swapped
        ? `Your cart now has ${titleOf(to)} instead of ${titleOf(from)}.`
        : `Added ${titleOf(to)} to your cart.`,
    );
  } else if (valid.length) {
    addToCart(valid);
    const n = valid.reduce((s, i) => s + i.quantity, 0);
    announce(
      valid.length === 1 && n === 1
        ? `Added ${titleOf(valid[0].id)} to your cart.`
        : `Added ${plural(n, 'item', 'items')} to your cart.`,
    );
  }
});

// Another tab changed the cart.
window.addEventListener('storage', (event) => {
  if (event.key === CART_KEY) {
    cart = readCart();
    cartChanged();
  }
});

// --------------------------------------------------------------- pages

function productCard(p) {
  return h(
    'li',
    { class: 'card' },
    h(
      'a',
      { class: 'card__link', href: p.url },
      h('img', { class: 'card__image', src: p.image, alt: '', width: 240, height: 240, loading: 'lazy' }),
      h('span', { class: 'card__title' }, p.title),
    ),
    h(
      'p',
      { class: 'card__meta' },
      h('span', { class: 'price' }, money(p.price, p.currency)),
      rating(p.rating),
    ),
    p.in_stock ? null : h('p', { class: 'badge badge--muted' }, 'Out of stock'),
  );
}

function renderHome() {
  const holder = $('[data-catalog]');
  const filter = $('[data-category-filter]');
  const categories = [];
  for (const p of catalog.values()) if (!categories.includes(p.category)) categories.push(p.category);
  const sections = categories.map((category) => {
    const slug = category.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const products = [...catalog.values()].filter((p) => p.category === category);
    return h(
      'section',
      { class: 'category', 'aria-labelledby': `cat-${slug}`, 'data-category': category },
      h('h2', { id: `cat-${slug}`, class: 'category__title' }, category,
        h('span', { class: 'category__count' }, ` (${products.length})`)),
      h('ul', { class: 'grid', role: 'list' }, products.map(productCard)),
    );
  });
  holder.replaceChildren(...sections);
  holder.removeAttribute('aria-busy');

  for (const c of categories) filter.append(h('option', { value: c }, c));
  const apply = () => {
    for (const s of sections) s.hidden = !!filter.value && s.dataset.category !== filter.value;
    const url = new URL(location.href);
    if (filter.value) url.searchParams.set('category', filter.value);
    else url.searchParams.delete('category');
    history.replaceState(null, '', url);
  };
  const wanted = new URLSearchParams(location.search).get('category');
  if (wanted && categories.includes(wanted)) filter.value = wanted;
  filter.addEventListener('change', apply);
  apply();
}

function renderProduct() {
  const id = new URLSearchParams(location.search).get('id') || '';
  const view = $('[data-product-view]');
  const p = catalog.get(id);
  view.removeAttribute('aria-busy');
  if (!p) {
    document.title = 'Product not found – Nimbus Market';
    $('[data-recommendations]')?.remove();
    view.replaceChildren(
      h(
        'div',
        { class: 'notice' },
        h('h1', {}, 'Product not found'),
        h('p', {}, id ? `We have no product with the id “${id}”. It may have been removed.` : 'No product was given.'),
        h('p', {}, h('a', { href: '/' }, 'Browse all products')),
      ),
    );
    return;
  }
  document.title = `${p.title} – Nimbus Market`;
  const crumbs = $('[data-breadcrumb]');
  const category = $('[data-breadcrumb-category]');
  category.textContent = p.category;
  category.setAttribute('href', `/?category=${encodeURIComponent(p.category)}`);
  $('[data-breadcrumb-title]').textContent = p.title;
  crumbs.hidden = false;

  const quantity = h('input', {
    id: 'quantity', class: 'quantity-input', type: 'number', name: 'quantity',
    min: 1, max: 10, value: 1, inputmode: 'numeric', required: true,
  });
  const form = h(
    'form',
    { class: 'buy' },
    h('label', { for: 'quantity' }, 'Quantity'),
    quantity,
    h('button', { class: 'button', type: 'submit', disabled: !p.in_stock }, 'Add to cart'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const n = Math.max(1, Math.min(10, Math.round(Number(quantity.value) || 1)));
    quantity.value = String(n);
    addToCart([{ id: p.id, quantity: n }]);
    announce(n === 1 ? `Added ${p.title} to your cart.` : `Added ${n} × ${p.title} to your cart.`);
  });
  view.replaceChildren(
    h(
      'article',
      { class: 'product', 'aria-labelledby': 'product-title' },
      h('img', { class: 'product__image', src: p.image, alt: '', width: 240, height: 240 }),
      h(
        'div',
        { class: 'product__body' },
        h('p', { class: 'product__category' }, p.category),
        h('h1', { id: 'product-title', class: 'product__title' }, p.title),
        h('p', { class: 'product__price' }, money(p.price, p.currency)),
        rating(p.rating),
        h('p', { class: 'product__description' }, p.description),
        h(
          'p',
          { class: p.in_stock ? 'stock stock--in' : 'stock stock--out' },
          p.in_stock ? 'In stock, ships in 1–2 days' : 'Out of stock',
        ),
        form,
      ),
    ),
  );
}

function lineTotal(lines) {
  let total = 0;
  for (const l of lines) total += (catalog.get(l.id)?.price || 0) * l.quantity;
  return total;
}

function renderCart() {
  const view = $('[data-cart-view]');
  if (!view || !catalog.size) return;
  view.removeAttribute('aria-busy');
  // Lines for products the shop no longer sells are dropped quietly.
  const lines = cart.filter((l) => catalog.has(l.id));
  // Put focus back on the same control after redrawing.
  const active = document.activeElement;
  const focusKey = active?.closest('[data-cart-view]') ? active.dataset.focusKey : null;

  if (!lines.length) {
    view.replaceChildren(
      h('p', { class: 'empty' }, 'Your cart is empty.'),
      h('p', {}, h('a', { class: 'button button--secondary', href: '/' }, 'Browse products')),
    );
    if (focusKey) $('[data-focus-target]')?.focus();
    return;
  }
  const list = h(
    'ul',
    { class: 'cart-lines', role: 'list', 'aria-label': 'Items in your cart' },
    lines.map((l) => {
      const p = catalog.get(l.id);
      const minus = h('button', {
        class: 'qty__button', type: 'button', 'data-focus-key': `minus-${p.id}`,
        'aria-label': `Decrease quantity of ${p.title}`, disabled: l.quantity <= 1,
      }, '−');
      const plus = h('button', {
        class: 'qty__button', type: 'button', 'data-focus-key': `plus-${p.id}`,
        'aria-label': `Increase quantity of ${p.title}`, disabled: l.quantity >= MAX_QUANTITY,
      }, '+');
      const remove = h('button', {
        class: 'link-button', type: 'button', 'data-focus-key': `remove-${p.id}`,
        'aria-label': `Remove ${p.title} from your cart`,
      }, 'Remove');
      minus.addEventListener('click', () => setQuantity(p.id, l.quantity - 1));
      plus.addEventListener('click', () => setQuantity(p.id, l.quantity + 1));
      remove.addEventListener('click', () => {
        setQuantity(p.id, 0);
        announce(`Removed ${p.title} from your cart.`);
      });
      return h(
        'li',
        { class: 'cart-line' },
        h('img', { class: 'cart-line__image', src: p.image, alt: '', width: 72, height: 72 }),
        h(
          'div',
          { class: 'cart-line__info' },
          h('a', { class: 'cart-line__title', href: p.url }, p.title),
          h('span', { class: 'cart-line__unit' }, `${money(p.price, p.currency)} each`),
          p.in_stock ? null : h('span', { class: 'badge badge--muted' }, 'Out of stock'),
        ),
        h(
          'div',
          { class: 'qty', role: 'group', 'aria-label': `Quantity of ${p.title}` },
          minus,
          h('span', { class: 'qty__value', 'aria-live': 'polite' }, String(l.quantity)),
          plus,
        ),
        h('span', { class: 'cart-line__total' }, money(p.price * l.quantity, p.currency)),
        remove,
      );
    }),
  );
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  const place = h('button', { class: 'button button--large', type: 'button' }, 'Place order');
  place.addEventListener('click', placeOrder);
  view.replaceChildren(
    list,
    h(
      'div',
      { class: 'cart-summary' },
      h(
        'p',
        { class: 'cart-summary__subtotal' },
        h('span', {}, `Subtotal (${plural(count, 'item', 'items')})`),
        h('strong', {}, money(lineTotal(lines))),
      ),
      h('p', { class: 'cart-summary__note' }, 'Demo store: placing an order charges nothing.'),
      place,
    ),
  );
  if (focusKey) {
    const again = $(`[data-focus-key="${CSS.escape(focusKey)}"]`, view);
    if (again && !again.disabled) again.focus();
    else $('[data-focus-target]')?.focus();
  }
}

function placeOrder() {
  const lines = cart.filter((l) => catalog.has(l.id));
  if (!lines.length) return;
  const order = {
    number: `NM-${Date.now().toString(36).toUpperCase()}`,
    placedAt: new Date().toISOString(),
    lines: lines.map((l) => {
      const p = catalog.get(l.id);
      return { id: l.id, quantity: l.quantity, title: p.title, price: p.price, currency: p.currency };
    }),
    total: lineTotal(lines),
  };
  try {
    localStorage.setItem(ORDER_KEY, JSON.stringify(order));
  } catch {
    // without storage the thank-you page shows no details
  }
  writeCart([]);
  location.assign('/thank-you.html');
}

function renderThankYou() {
  const view = $('[data-order-view]');
  view.removeAttribute('aria-busy');
  const order = readJson(ORDER_KEY, null);
  const lines = Array.isArray(order?.lines)
    ? order.lines.filter((l) => l && typeof l.id === 'string' && l.quantity > 0)
    : [];
  if (!lines.length) {
    view.replaceChildren(
      h('p', {}, 'We could not find a recent order in this browser.'),
      h('p', {}, h('a', { href: '/' }, 'Continue shopping')),
    );
    return;
  }
  const placed = new Date(order.placedAt);
  view.replaceChildren(
    h(
      'p',
      { class: 'lead' },
      `Order ${order.number || ''} was placed${Number.isNaN(placed.getTime()) ? '' : ` on ${placed.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}`}. `,
      'No payment was taken: this is a demo.',
    ),
    h('h2', { class: 'receipt__title' }, 'Your order'),
    h(
      'ul',
      { class: 'receipt__lines', role: 'list' },
      lines.map((l) => {
        const p = catalog.get(l.id);
        const title = p?.title || l.title || l.id;
        const price = typeof l.price === 'number' ? l.price : p?.price || 0;
        return h(
          'li',
          { class: 'receipt__line' },
          p ? h('img', { class: 'receipt__image', src: p.image, alt: '', width: 48, height: 48 }) : null,
          p ? h('a', { href: p.url }, title) : h('span', {}, title),
          h('span', { class: 'receipt__qty' }, `× ${l.quantity}`),
          h('span', { class: 'receipt__amount' }, money(price * l.quantity, l.currency || 'USD')),
        );
      }),
    ),
    h(
      'p',
      { class: 'receipt__total' },
      h('span', {}, 'Total'),
      h('strong', {}, money(typeof order.total === 'number' ? order.total : 0)),
    ),
    h('p', {}, h('a', { href: '/' }, 'Continue shopping')),
  );
  for (const el of $$('[data-xsell="post-purchase"]')) {
    el.setAttribute('data-order', lines.map((l) => l.id).join(','));
  }
}

// ---------------------------------------------------------------- start

function start() {
  if (page === 'cart') {
    $('.cart-link')?.setAttribute('aria-current', 'page');
  }
  // The product page's blocks need only the id: set it before the catalog
  // arrives so the widget can draw as soon as it is ready.
  if (page === 'product') {
    const id = new URLSearchParams(location.search).get('id') || '';
    for (const el of $$('[data-xsell="bought-together"], [data-xsell="upgrade"]')) {
      el.setAttribute('data-product', id);
    }
  }
  updateHeader();
  tellWidget();
  loadCatalog()
    .then((products) => {
      catalog = products;
      if (page === 'home') renderHome();
      else if (page === 'product') renderProduct();
      else if (page === 'cart') renderCart();
      else if (page === 'thank-you') renderThankYou();
    })
    .catch((e) => {
      const holder = $('[aria-busy="true"]');
      if (holder) {
        holder.removeAttribute('aria-busy');
        holder.replaceChildren(
          h('p', { class: 'notice' }, `Sorry, the products could not be loaded (${e.message}). Try reloading the page.`),
        );
      }
    });
}

start();
