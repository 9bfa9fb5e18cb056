// A static file server for the release build, as a strict intranet host would
// serve it: under a URL prefix, with exact MIME types, 404 for missing files and
// a Content-Security-Policy header on every response.
//
//   node tests/e2e/server.mjs [--dir dist] [--prefix /intranet/reports/esg/] [--port 8081]
//
// `<prefix>fixtures/` serves tests/e2e/fixtures/ (test data files).
// `compress` (`--compress` on the command line) answers with brotli or gzip, as
// the client's Accept-Encoding allows, like a production static host (the
// files of `dir` are compressed before the server starts listening).
// Options for tests: `files` replaces files of `dir` ({'config.json': path},
// or null for a 404) and can add files that `dir` does not have, e.g. the
// generated 10k-entry report: `{ [GENERATED_10K]: DATA_10K }` from common.mjs
// serves it at `<prefix>data/generated-10k.json`, for `?data=data/generated-10k.json`;
// `frameAncestors` adds a CSP frame-ancestors directive,
// `csp` replaces the policy, `pages` serves generated text
// ({'/intranet/config.json': {body, type}}) instead of files, and `trickle`
// sends a file of `dir` slowly ({'data/x.json': {chunk: 65536, delayMs: 50}}).
// `faults` answers paths under the prefix badly, as a broken host or network would
// ({'data/report.json': fault}); it is read on every request, so a test can add and
// remove faults while the page is open (the server's `faults` is the same object).
// A fault is an object:
//   { status: 404 }                  that status (Node's status text), `body` as its body
//   { status: 302, location: url }   a redirect
//   { type: 'text/html', body }      200 with this body and Content-Type
//   { body: '' }                     200 with an empty body
//   { chunked: true }                no Content-Length (chunked transfer encoding)
//   { hang: true }                   no answer at all, not even headers
//   { reset: true }                  the connection is destroyed before any answer
//   { stallAfter: n }                headers, n bytes, then nothing (the connection stays open)
//   { dropAfter: n }                 headers, n bytes, then the connection is destroyed
// The server's `dropStalled()` destroys the connections of `stallAfter` answers still open,
// so a test can cut a transfer once the page has read the first bytes.
// The body is `body` if given, else the file itself; headers announce its full length
// unless `chunked`. The server's `requests` lists the path of every request it received.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

