// Folio after the first visit works with no network: the service worker
// keeps the built files, the library is in the browser. A new build is
// offered, and taken when the reader asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useFolio, openFolio, mounted, dropFiles, fixtures, dist, storedRecords } from './harness.mjs';

const SEED = 'interfax-2025-12-31-kallas.txt';
const rows = (page) => page.locator('nav[aria-label="Library"] li.entry-row');
const folio = useFolio();

/** Waits until the page is controlled by Folio's service worker. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

test('offline, a reload shows the app and the library', async () => {
  const { context, page, errors } = await openFolio(folio.browser, folio.url);
  await controlled(page);
  // Installable: a manifest with no errors; nothing else in the way but
  // the test browser's private profile.
  const cdp = await context.newCDPSession(page);
  assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  await dropFiles(page, '.reader', [{ name: SEED, bytes: await readFile(join(fixtures, SEED)) }]);
  await rows(page).first().waitFor();
  for (let i = 0; i < 50 && (await storedRecords(page)).length === 0; i++) await page.waitForTimeout(100);
  await context.setOffline(true);
  await page.reload();
  await mounted(page);
  await rows(page).first().waitFor();
  // The parser works offline too: a paste is read.
  await page.fill('#paste', (await readFile(join(fixtures, SEED), 'utf8')).replaceAll('Kallas urges not to accept', 'Offline, Kallas urges not to accept'));
  await page.locator('article h1', { hasText: 'Offline, Kallas urges' }).waitFor();
  await rows(page).first().locator('.entry').click();
  assert.match(await page.locator('article h1').innerText(), /^Kallas urges/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build is offered, and the page reloads into it on request', async () => {
  const context = await folio.browser.newContext();
  const built = await readFile(join(dist, 'sw.js'), 'utf8');
  const page = await context.newPage();
  await page.goto(folio.url);
  await mounted(page);
  await controlled(page);
  assert.equal(await page.locator('.update-notice').count(), 0);
  // A new deploy: the worker's build name changes.
  folio.server.deploy('/sw.js', built.replace(/const VERSION = "folio-[0-9a-f]+"/, 'const VERSION = "folio-0000000000000000"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.locator('.update-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /A new version of Folio is ready/);
  // Legible: it is outside the app's element, so it carries its own colours.
  const [background, color] = await notice.evaluate((n) => [getComputedStyle(n).backgroundColor, getComputedStyle(n).color]);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)');
  assert.notEqual(background, color);
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await mounted(page);
  const version = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('folio-')));
  assert.deepEqual(version, ['folio-0000000000000000']);
  folio.server.deploy('/sw.js', built);
  await context.close();
});
