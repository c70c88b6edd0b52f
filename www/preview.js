// xsell merchant preview (preview.html): pick or search a product and see
// every block it gets, drawn by the real widget, each item with the reason
// it is there (read back from the drawn DOM: data-xsell-item, -origin and
// -score, which `data-explain` adds), plus the product's own facts from
// the index.
//
//   preview.html?product=ID[&index=URL]     (the index: same site only)
//
// The widget's script tag is made here, so that data-index can follow
// ?index=. Works under a strict Content-Security-Policy: no inline
// scripts, styles or handlers; DOM built with createElement/textContent.

const WIDGET = '/xsell/xsell.js';
const DEFAULT_INDEX = '/xsell/index.json';
const MAX_SUGGESTIONS = 8;

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

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

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const nextTask = () => new Promise((done) => setTimeout(done, 0));

// ------------------------------------------------------------ the blocks

/** The four blocks: what the placeholder is given for a product, and what
 *  an empty block means. `limit` is the preview's (more than a shop page
 *  shows, so that the whole ranking can be read); `shopDefault` the
 *  widget's default when a placeholder has no data-limit. */
const BLOCKS = {
  'bought-together': {
    inputs: (id) => ({ 'data-product': id }),
    shopDefault: 3,
    about: 'Complements shown on the product’s page, the product itself first, with tick boxes and a total.',
    empty:
      'No complements: nothing is bought with this product often enough, and there is no cold-start fill for its category.',
  },
  upgrade: {
    inputs: (id) => ({ 'data-product': id }),
    shopDefault: 1,
    about: 'A better, pricier version of the product, offered on its page.',
    empty: 'No upgrade: there is no better, pricier version in stock (in the product’s family, or its category).',
  },
  'add-ons': {
    inputs: (id) => ({ 'data-cart': `${id}:1` }),
    shopDefault: 4,
    about: 'Shown on the cart page when this product is in the cart: declared add-ons first, then accessories bought with it.',
    empty: 'No add-ons: you declared none for this product, and no accessory is bought with it often enough.',
  },
  'post-purchase': {
    inputs: (id) => ({ 'data-order': id }),
    shopDefault: 3,
    about: 'Offered on the thank-you page after an order holding this product.',
    empty: 'No offers: nothing the index knows goes with this order.',
  },
};
const INPUT_ATTRIBUTES = ['data-product', 'data-cart', 'data-order'];

/** An origin (data-xsell-origin) in words, for a block and an item. */
function originWords(origin, block, product) {
  switch (origin) {
    case 'pinned':
      return product?.addon && block !== 'bought-together' ? 'Add-on you declared' : 'Pinned by you';
    case 'earned':
      if (block === 'upgrade') return 'Better version';
      if (block === 'add-ons') return 'Bought with it';
      return 'Bought together';
    case 'viewed':
      return 'Recently viewed';
    case 'fallback':
      return 'Cold-start fill';
    default:
      return origin ? `Other (${origin})` : 'Not given';
  }
}

// ------------------------------------------------------------- the index

/** The index's URL: ?index= (same site only), else the shop's default. */
function indexLocation() {
  const given = new URLSearchParams(location.search).get('index');
  if (!given) return { url: DEFAULT_INDEX };
  let url;
  try {
    url = new URL(given, location.href);
  } catch {
    return { error: `“${given}” is not a URL.` };
  }
  if (url.origin !== location.origin) {
    return { error: `The index must be on this site (${location.origin}); “${given}” is not.` };
  }
  return { url: url.pathname + url.search };
}

