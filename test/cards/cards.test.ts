import { cardNames, CardJson } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { reminderCard } from '../../src/views/followUpCards';
import { ALL_SAMPLES, everyCard } from './samples';
import { deadline, municipality } from './samples/followUps';

describe('docs/domain-rules.md, "Reminders": every card is an Adaptive Card Teams supports (≤ 1.5), parsed with the SDK', () => {
  const all = (['da', 'en'] as const).flatMap((locale) =>
    everyCard(locale).map(([name, card]) => [`${locale}: ${name}`, card] as const),
  );
  it.each(all)('%s', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('covers every template in cards/', () => {
    const used = new Set(ALL_SAMPLES.flatMap((s) => s.templates));
    expect(cardNames().filter((n) => !used.has(n))).toEqual([]);
  });

  it("offers register and postpone only for follow-ups, snooze only on the adviser's own reminders, and a leader register and postpone for the adviser", () => {
    const actions = (c: CardJson) => JSON.stringify(c).match(/"verb":"(\w+)"/g) ?? [];
    const upcoming = reminderCard({
      kind: 'upcoming',
      deadline: deadline(),
      municipality,
      locale: 'da',
      today: '2026-11-25',
    });
    expect(actions(upcoming)).toEqual([
      '"verb":"registerFollowUp"',
      '"verb":"postponeFollowUp"',
      '"verb":"snoozeReminder"',
      '"verb":"openCase"',
    ]);
    const escalation = reminderCard({
      kind: 'escalation',
      deadline: deadline(),
      municipality,
      locale: 'da',
      today: '2026-11-25',
    });
    expect(actions(escalation)).toEqual([
      '"verb":"registerFollowUp"',
      '"verb":"postponeFollowUp"',
      '"verb":"openCase"',
    ]);
    const forAdviser = reminderCard({
      kind: 'overdue',
      deadline: deadline(),
      municipality,
      locale: 'da',
      today: '2026-11-25',
      adviserName: 'Anna Rådgiver',
    });
    expect(actions(forAdviser)).not.toContain('"verb":"snoozeReminder"');
    expect(JSON.stringify(forAdviser)).toContain('Du handler på vegne af Anna Rådgiver; det står i loggen.');
    const inv = reminderCard({
      kind: 'due',
      deadline: deadline({ kind: 'investigation' }),
      municipality,
      locale: 'da',
      today: '2026-11-25',
    });
    expect(actions(inv)).toEqual(['"verb":"snoozeReminder"', '"verb":"openCase"']);
  });

  it('fixes no date when sent and preselects no answer on the child conversation, a key figure', () => {
    const card = reminderCard({
      kind: 'due',
      deadline: deadline(),
      municipality,
      locale: 'da',
      today: '2026-11-25',
    });
    const inputs =
      JSON.stringify(card).match(
        /\{"type":"Input\.[^{}]*?"id":"(heldOn|childConversation|postponeTo)"[^{}]*/g,
      ) ?? [];
    expect(inputs).toHaveLength(3);
    // A card pressed days later must not save the day it was sent, nor be bounded by it.
    for (const i of inputs) expect(i).not.toMatch(/"(value|max|min)":/);
    expect(JSON.stringify(card)).toContain('"placeholder":"I dag"');
  });

  it('asks for the cadence and its reason only on the first follow-up (Barnets Lov § 95 stk. 3)', () => {
    const first = JSON.stringify(
      reminderCard({
        kind: 'due',
        deadline: deadline(),
        municipality,
        locale: 'da',
        today: '2026-11-25',
      }),
    );
    const later = JSON.stringify(
      reminderCard({
        kind: 'due',
        deadline: deadline({ first: false }),
        municipality,
        locale: 'da',
        today: '2026-11-25',
      }),
    );
    expect(first).toContain('"id":"cadence"');
    expect(first).toContain('"value":"w6"');
    expect(later).not.toContain('"id":"cadence"');
  });
});

describe('the card checker itself fails on what Teams would reject', () => {
  it('reports an unknown element, a version above 1.5 and a leftover template expression', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [{ type: 'Chart.Pie' }, { type: 'TextBlock', text: '${oops}' }],
    } as unknown as CardJson;
    const problems = cardProblems(bad);
    expect(problems.join('\n')).toMatch(/version 1.6/);
    expect(problems.join('\n')).toMatch(/Unknown element type "Chart.Pie"/);
    expect(problems.join('\n')).toMatch(/unexpanded template expressions/);
  });
  it('reports a card over the 40 KB activity limit', () => {
    const big = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x'.repeat(25_000) }],
    } as unknown as CardJson;
    expect(cardProblems(big).join('\n')).toMatch(/over 40960/);
  });
});
