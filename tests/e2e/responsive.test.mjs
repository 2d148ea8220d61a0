// Parsing happens in a Web Worker: while a 50 MB file is read and parsed,
// the page keeps answering. Measures the longest main-thread task (Long
// Tasks API) during the whole load and asserts the page handled a click
// while the parse was running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFolio, openFolio, mounted } from './harness.mjs';

const folio = useFolio();

test('a 50 MB file is parsed off the main thread and the page still answers', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  // Long animation frames count script, style, layout and paint together:
  // what a person feels as the page not answering.
  await page.evaluate(() => {
    window.__frames = [];
    new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
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
  await page.locator('article h1').waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const longest = await page.evaluate(() => Math.max(0, ...window.__frames));
  console.log(`longest frame while the 50 MB file loaded and showed: ${longest.toFixed(0)} ms; click answered while parsing: ${stillLoading === 1} (at ${clickedAt.toFixed(0)} ms)`);
  // Only the first part of a huge story is laid out.
  assert.match(await page.locator('.story-body .more button').innerText(), /Show the rest of the story/);
  assert.equal(stillLoading, 1, 'the click was answered while the file was still being parsed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a very long paste is read by the worker, and the page says so', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const line = 'The minister said that the talks would go on for as long as it takes, and that the plan is in place.\n\n';
  await page.evaluate((text) => {
    const area = document.getElementById('paste');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'A long pasted story about the talks\n\n' + line.repeat(100_000));
  // One read of the status line: the text and its Stop button together.
  assert.match(await page.locator('.progress').innerText(), /^Reading the pasted text…\s*Stop$/);
  await page.locator('article h1').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('article h1').innerText(), 'A long pasted story about the talks');
  await page.getByRole('button', { name: 'Dark' }).click();
  assert.equal(await page.locator('.folio').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('.progress').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long read can be stopped, and the next file is read as usual', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const transfer = await page.evaluateHandle(() => {
    const line = 'The minister said that the talks would go on for as long as it takes, and that the plan is in place. ';
    const dt = new DataTransfer();
    dt.items.add(new File([line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))], 'fifty.txt', { type: 'text/plain' }));
    dt.items.add(new File(['A second file\n\nIt has a short story in it, written as one sentence.\n'], 'second.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('.reader', 'drop', { dataTransfer: transfer });
  await page.locator('.progress').getByRole('button', { name: 'Stop' }).click();
  await page.locator('.progress').waitFor({ state: 'detached' });
  assert.match(await page.locator('.notice').innerText(), /stopped: 2 of 2 files were not read/);
  assert.equal(await page.locator('nav[aria-label="Library"] li.entry-row').count(), 0);
  // The parser starts afresh for the next file.
  await page.dispatchEvent('.reader', 'drop', {
    dataTransfer: await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Council keeps the library open\n\nThe council voted on Tuesday to keep the library open on Sundays, after a long debate.\n'], 'third.txt', { type: 'text/plain' }));
      return dt;
    }),
  });
  await page.locator('nav[aria-label="Library"] li.entry-row').waitFor();
  assert.equal(await page.locator('article h1').innerText(), 'Council keeps the library open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a paste of megabytes goes to the library, not the paste area, and the page keeps answering', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  // The clipboard's 10 MB is made first: making it is the test's work, not Folio's.
  const line = 'The minister said that the talks would go on for as long as it takes, and that the plan is in place.\n\n';
  await page.evaluate((text) => {
    window.__clipboard = new DataTransfer();
    window.__clipboard.setData('text/plain', text);
  }, 'A ten megabyte story about the talks\n\n' + line.repeat(100_000));
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  await page.evaluate(() => {
    window.__frames = [];
    new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
    document.getElementById('paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__clipboard, bubbles: true, cancelable: true }));
  });
  await page.locator('nav[aria-label="Library"] li.entry-row').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('article h1').innerText(), 'A ten megabyte story about the talks');
  assert.match(await page.locator('.entry-title').innerText(), /A ten megabyte story/);
  assert.equal(await page.locator('#paste').inputValue(), '');
  const longest = await page.evaluate(() => Math.max(0, ...window.__frames));
  console.log(`longest frame while a 10 MB paste was read: ${longest.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a burst of input events keeps one parse in flight and shows the last text', async () => {
  // Count the parse requests the page has sent and not had answered.
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__parses = { sent: 0, open: 0, most: 0 };
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.__asked = new Set();
        this.addEventListener('message', (ev) => {
          if (Array.isArray(ev.data) && this.__asked.delete(ev.data[0])) window.__parses.open--;
        });
      }
      postMessage(message, ...rest) {
        // Text parses, and the example the page reads as it starts.
        if (Array.isArray(message) && (message[2] === 'text' || message[2] === 'example')) {
          this.__asked.add(message[0]);
          const p = window.__parses;
          p.sent++;
          p.open++;
          p.most = Math.max(p.most, p.open);
        }
        return super.postMessage(message, ...rest);
      }
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(folio.url);
  await mounted(page);
  // The page reads its example once as it starts, to warm the parser.
  await page.waitForFunction(() => window.__parses.sent >= 1 && window.__parses.open === 0);
  // As a script that types a story line by line: one input event per
  // line, each after the page has had a turn.
  const lines = 400;
  await page.evaluate(async (lines) => {
    const area = document.getElementById('paste');
    let text = 'Talks on the harbour plan go on\n\n';
    for (let i = 0; i < lines; i++) {
      text += `Line ${i}: the minister said that the talks on the harbour would go on for as long as it takes.\n`;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    }
  }, lines);
  await page.locator('.story-body', { hasText: `Line ${lines - 1}:` }).waitFor();
  const parses = await page.evaluate(() => window.__parses);
  console.log(`${lines} input events: ${parses.sent} parses sent, at most ${parses.most} in flight`);
  assert.equal(parses.most, 1, 'never more than one parse of the paste area in flight');
  assert.ok(parses.sent < lines, `${parses.sent} parses for ${lines} input events`);
  assert.equal(await page.locator('article h1').innerText(), 'Talks on the harbour plan go on');
  assert.deepEqual(errors, []);
  await context.close();
});
