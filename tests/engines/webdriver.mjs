// The three browser engines, driven the same way through WebDriver: Chromium
// (chromedriver), Firefox ESR (geckodriver) and WebKitGTK, the engine of
// Safari (WebKitWebDriver with its MiniBrowser). Each driver is started here
// on a free port and spoken to through selenium-webdriver's HTTP executor, so
// that no driver or browser is ever fetched: all three come from the machine.
//
// `Page` is the small vocabulary the scenarios are written in (go to, wait
// for, click, type, press, read, evaluate, screenshot); everything a
// scenario asks of a page goes through it, so one scenario runs in each
// engine unchanged.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { WebDriver, Key } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { FLAGS } from '../e2e/harness.mjs';

export { Key };

/** The first `name` among the PATH's folders. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Where each engine's pieces are on a Debian machine, overridable by the
 * environment. */
const PATHS = {
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromedriver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
  firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  geckodriver: process.env.GECKODRIVER ?? onPath('geckodriver') ?? join(process.env.HOME ?? '', '.cargo/bin/geckodriver'),
  webkitdriver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
  minibrowser: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
};

/** Chromium through chromedriver, headless, Italian, off the network, with
 * `extra` flags. */
function chromium(name, extra = []) {
  return {
    name,
    needs: [PATHS.chromium, PATHS.chromedriver],
    driver: (port) => [PATHS.chromedriver, [`--port=${port}`]],
    capabilities: (profile) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: PATHS.chromium,
        args: ['--headless=new', ...FLAGS, `--user-data-dir=${profile}`, '--lang=it-IT', '--window-size=1280,900', ...extra],
        prefs: { 'intl.accept_languages': 'it-IT,it' },
      },
    }),
  };
}

/** Firefox through geckodriver: headless, Italian, off the network; in a
 * private window when `priv`, with a dark theme when `dark`. */
function firefox(name, { priv = false, dark = false } = {}) {
  return {
    name,
    needs: [PATHS.firefox, PATHS.geckodriver],
    driver: (port) => [PATHS.geckodriver, ['--port', String(port), '--log', 'error']],
    capabilities: (profile) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: PATHS.firefox,
        args: ['-headless', '-profile', profile, '--width=1280', '--height=900'],
        prefs: {
          'intl.accept_languages': 'it-IT, it',
          // Off the network: no updates, telemetry, safe-browsing lists or
          // captive-portal checks.
          'app.update.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'extensions.update.enabled': false,
          'toolkit.telemetry.enabled': false,
          'browser.privatebrowsing.autostart': priv,
          // Web content's colour scheme: 0 dark, 2 the system's.
          'layout.css.prefers-color-scheme.content-override': dark ? 0 : 2,
        },
      },
    }),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, with `extra` arguments.
 * It has no headless mode: it draws on a virtual display (Xvfb), started
 * by `startDisplay`. */
