// Demo data for the xsell demo store: a made-up catalog and order history,
// generated deterministically (same bytes on every run, any machine).
//
//   node scripts/demo-data.mjs build/demo
//
// Writes into the given directory (created if missing):
//   catalog.csv    the merchant's catalog, the columns `xsell build` reads
//                  (variants, attributes, pins and excludes included)
//   orders.csv     order lines: order_id,product_id,quantity (variant ids
//                  for products that have variants)
//   products.json  the catalog for the store pages (with descriptions):
//                  products only, each parent with its `variants` ([{id,
//                  option, price, in_stock, image}]) and `option_name`
//                  (Colour, Size), every product with its `attrs`
//   img/<id>.svg   one placeholder picture per product and per variant
//                  (a case in its colour, a bag with its size)
//   img/store.svg  the store's logo (its favicon)
//
// The catalog (52 products and 19 variants, USD):
// - Main products in good/better/best families (tier 1/2/3, same category
//   per family, each step up at most 2.5x the price below, higher tiers
//   rated no worse): Aurora phones (Phones), Vertex laptops (Laptops), Echo
//   headphones (Headphones), Crema espresso machines (Coffee).
// - Attributes (`attr:Name` columns) the upgrade block compares: phones
//   (Screen, Storage, Camera, Battery), laptops (Screen, Memory, Storage,
//   Weight), headphones (Noise cancelling, Battery, Driver), espresso
//   machines (Pressure, Milk frother, Grinder); also chargers (Power,
//   Ports) and the Aurora Pro cases (Material). Higher tiers are better;
//   some values are shared by neighbouring tiers (the phones' battery, the
//   laptops' memory or storage, the machines' pressure), so the block
//   shows fewer rows. Cells stay empty where an attribute does not apply.
// - One brand-new product, Halo wireless earbuds (Headphones, no family),
//   that appears in no order: the cold-start case.
// - Accessories in their own categories (Cases, Screen protection,
//   Chargers, Laptop accessories, Audio accessories, Coffee supplies), each
//   at most 40% of the price of the product it goes with. Every accessory
//   has a family, most of them of one product, so that the upgrade block
//   never offers a different kind of accessory (a frother "instead of"
//   beans); where a real step up exists the family has tiers (Aurora Pro
//   silicone case -> leather folio, wireless mouse -> ergonomic mouse,
//   20W -> 45W -> 100W charger).
// - Variants (`variant_of`, `option`): the four cases come in colours (2-3
//   each, ids like CS-AUR-1-BLK, same price), the four coffee beans in
//   sizes (CO-BEAN-HSE-250 "250 g", CO-BEAN-HSE-1K "1 kg", the 1 kg about
//   3x dearer). A variant row repeats its parent's category, family and
//   tier; the parent keeps its own row (title, image, url, rating) with
//   its cheapest variant's price, so that price-dependent choices
//   (upgrades, accessories) see a price.
// - Add-ons declared by the merchant (`addon_for`): protection plans for a
//   category (phone protection -> Phones, laptop care -> Laptops, headphone
//   protection -> Headphones) or for product ids (the espresso warranty ->
//   the three machines; ear tips -> the Halo earbuds, which have no orders).
// - The merchant's hand: the Vertex 16 Pro pins the 100W GaN charger
//   (`pin`: first in its bought-together block, which it would not be on
//   the orders alone); the espresso machines exclude the decaf beans
//   (`exclude`: never recommended with them, though bought with them).
// - Out of stock: the car charger, one colour (Aurora Lite case in Coral)
//   and one size (decaf beans, 1 kg); the decaf 250 g bag is in stock.
//
// The orders (4000, ids 1001..5000), drawn with mulberry32 seeded with SEED:
// - 78% start with one main product: the family by popularity (phones 34%,
//   espresso 26%, headphones 22%, laptops 18%), the tier mostly the
//   cheapest (50% / 32% / 18%). Then its accessories, each with its own
//   probability: phone -> its case 55%, its screen protector 45% (65% when
//   a case was taken, so phone + case + protector is a frequent set),
//   charger 30%, protection plan 25%; laptop -> sleeve, mouse, hub, care
//   plan...; espresso machine -> beans, frother, descaler, warranty...;
//   headphones -> stand, ear cushions, travel case, protection... Sometimes
//   (6%) a second main product of another family, alone.
// - 22% are accessory-only orders: bean reorders (often two bags), spare
//   cases and chargers, a mouse or a hub, ear cushions...
// - Noise: 5% of orders get one product drawn uniformly at random (never a
//   second product of a family already in the order, never Halo).
// - Quantities are 1, sometimes 2 (beans and cables more often).
// - A product with variants is ordered as one of them, by its share: cases
//   mostly in black (the Lite case: black 50%, blue 30%, coral 20%), beans
//   mostly by the kilo (house blend 65%), except the Ethiopia single origin
//   and the decaf (mostly 250 g). Orders name variant ids, never their
//   parent; the out-of-stock variants were sold before they ran out.
// No two products of one family are ever in the same order.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = 20240917;
const ORDERS = 4000;
const FIRST_ORDER = 1001;

