/** Where things are: the repository root. Tests read nothing outside it (documents they need are in tests/facts/). */
import { join } from "node:path";

/** The repository's root folder (this file is tests/support/root.ts). */
export const ROOT = join(__dirname, "..", "..");
