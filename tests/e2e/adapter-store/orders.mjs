// Order history of the adapter test store (numeric ids, as Shopify variant
// ids and WooCommerce product ids are): clear co-purchases around the city
// bike (a lock and a helmet above all), so its blocks are predictable.
export const BIKE = '40000001';
export const BIKE_8 = '40000002';
export const HELMET = '40000011';
export const LOCK = '40000021';
export const LIGHT = '40000031';
export const CAGE = '40000041';
export const PLAN = '40000051';

export function orders() {
  const rows = ['order_id,product_id,quantity'];
  let n = 9000;
  const add = (times, items) => {
    for (let i = 0; i < times; i++) {
      n += 1;
      for (const id of items) rows.push(`${n},${id},1`);
    }
  };
  add(30, [BIKE, HELMET, LOCK]);
  add(18, [BIKE, LOCK, LIGHT]);
  add(10, [BIKE, PLAN]);
  add(8, [BIKE_8, CAGE]);
  add(10, [LIGHT, CAGE]);
  add(15, [CAGE]);
  add(10, [HELMET]);
  return rows.join('\n') + '\n';
}