/** The index's products by id, with positions resolved to names. */
function readCatalog(index) {
  if (!index || typeof index !== 'object' || !Array.isArray(index.products)) {
    throw new Error('the file is not an xsell index (no products)');
  }
  const raw = index.products; // positions index this very array
  const name = (list, i) => (Array.isArray(list) && Number.isInteger(i) ? list[i] : undefined);
  const products = raw.filter((p) => p && typeof p.id === 'string').map((p) => ({
    ...p,
    title: typeof p.title === 'string' && p.title ? p.title : p.id,
    currency: p.currency || index.currency,
    categoryName: name(index.categories, p.category),
    familyName: name(index.families, p.family),
    in_stock: p.in_stock !== false,
    parentId: Number.isInteger(p.parent) ? raw[p.parent]?.id : undefined,
    variantIds: Array.isArray(p.variants) ? p.variants.map((i) => raw[i]?.id).filter(Boolean) : [],
  }));
  const byId = new Map(products.map((p) => [p.id, p]));
  // The best tier of each family: "tier 2 of 3".
  const topTier = new Map();
  for (const p of products) {
    if (Number.isInteger(p.family) && Number.isInteger(p.tier)) {
      topTier.set(p.family, Math.max(p.tier, topTier.get(p.family) || 0));
    }
  }
  const limits = new Map(Array.isArray(index.merchandising?.limits) ? index.merchandising.limits : []);
  return {
    index,
    products,
    byId,
    topTier,
    limits,
    /** Products as a shop lists them: variants are shown through their parent. */
    listed: products.filter((p) => !p.parentId),
    categories: Array.isArray(index.categories) ? index.categories : [],
  };
}

// ----------------------------------------------------------------- money

const moneyFormats = new Map();
const locale = document.documentElement.lang || undefined;
/** A price in minor units, in the product's currency. */
function money(minor, currency) {
  if (typeof minor !== 'number' || !currency) return undefined;
  try {
    if (!moneyFormats.has(currency)) {
      moneyFormats.set(currency, new Intl.NumberFormat(locale, { style: 'currency', currency }));
    }
    const format = moneyFormats.get(currency);
    return format.format(minor / 10 ** format.resolvedOptions().maximumFractionDigits);
  } catch {
    return `${minor} (${currency}, minor units)`;
  }
}

/** A product's price; "from" the cheapest variant when prices differ. */
function priceText(catalog, p) {
  const prices = p.variantIds
    .map((id) => catalog.byId.get(id))
    .filter((v) => v && typeof v.price === 'number')
    .map((v) => v.price);
  const low = prices.length ? Math.min(...prices) : p.price;
  const high = prices.length ? Math.max(...prices) : p.price;
  if (typeof low !== 'number') return 'No price';
  return low === high ? money(low, p.currency) : `${money(low, p.currency)} – ${money(high, p.currency)}`;
}

