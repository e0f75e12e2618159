/**
 * What the tests know of documents kept outside the repository (OpenAI's OpenAPI documents, the
 * seed SDK's docs), as facts committed in tests/facts/ by `npm run facts` (scripts/spec-facts.ts):
 * structure, names, types and enums, no prose. `.ci/run` checks them against the documents.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { SeedExample } from "../../scripts/facts/seed-facts";
import { ROOT } from "./root";
import { tempDir } from "./temp";

export type { SeedExample, SeedValue } from "../../scripts/facts/seed-facts";

export const FACTS = join(ROOT, "tests", "facts");

/** OpenAI's documents whose facts are kept, by their published file name. */
export type OpenAIDocument = "openai-2023-11-28.yaml" | "openai-2024-05-13.yaml" | "openai-2026-08-21.yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A document's facts: the document itself without its prose (a valid OpenAPI document). */
export function documentFacts(name: OpenAIDocument): { [key: string]: Json } {
  return JSON.parse(gunzipSync(readFileSync(join(FACTS, name.replace(/\.yaml$/, ".json.gz")))).toString("utf8"));
}

let folder: string | undefined;

/**
 * The facts of a document as a file named like the original (JSON, which YAML readers read), in a
 * temp folder removed after the test file, for the generator, Prism and anything else that reads files.
 */
export function documentFile(name: OpenAIDocument): string {
  folder ??= tempDir("facts");
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(documentFacts(name)));
  return file;
}

/** The seed SDK docs' usage examples, as facts. */
export function seedExamples(): SeedExample[] {
  return JSON.parse(gunzipSync(readFileSync(join(FACTS, "seed-examples.json.gz"))).toString("utf8")).examples;
}
