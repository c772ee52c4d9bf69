import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dashboardHash,
  dashboardMarker,
  parseDashboardMarker,
  renderDashboard,
} from "../../src/render/dashboard.js";
import { hour, sampleInput, sampleTrack, setRun } from "./dashboard-fixture.js";
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

describe("dashboard marker", () => {
  it("is found again in the rendered body, with CRLF line ends too", () => {
    const body = renderDashboard(sampleInput());
    expect(parseDashboardMarker(body)).toEqual({ track: "12" });
    expect(parseDashboardMarker(body.replaceAll("\n", "\r\n"))).toEqual({ track: "12" });
  });

  it("counts only an exact line, and refuses two tracks in one body", () => {
    const marker = dashboardMarker(5);
    expect(parseDashboardMarker(`x ${marker}`)).toBeNull();
    expect(parseDashboardMarker(marker.replace("v1", "v2"))).toBeNull();
    expect(parseDashboardMarker(`${marker}\n${dashboardMarker(6)}`)).toBeNull();
    expect(parseDashboardMarker(null)).toBeNull();
    fc.assert(
      fc.property(markerJunk, (body) => {
        expect(() => parseDashboardMarker(body)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});

describe("dashboardHash", () => {
  const body = renderDashboard(sampleInput());

  it("is a sha256 hex digest that ignores the time of rendering", () => {
    expect(dashboardHash(body)).toMatch(/^[0-9a-f]{64}$/);
    const later = renderDashboard(sampleInput({ now: sampleInput().now + 5 * hour }));
    expect(later).not.toBe(body);
    expect(dashboardHash(later)).toBe(dashboardHash(body));
  });

  it("matches the body GitHub hands back after a web edit (CRLF, trailing newline)", () => {
    expect(dashboardHash(`${body.replaceAll("\n", "\r\n")}\r\n`)).toBe(dashboardHash(body));
  });

  it("changes when anything a reader sees changes", () => {
    const track = sampleTrack();
    setRun(track, "T09", { status: "running", dispatchedAt: sampleInput().now });
    expect(dashboardHash(renderDashboard(sampleInput({ track })))).not.toBe(dashboardHash(body));
    const links = { ...sampleInput().links, T09: { issue: 38, pr: 77, runUrl: null } };
    expect(dashboardHash(renderDashboard(sampleInput({ links })))).not.toBe(dashboardHash(body));
  });

  it("does not let text that merely looks like the time line hide a change", () => {
    const track = sampleTrack();
    track.title = "_Updated 2025-03-04 16:12 UTC._";
    const a = renderDashboard(sampleInput({ track }));
    track.title = "_Updated 2099-01-01 00:00 UTC._";
    expect(dashboardHash(renderDashboard(sampleInput({ track })))).not.toBe(dashboardHash(a));
  });
});
