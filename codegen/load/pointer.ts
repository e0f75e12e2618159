/**
 * JSON Pointer rules (RFC 6901), in one place. The generator writes pointers as `#/a/b~1c`:
 * `#` for "this document", tokens escaped, never percent-encoded. A `$ref` is a URI fragment,
 * which is percent-encoded (RFC 6901 §6), so a ref goes through `refPointer` before it is
 * looked up or compared: `#/components/schemas/My%20Type` names the component `My Type`.
 */

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function encodeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Unescapes one reference token in a single pass, so `~01` is `~1` (not `/`). */
export function decodeToken(token: string): string {
  return token.replace(/~[01]/g, (escape) => (escape === "~1" ? "/" : "~"));
}

/** Appends one reference token to a pointer. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${encodeToken(key)}`;
}

/** `["components", "schemas", "A/B"]` → `#/components/schemas/A~1B`. */
export function pointerOf(tokens: readonly (string | number)[]): string {
  return tokens.reduce<string>(childPointer, "#");
}

/** Splits `#/a/b~1c` into `["a", "b/c"]`; undefined when it is not a local pointer or has a bad escape. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === "#") return [];
  if (!pointer.startsWith("#/")) return undefined;
  const tokens = pointer.slice(2).split("/");
  // RFC 6901 §3: `~` is only ever followed by `0` or `1`.
  if (tokens.some((token) => /~(?![01])/.test(token))) return undefined;
  return tokens.map(decodeToken);
}

/** The pointer a local `$ref` names (percent-decoded); undefined when the fragment is not a valid pointer. */
export function refPointer(ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  let pointer: string;
  try {
    pointer = `#${decodeURIComponent(ref.slice(1))}`;
  } catch {
    return undefined; // a `%` that starts no valid escape
  }
  return pointerTokens(pointer) ? pointer : undefined;
}

/** A `$ref` that leaves this document (`other.yaml#/X`, `https://...`). */
export function isExternalRef(ref: string): boolean {
  return !ref.startsWith("#");
}
