#!/usr/bin/env node
// Sizes of the built page (dist/): each file raw, gzip and brotli, and a
// budget check on the initial Wasm (brotli). Fails when the Wasm grows past
// the budget; raise the budget only with a reason in the README.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// 190.5: the same page code measures 189.5–190.1 KB by the parser build hash it
// carries (README, "Speed and size").
const WASM_BROTLI_BUDGET = 190.5 * 1024;

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);
let wasmBrotli = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| file | raw | gzip -9 | brotli -11 |');
console.log('| --- | --- | --- | --- |');
const totals = [0, 0, 0];
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totals[0] += bytes.length;
  totals[1] += gz;
  totals[2] += br;
  // The worker's Wasm loads later, on the first file; the budget is for the first paint.
  if (path.endsWith('.wasm') && !path.includes('worker')) wasmBrotli += br;
  console.log(`| ${path.slice(dist.length + 1).replace(/-[0-9a-f]{8,}/, '')} | ${kb(bytes.length)} | ${kb(gz)} | ${kb(br)} |`);
}
console.log(`| all | ${kb(totals[0])} | ${kb(totals[1])} | ${kb(totals[2])} |`);
if (wasmBrotli > WASM_BROTLI_BUDGET) {
  console.error(`initial Wasm is ${kb(wasmBrotli)} brotli, over the budget of ${kb(WASM_BROTLI_BUDGET)}`);
  process.exit(1);
}
console.log(`initial Wasm ${kb(wasmBrotli)} brotli, within the budget of ${kb(WASM_BROTLI_BUDGET)}`);
console.log('1 passed, 0 failed');
