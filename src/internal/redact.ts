/**
 * Keeps secrets out of everything the SDK prints or throws: credential headers show as
 * `***`, and the configured credential values are replaced wherever they appear in text.
 */

export const REDACTED = "***";

/** Headers whose values are credentials (compared lower-cased). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "api-key",
  "x-api-key",
  "cookie",
  "set-cookie",
]);

/** Replaces the values of credential headers with `***`; names are lower-cased. */
export function redactHeaders(
  headers: Readonly<Record<string, unknown>>,
  extraSecretHeaders: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(extraSecretHeaders.map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || value === null || value === false) continue;
    const name = key.toLowerCase();
    out[name] =
      SECRET_HEADERS.has(name) || extra.has(name) ? REDACTED : Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** Replaces every occurrence of the given secrets (and their URL-encoded forms) in text. */
export class Scrubber {
  private readonly secrets: readonly string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const all = new Set<string>();
    for (const secret of secrets) {
      // Very short values would blank out ordinary text; credentials are never that short.
      if (!secret || secret.length < 4) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
      all.add(Buffer.from(secret).toString("base64"));
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Scrubs every string inside a JSON-like value (returns a copy when anything changed). */
  value<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    if (typeof value === "string") return this.text(value) as unknown as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v)) as unknown as T;
    if (typeof value === "object" && value !== null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        Object.defineProperty(out, key, {
          value: this.value((value as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out as T;
    }
    return value;
  }
}
