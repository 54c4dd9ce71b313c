// Offline and installable: the release bundle's service worker precaches the
// build, serves every view with no connection, works under a sub-path, offers
// a rebuilt bundle after asking, and the manifest makes the app installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveStatic, launch, launchPersistent, newPage, dist, root, DESKTOP } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Visits, waits for the worker, and reloads so that it controls the page. */
async function installed(page, url) {
  page.view ??= page.locator('main > .view:not([hidden])');
  await page.goto(url);
  await page.view.locator('.card').first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.view.locator('.card').first().waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'controlled');
}

const VIEWS = [
  ['#/', '.card'],
  ['#/compare', '.sbs-row:not([hidden])'],
  ['#/compare/000~004?diff=1', '.sbs-row:not([hidden])'],
  ['#/figures?sort=verdict', '.figures-table tbody tr'],
  ['#/framing', '.frame'],
  ['#/read/004?s=3', '.article-body'],
  ['#/read/003', '.article-body'],
];

test('after the first visit every view works offline, with reloads and deep links', async () => {
  const server = await serveStatic();
  const page = await newPage(browser, DESKTOP);
  await installed(page, server.url);
  await page.context().setOffline(true);
  await page.reload();
  await page.view.locator('.card').first().waitFor();
  for (const [hash, selector] of VIEWS) {
    await page.goto(`${server.url}${hash}`);
    await page.view.locator(selector).first().waitFor();
    await page.reload();
    await page.view.locator(selector).first().waitFor();
  }
  await page.context().setOffline(false);
  await server.close();
  assert.deepEqual(page.errors, [], 'no error, no content-security-policy violation');
});

test('offline, a reader builds a story from pasted texts: the worker comes from the cache, the story is there after a reload', async () => {
  const server = await serveStatic();
  const page = await newPage(browser, DESKTOP);
  await installed(page, server.url);
  await page.context().setOffline(true);
  await page.goto(`${server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Senza rete');
  for (const [text, outlet] of [
    ['Genova, 14 marzo 2026 – I danni al deposito sono stimati in 3 milioni di euro. Evacuati 120 lavoratori.', 'AGI'],
    ['Genova, 14 marzo 2026. I danni al deposito sono stimati in 5 milioni di euro; 120 lavoratori fatti uscire.', 'Il Secolo XIX'],
  ]) {
    await page.fill('#paste-text', text);
    await page.fill('#paste-outlet', outlet);
    await page.click('#add-pasted');
  }
  await page.locator('#pending > li').nth(1).waitFor();
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/senza-rete$/);
  await page.goto(`${server.url}#/s/senza-rete/compare`);
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  await page.reload();
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  await page.context().setOffline(false);
  await server.close();
  assert.deepEqual(page.errors, [], 'no error, no content-security-policy violation');
});

test('shared from another app (the share target): a text with its title and link, and files, land in a new story', async () => {
  const server = await serveStatic();
  const page = await newPage(browser, DESKTOP);
  await installed(page, server.url);
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.share_target.action, './share');
  assert.equal(manifest.share_target.method, 'POST');
  // What an app's share sheet posts, as the browser would post it.
  const status = await page.evaluate(async () => {
    const form = new FormData();
    form.append('title', 'Incendio al porto di Genova');
    form.append('text', 'Un incendio è divampato in un deposito del porto: 120 lavoratori evacuati, danni per 3 milioni di euro.');
    form.append('url', 'https://example.org/porto');
    form.append('files', new File(['Genova, 14 marzo 2026. I danni ammontano a 5 milioni di euro; 120 lavoratori fatti uscire.'], 'secolo.txt', { type: 'text/plain' }));
    form.append('files', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])], 'foto.png', { type: 'image/png' }));
    const r = await fetch('./share', { method: 'POST', body: form, redirect: 'manual' });
    return r.type === 'opaqueredirect' ? 303 : r.status;
  });
  assert.equal(status, 303);
  await page.goto(`${server.url}#/library`);
  await page.locator('#pending > li').nth(1).waitFor();
  assert.equal(await page.locator('#story-name').inputValue(), 'Incendio al porto di Genova');
  const said = await page.locator('.messages li').allInnerTexts();
  assert.ok(said.some((m) => /foto\.png: il file non è testo/.test(m)), said.join('\n'));
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/incendio-al-porto-di-genova$/);
  const record = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const get = open.result.transaction('stories').objectStore('stories').get('incendio-al-porto-di-genova');
      get.onsuccess = () => { ok(JSON.parse(get.result)); open.result.close(); };
    };
  }));
  assert.equal(record.articles.length, 2);
  assert.match(record.articles[0].text, /^Incendio al porto di Genova\n\nUn incendio/);
  assert.equal(record.articles[0].meta.url, 'https://example.org/porto');
  assert.equal(record.articles[1].name, 'secolo.txt');
  // Taken once: the library opened again has nothing new to add.
  await page.goto(`${server.url}#/library`);
  await page.reload();
  await page.locator('#new-story').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#pending').count(), 0);
  assert.equal(await page.locator('.editor').count(), 0);
  await server.close();
  assert.deepEqual(page.errors, []);
});

