import { z } from 'zod';
import type { LocalDate } from './localDate';

export interface LadderStep {
  step: number;
  label: { da: string; en: string };
  /** The step is a placement outside the home (reports split placements from help at home). */
  placement: boolean;
}

export interface Ladder {
  id: string;
  name: string;
  steps: LadderStep[];
  source: string;
}

const step = (n: number, da: string, en: string, placement = false): LadderStep => ({
  step: n,
  label: { da, en },
  placement,
});

/**
 * The municipalities' own ladders. Step 1 is nearest an ordinary everyday life; a higher step is more
 * intrusive, and the work aims down the ladder.
 */
export const LADDER_PRESETS: Record<string, Ladder> = {
  hjorring: {
    id: 'hjorring',
    name: 'Hjørring – Fælles Børn, Fælles Indsats',
    source: 'Seed 003, figur 1 (Hjørring Kommunes udgave af Indsatstrappen)',
    steps: [
      step(1, 'Forebyggelse på almenområdet', 'Prevention in universal services'),
      step(2, 'Forebyggelse', 'Prevention'),
      step(3, 'Hjemmebaserede indsatser', 'Home-based measures'),
      step(4, 'Anbringelse hos slægt/netværk', 'Placement with kin/network', true),
      step(5, 'Anbringelse i familiepleje', 'Placement in foster care', true),
      step(6, 'Anbringelse på institution', 'Placement in an institution', true),
    ],
  },
  /*
   * Three steps, placements NOT split: figures A–D and footnote 5 of seed 002 count unique children in
   * exactly three groups (uden indsats/ukendt, hjemmebaseret indsats, anbragt), with foster care,
   * opholdssted and institution pooled into "anbragt". Splitting them would give movements (e.g.
   * opholdssted → plejefamilie) the evaluation never counted, so the preset could not reproduce its
   * figures. The seed's "ud" (from home-based help "out") is a move down to step 1 here; null (off
   * the ladder) is kept for leaving the target group, e.g. efterværn at 18.
   */
  vesthimmerland: {
    id: 'vesthimmerland',
    name: 'Vesthimmerlandsmodellen',
    source: 'Seed 002, afsnit 3.2, figur A–D og note 5',
    steps: [
      step(1, 'Uden indsats/ukendt', 'No measure/unknown'),
      step(
        2,
        'Hjemmebaseret indsats (§ 11-forløb og § 52-foranstaltninger)',
        'Home-based measure (§ 11 course or § 52 measure)',
      ),
      step(
        3,
        'Anbragt (plejefamilie, opholdssted, institution)',
        'Placed (foster care, residential home, institution)',
        true,
      ),
    ],
  },
  /*
   * Five steps as labelled in seed 004 figures 2.1 and 4.1 (the appendix "Indsatstrappen" figure itself
   * is an image). Step 2 holds "hjemmebaserede anbringelser" too (eget værelse, kost-/efterskole, seed
   * 004 ch. 2 and 4): Herning puts them with help at home, so the step is not flagged as a placement.
   */
  herning: {
    id: 'herning',
    name: 'Herning-modellen',
    source: 'Seed 004, figur 2.1 og 4.1; bilag "Indsatstrappen"',
    steps: [
      step(1, 'Forebyggelse', 'Prevention'),
      step(2, 'Hjemmebaserede indsatser', 'Home-based measures'),
      step(3, 'Anbringelse i slægt/netværk', 'Placement with kin/network', true),
      step(4, 'Anbringelse i familiepleje', 'Placement in foster care', true),
      step(5, 'Anbringelse på institution', 'Placement in an institution', true),
    ],
  },
};

export const LADDER_PRESET_IDS = ['hjorring', 'vesthimmerland', 'herning'] as const;
export type LadderPresetId = (typeof LADDER_PRESET_IDS)[number];

export function isLadderPresetId(s: string): s is LadderPresetId {
  return (LADDER_PRESET_IDS as readonly string[]).includes(s);
}

const stepSchema = z.object({
  step: z.number().int().min(1),
  label: z.object({ da: z.string().trim().min(1), en: z.string().trim().min(1) }),
  placement: z.boolean(),
});

/** A municipality-edited ladder; steps may be listed in any order but must number 1..n exactly once. */
export const ladderSchema = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().trim().min(1),
    source: z.string().default(''),
    steps: z.array(stepSchema).min(2, 'a ladder needs at least two steps'),
  })
  .superRefine((l, ctx) => {
    const seen = new Set<number>();
    for (const s of l.steps) {
      if (seen.has(s.step))
        ctx.addIssue({ code: 'custom', path: ['steps'], message: `step ${s.step} twice` });
      seen.add(s.step);
    }
    const n = l.steps.length;
    const outside = [...seen].filter((s) => s > n);
    if (outside.length)
      ctx.addIssue({ code: 'custom', path: ['steps'], message: `steps must be numbered 1..${n}` });
  })
  .transform((l): Ladder => ({ ...l, steps: [...l.steps].sort((a, b) => a.step - b.step) }));

export type MoveDirection = 'up' | 'down' | 'in' | 'out' | 'none';

/** Null = not on the ladder. Up is towards more intrusive help; the work aims down (docs/domain-rules.md). */
export function classifyMove(from: number | null, to: number | null): MoveDirection {
  if (from === null && to === null) return 'none';
  if (from === null) return 'in';
  if (to === null) return 'out';
  return to > from ? 'up' : to < from ? 'down' : 'none';
}

/** One dated entry of a child's ladder history: on `step` from `from` (null: off the ladder). */
export interface LadderStepEntry {
  from: LocalDate;
  step: number | null;
}

/**
 * The child's step at the end of `on`: the latest entry dated on or before it; none means the child
 * was not on the ladder then (seed 002 §3.2 compares each child's step on two cut-off dates).
 */
export function stepOn(history: readonly LadderStepEntry[], on: LocalDate): number | null {
  let found: LadderStepEntry | null = null;
  for (const e of history) if (e.from <= on && (found === null || e.from >= found.from)) found = e;
  return found?.step ?? null;
}

/** The seed 002 counting year ending on 31 March of `year`: 31 March (year-1) → 31 March (year). */
export function ladderCutOffPeriods(year: number): { from: LocalDate; to: LocalDate } {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Not a year: ${year}`);
  return { from: `${year - 1}-03-31`, to: `${year}-03-31` };
}