/** Links the widget would show (http, https or relative), else nothing. */
function safeHref(url) {
  if (typeof url !== 'string' || !url) return undefined;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- search

/** Products matching a query (id or title, every word), best first.
 *  A variant matches for its parent. */
function search(catalog, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const found = new Map();
  for (const p of catalog.products) {
    const id = p.id.toLowerCase();
    const title = p.title.toLowerCase();
    let rank;
    if (id === q) rank = 0;
    else if (id.startsWith(q)) rank = 1;
    else if (title.startsWith(q)) rank = 2;
    else if (title.includes(` ${q}`)) rank = 3;
    else if (id.includes(q) || title.includes(q)) rank = 4;
    else if (words.every((w) => id.includes(w) || title.includes(w))) rank = 5;
    else continue;
    const target = p.parentId ? catalog.byId.get(p.parentId) : p;
    if (!target) continue;
    if (p.parentId) rank += 0.5; // the parent's own match first
    const known = found.get(target.id);
    if (!known || rank < known.rank) found.set(target.id, { product: target, via: p.parentId ? p : null, rank });
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.product.title.localeCompare(b.product.title))
    .slice(0, MAX_SUGGESTIONS);
}

// ------------------------------------------------------------------ page

const ui = {
  main: $('#main'),
  indexInfo: $('[data-index-info]'),
  alert: $('[data-alert]'),
  prompt: $('[data-prompt]'),
  input: $('[data-search]'),
  form: $('[data-search-form]'),
  list: $('[data-suggestions]'),
  searchStatus: $('[data-search-status]'),
  select: $('[data-product-select]'),
  facts: $('[data-facts]'),
  factsTitle: $('[data-facts-title]'),
  factsList: $('[data-facts-list]'),
  blocks: $('[data-blocks]'),
};
const sections = $$('[data-block]').map((section) => ({
  name: section.dataset.block,
  section,
  placeholder: $('[data-xsell]', section),
  reasons: $('[data-reasons]', section),
  status: $('[data-block-status]', section),
  about: $('[data-block-about]', section),
}));

let catalog = null;
let current = null; // the product shown (a listed product's id)
let generation = 0; // bumps with each product shown: late work is dropped
let widgetOk = null; // the widget's `ready` once known

/** What went wrong, by topic ('index', 'widget', 'product'): all shown. */
const problems = new Map();
function problem(topic, text) {
  if (text) problems.set(topic, text);
  else problems.delete(topic);
  ui.alert.replaceChildren(...[...problems.values()].map((t) => h('p', {}, t)));
  ui.alert.hidden = problems.size === 0;
}

/** Adds the widget's script tag; resolves to whether the widget started. */
function loadWidget(indexUrl) {
  return new Promise((done) => {
    document.addEventListener('xsell:ready', (e) => done(Boolean(e.detail && e.detail.ok)), { once: true });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = WIDGET;
    script.dataset.index = indexUrl;
    script.dataset.explain = '';
    script.dataset.recentlyViewed = 'off';
    script.dataset.analytics = 'off';
    script.addEventListener('error', () => done(false));
    document.head.append(script);
  });
}

function preview(id) {
  const params = new URLSearchParams(location.search);
  params.set('product', id);
  return `${location.pathname}?${params}`;
}

// ------------------------------------------------------------ the picker

function fillSelect() {
  const groups = new Map();
  for (const p of catalog.listed) {
    const group = p.categoryName || 'Other';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(p);
  }
  const order = [...catalog.categories, 'Other'];
  const names = [...groups.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  ui.select.replaceChildren(
    h('option', { value: '' }, `Choose one of ${plural(catalog.listed.length, 'product', 'products')}…`),
    ...names.map((name) =>
      h(
        'optgroup',
        { label: name },
        groups.get(name).map((p) => h('option', { value: p.id }, `${p.title} — ${p.id}${p.in_stock ? '' : ' (out of stock)'}`)),
      ),
    ),
  );
  ui.select.disabled = false;
  ui.input.disabled = false;
}

let suggestions = [];
let active = -1;

function openList(open) {
  ui.list.hidden = !open;
  ui.input.setAttribute('aria-expanded', String(open));
  if (!open) setActive(-1);
}

function setActive(i) {
  active = i;
  $$('[role="option"]', ui.list).forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
  const li = i >= 0 ? ui.list.children[i] : null;
  if (li) {
    ui.input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  } else {
    ui.input.removeAttribute('aria-activedescendant');
  }
}

function suggest() {
  suggestions = search(catalog, ui.input.value);
  ui.list.replaceChildren(
    ...suggestions.map(({ product, via }, i) =>
      h(
        'li',
        { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: 'combobox__option', 'data-id': product.id },
        h('span', { class: 'combobox__title' }, product.title),
        ' ',
        h('span', { class: 'combobox__id' }, product.id),
        via ? h('span', { class: 'combobox__via' }, ` (variant ${via.id}${via.option ? `, ${via.option}` : ''})`) : null,
        product.in_stock ? null : h('span', { class: 'combobox__via' }, ' (out of stock)'),
      ),
    ),
  );
  const query = ui.input.value.trim();
  openList(suggestions.length > 0);
  ui.searchStatus.textContent = !query
    ? ''
    : suggestions.length
      ? `${plural(suggestions.length, 'product matches', 'products match')}; use the arrow keys to choose.`
      : 'No product matches.';
}

function choose(i) {
  const pick = suggestions[i];
  if (!pick) return;
  ui.input.value = pick.product.title;
  openList(false);
  ui.searchStatus.textContent = '';
  show(pick.product.id, { push: true });
}

function wirePicker() {
  ui.input.addEventListener('input', suggest);
  ui.input.addEventListener('focus', () => {
    if (ui.input.value.trim()) suggest();
  });
  ui.input.addEventListener('keydown', (e) => {
    const open = !ui.list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) suggest();
      if (!suggestions.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + suggestions.length + (active < 0 && step < 0 ? 1 : 0)) % suggestions.length);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        openList(false);
      } else if (ui.input.value) {
        e.preventDefault();
        ui.input.value = '';
        ui.searchStatus.textContent = '';
      }
    } else if (e.key === 'Tab') {
      openList(false);
    }
  });
  // Enter (or a search button, were there one) takes the highlighted
  // suggestion, else the best match.
  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (ui.list.hidden || !suggestions.length) suggest();
    if (suggestions.length) choose(Math.max(active, 0));
  });
  // Keep focus in the input while an option is clicked.
  ui.list.addEventListener('mousedown', (e) => e.preventDefault());
  ui.list.addEventListener('click', (e) => {
    const li = e.target instanceof Element && e.target.closest('[role="option"]');
    if (li) choose([...ui.list.children].indexOf(li));
  });
  ui.input.addEventListener('blur', () => openList(false));
  ui.select.addEventListener('change', () => {
    if (ui.select.value) show(ui.select.value, { push: true });
  });
  window.addEventListener('popstate', () => showFromUrl());
}

