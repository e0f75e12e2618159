/**
 * npm run generate                         regenerate this repository's SDK and docs
 * npm run generate -- --check              exit 1 and name the files that are stale
 * npm run generate -- --spec F --out D     write a standalone SDK package for any document
 * npm run generate -- --diff OLD [--spec F] print, as markdown, how the SDK surface changed since OLD
 *   [--diff-config OLD_GEN_YAML]           the gen.yaml OLD was generated with (default: the current one)
 *   [--diff-out FILE]                      write the diff to FILE (clean, for a CHANGELOG) instead of stdout
 *   [--config gen.yaml] [--reset-lock] [--debug]
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { diffDocuments, generate } from "./generate";
import { SpecError } from "./load/errors";
import { LOCK_FILE } from "./lock/lock";
import { diffTree, writeTree } from "./write/tree";

const PROJECT_ROOT = resolve(__dirname, "..");

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

function main(argv: string[]): number {
  const started = process.hrtime.bigint();
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    const message = (error as Error).message;
    if (message) console.error(`generate: ${message}`);
    console.error(
      "usage: npm run generate [-- --check] [-- --spec <document> --out <dir> [--config <gen.yaml>]] [-- --diff <older document> [--diff-config <older gen.yaml>] [--diff-out <file>]] [--reset-lock] [--debug]",
    );
    return 2;
  }
  const packageMode = Boolean(args.spec);
  const specFile = resolve(args.spec ?? join(PROJECT_ROOT, "openapi.yaml"));
  const configFile = args.config ? resolve(args.config) : packageMode ? undefined : join(PROJECT_ROOT, "gen.yaml");
  const outDir = resolve(args.out ?? PROJECT_ROOT);
  // The lock beside the output keeps its surface; --reset-lock starts over from the first-generation rules.
  // A --spec diff without --out has no output, so no lock: the diff is between first generations.
  const hasOutput = !packageMode || args.out !== undefined;
  const lockFile = args.resetLock || !hasOutput ? undefined : join(outDir, LOCK_FILE);
  try {
    if (args.diff) {
      const older = {
        specFile: resolve(args.diff),
        configFile: args.diffConfig ? resolve(args.diffConfig) : configFile,
      };
      const report = diffDocuments({ older, current: { specFile, configFile }, lockFile });
      if (args.diffOut) writeFileSync(resolve(args.diffOut), report);
      else process.stdout.write(report);
      return 0;
    }
    const { model, config, files } = generate({
      specFile,
      configFile,
      mode: packageMode ? "package" : "repo",
      lockFile,
    });
    const operations = model.tags.reduce((n, t) => n + t.operations.length, 0);
    const where = relative(process.cwd(), outDir) || ".";
    if (args.check) {
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
    const diff = writeTree(outDir, files);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `Generated ${config.sdkClassName} (${config.packageName}) from ${relative(process.cwd(), specFile)} into ${where}`,
    );
    console.log(
      `  operations: ${operations} in ${model.tags.length} tag(s) (${model.tags.map((t) => t.propertyName).join(", ")})`,
    );
    console.log(`  models:     ${model.decls.length}`);
    console.log(
      `  files:      ${diff.added.length} added, ${diff.changed.length} updated, ${diff.unchanged.length} unchanged, ${diff.stale.length} removed`,
    );
    console.log(`  time:       ${seconds.toFixed(2)} s`);
    return 0;
  } catch (error) {
    if (args.debug) console.error(error);
    if (error instanceof SpecError) {
      console.error(`generate: error: ${error.message}`);
      return 1;
    }
    console.error(
      `generate: internal error: ${(error as Error).message}${args.debug ? "" : " (run with --debug for the stack trace)"}`,
    );
    return 70;
  }
}

if (!existsSync(join(PROJECT_ROOT, "package.json"))) throw new Error("codegen must run from the gpt-sdk repository");
process.exitCode = main(process.argv.slice(2));
