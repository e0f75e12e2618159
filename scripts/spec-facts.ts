/**
 * Writes the facts tests need from the documents beside the repository (../shared): OpenAI's
 * OpenAPI documents without their prose (scripts/facts/openapi-facts.ts) and the seed SDK's
 * usage examples as facts (scripts/facts/seed-facts.ts), into tests/facts/, with each source's
 * file name and SHA-256 in tests/facts/sources.json. Tests read only tests/facts/.
 *
 *   npm run facts               rewrite tests/facts/ from ../shared
 *   npm run facts -- --check    exit 1 when tests/facts/ is not what ../shared gives (CI runs this)
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseText } from "../codegen/load/document";
import { proseHashes, stripProse } from "./facts/openapi-facts";
import { seedExamples } from "./facts/seed-facts";

const ROOT = join(__dirname, "..");
const SHARED = join(ROOT, "..", "shared");
const FACTS = join(ROOT, "tests", "facts");

interface Source {
  /** Path under ../shared. */
  readonly source: string;
  /** File under tests/facts; `.gz` ones are gzipped JSON. */
  readonly facts: string;
  readonly extract: (text: string, source: string) => unknown;
}

const openapi = (text: string, source: string) => stripProse(parseText(source, text).root);
const prose = (text: string, source: string) => proseHashes(parseText(source, text).root);
const seed = (text: string, source: string) => ({ examples: seedExamples(text, source, "@speakeasy-api/openai") });

const SOURCES: readonly Source[] = [
  { source: "specs/openai-2023-11-28.yaml", facts: "openai-2023-11-28.json.gz", extract: openapi },
  // Where the document openapi.yaml restates has prose, for tests/spec/openapi-facts.test.ts.
  { source: "specs/openai-2023-11-28.yaml", facts: "openai-2023-11-28.prose-hashes.json.gz", extract: prose },
  { source: "specs/openai-2024-05-13.yaml", facts: "openai-2024-05-13.json.gz", extract: openapi },
  { source: "specs/openai-2026-08-21.yaml", facts: "openai-2026-08-21.json.gz", extract: openapi },
  { source: "seeds/002_5b56055f48d1b0ee.txt", facts: "seed-examples.json.gz", extract: seed },
];

function encode(file: string, value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value) + "\n");
  return file.endsWith(".gz") ? gzipSync(json, { level: 9 }) : Buffer.from(JSON.stringify(value, null, 2) + "\n");
}

function decode(file: string, bytes: Buffer): unknown {
  return JSON.parse((file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
}

function build(): { manifest: unknown; files: Map<string, unknown> } {
  const files = new Map<string, unknown>();
  const manifest = SOURCES.map(({ source, facts, extract }) => {
    const bytes = readFileSync(join(SHARED, source));
    files.set(facts, extract(bytes.toString("utf8"), source));
    return { facts, source, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
  return { manifest, files };
}

/** The files whose committed content differs from what the sources give. */
function stale(manifest: unknown, files: Map<string, unknown>): string[] {
  const read = (file: string) =>
    existsSync(join(FACTS, file)) ? decode(file, readFileSync(join(FACTS, file))) : undefined;
  const out = [...files].filter(([file, value]) => !isDeepStrictEqual(read(file), value)).map(([file]) => file);
  if (!isDeepStrictEqual(read("sources.json"), manifest)) out.push("sources.json");
  return out;
}

function main(args: string[]): number {
  if (!existsSync(SHARED)) {
    console.error(`spec-facts: ${SHARED} is missing; the facts are made from the documents there.`);
    return 1;
  }
  const { manifest, files } = build();
  if (args.includes("--check")) {
    const out = stale(manifest, files);
    if (out.length === 0) console.log(`spec-facts --check: tests/facts/ matches the documents in ../shared.`);
    else
      console.error(`spec-facts --check: stale: ${out.map((f) => `tests/facts/${f}`).join(", ")} (run npm run facts)`);
    return out.length === 0 ? 0 : 1;
  }
  mkdirSync(FACTS, { recursive: true });
  for (const [file, value] of files) writeFileSync(join(FACTS, file), encode(file, value));
  writeFileSync(join(FACTS, "sources.json"), encode("sources.json", manifest));
  console.log(`spec-facts: wrote ${files.size + 1} files to tests/facts/`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