// --------------------------------------------------------------- facts

function fact(term, ...value) {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function listSummary(list, what, pinnedWhat) {
  if (!list || !Array.isArray(list.items) || !list.items.length) return null;
  const parts = [plural(list.items.length, what, `${what}s`)];
  if (list.pinned) parts.push(`${list.pinned} ${pinnedWhat}`);
  if (Number.isInteger(list.fallback_from) && list.fallback_from < list.items.length) {
    parts.push(`${list.items.length - list.fallback_from} cold-start`);
  }
  return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0];
}

function showFacts(p, askedFor) {
  ui.factsTitle.textContent = p.title;
  const family = p.familyName
    ? [p.familyName, Number.isInteger(p.tier) ? `, tier ${p.tier} of ${catalog.topTier.get(p.family) || p.tier}` : '']
    : null;
  const variants = p.variantIds.map((id) => catalog.byId.get(id)).filter(Boolean);
  const href = safeHref(p.url);
  const lists = [
    listSummary(p.together, 'complement', 'pinned by you'),
    listSummary(p.upgrade, 'upgrade', 'pinned by you'),
    listSummary(p.add_ons, 'add-on', 'declared by you'),
  ].filter(Boolean);
  ui.factsList.replaceChildren(
    ...fact('Id', h('code', {}, p.id)),
    ...fact('Price', priceText(catalog, p)),
    ...fact('Category', p.categoryName || 'None'),
    ...(family ? fact('Family', ...family) : []),
    ...fact(
      'In stock',
      p.in_stock
        ? 'Yes'
        : h('span', { class: 'warn' }, 'No: never recommended on other pages (its own page still gets blocks)'),
    ),
    ...(typeof p.rating === 'number' ? fact('Rating', `${p.rating.toFixed(1)} out of 5`) : []),
    ...(p.addon ? fact('Add-on', 'Declared by you: offered first in the cart of the products it goes with') : []),
    ...(variants.length
      ? fact(
          'Variants',
          variants
            .map((v) => `${v.option || v.id}${v.in_stock ? '' : ' (out of stock)'}`)
            .join(', '),
        )
      : []),
    ...fact('In the index', lists.length ? lists.join('; ') : 'No lists of its own'),
    ...(href ? fact('Product page', h('a', { href }, p.url)) : []),
  );
  if (askedFor && askedFor !== p.id) {
    ui.factsList.append(
      ...fact('Note', `${askedFor} is a variant of this product: variants are recommended and previewed through their parent.`),
    );
  }
  ui.facts.hidden = false;
}

// -------------------------------------------------------------- reasons

/** The reasons table of a drawn block, read from its DOM. */
function reasonsTable(s, items) {
  const scores = items.map((e) => Number(e.getAttribute('data-xsell-score'))).filter(Number.isFinite);
  const top = Math.max(0, ...scores);
  const rows = items.map((e, i) => {
    const id = e.getAttribute('data-xsell-item') || '';
    const origin = e.getAttribute('data-xsell-origin') || '';
    const score = e.getAttribute('data-xsell-score');
    const p = catalog.byId.get(id);
    const scored = score != null && s.name !== 'upgrade';
    return h(
      'tr',
      { 'data-item': id, 'data-origin': origin, 'data-score': score ?? false },
      h('td', { class: 'num' }, i + 1),
      h('th', { scope: 'row' }, h('a', { href: preview(id), 'data-preview-link': id }, h('code', {}, id))),
      h('td', {}, p ? p.title : h('span', { class: 'warn' }, 'Not in the index')),
      h('td', { class: 'num' }, p ? priceText(catalog, p) : ''),
      h('td', {}, h('span', { class: `origin origin--${origin || 'none'}` }, originWords(origin, s.name, p)), ' ', h('code', { class: 'muted' }, origin)),
      h(
        'td',
        { class: 'num score' },
        scored ? score : h('span', { class: 'muted' }, score == null ? 'none' : 'not scored'),
        scored && top > 0
          ? h('meter', { min: 0, max: top, value: Math.max(0, Number(score) || 0), 'aria-hidden': 'true' })
          : null,
      ),
    );
  });
  return h(
    'table',
    { class: 'reasons' },
    h('caption', {}, `Why these ${plural(items.length, 'item', 'items')}, in the block’s order`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Rank', 'Id', 'Product', 'Price', 'Why', 'Score'].map((t, i) =>
          h('th', { scope: 'col', class: i === 0 || i === 3 || i === 5 ? 'num' : null }, t),
        ),
      ),
    ),
    h('tbody', {}, rows),
  );
}

