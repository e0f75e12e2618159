/**
 * The runtime's public surface: what a package's entry point re-exports besides its generated
 * client. This repository's src/index.ts and every package `--spec/--out` writes use this list.
 */
export * from "./errors";
export type { ClientOptions } from "./contract";
export type { RequestOptions } from "./request-options";
export type { RetryConfig, RetrySetting } from "./retries";
export type { Logger, LogLevel } from "./logging";
export type { Upload, FileContent } from "./upload";
export type { EventStream } from "./sse";
export type { Paginator } from "./pagination";