// ---------------------------------------------------------------- catalog

// [id, title, price, category, family, tier, rating, addon_for, description]
const CATALOG = [
  // Phones
  ['PH-AUR-1', 'Aurora Lite smartphone', 399, 'Phones', 'aurora-phone', 1, 4.2, '',
    'A 6.1-inch phone with a bright OLED screen, a dual camera and a battery that lasts all day.'],
  ['PH-AUR-2', 'Aurora smartphone', 599, 'Phones', 'aurora-phone', 2, 4.5, '',
    'The everyday flagship: 120 Hz display, triple camera and fast wireless charging.'],
  ['PH-AUR-3', 'Aurora Pro smartphone', 799, 'Phones', 'aurora-phone', 3, 4.7, '',
    'A 6.7-inch titanium phone with a 5x telephoto camera and two-day battery life.'],
  // Laptops
  ['LT-VTX-1', 'Vertex 13 laptop', 749, 'Laptops', 'vertex-laptop', 1, 4.1, '',
    'A light 13-inch laptop with 16 GB of memory for study, email and the web.'],
  ['LT-VTX-2', 'Vertex 14 laptop', 1099, 'Laptops', 'vertex-laptop', 2, 4.4, '',
    'A 14-inch all-rounder with a sharp 2.8K screen, 1 TB of storage and a quiet fan.'],
  ['LT-VTX-3', 'Vertex 16 Pro laptop', 1599, 'Laptops', 'vertex-laptop', 3, 4.6, '',
    'A 16-inch workstation with a dedicated graphics card and a colour-accurate mini-LED display.'],
  // Headphones
  ['HP-ECH-1', 'Echo 3 wireless headphones', 149, 'Headphones', 'echo-headphones', 1, 4.0, '',
    'Comfortable over-ear headphones with 40 hours of battery and a fold-flat design.'],
  ['HP-ECH-2', 'Echo 5 noise-cancelling headphones', 249, 'Headphones', 'echo-headphones', 2, 4.4, '',
    'Adaptive noise cancelling, multipoint Bluetooth and a transparency mode for commutes.'],
  ['HP-ECH-3', 'Echo 7 studio headphones', 399, 'Headphones', 'echo-headphones', 3, 4.7, '',
    'Reference-grade drivers, lossless wired and wireless playback, and memory-foam cushions.'],
  ['HP-HALO-1', 'Halo wireless earbuds', 199, 'Headphones', '', '', 4.3, '',
    'New: tiny noise-cancelling earbuds with spatial audio and a pocket-sized charging case.'],
  // Espresso machines
  ['CF-CRM-1', 'Crema Compact espresso machine', 299, 'Coffee', 'crema-espresso', 1, 4.0, '',
    'A small 15-bar machine that makes a proper espresso in under a minute.'],
  ['CF-CRM-2', 'Crema Duo espresso machine', 549, 'Coffee', 'crema-espresso', 2, 4.3, '',
    'A thermoblock machine with a steam wand and a built-in grinder for fresh beans every shot.'],
  ['CF-CRM-3', 'Crema Barista espresso machine, dual boiler', 899, 'Coffee', 'crema-espresso', 3, 4.6, '',
    'Café quality at home: dual boilers, PID temperature control and a pressure gauge.'],
  // Cases
  ['CS-AUR-1', 'Aurora Lite silicone case', 19, 'Cases', 'aurora-lite-case', '', 4.1, '',
    'A soft-touch silicone case made to fit the Aurora Lite.'],
  ['CS-AUR-2', 'Aurora silicone case', 24, 'Cases', 'aurora-case', '', 4.3, '',
    'A soft-touch silicone case with raised edges around the Aurora camera.'],
  ['CS-AUR-3', 'Aurora Pro silicone case', 29, 'Cases', 'aurora-pro-case', 1, 4.3, '',
    'A slim silicone case for the Aurora Pro with a microfibre lining.'],
  ['CS-AUR-3L', 'Aurora Pro leather folio case', 49, 'Cases', 'aurora-pro-case', 2, 4.6, '',
    'A full-grain leather folio for the Aurora Pro with room for two cards.'],
  // Screen protection
  ['SP-AUR-1', 'Aurora Lite tempered glass screen protector', 14, 'Screen protection', 'aurora-lite-glass', '', 4.0, '',
    'Scratch-resistant 9H glass with an alignment frame for a bubble-free fit on the Aurora Lite.'],
  ['SP-AUR-2', 'Aurora tempered glass screen protector', 15, 'Screen protection', 'aurora-glass', '', 4.2, '',
    'Scratch-resistant 9H glass with an alignment frame for a bubble-free fit on the Aurora.'],
  ['SP-AUR-3', 'Aurora Pro tempered glass screen protector', 19, 'Screen protection', 'aurora-pro-glass', '', 4.4, '',
    'Edge-to-edge 9H glass for the curved Aurora Pro display, with an alignment frame.'],
  ['SP-PRIV-14', 'Magnetic privacy filter, 14"', 39, 'Screen protection', 'privacy-filter', '', 3.9, '',
    'Keeps your screen private on trains and in cafés; snaps onto 14-inch laptops.'],
  // Chargers
  ['CH-20W', '20W USB-C charger', 19, 'Chargers', 'usb-c-charger', 1, 4.2, '',
    'A compact wall charger that fills a phone to 50% in 30 minutes.'],
  ['CH-45W', '45W fast charger', 35, 'Chargers', 'usb-c-charger', 2, 4.5, '',
    'Super-fast charging for phones and tablets, small enough for any bag.'],
  ['CH-100W', '100W GaN charger, 3 ports', 59, 'Chargers', 'usb-c-charger', 3, 4.6, '',
    'Charges a laptop, a phone and earbuds at once from one small GaN brick.'],
  ['CH-WPAD', 'Wireless charging pad', 29, 'Chargers', 'wireless-pad', '', 4.1, '',
    'Drop your phone on the pad to charge it: 15 W, with a soft status light.'],
  ['CH-CAR', 'Dual USB-C car charger', 22, 'Chargers', 'car-charger', '', 4.0, '',
    'Two fast-charging USB-C ports for the cigarette-lighter socket.'],
  ['CH-CBL', 'Braided USB-C cable, 2 m', 15, 'Chargers', 'usb-c-cable', '', 4.3, '',
    'A tough braided cable, long enough to reach the sofa from the wall.'],
  // Laptop accessories
  ['LA-SLV-13', 'Vertex 13/14 laptop sleeve', 35, 'Laptop accessories', 'vertex-sleeve-14', '', 4.2, '',
    'A padded felt sleeve that fits the Vertex 13 and Vertex 14.'],
  ['LA-SLV-16', 'Vertex 16 laptop sleeve', 39, 'Laptop accessories', 'vertex-sleeve-16', '', 4.3, '',
    'A padded felt sleeve with a pocket for the charger, made for the Vertex 16.'],
  ['LA-MSE', 'Wireless mouse', 29, 'Laptop accessories', 'mouse', 1, 4.1, '',
    'A quiet wireless mouse that pairs with up to three devices.'],
  ['LA-MSE-ERG', 'Ergonomic vertical mouse', 49, 'Laptop accessories', 'mouse', 2, 4.4, '',
    'A vertical mouse that keeps your wrist in a natural handshake position.'],
  ['LA-HUB', '7-in-1 USB-C hub', 45, 'Laptop accessories', 'usb-c-hub', '', 4.2, '',
    'HDMI, two USB-A ports, an SD card reader and power pass-through in one small hub.'],
  ['LA-STD', 'Aluminium laptop stand', 39, 'Laptop accessories', 'laptop-stand', '', 4.5, '',
    'Raises your screen to eye level and folds flat for your bag.'],
  ['LA-KBD', 'Compact wireless keyboard', 59, 'Laptop accessories', 'keyboard', '', 4.3, '',
    'A low-profile keyboard with a full set of media keys and a rechargeable battery.'],
  // Audio accessories
  ['AA-STD', 'Walnut headphone stand', 29, 'Audio accessories', 'headphone-stand', '', 4.6, '',
    'A solid walnut stand that keeps your headphones tidy and their headband in shape.'],
  ['AA-PADS', 'Echo replacement ear cushions', 25, 'Audio accessories', 'echo-cushions', '', 4.2, '',
    'Fresh memory-foam cushions that click onto every Echo model.'],
  ['AA-CASE', 'Hard-shell headphone travel case', 32, 'Audio accessories', 'headphone-case', '', 4.4, '',
    'A zip-around case that protects folded over-ear headphones in a backpack.'],
  ['AA-CBL', 'Audio cable with microphone, 1.2 m', 14, 'Audio accessories', 'audio-cable', '', 3.8, '',
    'A 3.5 mm cable with an in-line microphone for wired calls and flights.'],
  ['AA-TIPS', 'Memory foam ear tips, 3 pairs', 15, 'Audio accessories', 'ear-tips', '', 3.9, 'HP-HALO-1',
    'Foam tips in three sizes for a better seal and deeper bass with Halo earbuds.'],
  // Coffee supplies
  ['CO-BEAN-HSE', 'House espresso blend beans', 8, 'Coffee supplies', 'house-beans', '', 4.5, '',
    'Our chocolatey house blend of Brazilian and Colombian beans, roasted for espresso.'],
  ['CO-BEAN-DRK', 'Dark roast Italian blend beans', 7, 'Coffee supplies', 'dark-roast-beans', '', 4.3, '',
    'A bold, smoky Italian-style roast with a thick crema.'],
  ['CO-BEAN-ETH', 'Ethiopia Yirgacheffe beans', 10, 'Coffee supplies', 'ethiopia-beans', '', 4.7, '',
    'A light single-origin roast with notes of jasmine, lemon and bergamot.'],
  ['CO-BEAN-DEC', 'Swiss water decaf beans', 7, 'Coffee supplies', 'decaf-beans', '', 4.0, '',
    'Chemical-free decaffeinated beans that still make a sweet espresso.'],
  ['CO-FROTH', 'Electric milk frother', 49, 'Coffee supplies', 'milk-frother', '', 4.4, '',
    'Hot or cold foam for lattes and cappuccinos at the press of a button.'],
  ['CO-DESC', 'Descaling solution, 2-pack', 12, 'Coffee supplies', 'descaler', '', 4.1, '',
    'Removes limescale from espresso machines; each bottle lasts three months.'],
  ['CO-TAMP', 'Stainless steel tamper, 58 mm', 29, 'Coffee supplies', 'tamper', '', 4.6, '',
    'A heavy, flat-based tamper for an even puck every time.'],
  ['CO-JUG', 'Milk jug, 600 ml', 19, 'Coffee supplies', 'milk-jug', '', 4.2, '',
    'A stainless steel jug with a sharp spout for latte art.'],
  ['CO-CLEAN', 'Espresso machine cleaning tablets', 14, 'Coffee supplies', 'cleaning-tablets', '', 4.0, '',
    'Backflush tablets that keep the group head and valves clean.'],
  // Protection plans (declared add-ons)
  ['PP-PHONE-2Y', '2-year phone protection', 79, 'Protection plans', 'phone-protection', '', 3.9, 'Phones',
    'Covers drops, cracked screens and liquid damage for two years, with a replacement in two days.'],
  ['PP-LAPTOP', 'Laptop care plan, 3 years', 149, 'Protection plans', 'laptop-care', '', 4.0, 'Laptops',
    'Three years of repairs, accidental damage included, with free pick-up and return.'],
  ['PP-AUDIO', 'Headphone accident protection', 29, 'Protection plans', 'audio-protection', '', 3.7, 'Headphones',
    'Two years of cover against drops, spills and lost earbuds.'],
  ['PP-ESP-EXT', 'Espresso machine extended warranty', 69, 'Protection plans', 'espresso-warranty', '', 3.8,
    'CF-CRM-1;CF-CRM-2;CF-CRM-3',
    'Extends the manufacturer warranty to five years, pumps and boilers included.'],
];

