// End-to-end tests of the interface languages on the release build: `?lang=zh-Hans` and
// `?lang=zh-Hant`, the browser's locale, config.json's `language`, and the language picker.
// Each checks <html lang>, known words in headings, buttons and aria labels, a result count
// with its number, a chart title, and that no interface text outside the report's own text
// (elements with its `lang`) holds an English word. Also: search in Chinese text without spaces.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DATASET, DIST, NO_PROBLEMS } from './common.mjs';
import { launchBrowser, openPage, waitFor } from './browser.mjs';

const TOTAL = DATASET.entries.length.toLocaleString('en');

/** The words each language is checked for. */
const WORDS = {
  'zh-Hans': {
    search: '搜索',
    filters: '筛选',
    facets: ['子公司', '类别', '类型', '年份'],
    views: ['列表', '时间轴', '图表', '原文'],
    count: `${TOTAL} / ${TOTAL} 个条目`,
    chart: '按子公司和类别划分的条目',
    timeline: '以列表显示',
    exportLabel: '导出筛选后的条目',
    clearLabel: '清除子公司筛选',
    close: '关闭',
  },
  'zh-Hant': {
    search: '搜尋',
    filters: '篩選',
    facets: ['附屬公司', '類別', '類型', '年份'],
    views: ['列表', '時間軸', '圖表', '原文'],
    count: `${TOTAL} / ${TOTAL} 個條目`,
    chart: '按附屬公司和類別劃分的條目',
    timeline: '以列表顯示',
    exportLabel: '匯出篩選後的條目',
    clearLabel: '清除附屬公司篩選',
    close: '關閉',
  },
};

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Serves dist/ (with `files` replaced), opens `query` in a browser speaking `locale`, runs `body`. */
async function visit({ query = '', locale = 'en-US', files = {} }, body) {
  const server = await startServer({ dir: DIST, files });
  const tab = await openPage(browser, { locale });
  try {
    await tab.page.goto(`${server.url}${query}`);
    await waitFor(tab.page, 'report-title');
    await body(tab, server);
  } finally {
    await tab.context.close();
    await server.close();
  }
}

/** A config.json with these settings, written to a temporary file. */
function configFile(settings) {
  const dir = mkdtempSync(path.join(tmpdir(), 'i18n-config-'));
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

/**
 * Interface text holding an English word (3+ letters): visible text nodes, and `aria-label`,
 * `title` and `placeholder` values, outside elements in another language than the page's
 * (the report's text carries its own `lang`) and outside code.
 */
async function englishWords(page) {
  return page.evaluate(() => {
    // File formats, and language tags (`zh-Hans`) and the `?lang=` parameter a notice names.
    const allowed = new Set(['CSV', 'JSON', 'PNG', 'SVG', 'HTTP', 'lang', 'Hans', 'Hant']);
    const root = document.querySelector('main.app:not([data-snapshot])');
    const page = document.documentElement.lang;
    const foreign = (el) => {
      const tagged = el.closest('[lang]');
      return tagged && tagged !== document.documentElement && tagged.lang !== page;
    };
    const found = [];
    const check = (text, where) => {
      for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) {
        if (!allowed.has(word)) found.push(`${where}: “${text.trim().slice(0, 80)}” (${word})`);
      }
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!el || foreign(el) || el.closest('code, script, style')) continue;
      if (!el.checkVisibility() && !el.closest('.visually-hidden')) continue;
      check(walker.currentNode.textContent, `<${el.localName}>`);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) check(value, `${el.localName}[${name}]`);
      }
    }
    return found;
  });
}

/** Checks the list view's words, count and aria labels in `lang`, and that nothing is English. */
async function checkList(page, lang) {
  const w = WORDS[lang];
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal((await page.locator('label[for="search-input"]').innerText()).trim(), w.search);
  assert.equal((await page.locator('.filters-toggle').innerText()).trim(), w.filters);
  assert.equal(await page.locator('#filters').getAttribute('aria-label'), w.filters);
  assert.deepEqual(
    (await page.locator('.facet h3').allInnerTexts()).map((s) => s.trim()),
    w.facets,
  );
  assert.deepEqual(
    (await page.locator('.view-tab').allInnerTexts()).map((s) => s.trim()),
    w.views,
  );
  assert.equal((await page.locator('[data-testid="entry-count"]').innerText()).trim(), w.count);
  assert.equal(await page.locator('.exports').getAttribute('aria-label'), w.exportLabel);
  assert.equal(await page.locator('[data-testid="clear-sub"]').getAttribute('aria-label'), w.clearLabel);
  assert.deepEqual(await englishWords(page), []);
}

/** Opens the timeline, the charts and an entry's detail, checking each in `lang`. */
async function checkViews(page, lang) {
  const w = WORDS[lang];
  await page.locator('[data-testid="view-timeline"]').click();
  await waitFor(page, 'timeline');
  assert.equal((await page.locator('.timeline-controls [aria-controls="timeline-list"]').innerText()).trim(), w.timeline);
  assert.deepEqual(await englishWords(page), []);
  await page.locator('[data-testid="view-charts"]').click();
  await waitFor(page, 'chart-coverage');
  assert.equal((await page.locator('[data-testid="chart-coverage"] h3').innerText()).trim(), w.chart);
  const canvasLabel = await page.locator('[data-testid="canvas-coverage"]').getAttribute('aria-label');
  assert.ok(canvasLabel.startsWith(`${w.chart}：`), canvasLabel);
  assert.deepEqual(await englishWords(page), []);
  await page.locator('[data-testid="view-list"]').click();
  await page.locator('.entry-open').first().click();
  await waitFor(page, 'entry-detail');
  assert.equal((await page.locator('[data-testid="close-detail"]').innerText()).trim(), w.close);
  assert.deepEqual(await englishWords(page), []);
}

