#!/usr/bin/env node
// Peak Wasm memory of the parser's worker (release build in dist/) while it
// parses a 50 MB text dump, as the page sends it (a dropped file's bytes):
// Wasm memory only grows, so its size after the parse is the peak.
//   node scripts/measure-memory.mjs   (after `trunk build --release`)
import { serveDist, launchBrowser } from '../tests/e2e/harness.mjs';

const server = await serveDist();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForSelector('#paste');
const result = await page.evaluate(async () => {
  const rows = [];
  let before = 0;
  for (const [label, line] of [
    ['50 MB, one line of prose', 'The minister said that the talks would go on for as long as it takes, and that the plan is in place. '],
    ['50 MB, short lines', 'The minister said that the talks would go on.\n'],
  ]) {
    // A fresh worker for each, so each peak is its own.
    const worker = new Worker('./folio-worker_loader.js');
    await new Promise((ok) => worker.addEventListener('message', (e) => e.data === 'ready' && ok(), { once: true }));
    let next = 0;
    const ask = (payload, job, name) =>
      new Promise((ok) => {
        worker.onmessage = (e) => ok(e.data);
        worker.postMessage([next++, payload, job, name]);
      });
    const memory = async () => Number(new TextDecoder().decode((await ask('', 'memory'))[1]));
    before = await memory();
    const bytes = new TextEncoder().encode(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const start = performance.now();
    await ask(bytes, 'file', 'fifty.txt');
    rows.push({ label, size: bytes.length, ms: performance.now() - start, memory: await memory() });
    worker.terminate();
  }
  return { before, rows };
});
console.log(`worker Wasm memory at start: ${(result.before / 2 ** 20).toFixed(1)} MiB`);
for (const r of result.rows) {
  console.log(`${r.label}: peak ${(r.memory / 2 ** 20).toFixed(0)} MiB = ${(r.memory / r.size).toFixed(1)}× the file; read and parsed in ${(r.ms / 1000).toFixed(1)} s`);
}
await browser.close();
await server.close();