// Attributes the upgrade block compares side by side (`attr:Name` columns,
// in this order). Better tiers are better, some values are shared by
// neighbouring tiers (the block shows only the rows that differ).
const ATTRIBUTES = [
  'Screen', 'Memory', 'Storage', 'Camera', 'Battery', 'Weight',
  'Noise cancelling', 'Driver', 'Pressure', 'Milk frother', 'Grinder',
  'Power', 'Ports', 'Material',
];
const ATTRS = {
  'PH-AUR-1': { Screen: '6.1-inch OLED, 60 Hz', Storage: '128 GB', Camera: 'Dual 48 MP', Battery: '4,000 mAh, all day' },
  'PH-AUR-2': { Screen: '6.1-inch OLED, 120 Hz', Storage: '256 GB', Camera: 'Triple 48 MP', Battery: '4,000 mAh, all day' },
  'PH-AUR-3': { Screen: '6.7-inch OLED, 120 Hz', Storage: '256 GB', Camera: 'Triple 48 MP, 5x telephoto', Battery: '5,000 mAh, two days' },
  'LT-VTX-1': { Screen: '13.3-inch, 1920 × 1200', Memory: '16 GB', Storage: '512 GB SSD', Weight: '1.2 kg' },
  'LT-VTX-2': { Screen: '14-inch 2.8K, 2880 × 1800', Memory: '16 GB', Storage: '1 TB SSD', Weight: '1.4 kg' },
  'LT-VTX-3': { Screen: '16-inch mini-LED, 3456 × 2234', Memory: '32 GB', Storage: '1 TB SSD', Weight: '2.1 kg' },
  'HP-ECH-1': { 'Noise cancelling': 'No', Battery: '40 hours', Driver: '40 mm dynamic' },
  'HP-ECH-2': { 'Noise cancelling': 'Adaptive', Battery: '40 hours', Driver: '40 mm dynamic' },
  'HP-ECH-3': { 'Noise cancelling': 'Adaptive, 8 microphones', Battery: '50 hours', Driver: '50 mm beryllium-coated' },
  'HP-HALO-1': { 'Noise cancelling': 'Adaptive', Battery: '8 hours, 32 with the case', Driver: '11 mm dynamic' },
  'CF-CRM-1': { Pressure: '15 bar', 'Milk frother': 'No', Grinder: 'No' },
  'CF-CRM-2': { Pressure: '15 bar', 'Milk frother': 'Steam wand', Grinder: 'Built-in, 15 settings' },
  'CF-CRM-3': { Pressure: '15 bar, with pressure gauge', 'Milk frother': 'Steam wand, own boiler', Grinder: 'Built-in conical burr, 30 settings' },
  'CH-20W': { Power: '20 W', Ports: '1 × USB-C' },
  'CH-45W': { Power: '45 W', Ports: '1 × USB-C' },
  'CH-100W': { Power: '100 W', Ports: '2 × USB-C, 1 × USB-A' },
  'CS-AUR-3': { Material: 'Silicone' },
  'CS-AUR-3L': { Material: 'Full-grain leather' },
};

