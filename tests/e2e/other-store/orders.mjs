// Order history of the fixture bike shop: a few clear buying patterns,
// written out as order lines (one row per product, rows of an order
// together), with a dash of the mess real exports carry.
export function orders() {
  const rows = ['order_id,product_id,quantity'];
  let n = 5000;
  const add = (times, items) => {
    for (let i = 0; i < times; i++) {
      n += 1;
      for (const id of items) rows.push(`${n},${id},1`);
    }
  };
  add(40, ['BK-C1', 'HL-1', 'LK-1']);
  add(25, ['BK-C2', 'LK-1', 'LT-1']);
  add(15, ['BK-R1', 'HL-2', 'BT-1']);
  add(10, ['BK-R2', 'BT-1', 'LT-1']);
  add(12, ['BK-C1', 'BG-1']);
  add(20, ['HL-1', 'LT-1']);
  add(8, ['LK-1']);
  add(6, ['BK-C1', 'INS']);
  rows.push(`${n},LK-1,-1`); // a return
  return rows.join('\n') + '\n';
}
