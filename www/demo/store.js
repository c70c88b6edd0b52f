// The xsell demo store: one module for every page (body[data-page] says
// which). A plain shop with a cart in localStorage, written the way a real
// shop would talk to the widget:
//
// - the product page describes its product as schema.org JSON-LD (a
//   <script type="application/ld+json"> data block, never executed): the
//   widget finds the product there (`sku`), so its placeholders need no
//   data-product;
// - other placeholders (<div data-xsell="...">) get their inputs as
//   attributes: data-cart on the cart page, data-order on the thank-you
//   page (whose post-purchase offer is time-limited: data-discount,
//   data-countdown in the HTML);
// - the cart is handed to the widget with window.xsell.setCart() whenever
//   it changes, and once more when the widget says `xsell:ready`;
// - `xsell:add-to-cart` events (bubbling from the blocks) add to the cart.
//
// Products may have variants (products.json lists them in their parent:
// colours of a case, sizes of a bag of beans). Cart lines, orders and the
// widget's events name the variant; what the shopper sees is the parent's
// title and the option ("Aurora Lite silicone case — Blue").
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
/** The products, by id (fetched once per page): parents and products
 *  without variants, as the home page lists them. */
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
/** What a cart line may name, by id: every product, and every variant as
 *  {id, option, price, in_stock, image, parent, title, currency, url}. */
let items = new Map();

function indexItems(products) {
  const all = new Map();
  for (const p of products.values()) {
    all.set(p.id, p);
    for (const v of p.variants || []) {
      all.set(v.id, {
        ...v,
        parent: p,
        title: p.title,
        currency: p.currency,
        category: p.category,
        image: v.image || p.image,
        url: `/product.html?id=${encodeURIComponent(p.id)}&variant=${encodeURIComponent(v.id)}`,
      });
    }
  }
  return all;
}

/** "Aurora Lite silicone case — Blue" for a variant, the title otherwise. */
const displayTitle = (item) => (item.parent ? `${item.title} — ${item.option}` : item.title);

/** The variant a parent is bought as when none was chosen: its first in
 *  stock (else its first). */
const defaultVariant = (p) => (p.variants || []).find((v) => v.in_stock) || p.variants?.[0];

/** The id a cart line holds for `id`: a parent with variants becomes its
 *  default variant (a parent alone is not something one can ship). */
function lineId(id) {
  const item = items.get(id);
  return item?.variants?.length ? defaultVariant(item).id : id;
}

/** The product a cart line is (the parent of a variant). */
const productIdOf = (id) => items.get(id)?.parent?.id || id;

/** Lowest and highest price of a product (over its variants). */
function priceRange(p) {
  const prices = p.variants?.length ? p.variants.map((v) => v.price) : [p.price];
  return [Math.min(...prices), Math.max(...prices)];
}

// ---------------------------------------------------------------- cart

