// Folio's service worker (written at build time by scripts/sw-hook.py):
// keeps the built files, so that after the first visit Folio opens and
// works with no network. Pages are asked of the network first (a new
// deploy shows at once when online), the files of this build from the
// cache. A new build waits until the page says the reader chose to reload.
const VERSION = __VERSION__;
const FILES = __FILES__;
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('folio-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(VERSION);
      if (request.mode === 'navigate') {
        try {
          return await fetch(request);
        } catch {
          return (await cache.match(new URL('./', scope).href)) ?? Response.error();
        }
      }
      return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
    })(),
  );
});
