/**
 * Schema Object (OpenAPI 3.0 §4.7.24, 3.1 §4.8.24) → TypeRef. Inline objects and enums
 * become named declarations ("hoisted"), named from where they appear.
 */
import type { Schema, SchemaObject } from "../load/openapi";
import { childPointer, pointerOf, pointerTokens } from "../load/pointer";
import { isRef, type Located, type Resolver } from "../load/refs";
import { requiredRuleOf, unionMembersOf } from "./constraints";
import type { AliasDecl, Decl, Discriminator, Docs, EnumDecl, Field, Namespace, ObjectDecl, TypeRef } from "./ir";
import { NameScope, enumMemberName, pascalCase, typeName, uniqueFieldNames } from "./names";

/** Where an inline schema sits: the names it may take if it needs a declaration. */
export interface Placement {
  readonly namespace: Namespace;
  /**
   * The spot's stable identity (`operations:listMessages.query.order`, `shared:RunObject.tools[]`):
   * gen.lock keeps the name a declaration here got, so regenerating never renames it.
   */
  readonly key: string;
  readonly candidates: readonly string[];
  /** Names for an inline array item schema here (default: the same candidates). */
  readonly itemCandidates?: readonly string[];
  /** Free-form objects at this spot get a named alias (`CreateMessageRequestMetadata`). */
  readonly nameMaps?: boolean;
}

const UNKNOWN: TypeRef = { kind: "unknown" };

export class SchemaModeler {
  readonly decls: Decl[] = [];
  private readonly scopes: Record<Namespace, NameScope> = { shared: new NameScope(), operations: new NameScope() };
  private readonly components = new Map<string, Decl>();
  /** Inline schemas being converted, to cut cycles that never pass through a component. */
  private readonly inProgress = new Set<string>();
  /** The type of a reference to each component (it may be nullable), worked out once per component. */
  private readonly componentRefs = new Map<string, TypeRef>();
  /** Every declaration's name by its placement key: what gen.lock records. */
  readonly typeNames = new Map<string, string>();
  /** Components being converted, outermost first: where a `$recursiveRef` inside them points. */
  private readonly converting: string[] = [];

