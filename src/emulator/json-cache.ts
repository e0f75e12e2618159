/**
 * Serialized JSON of objects that rarely change (messages: only their metadata can be modified),
 * so a 100-message page is joined from cached strings instead of stringified afresh. Whoever
 * changes a cached object calls `forget` first.
 */
import type { ListPage } from "./pagination";

const cache = new WeakMap<object, string>();

export function cachedJson(value: object): string {
  let text = cache.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    cache.set(value, text);
  }
  return text;
}

export function forget(value: object): void {
  cache.delete(value);
}

/** The page as JSON text, its items from the cache. */
export function pageJson<T extends object>(page: ListPage<T>): string {
  const { data, ...rest } = page;
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head},"data":[${data.map(cachedJson).join(",")}]}`;
}
