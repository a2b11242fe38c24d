/**
 * The rule of the layers (docs/ARCHITECTURE.md) is enforced by `npm run lint`: each case lints
 * a small text as if it were a file of that layer, with the project's own ESLint config, and
 * expects an error (severity 2, so `eslint .` exits non-zero) from the rule that guards the
 * boundary, on the line that crosses it. Each forbidden case has an allowed twin that lints
 * clean, so a rule that flags everything fails too.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

interface Message {
  ruleId: string | null;
  severity: number;
  line: number;
  message: string;
}

interface Case {
  name: string;
  /** An existing file of the layer (its text on disk is not read, the code below is linted in its place). */
  filePath: string;
  forbidden: string;
  allowed: string;
  rule: string;
  /** The line of `forbidden` that crosses the boundary. */
  line: number;
}

const CASES: Case[] = [
  {
    name: "the core imports a package other than zod",
    filePath: "src/core/model.ts",
    forbidden: 'import { z } from "zod";\nimport { useState } from "react";\nexport const x = [z, useState];\n',
    allowed: 'import { z } from "zod";\nimport { columnLetter } from "./cells/cellValue";\nexport const x = [z, columnLetter];\n',
    rule: "layers/imports",
    line: 2,
  },
  {
    name: "the core imports a Node built-in",
    filePath: "src/core/cells/text.ts",
    forbidden: 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    allowed: 'import { columnLetter } from "./cellValue";\nexport const x = columnLetter;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the core reaches out of src/core by a relative path",
    filePath: "src/core/cells/text.ts",
    forbidden: 'import type { Lang } from "../../taskpane/i18n";\nexport type X = Lang;\n',
    allowed: 'import type { Bilingual } from "../model";\nexport type X = Bilingual;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the pane imports the xlsx adapter",
    filePath: "src/taskpane/errors.ts",
    forbidden: 'import { XlsxError } from "../adapters/xlsx/xlsxError";\nexport const x = XlsxError;\n',
    allowed: 'import { ExcelHostError } from "../adapters/excel";\nexport const x = ExcelHostError;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the pane imports a package only the xlsx adapter uses",
    filePath: "src/taskpane/errors.ts",
    forbidden: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
    allowed: 'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the pane imports a Node built-in",
    filePath: "src/taskpane/errors.ts",
    forbidden: 'import { EventEmitter } from "events";\nexport const x = EventEmitter;\n',
    allowed: 'import { useState } from "react";\nexport const x = useState;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the pane imports the core by a deep path",
    filePath: "src/taskpane/errors.ts",
    forbidden: 'import { maskPersonId } from "../core/cells/mask";\nexport const x = maskPersonId;\n',
    allowed: 'import { maskPersonId } from "../core";\nexport const x = maskPersonId;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the headless command imports the core by a deep path",
    filePath: "src/cli/args.ts",
    forbidden: 'import type { Bilingual } from "../core/model";\nexport type X = Bilingual;\n',
    allowed: 'import type { Bilingual } from "../core/index";\nexport type X = Bilingual;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the xlsx adapter imports the core by a deep path",
    filePath: "src/adapters/xlsx/xlsxError.ts",
    forbidden: 'export type { Bilingual } from "../../core/model";\n',
    allowed: 'export type { Bilingual } from "../../core";\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the Excel adapter imports React",
    filePath: "src/adapters/excel/excelHostError.ts",
    forbidden: 'import { createElement } from "react";\nexport const x = createElement;\n',
    allowed: 'import { maskIdsInText } from "../../core";\nexport const x = maskIdsInText;\n',
    rule: "layers/imports",
    line: 1,
  },
  {
    name: "the pane names the Office global",
    filePath: "src/taskpane/errors.ts",
    forbidden: 'export const lang = () => "x" + String(\n  Office.context.displayLanguage);\n',
    allowed: 'export const lang = () => "x" + String(\n  document.documentElement.lang);\n',
    rule: "no-restricted-globals",
    line: 2,
  },
  {
    name: "the pane names an Excel type",
    filePath: "src/taskpane/errors.ts",
    forbidden: "export type R = string |\n  Excel.Range;\n",
    allowed: "export type R = string |\n  number;\n",
    rule: "no-restricted-syntax",
    line: 2,
  },
  {
    name: "the core names Excel",
    filePath: "src/core/cells/text.ts",
    forbidden: "export const run = () =>\n  Excel.run(async () => 1);\n",
    allowed: "export const run = () =>\n  Promise.resolve(1);\n",
    rule: "no-restricted-globals",
    line: 2,
  },
  {
    name: "the Excel adapter leaves a promise floating",
    filePath: "src/adapters/excel/excelHostError.ts",
    forbidden: "async function write(): Promise<void> {}\nexport function go(): void {\n  write();\n}\n",
    allowed: "async function write(): Promise<void> {}\nexport async function go(): Promise<void> {\n  await write();\n}\n",
    rule: "@typescript-eslint/no-floating-promises",
    line: 3,
  },
  {
    name: "the pane hands a promise where a void callback is expected",
    filePath: "src/taskpane/errors.ts",
    forbidden: "async function save(): Promise<void> {}\nexport function wire(el: HTMLElement): void {\n  el.addEventListener(\"click\", async () => save());\n}\n",
    allowed: "async function save(): Promise<void> {}\nexport function wire(el: HTMLElement): void {\n  el.addEventListener(\"click\", () => void save());\n}\n",
    rule: "@typescript-eslint/no-misused-promises",
    line: 3,
  },
];

const ROOT = path.resolve(__dirname, "../..");

/** One ESLint run for every probe (its start-up, the type-aware program, is the slow part). */
function lint(probes: { filePath: string; code: string }[]): Message[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, "lintProbes.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as Message[][];
}

let results: Message[][];

beforeAll(() => {
  results = lint(CASES.flatMap((c) => [{ filePath: c.filePath, code: c.forbidden }, { filePath: c.filePath, code: c.allowed }]));
}, 180_000);

describe("npm run lint enforces the layers", () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))("fails when %s", (_name, c, i) => {
    const forbidden = results[2 * i];
    const errors = forbidden.filter((m) => m.severity === 2 && m.ruleId === c.rule);
    expect(errors.map((m) => m.line)).toEqual([c.line]);
    expect(errors[0].message.length).toBeGreaterThan(10);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))("passes the allowed twin of: %s", (_name, _c, i) => {
    expect(results[2 * i + 1]).toEqual([]);
  });
});
