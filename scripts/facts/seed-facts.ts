/**
 * The facts of the seed SDK's usage examples (its generated docs): for each TypeScript example,
 * what it imports from which module, which method it calls with which arguments, the variables
 * it declares with their types, and the result fields it reads. Literal values are kept as their
 * kind only (a string, a number), so no example text is stored; tests rebuild compilable code
 * from these facts to check that the seed's calls still typecheck against this SDK.
 */
import ts from "typescript";

export type SeedValue =
  | { readonly kind: "string" | "number" | "boolean" }
  | { readonly kind: "enum"; readonly type: string; readonly member: string }
  | { readonly kind: "ref"; readonly name: string }
  | { readonly kind: "array"; readonly items: readonly SeedValue[] }
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, SeedValue>> };

export interface SeedExample {
  /** Names imported from the package's entry (`""`) or a deep path (`"dist/sdk/models/shared"`). */
  readonly imports: readonly { readonly module: string; readonly names: readonly string[] }[];
  /** `const name: type = value;` before the call, in order. */
  readonly declarations: readonly { readonly name: string; readonly type: string; readonly value: SeedValue }[];
  /** `sdk.<tag>.<method>(...arguments)`. */
  readonly tag: string;
  readonly method: string;
  readonly arguments: readonly SeedValue[];
  /** Fields of the result the example reads (`statusCode`). */
  readonly resultFields: readonly string[];
}

/** TypeScript blocks of a markdown text. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```typescript\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

function valueOf(node: ts.Expression, where: string): SeedValue {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: "string" };
  if (ts.isNumericLiteral(node)) return { kind: "number" };
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "boolean" };
  if (ts.isIdentifier(node)) return { kind: "ref", name: node.text };
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    return { kind: "enum", type: node.expression.text, member: node.name.text };
  }
  if (ts.isArrayLiteralExpression(node)) return { kind: "array", items: node.elements.map((e) => valueOf(e, where)) };
  if (ts.isObjectLiteralExpression(node)) {
    const fields: Record<string, SeedValue> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        throw new Error(`${where}: unexpected object member ${p.getText()}`);
      }
      fields[p.name.text] = valueOf(p.initializer, where);
    }
    return { kind: "object", fields };
  }
  throw new Error(`${where}: unexpected expression ${node.getText()}`);
}

/** `sdk.tag.method(args)` in an `await`, or undefined. */
function sdkCall(node: ts.Node): ts.CallExpression | undefined {
  if (!ts.isAwaitExpression(node) || !ts.isCallExpression(node.expression)) return undefined;
  const callee = node.expression.expression;
  const isSdkMethod =
    ts.isPropertyAccessExpression(callee) &&
    ts.isPropertyAccessExpression(callee.expression) &&
    ts.isIdentifier(callee.expression.expression) &&
    callee.expression.expression.text === "sdk";
  return isSdkMethod ? node.expression : undefined;
}

function exampleFacts(code: string, where: string, packageName: string): SeedExample {
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true);
  const imports: { module: string; names: string[] }[] = [];
  const declarations: { name: string; type: string; value: SeedValue }[] = [];
  const resultFields = new Set<string>();
  let call: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
      imports.push({ module: node.moduleSpecifier.text.slice(packageName.length).replace(/^\//, ""), names });
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.type && node.initializer) {
      declarations.push({ name: node.name.text, type: node.type.getText(), value: valueOf(node.initializer, where) });
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "res"
    ) {
      resultFields.add(node.name.text);
    }
    call ??= sdkCall(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!call) throw new Error(`${where}: no sdk.<tag>.<method>(...) call`);
  const method = call.expression as ts.PropertyAccessExpression;
  return {
    imports,
    declarations,
    tag: ((method.expression as ts.PropertyAccessExpression).name as ts.Identifier).text,
    method: method.name.text,
    arguments: call.arguments.map((a) => valueOf(a, where)),
    resultFields: [...resultFields].sort(),
  };
}

/** The facts of every TypeScript example in the seed's docs, in order. */
export function seedExamples(markdown: string, source: string, packageName: string): SeedExample[] {
  return codeBlocks(markdown).map((code, i) => exampleFacts(code, `${source}, example ${i + 1}`, packageName));
}
