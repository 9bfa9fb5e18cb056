// Tests of the static test server itself (no browser).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CSP, normalisePrefix, startServer } from './server.mjs';

let dir;
let server;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-explorer-e2e-'));
  writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><title>t</title>');
  writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(path.join(dir, 'app.js'), 'export default 1;');
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'data', 'report.json'), '{}');
  server = await startServer({ dir, prefix: '/intranet/reports/esg' });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(pathname) {
  return fetch(`${server.origin}${pathname}`, { redirect: 'manual' });
}

test('prefixes are normalised', () => {
  assert.equal(normalisePrefix(''), '/');
  assert.equal(normalisePrefix('a/b'), '/a/b/');
  assert.equal(normalisePrefix('/a/b/'), '/a/b/');
});

test('serves files under the prefix with exact MIME types and the CSP header', async () => {
  const cases = [
    ['/intranet/reports/esg/', 'text/html; charset=utf-8'],
    ['/intranet/reports/esg/app_bg.wasm', 'application/wasm'],
    ['/intranet/reports/esg/app.js', 'text/javascript; charset=utf-8'],
    ['/intranet/reports/esg/data/report.json', 'application/json'],
    ['/intranet/reports/esg/fixtures/bad-entry.json', 'application/json'],
  ];
  for (const [pathname, type] of cases) {
    const response = await get(pathname);
    assert.equal(response.status, 200, pathname);
    assert.equal(response.headers.get('content-type'), type, pathname);
    assert.equal(response.headers.get('content-security-policy'), CSP, pathname);
    await response.arrayBuffer();
  }
});

test('answers 404 (with the CSP header) outside the prefix and for missing files', async () => {
  for (const pathname of [
    '/index.html',
    '/intranet/reports/esg/missing.js',
    '/intranet/reports/esg/fixtures/missing.json',
    '/intranet/reports/esg/%2e%2e/%2e%2e/etc/passwd',
  ]) {
    const response = await get(pathname);
    assert.equal(response.status, 404, pathname);
    assert.equal(response.headers.get('content-security-policy'), CSP, pathname);
    await response.arrayBuffer();
  }
});

test('redirects the prefix without its trailing slash', async () => {
  const response = await get('/intranet/reports/esg');
  assert.equal(response.status, 301);
  assert.equal(response.headers.get('location'), '/intranet/reports/esg/');
});
