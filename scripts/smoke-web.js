// Smoke test of the browser version in headless Chromium, driven by
// playwright-core (scripts/smoke-web.sh installs it and runs this).
//   node smoke-web.js WEBDIR OUTDIR SCENARIO.json
// It serves WEBDIR as an intranet server would (the .wasm gzipped when the
// browser accepts it), loads the page, waits for the first draw, closes
// the welcome dialog, uploads a scenario file through File > Open, exports
// the comparison with Ctrl+E and saves the downloaded workbook in OUTDIR,
// then reloads the page to check that the unsaved scenario comes back from
// the browser's storage. Screenshots go to OUTDIR. Exit status 1 on failure.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const [webDir, outDir, scenario] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.png': 'image/png', '.gif': 'image/gif',
};
let served = 0;

function serve() {
  const server = http.createServer((req, res) => {
    let file = path.join(webDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    if (!file.startsWith(path.resolve(webDir)) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && fs.existsSync(file + '.gz')) {
      file += '.gz';
      headers['Content-Encoding'] = 'gzip';
    }
    const body = fs.readFileSync(file);
    served += body.length;
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function fail(msg) {
  console.error('smoke-web: ' + msg);
  process.exit(1);
}

// drawn waits until the page shows more than a blank canvas: a screenshot
// of a drawn window compresses far worse than a blank one.
async function drawn(page, what, timeout) {
  const until = Date.now() + timeout;
  let shot;
  while (Date.now() < until) {
    // A busy machine may take long to capture the page while it loads.
    shot = await page.screenshot({ timeout: 120000 }).catch(() => null);
    if (shot && shot.length > 80000 && (await page.$('canvas'))) return shot;
    await page.waitForTimeout(250);
  }
  fail(`${what}: nothing drawn within ${timeout / 1000} s (last screenshot ${shot && shot.length} bytes)`);
}

(async () => {
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const log = fs.createWriteStream(path.join(outDir, 'console.log'));
  page.on('console', (m) => log.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => log.write(`[pageerror] ${e}\n`));

  // 1. Load and first draw: the built-in comparison under the welcome dialog.
  const t0 = Date.now();
  await page.goto(url);
  let shot = await drawn(page, 'first load', 240000);
  const firstDraw = (Date.now() - t0) / 1000;
  const transferred = served;
  await page.waitForTimeout(3000);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '1-welcome.png') });
  console.log(`smoke-web: first draw after ${firstDraw.toFixed(1)} s; ${transferred} bytes transferred (wasm gzipped)`);

  await page.keyboard.press('Escape');
  await page.waitForTimeout(2000);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '2-comparison.png') });

  // 2. Export: Ctrl+E writes the comparison as Excel; the browser downloads it.
  const download = page.waitForEvent('download', { timeout: 120000 });
  await page.keyboard.press('Control+e');
  const dl = await download;
  const xlsx = path.join(outDir, dl.suggestedFilename());
  await dl.saveAs(xlsx);
  await page.waitForTimeout(1500);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '3-exported.png') });
  console.log(`smoke-web: downloaded ${dl.suggestedFilename()} (${fs.statSync(xlsx).size} bytes)`);
  fs.writeFileSync(path.join(outDir, 'export-path'), xlsx);

  // 3. Open: the toolbar's Open shows the browser's file chooser (a click:
  // browsers show it only on a user's gesture, and take Ctrl+O for their
  // own); the scenario is read from the upload.
  let chooserShown = false;
  page.once('filechooser', () => { chooserShown = true; });
  await page.mouse.click(61, 49);
  // The app's file input appears when Open runs; the upload goes to it.
  await page.waitForSelector('#mechplan-upload', { state: 'attached', timeout: 30000 });
  await page.setInputFiles('#mechplan-upload', scenario);
  console.log(`smoke-web: Open made the file input${chooserShown ? ' and showed the file chooser' : ''}`);
  await page.waitForTimeout(3000);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '4-opened.png') });
  const title = await page.title();
  console.log(`smoke-web: after Open the page is titled "${title}"`);
  if (!title.includes(path.basename(scenario))) fail(`the page title "${title}" does not name ${path.basename(scenario)}`);

  // 4. Autosave: a new scenario (Ctrl+N) is unsaved work; after a reload
  // the app recovers it from the browser's storage.
  // (The toolbar's New: browsers keep Ctrl+N for a new window.)
  await page.mouse.click(22, 49);
  await page.waitForTimeout(3000);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '5-new.png') });
  const created = await page.title();
  // What Fyne's storage holds: the keys of its IndexedDB "files" database.
  const keys = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('files');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('meta').objectStore('meta').getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  }));
  console.log(`smoke-web: after New the page is titled "${created}"; Fyne's storage holds ${keys.join(', ')}`);
  await page.reload();
  await drawn(page, 'reload', 240000);
  await page.waitForTimeout(3000);
  await page.screenshot({ timeout: 120000, path: path.join(outDir, '6-recovered.png') });
  const recovered = await page.title();
  console.log(`smoke-web: after the reload the page is titled "${recovered}"`);
  if (!recovered.includes(created.replace(/ — Mechplan$/, ''))) fail(`the new scenario ("${created}") was not recovered after the reload`);
  fs.writeFileSync(path.join(outDir, 'metrics'), `first_draw_s=${firstDraw.toFixed(1)}\ntransferred_bytes=${transferred}\n`);

  await browser.close();
  server.close();
  log.end();
})().catch((e) => fail(e.stack || String(e)));
