// Parsing happens in a Web Worker: while a 50 MB file is read and parsed,
// the page keeps answering. Measures the longest main-thread task (Long
// Tasks API) during the whole load and asserts the page handled a click
// while the parse was running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFolio, openFolio } from './harness.mjs';

const folio = useFolio();

test('a 50 MB file is parsed off the main thread and the page still answers', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const transfer = await page.evaluateHandle(() => {
    const line = 'The minister said that the talks would go on for as long as it takes, and that the plan is in place. ';
    const dt = new DataTransfer();
    dt.items.add(new File([line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))], 'fifty.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('.reader', 'drop', { dataTransfer: transfer });
  await page.locator('.progress').waitFor();
  // While the worker parses, a click still works.
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Dark' }).click({ timeout: 2_000 });
  assert.equal(await page.locator('.folio').getAttribute('data-theme'), 'dark');
  const stillLoading = await page.locator('.progress').count();
  await page.locator('.progress').waitFor({ state: 'detached', timeout: 120_000 });
  await page.locator('nav[aria-label="Library"] li.entry-row').waitFor();
  const longest = await page.evaluate(() => Math.max(0, ...window.__tasks));
  console.log(`longest main-thread task during the 50 MB load: ${longest.toFixed(0)} ms; click answered while parsing: ${stillLoading === 1} (at ${clickedAt.toFixed(0)} ms)`);
  assert.equal(stillLoading, 1, 'the click was answered while the file was still being parsed');
  assert.deepEqual(errors, []);
  await context.close();
});
