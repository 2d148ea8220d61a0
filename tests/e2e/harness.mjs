// Shared set-up for the end-to-end tests: a static server for dist/ and
// Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from 'node:http';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const dist = join(root, 'dist');
export const fixtures = join(root, 'tests', 'fixtures');
export const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
export const artifacts = join(here, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/**
 * Serves dist/ on a free loopback port; resolves to { url, close, deploy }.
 * `deploy(path, body)` serves `body` at `path` from then on, as a new
 * deploy of that file would (the browser's own fetches, such as a service
 * worker's update check, see it too).
 */
export async function serveDist() {
  const deployed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (deployed.has(path)) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(deployed.get(path));
      return;
    }
    const file = normalize(join(dist, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
    deploy: (path, body) => deployed.set(path, body),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launchBrowser() {
  await mkdir(artifacts, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  // Every context keeps what its pages said went wrong, so a page that
  // never starts fails its test with the reason (see `mounted`).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    // A busy machine may take longer than Playwright's 30 s for a step;
    // a test that means a bound states its own.
    context.setDefaultTimeout(60_000);
    const said = [];
    journals.set(context, said);
    context.on('weberror', (e) => said.push(`error: ${e.error()}`));
    context.on('console', (m) => ['error', 'warning'].includes(m.type()) && said.push(`console.${m.type()}: ${m.text()}`));
    context.on('requestfailed', (r) => said.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
    context.on('page', (page) => page.on('crash', () => said.push(`crashed: ${page.url()}`)));
    return context;
  };
  return browser;
}

const journals = new WeakMap();

/**
 * Waits until Folio is mounted on `page` (its paste area shows). A page
 * that does not start fails with what its context said meanwhile, the
 * browser's version and the files it loaded, not a bare timeout.
 */
export async function mounted(page, timeout = 60_000) {
  try {
    await page.waitForSelector('#paste', { timeout });
  } catch (e) {
    const context = page.context();
    const loaded = await page
      .evaluate(() => performance.getEntriesByType('resource').map((r) => `${r.name} ${r.responseStatus ?? ''} ${Math.round(r.duration)} ms`))
      .catch((why) => [`(could not list: ${why})`]);
    const said = journals.get(context) ?? ['(a context not made by launchBrowser: nothing kept)'];
    throw new Error([
      `Folio did not start within ${timeout} ms on ${page.url()} (Chromium ${context.browser()?.version()})`,
      'the page said:', ...said.map((l) => `  ${l}`),
      'it loaded:', ...loaded.map((l) => `  ${l}`),
      `(${e.message.split('\n')[0]})`,
    ].join('\n'));
  }
}

/** Opens Folio in a fresh context and waits until the app is mounted. */
export async function openFolio(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await mounted(page);
  return { context, page, errors };
}

/** Drops files (name and bytes) on an element, as a person dragging them in. */
export async function dropFiles(page, selector, files) {
  // Base64 crosses to the page far faster than an array of numbers (a
  // saved page is hundreds of kilobytes).
  const payload = files.map(({ name, bytes }) => ({ name, data: Buffer.from(bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

/**
 * Pastes `text` as a person does: one clipboard paste (Control+V) into the
 * paste area. The page must have been opened with clipboard permissions.
 */
export async function pasteFromClipboard(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#paste').focus();
  await page.keyboard.press('Control+V');
}

/**
 * The server and browser a test file shares: started before its tests,
 * stopped after them. Use `folio.url` and `folio.browser` inside tests.
 */
export function useFolio() {
  const folio = { server: null, browser: null, get url() { return this.server.url; } };
  before(async () => {
    folio.server = await serveDist();
    folio.browser = await launchBrowser();
    // A build that does not start fails every test here at once, with why,
    // instead of each after its own timeout.
    const probe = await folio.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await probe.newPage();
      await page.goto(folio.server.url);
      await mounted(page);
    } finally {
      await probe.close();
    }
  });
  after(async () => {
    await folio.browser?.close();
    await folio.server?.close();
  });
  return folio;
}

/**
 * The library's IndexedDB records, as stored (each parsed from its JSON
 * text when it reads). Never creates the database.
 */
export async function storedRecords(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('folio')) return [];
    return new Promise((ok, fail) => {
      const open = indexedDB.open('folio');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('entries')) {
          db.close();
          ok([]);
          return;
        }
        const all = db.transaction('entries').objectStore('entries').getAll();
        all.onerror = () => fail(all.error);
        all.onsuccess = () => {
          db.close();
          ok(all.result.map((r) => { try { return JSON.parse(r); } catch { return r; } }));
        };
      };
    });
  });
}

/**
 * Marks every stored Article as made by another parser build, as after an
 * update of Folio: the next load reads their texts again.
 */
export async function ageStoredArticles(page) {
  await page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('folio');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const record = JSON.parse(c.value);
        record.parser = 'an-older-build';
        c.update(JSON.stringify(record));
        c.continue();
      };
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }));
}

/**
 * `count` DEV text dumps of the trafilatura set, from the `from`th in name
 * order, as files to drop (name and bytes).
 */
/**
 * `count` DEV files as a library grows: the 118 scrapinghub saved pages,
 * with `every` the trafilatura set's 653 saved pages (unpacked), then the
 * text dumps and lynx forms; past the corpus's count its text dumps (with
 * `every`, all of these files) again, each made a distinct entry by a line
 * of its own at the end (the library adds a text once).
 */
export async function corpusMix(count, every = false) {
  const pick = async (dir, ext) =>
    (await readdir(dir)).filter((n) => n.endsWith(ext)).sort().map((n) => join(dir, n));
  const paths = [
    ...(await pick(join(corpus, 'scrapinghub'), '.html')),
    ...(every ? await pick(join(corpus, 'trafilatura'), '.html.gz') : []),
    ...(await pick(join(corpus, 'trafilatura'), '.txt')),
    ...(await pick(join(corpus, 'scrapinghub'), '.txt')),
    ...(await pick(join(corpus, '..', 'forms', 'lynx'), '.txt')),
  ];
  const again = every ? paths : paths.filter((p) => p.endsWith('.txt'));
  const picked = paths.slice(0, count).map((p) => [p, 0]);
  for (let k = 1; picked.length < count; k++) {
    for (const p of again) {
      if (picked.length >= count) break;
      picked.push([p, k]);
    }
  }
  return Promise.all(picked.map(async ([p, copy], i) => {
    const stored = await readFile(p);
    const bytes = p.endsWith('.gz') ? gunzipSync(stored) : stored;
    const name = `${i}-${p.split('/').pop().replace(/\.gz$/, '')}`;
    return { name, bytes: copy ? Buffer.concat([bytes, Buffer.from(`\n\nCopy ${copy} of this page.\n`)]) : bytes };
  }));
}

/** How many records the store holds: counted, not read (a big library is
 * hundreds of megabytes). */
export async function storedCount(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'folio')) return 0;
    return new Promise((ok) => {
      const open = indexedDB.open('folio');
      open.onerror = () => ok(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('entries')) {
          db.close();
          return ok(0);
        }
        const counted = db.transaction('entries').objectStore('entries').count();
        counted.onsuccess = () => {
          db.close();
          ok(counted.result);
        };
        counted.onerror = () => ok(0);
      };
    });
  });
}

export async function corpusFiles(count, from = 0) {
  const dir = join(corpus, 'trafilatura');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort().slice(from, from + count);
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}
