import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
export const NEWS_TRAIN = join(SHARED, 'corpus', 'news-train', 'news-train.jsonl.gz');
/** Feature cache (gitignored). Delete it after changing src/summarize/features.ts or the pipeline before it. */
export const CACHE_DIR = process.env.SUMMARY_CACHE ?? join(ROOT, '.tmp', 'summary');
