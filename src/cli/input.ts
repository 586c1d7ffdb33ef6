// Reading CLI input: files, folders (recursively *.txt), stdin; strict UTF-8; NDJSON lines in bounded memory.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** One document to process, or the reason it could not be read (reported per document, never fatal). */
export type InputDoc =
  | { readonly id: unknown; readonly text: string }
  | { readonly id: unknown; readonly error: string; readonly code: 'E_IO' | 'E_BAD_UTF8' | 'E_BAD_JSON' };

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
 * Expands command-line paths: files as given, folders recursively to their `*.txt` files (sorted), `-` for stdin.
 * Unreadable paths are kept, with an `error`, so they can be reported in order without stopping the others.
 *
 * @example
 * ```ts
 * await expandInputs(['reports/', 'extra.txt']); // [{ path: 'reports/a.txt' }, …, { path: 'extra.txt' }]
 * ```
 */
export async function expandInputs(paths: readonly string[], cwd = process.cwd()): Promise<InputSource[]> {
  const out: InputSource[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ path: '-' });
      continue;
    }
    try {
      const st = await stat(resolvePath(cwd, p));
      if (st.isDirectory()) {
        const files = await listTxt(resolvePath(cwd, p));
        if (!files.length) out.push({ path: p, error: 'no .txt files in this folder', fromFolder: true });
        for (const f of files) out.push({ path: relativeOrSame(cwd, f, p), fromFolder: true });
      } else out.push({ path: p });
    } catch (e) {
      out.push({ path: p, error: errorMessage(e) });
    }
  }
  return out;
}

function resolvePath(cwd: string, p: string): string {
  return p.startsWith('/') ? p : join(cwd, p);
}

function relativeOrSame(cwd: string, file: string, given: string): string {
  return given.startsWith('/') ? file : relative(cwd, file);
}

async function listTxt(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) files.push(full);
    }
  };
  await walk(dir);
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
      yield { id, error: `cannot read ${JSON.stringify(s.path)}: ${s.error}`, code: 'E_IO' };
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = s.path === '-' ? await readAll(stdin) : await readFile(resolvePath(cwd, s.path));
    } catch (e) {
      yield { id, error: `cannot read ${JSON.stringify(s.path)}: ${errorMessage(e)}`, code: 'E_IO' };
      continue;
    }
    try {
      yield { id, text: decodeUtf8(bytes) };
    } catch (e) {
      yield { id, error: `${s.path === '-' ? 'stdin' : JSON.stringify(s.path)}: ${(e as Error).message}`, code: 'E_BAD_UTF8' };
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
 * Parses one NDJSON input line: a JSON string, a `{ "id", "text" }` object, or (anything else) raw text; the id
 * is the object's `id`, else `defaultId` (the line number).
 * Throws a readable message for a line that is JSON but not a document.
 *
 * @example
 * ```ts
 * parseNdjsonLine('{"id":"a","text":"Xã Quảng Hợp"}', 1); // { id: 'a', text: 'Xã Quảng Hợp' }
 * parseNdjsonLine('"Xã Quảng Hợp"', 7);                 // { id: 7, text: 'Xã Quảng Hợp' }
 * parseNdjsonLine('Xã Quảng Hợp', 8);                   // { id: 8, text: 'Xã Quảng Hợp' }
 * ```
 */
export function parseNdjsonLine(line: string, defaultId: unknown): { id: unknown; text: string } {
  const t = line.trimStart();
  if (t.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      throw new Error(`invalid JSON: ${(e as Error).message}`);
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (k !== 'id' && k !== 'text') throw new Error(`unknown field ${JSON.stringify(k)}; a document is { "id", "text" }`);
    }
    if (typeof o['text'] !== 'string') throw new Error(`"text" must be a string, got ${o['text'] === undefined ? 'nothing' : JSON.stringify(o['text'])}`);
    return { id: o['id'] === undefined ? defaultId : o['id'], text: o['text'] };
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
 * Reads NDJSON documents from several sources (files or stdin) line by line. Blank lines are skipped; ids default
 * to the line number (`file:line` when reading files). Bad lines become `{ id, error }`.
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
      yield { id: name, error: `cannot read ${JSON.stringify(s.path)}: ${s.error}`, code: 'E_IO' };
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
          yield { id: fallbackId, error: `line ${lineNo}: ${(e as Error).message}`, code: 'E_BAD_UTF8' };
          continue;
        }
        if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        if (line.trim() === '') continue;
        try {
          yield parseNdjsonLine(line, fallbackId);
        } catch (e) {
          yield { id: fallbackId, error: `line ${lineNo}: ${(e as Error).message}`, code: 'E_BAD_JSON' };
        }
      }
    } catch (e) {
      yield { id: name, error: `cannot read ${JSON.stringify(s.path)}: ${errorMessage(e)}`, code: 'E_IO' };
    }
  }
}