  /** Names the lock gives are reserved first, so no new declaration can take one. */
  constructor(
    private readonly resolver: Resolver,
    private readonly lockedNames: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const [key, name] of lockedNames) this.scopes[namespaceOfKey(key)].claim([name]);
  }

  /** Reserves a name (operation request/response classes) before inline types can take it. */
  reserve(namespace: Namespace, key: string, candidates: readonly string[]): string {
    return this.declare({ namespace, key, candidates });
  }

  /** The name for a declaration at this spot: the locked one, else the first free candidate. */
  private declare(place: Pick<Placement, "namespace" | "key" | "candidates">): string {
    const name = this.lockedNames.get(place.key) ?? this.scopes[place.namespace].claim(place.candidates);
    this.typeNames.set(place.key, name);
    return name;
  }

  typeOf(schema: unknown, pointer: string, place: Placement): TypeRef {
    if (isRef(schema)) return this.refType(schema, pointer, place);
    if (isRecursiveRef(schema)) {
      const target = this.recursiveTarget();
      return target === undefined ? UNKNOWN : this.componentRef(target);
    }
    if (typeof schema === "boolean") return schema ? UNKNOWN : { kind: "null" };
    const s = schemaObject(schema);
    if (!s) return UNKNOWN;
    const type = this.baseType(s, pointer, place);
    return isNullable(s) && type.kind !== "nullable" && type.kind !== "null" && type.kind !== "unknown"
      ? { kind: "nullable", inner: type }
      : type;
  }

  /** The declaration of `#/components/schemas/<name>`, created on first use. */
  component(name: string): Decl {
    const existing = this.components.get(name);
    if (existing) return existing;
    const found = this.componentNode(name);
    // `anyOf: [{ object }, { type: null }]` (3.1's nullable) is that object, and references to it may be null.
    const lone = nullableObjectMember(schemaObject(found.node), found.pointer);
    const resolved = lone ?? found;
    const schema = lone
      ? { ...schemaObject(lone.node), ...objectDocsOf(schemaObject(found.node)) }
      : schemaObject(found.node);
    const key = `shared:${name}`;
    const declName = this.declare({ namespace: "shared", key, candidates: [typeName(name), `${typeName(name)}Model`] });
    const docs = objectDocsOf(schema);
    if (schema && (isObjectWithProperties(schema) || (schema.allOf && !isNullable(schema)))) {
      const decl: ObjectDecl = { kind: "object", name: declName, namespace: "shared", fields: [], ...docs };
      this.register(name, decl);
      this.within(name, () =>
        this.fillObject(decl, key, this.flattenAllOf(schema, resolved.pointer), resolved.pointer),
      );
      return decl;
    }
    if (Array.isArray(schema?.enum) && !schema.oneOf && !schema.anyOf) {
      const decl = this.enumDecl(declName, "shared", schema.enum, docs);
      this.register(name, decl);
      return decl;
    }
    const decl: AliasDecl = { kind: "alias", name: declName, namespace: "shared", type: UNKNOWN, ...docs };
    this.register(name, decl);
    const place = { namespace: "shared" as const, key: `${key}=`, candidates: [`${declName}Value`] };
    decl.type = this.within(name, () => this.typeOf(resolved.node, resolved.pointer, place));
    return decl;
  }

  /** `#/components/schemas/<name>`, its own `$ref` followed. */
  private componentNode(name: string): Located {
    const pointer = pointerOf(["components", "schemas", name]);
    return this.resolver.deref(this.resolver.at(pointer), pointer);
  }

  /** Runs `convert` with the component on the stack `$recursiveRef` reads. */
  private within<T>(name: string, convert: () => T): T {
    this.converting.push(name);
    try {
      return convert();
    } finally {
      this.converting.pop();
    }
  }

  /**
   * What `$recursiveRef: "#"` means here: the outermost component being converted that sets `$recursiveAnchor`
   * (OpenAI's `CompoundFilter` lists filters that are comparisons or compound filters again). Undefined outside one.
   */
  private recursiveTarget(): string | undefined {
    return this.converting.find((name) => schemaObject(this.componentNode(name).node)?.$recursiveAnchor === true);
  }

  private register(name: string, decl: Decl): void {
    this.components.set(name, decl);
    this.decls.push(decl);
  }

  private refType(schema: SchemaObject & { $ref: string }, pointer: string, place: Placement): TypeRef {
    const target = this.resolver.target(schema.$ref, pointer);
    const name = componentName(target);
    let type: TypeRef;
    if (name !== undefined) {
      type = this.componentRef(name);
    } else {
      if (this.inProgress.has(target)) return UNKNOWN;
      this.inProgress.add(target);
      try {
        const resolved = this.resolver.deref(schema, pointer);
        type = this.typeOf(resolved.node, resolved.pointer, place);
      } finally {
        this.inProgress.delete(target);
      }
    }
    // 3.0 `nullable` next to a $ref (and 3.1 siblings) still applies.
    return schema.nullable === true && type.kind !== "nullable" ? { kind: "nullable", inner: type } : type;
  }

  /**
   * A reference to a component. A component that may be null (3.0 `nullable`, 3.1 `"null"` in
   * `type`, `null` among its `enum` values) makes every reference to it nullable; an alias
   * already carries that in its own type.
   */
  private componentRef(name: string): TypeRef {
    const known = this.componentRefs.get(name);
    if (known) return known;
    const type = this.componentRefType(name);
    this.componentRefs.set(name, type);
    return type;
  }

  private componentRefType(name: string): TypeRef {
    const decl = this.component(name);
    const pointer = pointerOf(["components", "schemas", name]);
    const schema = schemaObject(this.componentNode(name).node);
    const mayBeNull =
      !!schema &&
      (isNullable(schema) ||
        (Array.isArray(schema.enum) && schema.enum.includes(null)) ||
        !!nullableObjectMember(schema, pointer));
    return mayBeNull && decl.kind !== "alias"
      ? { kind: "nullable", inner: { kind: "named", decl } }
      : { kind: "named", decl };
  }

  private baseType(s: SchemaObject, pointer: string, place: Placement): TypeRef {
    if ("const" in s) return literal(s.const);
    if (Array.isArray(s.enum)) return this.enumType(s, s.enum, pointer, place);
    const union = unionMembersOf(s);
    if (union) return this.unionType(union, pointer, s.oneOf ? "oneOf" : "anyOf", s, place);
    if (Array.isArray(s.allOf)) {
      const allOf = childPointer(pointer, "allOf");
      // `allOf: [X, { nullable: true }]` is X that may be null (the caller wraps it): not a merged object.
      const real = s.allOf.map((part, i) => ({ part, i })).filter(({ part }) => !isAnnotationOnly(part));
      if (real.length === 1 && !s.properties) {
        const type = this.typeOf(real[0].part, childPointer(allOf, real[0].i), place);
        const nullable = s.allOf.some((part) => isAnnotationOnly(part) && isNullable(part as SchemaObject));
        return nullable && type.kind !== "nullable" ? { kind: "nullable", inner: type } : type;
      }
      return this.objectType(this.flattenAllOf(s, pointer), pointer, place);
    }
    const types = typeList(s);
    if (types.length > 1) {
      const members = types.filter((t) => t !== "null").map((t) => this.typeOfKind(t, s, pointer, place));
      const type: TypeRef = members.length === 1 ? members[0] : { kind: "union", members };
      return types.includes("null") ? { kind: "nullable", inner: type } : type;
    }
    return this.typeOfKind(types[0], s, pointer, place);
  }

  /** The type for one `type` keyword value (`"string"`, `"array"`, ...). */
  private typeOfKind(kind: string | undefined, s: SchemaObject, pointer: string, place: Placement): TypeRef {
    switch (kind) {
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
        return {
          kind: "array",
          items: this.typeOf(s.items ?? {}, childPointer(pointer, "items"), itemPlacement(place)),
        };
      case "object":
        return this.objectType(s, pointer, place);
      default:
        return UNKNOWN;
    }
  }

  private objectType(s: SchemaObject, pointer: string, place: Placement): TypeRef {
    if (isObjectWithProperties(s)) {
      const name = this.declare(place);
      const decl: ObjectDecl = { kind: "object", name, namespace: place.namespace, fields: [], ...objectDocsOf(s) };
      this.decls.push(decl);
      this.fillObject(decl, place.key, s, pointer);
      return { kind: "named", decl };
    }
    const values = this.additionalType(s, pointer, place);
    const map: TypeRef = { kind: "map", values: values ?? UNKNOWN };
    if (!place.nameMaps) return map;
    const name = this.declare(place);
    const decl: AliasDecl = { kind: "alias", name, namespace: place.namespace, type: map, ...docsOf(s) };
    this.decls.push(decl);
    return { kind: "named", decl };
  }

  private additionalType(s: SchemaObject, pointer: string, place: Placement): TypeRef | undefined {
    const extra = s.additionalProperties;
    if (extra === undefined || extra === true || extra === false) return undefined;
    const candidates = place.candidates.map((c) => `${c}Value`);
    return this.typeOf(extra, childPointer(pointer, "additionalProperties"), {
      namespace: place.namespace,
      key: `${place.key}{}`,
      candidates,
    });
  }

  private fillObject(decl: ObjectDecl, key: string, s: SchemaObject, pointer: string): void {
    const properties = s.properties ?? {};
    const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
    const wireNames = Object.keys(properties);
    const names = uniqueFieldNames(wireNames);
    wireNames.forEach((wireName, i) => {
      const prop = properties[wireName];
      const propPointer = childPointer(childPointer(pointer, "properties"), wireName);
      const propName = pascalCase(wireName);
      const type = this.typeOf(prop, propPointer, {
        namespace: decl.namespace,
        key: `${key}.${wireName}`,
        candidates: [`${decl.name}${propName}`],
        // Array items take the property's own name first, as the seed SDK did (`ToolOutputs`).
        itemCandidates: [typeName(wireName), `${decl.name}${propName}`],
        nameMaps: true,
      });
      const field: Field = {
        name: names[i],
        wireName,
        type,
        required: required.has(wireName),
        ...docsOf(this.plain(prop, propPointer)),
      };
      decl.fields.push(field);
    });
    const extra = this.additionalType(s, pointer, {
      namespace: decl.namespace,
      key,
      candidates: [`${decl.name}Additional`],
    });
    if (extra) decl.additional = extra;
  }

  /** Merges `allOf` members (following refs) into one object schema. */
  private flattenAllOf(s: SchemaObject, pointer: string, depth = 0): SchemaObject {
    if (!Array.isArray(s.allOf) || depth > 32) return s;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let additionalProperties: Schema | undefined;
    let description: string | undefined;
    const allOf = childPointer(pointer, "allOf");
    const own = { part: { ...s, allOf: undefined }, at: pointer };
    const parts = [...s.allOf.map((part, i) => ({ part, at: childPointer(allOf, i) })), own];
    for (const { part, at } of parts) {
      const resolved = this.resolver.deref(part, at);
      const flat = this.flattenAllOf(schemaObject(resolved.node) ?? {}, resolved.pointer, depth + 1);
      Object.assign(properties, flat.properties ?? {});
      for (const name of Array.isArray(flat.required) ? flat.required : []) {
        if (!required.includes(name)) required.push(name);
      }
      if (flat.additionalProperties !== undefined) additionalProperties = flat.additionalProperties;
      if (flat.description && !description) description = flat.description;
    }
    return { type: "object", properties, required, additionalProperties, description };
  }

  private enumType(s: SchemaObject, all: readonly unknown[], pointer: string, place: Placement): TypeRef {
    const values = all.filter((v) => v !== null);
    const nullable = values.length !== all.length;
    let type: TypeRef;
    if (values.length === 0) type = { kind: "null" };
    else if (values.every((v) => typeof v === "string") || values.every((v) => typeof v === "number")) {
      const name = this.declare(place);
      const decl = this.enumDecl(name, place.namespace, all, docsOf(s));
      this.decls.push(decl);
      type = { kind: "named", decl };
    } else {
      type = { kind: "union", members: values.map(literal) };
    }
    return nullable ? { kind: "nullable", inner: type } : type;
  }

  private enumDecl(name: string, namespace: Namespace, all: readonly unknown[], docs: Docs): EnumDecl {
    const memberNames = new NameScope();
    const values = all.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
    const members = [...new Set(values)].map((value) => ({ name: memberNames.claim([enumMemberName(value)]), value }));
    return { kind: "enum", name, namespace, members, ...docs };
  }

  private unionType(
    members: readonly unknown[],
    pointer: string,
    keyword: string,
    s: SchemaObject,
    place: Placement,
  ): TypeRef {
    const list = childPointer(pointer, keyword);
    const located: Located[] = members.map((node, i) => ({ node, pointer: childPointer(list, i) }));
    const real = located.filter((m) => !isNullSchema(this.plain(m.node, m.pointer)));
    const nullable = real.length < located.length;
    // A lone member (`anyOf: [X, null]`) takes the spot's own names; several get numbered ones.
    const types = real.map((m, i) => {
      if (real.length === 1) return this.typeOf(m.node, m.pointer, place);
      const title = this.plain(m.node, m.pointer)?.title;
      const titled = typeof title === "string" ? [`${place.candidates[0]}${pascalCase(title)}`] : [];
      // Keyed by what the member is (`type=function`), not where it sits: a member inserted before it renames nothing,
      // and when its numbered name is locked by another member, it is named after what it is.
      const identity = memberIdentity(this.plain(m.node, m.pointer), (prop, at) => this.plain(prop, at), m.pointer);
      const named = identity ? [`${place.candidates[0]}${pascalCase(identity.slice(identity.indexOf("=") + 1))}`] : [];
      const candidates = [...titled, `${place.candidates[0]}${i + 1}`, ...named];
      const key = `${place.key}|${identity ?? i + 1}`;
      return this.typeOf(m.node, m.pointer, { namespace: place.namespace, key, candidates });
    });
    let type: TypeRef;
    if (types.length === 0) type = UNKNOWN;
    else if (types.length === 1) type = types[0];
    else type = { kind: "union", members: types, discriminator: this.discriminator(s, real, pointer) };
    return nullable && type.kind !== "nullable" ? { kind: "nullable", inner: type } : type;
  }

  /**
   * The property that tells members apart: the spec's `discriminator.propertyName`, or else
   * a property every member fixes to its own single value (`type: enum [code_interpreter]`).
   * Tag values come from each member's enum/const, not from schema names.
   */
  private discriminator(s: SchemaObject, members: readonly Located[], pointer: string): Discriminator | undefined {
    // A member that is itself a union stands for all of its objects: its tags choose it.
    const groups = members.map((m) => this.unionObjects(m.node, m.pointer).map((o) => o?.properties));
    const isMap = (p: unknown): p is Readonly<Record<string, Schema>> => typeof p === "object" && p !== null;
    const propertyMaps = groups.flat();
    if (!propertyMaps.every(isMap)) return undefined;
    const declared = typeof s.discriminator?.propertyName === "string" ? [s.discriminator.propertyName] : [];
    const candidates = [...declared, "type", ...Object.keys(propertyMaps[0])];
    for (const property of [...new Set(candidates)]) {
      const tags: { value: string; member: number }[] = [];
      const ok = groups.every((group, member) =>
        group.every((properties) => {
          const prop = this.plain((properties as Readonly<Record<string, Schema>>)[property], pointer);
          const values = prop && ("const" in prop ? [prop.const] : prop.enum);
          if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string"))
            return false;
          for (const value of values) tags.push({ value, member });
          return true;
        }),
      );
      if (ok && new Set(tags.map((t) => t.value)).size === tags.length) return { property, tags };
    }
    return undefined;
  }

  /** The object schemas a union member stands for: itself, or each object of its own oneOf/anyOf. */
  private unionObjects(member: unknown, pointer: string, depth = 0): (SchemaObject | undefined)[] {
    const plain = this.plain(member, pointer);
    const nested = plain && !plain.properties && !plain.allOf ? (plain.oneOf ?? plain.anyOf) : undefined;
    if (Array.isArray(nested) && depth < 8) {
      const keyword = plain!.oneOf ? "oneOf" : "anyOf";
      const at = childPointer(pointer, keyword);
      return nested.flatMap((m: unknown, i: number) => this.unionObjects(m, childPointer(at, i), depth + 1));
    }
    return [plain?.allOf ? this.flattenAllOf(plain, pointer) : plain];
  }

  /** A schema with refs followed (for reading its keywords, not for naming). */
  plain(schema: unknown, pointer: string): SchemaObject | undefined {
    if (isRecursiveRef(schema)) {
      const target = this.recursiveTarget();
      if (target !== undefined) return schemaObject(this.componentNode(target).node);
    }
    if (!isRef(schema)) return schemaObject(schema);
    const resolved = this.resolver.deref(schema, pointer).node;
    // Keywords beside the $ref (3.0 `nullable`, any 3.1 keyword) win over the target's.
    const siblings: Record<string, unknown> = { ...schema };
    delete siblings.$ref;
    return { ...schemaObject(resolved), ...siblings };
  }
}

