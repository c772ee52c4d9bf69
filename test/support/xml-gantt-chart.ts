// Reads an SVG Gantt chart back through the strict XML checker, so tests assert on what a viewer would draw:
// bars with their geometry, style, label and tooltip; lanes; axis ticks; legend entries.

import { classesOf, elementsNamed, parseXml, textOf, type XmlElement } from "./xml-well-formed.js";

export interface ChartBar {
  classes: string[];
  /** The `<title>` tooltip text, references decoded. */
  tooltip: string;
  /** The text drawn on the bar, or null when the bar is too narrow for one. */
  label: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash: string | null;
}

export interface Chart {
  root: XmlElement;
  bars: ChartBar[];
  /** Lane labels (`Agent 3`) with their text baseline, top to bottom. */
  lanes: { label: string; y: number }[];
  ticks: { label: string; x: number }[];
  legend: string[];
  width: number;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => typeof node !== "string" && node.name === name);
}

function groupsWithClass(root: XmlElement, wanted: string): XmlElement[] {
  return elementsNamed(root, "g").filter((group) => classesOf(group).includes(wanted));
}

function number(element: XmlElement | undefined, attribute: string): number {
  const value = element?.attributes[attribute];
  if (value === undefined) throw new Error(`missing ${attribute} on <${element?.name}>`);
  return Number(value);
}

function readBar(group: XmlElement): ChartBar {
  const rect = child(group, "rect");
  const title = child(group, "title");
  const text = child(group, "text");
  return {
    classes: classesOf(group),
    tooltip: title === undefined ? "" : textOf(title),
    label: text === undefined ? null : textOf(text),
    x: number(rect, "x"),
    y: number(rect, "y"),
    width: number(rect, "width"),
    height: number(rect, "height"),
    fill: rect?.attributes.fill ?? "",
    stroke: rect?.attributes.stroke ?? "",
    strokeWidth: number(rect, "stroke-width"),
    dash: rect?.attributes["stroke-dasharray"] ?? null,
  };
}

export function readChart(svg: string): Chart {
  const root = parseXml(svg);
  const lanes = groupsWithClass(root, "lane").map((lane) => {
    const text = child(lane, "text");
    return { label: text === undefined ? "" : textOf(text), y: number(text, "y") };
  });
  const ticks = groupsWithClass(root, "tick").map((tick) => {
    const text = child(tick, "text");
    return { label: text === undefined ? "" : textOf(text), x: number(text, "x") };
  });
  const legend = groupsWithClass(root, "legend-item").map((item) => {
    const text = child(item, "text");
    return text === undefined ? "" : textOf(text);
  });
  return {
    root,
    bars: groupsWithClass(root, "bar").map(readBar),
    lanes,
    ticks,
    legend,
    width: number(root, "width"),
  };
}

// The whole vocabulary a static SVG 1.1 chart needs; anything else (script, foreignObject, a, image, use, style,
// animate…) could run code, load something or restyle the page.
const staticElements = new Set(["svg", "title", "desc", "g", "rect", "line", "text"]);

/** Everything in the document that is more than a static picture: a list of findings, empty when clean. */
export function activeContent(root: XmlElement): string[] {
  const findings: string[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    if (!staticElements.has(element.name)) findings.push(`element <${element.name}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) findings.push(`event handler ${name}`);
      if (/href$/i.test(name)) findings.push(`link ${name}`);
      if (name === "style") findings.push("style attribute");
      if (/url\(|javascript:|@import/i.test(value)) findings.push(`reference in ${name}="${value}"`);
    }
    for (const node of element.children) if (typeof node !== "string") stack.push(node);
  }
  return findings;
}
