// Renders the app icons (PNG: the favicon, the sizes browsers ask for, a maskable
// one) from assets/icons/icon.svg with headless Chromium. Run once after
// changing the SVG: `node tools/icons.mjs`.
import { readFile } from 'node:fs/promises';
import { launch } from '../tests/e2e/harness.mjs';

const svg = await readFile(new URL('../assets/icons/icon.svg', import.meta.url), 'utf8');
const browser = await launch();
const page = await browser.newPage();
const render = async (size, maskable, file) => {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? Math.round(size * 0.72) : size;
  const bg = maskable ? '#1f4f8f' : 'transparent';
  await page.setContent(`<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${bg}">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`);
  await page.screenshot({ path: `assets/icons/${file}`, omitBackground: !maskable });
};
for (const size of [32, 192, 512]) await render(size, false, `icon-${size}.png`);
await render(512, true, 'icon-maskable-512.png');
await render(180, true, 'apple-touch-icon.png');
await browser.close();
