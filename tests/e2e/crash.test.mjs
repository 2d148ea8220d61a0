// A parser crash costs one file, never the page or the library: a worker
// that dies on a file fails that file only; an entry that crashed the
// parser is kept, marked, and not parsed again on the next visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, mounted, dropFiles, pasteFromClipboard, fixtures, ageStoredArticles, storedRecords } from './harness.mjs';

const SEED = 'interfax-2025-12-31-kallas.txt';
// Stands in for a parser that traps: says it is ready, then dies on the first text.
const CRASHING_WORKER = 'postMessage("ready"); onmessage = () => { throw new Error("parser trapped"); };';

const folio = useFolio();

const rows = (page) => page.locator('nav[aria-label="Library"] li.entry-row');

test('a crash on a dropped file fails that file and the page goes on', async () => {
  // The page starts its worker as it loads: the crashing one is in place first.
  // Stubs reach the page only with no service worker serving files.
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/folio-worker_loader.js', (route) => route.fulfill({ contentType: 'text/javascript', body: CRASHING_WORKER }));
  const page = await context.newPage();
  await page.goto(folio.url);
  await mounted(page);
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /interfax-2025-12-31-kallas\.txt: the parser failed on this text/);
  assert.equal(await rows(page).count(), 0);
  // The page still works, and a fresh worker reads the next file.
  await context.unroute('**/folio-worker_loader.js');
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await rows(page).first().waitFor();
  assert.match(await page.locator('article h1').innerText(), /^Kallas urges/);
  await context.close();
});

test('an entry that crashed the parser on load is kept and not parsed again', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url, { serviceWorkers: 'block' });
  const saved = '<html><head><title>Harbour page</title></head><body><h1>The harbour plan is saved as a page</h1>'
    + '<p>The minister said that the talks on the harbour would go on for as long as it takes, and that the plan is in place.</p></body></html>';
  await dropFiles(page, '.reader', [
    { name: SEED, bytes: await readFile(join(fixtures, SEED)) },
    { name: 'harbour.html', bytes: Buffer.from(saved) },
  ]);
  await rows(page).nth(1).waitFor();
  for (let i = 0; i < 50 && (await storedRecords(page)).length < 2; i++) await page.waitForTimeout(100);
  // Next visit, after an update: the stored Articles are from an older
  // parser, so the texts are read again, and the new parser dies on them.
  await ageStoredArticles(page);
  await context.route('**/folio-worker_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: CRASHING_WORKER }),
  );
  await page.reload();
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /will not be read again automatically/);
  await rows(page).nth(1).waitFor();
  for (const i of [0, 1]) assert.match(await rows(page).nth(i).innerText(), /not read: the parser failed on it/);
  // The visit after, with the parser still crashing: the entries are still
  // there and marked, and they are not sent to the parser again (which would
  // fail them anew and say so).
  await page.reload();
  await page.locator('nav[aria-label="Library"][aria-busy="false"]').waitFor();
  for (const i of [0, 1]) assert.match(await rows(page).nth(i).innerText(), /not read: the parser failed on it/);
  assert.equal(await page.locator('.notice').count(), 0);
  // A failed saved page is still a page: kept as one, and read as one again.
  const kinds = (await storedRecords(page)).map((r) => r.kind).sort();
  assert.deepEqual(kinds, ['Dump', 'Page']);
  // With a parser that reads them, the reader can have them read again.
  await context.unroute('**/folio-worker_loader.js');
  await rows(page).filter({ hasText: 'harbour' }).locator('button').first().click();
  await page.getByRole('button', { name: 'Read it again' }).click();
  await page.locator('article h1', { hasText: 'The harbour plan is saved as a page' }).waitFor();
  await rows(page).filter({ hasText: 'kallas' }).locator('button').first().click();
  await page.getByRole('button', { name: 'Read it again' }).click();
  await page.locator('article h1', { hasText: 'Kallas urges' }).waitFor();
  for (const i of [0, 1]) assert.doesNotMatch(await rows(page).nth(i).innerText(), /not read/);
  await context.close();
});

