export * from "./codec";
export * from "./errors";
export * from "./operation";
export * from "./runtime";
export * from "./upload";
export * from "./pagination";
