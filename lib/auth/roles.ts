// Roles as the app speaks of them, their Japanese names and where each lands after sign-in.
// Pure: imported by server code, the proxy and client components alike.
export const ROLES = ["institution", "hub", "prefecture", "council", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<TRole, string> = {
  institution: "医療機関",
  hub: "在宅医療連携拠点",
  prefecture: "都道府県",
  council: "協議の場",
  admin: "全国管理者",
};

export const ROLE_HOME: Record<TRole, string> = {
  institution: "/institution",
  hub: "/hub",
  prefecture: "/prefecture",
  council: "/council",
  admin: "/admin",
};

const DB_ROLE_TO_ROLE = {
  INSTITUTION: "institution",
  HUB: "hub",
  PREFECTURE: "prefecture",
  COUNCIL: "council",
  ADMIN: "admin",
} as const satisfies Record<string, TRole>;

export type TDbRole = keyof typeof DB_ROLE_TO_ROLE;

export function roleFromDb(role: TDbRole): TRole {
  return DB_ROLE_TO_ROLE[role];
}

export function roleToDb(role: TRole): TDbRole {
  return role.toUpperCase() as TDbRole;
}

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Which area of the site (first path segment) belongs to which role. */
export function roleForPath(pathname: string): TRole | undefined {
  const segment = pathname.split("/")[1] ?? "";
  return ROLES.find((role) => ROLE_HOME[role] === `/${segment}`);
}