export const FIXTURES_DIR = path.join(here, 'fixtures');
export const DEFAULT_DIST = path.resolve(here, '..', '..', 'dist');

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Normalises a prefix to the form `/a/b/` (or `/`). */
export function normalisePrefix(prefix = '/') {
  let p = prefix.trim();
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

/**
 * Starts the server. Resolves to `{ url, origin, prefix, port, close() }`;
 * `url` is the app's URL (origin + prefix).
 */
export async function startServer({
  dir = DEFAULT_DIST,
  prefix = '/',
  fixtures = FIXTURES_DIR,
  host = '127.0.0.1',
  port = 0,
  files = {},
  frameAncestors = null,
  csp: policy = CSP,
  pages = {},
  trickle = {},
  faults = {},
  compress = false,
} = {}) {
  const base = normalisePrefix(prefix);
  if (compress) await precompress(path.resolve(dir));
  const csp = frameAncestors ? `${policy}; frame-ancestors ${frameAncestors}` : policy;
  const requests = [];
  const stalled = new Set();
  const server = createServer((req, res) => {
    requests.push(req.url);
    res.csp = csp;
    const options = {
      dir: path.resolve(dir),
      fixtures: path.resolve(fixtures),
      base,
      files,
      pages,
      trickle,
      faults,
      stalled,
      compress,
    };
    handle(req, res, options).catch((error) =>
      send(res, 500, `internal error: ${error.message}\n`),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    prefix: base,
    port: address.port,
    url: `${origin}${base}`,
    faults,
    requests,
    dropStalled: () => {
      for (const res of stalled) res.socket?.destroy();
      stalled.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Security-Policy': res.csp ?? CSP,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Types worth compressing (everything the build emits but images). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/;

/** The best encoding the request accepts: `br`, `gzip` or null. */
export function chooseEncoding(acceptEncoding = '') {
  const accepted = new Map();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  for (const encoding of ['br', 'gzip']) {
    if ((accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) return encoding;
  }
  return null;
}

/** Compressed bodies by file, encoding, size and modification time. */
const compressedCache = new Map();

async function compressedFile(file, info, encoding) {
  const key = `${file}\0${encoding}\0${info.size}\0${info.mtimeMs}`;
  if (!compressedCache.has(key)) {
    const data = await readFile(file);
    compressedCache.set(
      key,
      encoding === 'br'
        ? zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          })
        : zlib.gzipSync(data, { level: 9 }),
    );
  }
  return compressedCache.get(key);
}

/** Compresses every file under `dir` ahead of time, as a host serving precompressed files would. */
async function precompress(dir) {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? '';
    if (!COMPRESSIBLE.test(type)) continue;
    const info = await stat(file);
    for (const encoding of ['br', 'gzip']) await compressedFile(file, info, encoding);
  }
}

async function handle(
  req,
  res,
  { dir, fixtures, base, files, pages, trickle, faults, stalled, compress },
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  if (Object.hasOwn(pages, decoded)) {
    const { body, type = 'text/html; charset=utf-8' } = pages[decoded];
    send(res, 200, body, { 'Content-Type': type });
    return;
  }
  if (`${decoded}/` === base) {
    send(res, 301, '', { Location: base });
    return;
  }
  if (!decoded.startsWith(base)) {
    send(res, 404, 'not found\n');
    return;
  }
  let relative = decoded.slice(base.length);
  let root = dir;
  if (relative === 'fixtures' || relative.startsWith('fixtures/')) {
    root = fixtures;
    relative = relative.slice('fixtures'.length).replace(/^\//, '');
  }
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  let file = path.resolve(root, relative);
  if (root === dir && Object.hasOwn(files, relative)) {
    if (files[relative] === null) {
      send(res, 404, 'not found\n');
      return;
    }
    file = path.resolve(files[relative]);
  } else if (file !== root && !file.startsWith(root + path.sep)) {
    send(res, 404, 'not found\n');
    return;
  }
  if (root === dir && faults[relative]) {
    await answerFault(req, res, faults[relative], file, stalled);
    return;
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    send(res, 404, 'not found\n');
    return;
  }
  if (info.isDirectory()) {
    send(res, 301, '', { Location: `${pathname}/` });
    return;
  }
  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Security-Policy': res.csp,
    'Content-Type': type,
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const encoding = compress && COMPRESSIBLE.test(type) && chooseEncoding(req.headers['accept-encoding']);
  if (encoding) {
    const body = await compressedFile(file, info, encoding);
    res.writeHead(200, {
      ...headers,
      'Content-Length': body.length,
      'Content-Encoding': encoding,
      Vary: 'Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const slow = root === dir ? trickle[relative] : undefined;
  if (slow) {
    const stream = createReadStream(file, { highWaterMark: slow.chunk });
    res.on('close', () => stream.destroy());
    for await (const chunk of stream) {
      if (res.destroyed) return;
      res.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
    }
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** Answers with `fault` (see `faults` at the top) instead of `file`. */
async function answerFault(req, res, fault, file, stalled) {
  if (fault.reset) {
    req.socket.destroy();
    return;
  }
  if (fault.hang) {
    stalled.add(res);
    res.on('close', () => stalled.delete(res));
    return;
  }
  const body = fault.body !== undefined ? Buffer.from(fault.body) : await readFile(file);
  const headers = {
    'Content-Security-Policy': res.csp,
    'Content-Type': fault.type ?? MIME_TYPES[path.extname(file).toLowerCase()] ?? 'text/plain',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (fault.location) headers.Location = fault.location;
  if (!fault.chunked) headers['Content-Length'] = body.length;
  res.writeHead(fault.status ?? 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const cut = fault.stallAfter ?? fault.dropAfter;
  if (cut === undefined) {
    // Chunked answers go out in pieces, as a streaming host sends them.
    const piece = fault.chunked ? 64 * 1024 : body.length || 1;
    for (let at = 0; at < body.length; at += piece) res.write(body.subarray(at, at + piece));
    res.end();
    return;
  }
  if (cut > 0) res.write(body.subarray(0, cut));
  else res.flushHeaders();
  if (fault.stallAfter !== undefined) {
    stalled.add(res);
    res.on('close', () => stalled.delete(res));
  }
  if (fault.dropAfter !== undefined) {
    // Long enough for the client to read the bytes before the connection goes.
    setTimeout(() => res.socket?.destroy(), 500);
  }
}

// Command line: serve a directory until interrupted.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: DEFAULT_DIST },
      prefix: { type: 'string', default: '/' },
      port: { type: 'string', default: '8081' },
      compress: { type: 'boolean', default: false },
    },
  });
  const server = await startServer({
    dir: values.dir,
    prefix: values.prefix,
    port: Number(values.port),
    compress: values.compress,
  });
  const how = values.compress ? 'Content-Security-Policy, brotli/gzip' : 'Content-Security-Policy';
  console.log(`serving ${path.resolve(values.dir)} at ${server.url} (with ${how})`);
}
