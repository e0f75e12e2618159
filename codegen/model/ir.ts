/**
 * The generator's intermediate representation. Every name here is final: emitters
 * never derive a TypeScript name from a spec name themselves.
 */

export type Namespace = "shared" | "operations";

export type TypeRef =
  | { readonly kind: "string" | "number" | "boolean" | "unknown" | "binary" | "null" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "named"; readonly decl: Decl }
  | { readonly kind: "array"; readonly items: TypeRef }
  | { readonly kind: "map"; readonly values: TypeRef }
  | { readonly kind: "union"; readonly members: readonly TypeRef[]; readonly discriminator?: Discriminator }
  | { readonly kind: "nullable"; readonly inner: TypeRef };

/** Members chosen by the value of one wire property (`type`). */
export interface Discriminator {
  readonly property: string;
  /** Tag value → index into the union's members. */
  readonly tags: readonly { readonly value: string; readonly member: number }[];
}

export interface Docs {
  readonly description?: string;
  readonly deprecated?: boolean;
}

export interface Field extends Docs {
  /** camelCase name in the model. */
  readonly name: string;
  /** Name on the wire (the spec's property name). */
  readonly wireName: string;
  readonly type: TypeRef;
  readonly required: boolean;
}

export interface ObjectDecl extends Docs {
  readonly kind: "object";
  readonly name: string;
  readonly namespace: Namespace;
  readonly fields: Field[];
  /** Set when the object also allows other keys (`additionalProperties`). */
  additional?: TypeRef;
}

export interface EnumDecl extends Docs {
  readonly kind: "enum";
  readonly name: string;
  readonly namespace: Namespace;
  readonly members: readonly { readonly name: string; readonly value: string | number }[];
}

export interface AliasDecl extends Docs {
  readonly kind: "alias";
  readonly name: string;
  readonly namespace: Namespace;
  type: TypeRef;
}

export type Decl = ObjectDecl | EnumDecl | AliasDecl;

export interface Param extends Docs {
  /** camelCase argument / request-field name. */
  readonly name: string;
  readonly wireName: string;
  readonly in: "path" | "query" | "header";
  readonly type: TypeRef;
  readonly required: boolean;
  readonly explode: boolean;
}

export interface RequestBody extends Docs {
  readonly mediaType: string;
  readonly kind: "json" | "multipart" | "form" | "text" | "bytes";
  readonly type: TypeRef;
  readonly required: boolean;
  /** Name of the body field in the operation's request class (`createMessageRequest`). */
  readonly fieldName: string;
}

export interface Response extends Docs {
  readonly status: string;
  readonly mediaType?: string;
  /** `stream`: server-sent events, each event's data decoded as `type`. */
  readonly kind: "json" | "text" | "bytes" | "empty" | "stream";
  readonly type?: TypeRef;
  /** Result field carrying the body (`assistantObject`). */
  readonly fieldName?: string;
  /** `stream` of `{ event, data }` envelopes: the SSE event name and data fill one (see isEnvelopeUnion). */
  readonly envelope?: boolean;
}

export interface Operation extends Docs {
  readonly operationId: string;
  /** Method name on the tag class. */
  readonly methodName: string;
  readonly tag: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly summary?: string;
  readonly params: Param[];
  readonly body?: RequestBody;
  readonly responses: Response[];
  readonly secured: boolean;
  /** Headers sent on every call (e.g. the beta opt-in). */
  readonly headers: Readonly<Record<string, string>>;
  /** Request class in models/operations, when the operation has parameters. */
  readonly requestClass?: string;
  readonly responseClass: string;
  /** True when arguments are passed one by one rather than as a request object. */
  readonly positional: boolean;
  /** Set for list operations that page with a cursor (gen.yaml `pagination`). */
  readonly pagination?: Pagination;
}

export interface Pagination {
  /** Name of the method that walks every page (`listMessagesAll`). */
  readonly methodName: string;
  readonly cursorParam: Param;
  /** Result field with the list body (`listMessagesResponse`). */
  readonly resultField: string;
  /** Model field names in the list body. */
  readonly itemsField: string;
  readonly cursorField: string;
  readonly hasMoreField: string;
  readonly itemType: TypeRef;
}

export interface Tag extends Docs {
  readonly specName: string;
  /** Class name (`Assistants`) and client property (`assistants`). */
  readonly className: string;
  readonly propertyName: string;
  readonly operations: Operation[];
}

export interface SecurityScheme {
  readonly kind: "bearer" | "basic" | "apiKeyHeader" | "apiKeyQuery";
  /** Client option holding the credential (`apiKeyAuth`). */
  readonly optionName: string;
  readonly paramName?: string;
  readonly description?: string;
}

export interface ApiModel {
  readonly title: string;
  readonly description?: string;
  readonly version: string;
  readonly serverURL: string;
  readonly tags: Tag[];
  readonly decls: Decl[];
  readonly security: SecurityScheme[];
}