test('the precache list is the exact hashed files of the build', async () => {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/const ASSETS = (\[[\s\S]*?\]);/)[1]);
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  for (const ref of html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)) {
    assert.ok(assets.includes(`./${ref[1]}`), `${ref[1]} is precached`);
  }
  assert.ok(assets.some((a) => a.endsWith('_bg.wasm')));
  assert.ok(assets.some((a) => /^\.\/analysis-[0-9a-f]{16}\.js$/.test(a)), 'the analysis worker');
  assert.ok(assets.some((a) => /^\.\/synoptic-worker-[0-9a-f]+_bg\.wasm$/.test(a)), "the worker's module");
  assert.ok(!assets.some((a) => a.startsWith('./local/')), 'the local-file scripts are not precached');
  assert.ok(assets.includes('./manifest.webmanifest'));
  assert.match(sw, /const VERSION = '[0-9a-f]{16}'/);
  // No inline script: the policy needs no exemption.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.match(html, /script-src 'self' 'wasm-unsafe-eval'/);
});

test('works under a sub-path, offline too', async () => {
  const server = await serveStatic(dist, '/synoptic/');
  assert.match(server.url, /\/synoptic\/$/);
  const page = await newPage(browser, DESKTOP);
  await installed(page, server.url);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.ok(scope.endsWith('/synoptic/'), scope);
  await page.context().setOffline(true);
  await page.goto(`${server.url}#/figures`);
  await page.view.locator('.figures-table tbody[aria-busy="false"]').waitFor();
  await page.context().setOffline(false);
  await server.close();
  assert.deepEqual(page.errors, []);
});

/** A copy of the bundle served and installed in a page. */
async function installedCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-update-'));
  await cp(dist, dir, { recursive: true });
  const server = await serveStatic(dir);
  const page = await newPage(browser, DESKTOP);
  await installed(page, server.url);
  return { dir, server, page };
}

/** Rebuilds the copy: a change in the bundle, and the post-build step
 * again. Returns the new version. */
async function rebuild(dir) {
  const index = join(dir, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('</body>', '<!-- rebuilt --></body>'));
  execFileSync('node', [join(root, 'tools/pwa.mjs'), dir]);
  return (await readFile(join(dir, 'sw.js'), 'utf8')).match(/const VERSION = '([0-9a-f]+)'/)[1];
}

