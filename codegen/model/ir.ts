/**
 * The generator's intermediate representation. Every name here is final: emitters
 * never derive a TypeScript name from a spec name themselves.
 */

import type { SecurityKind } from "../../src/internal/contract";

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

/** OpenAPI parameter styles: query form/spaceDelimited/pipeDelimited/deepObject, path simple/label/matrix, ... */
export type ParamStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";

export interface Param extends Docs {
  /** camelCase argument / request-field name. */
  readonly name: string;
  readonly wireName: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly type: TypeRef;
  readonly required: boolean;
  /** The location's default (form for query and cookie, simple for path and header) when absent. */
  readonly style?: ParamStyle;
  /** OpenAPI `explode`, its default for the style applied. */
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
  /** How users call it: decided here once, only printed by code, docs, examples and --diff. */
  readonly call: CallShape;
  /** Set for list operations that page with a cursor (gen.yaml `pagination`). */
  readonly pagination?: Pagination;
}

/** One input of an operation (its body or one parameter), as a field of its request class. */
export type Input =
  | {
      readonly kind: "body";
      readonly field: string;
      readonly type: TypeRef;
      readonly required: boolean;
      readonly body: RequestBody;
    }
  | {
      readonly kind: "param";
      readonly field: string;
      readonly type: TypeRef;
      readonly required: boolean;
      readonly param: Param;
    };

/** One argument of the generated method, before the trailing `options`. */
export interface Argument {
  readonly name: string;
  readonly required: boolean;
  /** Optional with no required argument after it, so a call may leave it out (`name?: T`). */
  readonly omittable: boolean;
  /** The input it carries; absent for the request object, which carries them all. */
  readonly input?: Input;
  /** Set on a locked position whose input the document no longer has: typed `undefined`. */
  readonly removedKey?: string;
}

/** An input taken through the method's `options` argument, under `name`. */
export interface OptionInput {
  readonly name: string;
  readonly input: Input;
}

/** A field of the operation's result beyond the base ones (statusCode, contentType, rawResponse). */
export interface ResultField extends Docs {
  readonly name: string;
  readonly type: TypeRef;
  readonly kind: Response["kind"];
  /** The first status whose body fills it. */
  readonly status: string;
}

export interface CallShape {
  /** `positional`: one argument per input; `request`: one request object holding them all. */
  readonly style: "positional" | "request";
  /** Every input in request-class order: the body first, then the parameters by name. */
  readonly inputs: readonly Input[];
  readonly args: readonly Argument[];
  /** Inputs newer than the lock's shape of a positional method: fields of its `options`. */
  readonly optionInputs: readonly OptionInput[];
  readonly resultFields: readonly ResultField[];
}

export interface Pagination {
  /** Name of the method that walks every page (`listMessagesAll`). */
  readonly methodName: string;
  readonly cursorParam: Param;
  /** Result field with the list body (`listMessagesResponse`). */
  readonly resultField: string;
  /** Model field names in the list body, read by a typed accessor in the generated method. */
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
  readonly kind: SecurityKind;
  /** Client option holding the credential (`apiKeyAuth`). */
  readonly optionName: string;
  readonly paramName?: string;
  readonly description?: string;
  /** Environment variable the credential is read from when the option is not given (gen.yaml `securityEnv`). */
  readonly envVar?: string;
}

export interface ApiModel {
  readonly title: string;
  readonly description?: string;
  readonly version: string;
  readonly serverURL: string;
  readonly tags: Tag[];
  readonly decls: Decl[];
  readonly security: SecurityScheme[];
  /** Operations the document has under tags gen.yaml does not select (for --diff). */
  readonly unselected: readonly { readonly tag: string; readonly operationId: string }[];
  /** Each generated type's name by where it was declared (a stable key), for gen.lock. */
  readonly typeNames: ReadonlyMap<string, string>;
}
