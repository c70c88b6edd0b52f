// Prints the gzip -9 size of every file in dist/ (what a shop uploads),
// and checks the budgets: exits 1 past one when run with --check.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export const BUDGETS = { 'xsell.wasm': 70 * 1024, 'xsell.js': 6 * 1024 };

export function sizes(dir = 'dist') {
  return readdirSync(dir).sort().map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(6) + ' KB';

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = sizes();
  let over = false;
  console.log('dist/ (what a shop uploads)      raw       gzip -9   budget');
  for (const { name, raw, gzip } of rows) {
    const budget = BUDGETS[name];
    const verdict = budget === undefined ? '' : gzip <= budget ? `${kb(budget)}  ok` : `${kb(budget)}  OVER`;
    if (budget !== undefined && gzip > budget) over = true;
    console.log(`  ${name.padEnd(26)} ${kb(raw)}  ${kb(gzip)}  ${verdict}`);
  }
  const total = rows.reduce((a, r) => a + r.gzip, 0);
  console.log(`  ${'total'.padEnd(26)} ${' '.repeat(9)}  ${kb(total)}`);
  if (over && process.argv.includes('--check')) {
    console.error('over budget');
    process.exit(1);
  }
}
