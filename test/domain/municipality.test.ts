import { LADDER_PRESETS } from '../../src/domain/ladder';
import {
  defaultSettings,
  MUNICIPALITY_PRESETS,
  municipalitySettingsSchema,
} from '../../src/domain/municipality';

describe('municipalitySettingsSchema defaults', () => {
  it('fills every field of an empty settings object', () => {
    expect(municipalitySettingsSchema.parse({})).toEqual({
      timeZone: 'Europe/Copenhagen',
      ladder: 'herning',
      policyId: 'legal-minimum',
      caseloadTarget: 25,
      reminderDaysBefore: [10, 3],
      escalateAfterWorkingDays: 5,
      workingHours: { start: '08:00', end: '16:00' },
      retentionYears: 5,
      auditRetentionYears: 5,
      schoolYearStartMonthDay: '08-01',
      questionnaireDelayMinutes: 30,
      questionnaireReminderWorkingDays: 2,
      questionnaireClosesAfterDays: 14,
    });
  });

  it('keeps reminder days largest first without repeats', () => {
    expect(
      municipalitySettingsSchema.parse({ reminderDaysBefore: [3, 10, 3, 5] }).reminderDaysBefore,
    ).toEqual([10, 5, 3]);
  });

  it('accepts a whole edited ladder instead of a preset id', () => {
    const ladder = {
      id: 'egen',
      name: 'Egen trappe',
      source: 'kommunen',
      steps: [
        { step: 2, label: { da: 'Anbragt', en: 'Placed' }, placement: true },
        { step: 1, label: { da: 'Hjemme', en: 'At home' }, placement: false },
      ],
    };
    const parsed = municipalitySettingsSchema.parse({ ladder });
    expect(
      typeof parsed.ladder === 'string' ? parsed.ladder : parsed.ladder.steps.map((s) => s.step),
    ).toEqual([1, 2]);
  });

  it.each([
    ['an unknown ladder preset', { ladder: 'odense' }],
    ['an unknown time zone', { timeZone: 'Europe/Aarhus' }],
    ['working hours ending before they start', { workingHours: { start: '16:00', end: '08:00' } }],
    ['a working hour like 8:00', { workingHours: { start: '8:00', end: '16:00' } }],
    ['no reminder days', { reminderDaysBefore: [] }],
    ['a school year starting on 02-30', { schoolYearStartMonthDay: '02-30' }],
    ['a school year starting on 02-29 (not every year has one)', { schoolYearStartMonthDay: '02-29' }],
    ['a caseload target of 0', { caseloadTarget: 0 }],
    ['retention of 0 years', { retentionYears: 0 }],
    ['audit retention of 0 years', { auditRetentionYears: 0 }],
  ])('rejects %s', (_what, input) => {
    const r = municipalitySettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(Object.keys(input)[0]);
  });
});

describe('defaultSettings per model', () => {
  it('Herning: its own ladder and the Herning-modellen 1.0 policy (seed 004 tabel 5.1)', () => {
    expect(defaultSettings('herning')).toMatchObject({ ladder: 'herning', policyId: 'herning-1.0' });
  });

  it.each(['hjorring', 'vesthimmerland'] as const)('%s: its own ladder and the legal minimum', (preset) => {
    expect(defaultSettings(preset)).toMatchObject({ ladder: preset, policyId: 'legal-minimum' });
  });

  it("every preset names a ladder that exists, with the seeds' 25-case target", () => {
    for (const p of MUNICIPALITY_PRESETS) {
      const s = defaultSettings(p);
      expect(typeof s.ladder === 'string' && s.ladder in LADDER_PRESETS).toBe(true);
      expect(s.caseloadTarget).toBe(25);
    }
  });
});
