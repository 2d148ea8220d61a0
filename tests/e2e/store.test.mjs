// The library's store (IndexedDB, one record per entry) as a reader meets
// it: an older Folio's library moves in with every entry, what cannot be
// read is never erased, two tabs adding at once lose nothing, and without
// IndexedDB the page says the library lasts for the visit only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, mounted, dropFiles, fixtures, storedRecords, corpusFiles } from './harness.mjs';

const SEED = 'interfax-2025-12-31-kallas.txt';
const rows = (page) => page.locator('nav[aria-label="Library"] li.entry-row');
const folio = useFolio();

/** Waits until the store holds `count` records. */
async function storedCount(page, count) {
  for (let i = 0; i < 100; i++) {
    const records = await storedRecords(page);
    if (records.length >= count) return records;
    await page.waitForTimeout(100);
  }
  return storedRecords(page);
}

/** Opens Folio once with `value` as an older Folio's saved library. */
async function withOldLibrary(value) {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.evaluate((v) => localStorage.setItem('folio.library.v1', v), value);
  await page.reload();
  await mounted(page);
  return { context, page, errors };
}

test('a library saved by the localStorage Folio moves in with every entry, once', async () => {
  const seed = await readFile(join(fixtures, SEED), 'utf8');
  // Today's format, as `save_library` wrote it: StoredText objects.
  const old = JSON.stringify([
    { id: 1, name: SEED, text: seed, kind: 'Dump', encoding: 'utf-8', failed: false },
    { id: 2, name: 'Pasted text', text: 'Library stays open\n\n' + 'The council voted to keep the library open. '.repeat(8), kind: 'Dump', failed: false },
    // From a newer Folio: a kind this one does not know.
    { id: 3, name: 'talk.mp4', text: 'video bytes', kind: 'Video', failed: false },
  ]);
  const { context, page, errors } = await withOldLibrary(old);
  await rows(page).nth(1).waitFor();
  assert.equal(await rows(page).count(), 2);
  assert.match(await rows(page).first().innerText(), /Kallas urges not to accept/);
  assert.match(await page.locator('.notice').innerText(), /1 saved entries could not be read by this version/);
  // All three are in the store, the unknown kind exactly as it was.
  const records = await storedCount(page, 3);
  assert.equal(records.length, 3);
  const video = records.find((r) => r.id === 3);
  assert.equal(video.kind, 'Video');
  assert.equal(video.text, 'video bytes');
  // The old value is left where it was.
  assert.equal(await page.evaluate(() => localStorage.getItem('folio.library.v1')), old);
  // Moved once: a reload neither duplicates nor loses anything.
  await page.reload();
  await page.locator('nav[aria-label="Library"][aria-busy="false"]').waitFor();
  assert.equal(await rows(page).count(), 2);
  assert.equal((await storedRecords(page)).length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, value] of [
  ['garbage', 'garbage {'],
  ['JSON of another shape', '{"entries": {"a": 1}}'],
]) {
  test(`an older library that is ${what} is left as it is and the page goes on`, async () => {
    const { context, page, errors } = await withOldLibrary(value);
    await page.locator('.notice').waitFor();
    assert.match(await page.locator('.notice').innerText(), /could not be read; it was left in browser storage as it is/);
    // Adding an entry later never writes over it.
    await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
    await rows(page).first().waitFor();
    await storedCount(page, 1);
    await page.reload();
    await rows(page).first().waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('folio.library.v1')), value);
    assert.equal(await rows(page).count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('two tabs adding at once both keep what they added', async () => {
  const context = await folio.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([a.goto(folio.url), b.goto(folio.url)]);
  await Promise.all([mounted(a), mounted(b)]);
  await Promise.all([
    dropFiles(a, '.reader', await corpusFiles(4, 0)),
    dropFiles(b, '.reader', await corpusFiles(4, 4)),
  ]);
  await Promise.all([rows(a).nth(3).waitFor(), rows(b).nth(3).waitFor()]);
  // Then tab A adds one more, after B's.
  await dropFiles(a, '.reader', await corpusFiles(1, 8));
  await rows(a).nth(4).waitFor();
  await storedCount(a, 9);
  await a.reload();
  await rows(a).nth(8).waitFor();
  assert.equal(await rows(a).count(), 9);
  await context.close();
});

test('without IndexedDB the page says the library lasts for this visit only', async () => {
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  // As in a private window that has no IndexedDB: the store worker finds none.
  await context.route('**/folio-store-worker_loader.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "Object.defineProperty(self, 'indexedDB', { value: undefined }); importScripts('./folio-store-worker_loader.js?real');",
    }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(folio.url);
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /not available .*kept for this visit only/);
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await page.locator('article h1').waitFor();
  assert.equal(await rows(page).count(), 1);
  // The library of the visit still exports whole.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the library' }).click(),
  ]);
  const lines = (await readFile(await download.path())).toString('utf8').trim().split('\n');
  assert.equal(JSON.parse(lines[0]).entries, 1);
  assert.equal(JSON.parse(lines[1]).text, (await readFile(join(fixtures, SEED))).toString('utf8'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an exported library comes back whole in a fresh browser, and never twice', async () => {
  const first = await openFolio(folio.browser, folio.url);
  const files = [...(await corpusFiles(3, 0)), { name: SEED, bytes: await readFile(join(fixtures, SEED)) }];
  await dropFiles(first.page, '.reader', files);
  await rows(first.page).nth(3).waitFor();
  const titles = await rows(first.page).locator('.entry-title').allInnerTexts();
  const [download] = await Promise.all([
    first.page.waitForEvent('download'),
    first.page.getByRole('button', { name: 'Export the library' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^folio-library-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const exported = await readFile(await download.path());
  const lines = exported.toString('utf8').trim().split('\n');
  assert.equal(JSON.parse(lines[0]).entries, 4);
  // Each line is the entry's text with the Article the CLI writes.
  assert.equal(JSON.parse(lines[4]).article.headline, titles[3]);
  await first.context.close();

  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const file = { name: download.suggestedFilename(), bytes: exported };
  await dropFiles(page, '.reader', [file]);
  await rows(page).nth(3).waitFor();
  assert.deepEqual(await rows(page).locator('.entry-title').allInnerTexts(), titles);
  // Again: nothing added, and it says so.
  await dropFiles(page, '.reader', [file]);
  await page.locator('.notice', { hasText: '4 already in the library' }).waitFor();
  assert.equal(await rows(page).count(), 4);
  // A file already in the library is not added a second time either.
  await dropFiles(page, '.reader', [{ name: 'copy.txt', bytes: await readFile(join(fixtures, SEED)) }]);
  await page.locator('.notice', { hasText: `copy.txt: already in the library as ${SEED}` }).waitFor();
  assert.equal(await rows(page).count(), 4);
  await page.reload();
  await rows(page).nth(3).waitFor();
  assert.equal(await rows(page).count(), 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file dropped while the library is still being read stays, shown', async () => {
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  // A store slow to read back its one entry; writes succeed.
  const stored = JSON.stringify({ id: 1, name: 'kept.txt', text: 'Kept headline here\n\n' + 'A kept story body sentence, long enough to be read as one. '.repeat(6), kind: 'Dump', added: 1 });
  const SLOW_STORE = `postMessage("ready");
onmessage = (ev) => {
  const [id, , job] = ev.data;
  if (job === "load") setTimeout(() => postMessage([id, JSON.stringify([[1, ${JSON.stringify(stored)}]])]), 1500);
  else postMessage([id, "ok"]);
};`;
  await context.route('**/folio-store-worker_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: SLOW_STORE }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(folio.url);
  await mounted(page);
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await page.locator('article h1', { hasText: 'Kallas urges' }).waitFor();
  // The stored entry arrives after the dropped one: both are listed, the
  // older first, and the story shown is still the dropped file's.
  await rows(page).nth(1).waitFor();
  assert.deepEqual(
    (await rows(page).locator('.entry-title').allInnerTexts()).map((t) => t.slice(0, 18)),
    ['Kept headline here', 'Kallas urges not t'],
  );
  assert.match(await page.locator('article h1').innerText(), /^Kallas urges/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('entries read back without their texts and stories still search, open, export, undo a removal and find repeats', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const seed = await readFile(join(fixtures, SEED));
  const files = [...(await corpusFiles(1, 0)), { name: SEED, bytes: seed }];
  await dropFiles(page, '.reader', files);
  await rows(page).nth(1).waitFor();
  await storedCount(page, 2);
  const texts = Object.fromEntries((await storedRecords(page)).map((r) => [r.name, r.text]));
  await page.reload();
  await rows(page).nth(1).waitFor();
  // Searched, the passage is as written (capitals and all) though the
  // page holds neither the text nor the story; opened, the story comes.
  await page.fill('#library-filter', 'backdrop of progress');
  assert.match(
    await rows(page).first().locator('.entry-passage').innerText(),
    /"another lie" against the backdrop of progress in Ukrainian-American/,
  );
  await rows(page).first().locator('.entry').click();
  await page.locator('article h1', { hasText: 'Kallas' }).waitFor();
  await page.fill('#library-filter', '');
  // The very text dropped again is known by its key alone.
  await dropFiles(page, '.reader', [{ name: 'again.txt', bytes: seed }]);
  await page.locator('.notice', { hasText: `again.txt: already in the library as ${SEED}` }).waitFor();
  // Exported: each record with the text it was stored with.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the library' }).click(),
  ]);
  const lines = (await readFile(await download.path())).toString('utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
  assert.deepEqual(Object.fromEntries(lines.map((r) => [r.name, r.text])), texts);
  // Removed and put back: the record is whole again, and reads after a reload.
  const row = rows(page).filter({ hasText: 'Kallas' });
  await row.getByRole('button', { name: /^Remove / }).click();
  await page.locator('.notice.undo').getByRole('button', { name: 'Undo' }).click();
  await rows(page).nth(1).waitFor();
  for (let i = 0; i < 50; i++) {
    const records = await storedRecords(page);
    if (records.length === 2 && records.every((r) => r.text === texts[r.name])) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(Object.fromEntries((await storedRecords(page)).map((r) => [r.name, r.text])), texts);
  await page.reload();
  await row.locator('.entry').click();
  await page.locator('article h1', { hasText: 'Kallas' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
