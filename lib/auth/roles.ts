// Who may do what. Three roles, each allowed everything of the one below it:
// viewer (read documents, export, reports) < reviewer (edit, import) < admin (accounts,
// deleting and restoring documents). Route handlers, pages and server actions ask `can`.

export const ROLES = ["admin", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission = "read" | "edit" | "import" | "manageDocuments" | "manageAccounts";

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  reviewer: ["read", "edit", "import"],
  admin: ["read", "edit", "import", "manageDocuments", "manageAccounts"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** An unknown role (a hand-edited row) may only read. */
export function can(role: string, permission: Permission): boolean {
  return (GRANTS[isRole(role) ? role : "viewer"]).includes(permission);
}

const DOING: Record<Permission, string> = {
  read: "read documents",
  edit: "change documents",
  import: "import documents",
  manageDocuments: "delete or restore documents",
  manageAccounts: "manage accounts",
};

/** The 403 message: what was refused and who can help. */
export function forbiddenMessage(role: string, permission: Permission): string {
  return `Your account is a ${isRole(role) ? role : "viewer"}, which may not ${DOING[permission]}. Ask an admin to change your role if you need to.`;
}