// Variants (`variant_of` + `option`): the parent keeps its row (its price
// is the cheapest variant's); orders name the variants. Per parent: the
// option's name and [id suffix, option, price, share of orders, swatch].
const VARIANTS = {
  'CS-AUR-1': ['Colour', [['BLK', 'Black', 19, 50, '#1f2937'], ['BLU', 'Blue', 19, 30, '#2563eb'], ['CRL', 'Coral', 19, 20, '#d9533f']]],
  'CS-AUR-2': ['Colour', [['BLK', 'Black', 24, 45, '#1f2937'], ['SGE', 'Sage', 24, 30, '#5f7f64'], ['LAV', 'Lavender', 24, 25, '#7a67b8']]],
  'CS-AUR-3': ['Colour', [['BLK', 'Black', 29, 55, '#1f2937'], ['NVY', 'Navy', 29, 30, '#1e3a8a'], ['CLY', 'Clay', 29, 15, '#a65a3f']]],
  'CS-AUR-3L': ['Colour', [['TAN', 'Tan', 49, 60, '#9a6b3c'], ['BLK', 'Black', 49, 40, '#1f2937']]],
  'CO-BEAN-HSE': ['Size', [['250', '250 g', 8, 35], ['1K', '1 kg', 24, 65]]],
  'CO-BEAN-DRK': ['Size', [['250', '250 g', 7, 40], ['1K', '1 kg', 22, 60]]],
  'CO-BEAN-ETH': ['Size', [['250', '250 g', 10, 60], ['1K', '1 kg', 32, 40]]],
  'CO-BEAN-DEC': ['Size', [['250', '250 g', 7, 70], ['1K', '1 kg', 21, 30]]],
};