function note(kind, ...text) {
  return h('p', { class: `note note--${kind}` }, ...text);
}

/** Brings a block's reasons in line with what the widget drew. */
function sync(s) {
  const { placeholder, reasons, section } = s;
  const state = widgetOk === false ? 'error' : placeholder.getAttribute('data-xsell-state') || 'empty';
  const items = $$('[data-xsell-item]', placeholder);
  const anchor = $('[data-xsell-anchor]', placeholder)?.getAttribute('data-xsell-anchor');
  const parts = [];
  if (state === 'ready' && items.length) {
    parts.push(h('div', { class: 'table-wrap' }, reasonsTable(s, items)));
    if (anchor && s.name === 'bought-together') {
      parts.push(note('info', `The block starts with the product itself (${anchor}), as “This item”: it is not a recommendation.`));
    } else if (anchor && s.name === 'upgrade') {
      parts.push(note('info', `Each upgrade is shown with what it costs more than the product itself (${anchor}) and how they differ.`));
    }
  } else if (state === 'error') {
    parts.push(
      note('error', 'The widget could not draw this block (the browser console has a message starting with “xsell:”).'),
    );
  } else if (state === 'holdout') {
    parts.push(note('info', 'This visitor is in the holdout group: no blocks are shown.'));
  } else {
    parts.push(note('empty', h('strong', {}, 'Empty. '), BLOCKS[s.name].empty, ' In your shop this block stays hidden.'));
  }
  reasons.replaceChildren(...parts);
  section.setAttribute('data-preview-product', current || '');
  section.setAttribute('data-preview-state', state);
  section.removeAttribute('aria-busy');
}

// --------------------------------------------------------- showing a product

