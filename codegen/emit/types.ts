/** TypeRef → TypeScript type text, recording the imports each reference needs. */
import type { Decl, Namespace, TypeRef } from "../model/ir";
import { fileBase } from "./code";
import { printType } from "./print-type";

/** Tracks what one generated file imports. */
export class Imports {
  private readonly named = new Map<string, Set<string>>();
  private readonly namespaces = new Map<string, string>();
  private readonly typeOnly = new Map<string, Set<string>>();

  /** `self` is the declaration this file defines: a recursive reference needs no import. */
  constructor(readonly namespace: Namespace | "sdk", private readonly self?: string) {}

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
    if (this.namespace === decl.namespace) {
      if (decl.name === this.self) return decl.name + suffix;
      this.add(`./${fileBase(decl.name)}`, decl.name + suffix);
      return decl.name + suffix;
    }
    const alias = decl.namespace;
    const module = this.namespace === "sdk" ? `./models/${alias}` : `../${alias}`;
    this.addNamespace(alias, module);
    return `${alias}.${decl.name}${suffix}`;
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