// The merchant's hand: `pin` (always first in the product's
// bought-together block) and `exclude` (never recommended with it).
const PIN = { 'LT-VTX-3': ['CH-100W'] };
const EXCLUDE = {
  'CF-CRM-1': ['CO-BEAN-DEC'],
  'CF-CRM-2': ['CO-BEAN-DEC'],
  'CF-CRM-3': ['CO-BEAN-DEC'],
};

const OUT_OF_STOCK = new Set(['CH-CAR', 'CS-AUR-1-CRL', 'CO-BEAN-DEC-1K']);
const NEW_PRODUCT = 'HP-HALO-1';

/** The catalog's rows: every product, each parent followed by its variants. */
const rows = [];
for (const [id, title, price, category, family, tier, rating, addonFor, description] of CATALOG) {
  const product = {
    id,
    title,
    price,
    currency: 'USD',
    category,
    family,
    tier,
    url: `/product.html?id=${id}`,
    image: `/data/img/${id}.svg`,
    rating,
    in_stock: !OUT_OF_STOCK.has(id),
    addon_for: addonFor,
    pin: PIN[id] || [],
    exclude: EXCLUDE[id] || [],
    variant_of: '',
    option: '',
    attrs: ATTRS[id] || {},
    description,
    variants: [],
    option_name: null,
  };
  rows.push(product);
  const [optionName, options] = VARIANTS[id] || [null, []];
  product.option_name = optionName;
  for (const [suffix, option, variantPrice, share, swatch] of options) {
    const vid = `${id}-${suffix}`;
    const variant = {
      id: vid,
      title: `${title}, ${option}`,
      price: variantPrice,
      currency: 'USD',
      category,
      family,
      tier,
      url: `/product.html?id=${id}&variant=${vid}`,
      image: `/data/img/${vid}.svg`,
      rating: '',
      in_stock: !OUT_OF_STOCK.has(vid),
      addon_for: '',
      pin: [],
      exclude: [],
      variant_of: id,
      option,
      attrs: {},
      share,
      swatch,
    };
    product.variants.push(variant);
    rows.push(variant);
  }
  if (product.variants.length) {
    if (product.price !== Math.min(...product.variants.map((v) => v.price))) {
      throw new Error(`${id}: the parent's price should be its cheapest variant's`);
    }
    product.in_stock &&= product.variants.some((v) => v.in_stock);
  }
}
/** Products as the store shows them: parents and products without variants. */
const products = rows.filter((r) => !r.variant_of);
const byId = new Map(rows.map((r) => [r.id, r]));
for (const list of [PIN, EXCLUDE, ATTRS]) {
  for (const [id, value] of Object.entries(list)) {
    const ids = Array.isArray(value) ? [id, ...value] : [id];
    for (const other of ids) if (!byId.has(other)) throw new Error(`unknown product ${other}`);
  }
}

