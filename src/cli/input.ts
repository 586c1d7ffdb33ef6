// Reading CLI input: files, folders (recursively *.txt), stdin; strict UTF-8; NDJSON lines in bounded memory.
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ErrorInfo } from '../batch/tasks.js';

/** One document to process, or the reason it could not be read (reported per document, never fatal). */
export type InputDoc = { readonly id: unknown; readonly text: string } | { readonly id: unknown; readonly error: ErrorInfo };

/** A file or folder left out while walking a folder, and why (each is reported on stderr). */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/** A source named on the command line: a file path or `-` (stdin). */
export interface InputSource {
  readonly path: string;
  /** Set when the path could not be listed (missing, unreadable). */
  readonly error?: string;
  /** Set when the file was found by walking a folder named on the command line. */
  readonly fromFolder?: boolean;
}

/**
 * Decodes bytes as strict UTF-8 (a leading BOM is dropped). Throws a readable error naming the byte offset of the
 * first invalid sequence.
 *
 * @example
 * ```ts
 * decodeUtf8(Buffer.from('Xã', 'utf8')); // 'Xã'
 * decodeUtf8(Buffer.from([0x58, 0xff])); // throws "invalid UTF-8 at byte 1"
 * ```
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  // Binary search on the longest valid prefix would be wrong across sequence boundaries; scan sequences instead.
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    if (len > 1) {
      try {
        dec.decode(b.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return i;
}

function errorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return 'no such file or directory';
  if (err && err.code === 'EACCES') return 'permission denied';
  if (err && err.code === 'EISDIR') return 'is a directory';
  return err && typeof err.message === 'string' ? err.message : String(e);
}

/**
 * Expands command-line paths: files as given, folders recursively to their `*.txt` files (sorted; symbolic links
 * followed, loops detected), `-` for stdin. A path that cannot be read is kept with an `error` (the CLI turns that
 * into a usage error); everything left out of a folder is listed in `skipped` with the reason.
 *
 * @example
 * ```ts
 * await expandInputs(['reports/', 'extra.txt']); // { sources: [{ path: 'reports/a.txt' }, …], skipped: [] }
 * ```
 */
export async function expandInputs(paths: readonly string[], cwd = process.cwd()): Promise<{ sources: InputSource[]; skipped: Skipped[] }> {
  const sources: InputSource[] = [];
  const skipped: Skipped[] = [];
  for (const p of paths) {
    if (p === '-') {
      sources.push({ path: '-' });
      continue;
    }
    try {
      const st = await stat(resolvePath(cwd, p));
      if (st.isDirectory()) {
        const files = await listTxt(resolvePath(cwd, p), skipped, (f) => relativeOrSame(cwd, f, p));
        if (!files.length) sources.push({ path: p, error: 'no .txt files in this folder', fromFolder: true });
        for (const f of files) sources.push({ path: relativeOrSame(cwd, f, p), fromFolder: true });
      } else sources.push({ path: p });
    } catch (e) {
      sources.push({ path: p, error: errorMessage(e) });
    }
  }
  return { sources, skipped };
}

function resolvePath(cwd: string, p: string): string {
  return p.startsWith('/') ? p : join(cwd, p);
}

function relativeOrSame(cwd: string, file: string, given: string): string {
  return given.startsWith('/') ? file : relative(cwd, file);
}

async function listTxt(dir: string, skipped: Skipped[], show: (path: string) => string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Map<string, string>(); // real path of every folder walked → the path it was reached by
  const walk = async (d: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const real = await realpath(d);
    if (ancestors.has(real)) return void skipped.push({ path: show(d), reason: 'symbolic link loop (leads back to a folder above it)' });
    if (seen.has(real)) return void skipped.push({ path: show(d), reason: `same folder as ${show(seen.get(real)!)}` });
    seen.set(real, d);
    const inside = new Set(ancestors).add(real);
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      return void skipped.push({ path: show(d), reason: errorMessage(e) });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          skipped.push({ path: show(full), reason: `broken symbolic link (${errorMessage(err)})` });
          continue;
        }
      }
      if (isDir) await walk(full, inside);
      else if (isFile && e.name.toLowerCase().endsWith('.txt')) files.push(full);
      else skipped.push({ path: show(full), reason: isFile ? 'not a .txt file' : 'not a regular file' });
    }
  };
  await walk(dir, new Set());
  return files;
}

/**
 * Reads whole documents (one per source), lazily: a file is read only when the consumer asks for it.
 *
 * @example
 * ```ts
 * for await (const doc of readDocuments([{ path: 'a.txt' }], process.stdin)) console.log(doc.id);
 * ```
 */
export async function* readDocuments(sources: readonly InputSource[], stdin: NodeJS.ReadableStream, cwd = process.cwd()): AsyncGenerator<InputDoc> {
  for (const s of sources) {
    const id = s.path === '-' ? 'stdin' : s.path;
    if (s.error) {
      yield { id, error: { code: 'E_IO', message: `cannot read ${JSON.stringify(s.path)}: ${s.error}` } };
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = s.path === '-' ? await readAll(stdin) : await readFile(resolvePath(cwd, s.path));
    } catch (e) {
      yield { id, error: { code: 'E_IO', message: `cannot read ${JSON.stringify(s.path)}: ${errorMessage(e)}` } };
      continue;
    }
    try {
      yield { id, text: decodeUtf8(bytes) };
    } catch (e) {
      yield { id, error: { code: 'E_BAD_UTF8', message: `${s.path === '-' ? 'stdin' : JSON.stringify(s.path)}: ${(e as Error).message}` } };
    }
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(toBuffer(c));
  return Buffer.concat(chunks);
}

/** A stream chunk as a Buffer (Buffers as they are, without a copy). */
function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
}

