import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest, DEFAULT_OPTIONS, parseXml } from "../scripts/manifestCheck";

const manifest = readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
const check = (xml: string) => checkManifest(xml, DEFAULT_OPTIONS);

/** Replaces exactly one occurrence, so a mutation that misses fails loudly instead of testing nothing. */
function mutate(from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? manifest.split(from).length - 1 : (manifest.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`mutation target found ${count} times: ${String(from)}`);
  return manifest.replace(from, to);
}

describe("manifest.xml", () => {
  it("passes the offline structural check", () => {
    expect(check(manifest)).toEqual([]);
  });

  it("is a Workbook task pane with a Swedish default and an English override", () => {
    const root = parseXml(manifest);
    const byName = (n: string) => root.children.find((c) => c.name === n)!;
    expect(byName("DefaultLocale").text).toBe("sv-SE");
    expect(byName("DisplayName").children[0].attrs).toMatchObject({ Locale: "en-US", Value: "Review invoice basis" });
    expect(byName("DefaultSettings").children[0].attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  const broken: [string, string][] = [
    ["non-GUID id", mutate(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>")],
    ["missing ProviderName", mutate(/\s*<ProviderName>[^<]*<\/ProviderName>/, "")],
    [
      "Description before DisplayName",
      mutate(/(<DisplayName[\s\S]*?<\/DisplayName>)(\s*)(<Description[\s\S]*?<\/Description>)/, "$3$2$1"),
    ],
    ["http SourceLocation", mutate('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>')],
    ["URL on another host", mutate('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://example.com/assets/icon-32.png"/>')],
    ["icon that does not exist", mutate('id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-81.png"')],
    ["icon of the wrong size", mutate('id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"', 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"')],
    ["wrong requirement version", mutate('MinVersion="1.6"', 'MinVersion="1.1"')],
    ["weaker permission", mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>")],
    ["no Workbook host", mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>')],
    ["undefined resid", mutate('<Label resid="Review.Group.Label"/>', '<Label resid="Review.Group.Missing"/>')],
    ["unclosed element", mutate("</Hosts>\n  <Requirements>", "\n  <Requirements>")],
    ["unknown element", mutate("<Permissions>", "<Colour>green</Colour>\n  <Permissions>")],
    ["no ShowTaskpane action", mutate('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">')],
    ["TaskPaneApp type", mutate('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"')],
  ];

  it.each(broken)("reports a broken manifest: %s", (_name, xml) => {
    expect(check(xml).length).toBeGreaterThan(0);
  });

  it("names the problem it finds", () => {
    expect(check(broken[0][1])).toEqual(['<Id> "not-a-guid" is not a GUID']);
    expect(check(mutate('MinVersion="1.6"', 'MinVersion="1.1"'))).toEqual([
      '<Set Name="ExcelApi"> MinVersion is 1.1, the add-in needs 1.6',
    ]);
  });
});

describe("parseXml", () => {
  it("reads attributes, entities, text and self-closing elements", () => {
    const el = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b/><c>t&lt;u</c></a>');
    expect(el.attrs.x).toBe("1 & 2");
    expect(el.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(el.children[1].text).toBe("t<u");
  });

  it.each(["<a><b></a>", "<a>", "<a></a><b/>", '<a x="1" x="2"/>', "text<a/>"])("rejects malformed XML %s", (xml) => {
    expect(() => parseXml(xml)).toThrow(/XML line/);
  });
});
