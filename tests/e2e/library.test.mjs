// The library as a person uses it: drop many files, reload, filter by tag,
// export, walk with the keyboard, switch themes; and no serious
// accessibility violation (axe-core) on the seed's story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { useFolio, openFolio, mounted, dropFiles, fixtures, artifacts, root, corpusFiles, corpusMix, storedCount } from './harness.mjs';

const require = createRequire(import.meta.url);
const SEED = 'interfax-2025-12-31-kallas.txt';
const entries = (page) => page.locator('nav[aria-label="Library"] li.entry-row');

const folio = useFolio();
// Stands in for the store worker when the browser refuses to store more.
const FULL_STORE = `postMessage("ready");
onmessage = (ev) => {
  const [id, , job] = ev.data;
  postMessage(job === "load" ? [id, "[]"] : [id, null, "full"]);
};`;

test('twenty dropped files become twenty entries that survive a reload', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', await corpusFiles(20));
  await entries(page).nth(19).waitFor();
  assert.equal(await entries(page).count(), 20);
  await page.locator('.progress').waitFor({ state: 'detached' });
  await page.reload();
  await mounted(page);
  await entries(page).nth(19).waitFor();
  assert.equal(await entries(page).count(), 20);
  // Removing one leaves nineteen, also after a reload.
  await entries(page).first().getByRole('button', { name: /^Remove / }).click();
  assert.equal(await entries(page).count(), 19);
  await page.reload();
  await entries(page).nth(18).waitFor();
  assert.equal(await entries(page).count(), 19);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the filter finds entries by tag and by words', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [...(await corpusFiles(5)), { name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await entries(page).nth(5).waitFor();
  await page.fill('#library-filter', '#kallas');
  assert.equal(await entries(page).count(), 1);
  assert.match(await entries(page).first().innerText(), /Kallas urges/);
  // Words from deep in one story's body find it, and show where they are.
  await page.fill('#library-filter', 'backdrop of progress');
  assert.equal(await entries(page).count(), 1);
  assert.match(
    await entries(page).first().locator('.entry-passage').innerText(),
    /calling it "another lie" against the backdrop of progress in Ukrainian-American/,
  );
  await page.fill('#library-filter', 'no-such-word-anywhere');
  assert.equal(await entries(page).count(), 0);
  await page.fill('#library-filter', '');
  assert.equal(await entries(page).count(), 6);
  await context.close();
});

test('exported JSON is the CLI output for the same file; Markdown has the headline', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url, { acceptDownloads: true });
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await page.locator('article h1').waitFor();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  const cli = JSON.parse(execFileSync(join(root, 'target', 'release', 'folio'), ['parse', join(fixtures, SEED)], { encoding: 'utf8' }));
  assert.deepEqual(exported, cli);
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
  const markdown = await readFile(await md.path(), 'utf8');
  // Front matter first (what Folio reads back), then the headline.
  assert.match(markdown, /^---\ngenerator: Folio\n/);
  assert.match(markdown, /^# Kallas urges not to accept Russia’s unfounded claims/m);
  await context.close();
});

test('keyboard only: filter, walk the library, reach the paste area', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', await corpusFiles(3));
  await entries(page).nth(2).waitFor();
  const headline = () => page.locator('article h1').innerText();
  const titles = await page.locator('.entry-title').allInnerTexts();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'library-filter');
  await page.keyboard.press('Escape');
  // Dropping showed the first entry; j moves down, k back up.
  assert.equal(await headline(), titles[0]);
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.id), await entries(page).nth(1).locator('.entry').getAttribute('id'));
  assert.equal(await headline(), titles[1]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await headline(), titles[2]);
  await page.keyboard.press('k');
  assert.equal(await headline(), titles[1]);
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? ''), /^Remove /);
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'paste');
  await context.close();
});

test('the seed and its share panel in light and dark themes and on a phone; no serious axe violations', async () => {
  // axe is injected as an inline script, which the page's own policy refuses.
  const { context, page } = await openFolio(folio.browser, folio.url, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  // The empty page first: it has a heading of its own, and no violation.
  assert.match(await page.locator('h1').innerText(), /^Paste the text of a news page/);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const empty = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(empty.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  await page.getByRole('button', { name: 'Open the example' }).click();
  await page.locator('article h1').waitFor();
  await page.getByRole('button', { name: 'Light' }).click();
  await page.screenshot({ path: join(artifacts, 'seed-light.png') });
  await page.getByRole('button', { name: 'Dark' }).click();
  assert.equal(await page.locator('.folio').getAttribute('data-theme'), 'dark');
  const background = await page.locator('.folio').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, 'rgb(27, 26, 24)');
  await page.screenshot({ path: join(artifacts, 'seed-dark.png') });
  await page.getByRole('button', { name: /larger text/ }).click();
  assert.equal(await page.locator('.controls .value').innerText(), '110%');
  await page.getByRole('button', { name: 'Light' }).click();
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
  // The share panel, in both themes; then the phone's layout with its
  // tools bar, with the panel open and closed.
  const seriousNow = async () => {
    const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return found.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  };
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('.share-panel .share-status').waitFor();
  assert.deepEqual(await seriousNow(), [], 'share panel, light');
  await page.getByRole('button', { name: 'Dark' }).click();
  assert.deepEqual(await seriousNow(), [], 'share panel, dark');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await seriousNow(), [], 'phone, share panel open, dark');
  await page.locator('.share-panel').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Light' }).click();
  assert.deepEqual(await seriousNow(), [], 'phone, light');
  await page.screenshot({ path: join(artifacts, 'seed-phone.png'), fullPage: false });
  await context.close();
});