/** The keywords of a schema, or undefined for `true`/`false` and values that are no schema at all. */
function schemaObject(node: unknown): SchemaObject | undefined {
  return typeof node === "object" && node !== null ? (node as SchemaObject) : undefined;
}

/** `{ $recursiveRef: "#" }`, the only value JSON Schema 2019-09 defines. */
function isRecursiveRef(node: unknown): boolean {
  return schemaObject(node)?.$recursiveRef === "#";
}

/** `Pet` for `#/components/schemas/Pet`; undefined for any other pointer (a property deep inside one, say). */
function componentName(pointer: string): string | undefined {
  const tokens = pointerTokens(pointer);
  return tokens?.length === 3 && tokens[0] === "components" && tokens[1] === "schemas" ? tokens[2] : undefined;
}

function typeList(s: SchemaObject): string[] {
  if (Array.isArray(s.type)) return s.type.filter((t: unknown): t is string => typeof t === "string");
  if (typeof s.type === "string") return [s.type];
  if (s.properties || s.additionalProperties) return ["object"];
  if (s.items) return ["array"];
  return [];
}

/** `{ type: null }` or `{ enum: [null] }`: a union member that only adds null. */
function isNullSchema(plain: SchemaObject | undefined): boolean {
  return (
    !!plain &&
    (plain.type === "null" || (Array.isArray(plain.enum) && plain.enum.length === 1 && plain.enum[0] === null))
  );
}

