/**
 * gpt-sdk: the generated client (src/sdk) plus the runtime's errors and types.
 * Hand-written; the generated parts are re-exported from ./sdk.
 */
export * from "./sdk";
export * from "./internal/errors";
export type { ClientOptions, RequestOptions } from "./internal/runtime";
export type { RetryConfig, RetrySetting } from "./internal/retries";
export type { Logger, LogLevel } from "./internal/logging";
export type { Upload, FileContent } from "./internal/upload";
export * from "./lib";