describe('interface languages', () => {
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    test(`?lang=${lang} speaks ${lang} in every view`, async () => {
      await visit({ query: `?lang=${lang}` }, async ({ page, collect }) => {
        await checkList(page, lang);
        await checkViews(page, lang);
        // The report's own text keeps its language.
        assert.equal(await page.locator('[data-testid="report-title"] bdi').getAttribute('lang'), DATASET.report.language);
        assert.deepEqual(await collect(), NO_PROBLEMS);
      });
    });
  }

  test('a browser set to zh-TW gets Traditional Chinese without asking', async () => {
    await visit({ locale: 'zh-TW' }, async ({ page, collect }) => {
      await checkList(page, 'zh-Hant');
      assert.ok(!page.url().includes('lang='), 'the URL names a language only when the reader chose one');
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test("config.json's language comes before the browser's, ?lang= before both", async () => {
    const files = { 'config.json': configFile({ language: 'zh-Hans' }) };
    await visit({ locale: 'zh-TW', files }, async ({ page }) => {
      await checkList(page, 'zh-Hans');
    });
    await visit({ query: '?lang=en', locale: 'zh-TW', files }, async ({ page }) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal((await page.locator('label[for="search-input"]').innerText()).trim(), 'Search');
      assert.equal(
        (await page.locator('[data-testid="entry-count"]').innerText()).trim(),
        `${TOTAL} of ${TOTAL} entries`,
      );
    });
  });

  test('an unsupported ?lang= says so and falls through to the browser', async () => {
    await visit({ query: '?lang=fr', locale: 'zh-HK' }, async ({ page }) => {
      await checkList(page, 'zh-Hant');
      const notice = (await page.locator('[data-testid="lang-notice"]').innerText()).trim();
      assert.ok(notice.includes('fr') && notice.includes('en, zh-Hans, zh-Hant'), notice);
    });
  });

  test('the picker changes the language without reloading the report or losing the filters', async () => {
    await visit({}, async ({ page, requests, collect }) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.locator('.facet[data-facet="kind"] input[data-token="award"]').check();
      await page.waitForFunction(() => document.querySelectorAll('.chip').length === 1);
      const count = (await page.locator('[data-testid="entry-count"]').innerText()).trim();
      const shown = count.split(' ')[0];
      const loads = requests.filter((u) => u.includes('report.json')).length;
      await page.locator('[data-testid="language"]').selectOption('zh-Hant');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
      assert.ok(page.url().includes('lang=zh-Hant'), page.url());
      assert.ok(page.url().includes('kind=award'), page.url());
      await page.waitForFunction(() => document.querySelector('.chip')?.textContent.includes('獎項'));
      assert.equal(
        (await page.locator('[data-testid="entry-count"]').innerText()).trim(),
        `${shown} / ${TOTAL} 個條目`,
      );
      assert.equal(
        await page.locator('.chip').getAttribute('aria-label'),
        '移除篩選條件 類型：獎項',
      );
      assert.equal(requests.filter((u) => u.includes('report.json')).length, loads, 'no new load');
      assert.deepEqual(await englishWords(page), []);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });

  test('a load failure speaks the interface language', async () => {
    const server = await startServer({ dir: DIST });
    const tab = await openPage(browser, { locale: 'zh-CN', expected: [/missing\.json/] });
    try {
      const { page } = tab;
      await page.goto(`${server.url}?data=data/missing.json`);
      await waitFor(page, 'error-view');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
      assert.equal((await page.locator('[data-testid="error-view"] h1').innerText()).trim(), '服务器返回 HTTP 404');
      const message = page.locator('.error-message');
      assert.ok((await message.innerText()).includes('此地址没有文件；请检查链接。'));
      assert.equal(await message.getAttribute('lang'), null, 'in the page language');
      assert.equal((await page.locator('[data-testid="retry"]').innerText()).trim(), '重试');
    } finally {
      await tab.context.close();
      await server.close();
    }
  });

  test('search finds Chinese text without spaces, in a Chinese report', async () => {
    await visit({ query: '?data=fixtures/zh.json&lang=zh-Hant' }, async ({ page, collect }) => {
      assert.equal(await page.locator('[data-testid="report-title"] bdi').getAttribute('lang'), 'zh-Hant');
      for (const [query, title] of [
        ['綠色', '推出綠色信貸產品'],
        ['社區 清潔', '員工義工服務日'],
      ]) {
        await page.locator('[data-testid="search"]').fill(query);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 1);
        assert.equal((await page.locator('[data-testid="entry"] h3').innerText()).trim(), title);
        // Every search word is marked where it is found (title or summary; adjacent words
        // make one mark), and nothing else is.
        const marks = await page.locator('[data-testid="entry"] mark').allInnerTexts();
        const words = query.split(' ');
        for (const word of words) assert.ok(marks.some((m) => m.includes(word)), `${word} in ${marks}`);
        for (const mark of marks) assert.equal(mark.replace(new RegExp(words.join('|'), 'g'), ''), '', mark);
      }
      // Dates follow the interface language: 2021-Q3 reads 2021年第三季.
      await page.locator('[data-testid="search"]').fill('太陽能');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"]').length === 1);
      assert.equal((await page.locator('[data-testid="entry"] time').innerText()).trim(), '2021年第三季');
      assert.deepEqual(await englishWords(page), []);
      assert.deepEqual(await collect(), NO_PROBLEMS);
    });
  });
});
