// One small page interface over two browser engines, so a scenario runs the
// same in both: Chromium (Debian's /usr/bin/chromium, playwright-core, see
// browser.mjs) and Firefox (Debian's /usr/bin/firefox-esr, puppeteer-core over
// WebDriver BiDi). Neither library downloads a browser here.
//
//   const browser = await launchEngine('firefox');
//   const tab = await browser.open({ expected: [/missing\.json$/] });
//   await tab.goto(url);
//   await tab.waitFor('[data-testid="entry-count"]');
//   tab.count(selector), tab.text(selector), tab.click(selector), ...
//   assert.deepEqual(await tab.collect(), NO_PROBLEMS);
//   await tab.close();
//
// Reading the page goes through `evaluate`, so only input (clicks, keys, the
// mouse), navigation and the problem recorder differ between the engines.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launchBrowser, openPage, TIMEOUT_MS } from './browser.mjs';

/** Debian's Firefox ESR, or `$REPORT_EXPLORER_FIREFOX`. */
export const FIREFOX = process.env.REPORT_EXPLORER_FIREFOX || '/usr/bin/firefox-esr';

/**
 * Firefox preferences for a closed network and a quiet, fresh profile (on top
 * of the ones puppeteer-core sets for automation): no update, captive-portal,
 * Safe Browsing, telemetry, remote settings or connectivity checks.
 */
export const FIREFOX_PREFS = Object.freeze({
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.topsites.contile.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'extensions.blocklist.enabled': false,
  'toolkit.telemetry.server': '',
  'browser.ping-centre.telemetry': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'media.gmp-manager.updateEnabled': false,
  'dom.push.enabled': false,
});

/** CSS selector of an element by its `data-testid`. */
export const byTestId = (id) => `[data-testid="${id}"]`;

/** Console texts of a Content-Security-Policy violation (Chromium's and Firefox's wording). */
const CSP_TEXT = /Content[- ]Security[- ]Policy/i;

/**
 * Reading operations shared by pages and frames, built on `evaluate` and
 * `waitForFunction` only.
 */
class Frame {
  /** `raw`: the library's page or frame; `wait(raw, fn, arg, timeout)`: its waitForFunction. */
  constructor(raw, wait) {
    this.raw = raw;
    this.wait = wait;
  }

  url() {
    return this.raw.url();
  }

  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }

  /** Waits until `fn(arg)` is truthy in the page and returns its value. */
  async waitForFunction(fn, arg, timeout = TIMEOUT_MS) {
    const handle = await this.wait(this.raw, fn, arg, timeout);
    const value = await handle.jsonValue().catch(() => undefined);
    await handle.dispose?.().catch(() => {});
    return value;
  }

  /** Waits until the first match of `selector` is shown (laid out, not hidden). */
  waitFor(selector, timeout = TIMEOUT_MS) {
    return this.waitForFunction(
      (s) => {
        const el = document.querySelector(s);
        if (!el) return false;
        const style = getComputedStyle(el);
        return el.getClientRects().length > 0 && style.visibility !== 'hidden';
      },
      selector,
      timeout,
    );
  }

  /** How many elements match. */
  count(selector) {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  /** The rendered text (`innerText`) of the first match, trimmed; null without a match. */
  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.innerText.trim() ?? null, selector);
  }

  /** The rendered texts of every match, trimmed. */
  texts(selector) {
    return this.evaluate(
      (s) => [...document.querySelectorAll(s)].map((el) => el.innerText.trim()),
      selector,
    );
  }

  /** `textContent` of the first match (also inside a closed `<details>`). */
  textContent(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** An attribute of the first match. */
  attribute(selector, name) {
    return this.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [
      selector,
      name,
    ]);
  }

  /** `value` of the first match (input or select). */
  value(selector) {
    return this.evaluate((s) => document.querySelector(s)?.value ?? null, selector);
  }

  /** A checkbox's `checked`. */
  isChecked(selector) {
    return this.evaluate((s) => Boolean(document.querySelector(s)?.checked), selector);
  }

  /** A form control's `disabled`. */
  isDisabled(selector) {
    return this.evaluate((s) => Boolean(document.querySelector(s)?.disabled), selector);
  }

  /** Whether the first match is rendered (has a box). */
  isVisible(selector) {
    return this.evaluate((s) => {
      const el = document.querySelector(s);
      return Boolean(el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    }, selector);
  }
}