// ----------------------------------------------------------------- orders

/** mulberry32: a tiny, good-enough 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const chance = (p) => random() < p;
/** One of `options` ([value, weight] pairs) by weight. */
const weighted = (options) => {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
};
const pick = (list) => list[Math.floor(random() * list.length)];

const TIERS = [[0, 50], [1, 32], [2, 18]];
const FAMILIES = {
  phone: ['PH-AUR-1', 'PH-AUR-2', 'PH-AUR-3'],
  laptop: ['LT-VTX-1', 'LT-VTX-2', 'LT-VTX-3'],
  headphones: ['HP-ECH-1', 'HP-ECH-2', 'HP-ECH-3'],
  espresso: ['CF-CRM-1', 'CF-CRM-2', 'CF-CRM-3'],
};
const FAMILY_WEIGHTS = [['phone', 34], ['espresso', 26], ['headphones', 22], ['laptop', 18]];

/** What goes with a main product: adds its accessories to `basket`. */
const ACCESSORIES = {
  phone(tier, add) {
    const hasCase = chance(0.55);
    if (hasCase) add(tier === 2 && chance(0.3) ? 'CS-AUR-3L' : `CS-AUR-${tier + 1}`);
    if (chance(hasCase ? 0.65 : 0.2)) add(`SP-AUR-${tier + 1}`);
    if (chance(0.3)) {
      add(weighted([
        [['CH-20W', 'CH-20W', 'CH-45W'][tier], 70],
        ['CH-WPAD', tier === 0 ? 5 : 20],
        ['CH-CAR', 10],
      ]));
    }
    if (chance(0.25)) add('PP-PHONE-2Y');
    if (chance(0.1)) add('CH-CBL', 0.15);
  },
  laptop(tier, add) {
    if (chance(0.4)) add(tier === 2 ? 'LA-SLV-16' : 'LA-SLV-13');
    if (chance(0.35)) add(tier === 0 ? 'LA-MSE' : weighted([['LA-MSE', 60], ['LA-MSE-ERG', 40]]));
    if (chance(tier === 2 ? 0.45 : 0.28)) add('LA-HUB');
    if (chance(0.22)) add('PP-LAPTOP');
    if (chance(0.15)) add('LA-STD');
    if (chance(0.1)) add('LA-KBD');
    if (tier === 1 && chance(0.12)) add('SP-PRIV-14');
    if (chance(0.1)) add('CH-100W');
  },
  headphones(tier, add) {
    if (chance(tier === 0 ? 0.2 : 0.38)) add('AA-STD');
    if (chance(0.2)) add('AA-PADS');
    if (chance(0.3)) add('AA-CASE');
    if (chance(0.15)) add('AA-CBL');
    if (chance(0.18)) add('PP-AUDIO');
  },
  espresso(tier, add) {
    if (chance(0.7)) {
      const beans = ['CO-BEAN-HSE', 'CO-BEAN-DRK', 'CO-BEAN-ETH', 'CO-BEAN-DEC'];
      const weights = [45, 25, 20, 10];
      const first = weighted(beans.map((b, i) => [b, weights[i]]));
      add(first, 0.35);
      if (chance(0.25)) add(weighted(beans.filter((b) => b !== first).map((b) => [b, 1])), 0.2);
    }
    if (chance(tier === 2 ? 0.15 : 0.35)) add('CO-FROTH');
    if (chance(0.3)) add('CO-DESC');
    if (chance(tier === 0 ? 0.12 : 0.28)) add('CO-TAMP');
    if (chance(0.15)) add('CO-JUG');
    if (chance(0.1)) add('CO-CLEAN');
    if (chance(0.25)) add('PP-ESP-EXT');
  },
};

