/**
 * Parameter styles in the model: each style and explode as the document gives them (defaults
 * applied), and every combination the SDK cannot honour as a located error naming the parameter.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { modelDocument } from "../../codegen/generate";
import type { Row } from "../support/table";
import { tempDir } from "../support/temp";

const folder = tempDir("styles");
let documents = 0;

/** Models one GET operation with this parameter (YAML flow mapping); its style and explode, or the error. */
function modelParam(parameter: string): string {
  const file = join(folder, `doc${++documents}.yaml`);
  const head = `openapi: 3.0.3\ninfo: { title: Styles, version: "1" }\npaths:\n  /things/{id}:\n    get:\n`;
  const operation = `      operationId: getThing\n      parameters:\n        - ${parameter}\n`;
  writeFileSync(file, `${head}${operation}      responses:\n        "204": { description: none }\n`);
  try {
    const param = modelDocument(file, undefined).model.tags[0].operations[0].params[0];
    return `${param.in} ${param.style} explode=${param.explode}`;
  } catch (error) {
    return (error as Error).message.replace(file, "doc.yaml");
  }
}

const ARRAY = "schema: { type: array, items: { type: string } }";
const OBJECT = "schema: { type: object, properties: { a: { type: string } } }";
const MAP = "schema: { type: object, additionalProperties: { type: string } }";
const STRING = "schema: { type: string }";

/** Where every error below points: the one parameter, line 8 of the document. */
const AT = "doc.yaml:8: #/paths/~1things~1{id}/get/parameters/0:";

const rows: Row<string, string>[] = [
  ["query: form, exploded by default", { given: `{ name: q, in: query, ${ARRAY} }`, want: "query form explode=true" }],
  [
    "query: form, not exploded",
    {
      given: `{ name: q, in: query, explode: false, ${ARRAY} }`,
      want: "query form explode=false",
    },
  ],
  [
    "query: spaceDelimited is not exploded by default",
    {
      given: `{ name: q, in: query, style: spaceDelimited, ${ARRAY} }`,
      want: "query spaceDelimited explode=false",
    },
  ],
  [
    "query: pipeDelimited of an object",
    {
      given: `{ name: q, in: query, style: pipeDelimited, ${OBJECT} }`,
      want: "query pipeDelimited explode=false",
    },
  ],
  [
    "query: deepObject of a map, explode omitted (its only defined form)",
    {
      given: `{ name: q, in: query, style: deepObject, ${MAP} }`,
      want: "query deepObject explode=true",
    },
  ],
  [
    "path: simple by default",
    {
      given: `{ name: id, in: path, required: true, ${STRING} }`,
      want: "path simple explode=false",
    },
  ],
  [
    "path: matrix, exploded",
    {
      given: `{ name: id, in: path, required: true, style: matrix, explode: true, ${ARRAY} }`,
      want: "path matrix explode=true",
    },
  ],
  ["header: simple", { given: `{ name: X-Id, in: header, ${ARRAY} }`, want: "header simple explode=false" }],
  ["cookie: form, a string", { given: `{ name: c, in: cookie, ${STRING} }`, want: "cookie form explode=true" }],
  [
    "cookie: an array not exploded",
    {
      given: `{ name: c, in: cookie, explode: false, ${ARRAY} }`,
      want: "cookie form explode=false",
    },
  ],
  [
    "error: a style the location does not have",
    {
      given: `{ name: q, in: query, style: matrix, ${ARRAY} }`,
      want:
        `${AT} query parameter "q": style "matrix" is not one of ` +
        "form, spaceDelimited, pipeDelimited, deepObject (the styles of query parameters)",
    },
  ],
  [
    "error: a header in form style",
    {
      given: `{ name: X-Id, in: header, style: form, ${STRING} }`,
      want: `${AT} header parameter "X-Id": style "form" is not one of ` + "simple (the styles of header parameters)",
    },
  ],
  [
    "error: deepObject of an array",
    {
      given: `{ name: q, in: query, style: deepObject, ${ARRAY} }`,
      want: `${AT} query parameter "q": style deepObject serialises objects, not arrays`,
    },
  ],
  [
    "error: deepObject with explode: false",
    {
      given: `{ name: q, in: query, style: deepObject, explode: false, ${MAP} }`,
      want: `${AT} query parameter "q": style deepObject is defined only with explode: true`,
    },
  ],
  [
    "error: spaceDelimited of a single value",
    {
      given: `{ name: q, in: query, style: spaceDelimited, ${STRING} }`,
      want: `${AT} query parameter "q": style spaceDelimited is not defined for single values`,
    },
  ],
  [
    "error: pipeDelimited of an object, exploded",
    {
      given: `{ name: q, in: query, style: pipeDelimited, explode: true, ${OBJECT} }`,
      want: `${AT} query parameter "q": style pipeDelimited with explode: true ` + "is not defined for objects",
    },
  ],
  [
    "error: an exploded cookie array (form's default)",
    {
      given: `{ name: c, in: cookie, ${ARRAY} }`,
      want:
        `${AT} cookie parameter "c": an exploded form-style array or object ` +
        "has no Cookie header form: set explode: false",
    },
  ],
];

test.each(rows)("%s", (_, { given, want }) => expect(modelParam(given)).toBe(want));