/** A page (top-level frame) with input, navigation and a problem record. */
class Tab extends Frame {
  /**
   * `ops`: `requests` and `collect()` of the problem recorder, then the engine's input and
   * navigation: goto, reload, back, forward, addInitScript, setViewport, click, focus, fill,
   * press, select, scrollIntoView, box, mouseMove, mouseClick, wheel(dx, dy), close, and
   * `download(selector)`: clicks and resolves with the saved file `{ name, bytes }`.
   */
  constructor(raw, wait, engine, ops) {
    super(raw, wait);
    this.engine = engine;
    Object.assign(this, ops);
  }

  /** Every frame of the page (the top one first), with the reading operations. */
  frames() {
    return this.raw.frames().map((f) => new Frame(f, this.wait));
  }

  /** Polls until a frame's URL starts with `prefix`. */
  frameAt(prefix) {
    return this.until(`a frame at ${prefix}`, () =>
      this.frames().find((f) => f.url().startsWith(prefix)),
    );
  }

  /** Polls `check` (in Node) until it returns a truthy value. */
  async until(what, check, timeout = TIMEOUT_MS) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Checks a checkbox by clicking it (when not checked yet). */
  async check(selector) {
    if (!(await this.isChecked(selector))) await this.click(selector);
    await this.waitForFunction((s) => document.querySelector(s)?.checked, selector);
  }
}

/** A browser of one engine: `open()` gives a fresh context (cookies, storage) with one tab. */
export async function launchEngine(engine, options = {}) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox(options);
  throw new Error(`unknown engine ${engine}`);
}

async function launchChromium() {
  const browser = await launchBrowser();
  return {
    engine: 'chromium',
    version: browser.version(),
    async open({ expected = [], viewport = { width: 1280, height: 900 } } = {}) {
      const { page, context, requests, collect } = await openPage(browser, { expected });
      await page.setViewportSize(viewport);
      const wait = (target, fn, arg, timeout) => target.waitForFunction(fn, arg, { timeout });
      return new Tab(page, wait, 'chromium', {
        requests,
        collect,
        close: () => context.close(),
        goto: (url) => page.goto(url).then(() => undefined),
        reload: () => page.reload().then(() => undefined),
        back: () => page.goBack().then(() => undefined),
        forward: () => page.goForward().then(() => undefined),
        addInitScript: (fn, arg) => page.addInitScript(fn, arg),
        setViewport: (width, height) => page.setViewportSize({ width, height }),
        click: (selector) => page.locator(selector).first().click(),
        focus: (selector) => page.locator(selector).first().focus(),
        fill: (selector, value) => page.locator(selector).first().fill(value),
        press: (key) => page.keyboard.press(key),
        select: (selector, value) => page.locator(selector).first().selectOption(value).then(() => undefined),
        scrollIntoView: (selector) => page.locator(selector).first().scrollIntoViewIfNeeded(),
        box: (selector) => page.locator(selector).first().boundingBox(),
        mouseMove: (x, y) => page.mouse.move(x, y),
        mouseClick: (x, y) => page.mouse.click(x, y),
        wheel: (dx, dy) => page.mouse.wheel(dx, dy),
        download: async (selector) => {
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(selector).first().click(),
          ]);
          return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
        },
      });
    },
    close: () => browser.close(),
  };
}

