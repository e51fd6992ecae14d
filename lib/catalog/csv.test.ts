import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvLine, parseCsv, unneutralise } from "./csv";

describe("parseCsv", () => {
  it("parses quoted fields with commas, quotes and newlines and keeps line numbers", () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"multi\nline",z\n3,,\n';
    const recs = parseCsv(text);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(recs[1].fields).toEqual(["1", "x, y", 'say "hi"']);
    expect(recs[2].fields).toEqual(["2", "multi\nline", "z"]);
    expect(recs[3].fields).toEqual(["3", "", ""]);
  });

  it("strips a BOM and handles CRLF line endings and blank lines", () => {
    const recs = parseCsv("\uFEFFid,name\r\n1,a\r\n\r\n2,b");
    expect(recs).toEqual([
      { line: 1, fields: ["id", "name"] },
      { line: 2, fields: ["1", "a"] },
      { line: 4, fields: ["2", "b"] },
    ]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"oops\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  it("round-trips values through csvLine", () => {
    const values = ['He said "no", then left', "plain", "two\nlines", ""];
    expect(parseCsv(csvLine(values))[0].fields).toEqual(values);
  });
});

describe("csvLine against formula injection", () => {
  it("writes cells a spreadsheet would run as formulas as text, numbers as numbers", () => {
    const cells = ['=HYPERLINK("http://x","click")', "+SUM(A1:A9)", "-2-3", "@cmd", "\tx", "\rx", "-1", "+2.5", "1e-3", "a=b", ""];
    const line = csvLine(cells);
    expect(line).toBe(`"'=HYPERLINK(""http://x"",""click"")",'+SUM(A1:A9),'-2-3,'@cmd,'\tx,"'\rx",-1,+2.5,1e-3,a=b,`);
    const [record] = parseCsv(line);
    expect(record.fields.map(unneutralise)).toEqual(cells);
  });
});
