import { describe, VietNlpError } from '../errors.js';

// A vocabulary of folded keys (see `foldKey`): each distinct key gets a small integer id, so layers compare
// numbers instead of strings. A vocabulary is filled and then frozen; a document extends a frozen vocabulary with
// a child of its own, so dictionary words keep their ids in every document and no document ever writes into the
// shared parent (no shared mutable state, no unbounded growth across documents).

/** A string ↔ id table of folded keys. */
export interface Vocab {
  /** Number of ids (ids are 0 … size-1). */
  readonly size: number;
  /** The id of `key`, or -1 when it is not in the vocabulary. */
  get(key: string): number;
  /** The id of `key`, adding it when absent. Throws on a frozen vocabulary. */
  intern(key: string): number;
  /** The key of an id (undefined when out of range). */
  str(id: number): string | undefined;
  /** Forbids further `intern` calls on this vocabulary (children still may add their own keys). */
  freeze(): Vocab;
  readonly frozen: boolean;
  /** A child vocabulary: the ids of this one plus its own; freezes this one. */
  child(): Vocab;
}

class VocabImpl implements Vocab {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private isFrozen = false;
  constructor(private readonly parent?: VocabImpl) {}

  get size(): number {
    return (this.parent?.size ?? 0) + this.keys.length;
  }
  get frozen(): boolean {
    return this.isFrozen;
  }
  get(key: string): number {
    const p = this.parent ? this.parent.get(key) : -1;
    if (p >= 0) return p;
    return this.ids.get(key) ?? -1;
  }
  intern(key: string): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if (this.isFrozen) {
      throw new VietNlpError('E_OPTION_VALUE', `vocab.intern: the vocabulary is frozen (it has children); cannot add ${describe(key)}: intern into vocab.child() instead`, { fn: 'vocab.intern', value: key });
    }
    const id = this.size;
    this.ids.set(key, id);
    this.keys.push(key);
    return id;
  }
  str(id: number): string | undefined {
    const base = this.parent?.size ?? 0;
    if (id < base) return this.parent!.str(id);
    return this.keys[id - base];
  }
  freeze(): Vocab {
    this.isFrozen = true;
    return this;
  }
  child(): Vocab {
    this.isFrozen = true;
    return new VocabImpl(this);
  }
}

/**
 * Creates a vocabulary, optionally filled with `keys` (already folded).
 *
 * @example
 * ```ts
 * const v = createVocab(['huyện', 'ủy']).child();
 * v.get('ủy'); // 1
 * v.intern('quảng'); // 2 (in the child only)
 * ```
 */
export function createVocab(keys: Iterable<string> = []): Vocab {
  const v = new VocabImpl();
  for (const k of keys) v.intern(k);
  return v;
}
