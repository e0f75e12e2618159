/** JSON pointer rules (RFC 6901): token escaping, `$ref` fragments and what they resolve to. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelDocument } from "../../codegen/generate";
import { SpecError } from "../../codegen/load/errors";
import {
  childPointer,
  decodeToken,
  encodeToken,
  pointerOf,
  pointerTokens,
  refPointer,
} from "../../codegen/load/pointer";
import type { Decl, TypeRef } from "../../codegen/model/ir";

test.each([
  ["a/b", "a~1b"],
  ["m~n", "m~0n"],
  ["~1", "~01"],
  ["/~", "~1~0"],
  ["{id}", "{id}"],
  ["", ""],
])("encodeToken(%j) is %j and decodes back", (token, encoded) => {
  expect(encodeToken(token)).toBe(encoded);
  expect(decodeToken(encoded)).toBe(token);
});

test.each([
  ["~01", "~1"],
  ["~10", "/0"],
  ["~0~1", "~/"],
])("decodeToken(%j) is %j (one pass, not two)", (token, want) => {
  expect(decodeToken(token)).toBe(want);
});

test.each<[string, string[] | undefined]>([
  ["#", []],
  ["#/", [""]],
  ["#/a/b~1c", ["a", "b/c"]],
  ["#/a~01", ["a~1"]],
  ["#/items/0", ["items", "0"]],
  // A pointer the generator built is not percent-encoded: `%20` is three characters of a key.
  ["#/My%20Type", ["My%20Type"]],
  ["#/bad~2", undefined],
  ["#/trailing~", undefined],
  ["a/b", undefined],
  ["#anchor", undefined],
])("pointerTokens(%j) is %j", (pointer, want) => {
  expect(pointerTokens(pointer)).toEqual(want);
});

test.each<[string, string | undefined]>([
  ["#/components/schemas/My%20Type", "#/components/schemas/My Type"],
  ["#/components/schemas/Rate%20100%25", "#/components/schemas/Rate 100%"],
  ["#/components/schemas/a~1b", "#/components/schemas/a~1b"],
  // A percent-encoded `~` is decoded first; the token escape applies afterwards.
  ["#/a%7E01", "#/a~01"],
  // Percent-decoding comes before splitting, so `%2F` separates tokens.
  ["#/a%2Fb", "#/a/b"],
  ["#", "#"],
  ["#/bad%zz", undefined],
  ["#/bad~2", undefined],
  ["#anchor", undefined],
  ["other.yaml#/components/schemas/Pet", undefined],
])("refPointer(%j) is %j", (ref, want) => {
  expect(refPointer(ref)).toBe(want);
});

test.each<[(string | number)[], string]>([
  [["paths", "/pets/{pet_id}", "get"], "#/paths/~1pets~1{pet_id}/get"],
  [["components", "schemas", "a~b"], "#/components/schemas/a~0b"],
  [["allOf", 0], "#/allOf/0"],
  [[], "#"],
])("pointerOf(%j) is %j and splits back", (tokens, pointer) => {
  expect(pointerOf(tokens)).toBe(pointer);
  expect(pointerTokens(pointer)).toEqual(tokens.map(String));
});

test("childPointer appends one escaped token", () => {
  expect(childPointer("#/paths", "/a/{b}")).toBe("#/paths/~1a~1{b}");
});

describe("a $ref and the component it names", () => {
  const SPEC = `openapi: 3.1.0
info: { title: Refs, version: "1" }
paths: {}
components:
  schemas:
    A Holder:
      type: object
      properties:
        item: { $ref: "#/components/schemas/My%20Type" }
        rate: { $ref: "#/components/schemas/Rate%20100%25" }
        tilde: { $ref: "#/components/schemas/Tilde~0Slash~1" }
    My Type:
      type: object
      properties:
        id: { type: string }
    Rate 100%:
      type: number
    Tilde~Slash/:
      type: string
    Z Holder:
      type: object
      properties:
        item: { $ref: "#/components/schemas/My%20Type" }
`;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gpt-sdk-pointer-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function model(text: string) {
    const spec = join(dir, "openapi.yaml");
    writeFileSync(spec, text);
    return modelDocument(spec, undefined).model;
  }

  function fieldDecl(decl: Decl | undefined, wireName: string): Decl | undefined {
    const field = decl?.kind === "object" ? decl.fields.find((f) => f.wireName === wireName) : undefined;
    const type: TypeRef | undefined = field?.type;
    return type?.kind === "named" ? type.decl : undefined;
  }

  test("give one declaration, whether the ref or the component list reaches it first", () => {
    const decls = model(SPEC).decls;
    expect(decls.map((d) => d.name).sort()).toEqual(["AHolder", "MyType", "Rate100", "TildeSlash", "ZHolder"]);
    const byName = new Map(decls.map((d) => [d.name, d]));
    expect(fieldDecl(byName.get("AHolder"), "item")).toBe(byName.get("MyType"));
    expect(fieldDecl(byName.get("ZHolder"), "item")).toBe(byName.get("MyType"));
    expect(fieldDecl(byName.get("AHolder"), "rate")).toBe(byName.get("Rate100"));
    expect(fieldDecl(byName.get("AHolder"), "tilde")).toBe(byName.get("TildeSlash"));
  });

  test("a fragment that is not a valid pointer is a located error", () => {
    const bad = SPEC.replace('"#/components/schemas/Rate%20100%25"', '"#/components/schemas/Rate%zz"');
    expect(() => model(bad)).toThrow(SpecError);
    const where = "#/components/schemas/A Holder/properties/rate/$ref";
    expect(() => model(bad)).toThrow(`${where}: $ref "#/components/schemas/Rate%zz" is not a JSON pointer`);
  });
});
