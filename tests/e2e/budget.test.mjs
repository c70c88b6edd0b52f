// What a shop uploads stays small: the budgets of issue #2 (gzip -9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { sizes, BUDGETS } from '../../scripts/sizes.mjs';

test('dist/ holds exactly the files a shop uploads', () => {
  assert.deepEqual(readdirSync('dist').sort(), ['xsell.css', 'xsell.js', 'xsell.wasm']);
});

test('gzip sizes are within budget', () => {
  for (const { name, gzip } of sizes('dist')) {
    if (BUDGETS[name] !== undefined) {
      assert.ok(gzip <= BUDGETS[name], `${name}: ${gzip} bytes gzip -9, budget ${BUDGETS[name]}`);
    }
  }
});
