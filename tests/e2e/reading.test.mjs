// What a person does first: paste a page's text, drop a file, pick files,
// open the example, and read the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { useFolio, openFolio, dropFiles, pasteFromClipboard, fixtures, corpus, artifacts, root } from './harness.mjs';

const SEED = 'interfax-2025-12-31-kallas.txt';
const HEADLINE =
  'Kallas urges not to accept Russia’s unfounded claims: Moscow seeks to disrupt real progress towards peace';

const folio = useFolio();

test('pasting the seed shows its headline, dateline and body as a story', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const seed = await readFile(join(fixtures, SEED), 'utf8');
  await page.fill('#paste', seed);
  const story = page.locator('article');
  await assert.doesNotReject(story.waitFor());
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await story.locator('header h1').innerText(), HEADLINE);
  assert.equal(await story.locator('header time').getAttribute('datetime'), '2025-12-31T13:28');
  assert.equal(await story.locator('header .section').textContent(), 'Facts');
  assert.equal(await story.locator('.story-body > p').count(), 4);
  assert.match(await story.locator('.story-body blockquote').innerText(), /Moscow aims to derail real progress/);
  assert.equal(await story.locator('blockquote cite').innerText(), 'Kaja Kallas, on X');
  assert.deepEqual(await story.locator('ul[aria-label="Tags"] li').allInnerTexts(), ['kallas']);
  assert.equal(await story.locator('nav[aria-label="Related"] li').count(), 10);
  assert.deepEqual(await story.locator('aside h2').allTextContents(), ['HOT NEWS', 'LATEST']);
  const dropped = story.locator('details.dropped');
  assert.equal(await dropped.getAttribute('open'), null);
  const reasons = await dropped.locator('.reason').allTextContents();
  assert.ok(reasons.includes('duplicate headline') && reasons.includes('advertisement'), reasons.join(', '));
  // Every field was found in the text itself: nothing to say of how.
  assert.equal(await story.locator('details.how-read').count(), 0);
  assert.match(await story.locator('header .reading-time').innerText(), /^1 min read$/);
  await page.screenshot({ path: join(artifacts, 'seed-pasted.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping a file anywhere on the page adds it to the library and shows it', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const bytes = await readFile(join(fixtures, SEED));
  await dropFiles(page, '.reader', [{ name: SEED, bytes }]);
  await page.locator('article h1').waitFor();
  assert.equal(await page.locator('article h1').innerText(), HEADLINE);
  assert.deepEqual(await page.locator('nav[aria-label="Library"] .entry-title').allInnerTexts(), [HEADLINE]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging over the page keeps its highlight while the pointer moves over its parts', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const transfer = await page.evaluateHandle(() => new DataTransfer());
  const folioArea = page.locator('.folio');
  await page.dispatchEvent('.reader', 'dragover', { dataTransfer: transfer });
  assert.match(await folioArea.getAttribute('class'), /\bdragging\b/);
  // Onto a child: the browser says the drag left the area it was over.
  const child = await page.locator('.masthead').elementHandle();
  await page.dispatchEvent('.folio', 'dragleave', { dataTransfer: transfer, relatedTarget: child });
  assert.match(await folioArea.getAttribute('class'), /\bdragging\b/);
  // Out of the window: the highlight goes.
  await page.dispatchEvent('.folio', 'dragleave', { dataTransfer: transfer });
  assert.doesNotMatch(await folioArea.getAttribute('class'), /\bdragging\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("A+ and A− change the story's text size in tenths, and say it", async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.getByRole('button', { name: 'Open the example' }).click();
  await page.locator('article h1').waitFor();
  const size = () => page.locator('.story').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();
  await page.getByRole('button', { name: 'A+ larger text' }).click();
  await page.getByRole('button', { name: 'A+ larger text' }).click();
  assert.equal(await page.locator('.controls .value').innerText(), '120%');
  assert.equal(await page.locator('.folio').evaluate((el) => el.style.getPropertyValue('--font-scale')), '1.20');
  assert.ok(Math.abs((await size()) / base - 1.2) < 0.01, `${await size()} px against ${base} px`);
  await page.getByRole('button', { name: 'A− smaller text' }).click();
  assert.equal(await page.locator('.controls .value').innerText(), '110%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('picking several corpus files lists each one in the library', async () => {
  const dir = join(corpus, 'scrapinghub');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).slice(0, 5);
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.setInputFiles('input[type=file]', names.map((n) => join(dir, n)));
  await page.locator('nav[aria-label="Library"] li').nth(4).waitFor();
  assert.equal(await page.locator('nav[aria-label="Library"] li').count(), 5);
  await page.locator('nav[aria-label="Library"] li .entry').nth(2).click();
  assert.equal(await page.locator('article h1').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example opens with one click', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.getByRole('button', { name: 'Open the example' }).click();
  assert.equal(await page.locator('article h1').innerText(), HEADLINE);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved web page is read like the CLI reads it', async () => {
  const dir = join(corpus, 'scrapinghub');
  const name = (await readdir(dir)).filter((n) => n.endsWith('.html')).sort()[3];
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await dropFiles(page, '.reader', [{ name, bytes: await readFile(join(dir, name)) }]);
  await page.locator('article h1').waitFor();
  const cli = JSON.parse(execFileSync(join(root, 'target', 'release', 'folio'), ['parse', join(dir, name)], { encoding: 'utf8' }));
  assert.equal(await page.locator('article h1').innerText(), cli.headline);
  // One element per block; the pictures' notice is not a block.
  assert.equal(await page.locator('.story-body > :not(.pictures)').count(), cli.body.length);
  assert.equal(await page.locator('article script, article img, a[href^="javascript:"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved pages in legacy encodings read in the browser as the CLI reads them', async () => {
  // Pages that declare what the statistics cannot tell (EUC-JP, Big5),
  // and the DEV saved pages that are not UTF-8, a few of them.
  const pages = [
    ...['ja-page.euc-jp.html', 'zh-page.big5.html'].map((n) => ({ name: n, path: join(fixtures, 'encodings', n), bytes: null })),
  ];
  const tf = join(corpus, 'trafilatura');
  for (const n of (await readdir(tf)).filter((n) => n.endsWith('.html.gz')).sort()) {
    const bytes = gunzipSync(await readFile(join(tf, n)));
    if (pages.length >= 8) break;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      pages.push({ name: n.slice(0, -3), path: null, bytes });
    }
  }
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const rows = page.locator('nav[aria-label="Library"] li.entry-row');
  for (const [n, p] of pages.entries()) {
    const bytes = p.bytes ?? (await readFile(p.path));
    const cli = JSON.parse(execFileSync(join(root, 'target', 'release', 'folio'), ['parse', '-'], { input: bytes, encoding: 'utf8' }));
    await dropFiles(page, '.reader', [{ name: p.name, bytes }]);
    await rows.nth(n).waitFor();
    await page.locator(`#entry-${await rows.nth(n).locator('button.entry').getAttribute('id').then((id) => id.slice(6))}.current`).waitFor();
    assert.equal(await page.locator('article h1').innerText(), cli.headline, p.name);
    // Each block is one element (the "Show images" line aside).
    assert.equal(await page.locator('.story-body > :not(.pictures)').count(), cli.body.length, p.name);
    const firstText = cli.body.find((b) => b.kind !== 'image');
    if (firstText) {
      assert.equal(await page.locator('.story-body > :not(.pictures):not(figure)').first().innerText(), firstText.text, p.name);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("a saved page's related links open the pages they name, and only web pages", async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const name = 'saved-page-related.html';
  await dropFiles(page, '.reader', [{ name, bytes: await readFile(join(fixtures, name)) }]);
  await page.locator('article h1').waitFor();
  const related = page.locator('nav[aria-label="Related"] li');
  await related.nth(2).waitFor();
  // Relative addresses resolve against the page's canonical address.
  const pool = related.nth(0).locator('a');
  assert.equal(await pool.getAttribute('href'), 'https://news.example.com/city/pool-closes.html');
  assert.equal(await pool.getAttribute('target'), '_blank');
  assert.match(await pool.getAttribute('rel'), /noopener/);
  assert.equal(await related.nth(2).locator('a').getAttribute('href'), 'https://other.example.org/roads');
  // Each live link shows where it goes, whatever its text says.
  assert.equal(await related.nth(0).locator('.host').innerText(), 'news.example.com');
  assert.equal(await related.nth(2).locator('.host').innerText(), 'other.example.org');
  assert.equal(await related.nth(1).locator('.host').count(), 0);
  // The page's own address: a link to the original, with its host.
  const original = page.locator('.story-meta a.original');
  assert.equal(await original.getAttribute('href'), 'https://news.example.com/city/library-open.html');
  assert.match(await original.innerText(), /^Original on news\.example\.com$/);
  assert.match(await original.getAttribute('rel'), /noopener/);
  // The javascript: link stays plain text.
  assert.equal(await related.nth(1).locator('a').count(), 0);
  assert.match(await related.nth(1).innerText(), /Budget vote delayed/);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long address or word in a story never widens the page, on a desktop or a phone', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { context, page, errors } = await openFolio(folio.browser, folio.url, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    const address = 'https://example.com/' + 'a-very-long-path-segment/'.repeat(16) + '?utm_source=' + 'x'.repeat(80);
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt'.repeat(3);
    await pasteFromClipboard(page, `The harbour plan is signed at last\n\nThe minister said the plan is in place; the papers are at ${address} for all to read, and the talks go on.\n\nThe new office is called the ${word} and opens in May, the minister said on Tuesday.\n`);
    await page.locator('article h1').waitFor();
    await page.locator('.story-body', { hasText: 'a-very-long-path-segment' }).waitFor();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `${viewport.width} px wide: the page scrolls sideways (${widths.scroll} > ${widths.client})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('an update the page states is shown beside the publication, as a day', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const paragraph = '<p>The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.</p>';
  const saved = (modified) => `<html><head><title>Library stays open</title>
    <meta property="article:published_time" content="2019-11-18T09:00:00+00:00">
    <meta property="article:modified_time" content="${modified}"></head>
    <body><h1>Library stays open</h1>${paragraph.repeat(3)}</body></html>`;
  await dropFiles(page, '.reader', [{ name: 'updated.html', bytes: Buffer.from(saved('2019-11-20T16:43:09+00:00')) }]);
  await page.locator('article h1').waitFor();
  const updated = page.locator('.story-meta .updated');
  assert.equal(await updated.innerText(), 'Updated 2019-11-20');
  assert.equal(await updated.locator('time').getAttribute('datetime'), '2019-11-20T16:43:09+00:00');
  // Modified at the moment of publication: nothing more to say.
  await dropFiles(page, '.reader', [{ name: 'same.html', bytes: Buffer.from(saved('2019-11-18T09:00:00+00:00')) }]);
  await page.locator('nav[aria-label="Library"] li.entry-row').nth(1).waitFor();
  // The second story is shown (its entry is the current one), without an update.
  await page.locator('nav[aria-label="Library"] button[aria-current="true"][title="same.html"]').waitFor();
  await updated.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
