// Text in other forms than a browser's innerText: a Markdown file dropped
// in, and hard-wrapped text pasted, each read as a clean story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { useFolio, openFolio, dropFiles, pasteFromClipboard, fixtures, corpus, artifacts, root, storedRecords } from './harness.mjs';

const folio = useFolio();

/** What Markdown looks like when it leaks into a story. */
const MARKDOWN_MARKS = /\]\(|!\[|^#{1,6} |\|---|\*\*/m;

test('a dropped Markdown file shows a clean story with its front matter', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const name = 'markdown-clipping.md';
  await dropFiles(page, '.reader', [{ name, bytes: await readFile(join(fixtures, name)) }]);
  const story = page.locator('article');
  await story.locator('h1').waitFor();
  assert.equal(await story.locator('h1').innerText(), 'Night trains return to the Alps');
  assert.equal(await story.locator('header time').first().getAttribute('datetime'), '2026-03-14T07:30+01:00');
  const paragraphs = await story.locator('.story-body > p').allInnerTexts();
  assert.ok(paragraphs[0].startsWith('Three operators will run sleeper services'), paragraphs[0]);
  // A wrapped Markdown paragraph is one paragraph, and its link is text.
  assert.match(paragraphs[1], /said Maria Berger, who runs the Austrian operator/);
  const text = await story.innerText();
  assert.doesNotMatch(text, MARKDOWN_MARKS);
  assert.deepEqual(await story.locator('ul[aria-label="Tags"] li').allInnerTexts(), ['clippings', 'rail']);
  const related = story.locator('nav[aria-label="Related"] a');
  assert.equal(await related.first().getAttribute('href'), 'https://news.example.org/travel/best-sleepers');
  assert.match(await page.locator('nav[aria-label="Library"] li').first().innerText(), /Markdown/);
  await page.screenshot({ path: join(artifacts, 'markdown-dropped.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('hard-wrapped text pasted from the clipboard is read as the CLI reads it', async () => {
  const dir = join(corpus, '..', 'forms', 'lynx');
  const name = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()[1];
  const text = await readFile(join(dir, name), 'utf8');
  const cli = JSON.parse(
    execFileSync(join(root, 'target', 'release', 'folio'), ['parse', join(dir, name)], { maxBuffer: 1 << 26 }),
  );
  assert.equal(cli.form, 'wrapped');
  const { context, page, errors } = await openFolio(folio.browser, folio.url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await pasteFromClipboard(page, text);
  const story = page.locator('article');
  await story.locator('h1').waitFor();
  assert.equal(await story.locator('h1').innerText(), cli.headline);
  const paragraphs = await story.locator('.story-body > p').allInnerTexts();
  const want = cli.body.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  assert.deepEqual(paragraphs, want);
  // Rejoined: the first paragraph runs past the 80 columns it was cut at.
  assert.ok(paragraphs[0].length > 80, paragraphs[0]);
  await page.screenshot({ path: join(artifacts, 'wrapped-pasted.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an entry can be read again as another form, and the choice outlives a reload', async () => {
  const dir = join(corpus, '..', 'forms', 'lynx');
  const name = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()[1];
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [{ name, bytes: await readFile(join(dir, name)) }]);
  const paragraphs = page.locator('article .story-body > p');
  await page.locator('article h1').waitFor();
  const choice = page.getByLabel('Read the text as');
  assert.equal(await choice.inputValue(), 'wrapped');
  const rejoined = await paragraphs.allInnerTexts();
  // Read line for line, the 80-column pieces are lines of their own again.
  await choice.selectOption('text');
  await page.waitForFunction(
    (n) => document.querySelectorAll('article .story-body > p').length !== n,
    rejoined.length,
  );
  const lineForLine = await paragraphs.allInnerTexts();
  assert.ok(Math.max(...lineForLine.map((p) => p.length)) <= 80, 'no line longer than the wrap');
  assert.doesNotMatch(await page.locator('nav[aria-label="Library"] li').first().innerText(), /wrapped text/);
  // The choice is kept with the entry.
  for (let i = 0; i < 50 && !(await storedRecords(page)).some((r) => r.form === 'text'); i++) {
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.locator('nav[aria-label="Library"] li .entry').first().click();
  await page.locator('article h1').waitFor();
  assert.equal(await page.getByLabel('Read the text as').inputValue(), 'text');
  await page.getByLabel('Read the text as').selectOption('wrapped');
  await page.waitForFunction((n) => document.querySelectorAll('article .story-body > p').length === n, rejoined.length);
  assert.deepEqual(await paragraphs.allInnerTexts(), rejoined);
  await page.screenshot({ path: join(artifacts, 'read-as-form.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Markdown pasted from the clipboard shows the same clean story as the file', async () => {
  const text = await readFile(join(fixtures, 'markdown-clipping.md'), 'utf8');
  const { context, page, errors } = await openFolio(folio.browser, folio.url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await pasteFromClipboard(page, text);
  const story = page.locator('article');
  await story.locator('h1').waitFor();
  assert.equal(await story.locator('h1').innerText(), 'Night trains return to the Alps');
  assert.doesNotMatch(await story.innerText(), MARKDOWN_MARKS);
  assert.equal(await story.locator('.story-body > h2, .story-body > h3').first().innerText(), 'Why now');
  await page.screenshot({ path: join(artifacts, 'markdown-pasted.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
