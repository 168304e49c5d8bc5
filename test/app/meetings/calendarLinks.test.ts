import { CalendarLinks } from '../../../src/app/meetings/calendarLinks';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const M = '7b0b7c5e-3f0e-4a57-9a5e-2f1f6d0b1a01';
const S = '0c7d1b3c-6a0e-4f0a-9c4e-5d9b3f1a2b02';

describe('signed calendar links on invitation cards', () => {
  const links = new CalendarLinks('https://samspil.kommune.example/', SECRET);

  it("points at the deployment's /calendar endpoint with a signature", () => {
    const url = new URL(links.url('fjordby', M, S));
    expect(url.origin + url.pathname).toBe(`https://samspil.kommune.example/calendar/fjordby/${M}/${S}.ics`);
    expect(links.verify('fjordby', M, S, url.searchParams.get('sig')!)).toBe(true);
  });

  it('does not verify for another meeting, participant or municipality, or with another secret', () => {
    const sig = new URL(links.url('fjordby', M, S)).searchParams.get('sig')!;
    expect(links.verify('fjordby', S, S, sig)).toBe(false);
    expect(links.verify('fjordby', M, M, sig)).toBe(false);
    expect(links.verify('andeby', M, S, sig)).toBe(false);
    expect(links.verify('fjordby', M, S, sig.slice(1))).toBe(false);
    const other = new CalendarLinks('https://samspil.kommune.example', `${SECRET}-other`);
    expect(other.verify('fjordby', M, S, sig)).toBe(false);
  });

  it('refuses a short secret', () => {
    expect(() => new CalendarLinks('https://x.example', 'short')).toThrow(/at least 32/);
  });
});
