/**
 * An agreement profile: the whole rule of an agreement as data (DOMAIN.md §3). Presets are
 * instances of this schema; an economist copies one, changes it, and the schema validates it.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const bilingual = z.object({ sv: z.string(), en: z.string() });

export const periodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("month") }),
  z.object({ kind: z.literal("quarter") }),
  z.object({ kind: z.literal("halfYear") }),
  /** The average over the last `months` months ending with the month at hand. */
  z.object({ kind: z.literal("rolling"), months: z.number().int().min(2).max(24) }),
]);

export const countingSchema = z.object({
  unit: z.enum(["calendar", "weekdays"]),
  /** readyDate: day 0 is the ready date. noticeTime: day 0 moves to the next day when the notice time is at or after cutoffHour. */
  start: z.enum(["readyDate", "noticeTime"]),
  cutoffHour: z.number().min(0).max(24).nullable(),
});

export const priceSchema = z.discriminatedUnion("source", [
  /** Socialstyrelsen's amount for the year each billed day falls in (see priceTable.ts). */
  z.object({ source: z.literal("socialstyrelsen") }),
  z.object({ source: z.literal("fixed"), amount: z.number().positive() }),
]);

export const careRulesSchema = z.object({
  kind: z.enum(["individual", "average", "hybrid"]),
  /** individual (and hybrid long stays): days 0..graceDays-1 are free. */
  graceDays: z.number().int().min(0),
  /** Grace days that differ in a date range (the law: psychiatric care in 2018, 30 days). Matched on the ready date. */
  graceDaysOverrides: z
    .array(z.object({ from: isoDate, to: isoDate, graceDays: z.number().int().min(0) }))
    .default([]),
  /** average/hybrid: the threshold on the period's average days; null = not known, the user must enter it. */
  benchmark: z.number().min(0).nullable(),
  excessFormula: z.enum(["excessAverage", "individualExcess", "allDays"]),
  /** Whether 0-day stays enter the average. */
  zeroDays: z.boolean(),
  period: periodSchema,
  /** hybrid: stays with more days than this leave the average and are billed individually. */
  longStayLimit: z.number().int().min(0).nullable(),
  /** hybrid: grace days for the individually billed long stays (VGR ASSUMED: 0, paid from day 0). */
  longStayGraceDays: z.number().int().min(0).default(0),
  counting: countingSchema,
  price: priceSchema,
  rounding: z.object({
    averageDecimals: z.number().int().min(0).max(6),
    liableDaysDecimals: z.number().int().min(0).max(6),
    amountDecimals: z.number().int().min(0).max(2),
  }),
  /** Which missing notices void liability for a stay (their findings become errors). */
  conditions: z.object({
    admissionNotice: z.boolean(),
    sipInvitation: z.boolean(),
    careContact: z.boolean(),
  }),
  /** A target or indicator shown beside the average without billing effect (Kalmar's 0.8). */
  targetAverage: z.number().min(0).nullable().default(null),
}).superRefine((r, ctx) => {
  // Rules an economist can break while editing, each caught here with the field named.
  if (r.kind === "hybrid" && r.longStayLimit === null) {
    ctx.addIssue({ code: "custom", path: ["longStayLimit"], message: "a hybrid rule needs longStayLimit" });
  }
  r.graceDaysOverrides.forEach((o, i) => {
    if (o.from > o.to) ctx.addIssue({ code: "custom", path: ["graceDaysOverrides", i, "to"], message: "to is before from" });
  });
});

export const agreementProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens"),
  name: bilingual,
  /** Where the rule comes from, as text the user can follow up. */
  source: z.string().min(1),
  /** The dates the rule applies to (by discharge date); null = open. */
  validFrom: isoDate.nullable().default(null),
  validTo: isoDate.nullable().default(null),
  somatic: careRulesSchema,
  psychiatric: careRulesSchema,
  /** Our readings where no public text was found: always shown to the user. */
  assumptions: z.array(bilingual).default([]),
  /** Prices the user entered for years the table lacks or to replace a table value (year → SEK per day). */
  priceOverrides: z.record(z.string().regex(/^\d{4}$/), z.number().positive()).default({}),
  /** LONG_STAY threshold in discharge-ready days. */
  longStayWarningDays: z.number().int().min(1).default(30),
}).superRefine((p, ctx) => {
  if (p.validFrom !== null && p.validTo !== null && p.validFrom > p.validTo) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "validTo is before validFrom" });
  }
});

export type AgreementProfile = z.infer<typeof agreementProfileSchema>;
export type AgreementProfileInput = z.input<typeof agreementProfileSchema>;
export type CareRules = z.infer<typeof careRulesSchema>;
export type PeriodRule = z.infer<typeof periodSchema>;

/** Validates a profile (e.g. one an economist edited) and returns readable problems instead of throwing. */
export function parseAgreementProfile(
  input: unknown,
): { ok: true; profile: AgreementProfile } | { ok: false; problems: string[] } {
  const parsed = agreementProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(profile)"}: ${i.message}`),
  };
}
