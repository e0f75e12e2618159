/** Where things are: the repository root, and the shared test inputs beside it. */
import { join } from "node:path";

/** The repository's root folder (this file is tests/support/root.ts). */
export const ROOT = join(__dirname, "..", "..");

/** Test inputs kept beside the repository: OpenAI's documents and the seed. */
export const SHARED = join(ROOT, "..", "shared");

/** OpenAI's OpenAPI documents, used as generator inputs. */
export const SPECS = join(SHARED, "specs");
