// Runs every row of tests/hostile-inputs.mjs in headless Chromium, each in a
// fresh browser context: what a person would do with such a file or paste,
// and what they must see. Nothing from the input may run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, dropFiles, fixtures } from './harness.mjs';
import { CASES, MAKERS } from '../hostile-inputs.mjs';

const folio = useFolio();

const rows = (page) => page.locator('nav[aria-label="Library"] li.entry-row');

/** Drops files made inside the page (for inputs too big to pass from Node). */
async function dropMadeInPage(page, make) {
  const transfer = await page.evaluateHandle((make) => {
    const dt = new DataTransfer();
    if (make === 'huge') {
      dt.items.add(new File([new Uint8Array(201 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
    } else if (make === 'oneLine50MB') {
      dt.items.add(new File(['word and more '.repeat(Math.ceil((50 * 1024 * 1024) / 14))], 'one-line.txt', { type: 'text/plain' }));
    } else if (make.startsWith('many:')) {
      const n = Number(make.slice(5));
      for (let i = 0; i < n; i++) {
        dt.items.add(new File([`Tiny headline number ${i}\n\nA tiny story body number ${i}, written as one sentence for the parser.\n`], `tiny-${i}.txt`, { type: 'text/plain' }));
      }
    }
    return dt;
  }, make);
  await page.dispatchEvent('.reader', 'drop', { dataTransfer: transfer });
}

async function storyText(page) {
  await page.locator('article h1').waitFor();
  return { headline: await page.locator('article h1').innerText(), body: await page.locator('.story-body').innerText() };
}

for (const row of CASES) {
  test(`hostile input: ${row.case}`, async () => {
    const { context, page, errors } = await openFolio(folio.browser, folio.url);
    const { input, expect } = row;
    if (input.paste !== undefined) {
      await page.fill('#paste', input.paste);
    } else if (input.file) {
      await dropFiles(page, '.reader', [{ name: input.file.split('/').pop(), bytes: await readFile(join(fixtures, input.file)) }]);
    } else if (input.many) {
      await dropMadeInPage(page, `many:${input.many}`);
    } else if (MAKERS[input.make]) {
      await dropFiles(page, '.reader', [{ name: input.bytes, bytes: Uint8Array.from(MAKERS[input.make]()) }]);
    } else {
      await dropMadeInPage(page, input.make);
    }

    if (expect.refused) {
      const notice = page.locator('.notice');
      await notice.waitFor({ timeout: 60_000 });
      assert.match(await notice.innerText(), expect.refused);
      assert.equal(await rows(page).count(), 0);
    }
    if (expect.entries !== undefined) {
      await page.locator('.progress').waitFor({ state: 'detached', timeout: 120_000 });
      await page.locator('nav[aria-label="Library"] h2', { hasText: `Library (${expect.entries})` }).waitFor({ timeout: 120_000 });
      // Listed a hundred at a time.
      assert.equal(await rows(page).count(), Math.min(expect.entries, 100));
    }
    if (expect.story) {
      const got = await storyText(page);
      if (expect.has) assert.ok(`${got.headline}\n${got.body}`.includes(expect.has), `${row.case}: ${got.headline}`);
      if (expect.says) assert.match(await rows(page).first().innerText(), new RegExp(`read as ${expect.says}`));
      if (expect.sameAs) {
        await dropFiles(page, '.reader', [{ name: 'reference.txt', bytes: await readFile(join(fixtures, expect.sameAs)) }]);
        // Decoded, it is the very same text: the library has it already.
        await page.locator('.notice', { hasText: 'reference.txt: already in the library as' }).waitFor();
        assert.equal(await rows(page).count(), 1);
      }
    }
    // Nothing in the input ran or became live.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('article script, article img, article svg, article iframe, article style').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"], a[href^="data:"]').count(), 0);
    // The page still answers.
    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.locator('article h1').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
