#!/usr/bin/env node
// Share links against the bare page, measured side by side in one run, in
// headless Chromium against the release build in dist/ served from loopback
// (run `trunk build --release` first). Each run is a fresh browser context
// (empty cache and storage), and the three kinds take turns, so a busy
// machine slows them alike:
//   bare page    navigation start → the app mounted (paste area on screen)
//   link open    navigation start to a share link → its headline on screen
//   first share  the example shown → "Share link" pressed → the link in the
//                panel (the page was idle for 300 ms first, as a person's is)
//   next share   the panel closed and opened again for the same story (it
//                shows the link already made: no packing)
// Prints the medians and each run, and how much the link and the first
// share take beyond the bare page (the goal: ≤ 300 ms each). RUNS=N sets
// the runs (7); NOSW=1 blocks service workers, to see what their first
// install costs the other kinds.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, fixtures } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist();
const browser = await launchBrowser();
const fragment = `s2.${(await readFile(join(fixtures, 'share-link-s2-seed.txt'), 'utf8')).trim()}`;
const results = { bare_page_ms: [], link_open_ms: [], first_share_ms: [], next_share_ms: [] };

// Time from navigation start until `selector` is in the page.
async function load(url, selector) {
  const context = await browser.newContext(process.env.NOSW ? { serviceWorkers: 'block' } : {});
  const page = await context.newPage();
  await page.goto(url);
  const ms = await page.evaluate(async (selector) => {
    while (!document.querySelector(selector)) await new Promise(requestAnimationFrame);
    return performance.now();
  }, selector);
  return { context, page, ms };
}

for (let run = 0; run < RUNS; run++) {
  const bare = await load(server.url, '#paste');
  results.bare_page_ms.push(bare.ms);
  await bare.context.close();

  const link = await load(`${server.url}#${fragment}`, 'article h1');
  results.link_open_ms.push(link.ms);
  await link.context.close();

  const sharer = await load(server.url, '#paste');
  const page = sharer.page;
  await page.getByRole('button', { name: 'Open the example' }).click();
  await page.locator('article h1').waitFor();
  await page.waitForTimeout(300);
  const share = () =>
    page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Share link');
      const before = document.querySelector('.share-link')?.value;
      const start = performance.now();
      button.click();
      for (;;) {
        const value = document.querySelector('.share-link')?.value;
        if (value && value !== before && value.includes('#s2.')) break;
        await new Promise(requestAnimationFrame);
      }
      return performance.now() - start;
    });
  results.first_share_ms.push(await share());
  // Close the panel (Escape), then share again.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.share-link'));
  results.next_share_ms.push(await share());
  await sharer.context.close();
}

for (const [name, xs] of Object.entries(results)) {
  console.log(`${name}: median ${median(xs).toFixed(0)} (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`);
}
const bare = median(results.bare_page_ms);
console.log(`link open beyond the bare page: ${(median(results.link_open_ms) - bare).toFixed(0)} ms (goal ≤ 300)`);
console.log(`first share: ${median(results.first_share_ms).toFixed(0)} ms (goal ≤ 300)`);
await browser.close();
await server.close();
