// Regenerates the screenshots of the README: `node tests/e2e/docs-shots.mjs`
// after `cargo xtask build`.
import { serveStatic, launch, newPage, reveal, DESKTOP } from './harness.mjs';

const server = await serveStatic();
const browser = await launch();
const page = await newPage(browser, DESKTOP);
await page.goto(`${server.url}#/compare`);
await page.view.locator('.sbs-rows[aria-busy="false"]').waitFor();
const row = page.view.locator('.sbs-row:not([hidden])', { hasText: '227,9' });
await reveal(row);
await row.locator('mark.fig', { hasText: '227,9' }).focus();
await page.waitForTimeout(300);
await page.screenshot({ path: 'docs/compare.png' });
await page.goto(server.url);
await page.view.locator('.totals').waitFor();
await page.screenshot({ path: 'docs/overview.png', fullPage: true });
await browser.close();
await server.close();
