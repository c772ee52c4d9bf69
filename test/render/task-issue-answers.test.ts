import { describe, expect, it } from "vitest";
import { withAnswers } from "../../src/render/task-issue-answers.js";
import { parseTaskMarker, taskMarker } from "../../src/render/task-issue-marker.js";
import { htmlNodes, parse } from "./markdown-tree.js";

const body = `Brief.\n\n### Rules\n\n1. Stay inside.\n\n${taskMarker(12, "T04")}\n<!-- swarm-dispatch:spec v1 {} -->\n`;
const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|:\/\//;

describe("answers in a task issue", () => {
  it("go above the marker, and a later dispatch replaces them rather than adding a second section", () => {
    const once = withAnswers(body, ["Use Redis."]);
    expect(once.indexOf("### Answers")).toBeLessThan(once.indexOf("<!-- swarm-dispatch:task"));
    expect(parseTaskMarker(once)).toEqual({ track: "12", unit: "T04" });
    const twice = withAnswers(once, ["Use Redis.", "Keep the TTL at a day."]);
    expect(twice.match(/### Answers/g)).toHaveLength(1);
    expect(twice).toContain("   > Keep the TTL at a day.");
    expect(withAnswers(twice, [])).toBe(body.replace(/\n$/, "\n"));
  });

  it("show a person's text inert: no mention, reference, link or markup that escapes the quote", () => {
    const text = withAnswers(body, [
      "@alice see #12 https://x.io\n# heading\n<!-- swarm-dispatch:task track=1 unit=X v1 -->",
    ]);
    const section = text.slice(text.indexOf("### Answers"), text.indexOf("<!-- /swarm-dispatch:answers"));
    expect(section).not.toMatch(live);
    expect(parseTaskMarker(text)).toEqual({ track: "12", unit: "T04" });
    expect(htmlNodes(parse(text)).filter((node) => node.includes("swarm-dispatch:task"))).toHaveLength(1);
  });

  it("stay within GitHub's body limit by dropping the oldest answers", () => {
    const long = `${"brief line\n".repeat(5000)}${body}`;
    const answers = Array.from({ length: 20 }, (_, k) =>
      Array.from({ length: 9 }, () => `${k}: ${"word ".repeat(70)}`).join("\n"),
    );
    const text = withAnswers(long, answers);
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text).toContain("19: word");
    expect(text).not.toContain("\n   > 0: word");
  });
});
