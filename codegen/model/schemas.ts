/**
 * Schema Object (OpenAPI 3.0 §4.7.24, 3.1 §4.8.24) → TypeRef. Inline objects and enums
 * become named declarations ("hoisted"), named from where they appear.
 */
import { childPointer } from "../load/errors";
import { isRef, type Resolver } from "../load/refs";
import type { AliasDecl, Decl, Discriminator, EnumDecl, Field, Namespace, ObjectDecl, TypeRef } from "./ir";
import { NameScope, enumMemberName, pascalCase, typeName, uniqueFieldNames } from "./names";

type Schema = Record<string, any>;

/** Where an inline schema sits: the names it may take if it needs a declaration. */
export interface Placement {
  readonly namespace: Namespace;
  readonly candidates: readonly string[];
  /** Names for an inline array item schema here (default: the same candidates). */
  readonly itemCandidates?: readonly string[];
  /** Free-form objects at this spot get a named alias (`CreateMessageRequestMetadata`). */
  readonly nameMaps?: boolean;
}

const COMPONENT_PREFIX = "#/components/schemas/";
const UNKNOWN: TypeRef = { kind: "unknown" };

export class SchemaModeler {
  readonly decls: Decl[] = [];
  private readonly scopes: Record<Namespace, NameScope> = { shared: new NameScope(), operations: new NameScope() };
  private readonly components = new Map<string, Decl>();
  /** Inline schemas being converted, to cut cycles that never pass through a component. */
  private readonly inProgress = new Set<string>();

  constructor(private readonly resolver: Resolver) {}

  /** Reserves a name (operation request/response classes) before inline types can take it. */
  reserve(namespace: Namespace, candidates: readonly string[]): string {
    return this.scopes[namespace].claim(candidates);
  }

  typeOf(schema: unknown, pointer: string, place: Placement): TypeRef {
    if (isRef(schema)) return this.refType(schema, pointer, place);
    if (typeof schema === "boolean") return schema ? UNKNOWN : { kind: "null" };
    if (typeof schema !== "object" || schema === null) return UNKNOWN;
    const s = schema as Schema;
    const type = this.baseType(s, pointer, place);
    return isNullable(s) && type.kind !== "nullable" && type.kind !== "null" && type.kind !== "unknown" ? { kind: "nullable", inner: type } : type;
  }

