import {
  FollowUpPolicy,
  followUpPolicySchema,
  HERNING_1_0,
  LEGAL_MINIMUM,
  legalPolicy,
  POLICY_PRESET_IDS,
  POLICY_PRESETS,
  SEL_70,
} from '../../src/domain/policy';

describe('seed 004 tabel 5.1 (Herning-modellen 1.0): the preset is exactly the table in docs/domain-rules.md', () => {
  it('has one rule per table row, plus early help (not in the table) at 3 months', () => {
    expect(HERNING_1_0.regime).toBe('barnets-lov-2024');
    expect(HERNING_1_0.rules).toEqual({
      institution: { firstAfter: { weeks: 2 }, every: { weeks: 6 } },
      foster_care: {
        firstAfter: { weeks: 2 },
        every: { weeks: 6 },
        later: { after: { months: 12 }, every: { months: 3 } },
      },
      own_room: { firstAfter: { weeks: 2 }, every: { weeks: 6 } },
      short_term: { firstAfter: { weeks: 4 }, every: { weeks: 4 } },
      preventive: { firstAfter: { weeks: 4 }, every: { months: 3 } },
      early_help: { firstAfter: { months: 3 }, every: { months: 3 } },
    });
  });
});

describe('Barnets Lov §§ 95, 156 stk. 5 and SEL § 70 (før 2024) presets', () => {
  const placements = ['institution', 'foster_care', 'own_room', 'short_term'] as const;

  it.each(placements)('legal-minimum %s: first after 3 months, then every 6 months', (t) => {
    expect(LEGAL_MINIMUM.rules[t]).toEqual({ firstAfter: { months: 3 }, every: { months: 6 } });
  });

  it.each(['preventive', 'early_help'] as const)(
    'legal-minimum %s: first after 3 months, then a suggested 6 months (§ 95 stk. 3)',
    (t) => {
      expect(LEGAL_MINIMUM.rules[t]).toEqual({ firstAfter: { months: 3 }, every: { months: 6 } });
    },
  );

  it.each([...placements, 'preventive', 'early_help'] as const)(
    'SEL § 70 %s: 3 months, then 6 months',
    (t) => {
      expect(SEL_70.rules[t]).toEqual({ firstAfter: { months: 3 }, every: { months: 6 } });
      expect(SEL_70.regime).toBe('sel-70');
    },
  );

  it.each([LEGAL_MINIMUM, HERNING_1_0, SEL_70])('$id has no rule for an investigation (§ 20 stk. 3)', (p) => {
    expect(p.rules.investigation).toBeUndefined();
  });

  it('presets are found by id, and legalPolicy gives the law of each regime', () => {
    expect(POLICY_PRESET_IDS.map((id) => POLICY_PRESETS[id]?.id)).toEqual([
      'legal-minimum',
      'herning-1.0',
      'sel-70',
    ]);
    expect(POLICY_PRESETS['unknown']).toBeUndefined();
    expect(legalPolicy('barnets-lov-2024')).toBe(LEGAL_MINIMUM);
    expect(legalPolicy('sel-70')).toBe(SEL_70);
  });
});

describe('docs/domain-rules.md, "Follow-ups": a municipality edits its policy as JSON, validated by followUpPolicySchema', () => {
  const json = (p: FollowUpPolicy): unknown => JSON.parse(JSON.stringify(p));

  it.each([LEGAL_MINIMUM, HERNING_1_0, SEL_70])('preset $id survives a JSON round trip', (p) => {
    expect(followUpPolicySchema.parse(json(p))).toEqual(p);
  });

  it('accepts an edited Herning policy', () => {
    const edited = json(HERNING_1_0) as FollowUpPolicy;
    edited.id = 'herning-2.0';
    edited.rules.preventive = { firstAfter: { weeks: 4 }, every: { months: 2 } };
    expect(followUpPolicySchema.safeParse(edited).success).toBe(true);
  });

  const bad: [string, (p: Record<string, unknown> & { rules: Record<string, unknown> }) => void][] = [
    ['a misspelt measure type', (p) => (p.rules['fostercare'] = p.rules['foster_care'])],
    [
      'a rule for an investigation',
      (p) => (p.rules['investigation'] = { firstAfter: { months: 1 }, every: { months: 1 } }),
    ],
    ['a zero interval', (p) => (p.rules['institution'] = { firstAfter: { weeks: 2 }, every: {} })],
    [
      'a negative offset',
      (p) => (p.rules['institution'] = { firstAfter: { weeks: -2 }, every: { weeks: 6 } }),
    ],
    ['an unknown unit', (p) => (p.rules['institution'] = { firstAfter: { years: 1 }, every: { weeks: 6 } })],
    ['an unknown regime', (p) => (p['regime'] = 'sel-68')],
    ['a blank id', (p) => (p['id'] = ' ')],
  ];
  it.each(bad)('rejects %s', (_what, spoil) => {
    const p = json(HERNING_1_0) as Record<string, unknown> & { rules: Record<string, unknown> };
    spoil(p);
    expect(followUpPolicySchema.safeParse(p).success).toBe(false);
  });
});
