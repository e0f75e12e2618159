/**
 * gpt-sdk: the generated client (src/sdk) plus the runtime's errors and types.
 * Hand-written; the generated parts are re-exported from ./sdk.
 */
export * from "./sdk";
export * from "./internal/public";
export * from "./lib";
