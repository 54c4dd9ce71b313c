// The reader's own stories: pasted and chosen texts become a story kept in
// the browser's database, compared like the embedded one, there again after
// a reload; bad input gets its message and changes nothing stored; delete
// can be undone; pasted markup is only ever text; an address that is an
// anchor (`/#main`) or a deleted story gives a view, never an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, newPage, screenshot, PHONE, DESKTOP } from './harness.mjs';

const env = servedBrowser();

// Two short reports of one (invented) event, in the styles of an agency
// and a daily: the same count, a different amount.
const AGENCY = `Incendio nel porto di Genova, evacuati 120 lavoratori

(AGI) - Genova, 14 mar 2026 - Un incendio è divampato questa mattina in un deposito del porto di Genova. Sono stati evacuati 120 lavoratori. I danni sono stimati in 3 milioni di euro, secondo l'Autorità portuale.`;
const DAILY = `Rogo al porto, danni per 5 milioni

Genova, 14 marzo 2026. Le fiamme hanno avvolto un deposito dello scalo genovese: 120 lavoratori sono stati fatti uscire. Secondo i vigili del fuoco i danni ammontano a 5 milioni di euro.`;
const PAYLOAD = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><svg><script>alert(4)</script></svg><iframe srcdoc="<script>alert(5)</script>"></iframe>
Un testo con 7 persone e marcatori.`;

/** What is stored in the library's database, as the page reads it. */
async function stored(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const open = indexedDB.open('synoptic');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('stories')) { db.close(); ok({}); return; }
      const tx = db.transaction('stories', 'readonly');
      const out = {};
      const cursor = tx.objectStore('stories').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c) { out[c.key] = c.value; c.continue(); } else { db.close(); ok(out); }
      };
    };
  }));
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
  assert.ok(said.some((m) => /immagine\.txt: Non è un testo/.test(m)), said.join('\n'));
  assert.ok(said.some((m) => /vuoto\.txt: Il testo è vuoto/.test(m)), said.join('\n'));
  assert.equal(await page.locator('#pending > li').count(), 3);
  await page.click('#save-story');
  await page.waitForURL(/#\/s\/file-scelti$/);
  // The markup is the reader's text, shown as text, never run.
  await page.goto(`${env.server.url}#/s/file-scelti/read/003`);
  await page.view.locator('h1').waitFor();
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
