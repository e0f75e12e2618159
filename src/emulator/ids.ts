/** Object ids shaped as the API's: a prefix, then 24 letters and digits. Seeded ids repeat run after run. */
import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 24;

export type IdPrefix = "asst_" | "thread_" | "msg_" | "run_" | "step_" | "call_" | "file-";

export type IdSource = (prefix: IdPrefix) => string;

/** Random ids, or with a seed the same sequence of ids every time. */
export function idSource(seed?: string | number): IdSource {
  const pick = seed === undefined ? randomPick() : seededPick(String(seed));
  return (prefix) => {
    let id = prefix;
    for (let i = 0; i < LENGTH; i++) id += ALPHABET[pick(ALPHABET.length)];
    return id;
  };
}

/** Unbiased picks from a pool of random bytes (one crypto call per 4 KB, not one per character). */
function randomPick(): (n: number) => number {
  let pool = randomBytes(4096);
  let next = 0;
  return (n) => {
    const limit = 256 - (256 % n);
    for (;;) {
      if (next === pool.length) [pool, next] = [randomBytes(4096), 0];
      const byte = pool[next++];
      if (byte < limit) return byte % n;
    }
  };
}

/** mulberry32 over an FNV-1a hash of the seed: small, fast, and good enough for ids. */
function seededPick(seed: string): (n: number) => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
  };
}

/** `x-request-id`: `req_` and 32 hex digits (a UUID's: node hands those out from a pooled buffer, one crypto call per 128). */
export function requestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}
