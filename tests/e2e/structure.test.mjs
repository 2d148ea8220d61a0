// A saved page's structure in the story: the picture stays a stand-in (no
// request leaves the page) until the reader asks, the table scrolls in its
// box, the list is numbered, code is code, and links open elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, dropFiles, fixtures, artifacts } from './harness.mjs';

const PAGE = 'structured-page.html';
// The smallest PNG: one transparent pixel.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const folio = useFolio();

/**
 * Every request that leaves localhost, counted (and answered here: the
 * test machine has no network).
 */
async function countOutside(context) {
  const outside = [];
  await context.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    outside.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
  return outside;
}

test('a saved page shows its structure, and its pictures only when asked', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const outside = await countOutside(context);
  const bytes = await readFile(join(fixtures, PAGE));
  await dropFiles(page, '.reader', [{ name: PAGE, bytes }]);
  const story = page.locator('article.story');
  await story.locator('h1').waitFor();
  assert.equal(await story.locator('h1').innerText(), 'Harbour plan signed');

  // The picture: its alt text, caption and credit, and no request yet.
  const figure = story.locator('figure.picture');
  assert.equal(await figure.count(), 1);
  assert.match(await figure.locator('.picture-stand-in').innerText(), /The harbour at dawn/);
  assert.equal(await figure.locator('figcaption').innerText(), 'Ships wait outside the harbour at dawn. Photo: Ann Lee');
  assert.equal(await figure.locator('img').count(), 0);

  // The rest of the structure.
  assert.equal(await story.locator('.story-body h2.subheading').innerText(), 'What the plan says');
  assert.equal(await story.locator('.story-body ol.body-list > li').count(), 3);
  assert.deepEqual(await story.locator('.table-box thead th').allInnerTexts(), ['Year', 'Ships']);
  assert.equal(await story.locator('.table-box tbody tr').count(), 2);
  assert.equal(await story.locator('pre.code code').innerText(), '{\n  "quay": "north"\n}');
  const link = story.locator('.story-body p a', { hasText: 'harbour plan' });
  assert.equal(await link.getAttribute('href'), 'https://news.example.com/docs/plan.pdf');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  // Stressed words stay stressed.
  assert.equal(await story.locator('.story-body p em').innerText(), 'three long days');
  assert.equal(await story.locator('.story-body p strong').innerText(), 'nights');
  // How the page was read, closed until asked: its headline from the <h1>,
  // and no date found.
  const howRead = story.locator('details.how-read');
  assert.equal(await howRead.getAttribute('open'), null);
  assert.deepEqual(await howRead.locator('li').allTextContents(), ['no publication date found', 'headline from <h1>']);
  await page.screenshot({ path: join(artifacts, 'structure-before-images.png'), fullPage: true });
  assert.deepEqual(outside, [], 'no request may leave the page before the reader asks');

  // Asked: the picture loads from its site, and only it.
  await story.getByRole('button', { name: 'Show 1 image' }).click();
  await figure.locator('img').waitFor();
  await page.waitForFunction(() => document.querySelector('figure.picture img')?.complete);
  assert.deepEqual(outside, ['https://news.example.com/img/harbour.jpg?w=800&q=80']);
  assert.equal(await figure.locator('img').getAttribute('referrerpolicy'), 'no-referrer');
  await page.screenshot({ path: join(artifacts, 'structure-with-images.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Folio with the structured page dropped on it, its picture's figure shown. */
async function openWithPicture() {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const outside = await countOutside(context);
  const bytes = await readFile(join(fixtures, PAGE));
  await dropFiles(page, '.reader', [{ name: PAGE, bytes }]);
  const figure = page.locator('article figure.picture');
  await figure.waitFor();
  return { context, page, errors, outside, figure };
}

test('one picture can be shown alone', async () => {
  const { context, errors, outside, figure } = await openWithPicture();
  await figure.getByRole('button', { name: 'Show image from news.example.com' }).click();
  await figure.locator('img').waitFor();
  assert.equal(outside.length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a site's pictures can be shown always: the choice outlives a reload, and is undone alike", async () => {
  const { context, page, errors, outside, figure } = await openWithPicture();
  const always = page.getByRole('checkbox', { name: /Always show images for / });
  assert.equal(await always.isChecked(), false);
  assert.equal(await figure.locator('img').count(), 0);
  await always.check();
  await figure.locator('img').waitFor();
  assert.equal(outside.length, 1);

  // The same story after a reload: its picture is there without asking.
  await page.reload();
  await figure.locator('img').waitFor();
  assert.equal(await always.isChecked(), true);

  // Undone: after the next reload the picture waits to be asked for again.
  await always.uncheck();
  await page.reload();
  await figure.locator('.picture-stand-in').waitFor();
  assert.equal(await figure.locator('img').count(), 0);
  assert.equal(await always.isChecked(), false);
  assert.deepEqual(errors, []);
  await context.close();
});
