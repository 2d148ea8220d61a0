// Hostile input never runs: text with markup stays text, "links" with
// other schemes never become live, and the page's Content-Security-Policy
// blocks any script the page did not ship, while Folio itself runs under it
// without a single violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, dist } from './harness.mjs';

const folio = useFolio();

const HOSTILE = [
  'Menu',
  '',
  '<img src=x onerror="window.__pwned=1"> Breaking: markup in a headline <script>window.__pwned=2</script>',
  '',
  'The story quotes <svg onload="window.__pwned=3"> and <iframe src="javascript:window.__pwned=4"></iframe> as text, which is what a reader should see when a page writes about markup.',
  '',
  'It also holds the mXSS payload <svg></p><style><a id="</style><img src=1 onerror=window.__pwned=5>"> and goes on for a while so that it reads as running prose.',
  '',
  'Read more: javascript:window.__pwned=6 and \u2028javascript:window.__pwned=7 are not links, and neither is data:text/html,<script>window.__pwned=8</script> in this sentence.',
  '',
].join('\n');

test('the built page carries a strict Content-Security-Policy', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-(inline|eval)'/);
  assert.match(policy, /object-src 'none'/);
});

test('hostile text renders as text and nothing in it runs', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  const violations = [];
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.fill('#paste', HOSTILE);
  await page.locator('article').waitFor();
  const story = page.locator('article');
  assert.equal(await story.locator('img, svg, iframe, script, style').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"], a[href^="data:"], iframe').count(), 0);
  assert.match(await story.innerText(), /<svg onload="window.__pwned=3">/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Using the app (theme, text size, share) breaks no rule of the policy.
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.getByRole('button', { name: /larger text/ }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('.share-status').waitFor();
  assert.deepEqual(violations, []);
  // A script the page did not ship is refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return window.__injected ?? false;
  });
  assert.equal(ran, false);
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && violations.length === 0; i++) await page.waitForTimeout(20);
  assert.equal(violations.length, 1);
  assert.match(violations[0], /^script-src/);
  assert.deepEqual(errors, []);
  await context.close();
});
