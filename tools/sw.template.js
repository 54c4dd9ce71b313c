// Synoptic's service worker. Generated at build time by tools/pwa.mjs:
// VERSION and ASSETS are the exact hashed files of this build.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `synoptic-${VERSION}`;

self.addEventListener('install', (event) => {
  // Precache the whole bundle; the new version then waits until the page
  // asks it to take over (the "new version ready" prompt).
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('synoptic-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Pages (any path in scope: deep links, reloads) get the cached shell.
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match('./').then((shell) => shell || fetch(request)),
      ).catch(() => fetch(request)),
    );
    return;
  }
  // Everything else: cache first, then the network.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
