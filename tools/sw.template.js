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

// Shared from another app (the manifest's share_target posts a form to
// ./share): its title, text, link and files are kept in a cache of their
// own (not a versioned one, which an update would delete) until the page
// takes them (`synopticTakeShared` in the boot script), and the app opens
// on the library, which puts them in a new story's draft.
const SHARED = 'shared-with-synoptic';

async function receive(request) {
  const form = await request.formData();
  const cache = await caches.open(SHARED);
  const stamp = Date.now();
  let n = 0;
  const keep = (body, meta) => cache.put(
    new Request(`./__shared__/${stamp}-${String(n++).padStart(3, '0')}`),
    new Response(body, { headers: { 'x-synoptic-shared': encodeURIComponent(JSON.stringify(meta)) } }),
  );
  const field = (name) => String(form.get(name) ?? '');
  const [title, text, url] = [field('title'), field('text'), field('url')];
  if (title.trim() || text.trim() || url.trim()) await keep(text, { kind: 'text', title, url });
  for (const file of form.getAll('files')) {
    if (file && typeof file === 'object' && typeof file.arrayBuffer === 'function') {
      await keep(await file.arrayBuffer(), { kind: 'file', name: file.name || 'file' });
    }
  }
  return Response.redirect(new URL('./#/library', self.registration.scope).href, 303);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/share')) {
    event.respondWith(receive(request).catch(() => Response.redirect(new URL('./#/library', self.registration.scope).href, 303)));
    return;
  }
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
