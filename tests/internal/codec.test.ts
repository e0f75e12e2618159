/** The helpers generated mappers call (src/internal/codec.ts): given a wire value, want what the mapper makes of it. */
import {
  byDiscriminator,
  byShape,
  hasOwn,
  isObject,
  keepUnknown,
  mapArray,
  mapRecord,
  type ShapeMember,
} from "../../src/internal/codec";
import type { Row } from "../support/table";

const double = (n: number) => n * 2;
/** A member mapper that marks what it mapped, so a row shows which member was chosen. */
const mark = (name: string) => (value: object) => ({ ...value, mappedAs: name });

describe("isObject", () => {
  const rows: Row<unknown, boolean>[] = [
    ["a plain object", { given: { a: 1 }, want: true }],
    ["an object without a prototype", { given: Object.create(null), want: true }],
    ["an array", { given: [1], want: false }],
    ["null", { given: null, want: false }],
    ["a string", { given: "{}", want: false }],
    ["a number", { given: 1, want: false }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(isObject(given)).toBe(want));
});

describe("hasOwn", () => {
  const rows: Row<{ value: object; key: string }, boolean>[] = [
    ["an own key", { given: { value: { a: 1 }, key: "a" }, want: true }],
    ["an own key whose value is undefined", { given: { value: { a: undefined }, key: "a" }, want: true }],
    ["an inherited method", { given: { value: {}, key: "toString" }, want: false }],
    ["a key of the prototype only", { given: { value: Object.create({ a: 1 }), key: "a" }, want: false }],
    [
      "__proto__ parsed from JSON (an own key)",
      {
        given: { value: JSON.parse('{"__proto__":1}'), key: "__proto__" },
        want: true,
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(hasOwn(given.value, given.key)).toBe(want));
});

describe("keepUnknown", () => {
  const rows: Row<{ key: string; value: unknown }, { keys: string[]; value: unknown }>[] = [
    ["an ordinary key", { given: { key: "extra", value: 1 }, want: { keys: ["extra"], value: 1 } }],
    [
      "__proto__ stays data",
      {
        given: { key: "__proto__", value: { polluted: true } },
        want: { keys: ["__proto__"], value: { polluted: true } },
      },
    ],
    [
      "constructor stays data",
      {
        given: { key: "constructor", value: "k" },
        want: { keys: ["constructor"], value: "k" },
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    const target = {};
    keepUnknown(target, given.key, given.value);
    expect(Object.keys(target)).toEqual(want.keys);
    expect(Object.getOwnPropertyDescriptor(target, given.key)?.value).toEqual(want.value);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("mapArray (doubling each element)", () => {
  const rows: Row<unknown, unknown>[] = [
    ["an array", { given: [1, 2, 3], want: [2, 4, 6] }],
    ["an empty array", { given: [], want: [] }],
    ["null passes through", { given: null, want: null }],
    ["a string passes through", { given: "1,2", want: "1,2" }],
    ["an array-like object passes through", { given: { 0: 1, length: 1 }, want: { 0: 1, length: 1 } }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(mapArray(given, double)).toEqual(want));
});

describe("mapRecord (doubling each value)", () => {
  const rows: Row<unknown, unknown>[] = [
    [
      "keys are kept as they are (user data)",
      {
        given: { snake_key: 1, "Course Name": 2 },
        want: { snake_key: 2, "Course Name": 4 },
      },
    ],
    ["an empty map", { given: {}, want: {} }],
    ["an array passes through", { given: [1, 2], want: [1, 2] }],
    ["null passes through", { given: null, want: null }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(mapRecord(given, double)).toEqual(want));

  test("a __proto__ key from JSON is mapped as an own key, polluting nothing", () => {
    const out = mapRecord(JSON.parse('{"__proto__":1,"a":2}'), double);
    expect(Object.keys(out)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toBe(2);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe("byDiscriminator (on `type`: cat, dog)", () => {
  const members = { cat: mark("cat"), dog: mark("dog") };
  const rows: Row<unknown, unknown>[] = [
    [
      "a known tag picks its member",
      {
        given: { type: "cat", lives: 9 },
        want: { type: "cat", lives: 9, mappedAs: "cat" },
      },
    ],
    ["the other known tag", { given: { type: "dog" }, want: { type: "dog", mappedAs: "dog" } }],
    ["an unknown tag passes through", { given: { type: "fish" }, want: { type: "fish" } }],
    ["a tag naming an inherited method passes through", { given: { type: "toString" }, want: { type: "toString" } }],
    ["a non-string tag passes through", { given: { type: 1 }, want: { type: 1 } }],
    ["no tag passes through", { given: { lives: 9 }, want: { lives: 9 } }],
    ["a string passes through", { given: "cat", want: "cat" }],
    ["null passes through", { given: null, want: null }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(byDiscriminator(given, "type", members)).toEqual(want));
});

describe("byShape (object with `a`, any object, string, array, null)", () => {
  const members: ShapeMember[] = [
    { kind: "object", required: ["a"], map: mark("has a") },
    { kind: "object", map: mark("any object") },
    { kind: "string", map: (s: string) => s.toUpperCase() },
    { kind: "array", map: (items: unknown[]) => items.length },
    { kind: "null", map: () => "was null" },
  ];
  const rows: Row<unknown, unknown>[] = [
    ["an object with the required key: the first member", { given: { a: 1 }, want: { a: 1, mappedAs: "has a" } }],
    ["an object without it: the next object member", { given: { b: 1 }, want: { b: 1, mappedAs: "any object" } }],
    [
      "a required key inherited only does not count",
      {
        given: Object.create({ a: 1 }),
        want: { mappedAs: "any object" },
      },
    ],
    ["a string", { given: "x", want: "X" }],
    ["an array is not an object", { given: [1, 2], want: 2 }],
    ["null is not an object", { given: null, want: "was null" }],
    ["a number fits no member and passes through", { given: 5, want: 5 }],
    ["a boolean fits no member and passes through", { given: true, want: true }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(byShape(given, members)).toEqual(want));

  test("a member without a mapper returns the value itself", () => {
    const value = { a: 1 };
    expect(byShape(value, [{ kind: "object" }])).toBe(value);
  });
});

describe("byShape: the most specific fitting member wins (string | string[] | Part[] | Tagged objects | any)", () => {
  const members: ShapeMember[] = [
    { kind: "string", map: () => "string" },
    { kind: "array", items: [{ kind: "string" }], map: () => "strings" },
    {
      kind: "array",
      items: [
        { kind: "object", required: ["type", "imageUrl"], tags: { type: "image_url" } },
        { kind: "object", required: ["type", "text"], tags: { type: "text" } },
      ],
      map: () => "parts",
    },
    { kind: "object", required: ["text"], map: () => "text" },
    { kind: "object", required: ["text", "language"], map: () => "verbose" },
    { kind: "object", required: ["kind"], tags: { kind: "dog" }, map: () => "dog" },
    { kind: "any", map: () => "anything" },
  ];
  const rows: Row<unknown, unknown>[] = [
    ["a string", { given: "hi", want: "string" }],
    ["an array of strings", { given: ["a", "b"], want: "strings" }],
    [
      "an array of parts: the items decide, not the first array member",
      {
        given: [
          { type: "image_url", imageUrl: { url: "u" } },
          { type: "text", text: "t" },
        ],
        want: "parts",
      },
    ],
    ["an empty array fits both array members: the first", { given: [], want: "strings" }],
    [
      "a part whose tag is wrong fits no array member: any",
      {
        given: [{ type: "video", text: "t" }],
        want: "anything",
      },
    ],
    [
      "a mix of strings and parts fits no array member: any",
      {
        given: ["a", { type: "text", text: "t" }],
        want: "anything",
      },
    ],
    ["more required keys present: the more specific member", { given: { text: "t", language: "en" }, want: "verbose" }],
    ["only the fewer required keys: that member", { given: { text: "t" }, want: "text" }],
    ["a matching tag", { given: { kind: "dog" }, want: "dog" }],
    ["a tag with another value does not fit", { given: { kind: "cat" }, want: "anything" }],
    ["a number fits only `any`", { given: 3, want: "anything" }],
  ];
  test.each(rows)("%s", (_, { given, want }) => expect(byShape(given, members)).toEqual(want));

  test("arrays of arrays: items are checked at every level", () => {
    const nested: ShapeMember[] = [
      { kind: "array", items: [{ kind: "array", items: [{ kind: "number" }] }], map: () => "numbers" },
      { kind: "array", items: [{ kind: "array", items: [{ kind: "string" }] }], map: () => "strings" },
    ];
    expect(byShape([["a"], []], nested)).toBe("strings");
    expect(byShape([[1, 2]], nested)).toBe("numbers");
  });
});