/** Orders of accessories alone: reorders and spares. */
function accessoryOnly(add) {
  switch (weighted([['beans', 40], ['phone', 25], ['laptop', 15], ['audio', 10], ['coffee', 10]])) {
    case 'beans':
      add(weighted([['CO-BEAN-HSE', 45], ['CO-BEAN-DRK', 25], ['CO-BEAN-ETH', 20], ['CO-BEAN-DEC', 10]]), 0.45);
      if (chance(0.3)) add(pick(['CO-BEAN-HSE', 'CO-BEAN-DRK', 'CO-BEAN-ETH']), 0.3);
      if (chance(0.2)) add('CO-DESC');
      if (chance(0.15)) add('CO-CLEAN');
      break;
    case 'phone': {
      const tier = weighted(TIERS);
      if (chance(0.5)) add(`CS-AUR-${tier + 1}`);
      if (chance(0.4)) add(`SP-AUR-${tier + 1}`);
      if (chance(0.35)) add(pick(['CH-20W', 'CH-45W', 'CH-WPAD', 'CH-CBL']), 0.1);
      add(pick(['CH-CBL', 'CH-20W', `CS-AUR-${tier + 1}`]));
      break;
    }
    case 'laptop':
      add(pick(['LA-MSE', 'LA-MSE-ERG', 'LA-HUB', 'LA-STD', 'LA-KBD', 'CH-100W']));
      if (chance(0.3)) add(pick(['LA-MSE', 'LA-HUB', 'LA-KBD']));
      break;
    case 'audio':
      add(pick(['AA-PADS', 'AA-PADS', 'AA-TIPS', 'AA-STD', 'AA-CBL', 'AA-CASE']));
      break;
    default:
      add(pick(['CO-TAMP', 'CO-JUG', 'CO-FROTH', 'CO-DESC']));
      if (chance(0.3)) add('CO-CLEAN');
  }
}

function makeOrder() {
  /** id -> quantity, in the order products were added. */
  const basket = new Map();
  const families = new Set();
  // A product with variants is bought as one of them (by their shares).
  const add = (id, twice = 0.04) => {
    const { family, variants } = byId.get(id);
    if (basket.has(id) || (family && families.has(family))) return;
    families.add(family);
    const line = variants.length ? weighted(variants.map((v) => [v.id, v.share])) : id;
    basket.set(line, chance(twice) ? 2 : 1);
  };
  if (chance(0.78)) {
    const kind = weighted(FAMILY_WEIGHTS);
    const tier = weighted(TIERS);
    add(FAMILIES[kind][tier], 0);
    ACCESSORIES[kind](tier, add);
    if (chance(0.06)) {
      const other = weighted(FAMILY_WEIGHTS.filter(([k]) => k !== kind));
      add(FAMILIES[other][weighted(TIERS)], 0);
    }
  } else {
    accessoryOnly(add);
  }
  if (chance(0.05)) {
    const candidates = products.filter((p) => p.id !== NEW_PRODUCT);
    add(pick(candidates).id, 0);
  }
  return basket;
}

// ---------------------------------------------------------------- writing

const csvField = (value) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (fields) => fields.map(csvField).join(',') + '\n';
const money = (n) => n.toFixed(2);

const xml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

const COLOURS = {
  Phones: '#1d4ed8',
  Laptops: '#4338ca',
  Headphones: '#7e22ce',
  Coffee: '#92400e',
  Cases: '#0f766e',
  'Screen protection': '#0e7490',
  Chargers: '#a16207',
  'Laptop accessories': '#475569',
  'Audio accessories': '#9d174d',
  'Coffee supplies': '#6b4423',
  'Protection plans': '#15803d',
};

/** Up to three words of the title, wrapped onto at most three lines; a
 *  variant in its colour (its swatch), with its option under the title. */
