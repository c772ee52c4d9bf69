import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeUnit, parseTaskMarker, taskMarker } from "../../src/render/task-issue-marker.js";
import { hostileText } from "./hostile-text.js";

/** Hostile text mixed with pieces of markers, one line or many. */
const markerJunk = fc
  .array(
    fc.oneof(
      hostileText,
      fc.constantFrom(
        "<!-- swarm-dispatch:dashboard track=",
        "<!-- swarm-dispatch:task track=1 unit=",
        "%D800",
        "%00",
        " v1 -->",
        "\r\n",
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("taskMarker and parseTaskMarker", () => {
  it("writes a hidden comment line and reads it back", () => {
    const marker = taskMarker(12, "T04");
    expect(marker).toBe("<!-- swarm-dispatch:task track=12 unit=T04 v1 -->");
    expect(parseTaskMarker(`Brief\n\n${marker}\n`)).toEqual({ track: "12", unit: "T04" });
  });

  it("round-trips every unit id, lone surrogates and comment ends included", () => {
    const id = fc.oneof(hostileText, fc.string({ unit: "binary", minLength: 1, maxLength: 100 }));
    fc.assert(
      fc.property(
        id.filter((text) => text.length > 0),
        fc.integer({ min: 1, max: 1e9 }),
        (unit, track) => {
          const marker = taskMarker(track, unit);
          expect(marker).not.toMatch(/-->.*-->/);
          expect(marker.split("\n")).toHaveLength(1);
          expect(parseTaskMarker(`text\r\n${marker}\r\n`)).toEqual({ track: String(track), unit });
        },
      ),
    );
  });

  it("encodes anything but letters, digits and ._~- as %XXXX", () => {
    expect(encodeUnit("T-04.a_b~")).toBe("T-04.a_b~");
    expect(encodeUnit("a b>\ud800")).toBe("a%0020b%003E%D800");
  });

  it("counts only a line that is exactly the marker", () => {
    const marker = taskMarker(3, "T1");
    for (const body of [
      `- \`${marker}\``,
      ` ${marker}`,
      `${marker} trailing`,
      marker.replace("v1", "v2"),
      marker.replace("track=3", "track=03"),
      marker.replace("track=3", "track=-3"),
      "<!-- swarm-dispatch:task track=3 unit=T%0031 v1 -->",
      "<!-- swarm-dispatch:task track=3 unit=%ZZ v1 -->",
      "<!-- swarm-dispatch:task track=3 unit= v1 -->",
      "<!-- swarm-dispatch:dashboard track=3 v1 -->",
    ]) {
      expect(parseTaskMarker(body)).toBeNull();
    }
  });

  it("answers null for no body, and for two markers that disagree", () => {
    expect(parseTaskMarker(null)).toBeNull();
    expect(parseTaskMarker(undefined)).toBeNull();
    expect(parseTaskMarker("")).toBeNull();
    const a = taskMarker(3, "T1");
    expect(parseTaskMarker(`${a}\n${a}`)).toEqual({ track: "3", unit: "T1" });
    expect(parseTaskMarker(`${a}\n${taskMarker(3, "T2")}`)).toBeNull();
    expect(parseTaskMarker(`${a}\n${taskMarker(4, "T1")}`)).toBeNull();
  });

  it("reads hostile and oversized bodies without crashing", () => {
    fc.assert(
      fc.property(markerJunk, (body) => {
        expect(() => parseTaskMarker(body)).not.toThrow();
      }),
      { numRuns: 50 },
    );
    const marker = taskMarker(5, "T9");
    expect(parseTaskMarker(`${"<!-- swarm-dispatch:task ".repeat(5_000)}\n${marker}`)).toEqual({
      track: "5",
      unit: "T9",
    });
    // GitHub keeps at most 65,536 characters; a longer string is not a body GitHub returned, and is not scanned whole.
    expect(parseTaskMarker(`${"x".repeat(2_000_000)}\n${marker}`)).toBeNull();
  });

  it("refuses to write a marker for a track id that is not an issue number", () => {
    for (const track of ["0", "abc", "1 2", "-3", "12\n", 1.5])
      expect(() => taskMarker(track, "T1")).toThrow(RangeError);
  });
});
