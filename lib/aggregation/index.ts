// The pure aggregation layer shared by dashboards, the JSON endpoint, exports and PDF packets
// (docs/decisions/0009-aggregation.md). No React, no Prisma, no Node APIs.
export * from "./rate";
export * from "./population";
export * from "./status";
export * from "./clinic-tags";
export * from "./clinic-counters";
export * from "./clinic-summary";
export * from "./pools";
export * from "./indicators";
export * from "./compare";
export * from "./hub";
export * from "./council-progress";
