/**
 * npm run generate                         regenerate this repository's SDK and docs
 * npm run generate -- --check              exit 1 and name the files that are stale
 * npm run generate -- --spec F --out D     write a standalone SDK package for any document
 * npm run generate -- --diff OLD [--spec F] print, as markdown, how the SDK surface changed since OLD
 *   [--diff-config OLD_GEN_YAML]           the gen.yaml OLD was generated with (default: the current one)
 *   [--diff-out FILE]                      write the diff to FILE (clean, for a CHANGELOG) instead of stdout
 *   [--config gen.yaml] [--reset-lock] [--debug]
 */
import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { GeneratedFile } from "./emit/file";
import { type GenerateOutput, diffDocuments, generate } from "./generate";
import { SpecError } from "./load/errors";
import { LOCK_FILE } from "./lock/lock";
import { REPO_ROOT } from "./repo-root";
import { type TreeDiff, diffTree, writeTree } from "./write/tree";

interface Args {
  check: boolean;
  resetLock: boolean;
  debug: boolean;
  spec?: string;
  out?: string;
  config?: string;
  diff?: string;
  diffConfig?: string;
  diffOut?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { check: false, resetLock: false, debug: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--check") args.check = true;
    else if (arg === "--debug") args.debug = true;
    else if (arg === "--reset-lock") args.resetLock = true;
    else if (arg === "--spec") args.spec = value();
    else if (arg === "--out") args.out = value();
    else if (arg === "--config") args.config = value();
    else if (arg === "--diff") args.diff = value();
    else if (arg === "--diff-config") args.diffConfig = value();
    else if (arg === "--diff-out") args.diffOut = value();
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (args.spec && !args.out && !args.diff) throw new UsageError("--spec needs --out <dir>");
  if (args.out && !args.spec) throw new UsageError("--out needs --spec <document>");
  if ((args.diffConfig || args.diffOut) && !args.diff)
    throw new UsageError("--diff-config and --diff-out go with --diff <older document>");
  return args;
}

const USAGE =
  "usage: npm run generate [-- --check] [-- --spec <document> --out <dir> [--config <gen.yaml>]] [-- --diff <older document> [--diff-config <older gen.yaml>] [--diff-out <file>]] [--reset-lock] [--debug]";

/** The arguments, or undefined after printing what is wrong with them and the usage. */
function readArgs(argv: string[]): Args | undefined {
  try {
    return parseArgs(argv);
  } catch (error) {
    const message = (error as Error).message;
    if (message) console.error(`generate: ${message}`);
    console.error(USAGE);
    return undefined;
  }
}

interface Paths {
  /** A standalone package from --spec, rather than this repository. */
  packageMode: boolean;
  specFile: string;
  configFile?: string;
  outDir: string;
  lockFile?: string;
}

function pathsOf(args: Args): Paths {
  const packageMode = Boolean(args.spec);
  const outDir = resolve(args.out ?? REPO_ROOT);
  // The lock beside the output keeps its surface; --reset-lock starts over from the first-generation rules.
  // A --spec diff without --out has no output, so no lock: the diff is between first generations.
  const hasOutput = !packageMode || args.out !== undefined;
  return {
    packageMode,
    specFile: resolve(args.spec ?? join(REPO_ROOT, "openapi.yaml")),
    configFile: args.config ? resolve(args.config) : packageMode ? undefined : join(REPO_ROOT, "gen.yaml"),
    outDir,
    lockFile: args.resetLock || !hasOutput ? undefined : join(outDir, LOCK_FILE),
  };
}

function main(argv: string[]): number {
  const started = process.hrtime.bigint();
  const args = readArgs(argv);
  if (!args) return 2;
  const paths = pathsOf(args);
  const { packageMode, specFile, configFile, outDir, lockFile } = paths;
  try {
    if (args.diff) return writeDiff(args.diff, args, paths);
    const generated = generate({ specFile, configFile, mode: packageMode ? "package" : "repo", lockFile });
    if (args.check) return check(outDir, generated.files);
    const written = writeTree(outDir, generated.files);
    reportWritten(generated, written, { specFile, outDir, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    return 0;
  } catch (error) {
    return reportFailure(error, args.debug);
  }
}

/** --diff: the surface's changes since the older document, as markdown on stdout or in --diff-out. */
function writeDiff(olderSpec: string, args: Args, { specFile, configFile, lockFile }: Paths): number {
  const older = {
    specFile: resolve(olderSpec),
    configFile: args.diffConfig ? resolve(args.diffConfig) : configFile,
  };
  const report = diffDocuments({ older, current: { specFile, configFile }, lockFile });
  if (args.diffOut) writeFileSync(resolve(args.diffOut), report);
  else process.stdout.write(report);
  return 0;
}

/** --check: 0 when the files on disk are the generator's output, else 1 after naming the ones that differ. */
function check(outDir: string, files: readonly GeneratedFile[]): number {
  const diff = diffTree(outDir, files);
  const stale = [...diff.added, ...diff.changed, ...diff.stale];
  if (stale.length > 0) {
    console.error(`generate --check: ${stale.length} generated file(s) differ from the generator's output:`);
    for (const f of diff.added) console.error(`  missing  ${f}`);
    for (const f of diff.changed) console.error(`  changed  ${f}`);
    for (const f of diff.stale) console.error(`  stale    ${f}`);
    console.error("Run `npm run generate` and commit the result.");
    return 1;
  }
  console.log(`generate --check: ${files.length + 1} generated files are up to date.`);
  return 0;
}

function reportWritten(
  { model, config }: GenerateOutput,
  diff: TreeDiff,
  run: { specFile: string; outDir: string; seconds: number },
): void {
  const operations = model.tags.reduce((n, t) => n + t.operations.length, 0);
  const where = relative(process.cwd(), run.outDir) || ".";
  console.log(
    `Generated ${config.sdkClassName} (${config.packageName}) from ${relative(process.cwd(), run.specFile)} into ${where}`,
  );
  console.log(
    `  operations: ${operations} in ${model.tags.length} tag(s) (${model.tags.map((t) => t.propertyName).join(", ")})`,
  );
  console.log(`  models:     ${model.decls.length}`);
  console.log(
    `  files:      ${diff.added.length} added, ${diff.changed.length} updated, ${diff.unchanged.length} unchanged, ${diff.stale.length} removed`,
  );
  console.log(`  time:       ${run.seconds.toFixed(2)} s`);
}

/** A document's error is the user's to fix (exit 1); anything else is the generator's (exit 70). */
function reportFailure(error: unknown, debug: boolean): number {
  if (debug) console.error(error);
  if (error instanceof SpecError) {
    console.error(`generate: error: ${error.message}`);
    return 1;
  }
  console.error(
    `generate: internal error: ${(error as Error).message}${debug ? "" : " (run with --debug for the stack trace)"}`,
  );
  return 70;
}

process.exitCode = main(process.argv.slice(2));
