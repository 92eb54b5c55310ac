// Opens every .html file below a directory in headless Chromium (the Debian package, through playwright-core)
// and prints one JSON object on stdout: { browser, pages: [{ path, title, h1, headingVisible, tables, links,
// external: [href], broken: [href + reason], console: [error text] }] }.
// A link is broken when its file does not exist or its #fragment names no element of the target page.
// Usage: node check-html.mjs <directory> [screenshot.png of index.html]   (CHROMIUM overrides /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = process.argv[2];
const screenshot = process.argv[3];
const htmlFiles = (dir) => readdirSync(dir).sort().flatMap(name => {
  const p = join(dir, name);
  return statSync(p).isDirectory() ? htmlFiles(p) : (name.endsWith('.html') ? [p] : []);
});

// playwright gives the browser a fresh temporary profile (--user-data-dir) and --headless
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext();
  const ids = new Map(); // file URL -> ids of its elements
  const idsOf = async (url) => {
    if (!ids.has(url)) {
      const probe = await context.newPage();
      await probe.goto(url);
      ids.set(url, await probe.evaluate(() => [...document.querySelectorAll('[id]')].map(e => e.id)));
      await probe.close();
    }
    return ids.get(url);
  };
  const pages = [];
  for (const file of htmlFiles(root)) {
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', e => consoleErrors.push('uncaught: ' + e.message));
    page.on('requestfailed', r => consoleErrors.push('request failed: ' + r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    const info = await page.evaluate(() => ({
      title: document.title,
      h1: document.querySelector('h1')?.textContent ?? '',
      tables: document.querySelectorAll('table').length,
      hrefs: [...document.querySelectorAll('a[href]')].map(a => a.href),
    }));
    const headingVisible = await page.locator('h1').first().isVisible().catch(() => false);
    const broken = [];
    const external = [];
    for (const href of [...new Set(info.hrefs)]) {
      if (!href.startsWith('file:')) { external.push(href); continue; }
      const target = new URL(href);
      const hash = decodeURIComponent(target.hash.replace(/^#/, ''));
      target.hash = '';
      const path = fileURLToPath(target);
      if (!existsSync(path)) { broken.push(href + ' (no such file)'); continue; }
      if (hash && path.endsWith('.html') && !(await idsOf(target.href)).includes(hash)) {
        broken.push(href + ' (no element with id "' + hash + '")');
      }
    }
    if (screenshot && relative(root, file) === 'index.html') await page.screenshot({ path: screenshot, fullPage: true });
    pages.push({ path: relative(root, file).split('\\').join('/'), title: info.title, h1: info.h1.trim(),
      headingVisible, tables: info.tables, links: info.hrefs.length, external, broken, console: consoleErrors });
    await page.close();
  }
  process.stdout.write(JSON.stringify({ browser: browser.version(), pages }) + '\n');
} finally {
  await browser.close();
}
