/** The client class (`Gpt`), its options, and the package's index files. */
import type { GenConfig } from "../../config";
import type { ApiModel, SecurityScheme } from "../../model/ir";
import { access, fileBase, jsdoc, key, str } from "../code";
import type { GeneratedFile } from "../file";
import { HEADER } from "./models";
import { Imports } from "./imports";

export function emitClient(model: ApiModel, config: GenConfig): GeneratedFile {
  const imports = new Imports("sdk");
  imports.add("../internal", "Runtime");
  imports.addType("../internal", "ClientOptions");
  const tagImports = model.tags.map((t) => `import { ${t.className} } from "./${fileBase(t.className)}";`).join("\n");
  const options = model.security.map((s) => `${jsdoc("  ", optionDoc(s))}  ${key(s.optionName)}?: string;`);
  const security = model.security.map((s) => {
    const name = s.paramName ? `, name: ${str(s.paramName)}` : "";
    const env = s.envVar ? `, env: ${str(s.envVar)}` : "";
    return `{ kind: ${str(s.kind)}${name}, option: ${str(s.optionName)}${env}, value: ${access("options", s.optionName)} }`;
  });
  const retries = Object.entries(config.retries)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  const fields = model.tags.map(
    (t) => `${jsdoc("  ", t.description)}  readonly ${key(t.propertyName)}: ${t.className};`,
  );
  const inits = model.tags.map((t) => `    this.${t.propertyName} = new ${t.className}(runtime);`);
  // A document without operations (webhooks only) has no tag to hand the runtime to: an unread
  // local would fail noUnusedLocals, so the runtime is built (checking the options) but not kept.
  const runtimeBinding = model.tags.length > 0 ? "const runtime = " : "";
  const content =
    `${HEADER}${imports.render()}${tagImports}\n\n` +
    `/** The servers the API is served from; the first is the default. */\nexport const ServerList = [${str(model.serverURL)}] as const;\n\n` +
    `/** Credentials, plus the options every client takes (server URL, retries, timeout, axios instance). */\n` +
    `export interface SDKOptions extends ClientOptions {\n${options.join("\n\n")}\n}\n\n` +
    `${jsdoc("", model.description)}export class ${config.sdkClassName} {\n${fields.join("\n\n")}\n\n` +
    `  constructor(options: SDKOptions = {}) {\n` +
    `    ${runtimeBinding}new Runtime(options, {\n` +
    `      serverURL: ServerList[0],\n` +
    `      userAgent: ${str(`${config.packageName}/${config.packageVersion} (typescript)`)},\n` +
    `      security: [${security.join(", ")}],\n` +
    `      retries: { ${retries} },\n` +
    `      timeoutMs: ${config.timeoutMs},\n` +
    `    });\n${inits.join("\n")}\n  }\n}\n`;
  return { path: "sdk.ts", content };
}

function optionDoc(scheme: SecurityScheme): string {
  const doc = scheme.description ?? securityDoc(scheme.kind);
  return scheme.envVar ? `${doc}\n\nDefault: the \`${scheme.envVar}\` environment variable.` : doc;
}

function securityDoc(kind: string): string {
  return kind === "basic"
    ? "Credentials as `user:password`."
    : kind === "bearer"
      ? "Sent as `Authorization: Bearer <value>`."
      : "API key.";
}

export function emitSdkIndex(model: ApiModel): GeneratedFile {
  const lines = [
    `export * from "./sdk";`,
    ...model.tags.map((t) => `export * from "./${fileBase(t.className)}";`),
    `export * as shared from "./models/shared";`,
    `export * as operations from "./models/operations";`,
    `export * as errors from "./models/errors";`,
  ];
  return { path: "index.ts", content: HEADER + lines.join("\n") + "\n" };
}

export function emitErrorsIndex(): GeneratedFile {
  return { path: "models/errors/index.ts", content: `${HEADER}export * from "../../../internal/errors";\n` };
}
