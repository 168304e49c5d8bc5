import type express from 'express';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { CalendarLinks } from '../app/meetings/calendarLinks';
import { meetingIcs, meetingOrganizer } from '../app/meetings/calendar';
import { icsContentType } from '../domain/meetings/ics';
import { localeFrom } from '../i18n/locale';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /calendar/:municipality/:meeting/:staff.ics?sig=… — the participant's current .ics of the
 * meeting, for the "Tilføj til kalender" link on the invitation card. Only a signed link answers, and
 * only for a participant of that meeting.
 */
export function mountCalendarRoute(
  app: express.Express,
  deps: { store: Store; links: CalendarLinks; clock: Clock; log: Logger },
): void {
  app.get('/calendar/:municipality/:meeting/:file', async (req, res) => {
    const { municipality, meeting: meetingId, file } = req.params;
    const staffId = file.replace(/\.ics$/, '');
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!file.endsWith('.ics') || !UUID.test(meetingId) || !UUID.test(staffId) || !sig) {
      res.status(400).json({ error: 'Not a calendar link.' });
      return;
    }
    if (!deps.links.verify(municipality, meetingId, staffId, sig)) {
      res.status(403).json({ error: 'The link is not valid.' });
      return;
    }
    try {
      const row = await deps.store.municipalities.get(municipality);
      const t = row && deps.store.tenant({ municipalityId: municipality, actor: 'calendar-link' });
      const meeting = t ? await t.meetings.get(meetingId) : null;
      const team = t && meeting ? await t.teams.get(meeting.team_id) : null;
      const participants = t && meeting ? await t.meetings.participants(meetingId) : [];
      const me = participants.find((p) => p.staff_id === staffId);
      if (!t || !meeting || !team || !me) {
        res.status(404).json({ error: 'No such meeting for this participant.' });
        return;
      }
      const staff = await t.staff.get(staffId);
      const ics = meetingIcs(
        meeting,
        team,
        participants,
        await meetingOrganizer(t, meeting),
        deps.clock.now(),
        localeFrom(staff?.locale),
      );
      const method = meeting.status === 'cancelled' ? 'cancel' : 'request';
      res
        .status(200)
        .set('content-type', icsContentType(method))
        .set('content-disposition', `attachment; filename="samspil-${meeting.date}.ics"`)
        .set('cache-control', 'no-store')
        .send(ics);
    } catch (err) {
      deps.log.error({ err }, 'calendar link failed');
      res.status(500).json({ error: 'Internal error' });
    }
  });
}
