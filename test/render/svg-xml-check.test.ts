// The strict XML checker the SVG tests rely on: if it accepted broken markup, their escaping checks would prove nothing.

import { describe, expect, it } from "vitest";
import { elementsNamed, parseXml, textOf, XmlError } from "../support/xml-well-formed.js";

describe("parseXml", () => {
  it("reads declarations, attributes, references, CDATA and comments", () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<a b='&lt;&#x41;' c="1"><b>x &amp; y &#65;</b><![CDATA[<z>]]><!-- c --></a>\n`,
    );
    expect(root.attributes).toEqual({ b: "<A", c: "1" });
    expect(textOf(root)).toBe("x & y A<z>");
    expect(elementsNamed(root, "b")).toHaveLength(1);
  });

  it.each([
    ["a bare ampersand", "<a>&</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a reference to NUL", "<a>&#0;</a>"],
    ["a raw control character", "<a>\u0001</a>"],
    ["a lone surrogate", "<a>\ud800</a>"],
    ["'<' in an attribute", '<a b="<"/>'],
    ["an unquoted attribute", "<a b=1/>"],
    ["a duplicate attribute", '<a b="1" b="2"/>'],
    ["crossed tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>x"],
    ["a raw '<' in text", "<a>1 < 2</a>"],
    ["']]>' in text", "<a>]]></a>"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a double hyphen in a comment", "<a><!-- a -- b --></a>"],
    ["no root at all", "  "],
  ])("rejects %s", (_, text) => {
    expect(() => parseXml(text)).toThrow(XmlError);
  });

  it("reads 10,000-deep nesting without overflowing the stack", () => {
    const deep = `${"<g>".repeat(10_000)}${"</g>".repeat(10_000)}`;
    expect(parseXml(deep).name).toBe("g");
  });
});
