// The release bundle in every browser engine on the machine: Chromium,
// Firefox ESR and WebKit (WebKitGTK, Safari's engine), each driven through
// WebDriver, each running the same scenarios (`scenarios.mjs`). Screenshots
// of every view at phone and desktop widths land in
// tests/e2e/artifacts/engines/; what an engine lacks is printed as a note.
import { describe, test, before, after } from 'node:test';
import { join } from 'node:path';
import { serveStatic, artifacts } from '../e2e/harness.mjs';
import { available, open, stopDisplay } from './webdriver.mjs';
import { scenarios, italian } from './scenarios.mjs';

const shots = join(artifacts, 'engines');
// A variant runs what it changes: in private browsing, the reader's stories
// (the database lasts until the window closes) and offline use; with a dark
// system theme, the views' colours.
const PRIVATE = /own story|offline|payloads/;
const DARK = /^dark theme/;
const SUBSET = {
  'firefox-private': PRIVATE,
  'webkit-private': PRIVATE,
  'chromium-dark': DARK,
  'firefox-dark': DARK,
  'webkit-dark': DARK,
};
// The dark theme's scenario runs in the dark variants only.
const base = (name) => !DARK.test(name);
const { ok, missing } = available();
const only = process.env.ENGINES?.split(',').filter(Boolean);
const engines = only ? ok.filter((e) => only.includes(e)) : ok;
for (const m of missing) console.log(`# engine not on this machine: ${m}`);
if (process.env.ENGINES_REQUIRED === '1' && missing.length > 0) {
  throw new Error(`engines missing: ${missing.join('; ')}`);
}

after(() => stopDisplay());

for (const engine of engines) {
  describe(engine, () => {
    const cx = { engine, shots, notes: [] };
    let browser;
    before(async () => {
      browser = await open(engine);
      cx.note = (n) => cx.notes.push(n);
      console.log(`# ${browser.name} ${browser.version}`);
    });
    after(async () => {
      for (const n of cx.notes) console.log(`# ${browser?.name}: ${n}`);
      await browser?.quit();
    });
    for (const [name, run] of scenarios) {
      if (!(SUBSET[engine] ?? { test: base }).test(name)) continue;
      test(name, async () => {
        // A server of its own for each scenario, on a new port: a new origin,
        // so that nothing one scenario stored (stories, a service worker, the
        // language) helps or harms the next.
        cx.server = await serveStatic();
        try {
          await italian(browser.page(cx.server.url), cx);
          await run(browser.page(cx.server.url), cx);
        } finally {
          await cx.server.close();
        }
      });
    }
  });
}
