// Writes PNG screenshots of the timeline and each chart, light and dark, from
// the release build: `cargo xtask screenshots` (output directory as argument).

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { startServer, DEFAULT_DIST } from './server.mjs';
import { launchBrowser, waitFor } from './browser.mjs';

const out = path.resolve(process.argv[2] || 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer({ dir: process.env.REPORT_EXPLORER_DIST || DEFAULT_DIST });
const browser = await launchBrowser();
const shots = [];
try {
  for (const theme of ['light', 'dark']) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?view=timeline&theme=${theme}`);
    await waitFor(page, 'timeline');
    await page.locator('.tl-item').first().waitFor();
    const timeline = path.join(out, `timeline-${theme}.png`);
    await page.locator('[data-testid="timeline"]').screenshot({ path: timeline });
    shots.push(timeline);
    await page.goto(`${server.url}?view=charts&theme=${theme}`);
    for (const id of ['coverage', 'awards', 'metrics']) {
      const figure = page.locator(`[data-testid="chart-${id}"]`);
      await figure.waitFor();
      await page.waitForTimeout(200);
      const file = path.join(out, `chart-${id}-${theme}.png`);
      await figure.screenshot({ path: file });
      shots.push(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const file of shots) console.log(`wrote ${path.relative(process.cwd(), file)}`);
