/** The TypeRef walker: which types it visits, in what order, and where it stops. */
import type { AliasDecl, TypeRef } from "../../codegen/model/ir";
import { childTypes, foldType, someType } from "../../codegen/model/typeref";

const binaryAlias: AliasDecl = { kind: "alias", name: "FileBytes", namespace: "shared", type: { kind: "binary" } };
const named: TypeRef = { kind: "named", decl: binaryAlias };
const str: TypeRef = { kind: "string" };
const nested: TypeRef = {
  kind: "map",
  values: { kind: "array", items: { kind: "union", members: [str, { kind: "nullable", inner: { kind: "binary" } }] } },
};

test.each<[string, TypeRef, readonly TypeRef[]]>([
  ["a keyword", str, []],
  ["a literal", { kind: "literal", value: 1 }, []],
  ["a named type (its declaration is not entered)", named, []],
  ["an array", { kind: "array", items: str }, [str]],
  ["a map", { kind: "map", values: named }, [named]],
  ["a union", { kind: "union", members: [str, named] }, [str, named]],
  ["a nullable", { kind: "nullable", inner: str }, [str]],
])("childTypes of %s", (_, type, want) => {
  expect(childTypes(type)).toEqual(want);
});

test("someType finds a type nested at any depth, visiting depth-first and stopping at the first hit", () => {
  const visited: string[] = [];
  const found = someType(nested, (t) => {
    visited.push(t.kind);
    return t.kind === "binary";
  });
  expect(found).toBe(true);
  expect(visited).toEqual(["map", "array", "union", "string", "nullable", "binary"]);
});

test("someType does not look inside a declaration", () => {
  expect(someType({ kind: "array", items: named }, (t) => t.kind === "binary")).toBe(false);
  expect(someType({ kind: "array", items: named }, (t) => t.kind === "named")).toBe(true);
});

test("foldType folds children first, left to right", () => {
  const order: string[] = [];
  const visit = (label: string, text: string) => {
    order.push(label);
    return text;
  };
  const text = foldType<string>(nested, {
    keyword: (t) => visit(t.kind, t.kind),
    literal: (t) => visit("literal", String(t.value)),
    named: (t) => visit(t.decl.name, t.decl.name),
    array: (items) => visit("array", `${items}[]`),
    map: (values) => visit("map", `{${values}}`),
    union: (members) => visit("union", members.join("|")),
    nullable: (inner) => visit("nullable", `${inner}?`),
  });
  expect(text).toBe("{string|binary?[]}");
  expect(order).toEqual(["string", "binary", "nullable", "union", "array", "map"]);
});