// Stands in for a parser that dies on one text while others wait behind
// it: a text with "TRAP" in it throws after a while; any other is answered
// with a small story named after its first line.
const TRAPPING_WORKER = `
const story = (text) => JSON.stringify({
  source: null, section: null, headline: text.split("\\n")[0], published: null,
  published_text: null, updated: null, updated_text: null, byline: [],
  reading_minutes: 1, reading_minutes_stated: false,
  body: [{ kind: "paragraph", text }], tags: [], related: [], side_lists: [],
  dropped: [], language: null, diagnostics: [],
});
let trapped = false;
postMessage("ready");
onmessage = (ev) => {
  // Like the real worker, one request at a time: stuck on the trap, it
  // answers nothing after it.
  if (trapped) return;
  const [id, payload, job] = ev.data;
  const text = job === "file" ? new TextDecoder().decode(payload) : payload;
  if (text.includes("TRAP")) { trapped = true; setTimeout(() => { throw new Error("parser trapped"); }, 1500); return; }
  const article = JSON.parse(story(text));
  const reply = job === "file"
    ? { article, text, text_len: text.length, encoding: "UTF-8", guessed: false, html: false }
    : article;
  postMessage([id, JSON.stringify(reply)]);
};`;

test('a crash fails only the text that caused it; the texts waiting behind it are read', async () => {
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.route('**/folio-worker_loader.js', (route) => route.fulfill({ contentType: 'text/javascript', body: TRAPPING_WORKER }));
  const page = await context.newPage();
  await page.goto(folio.url);
  await mounted(page);
  // The paste is parsing (and will crash) while a file waits behind it.
  await pasteFromClipboard(page, 'A pasted text that will TRAP the parser\n\nIts body.');
  await dropFiles(page, '.reader', [{ name: 'waiting.txt', bytes: Buffer.from('The story that waited its turn\n\nIts body, read by a fresh worker.') }]);
  await rows(page).first().waitFor({ timeout: 20_000 });
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).first().innerText(), /The story that waited its turn/);
  assert.equal(await page.locator('article h1').innerText(), 'The story that waited its turn');
  await context.close();
});

// Stands in for a parser that runs away on one text: a text with "HANG" in
// it is never answered (the worker works on it for ever); any other is
// answered as the trapping worker answers it.
const HANGING_WORKER = TRAPPING_WORKER
  .replace('if (text.includes("TRAP")) { trapped = true; setTimeout(() => { throw new Error("parser trapped"); }, 1500); return; }',
    'if (text.includes("HANG")) { trapped = true; return; }');

test('a parse that runs too long fails only its own text; the texts behind it are read by a fresh worker', async () => {
  assert.notEqual(HANGING_WORKER, TRAPPING_WORKER);
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.route('**/folio-worker_loader.js', (route) => route.fulfill({ contentType: 'text/javascript', body: HANGING_WORKER }));
  const page = await context.newPage();
  // The page's clock is Playwright's: the minute the parser is given
  // passes at once, the worker (its own clock) hangs for real.
  await page.clock.install();
  await page.goto(folio.url);
  await mounted(page);
  await dropFiles(page, '.reader', [{ name: 'first.txt', bytes: Buffer.from('The story read before the runaway\n\nIts body.') }]);
  await rows(page).first().waitFor();
  // The runaway paste, and a file waiting behind it.
  await pasteFromClipboard(page, 'A pasted text that will HANG the parser\n\nIts body.');
  await dropFiles(page, '.reader', [{ name: 'waiting.txt', bytes: Buffer.from('The story that waited its turn\n\nIts body, read by a fresh worker.') }]);
  const waiting = page.locator('p.progress', { hasText: 'Reading files: 0 of 1' });
  await waiting.waitFor();
  // Not yet a minute: the clock's due timers have run when fastForward
  // returns, and nothing has failed; the file still waits.
  await page.clock.fastForward(30_000);
  assert.equal(await page.locator('.notice').count(), 0);
  assert.equal(await waiting.count(), 1);
  assert.equal(await rows(page).count(), 1);
  // Past the limit: the runaway alone fails, the waiting file is read.
  await page.clock.fastForward(31_000);
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /took too long on this text/);
  await rows(page).nth(1).waitFor({ timeout: 20_000 });
  assert.equal(await rows(page).count(), 2);
  const listed = await rows(page).allInnerTexts();
  assert.ok(listed.some((r) => /The story that waited its turn/.test(r)), listed.join(' | '));
  assert.ok(listed.some((r) => /The story read before the runaway/.test(r)), listed.join(' | '));
  assert.ok(listed.every((r) => !/not read/.test(r)), listed.join(' | '));
  // What was pasted is not lost: it is still in the paste box.
  assert.match(await page.locator('#paste').inputValue(), /will HANG the parser/);
  await context.close();
});
