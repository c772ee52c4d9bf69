import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { branchOf, branchPart } from "../../../src/engine/track/branch-name.js";

/** git's rules for a ref name (git help check-ref-format), checked on the whole branch name. */
function validRef(name: string): boolean {
  if (name.length === 0 || name.startsWith("/") || name.endsWith("/") || name.endsWith(".")) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what git refuses.
  if (/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^@$/.test(name)) return false;
  return name.split("/").every((part) => part !== "" && !part.startsWith(".") && !part.endsWith(".lock"));
}

/** Ids made of the pieces git's rules are about, so `..`, `.lock`, `@{` and leading dots come up often. */
const edgyId = fc
  .array(fc.constantFrom(".", "-", "_", "lock", ".lock", "@", "{", "/", " ", "a", "T04", "~"), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

describe("task branch names", () => {
  it("keep ids git accepts as they are", () => {
    for (const id of ["T04", "T-AUTO-01", "1.2", "setup_db", "a.b-c"])
      expect(branchOf("12", id)).toBe(`swarm/12/${id}`);
  });

  it("make every other id safe, with a hash of the exact id", () => {
    expect(branchOf("12", "setup db")).toMatch(/^swarm\/12\/setup-db-[0-9a-f]{8}$/);
    expect(branchPart("..")).toMatch(/^task-[0-9a-f]{8}$/);
    expect(branchPart("x.lock")).toMatch(/^x-lock-[0-9a-f]{8}$/);
    expect(branchPart("x".repeat(500)).length).toBeLessThanOrEqual(60);
    expect(branchPart("a-0123abcd")).not.toBe("a-0123abcd");
    expect(branchPart("Setup DB")).not.toBe(branchPart("setup db"));
  });

  it("are valid ref names for any id (fast-check), and distinct over a large sample", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), edgyId), (id) => {
        expect(validRef(branchOf("12", id))).toBe(true);
      }),
    );
    const ids = fc.sample(fc.string({ unit: "grapheme", maxLength: 12 }), 5000);
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = branchPart(id);
      const other = names.get(name);
      if (other !== undefined) expect(other).toBe(id);
      names.set(name, id);
    }
  });

  it("are accepted by git itself", () => {
    const ids = [
      ...fc.sample(fc.string({ unit: "binary", maxLength: 40 }), 200),
      ...fc.sample(edgyId, 100),
      "..",
      "@{",
      "a.lock",
      "-x",
      ".x",
      "a/b",
      "a b",
      "~^:?*[\\",
    ];
    const names = ids.map((id) => branchOf("12", id));
    const refused = names.filter((name) => {
      try {
        execFileSync("git", ["check-ref-format", `refs/heads/${name}`], { stdio: "ignore" });
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
  });
});
