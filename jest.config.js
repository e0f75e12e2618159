/** Unit, conformance and generator tests. Type errors are caught by `npm run typecheck`, so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // msw 2 depends on a few ESM-only packages; Node 20's jest cannot require() them untransformed.
    "^.+\\.m?js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, isolatedModules: true, module: "commonjs", target: "ES2020" } },
    ],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(rettime|until-async|@mswjs|msw|headers-polyfill|outvariant|strict-event-emitter|@open-draft)/)",
  ],
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  testTimeout: 60000,
  // Not the default (a folder in the system temp folder): a test run leaves nothing there.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
};
