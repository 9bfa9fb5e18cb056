// Tests of the static test server itself (no browser).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { request } from 'node:http';
import zlib from 'node:zlib';

import { CSP, chooseEncoding, normalisePrefix, startServer } from './server.mjs';

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

test('the best accepted encoding is chosen', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip;q=1.0, br;q=0'), 'gzip');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding(undefined), null);
});

/** Raw bytes and headers of a GET (no automatic decompression). */
function getRaw(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

test('compresses with brotli or gzip when asked to, as a production host would', async () => {
  const compressing = await startServer({ dir, compress: true });
  try {
    const url = `${compressing.url}app.js`;
    const br = await getRaw(url, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-security-policy'], CSP);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(zlib.brotliDecompressSync(br.body).toString(), 'export default 1;');
    const gzip = await getRaw(url, 'gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gzip.body).toString(), 'export default 1;');
    const plain = await getRaw(url);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), 'export default 1;');
  } finally {
    await compressing.close();
  }
  // Without `compress`, files are sent as they are.
  const raw = await getRaw(`${server.origin}/intranet/reports/esg/app.js`, 'br');
  assert.equal(raw.headers['content-encoding'], undefined);
});

test('faults answer badly, and can be switched while the server runs', async () => {
  const base = '/intranet/reports/esg/';
  const url = `${server.origin}${base}data/report.json`;
  server.faults['data/report.json'] = { status: 500, body: 'boom' };
  let response = await get(`${base}data/report.json`);
  assert.equal(response.status, 500);
  assert.equal(await response.text(), 'boom');
  assert.equal(response.headers.get('content-security-policy'), CSP);

  server.faults['data/report.json'] = { status: 302, location: 'http://elsewhere.example/x.json' };
  response = await get(`${base}data/report.json`);
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), 'http://elsewhere.example/x.json');

  server.faults['data/report.json'] = { body: 'abc', chunked: true };
  response = await get(`${base}data/report.json`);
  assert.equal(response.headers.get('content-length'), null);
  assert.equal(response.headers.get('transfer-encoding'), 'chunked');
  assert.equal(await response.text(), 'abc');

  // Headers with the whole length, one byte, then nothing until the client gives up.
  server.faults['data/report.json'] = { stallAfter: 1 };
  const controller = new AbortController();
  response = await fetch(url, { signal: controller.signal });
  assert.equal(response.headers.get('content-length'), '2');
  const reader = response.body.getReader();
  assert.deepEqual([...(await reader.read()).value], [0x7b]);
  const next = reader.read();
  const timer = new Promise((resolve) => setTimeout(resolve, 300, 'waiting'));
  assert.equal(await Promise.race([next, timer]), 'waiting');
  controller.abort();
  await next.catch(() => {});

  // Headers with the whole length, one byte, then the connection is destroyed.
  server.faults['data/report.json'] = { dropAfter: 1 };
  response = await fetch(url);
  await assert.rejects(response.arrayBuffer());

  delete server.faults['data/report.json'];
  response = await get(`${base}data/report.json`);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), '{}');
  assert.ok(server.requests.includes(`${base}data/report.json`));
});