  /** The declaration of `#/components/schemas/<name>`, created on first use. */
  component(name: string): Decl {
    const existing = this.components.get(name);
    if (existing) return existing;
    const pointer = COMPONENT_PREFIX + name.replace(/~/g, "~0").replace(/\//g, "~1");
    const resolved = this.resolver.deref<Schema>(this.resolver.at(pointer), pointer);
    const schema = resolved.node;
    const declName = this.scopes.shared.claim([typeName(name), `${typeName(name)}Model`]);
    const docs = docsOf(schema);
    if (isObjectWithProperties(schema) || (schema?.allOf && !isNullable(schema))) {
      const decl: ObjectDecl = { kind: "object", name: declName, namespace: "shared", fields: [], ...docs };
      this.register(name, decl);
      this.fillObject(decl, this.flattenAllOf(schema, resolved.pointer), resolved.pointer);
      return decl;
    }
    if (Array.isArray(schema?.enum) && !schema.oneOf && !schema.anyOf) {
      const decl = this.enumDecl(declName, "shared", schema, docs);
      this.register(name, decl);
      return decl;
    }
    const decl: AliasDecl = { kind: "alias", name: declName, namespace: "shared", type: UNKNOWN, ...docs };
    this.register(name, decl);
    decl.type = this.typeOf(schema, resolved.pointer, { namespace: "shared", candidates: [`${declName}Value`] });
    return decl;
  }

  private register(name: string, decl: Decl): void {
    this.components.set(name, decl);
    this.decls.push(decl);
  }

  private refType(schema: { $ref: string }, pointer: string, place: Placement): TypeRef {
    const ref = schema.$ref;
    const siblings = schema as Schema;
    let type: TypeRef;
    if (ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes("/")) {
      const name = ref.slice(COMPONENT_PREFIX.length).replace(/~1/g, "/").replace(/~0/g, "~");
      type = { kind: "named", decl: this.component(name) };
    } else {
      if (this.inProgress.has(ref)) return UNKNOWN;
      this.inProgress.add(ref);
      try {
        const target = this.resolver.deref(schema, pointer);
        type = this.typeOf(target.node, target.pointer, place);
      } finally {
        this.inProgress.delete(ref);
      }
    }
    // 3.0 `nullable` next to a $ref (and 3.1 siblings) still applies.
    return siblings.nullable === true && type.kind !== "nullable" ? { kind: "nullable", inner: type } : type;
  }

  private baseType(s: Schema, pointer: string, place: Placement): TypeRef {
    if ("const" in s) return literal(s.const);
    if (Array.isArray(s.enum)) return this.enumType(s, pointer, place);
    const union = s.oneOf ?? s.anyOf;
    if (Array.isArray(union)) return this.unionType(union, pointer, s.oneOf ? "oneOf" : "anyOf", s, place);
    if (Array.isArray(s.allOf)) {
      if (s.allOf.length === 1 && !s.properties) return this.typeOf(s.allOf[0], childPointer(pointer, "allOf") + "/0", place);
      return this.objectType(this.flattenAllOf(s, pointer), pointer, place);
    }
    const types = typeList(s);
    if (types.length > 1) {
      const members = types.filter((t) => t !== "null").map((t) => this.baseType({ ...s, type: t }, pointer, place));
      const type: TypeRef = members.length === 1 ? members[0] : { kind: "union", members };
      return types.includes("null") ? { kind: "nullable", inner: type } : type;
    }
    switch (types[0]) {
      case "null":
        return { kind: "null" };
      case "string":
        return s.format === "binary" ? { kind: "binary" } : { kind: "string" };
      case "integer":
      case "number":
        return { kind: "number" };
      case "boolean":
        return { kind: "boolean" };
      case "array":
        return { kind: "array", items: this.typeOf(s.items ?? {}, childPointer(pointer, "items"), itemPlacement(place)) };
      case "object":
        return this.objectType(s, pointer, place);
      default:
        return UNKNOWN;
    }
  }

  private objectType(s: Schema, pointer: string, place: Placement): TypeRef {
    if (isObjectWithProperties(s)) {
      const name = this.scopes[place.namespace].claim(place.candidates);
      const decl: ObjectDecl = { kind: "object", name, namespace: place.namespace, fields: [], ...docsOf(s) };
      this.decls.push(decl);
      this.fillObject(decl, s, pointer);
      return { kind: "named", decl };
    }
    const values = this.additionalType(s, pointer, place);
    const map: TypeRef = { kind: "map", values: values ?? UNKNOWN };
    if (!place.nameMaps) return map;
    const name = this.scopes[place.namespace].claim(place.candidates);
    const decl: AliasDecl = { kind: "alias", name, namespace: place.namespace, type: map, ...docsOf(s) };
    this.decls.push(decl);
    return { kind: "named", decl };
  }

  private additionalType(s: Schema, pointer: string, place: Placement): TypeRef | undefined {
    const extra = s.additionalProperties;
    if (extra === undefined || extra === true || extra === false) return undefined;
    return this.typeOf(extra, childPointer(pointer, "additionalProperties"), { namespace: place.namespace, candidates: place.candidates.map((c) => `${c}Value`) });
  }

  private fillObject(decl: ObjectDecl, s: Schema, pointer: string): void {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
    const wireNames = Object.keys(properties);
    const names = uniqueFieldNames(wireNames);
    wireNames.forEach((wireName, i) => {
      const prop = properties[wireName];
      const propPointer = childPointer(childPointer(pointer, "properties"), wireName);
      const propName = pascalCase(wireName);
      const type = this.typeOf(prop, propPointer, {
        namespace: decl.namespace,
        candidates: [`${decl.name}${propName}`],
        // Array items take the property's own name first, as the seed SDK did (`ToolOutputs`).
        itemCandidates: [typeName(wireName), `${decl.name}${propName}`],
        nameMaps: true,
      });
      const field: Field = { name: names[i], wireName, type, required: required.has(wireName), ...docsOf(this.plain(prop, propPointer)) };
      decl.fields.push(field);
    });
    const extra = this.additionalType(s, pointer, { namespace: decl.namespace, candidates: [`${decl.name}Additional`] });
    if (extra) decl.additional = extra;
  }

  /** Merges `allOf` members (following refs) into one object schema. */
  private flattenAllOf(s: Schema, pointer: string, depth = 0): Schema {
    if (!Array.isArray(s.allOf) || depth > 32) return s;
    const merged: Schema = { type: "object", properties: {}, required: [] as string[] };
    const parts = [...s.allOf.map((part: unknown, i: number) => ({ part, at: `${childPointer(pointer, "allOf")}/${i}` })), { part: { ...s, allOf: undefined }, at: pointer }];
    for (const { part, at } of parts) {
      const resolved = this.resolver.deref<Schema>(part, at);
      const flat = this.flattenAllOf(resolved.node ?? {}, resolved.pointer, depth + 1);
      Object.assign(merged.properties, flat.properties ?? {});
      for (const name of flat.required ?? []) if (!merged.required.includes(name)) merged.required.push(name);
      if (flat.additionalProperties !== undefined) merged.additionalProperties = flat.additionalProperties;
      if (flat.description && !merged.description) merged.description = flat.description;
    }
    return merged;
  }

  private enumType(s: Schema, pointer: string, place: Placement): TypeRef {
    const values = (s.enum as unknown[]).filter((v) => v !== null);
    const nullable = values.length !== s.enum.length;
    let type: TypeRef;
    if (values.length === 0) type = { kind: "null" };
    else if (values.every((v) => typeof v === "string") || values.every((v) => typeof v === "number")) {
      const name = this.scopes[place.namespace].claim(place.candidates);
      const decl = this.enumDecl(name, place.namespace, s, docsOf(s));
      this.decls.push(decl);
      type = { kind: "named", decl };
    } else {
      type = { kind: "union", members: values.map(literal) };
    }
    return nullable ? { kind: "nullable", inner: type } : type;
  }

  private enumDecl(name: string, namespace: Namespace, s: Schema, docs: ReturnType<typeof docsOf>): EnumDecl {
    const memberNames = new NameScope();
    const values = (s.enum as unknown[]).filter((v): v is string | number => typeof v === "string" || typeof v === "number");
    const members = [...new Set(values)].map((value) => ({ name: memberNames.claim([enumMemberName(value)]), value }));
    return { kind: "enum", name, namespace, members, ...docs };
  }

  private unionType(members: unknown[], pointer: string, keyword: string, s: Schema, place: Placement): TypeRef {
    const isNull = (plain: Schema | undefined) =>
      !!plain && (plain.type === "null" || (Array.isArray(plain.enum) && plain.enum.length === 1 && plain.enum[0] === null));
    const located = members.map((member, i) => ({ member, at: `${childPointer(pointer, keyword)}/${i}` }));
    const real = located.filter(({ member, at }) => !isNull(this.plain(member, at)));
    const nullable = real.length < located.length;
    // A lone member (`anyOf: [X, null]`) takes the spot's own names; several get numbered ones.
    const types = real.map(({ member, at }, i) => {
      if (real.length === 1) return this.typeOf(member, at, place);
      const title = this.plain(member, at)?.title;
      const titled = typeof title === "string" ? [`${place.candidates[0]}${pascalCase(title)}`] : [];
      return this.typeOf(member, at, { namespace: place.namespace, candidates: [...titled, `${place.candidates[0]}${i + 1}`] });
    });
    let type: TypeRef;
    if (types.length === 0) type = UNKNOWN;
    else if (types.length === 1) type = types[0];
    else type = { kind: "union", members: types, discriminator: this.discriminator(s, real.map((r) => r.member), pointer) };
    return nullable && type.kind !== "nullable" ? { kind: "nullable", inner: type } : type;
  }

  /**
   * The property that tells members apart: the spec's `discriminator.propertyName`, or else
   * a property every member fixes to its own single value (`type: enum [code_interpreter]`).
   * Tag values come from each member's enum/const, not from schema names.
   */
  private discriminator(s: Schema, members: unknown[], pointer: string): Discriminator | undefined {
    // A member that is itself a union stands for all of its objects: its tags choose it.
    const groups = members.map((m, i) => this.unionObjects(m, `${pointer}/${i}`));
    const objects = groups.flat();
    if (objects.some((o) => !o || typeof o.properties !== "object" || o.properties === null)) return undefined;
    const declared = typeof s.discriminator?.propertyName === "string" ? [s.discriminator.propertyName as string] : [];
    const candidates = [...declared, "type", ...Object.keys(objects[0]!.properties)];
    for (const property of [...new Set(candidates)]) {
      const tags: { value: string; member: number }[] = [];
      const ok = groups.every((group, member) =>
        group.every((o) => {
          const prop = this.plain(o!.properties[property], pointer);
          const values = prop && ("const" in prop ? [prop.const] : prop.enum);
          if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string")) return false;
          for (const value of values) tags.push({ value, member });
          return true;
        }),
      );
      if (ok && new Set(tags.map((t) => t.value)).size === tags.length) return { property, tags };
    }
    return undefined;
  }

  /** The object schemas a union member stands for: itself, or each object of its own oneOf/anyOf. */
  private unionObjects(member: unknown, pointer: string, depth = 0): (Schema | undefined)[] {
    const plain = this.plain(member, pointer);
    const nested = plain && !plain.properties && !plain.allOf ? plain.oneOf ?? plain.anyOf : undefined;
    if (Array.isArray(nested) && depth < 8) {
      const keyword = plain!.oneOf ? "oneOf" : "anyOf";
      const at = childPointer(pointer, keyword);
      return nested.flatMap((m: unknown, i: number) => this.unionObjects(m, `${at}/${i}`, depth + 1));
    }
    return [plain?.allOf ? this.flattenAllOf(plain, pointer) : plain];
  }

  /** A schema with refs followed (for reading its keywords, not for naming). */
  plain(schema: unknown, pointer: string): Schema | undefined {
    if (!isRef(schema)) return typeof schema === "object" && schema !== null ? (schema as Schema) : undefined;
    const resolved = this.resolver.deref<Schema>(schema, pointer).node;
    const siblings = { ...(schema as Schema) };
    delete siblings.$ref;
    return { ...resolved, ...siblings };
  }
}

function typeList(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type.filter((t: unknown): t is string => typeof t === "string");
  if (typeof s.type === "string") return [s.type];
  if (s.properties || s.additionalProperties) return ["object"];
  if (s.items) return ["array"];
  return [];
}

function isNullable(s: Schema): boolean {
  return s.nullable === true || (Array.isArray(s.type) && s.type.includes("null"));
}

function isObjectWithProperties(s: Schema | undefined): boolean {
  return !!s && typeof s.properties === "object" && s.properties !== null && Object.keys(s.properties).length > 0 && !s.oneOf && !s.anyOf;
}

function literal(value: unknown): TypeRef {
  if (value === null) return { kind: "null" };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { kind: "literal", value };
  return UNKNOWN;
}

function itemPlacement(place: Placement): Placement {
  return { namespace: place.namespace, candidates: place.itemCandidates ?? place.candidates };
}

export function docsOf(s: Schema | undefined): { description?: string; deprecated?: boolean } {
  if (!s) return {};
  const description = typeof s.description === "string" && s.description.trim() ? s.description.trim() : undefined;
  return { ...(description ? { description } : {}), ...(s.deprecated === true ? { deprecated: true } : {}) };
}
