/**
 * Serialized JSON of objects that rarely change (messages: only their metadata can be modified),
 * kept as UTF-8 bytes: a 100-message page is copied together from cached buffers instead of
 * stringified, joined and encoded afresh, and a page asked for again (a client polling a thread)
 * is served as it was while its collection has not changed. Whoever changes a cached object in
 * place calls `forget(object, itsCollection)` first.
 */
import type { ListPage } from "./pagination";

/** What `cachedPage` needs of a collection: a number that moves whenever its items do. */
interface Versioned {
  readonly version: number;
  changed(): void;
}

/** Distinct queries kept per collection (a client paging through a long list asks each page once). */
const PAGES_PER_COLLECTION = 16;

const cache = new WeakMap<object, Buffer>();
const pages = new WeakMap<Versioned, { version: number; byQuery: Map<string, Buffer> }>();
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]}");

export function cachedJson(value: object): Buffer {
  let bytes = cache.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    cache.set(value, bytes);
  }
  return bytes;
}

/** Drops an object's bytes and every cached page of its collection. */
export function forget(value: object, collection: Versioned): void {
  cache.delete(value);
  collection.changed();
}

/** The page for `queryKey` as built for the collection's current version, or `build()` and kept. */
export function cachedPage(collection: Versioned, queryKey: string, build: () => Buffer): Buffer {
  let entry = pages.get(collection);
  if (entry?.version !== collection.version) {
    entry = { version: collection.version, byQuery: new Map() };
    pages.set(collection, entry);
  }
  let bytes = entry.byQuery.get(queryKey);
  if (bytes === undefined) {
    bytes = build();
    if (entry.byQuery.size === PAGES_PER_COLLECTION) entry.byQuery.delete(entry.byQuery.keys().next().value!);
    entry.byQuery.set(queryKey, bytes);
  }
  return bytes;
}

/** The page as JSON bytes, its items from the cache. */
export function pageJson<T extends object>(page: ListPage<T>): Buffer {
  const { data, ...rest } = page;
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(rest).slice(0, -1)},"data":[`)];
  data.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(cachedJson(item));
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
