/**
 * Helpers the generated wire <-> model mappers call. Each mapper is plain code
 * (no reflection), so parsing a response costs about as much as JSON.parse.
 */

export type Mapper = (value: any) => any;

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for an object's own property (for-in also visits inherited enumerable ones). */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/**
 * Copies a field the SDK does not know under its own name, so nothing the server
 * sends is lost. `__proto__` is defined as an own property, never as a prototype.
 */
export function keepUnknown(target: object, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Maps every element of an array; anything else passes through unchanged. */
export function mapArray(value: unknown, map: Mapper): any {
  if (!Array.isArray(value)) return value;
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = map(value[i]);
  return out;
}

/** Maps every value of a string-keyed map; keys are user data and stay as they are. */
export function mapRecord(value: unknown, map: Mapper): any {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) keepUnknown(out, key, map(value[key]));
  return out;
}

/**
 * Maps a union member chosen by its discriminator property. A tag the SDK does not
 * know yet passes through unchanged rather than failing the whole response.
 */
export function byDiscriminator(value: unknown, property: string, members: Readonly<Record<string, Mapper>>): any {
  if (!isObject(value)) return value;
  const tag = value[property];
  const map = typeof tag === "string" && hasOwn(members, tag) ? members[tag] : undefined;
  return map ? map(value) : value;
}

/** A union member without a discriminator: recognised by its kind and required keys. */
export interface ShapeMember {
  readonly kind: "object" | "array" | "string" | "number" | "boolean" | "null";
  readonly required?: readonly string[];
  readonly map?: Mapper;
}

/** Maps the first member whose shape fits; a value that fits none passes through. */
export function byShape(value: unknown, members: readonly ShapeMember[]): any {
  const kind = kindOf(value);
  for (const member of members) {
    if (member.kind !== kind) continue;
    if (member.required && !member.required.every((key) => hasOwn(value as object, key))) continue;
    return member.map ? member.map(value) : value;
  }
  return value;
}

function kindOf(value: unknown): ShapeMember["kind"] {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return type;
  return "object";
}