function svgFor(p) {
  const colour = p.swatch || COLOURS[p.category] || '#334155';
  const words = p.title.replace(/,.*$/, '').split(/\s+/);
  const lines = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last && (last + ' ' + word).length <= 14) lines[lines.length - 1] = last + ' ' + word;
    else lines.push(word);
  }
  const shown = lines.slice(0, 3);
  if (lines.length > 3) shown[2] = shown[2].replace(/.{0,2}$/, '…');
  // A short mark: "Vertex 13" -> V13, "Aurora Lite" -> AL, "45W fast" -> 45W,
  // "2-year phone" -> 2P.
  const [first = '', second = ''] = words;
  const lead = (w) => (/^\d/.test(w) ? w.match(/^\d+/)[0] : w.charAt(0).toUpperCase());
  const unit = first.match(/^\d+W\b/);
  const initials = unit ? unit[0] : lead(first) + (/^\d/.test(first) ? second.charAt(0).toUpperCase() : lead(second));
  const y0 = 150 - (shown.length - 1) * 11;
  const text = shown
    .map((line, i) => `<text x="120" y="${y0 + i * 22}" font-size="18">${xml(line)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${xml(p.title)}">` +
    `<rect x="8" y="8" width="224" height="224" rx="28" fill="${colour}"/>` +
    `<circle cx="120" cy="80" r="42" fill="#ffffff" fill-opacity="0.16"/>` +
    `<g fill="#ffffff" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" text-anchor="middle">` +
    `<text x="120" y="94" font-size="38" font-weight="700">${xml(initials)}</text>` +
    text +
    `<text x="120" y="214" font-size="12" fill-opacity="0.85">${xml(p.option ? `${p.category} · ${p.option}` : p.category)}</text>` +
    `</g></svg>\n`
  );
}

function main() {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/demo-data.mjs OUTPUT_DIR');
    process.exit(2);
  }
  mkdirSync(join(out, 'img'), { recursive: true });

  let catalog = csvLine([
    'id', 'title', 'price', 'currency', 'url', 'image', 'category', 'family', 'tier',
    'in_stock', 'rating', 'addon_for', 'variant_of', 'option', 'pin', 'exclude',
    ...ATTRIBUTES.map((a) => `attr:${a}`),
  ]);
  for (const p of rows) {
    catalog += csvLine([
      p.id, p.title, money(p.price), p.currency, p.url, p.image, p.category, p.family, p.tier,
      p.in_stock, p.rating === '' ? '' : p.rating.toFixed(1), p.addon_for, p.variant_of, p.option,
      p.pin.join(';'), p.exclude.join(';'),
      ...ATTRIBUTES.map((a) => p.attrs[a] ?? ''),
    ]);
  }
  writeFileSync(join(out, 'catalog.csv'), catalog);

  let orders = 'order_id,product_id,quantity\n';
  let lines = 0;
  for (let n = 0; n < ORDERS; n++) {
    for (const [id, quantity] of makeOrder()) {
      orders += `${FIRST_ORDER + n},${id},${quantity}\n`;
      lines++;
    }
  }
  writeFileSync(join(out, 'orders.csv'), orders);

  // Variants are listed inside their parent, not as products of their own.
  const store = products.map((p) => ({
    id: p.id,
    title: p.title,
    price: p.price,
    currency: p.currency,
    category: p.category,
    family: p.family,
    tier: p.tier === '' ? null : p.tier,
    url: p.url,
    image: p.image,
    rating: p.rating,
    in_stock: p.in_stock,
    description: p.description,
    attrs: Object.fromEntries(ATTRIBUTES.filter((a) => a in p.attrs).map((a) => [a, p.attrs[a]])),
    ...(p.variants.length
      ? {
          option_name: p.option_name,
          variants: p.variants.map((v) => ({
            id: v.id,
            option: v.option,
            price: v.price,
            in_stock: v.in_stock,
            image: v.image,
          })),
        }
      : {}),
  }));
  writeFileSync(join(out, 'products.json'), JSON.stringify(store, null, 2) + '\n');

  for (const p of rows) writeFileSync(join(out, 'img', `${p.id}.svg`), svgFor(p));
  writeFileSync(
    join(out, 'img', 'store.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
      '<rect width="64" height="64" rx="14" fill="#1f4fd1"/>' +
      '<text x="32" y="45" fill="#ffffff" font-family="system-ui, sans-serif" font-size="38" ' +
      'font-weight="700" text-anchor="middle">N</text></svg>\n',
  );

  const variants = rows.length - products.length;
  const parents = products.filter((p) => p.variants.length).length;
  console.log(
    `${out}: ${products.length} products (and ${variants} variants of ${parents}), ${ORDERS} orders (${lines} lines)`,
  );
}

main();
