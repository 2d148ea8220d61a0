#!/usr/bin/env node
// Time to first story, measured in headless Chromium against the release
// build in dist/ served from loopback (run `trunk build --release` first):
//   cold load   navigation start → app mounted (paste area on screen)
//   paste       the seed's text set in the paste area → its headline on screen
//               (the first parse: it includes starting the parser's worker)
//   example     then click "Open the example" → the seed's headline on screen
//   200 files   drop of 200 DEV corpus pages → all 200 listed
//   worker      the parser's own speed in its worker (release Wasm)
// Each is the median of several runs, from the page's own performance.now().
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, fixtures, corpus } from '../tests/e2e/harness.mjs';

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist();
const browser = await launchBrowser();
const seed = await readFile(join(fixtures, 'interfax-2025-12-31-kallas.txt'), 'utf8');
const results = { cold_load_ms: [], example_ms: [], paste_ms: [], drop_200_ms: [] };

for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#paste');
  results.cold_load_ms.push(await page.evaluate(() => performance.now()));
  await page.waitForTimeout(300); // as a person would: the page has settled
  results.paste_ms.push(
    await page.evaluate(async (text) => {
      const area = document.getElementById('paste');
      const start = performance.now();
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      // The worker parses; wait for the story in the DOM (watched, not
      // polled), then for the frame that paints it.
      await new Promise((ok) => {
        const shown = () => document.querySelector('article h1')?.textContent.startsWith('Kallas urges');
        if (shown()) return ok();
        const watch = new MutationObserver(() => shown() && (watch.disconnect(), ok()));
        watch.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await new Promise(requestAnimationFrame);
      return performance.now() - start;
    }, seed),
  );
  await context.close();
  // The example, in a fresh page of its own.
  const exampleContext = await browser.newContext();
  const examplePage = await exampleContext.newPage();
  await examplePage.goto(server.url);
  await examplePage.waitForSelector('#paste');
  await examplePage.waitForTimeout(300); // as a person would: the page has settled
  results.example_ms.push(
    await examplePage.evaluate(async () => {
      const start = performance.now();
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open the example').click();
      while (!document.querySelector('article h1')) await new Promise(requestAnimationFrame);
      return performance.now() - start;
    }),
  );
  await exampleContext.close();
}

const dir = join(corpus, 'trafilatura');
const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort().slice(0, 200);
const files = await Promise.all(names.map(async (name) => ({ name, data: Array.from(await readFile(join(dir, name))) })));
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#paste');
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  const start = await page.evaluate(() => performance.now());
  await page.dispatchEvent('.reader', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(() => document.querySelectorAll('li.entry-row').length === 200 && !document.querySelector('.progress'), null, { timeout: 60_000 });
  results.drop_200_ms.push((await page.evaluate(() => performance.now())) - start);
  await context.close();
}

// Parse throughput inside the page (release Wasm, main thread): every DEV
// page joined into one 9 MB text, pasted; time until its story is in the DOM.
{
  const pages = [];
  for (const dataset of ['scrapinghub', 'trafilatura']) {
    const d = join(corpus, dataset);
    for (const name of (await readdir(d)).filter((n) => n.endsWith('.txt')).sort()) pages.push(await readFile(join(d, name), 'utf8'));
  }
  const big = pages.join('\n\n');
  results.paste_9mb_ms = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#paste');
    results.paste_9mb_ms.push(
      await page.evaluate(async (text) => {
        const area = document.getElementById('paste');
        const start = performance.now();
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
        while (!document.querySelector('article h1')) await new Promise((ok) => setTimeout(ok, 1));
        return performance.now() - start;
      }, big),
    );
    await context.close();
  }
  results.paste_9mb_mb_per_s = results.paste_9mb_ms.map((ms) => Buffer.byteLength(big) / 1e6 / (ms / 1000));
}

// Parse throughput inside Chromium, release Wasm, in the parser's own
// worker: the same 9 MB text and the seed posted straight to a worker
// started from dist/, timed from post to reply (the reply's JSON included).
{
  const pages = [];
  for (const dataset of ['scrapinghub', 'trafilatura']) {
    const d = join(corpus, dataset);
    for (const name of (await readdir(d)).filter((n) => n.endsWith('.txt')).sort()) pages.push(await readFile(join(d, name), 'utf8'));
  }
  const texts = { corpus: pages.join('\n\n'), seed };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#paste');
  for (const [name, text] of Object.entries(texts)) {
    const runs = await page.evaluate(async ({ text, repeat }) => {
      const worker = new Worker('./folio-worker_loader.js');
      await new Promise((ok) => worker.addEventListener('message', (e) => e.data === 'ready' && ok(), { once: true }));
      const times = [];
      for (let i = 0; i < repeat; i++) {
        const start = performance.now();
        await new Promise((ok) => {
          worker.onmessage = () => ok();
          worker.postMessage([i, text, 'text']);
        });
        times.push(performance.now() - start);
      }
      worker.terminate();
      return times;
    }, { text, repeat: name === 'seed' ? 50 : 5 });
    results[`worker_parse_${name}_ms`] = runs;
    results[`worker_parse_${name}_mb_per_s`] = runs.map((ms) => Buffer.byteLength(text) / 1e6 / (ms / 1000));
  }
  await context.close();
}

await browser.close();
await server.close();
for (const [name, xs] of Object.entries(results)) console.log(`${name}: median ${median(xs).toFixed(1)} (runs: ${xs.map((x) => x.toFixed(1)).join(', ')})`);