/** The inline object of `anyOf`/`oneOf: [{ object with properties }, { type: null }]`, if that is all the schema is. */
function nullableObjectMember(s: SchemaObject | undefined, pointer: string): Located | undefined {
  const keyword = s?.oneOf ? "oneOf" : s?.anyOf ? "anyOf" : undefined;
  const members = keyword ? (s![keyword] as readonly unknown[]) : undefined;
  if (!members || members.length !== 2 || s!.properties) return undefined;
  const index = members.findIndex((m) => !isNullSchema(schemaObject(m)));
  const other = members[1 - index];
  const member = schemaObject(members[index]);
  if (index === -1 || isRef(members[index]) || !isNullSchema(schemaObject(other)) || !isObjectWithProperties(member))
    return undefined;
  return { node: members[index], pointer: childPointer(childPointer(pointer, keyword!), index) };
}

/**
 * What a union member is, for its placement key: the first property it fixes to one value
 * (`type`, then `event`, then any), as `type=function`. Undefined when nothing marks it.
 */
function memberIdentity(
  plain: SchemaObject | undefined,
  follow: (schema: unknown, pointer: string) => SchemaObject | undefined,
  pointer: string,
): string | undefined {
  const properties = plain?.properties;
  if (!properties) return undefined;
  for (const name of ["type", "event", ...Object.keys(properties)]) {
    const prop = properties[name] === undefined ? undefined : follow(properties[name], pointer);
    const values = prop && ("const" in prop ? [prop.const] : prop.enum);
    if (Array.isArray(values) && values.length === 1 && typeof values[0] === "string") return `${name}=${values[0]}`;
  }
  return undefined;
}

