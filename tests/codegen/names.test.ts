/** The naming rules, as given → want tables: spec names in, TypeScript names out. */
import {
  NameScope,
  argumentName,
  camelCase,
  enumMemberName,
  fieldName,
  isBindingName,
  isIdentifier,
  pascalCase,
  snakeCase,
  typeName,
  uniqueFieldNames,
  words,
} from "../../codegen/model/names";

test.each<[string, string[]]>([
  ["file_ids", ["file", "ids"]],
  ["OpenAIFile", ["Open", "AI", "File"]],
  ["HTTPResponse", ["HTTP", "Response"]],
  ["x-rate-limit", ["x", "rate", "limit"]],
  ["fileID", ["file", "ID"]],
  ["gpt-4o", ["gpt", "4o"]],
  ["2xx", ["2xx"]],
  ["__proto__", ["proto"]],
  ["with space", ["with", "space"]],
  ["", []],
  ["-_-", []],
])("words(%j) is %j", (given, want) => {
  expect(words(given)).toEqual(want);
});

test.each([
  ["file_ids", "FileIds"],
  ["OpenAIFile", "OpenAIFile"],
  ["in progress", "InProgress"],
  ["2xx", "N2xx"],
  ["", "Unnamed"],
  ["---", "Unnamed"],
])("pascalCase(%j) is %j", (given, want) => {
  expect(pascalCase(given)).toBe(want);
});

test.each([
  ["file_ids", "fileIds"],
  ["OpenAIFile", "openAIFile"],
  ["URL", "url"],
  ["ID_token", "idToken"],
  ["FileID", "fileID"],
  ["1st", "_1st"],
  ["", "value"],
])("camelCase(%j) is %j", (given, want) => {
  expect(camelCase(given)).toBe(want);
});

test.each([
  ["threadId", "thread_id"],
  ["OpenAIFile", "open_ai_file"],
  ["x-rate-limit", "x_rate_limit"],
  ["", ""],
])("snakeCase(%j) is %j", (given, want) => {
  expect(snakeCase(given)).toBe(want);
});

test.each([
  ["assistant_object", "AssistantObject"],
  ["Promise", "PromiseT"],
  ["record", "RecordT"],
  ["unknown", "UnknownT"],
  ["Upload", "UploadT"],
  ["2xx", "N2xx"],
])("typeName(%j) is %j", (given, want) => {
  expect(typeName(given)).toBe(want);
});

test.each([
  ["file_id", "fileId"],
  ["constructor", "constructorValue"],
  ["prototype", "prototypeValue"],
  ["__proto__", "proto"],
  // A field is a property, so a reserved word is fine there.
  ["class", "class"],
])("fieldName(%j) is %j", (given, want) => {
  expect(fieldName(given)).toBe(want);
});

test.each([
  ["file_id", "fileId"],
  ["class", "classValue"],
  ["default", "defaultValue"],
  ["eval", "evalValue"],
  ["undefined", "undefinedValue"],
  ["constructor", "constructorValue"],
])("argumentName(%j) is %j", (given, want) => {
  expect(argumentName(given)).toBe(want);
});

test.each<[string | number | boolean, string]>([
  ["in_progress", "InProgress"],
  ["gpt-4o", "Gpt4o"],
  ["2xx", "Value2xx"],
  ["", "Empty"],
  ["-", "Empty"],
  [true, "True"],
  [0, "Value0"],
  [1, "Value1"],
  [1.5, "Value1_5"],
  [-1, "Minus1"],
  [-1.5, "Minus1_5"],
])("enumMemberName(%j) is %j", (given, want) => {
  expect(enumMemberName(given)).toBe(want);
});

test.each<[string, boolean, boolean]>([
  // name, identifier, binding name
  ["fileId", true, true],
  ["$ref", true, true],
  ["_1st", true, true],
  ["class", true, false],
  ["undefined", true, false],
  ["1st", false, false],
  ["with space", false, false],
  ["", false, false],
])("%j: identifier %j, binding name %j", (name, identifier, binding) => {
  expect(isIdentifier(name)).toBe(identifier);
  expect(isBindingName(name)).toBe(binding);
});

test.each<[string, string[][], string[]]>([
  [
    "the first free candidate",
    [
      ["A", "B"],
      ["A", "B"],
    ],
    ["A", "B"],
  ],
  ["a number after the last candidate", [["A"], ["A"], ["A"]], ["A", "A2", "A3"]],
  ["case-insensitive collisions", [["File"], ["file", "fileX"]], ["File", "fileX"]],
  ["numbers skip taken names", [["b2"], ["a", "b"], ["a", "b"], ["a", "b"]], ["b2", "a", "b", "b3"]],
])("NameScope: %s", (_, claims, want) => {
  const scope = new NameScope();
  expect(claims.map((candidates) => scope.claim(candidates))).toEqual(want);
});

test("NameScope.has ignores case", () => {
  const scope = new NameScope();
  scope.claim(["Assistants"]);
  expect([scope.has("assistants"), scope.has("Assistant")]).toEqual([true, false]);
});

test.each<[string[], string[]]>([
  [
    ["file_id", "fileId"],
    ["fileId", "fileIdField"],
  ],
  [
    ["a", "A"],
    ["a", "aField"],
  ],
  [
    ["type", "id"],
    ["type", "id"],
  ],
])("uniqueFieldNames(%j) is %j", (given, want) => {
  expect(uniqueFieldNames(given)).toEqual(want);
});
