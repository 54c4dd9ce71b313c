// What the browser tests of both suites (tests/e2e/ in Chromium through
// Playwright, tests/engines/ in every engine through WebDriver) give the
// app and read back from it.

// Two short reports of one (invented) event, in the styles of an agency
// and a daily: the same count, a different amount.
export const AGENCY = `Incendio nel porto di Genova, evacuati 120 lavoratori

(AGI) - Genova, 14 mar 2026 - Un incendio è divampato questa mattina in un deposito del porto di Genova. Sono stati evacuati 120 lavoratori. I danni sono stimati in 3 milioni di euro, secondo l'Autorità portuale.`;
export const DAILY = `Rogo al porto, danni per 5 milioni

Genova, 14 marzo 2026. Le fiamme hanno avvolto un deposito dello scalo genovese: 120 lavoratori sono stati fatti uscire. Secondo i vigili del fuoco i danni ammontano a 5 milioni di euro.`;
// Script payloads in every place markup can run from.
export const PAYLOAD = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><svg><script>alert(4)</script></svg><iframe srcdoc="<script>alert(5)</script>"></iframe>
Un testo con 7 persone e marcatori.`;

/** Run in the page: what the library's database holds, record by key. */
export function readStories() {
  return new Promise((ok, no) => {
    const open = indexedDB.open('synoptic');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('stories')) { db.close(); ok({}); return; }
      const out = {};
      const cursor = db.transaction('stories', 'readonly').objectStore('stories').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c) { out[c.key] = c.value; c.continue(); } else { db.close(); ok(out); }
      };
    };
  });
}