function readJson(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

/** A percentage off (a time-limited offer's), or undefined. */
const validDiscount = (d) => (typeof d === 'number' && d > 0 && d < 100 ? d : undefined);

/** The cart: [{id, quantity, discount?}], valid lines only. `discount`:
 *  percent off, when the line came from a time-limited offer. */
function readCart() {
  const lines = readJson(CART_KEY, []);
  if (!Array.isArray(lines)) return [];
  return lines
    .filter((l) => l && typeof l.id === 'string' && Number.isInteger(l.quantity) && l.quantity > 0)
    .map((l) => ({ id: l.id, quantity: Math.min(l.quantity, MAX_QUANTITY), discount: validDiscount(l.discount) }));
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
function addLine(lines, id, quantity, discount) {
  const line = lines.find((l) => l.id === id);
  if (line) {
    line.quantity = Math.min(line.quantity + quantity, MAX_QUANTITY);
    // The demo keeps it simple: the offer's discount covers the line.
    line.discount = validDiscount(Math.max(line.discount || 0, discount || 0));
  } else {
    lines.push({ id, quantity: Math.min(quantity, MAX_QUANTITY), discount: validDiscount(discount) });
  }
  return lines;
}

function addToCart(added, discount) {
  const lines = cart.map((l) => ({ ...l }));
  for (const { id, quantity } of added) addLine(lines, lineId(id), quantity, discount);
  writeCart(lines);
}

/** What one of a line costs: its price, less its discount (to the cent). */
function unitPrice(line) {
  const price = items.get(line.id)?.price || 0;
  return line.discount ? Math.round(price * (100 - line.discount)) / 100 : price;
}

/** Whether a cart line holds `id`: that very item, or a variant of it. */
const lineIs = (line, id) => line.id === id || productIdOf(line.id) === id;

/** Puts `to` where `from` (or a variant of it) was (same quantity), or
 *  adds `to`. */
function replaceInCart(from, to) {
  to = lineId(to);
  const lines = cart.map((l) => ({ ...l }));
  const at = lines.findIndex((l) => lineIs(l, from));
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

const titleOf = (id) => {
  const item = items.get(lineId(id));
  return item ? displayTitle(item) : id;
};

// ------------------------------------------------- the widget's events

document.addEventListener('xsell:ready', () => tellWidget());

// Items may be products or variants (picked in the block); a time-limited
// offer adds its `discount` (percent).
document.addEventListener('xsell:add-to-cart', (event) => {
  const { items: added = [], from, to, discount } = event.detail || {};
  const valid = added.filter(
    (i) => i && typeof i.id === 'string' && Number.isInteger(i.quantity) && i.quantity > 0,
  );
  if (to) {
    // The variant picked in the block, if any, else the product.
    const target = valid.find((i) => i.id === to || productIdOf(i.id) === to)?.id || to;
    // The line it replaces: the product itself or the variant in the cart.
    const swapped = from ? cart.find((l) => lineIs(l, from)) : null;
    if (from && from !== to) replaceInCart(from, target);
    else addToCart([{ id: target, quantity: 1 }]);
    announce(
      swapped && from !== to
        ? `Your cart now has ${titleOf(target)} instead of ${titleOf(swapped.id)}.`
        : `Added ${titleOf(target)} to your cart.`,
    );
  } else if (valid.length) {
    addToCart(valid, validDiscount(discount));
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

/** "$19.00", or "From $7.00" when the variants' prices differ. */
function priceText(p) {
  const [low, high] = priceRange(p);
  return low === high ? money(low, p.currency) : `From ${money(low, p.currency)}`;
}

/** "3 colours", "2 sizes". */
function optionCount(p) {
  const name = (p.option_name || 'option').toLowerCase();
  return plural(p.variants.length, name, `${name}s`);
}

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
    p.variants?.length ? h('p', { class: 'card__options' }, optionCount(p)) : null,
    h(
      'p',
      { class: 'card__meta' },
      h('span', { class: 'price' }, priceText(p)),
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

/** The product as schema.org JSON-LD, in a data block (never executed, so
 *  fine under a strict CSP). The widget reads `sku` (else `productID`) to
 *  know which product the page is about: the variant chosen, when there is
 *  one, so the blocks offer that very variant (rewritten when the shopper
 *  picks another; the widget follows). */
function describeProduct(p, variant) {
  const [low, high] = priceRange(p);
  const availability = `https://schema.org/${p.in_stock ? 'InStock' : 'OutOfStock'}`;
  const url = new URL(p.url, location.href).href;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    sku: variant?.id || p.id,
    productID: p.id,
    name: p.title,
    description: p.description,
    image: new URL(p.image, location.href).href,
    category: p.category,
    url,
    offers: p.variants?.length
      ? {
          '@type': 'AggregateOffer',
          priceCurrency: p.currency,
          lowPrice: low.toFixed(2),
          highPrice: high.toFixed(2),
          offerCount: p.variants.length,
          availability,
        }
      : {
          '@type': 'Offer',
          priceCurrency: p.currency,
          price: p.price.toFixed(2),
          availability,
          url,
        },
  };
  const attrs = Object.entries(p.attrs || {});
  if (attrs.length) {
    data.additionalProperty = attrs.map(([name, value]) => ({ '@type': 'PropertyValue', name, value }));
  }
  $('script[type="application/ld+json"][data-product-json]')?.remove();
  const block = h('script', { type: 'application/ld+json', 'data-product-json': true });
  block.textContent = JSON.stringify(data);
  document.head.append(block);
}

/** The spec list: the product's attributes, the ones the upgrade block
 *  compares. */
function specList(p) {
  const attrs = Object.entries(p.attrs || {});
  if (!attrs.length) return null;
  return h(
    'section',
    { class: 'specs', 'aria-labelledby': 'specs-title' },
    h('h2', { id: 'specs-title', class: 'specs__title' }, 'Specifications'),
    h(
      'dl',
      { class: 'specs__list' },
      attrs.map(([name, value]) => h('div', { class: 'specs__row' }, h('dt', {}, name), h('dd', {}, value))),
    ),
  );
}

function renderProduct() {
  const params = new URLSearchParams(location.search);
  const id = params.get('id') || '';
  const view = $('[data-product-view]');
  // A variant's id opens its parent with that variant chosen.
  const asked = items.get(id);
  const p = asked?.parent || catalog.get(id);
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

  const variants = p.variants || [];
  const wanted = asked?.parent ? asked.id : params.get('variant');
  let chosen = variants.find((v) => v.id === wanted) || defaultVariant(p) || null;
  describeProduct(p, chosen);

  const image = h('img', { class: 'product__image', src: p.image, alt: '', width: 240, height: 240 });
  const price = h('p', { class: 'product__price' });
  const stock = h('p', { class: 'stock' });
  const button = h('button', { class: 'button', type: 'submit' }, 'Add to cart');
  const quantity = h('input', {
    id: 'quantity', class: 'quantity-input', type: 'number', name: 'quantity',
    min: 1, max: 10, value: 1, inputmode: 'numeric', required: true,
  });

  /** Price, picture and stock follow the chosen variant. */
  const show = () => {
    const item = chosen || p;
    const inStock = p.in_stock && item.in_stock;
    price.textContent = money(item.price, p.currency);
    image.setAttribute('src', item.image || p.image);
    stock.textContent = inStock
      ? 'In stock, ships in 1–2 days'
      : chosen
        ? `${chosen.option} is out of stock`
        : 'Out of stock';
    stock.className = inStock ? 'stock stock--in' : 'stock stock--out';
    button.disabled = !inStock;
  };

  let picker = null;
  if (variants.length) {
    const name = p.option_name || 'Option';
    picker = h(
      'fieldset',
      { class: 'variants' },
      h('legend', { class: 'variants__legend' }, name),
      h(
        'div',
        { class: 'variants__options' },
        variants.map((v) => {
          const input = h('input', {
            type: 'radio', name: 'variant', value: v.id, id: `variant-${v.id}`,
            class: 'variants__input', checked: v === chosen,
          });
          input.addEventListener('change', () => {
            if (!input.checked) return;
            chosen = v;
            show();
            describeProduct(p, v);
            // The address names the choice (reload, share, back from the cart).
            const url = new URL(location.href);
            url.searchParams.set('id', p.id);
            url.searchParams.set('variant', v.id);
            history.replaceState(null, '', url);
          });
          const samePrice = priceRange(p)[0] === priceRange(p)[1];
          return h(
            'label',
            { class: v.in_stock ? 'variants__option' : 'variants__option variants__option--out', for: `variant-${v.id}` },
            input,
            name === 'Colour' && v.image
              ? h('img', { class: 'variants__swatch', src: v.image, alt: '', width: 28, height: 28 })
              : null,
            h('span', { class: 'variants__label' }, v.option),
            samePrice ? null : h('span', { class: 'variants__price' }, money(v.price, p.currency)),
            v.in_stock ? null : h('span', { class: 'variants__stock' }, 'out of stock'),
          );
        }),
      ),
    );
  }

  const form = h(
    'form',
    { class: 'buy' },
    picker,
    h(
      'div',
      { class: 'buy__row' },
      h('label', { for: 'quantity' }, 'Quantity'),
      quantity,
      button,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const n = Math.max(1, Math.min(10, Math.round(Number(quantity.value) || 1)));
    quantity.value = String(n);
    const item = chosen ? items.get(chosen.id) : p;
    addToCart([{ id: item.id, quantity: n }]);
    const title = displayTitle(item);
    announce(n === 1 ? `Added ${title} to your cart.` : `Added ${n} × ${title} to your cart.`);
  });
  show();
  view.replaceChildren(
    h(
      'article',
      { class: 'product', 'aria-labelledby': 'product-title' },
      image,
      h(
        'div',
        { class: 'product__body' },
        h('p', { class: 'product__category' }, p.category),
        h('h1', { id: 'product-title', class: 'product__title' }, p.title),
        price,
        rating(p.rating),
        h('p', { class: 'product__description' }, p.description),
        stock,
        form,
        specList(p),
      ),
    ),
  );
}

function lineTotal(lines) {
  let total = 0;
  for (const l of lines) total += unitPrice(l) * l.quantity;
  return total;
}

function renderCart() {
  const view = $('[data-cart-view]');
  if (!view || !items.size) return;
  view.removeAttribute('aria-busy');
  // Lines for products the shop no longer sells are dropped quietly.
  const lines = cart.filter((l) => items.has(l.id));
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
      // A product, or a variant (shown with its option).
      const p = items.get(l.id);
      const title = displayTitle(p);
      const minus = h('button', {
        class: 'qty__button', type: 'button', 'data-focus-key': `minus-${p.id}`,
        'aria-label': `Decrease quantity of ${title}`, disabled: l.quantity <= 1,
      }, '−');
      const plus = h('button', {
        class: 'qty__button', type: 'button', 'data-focus-key': `plus-${p.id}`,
        'aria-label': `Increase quantity of ${title}`, disabled: l.quantity >= MAX_QUANTITY,
      }, '+');
      const remove = h('button', {
        class: 'link-button', type: 'button', 'data-focus-key': `remove-${p.id}`,
        'aria-label': `Remove ${title} from your cart`,
      }, 'Remove');
      minus.addEventListener('click', () => setQuantity(p.id, l.quantity - 1));
      plus.addEventListener('click', () => setQuantity(p.id, l.quantity + 1));
      remove.addEventListener('click', () => {
        setQuantity(p.id, 0);
        announce(`Removed ${title} from your cart.`);
      });
      const inStock = p.in_stock && (!p.parent || p.parent.in_stock);
      return h(
        'li',
        { class: 'cart-line' },
        h('img', { class: 'cart-line__image', src: p.image, alt: '', width: 72, height: 72 }),
        h(
          'div',
          { class: 'cart-line__info' },
          h(
            'a',
            { class: 'cart-line__title', href: p.url },
            p.title,
            p.parent ? h('span', { class: 'cart-line__option' }, ` — ${p.option}`) : null,
          ),
          l.discount
            ? h(
                'span',
                { class: 'cart-line__unit' },
                h('s', {}, h('span', { class: 'sr-only' }, 'was '), money(p.price, p.currency)),
                ` ${money(unitPrice(l), p.currency)} each, ${l.discount}% off`,
              )
            : h('span', { class: 'cart-line__unit' }, `${money(p.price, p.currency)} each`),
          inStock ? null : h('span', { class: 'badge badge--muted' }, 'Out of stock'),
        ),
        h(
          'div',
          { class: 'qty', role: 'group', 'aria-label': `Quantity of ${title}` },
          minus,
          h('span', { class: 'qty__value', 'aria-live': 'polite' }, String(l.quantity)),
          plus,
        ),
        h('span', { class: 'cart-line__total' }, money(unitPrice(l) * l.quantity, p.currency)),
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
  const lines = cart.filter((l) => items.has(l.id));
  if (!lines.length) return;
  const order = {
    number: `NM-${Date.now().toString(36).toUpperCase()}`,
    placedAt: new Date().toISOString(),
    lines: lines.map((l) => {
      const p = items.get(l.id);
      return { id: l.id, quantity: l.quantity, title: displayTitle(p), price: unitPrice(l), currency: p.currency };
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
        const p = items.get(l.id);
        const title = (p && displayTitle(p)) || l.title || l.id;
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

/** A cart saved before a product had variants may hold the parent: it
 *  becomes its default variant. */
function normalizeCart() {
  if (!cart.some((l) => lineId(l.id) !== l.id)) return;
  const lines = [];
  for (const l of cart) addLine(lines, lineId(l.id), l.quantity, l.discount);
  writeCart(lines);
}

function start() {
  if (page === 'cart') {
    $('.cart-link')?.setAttribute('aria-current', 'page');
  }
  updateHeader();
  tellWidget();
  loadCatalog()
    .then((products) => {
      catalog = products;
      items = indexItems(products);
      normalizeCart();
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
