/**
 * Bundles the strict fake Office/Excel host for the browser tests. The tests serve this script
 * in place of the CDN's office.js, after a line that sets the workbook state
 * (window.__FAKE_WORKBOOK__) and the host options (window.__FAKE_OPTIONS__).
 */
const path = require("node:path");

module.exports = {
  mode: "development",
  devtool: false,
  target: "web",
  entry: { "fake-office": "./test/browser/fakeOfficeEntry.ts" },
  output: { path: path.resolve(__dirname, "out", "fake-office"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { onlyCompileBundledFiles: true, transpileOnly: true, compilerOptions: { module: "ESNext", noEmit: false } },
        },
      },
    ],
  },
  performance: { hints: false },
};
