import { loadMunicipality } from '../../src/app/municipalityContext';
import { addDays } from '../../src/domain/localDate';
import { defaultSettings } from '../../src/domain/municipality';
import { runImport } from '../../src/import/importer';
import { readRows } from '../../src/import/read';
import type { ImportKind } from '../../src/import/schemas';
import { REPORTS } from '../../src/reports';
import { formatReport } from '../../src/reports/format';
import type { ReportScope } from '../../src/reports/report';
import type { Store } from '../../src/store/store';
import { ENGINES, openTestStore } from '../support/db';
import { run } from '../../src/cli/run';

/**
 * Seed 002 (Evaluering af Vesthimmerlandsmodellen, 2019) reproduced from raw events: every row below
 * goes through the same CSV import an administrator uses, and the figures come out of the reports as
 * the seed prints them. Where the seed gives only totals, the events are one way those totals arise.
 */
const M = 'vesthimmerland';
const TODAY = '2019-06-01';
const NOW = new Date(`${TODAY}T10:00:00Z`);
const DATA = 'data@vesthimmerland.example'; // holds the evaluation's cases, in a unit of its own
const HIDDEN = 'skjult (n<5)';

type Json = { title: string; summary: Record<string, unknown>; rows: Record<string, unknown>[] };

// PGlite only: about 2 000 imported rows per table make this the slowest file, and the SQL it runs is
// the same on PostgreSQL, where test/reports/keyFigureReports.test.ts runs every report query.
describe.each(ENGINES.filter((e) => e.name === 'pglite'))(
  'seed 002 tables from raw events on $name',
  (engine) => {
    let store: Store;
    let dispose: () => Promise<void>;

    async function load(kind: ImportKind, header: string[], rows: (string | number | null)[][]) {
      const csv = [header, ...rows].map((r) => r.map((v) => v ?? '').join(';')).join('\n');
      const m = await loadMunicipality(store, M);
      const result = await runImport(
        store,
        { municipalityId: M, actor: 'test:import' },
        { ladderMaxStep: m.ladder.steps.length, policy: m.policy, today: TODAY },
        kind,
        readRows(csv, `${kind}.csv`),
        { dryRun: false },
      );
      expect(result.errors).toEqual([]);
      expect(result.applied).toBe(true);
    }
    const cases = (rows: (string | null)[][]) =>
      load('cases', ['case_ref', 'adviser_email', 'opened', 'ladder_step', 'child_initials', 'closed'], rows);
    const measures = (rows: (string | null)[][]) =>
      load('measures', ['case_ref', 'measure_type', 'start', 'end'], rows);
    const followUps = (rows: string[][]) =>
      load('followups', ['case_ref', 'measure_type', 'held_on', 'child_conversation'], rows);

    async function report(
      name: string,
      from: string,
      to: string,
      extra: { cutoff?: string; scope?: ReportScope } = {},
    ) {
      const municipality = await loadMunicipality(store, M);
      const tenant = store.tenant({ municipalityId: M, actor: 'test' });
      const t = await REPORTS[name]!.run({ tenant, municipality, from, to, now: NOW, ...extra });
      return JSON.parse(formatReport(t, 'json')) as Json;
    }

    beforeAll(async () => {
      ({ store, dispose } = await openTestStore(engine));
      await store.municipalities.create({
        id: M,
        name: 'Vesthimmerlands Kommune',
        tenant_id: null,
        settings: defaultSettings('vesthimmerland'),
      });
      await load(
        'staff',
        ['email', 'name', 'roles', 'profession', 'unit', 'leader_email'],
        [
          [DATA, 'Data Udtræk', 'adviser', null, 'Nøgletal', null],
          ...['a', 'b', 'c', 'd'].map((x) => [
            `${x}@vesthimmerland.example`,
            `Rådgiver ${x.toUpperCase()}`,
            'adviser',
            null,
            'Børne- og Familierådgivningen',
            null,
          ]),
        ],
      );
    }, 60_000);
    afterAll(() => dispose());

    describe('Tabel 2 "Opfølgninger", 2017: 94 / 87,6 · 326 / 85,4 · 735 / 105,0', () => {
      /**
       * Chains of follow-ups on one measure each: a follow-up on 20 December 2016, then the given gaps,
       * so every 2017 follow-up closes an interval. `count` gaps summing to `sum` days, as even as can be.
       */
      function chains(prefix: string, type: string, count: number, sum: number, perChain: number) {
        const base = Math.floor(sum / count);
        const gaps = Array.from({ length: count }, (_, i) => (i < sum - base * count ? base + 1 : base));
        const out: { ref: string; type: string; held: string[] }[] = [];
        for (let i = 0; i * perChain < count; i++) {
          const held = ['2016-12-20'];
          for (const g of gaps.slice(i * perChain, (i + 1) * perChain))
            held.push(addDays(held[held.length - 1]!, g));
          out.push({ ref: `${prefix}-${i + 1}`, type, held });
        }
        return out;
      }

      beforeAll(async () => {
        const all = [
          // 94 intervals, 8 234 days: 87,60 → 87,6
          ...chains('T2-INST', 'institution', 94, 8234, 4),
          // 326 intervals, 27 840 days: 85,40 → 85,4
          ...chains('T2-PLEJE', 'foster_care', 326, 27840, 4),
          // 735 intervals, 77 175 days: 105,0
          ...chains('T2-HJEM', 'preventive', 735, 77175, 3),
          // Not in the seed's three rows: own room (a home-based placement, seed 004) and § 11 courses.
          ...chains('T2-VAER', 'own_room', 10, 900, 2),
          ...chains('T2-P11', 'early_help', 10, 900, 2),
        ];
        await cases(all.map((c) => [c.ref, DATA, '2016-09-01', null, null, null]));
        await measures(all.map((c) => [c.ref, c.type, '2016-10-01', null]));
        // A follow-up in 2018 closes an interval that is not 2017's.
        const later = all.filter((_, i) => i % 10 === 0).map((c) => [c.ref, c.type, '2018-02-01', 'ja']);
        await followUps([...all.flatMap((c) => c.held.map((d) => [c.ref, c.type, d, 'ja'])), ...later]);
      }, 180_000);

      it("gives the seed's follow-ups and average days for 2017 per category", async () => {
        const t = await report('followups', '2017-01-01', '2017-12-31');
        const row = (category: string) => t.rows.find((r) => r.category === category);
        expect(row('Institutionsanbringelser')).toMatchObject({ held: 94, average_days: 87.6 });
        expect(row('Plejefamilieanbringelser')).toMatchObject({ held: 326, average_days: 85.4 });
        expect(row('Hjemmebaserede foranstaltninger')).toMatchObject({ held: 735, average_days: 105 });
        // Seed 004's home-based placements and the § 30 (formerly § 11) courses are rows of their own.
        expect(row('Hjemmebaserede anbringelser')).toMatchObject({ cases: 5, held: 10, average_days: 90 });
        expect(row('§ 30-forløb (tidl. § 11)')).toMatchObject({ cases: 5, held: 10, average_days: 90 });
      });
    });

    describe('Tabel 3 "§ 11-forløb og efterfølgende børnefaglig undersøgelse" with note 7\'s window', () => {
      const TABLE_3 = [
        { cutoff: '2016-03-31', recipients: 21, followed: 1, share: 4.76 },
        { cutoff: '2017-03-31', recipients: 38, followed: 3, share: 7.89 },
        { cutoff: '2018-03-31', recipients: 58, followed: 5, share: 8.62 },
        { cutoff: '2019-03-31', recipients: 35, followed: 3, share: 8.57 },
      ];

      beforeAll(async () => {
        const caseRows: (string | null)[][] = [];
        const measureRows: (string | null)[][] = [];
        const add = (ref: string, course: string, investigation: string | null) => {
          caseRows.push([ref, DATA, course, null, null, null]);
          measureRows.push([ref, 'early_help', course, addDays(course, 60)]);
          if (investigation)
            measureRows.push([ref, 'investigation', investigation, addDays(investigation, 100)]);
        };
        for (const { cutoff, recipients, followed } of TABLE_3) {
          const y = Number(cutoff.slice(0, 4));
          const from = `${y - 1}-03-31`; // note 7: 31 March the year before …
          const to = `${y - 1}-09-30`; // … to 30 September
          for (let i = 0; i < recipients; i++) {
            const ref = `T3-${y}-${i + 1}`;
            const start = i % 3 === 0 ? from : i % 3 === 1 ? to : `${y - 1}-06-15`;
            caseRows.push([ref, DATA, addDays(start, -10), null, null, null]);
            measureRows.push([ref, 'early_help', start, addDays(start, 60)]);
            // The followed ones: an investigation decided from the course's start up to the cut-off
            // itself. Two that do not follow: decided the day after the cut-off, and before the course.
            const investigation =
              i < followed
                ? i === 0
                  ? cutoff
                  : addDays(start, 30)
                : i === followed
                  ? addDays(cutoff, 1)
                  : i === followed + 1
                    ? addDays(start, -5)
                    : null;
            if (investigation) measureRows.push([ref, 'investigation', investigation, null]);
          }
          // Courses just outside the window, both followed by an investigation: never counted.
          add(`T3-${y}-before`, addDays(from, -1), addDays(from, 20));
          add(`T3-${y}-after`, addDays(to, 1), addDays(to, 20));
        }
        await cases(caseRows);
        await measures(measureRows);
      }, 120_000);

      it.each(TABLE_3)(
        'cut-off $cutoff: $followed of $recipients = $share %',
        async ({ cutoff, ...expected }) => {
          const t = await report('early-help', cutoff, cutoff, { cutoff });
          expect(t.rows).toEqual([expected]);
          const y = Number(cutoff.slice(0, 4));
          expect(t.summary).toMatchObject({
            courses_from: `${y - 1}-03-31`,
            courses_to: `${y - 1}-09-30`,
            followed_until: cutoff,
          });
        },
      );
    });

    describe('Figur D and note 6: 31 March 2018 → 31 March 2019, 106 − 5 − 21 + 4 + 8 = 92 placed', () => {
      // The vesthimmerland preset: 1 uden indsats/ukendt, 2 hjemmebaseret indsats, 3 anbragt.
      const GROUPS: { n: number; steps: [string, number | null][] }[] = [
        { n: 75, steps: [['2017-06-01', 3]] },
        // Placed, home-based for a while, placed again by the cut-off: did not move.
        {
          n: 5,
          steps: [
            ['2017-06-01', 3],
            ['2018-08-01', 2],
            ['2019-01-15', 3],
          ],
        },
        {
          n: 5,
          steps: [
            ['2017-06-01', 3],
            ['2018-09-01', 2],
          ],
        },
        {
          n: 21,
          steps: [
            ['2017-06-01', 3],
            ['2018-10-01', 1],
          ],
        },
        {
          n: 4,
          steps: [
            ['2017-06-01', 2],
            ['2018-11-01', 3],
          ],
        },
        { n: 8, steps: [['2018-12-01', 3]] }, // unknown in 2018
        {
          n: 135,
          steps: [
            ['2017-06-01', 2],
            ['2019-03-31', 1],
          ],
        }, // on the closing cut-off day: counted
        { n: 105, steps: [['2018-04-01', 2]] }, // unknown on 31 March 2018
        { n: 85, steps: [['2018-03-31', 2]] }, // on the opening cut-off day: already on step 2
        { n: 6, steps: [['2019-04-01', 2]] }, // after the period
        {
          n: 5,
          steps: [
            ['2017-01-01', 2],
            ['2017-12-01', null],
          ],
        }, // left the target group before
      ];

      beforeAll(async () => {
        const refs = GROUPS.flatMap((g, gi) =>
          Array.from({ length: g.n }, (_, i) => ({ ref: `FD-${gi}-${i}`, g })),
        );
        await cases(refs.map(({ ref, g }) => [ref, DATA, g.steps[0]![0], null, null, null]));
        await load(
          'ladder',
          ['case_ref', 'ladder_step', 'from'],
          refs.flatMap(({ ref, g }) => g.steps.map(([from, step]) => [ref, step, from])),
        );
      }, 180_000);

      it('compares every child on the two cut-off dates: the stock and the moves of figur D, for a reader who may not open the cases', async () => {
        const t = await report('ladder-movements', '2018-04-01', '2019-03-31');
        expect(t.summary).toMatchObject({
          cut_off_start: '2018-03-31',
          cut_off_end: '2019-03-31',
          positions_start: { '2': 224, '3': 106 },
          positions_end: { '1': 156, '2': 195, '3': 92 },
          down: 161,
          out: 0,
        });
        // Note 6: 106 − 5 − 21 + 4 + 8 = 92. The 4 children who moved up (2 → 3) are fewer than five,
        // so Samspil hides them, and with them the figures that would give them back: the 8 who came
        // in on step 3 (92 − 80 − 8 = 4), and in turn 2 → 2, the 105 who came in on step 2, and the
        // direction totals "up", "in" and "moved" (seed 002 printed the 4; a report from Samspil may not).
        expect(t.rows.map((r) => [r.from_step, r.to_step, r.direction, r.count])).toEqual([
          [null, 2, 'in', HIDDEN],
          [null, 3, 'in', HIDDEN],
          [2, 1, 'down', 135],
          [2, 2, 'none', HIDDEN],
          [2, 3, 'up', HIDDEN],
          [3, 1, 'down', 21],
          [3, 2, 'down', 5],
          [3, 3, 'none', 80],
        ]);
        expect(t.summary).toMatchObject({ up: HIDDEN, in: HIDDEN, moved: HIDDEN });
        expect(t.rows[0]).toMatchObject({ from_label: 'Ikke på trappen', direction_label: 'Ind' });
      });

      it("gives an admin figur D's moves exactly through `samspil report ladder-movements --format json`: 5, 21, 4 and 8", async () => {
        const cli = async (...extra: string[]) => {
          let out = '';
          let err = '';
          const argv = ['report', 'ladder-movements', '--from', '2018-04-01', '--to', '2019-03-31'];
          const code = await run(
            [...argv, '--format', 'json', '--municipality', M, ...extra],
            { LOG_LEVEL: 'silent', SAMSPIL_NOW: NOW.toISOString() },
            { out: (x) => (out += x), err: (x) => (err += x) },
            store,
          );
          expect([code, err]).toEqual([0, '']);
          return JSON.parse(out) as Json;
        };
        const t = await cli();
        const count = (from: number | null, to: number | null) =>
          t.rows.find((r) => r.from_step === from && r.to_step === to)?.count;
        // Seed 002 note 6: 106 − 5 − 21 + 4 + 8 = 92 placed children.
        expect([count(3, 2), count(3, 1), count(2, 3), count(null, 3)]).toEqual([5, 21, 4, 8]);
        expect(t.summary).toMatchObject({
          positions_start: { '2': 224, '3': 106 },
          positions_end: { '1': 156, '2': 195, '3': 92 },
          up: 4,
          in: 113,
          moved: 278,
        });
        expect(JSON.stringify(t)).not.toContain(HIDDEN);
        // The same report for publishing hides the 4 and what would give it back, as above.
        const published = await cli('--audience', 'public');
        expect(published.summary).toMatchObject({ up: HIDDEN, in: HIDDEN, moved: HIDDEN });
        expect(published.rows.find((r) => r.from_step === 2 && r.to_step === 3)?.count).toBe(HIDDEN);
      });

      it('shows every move of note 6 when no group is small: a fifth child moving up', async () => {
        // The same events with one more child moving 2 → 3 (5 children): nothing is hidden.
        await cases([['FD-extra', DATA, '2017-06-01', null, null, null]]);
        await load(
          'ladder',
          ['case_ref', 'ladder_step', 'from'],
          [
            ['FD-extra', 2, '2017-06-01'],
            ['FD-extra', 3, '2018-11-01'],
          ],
        );
        const t = await report('ladder-movements', '2018-04-01', '2019-03-31');
        expect(t.summary).toMatchObject({
          positions_start: { '2': 225, '3': 106 },
          positions_end: { '1': 156, '2': 195, '3': 93 },
          moved: 279,
          up: 5,
          down: 161,
          in: 113,
          out: 0,
        });
        expect(t.rows.map((r) => [r.from_step, r.to_step, r.count])).toEqual([
          [null, 2, 105],
          [null, 3, 8],
          [2, 1, 135],
          [2, 2, 85],
          [2, 3, 5],
          [3, 1, 21],
          [3, 2, 5],
          [3, 3, 80],
        ]);
      });
    });

    describe('caseload 23,5 "pr. 10. april 2019" (seed 002 §3.1)', () => {
      const unit = async () => {
        const found = await store
          .tenant({ municipalityId: M, actor: 'test' })
          .reports.unitByName('Børne- og Familierådgivningen');
        return { unitId: found!.id, unitName: found!.name };
      };
      const rows: (string | null)[][] = [];
      for (const [adviser, open] of [
        ['a', 20],
        ['b', 23],
        ['c', 24],
        ['d', 25],
      ] as const) {
        for (let i = 0; i < open; i++)
          rows.push([
            `CL-${adviser}-${i}`,
            `${adviser}@vesthimmerland.example`,
            '2018-01-15',
            null,
            null,
            null,
          ]);
      }
      // Adviser A's other cases: two closed after the date count, the rest do not.
      rows.push(['CL-a-closed-may-1', 'a@vesthimmerland.example', '2018-01-15', null, null, '2019-05-01']);
      rows.push(['CL-a-closed-may-2', 'a@vesthimmerland.example', '2018-01-15', null, null, '2019-05-01']);
      rows.push(['CL-a-closed-march', 'a@vesthimmerland.example', '2018-01-15', null, null, '2019-03-01']);
      rows.push(['CL-a-closed-that-day', 'a@vesthimmerland.example', '2018-01-15', null, null, '2019-04-10']);
      rows.push(['CL-a-opened-after', 'a@vesthimmerland.example', '2019-04-11', null, null, null]);

      beforeAll(() => cases(rows), 60_000);

      it('averages 94 cases over 4 advisers on 10 April 2019, and counts on the date asked for', async () => {
        const t = await report('caseload', '2019-04-10', '2019-04-10', { scope: await unit() });
        expect(t.rows.map((r) => [r.adviser, r.open_cases])).toEqual([
          ['Rådgiver A', 22],
          ['Rådgiver B', 23],
          ['Rådgiver C', 24],
          ['Rådgiver D', 25],
        ]);
        expect(t.summary).toMatchObject({
          on: '2019-04-10',
          average: 23.5,
          target: 25,
          average_over_target: false,
        });
        // On 1 June A has 20 + the one opened 11 April: 93 / 4 = 23,25 → 23,3.
        expect((await report('caseload', TODAY, TODAY, { scope: await unit() })).summary).toMatchObject({
          average: 23.3,
        });
      });

      it('keeps closed cases closed when an extract without closing dates is imported again', async () => {
        await cases(rows.map((r) => [...r.slice(0, 5), null]));
        const t = await report('caseload', '2019-04-10', '2019-04-10', { scope: await unit() });
        expect(t.summary).toMatchObject({ average: 23.5 });
      });
    });
  },
);