function webkit(name, extra = []) {
  return {
    name,
    needs: [PATHS.webkitdriver, PATHS.minibrowser, PATHS.xvfb],
    display: true,
    driver: (port) => [PATHS.webkitdriver, [`--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: PATHS.minibrowser,
        args: ['--automation', ...extra],
      },
    }),
  };
}

/** Each engine, and its variants: with a dark system theme
 * (prefers-color-scheme: dark), and in private browsing (storage that lasts
 * until the window closes, as readers who browse privately have it). An
 * engine is its driver's command line and the capabilities of a new
 * session, given a fresh profile directory. */
export const ENGINES = {
  chromium: chromium('Chromium'),
  'chromium-dark': chromium('Chromium (dark theme)', ['--force-dark-mode']),
  firefox: firefox('Firefox'),
  'firefox-dark': firefox('Firefox (dark theme)', { dark: true }),
  'firefox-private': firefox('Firefox (private window)', { priv: true }),
  webkit: webkit('WebKit'),
  'webkit-dark': webkit('WebKit (dark theme)', ['--dark-mode']),
  'webkit-private': webkit('WebKit (private browsing)', ['--private']),
};

/** The engines whose pieces are on this machine, and why the others are not. */
export function available() {
  const ok = [];
  const missing = [];
  for (const [key, e] of Object.entries(ENGINES)) {
    const absent = e.needs.filter((p) => !existsSync(p));
    if (absent.length === 0) ok.push(key);
    else missing.push(`${e.name}: ${absent.join(', ')} not found`);
  }
  return { ok, missing };
}

async function freePort() {
  const srv = createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

/** A process started here, ended by its own id. */
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  child.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
  child.on('error', (e) => { err += String(e); });
  return { child, stderr: () => err, stop: () => { if (child.exitCode === null) child.kill('SIGTERM'); } };
}

let display = null;

/** A virtual X display for engines that need one: started once, on a free
 * display number. */
async function startDisplay() {
  if (display) return display.name;
  for (let n = 90; n < 130; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = start(PATHS.xvfb, [`:${n}`, '-screen', '0', '1400x1000x24', '-nolisten', 'tcp']);
    for (let k = 0; k < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); k++) {
      if (proc.child.exitCode !== null) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    if (existsSync(`/tmp/.X11-unix/X${n}`)) {
      display = { name: `:${n}`, proc };
      return display.name;
    }
    proc.stop();
  }
  throw new Error('no virtual display could be started');
}

/** Folders of files chosen in file inputs, removed by `stopDisplay`. */
const chosen = [];

/** Ends the virtual display, if one was started, and removes the files the
 * pages were given. */
export async function stopDisplay() {
  display?.proc.stop();
  display = null;
  for (const dir of chosen.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Waits until the driver at `url` answers its status. */
async function ready(url, proc) {
  for (let k = 0; k < 100; k++) {
    if (proc.child.exitCode !== null) throw new Error(`driver exited: ${proc.stderr()}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`driver did not start: ${proc.stderr()}`);
}

/** A browser of `engine` in a fresh profile, at desktop size; `quit()` ends
 * the browser and its driver. */
export async function open(engine) {
  const e = ENGINES[engine];
  const env = {};
  if (e.display) env.DISPLAY = await startDisplay();
  // Italian is the interface the scenarios start in, as on an Italian machine.
  env.LANG = 'it_IT.UTF-8';
  env.LANGUAGE = 'it';
  const port = await freePort();
  const [cmd, args] = e.driver(port);
  const proc = start(cmd, args, env);
  const url = `http://127.0.0.1:${port}`;
  await ready(url, proc);
  const profile = await mkdtemp(join(tmpdir(), `synoptic-${engine}-`));
  const driver = await WebDriver.createSession(new Executor(new HttpClient(url)), e.capabilities(profile));
  const caps = await driver.getCapabilities();
  const version = caps.get('browserVersion') ?? caps.get('version') ?? '';
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  return {
    engine,
    name: e.name,
    version,
    driver,
    page: (base) => new Page(driver, engine, base),
    quit: async () => {
      try {
        await driver.quit();
      } finally {
        proc.stop();
        // The browser may still be writing to its profile as it exits.
        await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
      }
    },
  };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** What the scenarios ask of a page, the same in every engine. Selectors are
 * CSS; `text` filters by a regular expression on an element's text. Views
 * once built stay in the page, hidden: `view(css)` looks inside the one
 * shown. */
export class Page {
  constructor(driver, engine, base) {
    this.driver = driver;
    this.engine = engine;
    this.base = base;
  }

  /** Runs `fn` in the page with `args` (a function's source, as WebDriver
   * sends it). */
  eval(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Runs an async `fn` in the page and resolves to its result. */
  evalAsync(fn, ...args) {
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
         .then((v) => done({ ok: v }), (e) => done({ error: String(e) }));`,
      ...args,
    ).then((r) => {
      if (r && 'error' in r) throw new Error(r.error);
      return r?.ok;
    });
  }

  /** Polls `fn` in the page until it returns something truthy. */
  async until(fn, args = [], what = String(fn), timeout = 20000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.eval(fn, ...args);
        if (last) return last;
      } catch (e) {
        // A navigation in progress: try again.
        last = e;
      }
      if (Date.now() > end) throw new Error(`${this.engine}: timed out waiting for ${what} (${last})`);
      await sleep(50);
    }
  }

  /** Opens `hash` (or a full address) and waits for the app to be on screen. */
  async goto(where = '') {
    const url = /^[a-z]+:/.test(where) ? where : `${this.base}${where}`;
    await this.driver.get(url);
    await this.appReady();
  }

  /** A reader's reload. (WebDriver's own refresh is a forced reload in
   * Firefox, which bypasses the service worker.) */
  async reload() {
    await this.eval(() => {
      document.documentElement.removeAttribute('data-app');
      setTimeout(() => location.reload(), 0);
    });
    await this.appReady();
  }

  appReady() {
    return this.until(() => document.documentElement.dataset.app === 'ready', [], 'the app to mount');
  }

  /** The current address. */
  url() {
    return this.driver.getCurrentUrl();
  }

  async waitUrl(re) {
    const end = Date.now() + 20000;
    for (;;) {
      const u = await this.url();
      if (re.test(u)) return u;
      if (Date.now() > end) throw new Error(`${this.engine}: address ${u} never matched ${re}`);
      await sleep(50);
    }
  }

  /** Waits for an element matching `css` (and `text`, a RegExp source) to
   * exist; within the shown view when `inView`. */
  waitFor(css, { text = null, inView = false, visible = false, timeout = 20000 } = {}) {
    return this.until(find, [css, text, inView, visible], `${css}${text ? ` /${text}/` : ''}`, timeout);
  }

  view(css, opts = {}) {
    return this.waitFor(css, { ...opts, inView: true });
  }

  /** How many elements match `css` (in the shown view when `inView`). */
  count(css, { inView = false } = {}) {
    return this.eval(count, css, inView);
  }

  /** The text of the first element matching `css` (and `text`). */
  async text(css, opts = {}) {
    await this.waitFor(css, opts);
    return this.eval((css, text, inView) => {
      const el = window.__synopticFind(css, text, inView);
      return el ? el.innerText : null;
    }, css, opts.text ?? null, Boolean(opts.inView));
  }

  attr(css, name, opts = {}) {
    return this.waitFor(css, opts).then(() => this.eval((css, text, inView, name) => {
      const el = window.__synopticFind(css, text, inView);
      return el ? el.getAttribute(name) : null;
    }, css, opts.text ?? null, Boolean(opts.inView), name));
  }

  /** The element itself, for WebDriver's own click and keys. */
  async element(css, opts = {}) {
    await this.waitFor(css, opts);
    const el = await this.eval((css, text, inView) => {
      const el = window.__synopticFind(css, text, inView);
      el?.scrollIntoView({ block: 'center' });
      return el;
    }, css, opts.text ?? null, Boolean(opts.inView));
    if (!el) throw new Error(`${this.engine}: no ${css}`);
    return el;
  }

  /** A real click (WebDriver's), in the middle of the element. */
  async click(css, opts = {}) {
    const el = await this.element(css, { ...opts, visible: true });
    await el.click();
  }

  /** Types `value` into a text field (replacing what is there). Long texts
   * are set at once and announced with an input event, as a paste does. */
  async fill(css, value) {
    const el = await this.element(css);
    await this.eval((el, value) => {
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, el, value);
  }

  /** Chooses files in a file input: each `{ name, content }` is written to a
   * fresh folder and its path typed into the input, as WebDriver does. */
  async choose(css, files) {
    const dir = await mkdtemp(join(tmpdir(), 'synoptic-files-'));
    chosen.push(dir);
    const paths = [];
    for (const f of files) {
      const p = join(dir, f.name);
      await writeFile(p, f.content);
      paths.push(p);
    }
    const el = await this.element(css);
    await el.sendKeys(paths.join('\n'));
  }

  /** Keys pressed on whatever has the focus. */
  async press(...keys) {
    const actions = this.driver.actions({ async: true });
    for (const k of keys) actions.sendKeys(k);
    await actions.perform();
  }

  /** The id of the focused element. */
  focused() {
    return this.eval(() => document.activeElement?.id ?? '');
  }

  async setSize({ width, height }) {
    await this.driver.manage().window().setRect({ width, height });
  }

  /** A screenshot of the window, saved as `dir/name.png`. */
  async screenshot(dir, name) {
    await mkdir(dir, { recursive: true });
    const png = await this.driver.takeScreenshot();
    await writeFile(join(dir, `${name}.png`), Buffer.from(png, 'base64'));
  }
}

// Helpers defined in the page on first use (a function's source is all
// WebDriver can send).
function find(css, text, inView, visible) {
  if (!window.__synopticFind) {
    window.__synopticFind = (css, text, inView) => {
      const scope = inView ? document.querySelector('main > .view:not([hidden])') : document;
      if (!scope) return null;
      const re = text ? new RegExp(text) : null;
      for (const el of scope.querySelectorAll(css)) {
        if (!re || re.test(el.textContent)) return el;
      }
      return null;
    };
  }
  const el = window.__synopticFind(css, text, inView);
  if (!el) return false;
  if (!visible) return true;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

function count(css, inView) {
  const scope = inView ? document.querySelector('main > .view:not([hidden])') : document;
  return scope ? scope.querySelectorAll(css).length : 0;
}
