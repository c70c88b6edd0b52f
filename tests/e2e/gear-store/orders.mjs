// Order history of the fixture outdoor-gear shop: a tent family in three
// tiers, a sleeping bag sold in sizes (orders name the variant bought), a
// clear bundle (Trail 1 tent + sleeping bag + footprint), accessories and
// a protection plan.
export function orders() {
  const rows = ['order_id,product_id,quantity'];
  let n = 9000;
  const add = (times, items) => {
    for (let i = 0; i < times; i++) {
      n += 1;
      for (const id of items) rows.push(`${n},${id},1`);
    }
  };
  add(30, ['TN-1', 'SB-1-R', 'FP']); // the bundle
  add(10, ['TN-1', 'SB-1-L', 'FP']);
  add(25, ['TN-1', 'HL']);
  add(6, ['TN-1', 'PP']);
  add(15, ['TN-2', 'SB-1-R', 'HL']);
  add(10, ['TN-3', 'FP', 'ST']);
  add(12, ['HL', 'MUG']);
  add(10, ['ST', 'MUG']);
  add(12, ['STV', 'MUG']);
  add(25, ['WF']);
  add(20, ['STV', 'WF']);
  add(30, ['PAD']);
  return rows.join('\n') + '\n';
}
