/**
 * The OpenAPI 3.0 and 3.1 objects the generator reads, typed as the specification defines them
 * (3.0 §4.7, 3.1 §4.8). Fields it never reads are left out; values the specification leaves
 * free-form (`const`, enum values, extensions) are `unknown`.
 *
 * Lists are plain arrays, not `readonly` ones: `Array.isArray` narrows only plain arrays.
 *
 * The loader checks only the outline (validate.ts: version, paths, operations), so a value
 * deeper in may still be of another kind than declared here. Code that would misbehave on one
 * (calling a string method, iterating, spreading) checks the kind first: bad input must end in a
 * located error or be ignored, never in a crash.
 */

/** Specification extensions (`x-oaiMeta`): anything. */
interface Extensible {
  readonly [extension: `x-${string}`]: unknown;
}

/** `{ $ref: "#/components/schemas/Pet" }`. 3.1 allows a summary and description beside it. */
export interface ReferenceObject {
  readonly $ref: string;
  readonly summary?: string;
  readonly description?: string;
}

export type Referable<T> = T | ReferenceObject;

export interface OpenApiDocument extends Extensible {
  readonly openapi: string;
  readonly info: InfoObject;
  readonly servers?: ServerObject[];
  readonly paths?: Readonly<Record<string, PathItemObject>>;
  readonly components?: ComponentsObject;
  readonly security?: SecurityRequirementObject[];
  readonly tags?: TagObject[];
}

export interface InfoObject extends Extensible {
  readonly title: string;
  readonly description?: string;
  readonly version: string;
}

export interface ServerObject extends Extensible {
  /** May hold `{variables}`, replaced by their defaults. */
  readonly url: string;
  readonly variables?: Readonly<Record<string, ServerVariableObject>>;
}

export interface ServerVariableObject extends Extensible {
  readonly default: string;
}

export interface ComponentsObject extends Extensible {
  readonly schemas?: Readonly<Record<string, Schema>>;
  readonly responses?: Readonly<Record<string, Referable<ResponseObject>>>;
  readonly parameters?: Readonly<Record<string, Referable<ParameterObject>>>;
  readonly requestBodies?: Readonly<Record<string, Referable<RequestBodyObject>>>;
  readonly securitySchemes?: Readonly<Record<string, Referable<SecuritySchemeObject>>>;
  /** 3.1. */
  readonly pathItems?: Readonly<Record<string, PathItemObject>>;
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** A path's operations by method. `$ref` (to a 3.1 `components/pathItems` entry) is followed first. */
export type PathItemObject = Extensible & {
  readonly $ref?: string;
  readonly parameters?: Referable<ParameterObject>[];
} & { readonly [method in HttpMethod]?: OperationObject };

export interface OperationObject extends Extensible {
  readonly operationId?: string;
  /** The first tag groups the operation. */
  readonly tags?: string[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly parameters?: Referable<ParameterObject>[];
  readonly requestBody?: Referable<RequestBodyObject>;
  /** Status code (`"200"`, `"2XX"`, `"default"`) → response. */
  readonly responses?: Readonly<Record<string, Referable<ResponseObject>>>;
  /** `[]` turns off the document's security for this operation. */
  readonly security?: SecurityRequirementObject[];
}

export interface ParameterObject extends Extensible {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly description?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
  readonly explode?: boolean;
  /** Either `schema` or `content` (one media type) describes the value. */
  readonly schema?: Schema;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface RequestBodyObject extends Extensible {
  readonly description?: string;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
  readonly required?: boolean;
}

export interface ResponseObject extends Extensible {
  readonly description: string;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface MediaTypeObject extends Extensible {
  readonly schema?: Schema;
}

export interface SecuritySchemeObject extends Extensible {
  readonly type: "apiKey" | "http" | "mutualTLS" | "oauth2" | "openIdConnect";
  readonly description?: string;
  /** apiKey: the header or query parameter carrying the key. */
  readonly name?: string;
  readonly in?: "query" | "header" | "cookie";
  /** http: `bearer`, `basic`, ... (case-insensitive). */
  readonly scheme?: string;
}

/** Scheme name → scopes; every scheme of one requirement applies together. */
export type SecurityRequirementObject = Readonly<Record<string, string[]>>;

export interface TagObject extends Extensible {
  readonly name: string;
  readonly description?: string;
}

/** What may stand where a schema goes: 3.1 allows `true` (anything) and `false` (nothing). */
export type Schema = SchemaObject | boolean;

export type SchemaType = "null" | "boolean" | "object" | "array" | "number" | "string" | "integer";

export interface SchemaObject extends Extensible {
  /** 3.0: a Reference Object (we still honour `nullable` beside it); 3.1: a keyword among others. */
  readonly $ref?: string;
  /** 3.1 also allows a list (`["string", "null"]`). */
  readonly type?: SchemaType | SchemaType[];
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  /** 3.0 only; 3.1 lists `"null"` in `type`. */
  readonly nullable?: boolean;
  readonly enum?: unknown[];
  /** 3.1. */
  readonly const?: unknown;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema;
  readonly required?: string[];
  readonly allOf?: Schema[];
  readonly oneOf?: Schema[];
  readonly anyOf?: Schema[];
  readonly discriminator?: DiscriminatorObject;
  /** JSON Schema 2019-09 (in some 3.1 documents): what a `$recursiveRef: "#"` inside this schema stands for. */
  readonly $recursiveAnchor?: boolean;
  /** JSON Schema 2019-09: `"#"`, the outermost enclosing schema with `$recursiveAnchor` (a type that holds itself). */
  readonly $recursiveRef?: string;
}

export interface DiscriminatorObject extends Extensible {
  readonly propertyName: string;
}
