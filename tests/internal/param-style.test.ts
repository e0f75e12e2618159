/**
 * Parameter styles (src/internal/param-style.ts): the OpenAPI 3.0/3.1 "Style Values" table as
 * given/want rows (a string, an array and an object, each style and explode), plus encoding and
 * the edges the table leaves out.
 */
import type { CookieParamDef, HeaderParamDef, PathParamDef, QueryParamDef } from "../../src/internal/contract";
import { cookiePair, headerText, pathText, queryPairs } from "../../src/internal/param-style";
import type { Row } from "../support/table";

const STRING = "blue";
const ARRAY = ["blue", "black", "brown"];
const OBJECT = { R: 100, G: 200, B: 150 };

describe("query", () => {
  const rows: Row<{ def: Omit<QueryParamDef, "name">; value: unknown }, string>[] = [
    ["form, exploded (the default): a string", { given: { def: {}, value: STRING }, want: "color=blue" }],
    [
      "form, exploded: an array repeats the name",
      {
        given: { def: {}, value: ARRAY },
        want: "color=blue&color=black&color=brown",
      },
    ],
    ["form, exploded: an object's keys become names", { given: { def: {}, value: OBJECT }, want: "R=100&G=200&B=150" }],
    ["form, not exploded: a string", { given: { def: { explode: false }, value: STRING }, want: "color=blue" }],
    [
      "form, not exploded: an array",
      {
        given: { def: { explode: false }, value: ARRAY },
        want: "color=blue,black,brown",
      },
    ],
    [
      "form, not exploded: an object",
      {
        given: { def: { explode: false }, value: OBJECT },
        want: "color=R,100,G,200,B,150",
      },
    ],
    ["form: the empty string", { given: { def: {}, value: "" }, want: "color=" }],
    [
      "spaceDelimited (not exploded by default): an array",
      {
        given: { def: { style: "spaceDelimited" }, value: ARRAY },
        want: "color=blue%20black%20brown",
      },
    ],
    [
      "spaceDelimited: an object",
      {
        given: { def: { style: "spaceDelimited" }, value: OBJECT },
        want: "color=R%20100%20G%20200%20B%20150",
      },
    ],
    [
      "spaceDelimited, exploded: an array as form does",
      {
        given: { def: { style: "spaceDelimited", explode: true }, value: ARRAY },
        want: "color=blue&color=black&color=brown",
      },
    ],
    [
      "pipeDelimited: an array",
      {
        given: { def: { style: "pipeDelimited" }, value: ARRAY },
        want: "color=blue|black|brown",
      },
    ],
    [
      "pipeDelimited: an object",
      {
        given: { def: { style: "pipeDelimited" }, value: OBJECT },
        want: "color=R|100|G|200|B|150",
      },
    ],
    [
      "pipeDelimited: a pipe inside an item is encoded",
      {
        given: { def: { style: "pipeDelimited" }, value: ["a|b", "c"] },
        want: "color=a%7Cb|c",
      },
    ],
    [
      "deepObject: an object",
      {
        given: { def: { style: "deepObject" }, value: OBJECT },
        want: "color[R]=100&color[G]=200&color[B]=150",
      },
    ],
    [
      "deepObject: keys and values encoded, brackets kept",
      {
        given: { def: { style: "deepObject" }, value: { "a b": "c&d", "x]": "y" } },
        want: "color[a%20b]=c%26d&color[x%5D]=y",
      },
    ],
    [
      "deepObject: a nested object nests brackets; null entries are left out",
      {
        given: { def: { style: "deepObject" }, value: { a: { b: 1, c: null } } },
        want: "color[a][b]=1",
      },
    ],
    [
      "deepObject: an array inside repeats its key",
      {
        given: { def: { style: "deepObject" }, value: { ids: [1, 2] } },
        want: "color[ids]=1&color[ids]=2",
      },
    ],
    [
      "deepObject: explode false is ignored (the style has one form)",
      {
        given: { def: { style: "deepObject", explode: false }, value: { a: 1 } },
        want: "color[a]=1",
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(queryPairs({ name: "color", ...given.def }, given.value).join("&")).toBe(want);
  });
});

describe("path", () => {
  const rows: Row<{ def: Omit<PathParamDef, "name">; value: unknown }, string>[] = [
    ["simple (the default): a string", { given: { def: {}, value: STRING }, want: "blue" }],
    ["simple: an array", { given: { def: {}, value: ARRAY }, want: "blue,black,brown" }],
    ["simple: an object", { given: { def: {}, value: OBJECT }, want: "R,100,G,200,B,150" }],
    ["simple, exploded: an array", { given: { def: { explode: true }, value: ARRAY }, want: "blue,black,brown" }],
    ["simple, exploded: an object", { given: { def: { explode: true }, value: OBJECT }, want: "R=100,G=200,B=150" }],
    [
      "simple: a slash and a question mark stay inside the segment",
      {
        given: { def: {}, value: "a/b?c" },
        want: "a%2Fb%3Fc",
      },
    ],
    ["simple: a dot-dot segment is encoded", { given: { def: {}, value: ".." }, want: "%2E%2E" }],
    ["label: a string", { given: { def: { style: "label" }, value: STRING }, want: ".blue" }],
    ["label: an array", { given: { def: { style: "label" }, value: ARRAY }, want: ".blue,black,brown" }],
    ["label: an object", { given: { def: { style: "label" }, value: OBJECT }, want: ".R,100,G,200,B,150" }],
    [
      "label, exploded: an array",
      {
        given: { def: { style: "label", explode: true }, value: ARRAY },
        want: ".blue.black.brown",
      },
    ],
    [
      "label, exploded: an object",
      {
        given: { def: { style: "label", explode: true }, value: OBJECT },
        want: ".R=100.G=200.B=150",
      },
    ],
    ["matrix: a string", { given: { def: { style: "matrix" }, value: STRING }, want: ";color=blue" }],
    ["matrix: the empty string", { given: { def: { style: "matrix" }, value: "" }, want: ";color" }],
    ["matrix: an array", { given: { def: { style: "matrix" }, value: ARRAY }, want: ";color=blue,black,brown" }],
    ["matrix: an object", { given: { def: { style: "matrix" }, value: OBJECT }, want: ";color=R,100,G,200,B,150" }],
    [
      "matrix, exploded: an array",
      {
        given: { def: { style: "matrix", explode: true }, value: ARRAY },
        want: ";color=blue;color=black;color=brown",
      },
    ],
    [
      "matrix, exploded: an object",
      {
        given: { def: { style: "matrix", explode: true }, value: OBJECT },
        want: ";R=100;G=200;B=150",
      },
    ],
  ];
  test.each(rows)("%s", (_, { given, want }) => {
    expect(pathText({ name: "color", ...given.def }, given.value)).toBe(want);
  });

  test("a bare name is style simple", () => expect(pathText("color", ARRAY)).toBe("blue,black,brown"));
});

describe("header (simple) and cookie (form, not exploded)", () => {
  const headers: Row<{ def: Omit<HeaderParamDef, "name">; value: unknown }, string>[] = [
    ["a string, as it is", { given: { def: {}, value: "a b/c" }, want: "a b/c" }],
    ["an array", { given: { def: {}, value: ARRAY }, want: "blue,black,brown" }],
    ["an object", { given: { def: {}, value: OBJECT }, want: "R,100,G,200,B,150" }],
    ["an object, exploded", { given: { def: { explode: true }, value: OBJECT }, want: "R=100,G=200,B=150" }],
    ["a number", { given: { def: {}, value: 5 }, want: "5" }],
  ];
  test.each(headers)("header: %s", (_, { given, want }) => {
    expect(headerText({ name: "X-Color", ...given.def }, given.value)).toBe(want);
  });

  const cookies: Row<{ def: CookieParamDef; value: unknown }, string>[] = [
    ["a string", { given: { def: { name: "color" }, value: STRING }, want: "color=blue" }],
    ["an array", { given: { def: { name: "color" }, value: ARRAY }, want: "color=blue,black,brown" }],
    ["an object", { given: { def: { name: "color" }, value: OBJECT }, want: "color=R,100,G,200,B,150" }],
    [
      "separators and spaces in a value are encoded",
      {
        given: { def: { name: "session id" }, value: "a; b=c,d" },
        want: "session%20id=a%3B%20b%3Dc%2Cd",
      },
    ],
  ];
  test.each(cookies)("cookie: %s", (_, { given, want }) => expect(cookiePair(given.def, given.value)).toBe(want));
});
