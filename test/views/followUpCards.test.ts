import type { MunicipalityContext } from '../../src/app/municipalityContext';
import { encodeCadence } from '../../src/domain/cadence';
import { reminderCard } from '../../src/views/followUpCards';
import { deadline, municipality } from '../cards/samples/followUps';

/** Herning's policy with foster care followed up every 5 weeks: a cadence the usual choices lack. */
const ownCadence: MunicipalityContext = {
  ...municipality,
  policy: {
    ...municipality.policy,
    rules: { ...municipality.policy.rules, foster_care: { firstAfter: { weeks: 2 }, every: { weeks: 5 } } },
  },
};

const card = (first: boolean) =>
  JSON.stringify(
    reminderCard({
      kind: 'due',
      deadline: deadline({ first }),
      municipality: ownCadence,
      locale: 'da',
      today: '2026-11-25',
    }),
  );

describe('the follow-up reminder card (Barnets Lov § 95 stk. 3)', () => {
  it("offers the policy's own cadence at the first follow-up, chosen in advance, whoever builds the card", () => {
    const w5 = encodeCadence({ weeks: 5 });
    expect(card(true)).toContain(`"value":"${w5}"`);
    expect(card(true)).toMatch(new RegExp(`"id":"cadence"[^}]*"value":"${w5}"`));
  });

  it('asks for no cadence once the first follow-up is held', () => {
    expect(card(false)).not.toContain('"id":"cadence"');
  });
});