test('a related link whose title is in the library opens that entry', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [
    { name: SEED, bytes: await readFile(join(fixtures, SEED)) },
    { name: 'kallas-crucial-week.txt', bytes: await readFile(join(fixtures, 'kallas-crucial-week.txt')) },
  ]);
  await entries(page).nth(1).waitFor();
  await entries(page).first().locator('.entry').click();
  const link = page.locator('nav[aria-label="Related"] button', { hasText: 'Kallas believes this week could be crucial for peace talks' });
  assert.equal(await link.count(), 1);
  // Titles not in the library stay plain text.
  assert.equal(await page.locator('nav[aria-label="Related"] button').count(), 1);
  await link.click();
  assert.equal(await page.locator('article h1').innerText(), 'Kallas believes this week could be crucial for peace talks');
  await context.close();
});

test('when storage refuses to save, the reader is told and nothing shown is lost', async () => {
  // A store whose browser refuses every write, as when the quota is reached.
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/folio-store-worker_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: FULL_STORE }),
  );
  const page = await context.newPage();
  await page.goto(folio.url);
  await dropFiles(page, '.reader', await corpusFiles(3));
  await entries(page).nth(2).waitFor();
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /not kept \(browser storage is full\)/);
  // It names what was not kept.
  const names = (await corpusFiles(3)).map((f) => f.name);
  for (const name of names) assert.match(await notice.innerText(), new RegExp(name.replace(/[.]/g, '\\.')));
  assert.equal(await entries(page).count(), 3);
  assert.equal(await page.locator('article h1').count(), 1);
  await context.close();
});

test('two hundred files dropped at once are all listed', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url);
  const files = await corpusFiles(200);
  assert.equal(files.length, 200);
  await dropFiles(page, '.reader', files);
  await page.locator('.progress').waitFor({ state: 'detached', timeout: 60_000 });
  assert.equal(await page.locator('nav[aria-label="Library"] h2').innerText(), 'LIBRARY (200)');
  // Listed a hundred at a time.
  assert.equal(await entries(page).count(), 100);
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  assert.equal(await entries(page).count(), 200);
  assert.equal(await page.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0);
  // Read back part by part after a reload: all two hundred, none twice.
  for (let i = 0; i < 100 && (await storedCount(page)) < 200; i++) await page.waitForTimeout(100);
  await page.reload();
  await page.locator('nav[aria-label="Library"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('nav[aria-label="Library"] h2').innerText(), 'LIBRARY (200)');
  await context.close();
});

test('a thousand DEV files, the saved pages among them, all come back after a reload', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const files = await corpusMix(1000);
  assert.equal(files.filter((f) => f.name.endsWith('.html')).length, 118);
  for (let i = 0; i < files.length; i += 100) await dropFiles(page, '.reader', files.slice(i, i + 100));
  const counted = (n) => page.waitForFunction(
    (h) => document.querySelector('nav[aria-label="Library"] h2')?.textContent === h,
    `Library (${n})`,
    { timeout: 300_000, polling: 500 },
  );
  await counted(1000);
  for (let i = 0; i < 600 && (await storedCount(page)) < 1000; i++) await page.waitForTimeout(500);
  assert.equal(await storedCount(page), 1000);
  await page.reload();
  await counted(1000);
  await page.locator('nav[aria-label="Library"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  // Listed a page at a time (the entry shown among them), not a thousand rows.
  assert.ok((await entries(page).count()) <= 200);
  assert.equal(await page.getByRole('button', { name: 'Show 100 more' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the reader can read a file again in another encoding', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [{ name: 'ru.txt', bytes: await readFile(join(fixtures, 'encodings', 'ru-news.koi8-r.txt')) }]);
  await page.locator('article h1').waitFor();
  const right = await page.locator('article h1').innerText();
  const choice = page.getByLabel('Read the file as');
  assert.equal(await choice.inputValue(), 'koi8-r');
  await choice.selectOption('windows-1251');
  await page.waitForFunction((h) => document.querySelector('article h1')?.innerText !== h, right);
  assert.match(await entries(page).first().innerText(), /read as windows-1251/);
  await page.getByLabel('Read the file as').selectOption('koi8-r');
  await page.waitForFunction((h) => document.querySelector('article h1')?.innerText === h, right);
  await context.close();
});
