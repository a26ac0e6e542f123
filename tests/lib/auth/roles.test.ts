import { describe, expect, it } from "vitest";
import { can, forbiddenMessage, type Permission } from "../../../lib/auth/roles";

const PERMISSIONS: Permission[] = ["read", "edit", "import", "manageDocuments", "manageAccounts"];

describe("roles", () => {
  it("viewer reads; reviewer also edits and imports; admin also manages documents and accounts", () => {
    const table = Object.fromEntries(["viewer", "reviewer", "admin", "owner"].map((role) => [role, PERMISSIONS.filter((p) => can(role, p))]));
    expect(table).toEqual({
      viewer: ["read"],
      reviewer: ["read", "edit", "import"],
      admin: ["read", "edit", "import", "manageDocuments", "manageAccounts"],
      owner: ["read"], // an unknown role (a hand-edited row) may only read
    });
  });

  it("says what was refused and what to do", () => {
    expect(forbiddenMessage("viewer", "edit")).toBe("Your account is a viewer, which may not change documents. Ask an admin to change your role if you need to.");
    expect(forbiddenMessage("reviewer", "manageDocuments")).toMatch(/a reviewer, which may not delete or restore documents/);
  });
});
