import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText } from "../../src/render/markdown-text.js";
import {
  issueBlockText,
  issueCode,
  issueInline,
  issueTitleText,
  neutraliseReferences,
} from "../../src/render/markdown-text-github.js";
import { hostileText } from "./hostile-text.js";
import { nodeText, parse } from "./markdown-tree.js";

const zwj = "\u200d";
/** What GitHub would turn into a notification or a cross-reference, as its scanner sees the raw text. */
const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|\bGH-\d|:\/\/|\bwww\./i;

describe("neutraliseReferences", () => {
  it("breaks mentions, issue references and autolinks with a zero-width joiner", () => {
    expect(neutraliseReferences("@alice @org/team #12 acme/shop#3 GH-7 https://x.io www.x.io")).toBe(
      `@${zwj}alice @${zwj}org/team #${zwj}12 acme/shop#${zwj}3 GH${zwj}-7 https:${zwj}//x.io www${zwj}.x.io`,
    );
  });

  it("leaves text without references as it is, and is idempotent", () => {
    expect(neutraliseReferences("a # b, C# 10%, @ alone, mail@ end")).toBe(
      "a # b, C# 10%, @ alone, mail@ end",
    );
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = neutraliseReferences(text);
        expect(neutraliseReferences(once)).toBe(once);
        expect(once.replaceAll(zwj, "")).toBe(text.replaceAll(zwj, ""));
      }),
    );
  });
});

describe("issueInline", () => {
  it("renders hostile text literally, with no live mention or reference", () => {
    const text = fc.oneof(
      hostileText,
      fc.constantFrom("@alice", "#12", "x@y #1", "GH-9", "http://a.b", "WWW.a.b"),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (parts) => {
        const raw = parts.join(" ");
        const rendered = issueInline(raw);
        expect(live.test(rendered)).toBe(false);
        const root = parse(`before ${rendered} after`);
        expect(root.children).toHaveLength(1);
        expect(nodeText(root).replaceAll(zwj, "")).toBe(
          `before ${plainText(raw)} after`.replaceAll(zwj, "").trim(),
        );
      }),
    );
  });
});

describe("issueBlockText", () => {
  it("keeps a leading heading, list or number marker from starting a block", () => {
    for (const text of ["# Title", "- item", "+ item", "= x", "12. step", "3) step", "#12 fixed"]) {
      const root = parse(`- ${issueBlockText(text)}`);
      const list = root.children[0];
      expect(list?.type).toBe("list");
      expect(nodeText(root).replaceAll(zwj, "")).toBe(text);
      if (list?.type === "list")
        expect(list.children[0]?.children.map((node) => node.type)).toEqual(["paragraph"]);
    }
  });
});

describe("issueCode", () => {
  it("keeps a path copyable as a code span, and neutralises the text it falls back to in a table", () => {
    expect(issueCode("src/@alice/#12.ts")).toBe("`src/@alice/#12.ts`");
    // GFM splits table cells before code spans, so `\|` cannot stay in one: it becomes escaped text, still inert.
    const cell = issueCode("a\\|@alice #12", { inTable: true });
    expect(cell.startsWith("`")).toBe(false);
    expect(live.test(cell)).toBe(false);
    const root = parse(`| x |\n|---|\n| ${cell} |`);
    expect(nodeText(root).replaceAll(zwj, "")).toBe("xa\\|@alice #12");
  });
});

describe("issueTitleText", () => {
  it("is one neutralised line within the limit", () => {
    const title = issueTitleText(`@alice fix #12\nnow ${"x".repeat(70_000)}`, 256);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toContain("\n");
    expect(live.test(title)).toBe(false);
  });
});