/**
 * Splits a byte stream into lines (LF or CRLF) without decoding, so each line can be checked for invalid UTF-8 on
 * its own. Memory is bounded by the longest line.
 *
 * @example
 * ```ts
 * for await (const line of splitLines(createReadStream('docs.ndjson'))) console.log(line.length);
 * ```
 */
export async function* splitLines(stream: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  const strip = (b: Buffer): Buffer => (b.length && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b);
  for await (const chunk of stream) {
    const buf = toBuffer(chunk);
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf(10, start)) !== -1) {
      const part = buf.subarray(start, nl);
      const line = pending.length ? Buffer.concat([...pending, part]) : part;
      pending = [];
      yield strip(line);
      start = nl + 1;
    }
    if (start < buf.length) pending.push(buf.subarray(start));
  }
  if (pending.length) yield strip(Buffer.concat(pending));
}

/**
 * Parses one NDJSON input line: a JSON string, an object with a string `"text"` (its `"id"` is kept; other fields
 * are ignored), or (anything else) raw text; the id defaults to `defaultId` (the line number). A blank line is a
 * document with an empty text. A line that is JSON but not a document gives `{ id, error }`, with the line's own id
 * when it has one.
 *
 * @example
 * ```ts
 * parseNdjsonLine('{"id":"a","text":"Xã Quảng Hợp","lang":"vi"}', 1); // { id: 'a', text: 'Xã Quảng Hợp' }
 * parseNdjsonLine('"Xã Quảng Hợp"', 7);                 // { id: 7, text: 'Xã Quảng Hợp' }
 * parseNdjsonLine('Xã Quảng Hợp', 8);                   // { id: 8, text: 'Xã Quảng Hợp' }
 * parseNdjsonLine('{"id":"b","text":5}', 9);            // { id: 'b', error: { code: 'E_INPUT_TYPE', … } }
 * ```
 */
export function parseNdjsonLine(line: string, defaultId: unknown): InputDoc {
  const t = line.trimStart();
  if (t.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      return { id: defaultId, error: { code: 'E_BAD_JSON', message: `invalid JSON: ${(e as Error).message}` } };
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { id: defaultId, error: { code: 'E_BAD_BODY', message: 'expected a JSON object' } };
    const o = v as Record<string, unknown>;
    const id = o['id'] === undefined ? defaultId : o['id'];
    if (typeof o['text'] !== 'string') {
      const got = o['text'] === undefined ? 'nothing' : JSON.stringify(o['text']).slice(0, 40);
      return { id, error: { code: o['text'] === undefined ? 'E_BAD_BODY' : 'E_INPUT_TYPE', message: `"text" must be a string, got ${got}` } };
    }
    return { id, text: o['text'] };
  }
  if (t.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(t);
      if (typeof v === 'string') return { id: defaultId, text: v };
    } catch {
      // not a JSON string: raw text that starts with a quote
    }
  }
  return { id: defaultId, text: line };
}

/**
 * Reads NDJSON documents from several sources (files or stdin) line by line: exactly one document per line, blank
 * lines included (an empty document). Ids default to the line number (`file:line` when reading several files). Bad
 * lines become `{ id, error }`.
 *
 * @example
 * ```ts
 * for await (const doc of readNdjson([{ path: '-' }], process.stdin)) console.log(doc);
 * ```
 */
export async function* readNdjson(sources: readonly InputSource[], stdin: NodeJS.ReadableStream, cwd = process.cwd()): AsyncGenerator<InputDoc> {
  const many = sources.length > 1;
  for (const s of sources) {
    const name = s.path === '-' ? 'stdin' : s.path;
    if (s.error) {
      yield { id: name, error: { code: 'E_IO', message: `cannot read ${JSON.stringify(s.path)}: ${s.error}` } };
      continue;
    }
    const stream = s.path === '-' ? stdin : createReadStream(resolvePath(cwd, s.path));
    let lineNo = 0;
    try {
      for await (const raw of splitLines(stream as AsyncIterable<unknown>)) {
        lineNo++;
        const fallbackId = many ? `${name}:${lineNo}` : lineNo;
        let line: string;
        try {
          line = decodeUtf8(raw);
        } catch (e) {
          yield { id: fallbackId, error: { code: 'E_BAD_UTF8', message: `line ${lineNo}: ${(e as Error).message}` } };
          continue;
        }
        if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        const doc = parseNdjsonLine(line, fallbackId);
        yield 'error' in doc ? { id: doc.id, error: { code: doc.error.code, message: `line ${lineNo}: ${doc.error.message}` } } : doc;
      }
    } catch (e) {
      yield { id: name, error: { code: 'E_IO', message: `cannot read ${JSON.stringify(s.path)}: ${errorMessage(e)}` } };
    }
  }
}
