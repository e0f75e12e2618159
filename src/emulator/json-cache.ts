/**
 * Serialized JSON of objects that rarely change (messages: only their metadata can be modified),
 * kept as UTF-8 bytes so a 100-message page is copied together from cached buffers instead of
 * stringified, joined and encoded afresh. Whoever changes a cached object calls `forget` first.
 */
import type { ListPage } from "./pagination";

const cache = new WeakMap<object, Buffer>();
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

export function forget(value: object): void {
  cache.delete(value);
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
