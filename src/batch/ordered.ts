// Ordered, bounded-concurrency map over a (possibly async, possibly endless) source.

/** Outcome of one mapped item, as yielded by {@link mapSettledOrdered}. */
export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

type Next<T> = { readonly kind: 'next'; readonly result: IteratorResult<T> };

function iteratorOf<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  if (source && typeof (source as AsyncIterable<T>)[Symbol.asyncIterator] === 'function') {
    return (source as AsyncIterable<T>)[Symbol.asyncIterator]();
  }
  if (source && typeof (source as Iterable<T>)[Symbol.iterator] === 'function') return (source as Iterable<T>)[Symbol.iterator]();
  throw new TypeError('expected an iterable or async iterable');
}

/**
 * Maps `fn` over `source` with at most `limit` calls in flight and yields the outcomes in input order. The source
 * is pulled only while fewer than `limit` items are pending (backpressure), so memory stays bounded whatever the
 * length of the source. A finished head item is yielded without waiting for the source's next item. Stopping the
 * iteration early closes the source.
 *
 * @example
 * ```ts
 * for await (const r of mapSettledOrdered(['a', 'b'], async (s) => s.toUpperCase(), 2)) {
 *   if (r.ok) console.log(r.value); // 'A', then 'B'
 * }
 * ```
 */
export async function* mapSettledOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, index: number) => R | Promise<R>,
  limit: number,
): AsyncGenerator<Settled<Awaited<R>>, void, undefined> {
  const max = Math.max(1, Math.floor(limit) || 1);
  const it = iteratorOf(source);
  const window: Promise<Settled<Awaited<R>>>[] = [];
  let pending: Promise<Next<T>> | undefined;
  let done = false;
  let index = 0;
  const start = (item: T): void => {
    const i = index++;
    window.push(
      (async () => {
        try {
          return { ok: true as const, value: await fn(item, i) };
        } catch (error) {
          return { ok: false as const, error };
        }
      })(),
    );
  };
  try {
    for (;;) {
      while (!done && window.length < max) {
        pending ??= Promise.resolve(it.next()).then((result) => ({ kind: 'next' as const, result }));
        let got: Next<T> | { kind: 'head' };
        if (window.length > 0) got = await Promise.race([pending, window[0]!.then(() => ({ kind: 'head' as const }))]);
        else got = await pending;
        if (got.kind === 'head') break;
        pending = undefined;
        if (got.result.done) done = true;
        else start(got.result.value);
      }
      const head = window.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!done) {
      done = true;
      // Close the source; an outstanding next() is left to settle on its own.
      await Promise.resolve(it.return?.()).catch(() => undefined);
    }
  }
}

/**
 * Like {@link mapSettledOrdered} but yields plain values and throws the first error (at its position in the order).
 *
 * @example
 * ```ts
 * const out: number[] = [];
 * for await (const n of mapOrdered([1, 2, 3], (n) => n * 2, 2)) out.push(n); // [2, 4, 6]
 * ```
 */
export async function* mapOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, index: number) => R | Promise<R>,
  limit: number,
): AsyncGenerator<Awaited<R>, void, undefined> {
  for await (const r of mapSettledOrdered(source, fn, limit)) {
    if (!r.ok) throw r.error;
    yield r.value;
  }
}
