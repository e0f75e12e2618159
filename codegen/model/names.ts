/** The one place for naming rules: spec names → TypeScript names, and which names code may write as they are. */

/** Names a module-level declaration must not take: emitted code and the runtime use these globals. */
const RESERVED_TYPE_NAMES = new Set([
  "Array",
  "ArrayBuffer",
  "Blob",
  "Boolean",
  "Buffer",
  "Date",
  "Error",
  "File",
  "FormData",
  "Function",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Promise",
  "ReadableStream",
  "Record",
  "Set",
  "String",
  "Symbol",
  "Uint8Array",
  "Upload",
  "RequestOptions",
  "AxiosResponse",
  "Partial",
  "Required",
  "Readonly",
  "Pick",
  "Omit",
  // TypeScript keywords that cannot name a class or type.
  "Any",
  "Unknown",
  "Never",
  "Undefined",
  "Void",
]);

/** Field names that would mean something else inside a class body or object. */
const RESERVED_FIELD_NAMES = new Set(["constructor", "__proto__", "prototype"]);

/**
 * Words that cannot name a parameter or `const` in a strict-mode module, plus `undefined`:
 * shadowing it is legal but would change what generated code means by it.
 */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An ASCII JavaScript identifier: may be written as `obj.name` or `{ name: ... }` without quotes. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A name a parameter or local `const` may take as it is. */
export function isBindingName(name: string): boolean {
  return isIdentifier(name) && !RESERVED_WORDS.has(name);
}

/** Splits `file_ids`, `OpenAIFile`, `x-rate-limit` or `2xx` into words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function capitalize(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

export function pascalCase(name: string): string {
  const result = words(name).map(capitalize).join("");
  return leadingDigitSafe(result || "Unnamed", "N");
}

export function camelCase(name: string): string {
  const parts = words(name);
  if (parts.length === 0) return "value";
  const [first, ...rest] = parts;
  const head = /^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first[0].toLowerCase() + first.slice(1);
  return leadingDigitSafe(head + rest.map(capitalize).join(""), "_");
}

/** `threadId` → `thread_id`: lower-case words joined by underscores ("" when there are none). */
export function snakeCase(name: string): string {
  return words(name)
    .map((w) => w.toLowerCase())
    .join("_");
}

function leadingDigitSafe(name: string, prefix: string): string {
  return /^[0-9]/.test(name) ? prefix + name : name;
}

/** A class, enum or alias name. */
export function typeName(specName: string): string {
  const name = pascalCase(specName);
  return RESERVED_TYPE_NAMES.has(name) ? `${name}T` : name;
}

/** A model field or argument name. */
export function fieldName(wireName: string): string {
  const name = camelCase(wireName);
  return RESERVED_FIELD_NAMES.has(name) ? `${name}Value` : name;
}

/** A method argument name: a field name that is also a legal parameter (`class` → `classValue`). */
export function argumentName(wireName: string): string {
  const name = fieldName(wireName);
  return isBindingName(name) ? name : `${name}Value`;
}

/**
 * An enum member name for a value. Strings: `in_progress` → `InProgress`, `2xx` → `Value2xx`,
 * `""` → `Empty`. Numbers: `1` → `Value1`, `1.5` → `Value1_5`, `-1` → `Minus1`.
 */
export function enumMemberName(value: string | number | boolean): string {
  if (typeof value === "number") {
    const digits = String(Math.abs(value)).replace(/\W/g, "_");
    return value < 0 ? `Minus${digits}` : `Value${digits}`;
  }
  const name = words(String(value)).map(capitalize).join("");
  if (name === "") return "Empty";
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/** Hands out unique names within one scope; names differing only in case collide (file systems). */
export class NameScope {
  private readonly taken = new Set<string>();

  /** The first free candidate; when all are taken, the last one with a number. */
  claim(candidates: readonly string[]): string {
    for (const candidate of candidates) {
      if (!this.taken.has(candidate.toLowerCase())) return this.take(candidate);
    }
    const base = candidates[candidates.length - 1];
    for (let i = 2; ; i++) {
      if (!this.taken.has(`${base}${i}`.toLowerCase())) return this.take(`${base}${i}`);
    }
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  private take(name: string): string {
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** Makes field names unique within one object (`file_id` and `fileId` both exist). */
export function uniqueFieldNames(wireNames: readonly string[]): string[] {
  const scope = new NameScope();
  return wireNames.map((wire) => scope.claim([fieldName(wire), `${fieldName(wire)}Field`]));
}

/** The name in `names` closest to `wanted` (same letters ignoring case and separators, else a few edits away). */
export function closestName(wanted: string, names: readonly string[]): string | undefined {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const same = names.find((n) => plain(n) === plain(wanted));
  if (same) return same;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(plain(wanted), plain(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