async function launchFirefox({ prefs = {} } = {}) {
  // puppeteer-core never downloads a browser; it drives the one at `executablePath`.
  const { default: puppeteer } = await import('puppeteer-core');
  // Downloads are saved here without asking; removed with the browser.
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'report-explorer-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // A fresh temporary profile every launch (puppeteer-core removes it on close).
    extraPrefsFirefox: {
      ...FIREFOX_PREFS,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.manager.showWhenStarting': false,
      ...prefs,
    },
    defaultViewport: null,
    timeout: 60_000,
  });
  return {
    engine: 'firefox',
    version: await browser.version(),
    async open({ expected = [], viewport = { width: 1280, height: 900 } } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.setViewport(viewport);
      const { requests, collect } = await recordProblems(page, expected);
      const wait = (target, fn, arg, timeout) =>
        target.waitForFunction(fn, { timeout, polling: 50 }, arg);
      // Puppeteer needs an element handle for input; the scenarios use CSS selectors.
      const element = async (selector) => {
        const handle = await page.waitForSelector(selector, { visible: true });
        await handle.scrollIntoView();
        return handle;
      };
      const tab = new Tab(page, wait, 'firefox', {
        requests,
        collect,
        close: () => context.close(),
        goto: (url) => page.goto(url).then(() => undefined),
        reload: () => page.reload().then(() => undefined),
        back: () => page.goBack().then(() => undefined),
        forward: () => page.goForward().then(() => undefined),
        addInitScript: (fn, arg) => page.evaluateOnNewDocument(fn, arg),
        setViewport: (width, height) => page.setViewport({ width, height }),
        click: async (selector) => (await element(selector)).click(),
        focus: async (selector) => (await element(selector)).focus(),
        fill: async (selector, value) => {
          const input = await element(selector);
          await input.evaluate((el) => {
            el.value = '';
          });
          await input.type(value);
        },
        // Playwright's key names; puppeteer's WebDriver BiDi input knows the space bar as ' '.
        press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
        select: (selector, value) => page.select(selector, value).then(() => undefined),
        scrollIntoView: async (selector) => {
          await element(selector);
        },
        box: async (selector) => (await element(selector)).boundingBox(),
        mouseMove: (x, y) => page.mouse.move(x, y),
        mouseClick: (x, y) => page.mouse.click(x, y),
        wheel: (dx, dy) => page.mouse.wheel({ deltaX: dx, deltaY: dy }),
        download: async (selector) => {
          const before = new Set(readdirSync(downloads));
          await (await element(selector)).click();
          // Firefox writes `name.part` (or a temporary name) and renames it when the download
          // is complete, so a file seen may be gone a moment later: look again until one reads.
          return tab.until(`a download from ${selector}`, () => {
            for (const name of readdirSync(downloads)) {
              if (before.has(name) || name.endsWith('.part')) continue;
              try {
                const bytes = readFileSync(path.join(downloads, name));
                if (bytes.length > 0) return { name, bytes };
              } catch {
                // Renamed under us; the next look finds it under its final name.
              }
            }
            return undefined;
          });
        },
      });
      return tab;
    },
    close: async () => {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * The problem recorder of browser.mjs for a puppeteer page: console errors,
 * uncaught page errors, failed requests, HTTP errors and CSP violations.
 */
async function recordProblems(page, expected) {
  const isExpected = (url) => expected.some((pattern) => pattern.test(url));
  const problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    httpErrors: [],
    cspViolations: [],
  };
  const requests = [];
  // Runs before any page script in every frame (a BiDi preload script, so CSP does not apply).
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        window.__cspViolations.push(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ` +
            `(${event.sourceFile || 'page'}:${event.lineNumber})`,
        );
      },
      true,
    );
  });
  page.on('console', (message) => {
    const text = message.text();
    if (CSP_TEXT.test(text)) problems.cspViolations.push(text);
    if (message.type() === 'error' && !isExpected(message.location()?.url ?? '')) {
      problems.consoleErrors.push(text);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error?.stack || error)));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => {
    if (isExpected(request.url())) return;
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.url())) {
      problems.httpErrors.push(`${response.status()} ${response.url()}`);
    }
  });

  async function collect() {
    const seen = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    return { ...problems, cspViolations: [...problems.cspViolations, ...seen] };
  }
  return { requests, collect };
}
