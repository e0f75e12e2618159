/**
 * Helpers the generated wire <-> model mappers call. Each mapper is plain code
 * (no reflection), so parsing a response costs about as much as JSON.parse.
 */

/** What mappers take and give: generated code assigns it straight to the model's typed fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed by the generated code that uses it
type Mapped = any;

export type Mapper = (value: Mapped) => Mapped;

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
export function mapArray(value: unknown, map: Mapper): Mapped {
  if (!Array.isArray(value)) return value;
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = map(value[i]);
  return out;
}

/** Maps every value of a string-keyed map; keys are user data and stay as they are. */
export function mapRecord(value: unknown, map: Mapper): Mapped {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) keepUnknown(out, key, map(value[key]));
  return out;
}

/**
 * Maps a union member chosen by its discriminator property. A tag the SDK does not
 * know yet passes through unchanged rather than failing the whole response.
 */
export function byDiscriminator(value: unknown, property: string, members: Readonly<Record<string, Mapper>>): Mapped {
  if (!isObject(value)) return value;
  const tag = value[property];
  const map = typeof tag === "string" && hasOwn(members, tag) ? members[tag] : undefined;
  return map ? map(value) : value;
}

/**
 * What the values of a union member look like, to tell members apart without a discriminator:
 * their JSON kind (`any` fits every value), the keys an object must have, the constant values
 * some of its properties must hold (`type: "text"`), the shapes an array's items take.
 */
export interface Shape {
  readonly kind: "object" | "array" | "string" | "number" | "boolean" | "null" | "any";
  readonly required?: readonly string[];
  readonly tags?: Readonly<Record<string, string | number | boolean>>;
  /** Every item of the array fits one of these. */
  readonly items?: readonly Shape[];
}

/** A union member: one of its shapes, and how its values are mapped. */
export interface ShapeMember extends Shape {
  readonly map?: Mapper;
}

/**
 * Maps the member whose shape fits the value most specifically (the first one on a tie): for
 * `string[] | Part[]` an array of objects is the parts' member, and an object with more of a
 * member's required keys or tags is that member's. A value that fits none passes through.
 */
export function byShape(value: unknown, members: readonly ShapeMember[]): Mapped {
  let best: ShapeMember | undefined;
  let bestScore = -1;
  for (const member of members) {
    const score = fit(member, value);
    if (score > bestScore) {
      best = member;
      bestScore = score;
    }
  }
  return best?.map ? best.map(value) : value;
}

/** How specifically a shape fits a value: -1 when it does not, else 0 (any value) and up. */
function fit(shape: Shape, value: unknown): number {
  if (shape.kind === "any") return 0;
  if (shape.kind !== kindOf(value)) return -1;
  let score = 1;
  if (shape.required) {
    for (const key of shape.required) if (!hasOwn(value as object, key)) return -1;
    score += shape.required.length;
  }
  if (shape.tags) {
    for (const key in shape.tags) {
      if (!hasOwn(value as object, key) || (value as Record<string, unknown>)[key] !== shape.tags[key]) return -1;
      score += 1;
    }
  }
  if (shape.items) {
    for (const item of value as unknown[]) if (!shape.items.some((s) => fit(s, item) >= 0)) return -1;
    score += 1;
  }
  return score;
}

function kindOf(value: unknown): ShapeMember["kind"] {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return type;
  return "object";
}
