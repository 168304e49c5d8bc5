import * as render from '../../src/cards/render';
import { compileTemplate } from '../../src/cards/compile';
import { everyCard } from './samples';

/**
 * The compiled templates (docs/performance.md) must give exactly what the Adaptive Cards templating
 * SDK gives: every card the bot can send is rendered both ways and compared.
 */
describe('compiled card templates', () => {
  const calls: [string, Record<string, unknown>][] = [];
  beforeAll(() => {
    const real = render.renderCard;
    const spy = jest.spyOn(render, 'renderCard').mockImplementation((name, data) => {
      calls.push([name, data]);
      return real(name, data);
    });
    everyCard('da');
    everyCard('en');
    spy.mockRestore();
  });

  it('renders every sample card exactly as the SDK does', () => {
    expect(calls.length).toBeGreaterThan(40);
    for (const [name, data] of calls) {
      expect([name, render.renderCard(name, data)]).toEqual([name, render.expandWithSdk(name, data)]);
    }
  });

  it('compiles the templates the bot sends most (reminders, lists, results)', () => {
    for (const name of ['followup-reminder', 'followup-list', 'followup-result', 'case-details', 'notice'])
      expect([name, compileTemplate(templateJson(name)) !== null]).toEqual([name, true]);
  });

  it('leaves a missing field to the SDK, which writes the expression back', () => {
    const card = render.renderCard('notice', {});
    expect(card).toEqual(render.expandWithSdk('notice', {}));
    expect(JSON.stringify(card)).toContain('${');
  });

  it('refuses to compile what it does not cover, so the SDK renders it', () => {
    expect(compileTemplate({ type: 'TextBlock', text: '${formatNumber(n, 2)}' })).toBeNull();
    expect(compileTemplate({ type: 'TextBlock', text: '${a + b}' })).toBeNull();
  });
});

function templateJson(name: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`${render.CARDS_DIR}/${name}.json`);
}
