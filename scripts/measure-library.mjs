// How a big library opens: drop 1,000 DEV files (the trafilatura and
// scrapinghub text dumps, the 118 saved pages, then copy-form texts to make
// up the thousand), wait until every record is stored, reload, and time
// navigation → every entry listed. Then a search for a phrase from deep in
// one body, timed in the page until the hit is shown, and in a store
// worker of its own. Over the corpus's count, its text dumps come again
// with a line added. With `all`, the trafilatura set's 653 saved pages
// come after the scrapinghub ones, and every file comes again past the
// corpus's count (5,000 entries are then 365 MB).
// Usage: node scripts/measure-library.mjs [COUNT] [all]
import { serveDist, launchBrowser, dropFiles, corpusMix, storedCount } from '../tests/e2e/harness.mjs';

const count = Number(process.argv[2] ?? 1000);
const files = await corpusMix(count, process.argv[3] === 'all');
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

const server = await serveDist();
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
// The page's Wasm instance, for its memory (Wasm memory only grows: its
// size is the most the page held).
await page.addInitScript(() =>
  addEventListener('TrunkApplicationStarted', (e) => (window.folioWasm = e.detail.wasm)),
);
await page.goto(server.url);
await page.waitForSelector('#paste');
const started = Date.now();
for (let i = 0; i < files.length; i += 100) await dropFiles(page, '.reader', files.slice(i, i + 100));
const heading = (n) => `Library (${n})`;
await page.waitForFunction((h) => document.querySelector('nav[aria-label="Library"] h2')?.textContent === h, heading(files.length), { timeout: Math.max(600_000, files.length * 1000), polling: 500 });
const listed = Date.now() - started;
let stored = 0;
for (let i = 0; i < Math.max(600, files.length) && stored < files.length; i++) {
  stored = await storedCount(page);
  if (stored < files.length) await page.waitForTimeout(500);
}
console.log(`${files.length} files (${(bytes / 1e6).toFixed(1)} MB) dropped → all listed in ${(listed / 1000).toFixed(1)} s; ${stored} records stored`);
const firsts = [];
const times = [];
for (let run = 0; run < 5; run++) {
  // A reload of a page at rest: what the last one started (the search
  // index, the parser's warm-up) has finished.
  await page.waitForTimeout(3000);
  await page.reload();
  // The list is open when its first rows are laid out; whole when the
  // heading counts every entry.
  const [first, whole] = await page.evaluate(
    (h) =>
      new Promise((ok) => {
        let first = null;
        const check = () => {
          if (first === null && document.querySelectorAll('nav[aria-label="Library"] li.entry-row').length > 0) {
            first = performance.now();
          }
          if (document.querySelector('nav[aria-label="Library"] h2')?.textContent === h) ok([first ?? performance.now(), performance.now()]);
          else requestAnimationFrame(check);
        };
        check();
      }),
    heading(files.length),
  );
  firsts.push(first);
  times.push(whole);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[2];
// What the page holds once every entry is listed, after a reload.
const cdp = await context.newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const memory = await page.evaluate(() => ({
  wasm: window.folioWasm?.memory.buffer.byteLength ?? 0,
  heap: performance.memory.usedJSHeapSize,
}));
const mib = (b) => (b / 2 ** 20).toFixed(1);
console.log(`page memory with ${files.length} entries listed: Wasm ${mib(memory.wasm)} MiB, JS heap ${mib(memory.heap)} MiB`);
console.log(`reload → first rows listed: median ${median(firsts).toFixed(0)} ms; all ${files.length} counted: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
// Typed, until the list shows the hit with its passage (entries read
// back are searched in the store's worker): a phrase from the 15th of one
// story's 18 paragraphs (a trafilatura-set page among the thousand). Once
// as soon as the list is whole (the worker may still be indexing what it
// listed), then again after the filter is cleared and the page has rested.
const phrase = 'veröffentlicht regelmäßig im sogenannten darknet';
const typed = (text) =>
  page.evaluate(async (text) => {
    const input = document.querySelector('#library-filter');
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const shown = () =>
      text === ''
        ? document.querySelectorAll('nav[aria-label="Library"] .entry-passage').length === 0
        : [...document.querySelectorAll('nav[aria-label="Library"] .entry-passage')].some((p) =>
            p.textContent.toLowerCase().includes(text),
          );
    while (!shown() && performance.now() - t0 < 10_000) await new Promise((ok) => requestAnimationFrame(ok));
    return shown() ? performance.now() - t0 : null;
  }, text);
const report = (when, ms) =>
  console.log(ms === null ? `search ${when}: the hit was not shown within 10 s` : `search ${when}, typed to the frame showing the hit: ${ms.toFixed(0)} ms`);
report('as soon as the list is whole', await typed(phrase));
await typed('');
await page.waitForTimeout(3000);
report('at rest', await typed(phrase));
// The search itself, in a store worker of its own (the protocol the page
// speaks, `src/protocol.rs`): it lists every record as the page does
// (which queues them to be indexed), then answers the same search five
// times; the first answer waits for the index to be built, the others
// search the thousand indexed entries.
const worker = await page.evaluate(async (phrase) => {
  const worker = new Worker('./folio-store-worker_loader.js');
  await new Promise((ok) => worker.addEventListener('message', (e) => e.data === 'ready' && ok(), { once: true }));
  let next = 0;
  const ask = (payload, job, argument) =>
    new Promise((ok) => {
      worker.onmessage = (e) => ok(typeof e.data[1] === 'string' ? e.data[1] : new TextDecoder().decode(e.data[1]));
      worker.postMessage([next++, payload, job, argument]);
    });
  let after = null;
  let listed = 0;
  for (;;) {
    const part = JSON.parse(await ask('', 'load', after === null ? '100' : `100:${after}`));
    if (part.length === 0) break;
    listed += part.length;
    after = part[part.length - 1][0];
  }
  const times = [];
  let hits = '';
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    hits = await ask(phrase, 'search');
    times.push(performance.now() - t0);
  }
  worker.terminate();
  return { listed, times, hits: hits.split('\n').filter(Boolean).length };
}, phrase);
const searches = worker.times.slice(1).sort((a, b) => a - b);
console.log(
  `search in the store's worker over ${worker.listed} listed entries: first (indexing what waits) ${worker.times[0].toFixed(0)} ms, then median ${searches[2].toFixed(1)} ms (${worker.hits} hit)`,
);
await browser.close();
await server.close();
