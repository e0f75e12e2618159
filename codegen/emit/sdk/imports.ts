/** TypeRef → TypeScript type text, recording the imports each reference needs. */
import type { Decl, Namespace, TypeRef } from "../../model/ir";
import { fileBase } from "../code";
import { printType } from "../print-type";

/** Tracks what one generated file imports. */
export class Imports {
  private readonly named = new Map<string, Set<string>>();
  private readonly namespaces = new Map<string, string>();
  private readonly typeOnly = new Map<string, Set<string>>();

  /** `self` is the declaration this file defines: a recursive reference needs no import. */
  constructor(
    readonly namespace: Namespace | "sdk",
    private readonly self?: string,
  ) {}

  add(module: string, name: string): void {
    const names = this.named.get(module) ?? new Set<string>();
    names.add(name);
    this.named.set(module, names);
  }

  /** A name used only in types: imported with `import type`, so it costs nothing at run time. */
  addType(module: string, name: string): void {
    const names = this.typeOnly.get(module) ?? new Set<string>();
    names.add(name);
    this.typeOnly.set(module, names);
  }

  addNamespace(alias: string, module: string): void {
    this.namespaces.set(alias, module);
  }

  /** The expression that names a declaration (or its codec) from this file. */
  ref(decl: Decl, suffix = ""): string {
    return this.refName(decl.namespace, decl.name, suffix);
  }

  /** The same, for a class known by name only (an operation's request or response class). */
  refName(namespace: Namespace, name: string, suffix = ""): string {
    if (this.namespace === namespace) {
      if (name === this.self) return name + suffix;
      this.add(`./${fileBase(name)}`, name + suffix);
      return name + suffix;
    }
    const module = this.namespace === "sdk" ? `./models/${namespace}` : `../${namespace}`;
    this.addNamespace(namespace, module);
    return `${namespace}.${name}${suffix}`;
  }

  render(): string {
    const lines: string[] = [];
    for (const [alias, module] of [...this.namespaces].sort()) lines.push(`import * as ${alias} from "${module}";`);
    for (const [module, names] of [...this.typeOnly].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`import type { ${[...names].sort().join(", ")} } from "${module}";`);
    }
    for (const [module, names] of [...this.named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`import { ${[...names].sort().join(", ")} } from "${module}";`);
    }
    return lines.length > 0 ? lines.join("\n") + "\n" : "";
  }
}

/** TypeScript type text, importing every declaration it names. */
export function tsType(type: TypeRef, imports: Imports): string {
  return printType(type, {
    named: (decl) => imports.ref(decl),
    get binary() {
      imports.addType(internalPath(imports), "Upload");
      return "Upload";
    },
  });
}

export function internalPath(imports: Imports): string {
  return imports.namespace === "sdk" ? "../internal" : "../../../internal";
}