async function show(id, { push = false, replace = false } = {}) {
  if (!catalog) return;
  const asked = catalog.byId.get(id);
  const p = asked?.parentId ? catalog.byId.get(asked.parentId) : asked;
  if (push || replace) {
    const url = preview(p ? p.id : id);
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
  if (!p) {
    current = null;
    problem('product', `There is no product “${id}” in this index. Search or pick one above.`);
    ui.facts.hidden = true;
    ui.blocks.hidden = true;
    ui.prompt.hidden = true;
    ui.select.value = '';
    return;
  }
  problem('product', '');
  ui.prompt.hidden = true;
  current = p.id;
  ui.select.value = p.id;
  document.title = `${p.title}: recommendation preview – xsell`;
  showFacts(p, asked.id);

  const mine = ++generation;
  for (const s of sections) {
    s.section.setAttribute('data-preview-state', 'loading');
    s.section.setAttribute('aria-busy', 'true');
    s.status.textContent = '';
    const inputs = BLOCKS[s.name].inputs(p.id);
    for (const name of INPUT_ATTRIBUTES) {
      if (name in inputs) s.placeholder.setAttribute(name, inputs[name]);
      else s.placeholder.removeAttribute(name);
    }
  }
  ui.blocks.hidden = false;
  // The widget redraws on the attribute change (a microtask after it);
  // once it has started and that has run, the DOM holds this product.
  await widgetReady;
  await nextTask();
  if (mine !== generation) return;
  for (const s of sections) sync(s);
}

function showFromUrl() {
  const id = new URLSearchParams(location.search).get('product');
  if (id) show(id.trim());
  else {
    current = null;
    generation++;
    problem('product', '');
    ui.facts.hidden = true;
    ui.blocks.hidden = true;
    ui.prompt.hidden = false;
    ui.select.value = '';
    document.title = 'Recommendation preview – xsell';
  }
}

// ------------------------------------------------------------- wiring

const widgetFailure =
  'The widget could not start, so no blocks can be drawn: the browser console has a message starting with “xsell:”.';
let widgetReady = Promise.resolve(false);

function describeBlocks() {
  for (const s of sections) {
    const b = BLOCKS[s.name];
    const limit = Number(s.placeholder.getAttribute('data-limit'));
    const shop = catalog?.limits.get(s.name) || b.shopDefault;
    s.about.textContent = `${b.about} Shown here: up to ${limit}; a placeholder without data-limit shows ${shop}.`;
  }
}

function wireBlocks() {
  // Redraws the preview did not ask for (after the widget started late,
  // say) update the reasons too.
  const observer = new MutationObserver((records) => {
    const touched = new Set(records.map((r) => r.target.closest('[data-block]')));
    for (const s of sections) {
      if (touched.has(s.section) && current && s.section.getAttribute('data-preview-state') !== 'loading') sync(s);
    }
  });
  for (const s of sections) {
    observer.observe(s.placeholder, { attributes: true, attributeFilter: ['data-xsell-state'], childList: true });
  }
  // Buttons in the blocks add nothing here: say what they would add.
  document.addEventListener('xsell:add-to-cart', (e) => {
    e.preventDefault();
    const s = sections.find((x) => x.placeholder === e.target);
    const items = (e.detail && e.detail.items) || [];
    const names = items.map((i) => {
      const p = catalog?.byId.get(i.id);
      return `${p ? p.title : i.id} (${i.id}) × ${i.quantity}`;
    });
    if (s) {
      s.status.textContent = names.length
        ? `In your shop this adds to the cart: ${names.join(', ')}. Nothing was added here.`
        : 'In your shop this adds nothing (no item chosen).';
    }
  });
  // Product names in the blocks and tables open that product's preview
  // (a modified click still opens the shop's page).
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element && e.target.closest('a[href]');
    if (!link || !catalog) return;
    const inTable = link.getAttribute('data-preview-link');
    const inBlock = link.closest('[data-xsell]') && link.closest('[data-xsell-item],[data-xsell-anchor]');
    const id = inTable || (inBlock && (inBlock.getAttribute('data-xsell-item') || inBlock.getAttribute('data-xsell-anchor')));
    if (!id || !catalog.byId.has(id)) return;
    e.preventDefault();
    show(id, { push: true });
    // Where a screen reader user expects to be after "following a link".
    ui.factsTitle.focus();
  });
}

async function start() {
  wirePicker();
  wireBlocks();
  const where = indexLocation();
  if (where.error) {
    ui.indexInfo.textContent = 'No index';
    problem('index', where.error);
    ui.select.replaceChildren(h('option', { value: '' }, 'No index'));
    ui.main.removeAttribute('aria-busy');
    return;
  }
  // The widget and the index (for the lists and facts) load side by side.
  widgetReady = loadWidget(where.url).then((ok) => {
    widgetOk = ok;
    if (!ok) {
      problem('widget', widgetFailure);
      for (const s of sections) if (current) sync(s);
    }
    return ok;
  });
  try {
    const r = await fetch(where.url);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    catalog = readCatalog(await r.json());
  } catch (e) {
    ui.indexInfo.textContent = `Index ${where.url}: not loaded`;
    problem('index', `Cannot load the index ${where.url}: ${e.message || e}.`);
    ui.select.replaceChildren(h('option', { value: '' }, 'No index'));
    ui.main.removeAttribute('aria-busy');
    return;
  }
  const variants = catalog.products.length - catalog.listed.length;
  const builder = catalog.index.stats?.builder;
  ui.indexInfo.replaceChildren(
    'Index ',
    h('code', {}, where.url),
    `: ${plural(catalog.listed.length, 'product', 'products')}`,
    variants ? ` (and ${plural(variants, 'variant', 'variants')})` : '',
    `, ${plural(catalog.categories.length, 'category', 'categories')}`,
    builder ? `, built by ${builder}` : '',
  );
  fillSelect();
  describeBlocks();
  showFromUrl();
  ui.main.removeAttribute('aria-busy');
}

start();
