// A small, strict XML 1.0 well-formedness checker for tests: it reads a document into a tree or throws with the
// offset of the first fault. Strict where generated markup goes wrong: only XML characters, only the five
// predefined entities and character references to XML characters, no raw `<` or `&` in attribute values, no
// duplicate attributes, proper nesting, one root. It refuses any DOCTYPE (so no entity can be defined) and reads
// no namespaces (a prefixed name is just a name). Iterative, so deep nesting cannot overflow the stack.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const nameStart =
  "A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D";
const name = new RegExp(`[${nameStart}][${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, "y");
const space = /[ \t\r\n]*/y;
// Anything that is not an XML 1.0 Char: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
// A RegExp from strings: a literal with control characters in it would trip the linter.
const notXmlChar = new RegExp(
  "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]" +
    "|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]",
);
const predefined: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

function fail(message: string, offset: number): never {
  throw new XmlError(`${message} at offset ${offset}`);
}

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Replaces entity and character references; throws on a bare `&`, an unknown entity or a non-XML character. */
function decode(raw: string, offset: number): string {
  return raw.replace(/&([^;&]*);?|&/g, (match, body: string | undefined, at: number) => {
    if (body === undefined || !match.endsWith(";")) fail("bare '&'", offset + at);
    const known = predefined[body];
    if (known !== undefined) return known;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (numeric === null) fail(`unknown entity '&${body};'`, offset + at);
    const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
    if (!isXmlCodePoint(code)) fail(`reference to a non-XML character '&${body};'`, offset + at);
    return String.fromCodePoint(code);
  });
}

/** Parses a complete document and returns its root element. */
export function parseXml(text: string): XmlElement {
  const bad = notXmlChar.exec(text);
  if (bad !== null)
    fail(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} is not allowed`, bad.index);
  let at = 0;
  if (text.startsWith("<?xml ")) at = skipPast(text, "?>", at);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < text.length) {
    const current = stack.at(-1);
    const lt = text.indexOf("<", at);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > at) {
      const raw = text.slice(at, textEnd);
      if (current === undefined && raw.trim() !== "") fail("text outside the root element", at);
      if (raw.includes("]]>")) fail("']]>' in text", at + raw.indexOf("]]>"));
      if (current !== undefined) current.children.push(decode(raw, at));
      at = textEnd;
      continue;
    }
    if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at + 4);
      if (end === -1 || text.slice(at + 4, end).includes("--")) fail("bad comment", at);
      at = end + 3;
    } else if (text.startsWith("<![CDATA[", at)) {
      if (current === undefined) fail("CDATA outside the root element", at);
      const end = text.indexOf("]]>", at);
      if (end === -1) fail("unclosed CDATA section", at);
      current.children.push(text.slice(at + 9, end));
      at = end + 3;
    } else if (text.startsWith("<!", at)) {
      fail("DOCTYPE and other declarations are not accepted", at);
    } else if (text.startsWith("<?", at)) {
      if (/^<\?xml[\s?]/i.test(text.slice(at, at + 6))) fail("misplaced XML declaration", at);
      at = skipPast(text, "?>", at);
    } else if (text.startsWith("</", at)) {
      const closing = readName(text, at + 2);
      const open = stack.pop();
      if (open === undefined || open.name !== closing) fail(`unexpected </${closing}>`, at);
      at = expect(text, skipSpace(text, at + 2 + closing.length), ">");
    } else {
      const element = readStartTag(text, at);
      at = element.end;
      if (current !== undefined) current.children.push(element.element);
      else if (root === undefined) root = element.element;
      else fail("a second root element", at);
      if (!element.selfClosing) stack.push(element.element);
    }
  }
  const open = stack.at(-1);
  if (open !== undefined) fail(`<${open.name}> is never closed`, text.length);
  if (root === undefined) fail("no root element", 0);
  return root;
}

function readStartTag(
  text: string,
  start: number,
): { element: XmlElement; end: number; selfClosing: boolean } {
  const element: XmlElement = { name: readName(text, start + 1), attributes: {}, children: [] };
  let at = start + 1 + element.name.length;
  for (;;) {
    const afterSpace = skipSpace(text, at);
    if (text.startsWith("/>", afterSpace)) return { element, end: afterSpace + 2, selfClosing: true };
    if (text.startsWith(">", afterSpace)) return { element, end: afterSpace + 1, selfClosing: false };
    if (afterSpace === at) fail("expected whitespace, '>' or '/>'", at);
    const attribute = readName(text, afterSpace);
    at = expect(text, skipSpace(text, afterSpace + attribute.length), "=");
    at = skipSpace(text, at);
    const quote = text[at];
    if (quote !== '"' && quote !== "'") fail("attribute value without quotes", at);
    const close = text.indexOf(quote, at + 1);
    if (close === -1) fail("unclosed attribute value", at);
    const raw = text.slice(at + 1, close);
    if (raw.includes("<")) fail("'<' in an attribute value", at);
    if (Object.hasOwn(element.attributes, attribute)) fail(`duplicate attribute '${attribute}'`, afterSpace);
    element.attributes[attribute] = decode(raw.replace(/[\t\n\r]/g, " "), at + 1);
    at = close + 1;
  }
}

function readName(text: string, at: number): string {
  name.lastIndex = at;
  const match = name.exec(text);
  if (match === null) fail("expected a name", at);
  return match[0];
}

function skipSpace(text: string, at: number): number {
  space.lastIndex = at;
  space.exec(text);
  return space.lastIndex;
}

function expect(text: string, at: number, token: string): number {
  if (!text.startsWith(token, at)) fail(`expected '${token}'`, at);
  return at + token.length;
}

function skipPast(text: string, token: string, at: number): number {
  const end = text.indexOf(token, at);
  if (end === -1) fail(`expected '${token}'`, at);
  return end + token.length;
}

/** Every element under (and including) `root`, in document order, that has the given name. */
export function elementsNamed(root: XmlElement, wanted: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (typeof node === "string") continue;
    if (node.name === wanted) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--)
      stack.push(node.children[index] as XmlNode);
  }
  return found;
}

/** The element's text with references decoded, its descendants' text included. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === "string" ? child : textOf(child))).join("");
}

/** The element's class attribute split into words. */
export function classesOf(element: XmlElement): string[] {
  return (element.attributes.class ?? "").split(" ").filter((word) => word !== "");
}
