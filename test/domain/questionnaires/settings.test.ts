import { municipalitySettingsSchema } from '../../../src/domain/municipality';

describe('questionnaire settings per municipality', () => {
  it('default to a 30-minute delay, one reminder after 2 working days, closing after 14 days', () => {
    const s = municipalitySettingsSchema.parse({});
    expect([
      s.questionnaireDelayMinutes,
      s.questionnaireReminderWorkingDays,
      s.questionnaireClosesAfterDays,
    ]).toEqual([30, 2, 14]);
  });

  it('accept other values and refuse nonsense', () => {
    expect(municipalitySettingsSchema.parse({ questionnaireDelayMinutes: 0 }).questionnaireDelayMinutes).toBe(
      0,
    );
    expect(municipalitySettingsSchema.safeParse({ questionnaireDelayMinutes: -5 }).success).toBe(false);
    expect(municipalitySettingsSchema.safeParse({ questionnaireReminderWorkingDays: 0 }).success).toBe(false);
    expect(municipalitySettingsSchema.safeParse({ questionnaireClosesAfterDays: 1.5 }).success).toBe(false);
  });
});
