// The reader's own stories: pasted and chosen texts become a story kept in
// the browser's database, compared like the embedded one, there again after
// a reload; bad input gets its message and changes nothing stored; delete
// can be undone; pasted markup is only ever text; an address that is an
// anchor (`/#main`) or a deleted story gives a view, never an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { servedBrowser, newPage, screenshot, PHONE, DESKTOP } from './harness.mjs';
import { AGENCY, DAILY, PAYLOAD, readStories } from './fixtures.mjs';

const env = servedBrowser();

/** What is stored in the library's database, as the page reads it. */
async function stored(page) {
  return page.evaluate(readStories);
}

async function paste(page, text, outlet, date = '') {
  await page.fill('#paste-text', text);
  await page.fill('#paste-outlet', outlet);
  if (date) await page.fill('#paste-date', date);
  await page.click('#add-pasted');
}

test('pasted articles become a stored story, compared, kept after a reload', async () => {
  const page = await newPage(env.browser, DESKTOP);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${env.server.url}#/library`);
  await page.view.locator('h1#library-title').waitFor();
  // Where the browser may still clear what it keeps, said on the page.
  assert.match(await page.locator('#eviction-note').innerText(), /Safari.*sette giorni.*Esporta/);
  await page.click('#new-story');
  await page.fill('#story-name', 'Incendio al porto di Genova');
  // An empty text is refused, with its message; nothing is pending.
  await page.click('#add-pasted');
  await page.locator('.messages .error').first().waitFor();
  assert.match(await page.locator('.messages .error').first().innerText(), /vuoto/);
  assert.ok(await page.locator('#nothing-pending').isVisible());
  await paste(page, AGENCY, 'AGI');
  await paste(page, DAILY, 'Il Secolo XIX', '2026-03-14');
  // The same text twice: said, and kept once.
  await paste(page, AGENCY, 'AGI');
  await page.locator('.messages .error', { hasText: 'già nella storia' }).waitFor();
  assert.equal(await page.locator('#pending > li').count(), 2);
  // The agency's date was read from its dateline, and says so.
  assert.match(await page.locator('#pending > li').first().innerText(), /2026-03-14.*dedotta dal testo/);
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/incendio-al-porto-di-genova$/);
  await page.view.locator('h1', { hasText: 'Incendio al porto di Genova' }).waitFor();
  assert.equal(await page.view.locator('li.card').count(), 2);
  await screenshot(page, 'library-story-overview-desktop');

  // Its side by side: the count agrees, the amounts conflict.
  await page.goto(`${env.server.url}#/s/incendio-al-porto-di-genova/compare`);
  await page.view.locator('h1').waitFor();
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  // The navigation stays in the story.
  const nav = await page.locator('nav.main-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(nav.includes('#/s/incendio-al-porto-di-genova/figures'), nav.join(' '));

  // A reload keeps it: stored, not in memory.
  await page.reload();
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  const records = await stored(page);
  const record = JSON.parse(records['incendio-al-porto-di-genova']);
  assert.equal(record.schema, 1);
  assert.deepEqual(record.articles.map((a) => a.meta.outlet), ['AGI', 'Il Secolo XIX']);
  assert.deepEqual(record.articles[0].inferred, ['date']);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('chosen files, in their encodings, several at once; markup stays text', async () => {
  const page = await newPage(env.browser, PHONE);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith(env.server.url)) requests.push(r.url()); });
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'File scelti');
  const latin1 = Buffer.from('Il comune ha speso 40.000 euro per la citt\xe0.', 'latin1');
  await page.setInputFiles('#choose-files', [
    { name: 'agenzia.txt', mimeType: 'text/plain', buffer: Buffer.from(AGENCY) },
    { name: 'latino.txt', mimeType: 'text/plain', buffer: latin1 },
    { name: 'immagine.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) },
    { name: 'vuoto.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
    { name: 'markup.txt', mimeType: 'text/plain', buffer: Buffer.from(PAYLOAD) },
  ]);
  await page.locator('#pending > li').nth(2).waitFor();
  await page.locator('.messages li', { hasText: 'vuoto.txt' }).waitFor();
  const said = await page.locator('.messages li').allInnerTexts();
  assert.ok(said.some((m) => /latino\.txt: convertito da Windows-1252/.test(m)), said.join('\n'));
  assert.ok(said.some((m) => /immagine\.txt: il file non è testo/.test(m)), said.join('\n'));
  assert.ok(said.some((m) => /vuoto\.txt: il file è vuoto/.test(m)), said.join('\n'));
  assert.equal(await page.locator('#pending > li').count(), 3);
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/file-scelti$/);
  // The markup is the reader's text, shown as text, never run.
  await page.goto(`${env.server.url}#/s/file-scelti/read/003`);
  await page.view.locator('.article-body').waitFor();
  // Its first line is its headline: shown as the characters it is.
  assert.match(await page.view.locator('h1').innerText(), /<script>alert\(1\)<\/script><img src=x onerror/);
  assert.equal(await page.locator('main img, main iframe, main svg script').count(), 0);
  await page.goto(`${env.server.url}#/s/file-scelti/read/002`);
  await page.view.locator('.article-body', { hasText: 'città' }).waitFor();
  await screenshot(page, 'library-reader-phone');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('delete and undo; a damaged record is reported and the rest still opens', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Da eliminare');
  await paste(page, DAILY, 'Il Secolo XIX');
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/da-eliminare$/);
  const before = await stored(page);
  // A record another version damaged, written beside it.
  await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const tx = open.result.transaction('stories', 'readwrite');
      tx.objectStore('stories').put('{"schema": 1, "id": "rotta", "name": ', 'rotta');
      tx.oncomplete = () => { open.result.close(); ok(); };
    };
  }));
  await page.reload();
  await page.goto(`${env.server.url}#/library`);
  await page.locator('.damaged li', { hasText: 'rotta' }).waitFor();
  assert.ok(await page.locator('.story-item[data-story="da-eliminare"]').isVisible());
  const del = page.locator('.story-item[data-story="da-eliminare"] button.danger');
  await del.click();
  await page.locator('#undo-delete').waitFor();
  assert.equal(await page.locator('.story-item[data-story="da-eliminare"]').count(), 0);
  assert.equal((await stored(page))['da-eliminare'], undefined);
  // Undo puts it back as it was, byte for byte.
  await page.click('#undo-delete');
  await page.locator('.story-item[data-story="da-eliminare"]').waitFor();
  assert.equal((await stored(page))['da-eliminare'], before['da-eliminare']);
  // Deleted for good: its address says the story is not there.
  await del.click();
  await page.locator('#undo-delete').waitFor();
  await page.goto(`${env.server.url}#/s/da-eliminare/compare`);
  await page.view.locator('h1', { hasText: 'Storia non trovata' }).waitFor();
  // The damaged record is still there, untouched, for export.
  assert.equal((await stored(page)).rotta, '{"schema": 1, "id": "rotta", "name": ');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an anchor address (/#main) gives the overview, not an error', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#main`);
  await page.view.locator('h1#overview-title').waitFor();
  assert.match(page.url(), /#\/$/);
  // And typed while the app runs.
  await page.goto(`${env.server.url}#/figures`);
  await page.view.locator('h1').waitFor();
  await page.evaluate(() => { location.hash = 'main'; });
  await page.waitForURL(/#\/$/);
  await page.view.locator('h1#overview-title').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// A Markdown note with front matter and a page saved from a browser, with
// its site's chrome and a set of script payloads.
const NOTE = `---
outlet: Il Foglio
date: 2026-03-15
url: https://example.org/porto
author: Redazione
---
# Genova, il giorno dopo l'incendio

I danni al deposito sono stimati in **4 milioni di euro**; i 120 lavoratori evacuati sono rientrati.
`;
const PAGE = `<!doctype html><html lang="it"><head><title>Porto, la conta dei danni</title>
<meta property="og:site_name" content="Il Gazzettino del Porto">
<script>alert('head')</script><style>body{background:url(javascript:alert(9))}</style></head>
<body onload="alert('load')"><nav><a href="/">Home</a> | <a href="/cronaca">Cronaca</a></nav>
<article><h1>Porto, la conta dei danni</h1>
<p>I danni al deposito del porto di Genova sono stimati in 6 milioni di euro, secondo la relazione dei periti consegnata ieri all'Autorità portuale.</p>
<p>I 120 lavoratori evacuati durante l'incendio sono tornati al lavoro questa mattina; il deposito resterà chiuso per almeno due settimane.</p>
<img src=x onerror="alert('img')"><iframe srcdoc="<script>alert('frame')</script>"></iframe><svg><script>alert('svg')</script></svg>
<a href="javascript:alert('link')">condividi</a></article>
<footer>© 2026 Il Gazzettino del Porto · Privacy · Cookie</footer></body></html>`;

/** The file a click downloads, as text. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await download.path(), 'utf8');
}

test('Markdown with front matter, a saved web page, an export; the library exported, cleared and imported is the same', async () => {
  const page = await newPage(env.browser, DESKTOP);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith(env.server.url)) requests.push(r.url()); });
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Formati diversi');
  await page.setInputFiles('#choose-files', [
    { name: 'nota.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) },
    { name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
  ]);
  await page.locator('#pending > li').nth(1).waitFor();
  const pending = await page.locator('#pending > li').allInnerTexts();
  assert.match(pending[0], /Il Foglio · 2026-03-15/);
  assert.match(pending[1], /Il Gazzettino del Porto/);
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/formati-diversi$/);
  // The page's article only: no chrome, no markup, nothing run.
  await page.goto(`${env.server.url}#/s/formati-diversi/read/002`);
  await page.view.locator('.article-body', { hasText: '6 milioni di euro' }).waitFor();
  const body = await page.view.locator('.article-body').innerText();
  assert.doesNotMatch(body, /alert|Cookie|Home \| Cronaca/);
  // The two amounts conflict in the side by side.
  await page.goto(`${env.server.url}#/s/formati-diversi/compare`);
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });

  // The whole library out, the story deleted, the file back in: the same record.
  await page.goto(`${env.server.url}#/library`);
  const before = await stored(page);
  const file = await downloaded(page, '#export-library');
  assert.equal(JSON.parse(file).format, 'synoptic-library');
  await page.locator('.story-item[data-story="formati-diversi"] button.danger').click();
  await page.locator('#undo-delete').waitFor();
  assert.equal((await stored(page))['formati-diversi'], undefined);
  await page.setInputFiles('#import-library', { name: 'synoptic-library.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('.notice.ok', { hasText: 'Storie importate' }).waitFor();
  assert.deepEqual(await stored(page), before);
  // Imported again: nothing changes, and it says so.
  await page.setInputFiles('#import-library', { name: 'synoptic-library.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('.notice.ok', { hasText: 'Già nella raccolta' }).waitFor();
  assert.deepEqual(await stored(page), before);
  // A file that is not an export, or of a newer version: refused, nothing stored changes.
  for (const [buffer, said] of [
    [Buffer.from('{"stories": 1}'), /non è una raccolta esportata/],
    [Buffer.from('{"format":"synoptic-library","version":9,"stories":[]}'), /versione più recente/],
    [Buffer.from('\x00\x01{'), /JSON/],
  ]) {
    await page.setInputFiles('#import-library', { name: 'altro.json', mimeType: 'application/json', buffer });
    await page.locator('.notice.error', { hasText: said }).waitFor();
    assert.deepEqual(await stored(page), before);
  }
  // The export's articles, chosen as files of a new story.
  await page.click('#new-story');
  await page.fill('#story-name', 'Dalla raccolta');
  await page.setInputFiles('#choose-files', { name: 'synoptic-library.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('#pending > li').nth(1).waitFor();
  assert.equal(await page.locator('#pending > li').count(), 2);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a story is analysed in the worker with its progress shown; if the worker fails the view says so and tries again', async () => {
  const page = await newPage(env.browser, { ...DESKTOP, serviceWorkers: 'block' });
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Analisi');
  await paste(page, AGENCY, 'AGI');
  await paste(page, DAILY, 'Il Secolo XIX');
  await page.locator('#pending > li').nth(1).waitFor();
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/analisi$/);
  await page.view.locator('li.card').first().waitFor();
  // A new page of the same browser, whose worker cannot load its module,
  // and the analysis the first page kept dropped.
  await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const tx = open.result.transaction('analyses', 'readwrite');
      tx.objectStore('analyses').clear();
      tx.oncomplete = () => { open.result.close(); ok(); };
    };
  }));
  await page.context().route(/synoptic-worker-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 503, body: 'down' }));
  const broken = await page.context().newPage();
  await broken.goto(`${env.server.url}#/s/analisi/compare`);
  await broken.locator('[role="alert"] h1', { hasText: 'L’analisi della storia non è riuscita' }).waitFor();
  await page.context().unroute(/synoptic-worker-[0-9a-f]+_bg\.wasm$/);
  await broken.click('#analysis-retry');
  await broken.locator('main mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  await page.context().close();
});

test("a story's analysis is kept with it: after a reload its views open without the worker, and again after its articles change", async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Tenuta');
  await paste(page, AGENCY, 'AGI');
  await paste(page, DAILY, 'Il Secolo XIX');
  await page.locator('#pending > li').nth(1).waitFor();
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/tenuta$/);
  await page.goto(`${env.server.url}#/s/tenuta/compare`);
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  // The analysis is in the database, beside the story.
  const kept = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('analyses').objectStore('analyses').get('tenuta');
      get.onsuccess = () => { ok({ version: db.version, key: get.result && get.result.key, bytes: get.result && get.result.bytes.length }); db.close(); };
    };
  }));
  assert.equal(kept.version, 2);
  assert.match(kept.key, /^[0-9a-f]{16}:[0-9a-f]{16}$/);
  assert.ok(kept.bytes > 1000, `${kept.bytes} bytes`);
  // A reload: the same view, and no worker started for it.
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.reload();
  await page.view.locator('mark.fig.v-conflict').first().waitFor({ state: 'attached' });
  assert.deepEqual(workers, []);
  // An article more: analysed again.
  await page.goto(`${env.server.url}#/library`);
  await page.locator('.story-item[data-story="tenuta"] button', { hasText: 'Aggiungi articoli' }).click();
  await paste(page, 'Genova, 15 marzo 2026. Il giorno dopo il rogo i danni restano stimati in 5 milioni di euro.', 'ANSA');
  await page.locator('#pending > li').first().waitFor();
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/tenuta$/);
  await page.view.locator('li.card').nth(2).waitFor();
  assert.equal(workers.length, 1, workers.join(', '));
  // Deleted: its analysis goes with it.
  await page.goto(`${env.server.url}#/library`);
  await page.locator('.story-item[data-story="tenuta"] button.danger').click();
  await page.locator('#undo-delete').waitFor();
  const left = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const get = open.result.transaction('analyses').objectStore('analyses').get('tenuta');
      get.onsuccess = () => { ok(get.result === undefined); open.result.close(); };
    };
  }));
  assert.ok(left, 'the analysis of a deleted story is dropped');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a library stored by the first version of the database opens, migrated, with nothing lost', async () => {
  const page = await newPage(env.browser, DESKTOP);
  // What version 1 wrote: one store, a record under its id, written from a
  // page of the same origin without the app (which would open version 2).
  const setup = await page.context().newPage();
  await setup.goto(`${env.server.url}manifest.webmanifest`);
  const record = JSON.stringify({
    schema: 1, id: 'vecchia', name: 'Dalla versione 1',
    articles: [{ name: 'a.txt', text: DAILY, meta: { outlet: 'Il Secolo XIX', date: '2026-03-14' }, inferred: [] }],
  });
  await setup.evaluate((raw) => new Promise((ok, no) => {
    indexedDB.deleteDatabase('synoptic').onsuccess = () => {
      const open = indexedDB.open('synoptic', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('stories');
      open.onerror = () => no(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('stories', 'readwrite');
        tx.objectStore('stories').put(raw, 'vecchia');
        tx.oncomplete = () => { open.result.close(); ok(); };
      };
    };
  }), record);
  await setup.close();
  await page.goto(`${env.server.url}#/library`);
  await page.locator('.story-item[data-story="vecchia"]').waitFor();
  const after = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('synoptic');
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('stories').objectStore('stories').get('vecchia');
      get.onsuccess = () => { ok({ version: db.version, stores: [...db.objectStoreNames], raw: get.result }); db.close(); };
    };
  }));
  assert.equal(after.version, 2);
  assert.deepEqual(after.stores, ['analyses', 'stories']);
  assert.equal(after.raw, record, 'the stored record is untouched');
  await page.goto(`${env.server.url}#/s/vecchia/read/001`);
  await page.view.locator('.article-body', { hasText: '5 milioni di euro' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('storage refused or full: the page says so, the embedded story works, nothing stored changes', async () => {
  // A browser that gives no database (some private modes).
  const refused = await newPage(env.browser, DESKTOP);
  await refused.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
  });
  await refused.goto(`${env.server.url}#/library`);
  await refused.locator('#storage-unavailable').waitFor();
  assert.match(await refused.locator('#storage-unavailable').innerText(), /non/i);
  await refused.goto(`${env.server.url}#/compare`);
  await refused.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.deepEqual(refused.errors, []);
  await refused.context().close();

  // A full one: the story is not saved, the reader is told, the draft stays.
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/library`);
  await page.click('#new-story');
  await page.fill('#story-name', 'Piena');
  await paste(page, AGENCY, 'AGI');
  await page.locator('#pending > li').first().waitFor();
  const before = await stored(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function put() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.click('#save-story');
  await page.locator('.messages .error', { hasText: 'memoria del browser per questo sito è piena' }).waitFor();
  assert.equal(await page.locator('#pending > li').count(), 1, 'the draft is kept');
  assert.deepEqual(await stored(page), before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a story renamed, its metadata edited (no longer marked inferred) and an article moved to another story', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#/library`);
  for (const [name, texts] of [['Prima', [[AGENCY, 'AGI'], [DAILY, 'Il Secolo XIX']]], ['Seconda', [[PAYLOAD, 'Ignota']]]]) {
    await page.click('#new-story');
    await page.fill('#story-name', name);
    for (const [text, outlet] of texts) await paste(page, text, outlet);
    await page.locator('#pending > li').nth(texts.length - 1).waitFor();
    await page.click('#save-story');
    await page.waitForURL(/#\/s\//);
    await page.goto(`${env.server.url}#/library`);
  }
  await page.locator('.story-item[data-story="prima"] .edit-story').click();
  await page.fill('#edit-name', 'Incendio a Genova');
  await page.fill('#edit-outlet-0', 'Agenzia Italia');
  await page.fill('#edit-date-0', '2026-03-15');
  await page.fill('#edit-author-0', 'Redazione');
  await page.selectOption('#edit-kind-0', 'agency');
  await page.click('#save-edits');
  await page.locator('.story-item[data-story="prima"] a', { hasText: 'Incendio a Genova' }).waitFor();
  let record = JSON.parse((await stored(page)).prima);
  assert.equal(record.name, 'Incendio a Genova');
  assert.deepEqual(
    [record.articles[0].meta.outlet, record.articles[0].meta.date, record.articles[0].meta.author, record.articles[0].meta.kind],
    ['Agenzia Italia', '2026-03-15', 'Redazione', 'agency'],
  );
  assert.deepEqual(record.articles[0].inferred, [], 'the date is the reader’s now');
  assert.equal(record.articles[0].text, AGENCY);
  // The second article goes to the other story.
  await page.locator('.story-item[data-story="prima"] .edit-story').click();
  await page.selectOption('#edit-move-1', 'seconda');
  await page.locator('.story-editor').waitFor({ state: 'detached' });
  const all = await stored(page);
  record = JSON.parse(all.prima);
  const other = JSON.parse(all.seconda);
  assert.equal(record.articles.length, 1);
  assert.equal(other.articles.length, 2);
  assert.equal(other.articles[1].text, DAILY);
  // The edited story's views show the new outlet.
  await page.goto(`${env.server.url}#/s/prima`);
  await page.view.locator('li.card', { hasText: 'Agenzia Italia' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Imports a story of one article per text, outlets `Testata 1`, `Testata
// 2`…, as a library export, and opens its side by side.
async function importOutlets(page, id, name, texts) {
  await page.goto(`${env.server.url}#/library`);
  const articles = texts.map((text, i) => ({
    name: `a${i + 1}.txt`,
    text,
    meta: { outlet: `Testata ${i + 1}` },
    inferred: [],
  }));
  const file = JSON.stringify({ format: 'synoptic-library', version: 1, stories: [{ schema: 1, id, name, articles }] });
  await page.setInputFiles('#import-library', { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator(`.story-item[data-story="${id}"]`).waitFor();
  await page.goto(`${env.server.url}#/s/${id}/compare`);
}

test('a story of many outlets opens its side by side on the first six, and says so', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await importOutlets(page, 'otto', 'Otto testate', Array.from({ length: 8 }, (_, i) =>
    `Genova, 14 marzo 2026 – Nel rogo del deposito i danni sono stimati in ${i + 2} milioni di euro; evacuati 120 lavoratori (fonte ${i + 1}).`));
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.match(await page.view.locator('#outlets-capped').innerText(), /^6 \/ 8/);
  assert.equal(await page.view.locator('.sbs-head .sbs-col-head').count(), 6);
  await page.view.locator('label', { hasText: 'Testata 8' }).click();
  await page.waitForURL(/#\/s\/otto\/compare\/.*008/);
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  assert.equal(await page.view.locator('.sbs-head .sbs-col-head').count(), 7);
  assert.equal(await page.view.locator('#outlets-capped').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a story of more outlets than the page can hide builds only the chosen outlets\' cells and rows', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await importOutlets(page, 'venti', 'Venti testate', Array.from({ length: 20 }, (_, i) => (i % 2 === 0
    ? `Genova, 14 marzo 2026 – Nel rogo del deposito i danni sono stimati in ${i + 2} milioni di euro (fonte ${i + 1}).`
    : `Genova, 14 marzo 2026 – La Regione ha stanziato ${i + 30} milioni per le famiglie colpite dall'alluvione (fonte ${i + 1}).`)));
  const rows = page.view.locator('.sbs-rows[aria-busy="false"]');
  await rows.waitFor();
  const cellsPerRow = () => page.view.locator('.sbs-row').evaluateAll((rs) => rs.map((r) => r.querySelectorAll('.cell').length));
  const counts = await cellsPerRow();
  assert.ok(counts.length > 0);
  assert.deepEqual([...new Set(counts)], [6]);
  assert.equal(await page.view.locator('.sbs-row[hidden], .cell[hidden]').count(), 0);
  await page.view.locator('label', { hasText: 'Testata 18' }).click();
  await page.waitForURL(/#\/s\/venti\/compare\/.*018/);
  await rows.waitFor();
  assert.deepEqual([...new Set(await cellsPerRow())], [7]);
  assert.equal(await page.view.locator('.sbs-row .cell[data-outlet="018"]').count() > 0, true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('near-identical statements whose figures differ are shown in conflict, the figures named', async () => {
  const page = await newPage(env.browser, DESKTOP);
  await importOutlets(page, 'tre', 'Tre testate', [2, 3, 4].map((n) =>
    `Genova, 14 marzo 2026 – Nel rogo del deposito i danni sono stimati in ${n} milioni di euro secondo i vigili del fuoco.`));
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
  const row = page.view.locator('.sbs-row.v-conflict', { hasText: 'danni' });
  await row.first().waitFor();
  assert.match(await row.first().innerText(), /2 milioni di euro \(001\) contro 3 milioni di euro \(002\)/);
  // Not "same", whatever the wording.
  assert.equal(await page.view.locator('.sbs-row.v-same', { hasText: 'danni' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('while a story is analysed, the articles done so far are shown with their figures', async () => {
  const page = await newPage(env.browser, DESKTOP);
  const dir = new URL('../../crates/core/tests/data/news/', import.meta.url);
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((f) => readFile(new URL(f, dir), 'utf8')));
  await page.goto(`${env.server.url}#/library`);
  const articles = texts.map((text, i) => ({ name: `a${i + 1}.txt`, text, meta: { outlet: `Testata ${i + 1}` }, inferred: [] }));
  const file = JSON.stringify({ format: 'synoptic-library', version: 1, stories: [{ schema: 1, id: 'lunga', name: 'Lunga', articles }] });
  await page.setInputFiles('#import-library', { name: 'lunga.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('.story-item[data-story="lunga"]').waitFor();
  // Every state of the list the page shows, as it shows it.
  await page.evaluate(() => {
    window.__states = [];
    const look = () => {
      const items = [...document.querySelectorAll('#analysed-so-far > li')];
      if (!items.length) return;
      const last = items[items.length - 1];
      window.__states.push({
        n: items.length,
        ids: items.map((li) => li.dataset.article),
        figures: last.querySelector('.analysed-count').dataset.figures,
        text: last.innerText,
        total: document.querySelector('#analysed-so-far-total').innerText,
      });
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    location.hash = '#/s/lunga/compare';
  });
  await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor({ timeout: 60000 });
  const states = await page.evaluate(() => window.__states);
  const total = texts.length;
  assert.ok(states.some((s) => s.n > 0 && s.n < total), `no state between none and all: ${states.map((s) => s.n)}`);
  // Articles come in the story's order, each once, and only ever added.
  for (let k = 1; k < states.length; k++) assert.ok(states[k].n >= states[k - 1].n);
  const all = states[states.length - 1].ids;
  assert.deepEqual(all, [...new Set(all)]);
  assert.deepEqual(all, all.map((_, i) => String(i + 1).padStart(3, '0')));
  const first = states.find((s) => s.n === 1);
  if (first) {
    assert.match(first.text, /Testata 1 — \d+ cifr[ae]/);
    assert.match(first.total, /^\d+ cifr[ae] in 1 articolo finora$/);
  }
  assert.ok(states.every((s) => /^\d+$/.test(s.figures)));
  // The finished story replaces the list.
  assert.equal(await page.locator('#analysed-so-far').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
