// Shared set-up for the browser tests: a plain static file server for dist/
// (no fallback to index.html, compressing text and wasm as static hosts do)
// and headless Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const root = resolve(here, '../..');
export const dist = join(root, 'dist');
export const artifacts = join(here, 'artifacts');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const compressed = new Map();

/** The body to send for `file` given the request's Accept-Encoding: brotli or
 * gzip for text and wasm (cached per file version), else the bytes as they are. */
async function encode(file, accept = '') {
  const body = await readFile(file);
  if (!COMPRESSIBLE.has(extname(file))) return { body };
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return { body };
  const key = `${encoding}:${file}:${(await stat(file)).mtimeMs}:${body.length}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipSync(body, { level: 9 }));
  }
  return { body: compressed.get(key), encoding };
}

/** Serves `dir` on 127.0.0.1 at a free port, under `prefix` (`/` or
 * `/synoptic/`); resolves to { url, close }. */
export async function serveStatic(dir = dist, prefix = '/') {
  // `setOffline(true)` cuts every request, as a lost connection does.
  let offline = false;
  let refused = 0;
  const server = createServer(async (req, res) => {
    if (offline) {
      refused += 1;
      req.socket.destroy();
      return;
    }
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      path = '/' + path.slice(prefix.length);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end();
        return;
      }
      if (path.endsWith('/')) file = join(file, 'index.html');
      const { body, encoding } = await encode(file, req.headers['accept-encoding']);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', vary: 'accept-encoding' };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    setOffline: (on) => {
      offline = on;
      if (on) server.closeAllConnections();
    },
    refused: () => refused,
    // Closes open connections too: a page still holding a keep-alive or
    // in-flight request must not keep the test waiting.
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

/** Headless Chromium with the flags that keep it off the network (playwright
 * gives every launch a fresh, empty profile). */
export async function launch() {
  return chromium.launch(LAUNCH);
}

/** For a test file: starts the static server and a browser before its tests
 * and stops both after; read `browser` and `server` off the returned object. */
export function servedBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveStatic();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The flags that keep Chromium off the network (shared with the
 * WebDriver engines of tests/engines/). */
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: FLAGS,
};

/** A persistent (non-incognito) browser context in a fresh profile: what
 * installability checks need. Close it when done. */
export async function launchPersistent() {
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-profile-'));
  return chromium.launchPersistentContext(dir, { ...LAUNCH, ...DESKTOP });
}

/** A page that records console errors and uncaught exceptions; `page.view`
 * locates the view shown (the app keeps views it has built, hidden). */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'it-IT', ...options });
  const page = await context.newPage();
  // The release page shows a prerendered overview before the app mounts:
  // navigations resolve once the app itself is on screen.
  for (const method of ['goto', 'reload']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await original(...args);
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 20000 });
      return response;
    };
  }
  // Views once built stay in the page, hidden: `page.view` is the one shown.
  page.view = page.locator('main > .view:not([hidden])');
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(`${m.text()} ${m.location()?.url ?? ''}`.trim());
  });
  return page;
}

/** Scrolls `locator` into view, as a reader would, and waits two frames:
 * side-by-side rows out of view are not rendered (content-visibility: auto),
 * so what depends on rendering (innerText, visibility) needs them in view. */
export async function reveal(locator) {
  // Rows above it render as they come into view and take their real
  // height, which moves it: scroll again until it stays in view.
  for (let k = 0; k < 4; k++) {
    await locator.scrollIntoViewIfNeeded();
    await locator.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const seen = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    if (seen) return;
  }
}

/** Saves a full-page screenshot under tests/e2e/artifacts/. Rows out of
 * view are rendered for it, as when printing (a full-page capture does not
 * bring them into view). */
export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  const rendered = (on) => page.evaluate((on) => {
    for (const row of document.querySelectorAll('.sbs-row, .para')) row.style.contentVisibility = on ? 'visible' : '';
  }, on);
  await rendered(true);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  await rendered(false);
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };
