#!/usr/bin/env node
// Saved pages, side by side in one headless Chromium run: Folio's HTML reader
// (in its Web Worker, as the page uses it: post the page, wait for the
// Article) against Readability.js 0.6.0 with the browser's own DOMParser, on
// the DEV scrapinghub pages. Prints mean milliseconds per page for each.
// Needs `trunk build --release` first.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser, corpus } from '../tests/e2e/harness.mjs';

const require = createRequire(import.meta.url);
const dir = join(corpus, 'scrapinghub');
const names = (await readdir(dir)).filter((n) => n.endsWith('.html')).sort();
const pages = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));

const server = await serveDist();
const browser = await launchBrowser();
const context = await browser.newContext({ bypassCSP: true });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('#paste');
await page.addScriptTag({ path: require.resolve('@mozilla/readability/Readability.js') });

const folio = await page.evaluate(async (pages) => {
  const worker = new Worker('./folio-worker_loader.js');
  await new Promise((ready) => (worker.onmessage = (e) => e.data === 'ready' && ready()));
  const parse = (id, html) =>
    new Promise((done) => {
      worker.onmessage = (e) => done(e.data);
      worker.postMessage([id, html, 'html']);
    });
  await parse(0, pages[0]); // warm up
  const start = performance.now();
  for (let i = 0; i < pages.length; i++) await parse(i + 1, pages[i]);
  return (performance.now() - start) / pages.length;
}, pages);

const readability = await page.evaluate(async (pages) => {
  const run = (html) => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse();
  run(pages[0]);
  const start = performance.now();
  for (const html of pages) run(html);
  return (performance.now() - start) / pages.length;
}, pages);

await browser.close();
await server.close();
console.log(`pages: ${pages.length}`);
console.log(`folio (worker round trip, release Wasm): ${folio.toFixed(1)} ms/page`);
console.log(`readability.js 0.6.0 + DOMParser:        ${readability.toFixed(1)} ms/page`);
console.log(`ratio: ${(readability / folio).toFixed(1)}x`);
