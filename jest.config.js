/** Unit and adapter tests run in Node; browser tests drive the production bundle in Chromium. */
const tsJest = [
  "ts-jest",
  {
    tsconfig: { jsx: "react-jsx", module: "CommonJS", moduleResolution: "node10", isolatedModules: true, esModuleInterop: true },
    diagnostics: false,
  },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
