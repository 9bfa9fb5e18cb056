// Writes PNG screenshots of the timeline and each chart, light and dark, in English and in
// Traditional Chinese (`-zh-Hant` files; the CJK font is Debian's fonts-noto-cjk), from the
// release build: `cargo xtask screenshots` (output directory as argument).

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
  for (const [theme, lang] of ['light', 'dark'].flatMap((t) => [[t, 'en'], [t, 'zh-Hant']])) {
    const suffix = lang === 'en' ? theme : `${theme}-${lang}`;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?view=timeline&theme=${theme}&lang=${lang}`);
    await waitFor(page, 'timeline');
    await page.locator('.tl-item').first().waitFor();
    const timeline = path.join(out, `timeline-${suffix}.png`);
    await page.locator('[data-testid="timeline"]').screenshot({ path: timeline });
    shots.push(timeline);
    await page.goto(`${server.url}?view=charts&theme=${theme}&lang=${lang}`);
    for (const id of ['coverage', 'awards', 'metrics']) {
      const figure = page.locator(`[data-testid="chart-${id}"]`);
      await figure.waitFor();
      await page.waitForTimeout(200);
      const file = path.join(out, `chart-${id}-${suffix}.png`);
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