/** Keywords that describe a value without constraining its shape. */
const ANNOTATIONS = new Set([
  "nullable",
  "description",
  "title",
  "deprecated",
  "default",
  "example",
  "examples",
  "readOnly",
  "writeOnly",
]);

/** An `allOf` part that only annotates (`{ nullable: true }`, `{ description }`): it adds no shape. */
function isAnnotationOnly(part: unknown): boolean {
  return (
    typeof part === "object" && part !== null && !isRef(part) && Object.keys(part).every((k) => ANNOTATIONS.has(k))
  );
}

function isNullable(s: SchemaObject): boolean {
  return s.nullable === true || (Array.isArray(s.type) && s.type.includes("null"));
}

function isObjectWithProperties(s: SchemaObject | undefined): boolean {
  const properties = s?.properties;
  const hasProperties = typeof properties === "object" && properties !== null && Object.keys(properties).length > 0;
  return !!s && hasProperties && !unionMembersOf(s);
}

function literal(value: unknown): TypeRef {
  if (value === null) return { kind: "null" };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return { kind: "literal", value };
  return UNKNOWN;
}

function itemPlacement(place: Placement): Placement {
  return { namespace: place.namespace, key: `${place.key}[]`, candidates: place.itemCandidates ?? place.candidates };
}

/** An object's docs, plus the rule of a constraint-only `oneOf`/`anyOf` beside its properties. */
function objectDocsOf(s: SchemaObject | undefined): Docs {
  const docs = docsOf(s);
  const rule = s && requiredRuleOf(s);
  if (!rule) return docs;
  return { ...docs, description: docs.description ? `${docs.description}\n\n${rule}` : rule };
}

/** Description and deprecation of any documented object (schema, parameter, body, response, tag). */
export function docsOf(s: { readonly description?: unknown; readonly deprecated?: unknown } | undefined): Docs {
  if (!s) return {};
  const description = typeof s.description === "string" && s.description.trim() ? s.description.trim() : undefined;
  return { ...(description ? { description } : {}), ...(s.deprecated === true ? { deprecated: true } : {}) };
}

/** `shared:RunObject.tools[]` → `shared`: a placement key starts with its namespace. */
function namespaceOfKey(key: string): Namespace {
  return key.startsWith("operations:") ? "operations" : "shared";
}