test('a rebuilt bundle is offered, and taken on request', async () => {
  const { dir, server, page } = await installedCopy();
  const cacheBefore = await page.evaluate(() => caches.keys());
  const version = await rebuild(dir);
  assert.ok(!cacheBefore.includes(`synoptic-${version}`));
  await page.reload();
  const banner = page.locator('#update-banner');
  try {
    await banner.waitFor({ timeout: 15000 });
  } catch (e) {
    // What the page and its worker were in, for a failure that is rare.
    console.log('no update banner:', await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return JSON.stringify({
        data: { ...document.documentElement.dataset },
        waiting: Boolean(reg?.waiting),
        installing: reg?.installing?.state ?? null,
        caches: await caches.keys(),
      });
    }));
    throw e;
  }
  assert.match(await banner.innerText(), /nuova versione/);
  await Promise.all([page.waitForEvent('load'), page.locator('#apply-update').click()]);
  await page.view.locator('.card').first().waitFor();
  await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === `synoptic-${v}`), version);
  const shell = await page.evaluate(() => fetch('./').then((r) => r.text()));
  assert.match(shell, /rebuilt/);
  await server.close();
  assert.deepEqual(page.errors, []);
});

test('a new version found before the app has mounted is still offered', async () => {
  const { dir, server, page } = await installedCopy();
  await rebuild(dir);
  // The app starts only once the page has found the new version: the
  // boot script's event is then long gone, and the app must see it anyway.
  // (The WebAssembly is held until the browser's own check at navigation
  // has installed the new worker, which then waits.)
  await page.addInitScript(() => {
    const found = () => new Promise((done) => {
      const wait = () => navigator.serviceWorker.getRegistration()
        .then((reg) => (reg && reg.waiting ? done() : setTimeout(wait, 50)));
      wait();
    });
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const real = WebAssembly[name];
      WebAssembly[name] = (...args) => found().then(() => real.apply(WebAssembly, args));
    }
  });
  await page.reload();
  await page.locator('#update-banner').waitFor({ timeout: 15000 });
  assert.match(await page.locator('#update-banner').innerText(), /nuova versione/);
  await page.context().close();
  await server.close();
});

test('the manifest is valid and the app installable', async () => {
  const server = await serveStatic();
  // Installability is judged outside incognito: a persistent profile.
  const context = await launchPersistent();
  const page = context.pages()[0] ?? (await context.newPage());
  await installed(page, server.url);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.short_name, 'Synoptic');
  assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await context.close();
  await server.close();
});

test('where service workers are unavailable the app works and says so', async () => {
  const server = await serveStatic();
  const page = await newPage(browser, { ...DESKTOP, serviceWorkers: 'block' });
  await page.goto(`${server.url}#/compare`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  await page.locator('#offline-note').waitFor({ timeout: 5000 });
  assert.match(await page.locator('#offline-note').innerText(), /senza connessione non è disponibile/);
  await page.context().close();
  await server.close();
});

test('opened from a local file (file://) the app works without a service worker, and says so', async () => {
  const page = await newPage(browser, DESKTOP);
  const file = `file://${join(dist, 'index.html')}`;
  await page.goto(file);
  const data = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.equal(data.offline, 'unavailable');
  assert.equal(await page.evaluate(() => typeof window.synopticWorker), 'undefined', 'no worker from a local file');
  assert.equal(await page.view.locator('.card').count(), 3);
  await page.locator('#offline-note').waitFor();
  assert.match(await page.locator('.site-footer').innerText(), /senza connessione non è disponibile/);
  assert.doesNotMatch(await page.locator('.site-footer').innerText(), /funziona senza connessione:/);
  // Deep links and the language switch, as over the network.
  await page.goto(`${file}#/compare/000~004`);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.equal(await page.view.locator('.sbs-head .sbs-col-head').count(), 2);
  await page.getByRole('button', { name: 'EN' }).click();
  assert.ok(await page.view.getByRole('heading', { level: 1, name: 'Side by side' }).isVisible());
  // Module scripts cannot load from a local file: the browser says so, and
  // the classic scripts take over. Nothing else goes wrong.
  const others = page.errors.filter((e) => !/CORS policy|Failed to load resource/.test(e));
  assert.deepEqual(others, []);
  await page.context().close();
});
