// How a big library opens: drop 1,000 DEV files (the trafilatura and
// scrapinghub text dumps, the 118 saved pages, then copy-form texts to make
// up the thousand), wait until every record is stored, reload, and time
// navigation → every entry listed. Then a search for a phrase from deep in
// one body, timed in the page until the hit is shown. Over the corpus's count, its text dumps come
// again with a line added. Usage: node scripts/measure-library.mjs [COUNT]
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, dropFiles, corpus, storedRecords } from '../tests/e2e/harness.mjs';

const count = Number(process.argv[2] ?? 1000);
const pick = async (dir, ext) =>
  (await readdir(dir)).filter((n) => n.endsWith(ext)).sort().map((n) => join(dir, n));
const paths = [
  ...(await pick(join(corpus, 'scrapinghub'), '.html')),
  ...(await pick(join(corpus, 'trafilatura'), '.txt')),
  ...(await pick(join(corpus, 'scrapinghub'), '.txt')),
  ...(await pick(join(corpus, '..', 'forms', 'lynx'), '.txt')),
];
// Past the corpus's files, its text dumps again, each made a distinct
// entry by a line of its own at the end (the library adds a text once).
const dumps = paths.filter((p) => p.endsWith('.txt'));
const picked = [...paths.slice(0, count).map((p) => [p, 0])];
for (let k = 1; picked.length < count; k++) {
  for (const p of dumps) {
    if (picked.length >= count) break;
    picked.push([p, k]);
  }
}
const files = await Promise.all(picked.map(async ([p, copy], i) => {
  const bytes = await readFile(p);
  return { name: `${i}-${p.split('/').pop()}`, bytes: copy ? Buffer.concat([bytes, Buffer.from(`\n\nCopy ${copy} of this page.\n`)]) : bytes };
}));
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
const rows = page.locator('nav[aria-label="Library"] li.entry-row');
let started = Date.now();
for (let i = 0; i < files.length; i += 100) await dropFiles(page, '.reader', files.slice(i, i + 100));
const heading = (n) => `Library (${n})`;
await page.waitForFunction((h) => document.querySelector('nav[aria-label="Library"] h2')?.textContent === h, heading(files.length), { timeout: 600_000, polling: 500 });
const listed = Date.now() - started;
let stored = 0;
for (let i = 0; i < 600 && stored < files.length; i++) {
  stored = (await storedRecords(page)).length;
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
// story's 18 paragraphs (a trafilatura-set page among the thousand).
const search = await page.evaluate(async () => {
  const input = document.querySelector('#library-filter');
  const t0 = performance.now();
  input.value = 'veröffentlicht regelmäßig im sogenannten darknet';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const shown = () =>
    [...document.querySelectorAll('nav[aria-label="Library"] .entry-passage')].some((p) =>
      p.textContent.toLowerCase().includes('veröffentlicht regelmäßig im sogenannten darknet'),
    );
  while (!shown() && performance.now() - t0 < 10_000) await new Promise((ok) => requestAnimationFrame(ok));
  return shown() ? performance.now() - t0 : null;
});
console.log(search === null ? 'search: the hit was not shown within 10 s' : `search as you type, to the frame showing the hit: ${search.toFixed(0)} ms`);
await browser.close();
await server.close();
