// Share links: share the seed, open the link in a fresh browser (empty
// storage) and read the same story; every kind of bad link shows a clear
// message and leaves the library as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, dropFiles, fixtures } from './harness.mjs';

const HEADLINE =
  'Kallas urges not to accept Russia’s unfounded claims: Moscow seeks to disrupt real progress towards peace';

const folio = useFolio();

async function shareSeed(page) {
  await page.getByRole('button', { name: 'Open the example' }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('.share-status').waitFor();
  return page.locator('.share-link').inputValue();
}

test('a shared story opens the same in a fresh browser, read-only, and can be kept', async () => {
  const sender = await openFolio(folio.browser, folio.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const link = await shareSeed(sender.page);
  assert.match(link, /#s2\.[A-Za-z0-9_-]+$/);
  assert.equal(await sender.page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(await sender.page.locator('.share-status').innerText(), new RegExp(`${link.length} characters`));
  const sentBody = await sender.page.locator('.story-body').innerText();
  const sentTags = await sender.page.locator('ul[aria-label="Tags"] li').allInnerTexts();
  // Shorter without side lists and related links.
  await sender.page.getByLabel('Leave out side lists').check();
  await sender.page.getByLabel('Leave out related links').check();
  await sender.page.waitForFunction((long) => document.querySelector('.share-link').value.length < long, link.length);
  await sender.context.close();

  const receiver = await openFolio(folio.browser, folio.url);
  // As a chat shows it at the end of a sentence: the full stop is not the link's.
  await receiver.page.goto(`${link}.`);
  await receiver.page.locator('.shared-banner').waitFor();
  assert.equal(await receiver.page.locator('article h1').innerText(), HEADLINE);
  assert.equal(await receiver.page.locator('.story-body').innerText(), sentBody);
  assert.deepEqual(await receiver.page.locator('ul[aria-label="Tags"] li').allInnerTexts(), sentTags);
  assert.equal(await receiver.page.locator('nav[aria-label="Library"] li').count(), 0);
  await receiver.page.getByRole('button', { name: 'Add to my library' }).click();
  assert.equal(await receiver.page.locator('nav[aria-label="Library"] li.entry-row').count(), 1);
  await receiver.page.reload();
  await receiver.page.locator('nav[aria-label="Library"] li.entry-row').waitFor();
  assert.equal(await receiver.page.locator('.entry-title').innerText(), HEADLINE);
  assert.deepEqual(receiver.errors, []);
  await receiver.context.close();
});

test('bad links show a message and leave the library untouched', async () => {
  const sender = await openFolio(folio.browser, folio.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const link = await shareSeed(sender.page);
  await sender.context.close();
  const [base, fragment] = link.split('#');
  assert.ok(fragment.startsWith('s2.'));
  const data = fragment.slice('s2.'.length);
  // A link of the first format (the browser's deflate), as Folio made them before.
  const old = (await readFile(join(fixtures, 'share-link-s1-seed.txt'), 'utf8')).trim().slice('s1.'.length);
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const bomb = deflateRawSync(Buffer.alloc(9 * 1024 * 1024)).toString('base64url');
  // A packed link whose stated length (a varint of 9 MiB) is over the cap.
  const packedBomb = Buffer.from([0x80, 0x80, 0xc0, 0x04, 1, 2, 3]).toString('base64url');
  const cases = [
    ['truncated', `s2.${data.slice(0, Math.floor(data.length / 2))}`, /damaged/],
    ['a character changed', `s2.${flip(data, Math.floor(data.length / 2))}`, /damaged/],
    ['a + sign added', `s2.${data.slice(0, 40)}+${data.slice(40)}`, /changed on the way/],
    ['a space added', `s2.${data.slice(0, 40)}%20${data.slice(40)}`, /changed on the way/],
    ['a %7C escape', `s2.${data.slice(0, 40)}%7C${data.slice(40)}`, /changed on the way/],
    ['an unknown version', `s9.${data}`, /newer Folio/],
    ['a packed payload over 8 MiB', `s2.${packedBomb}`, /larger than a link of its length can carry/],
    ['an old link truncated', `s1.${old.slice(0, Math.floor(old.length / 2))}`, /damaged/],
    ['an old link with a character changed', `s1.${flip(old, Math.floor(old.length / 2))}`, /damaged/],
    ['an old link over 8 MiB inflated', `s1.${bomb}`, /larger than a link of its length can carry/],
    ['a link over 2 MB', `s2.${'A'.repeat(2_000_001)}`, /too long/],
  ];
  const { context, page } = await openFolio(folio.browser, folio.url);
  await page.getByRole('button', { name: 'Open the example' }).click();
  const rows = page.locator('nav[aria-label="Library"] li.entry-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  for (const [name, bad, message] of cases) {
    await page.goto('about:blank');
    await page.goto(`${base}#${bad}`);
    const notice = page.locator('.notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), message, name);
    assert.equal(await page.locator('.shared-banner').count(), 0, name);
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, `${name}: library intact`);
  }
  await context.close();
});

test('a link of the first format (s1, deflate) still opens', async () => {
  const link = (await readFile(join(fixtures, 'share-link-s1-seed.txt'), 'utf8')).trim();
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.goto(`${folio.url}#${link}`);
  await page.locator('.shared-banner').waitFor();
  assert.equal(await page.locator('article h1').innerText(), HEADLINE);
  assert.deepEqual(await page.locator('ul[aria-label="Tags"] li').allInnerTexts(), ['kallas']);
  assert.deepEqual(errors, []);
  await context.close();
});

// FNV-1a, 32 bits, as `folio_core::share` seals a payload.
function seal(records) {
  let hash = 0x811c9dc5;
  for (const b of Buffer.from(records, 'utf8')) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return `${records}#\t${hash.toString(16).padStart(8, '0')}\n`;
}

test('a short link of a huge story is refused; a big one opens with its lists capped', async () => {
  // 1,657 characters that inflate to 300,000 tags: once an 11 s frame.
  const tiny = seal(`h\tMany tags\n${'t\tx\n'.repeat(300_000)}`);
  const bomb = `s1.${deflateRawSync(Buffer.from(tiny)).toString('base64url')}`;
  assert.ok(bomb.length < 2_000, `${bomb.length} characters`);
  // Tags that do not repeat, within the ratio cap: read, and 100 kept.
  const many = seal(`h\tMany different tags\n${Array.from({ length: 30_000 }, (_, i) => `t\ttag ${(i * 7919) % 100_003}\n`).join('')}`);
  const big = `s1.${deflateRawSync(Buffer.from(many)).toString('base64url')}`;
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.goto(`${folio.url}#${bomb}`);
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /larger than a link of its length can carry/);
  await page.goto('about:blank');
  await page.goto(`${folio.url}#${big}`);
  await page.locator('.shared-banner').waitFor();
  assert.equal(await page.locator('article h1').innerText(), 'Many different tags');
  // The first 20 shown; the other 80 wait in a closed disclosure.
  const tags = page.locator('section.tags');
  assert.equal(await tags.locator('ul[aria-label="Tags"] li').count(), 20);
  const more = tags.locator('details.more-items');
  assert.equal(await more.locator('summary').innerText(), '80 more tags');
  assert.equal(await more.locator('li').first().isVisible(), false);
  await more.locator('summary').click();
  assert.equal(await more.locator('li').last().isVisible(), true);
  assert.equal(await tags.locator('li').count(), 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test("long lists show their first items and the rest on the reader's word; short ones whole", async () => {
  const related = Array.from({ length: 60 }, (_, i) => `R\tOther story ${i}\t\thttps://news.example/${i}\n`).join('');
  const side = Array.from({ length: 24 }, (_, i) => `i\tEntry ${i}\n`).join('');
  const many = Array.from({ length: 200 }, (_, i) => `i\tMenu item ${i}\n`).join('');
  const story = seal(`h\tLong lists\nP\tA paragraph of the story.\n${related}S\tShort\n${side}S\tLong\n${many}`);
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await page.goto(`${folio.url}#s1.${deflateRawSync(Buffer.from(story)).toString('base64url')}`);
  await page.locator('.shared-banner').waitFor();
  const nav = page.locator('nav[aria-label="Related"]');
  assert.equal(await nav.locator('li:visible').count(), 20);
  assert.equal(await nav.locator('summary').innerText(), '40 more related links');
  await nav.locator('summary').press('Enter');
  assert.equal(await nav.locator('li:visible').count(), 60);
  assert.equal(await nav.locator('li:visible a').last().getAttribute('href'), 'https://news.example/59');
  // 24 entries are within a few of 20: shown whole, no disclosure.
  const [short, long] = [page.locator('aside.side-list').nth(0), page.locator('aside.side-list').nth(1)];
  assert.equal(await short.locator('li:visible').count(), 24);
  assert.equal(await short.locator('details').count(), 0);
  assert.equal(await long.locator('li:visible').count(), 20);
  assert.equal(await long.locator('summary').innerText(), '180 more items');
  // A story at every list's cap (100 tags, 200 related links, 30 side
  // lists of 200): the longest frame while it opens is logged (issue #15
  // asks for none over 200 ms; a measure, not a timed assertion).
  const full = seal(`h\tEvery list full\nP\tA paragraph.\n${Array.from({ length: 100 }, (_, i) => `t\ttag ${i}\n`).join('')}`
    + Array.from({ length: 200 }, (_, i) => `R\tOther story ${i}\t\thttps://news.example/${i}\n`).join('')
    + Array.from({ length: 30 }, (_, l) => `S\tList ${l}\n${Array.from({ length: 200 }, (_, i) => `i\tEntry ${l}.${i}\n`).join('')}`).join(''));
  await page.goto('about:blank');
  await page.goto(folio.url);
  await page.evaluate(() => {
    window.__frames = [];
    new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
  });
  await page.goto(`${folio.url}#s1.${deflateRawSync(Buffer.from(full)).toString('base64url')}`);
  await page.locator('article h1').filter({ hasText: 'Every list full' }).waitFor();
  assert.equal(await page.locator('aside.side-list').count(), 30);
  assert.equal(await page.locator('aside.side-list li:visible').count(), 30 * 20);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const longest = await page.evaluate(() => Math.max(0, ...(window.__frames ?? [])));
  console.log(`longest frame while a story at every list's cap opened: ${longest.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the clipboard holds the link of the story the panel was opened for', async () => {
  const { context, page } = await openFolio(folio.browser, folio.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const link = await shareSeed(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Another story shown: the panel was for the seed; it closes, and the
  // clipboard keeps what the reader copied.
  await dropFiles(page, '.reader', [{ name: 'other.txt', bytes: Buffer.from('Another story entirely, dropped\n\nIt has a body of its own, long enough to read as a paragraph of prose, and then some more words.') }]);
  await page.locator('nav[aria-label="Library"] li.entry-row').nth(1).waitFor();
  assert.notEqual(await page.locator('article h1').innerText(), HEADLINE);
  await page.locator('.share-panel').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Escape closes the panel.
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('.share-panel').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.share-panel').waitFor({ state: 'detached' });
  await context.close();
});

test('when no link can be made, the panel says so and claims no channel', async () => {
  // A link worker that dies on every request stands in for a coder that failed.
  const context = await folio.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/folio-link-worker_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'postMessage("ready"); onmessage = () => { throw new Error("coder failed"); };' }),
  );
  const page = await context.newPage();
  await page.goto(folio.url);
  await page.getByRole('button', { name: 'Open the example' }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('.share-status').waitFor();
  assert.match(await page.locator('.share-status').innerText(), /^No link could be made: /);
  assert.equal(await page.locator('.share-link').count(), 0);
  assert.equal(await page.locator('.share-fits li').count(), 0);
  await context.close();
});
