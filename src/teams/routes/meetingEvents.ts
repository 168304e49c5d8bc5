/**
 * Teams meeting events. teams-ai 1.x types the `meetingEnd` payload in camelCase, but Teams sends
 * it in PascalCase (`Id`, `JoinUrl`, `Title`, `MeetingType`, `EndTime`; "Meeting apps APIs",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/apps-in-teams-meetings/meeting-apps-apis),
 * so the value and `channelData.meeting.id` are parsed here with zod and handed on in our words.
 */
import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { meetingEnded } from '../../app/meetings/meetingEnd';
import type { HandlerDeps } from '../handlers/deps';
import { municipalityFor } from '../identity';

export const meetingEndValue = z.object({
  Id: z.string().min(1),
  JoinUrl: z.string().url(),
  Title: z.string().optional(),
  MeetingType: z.string().optional(),
  EndTime: z.string().datetime({ offset: true }),
});

export const meetingEndChannelData = z.object({
  meeting: z.object({ id: z.string().min(1) }),
});

export function registerMeetingEvents(app: Application<TurnState>, deps: HandlerDeps): void {
  app.meetings.end(async (context: TurnContext) => {
    const value = meetingEndValue.safeParse(context.activity.value);
    const channel = meetingEndChannelData.safeParse(context.activity.channelData);
    if (!value.success || !channel.success) {
      deps.log.warn(
        { issues: [...(value.error?.issues ?? []), ...(channel.error?.issues ?? [])] },
        'meetingEnd event not understood; the scheduled fallback will send the questionnaire',
      );
      return;
    }
    const m = await municipalityFor(deps.store, context, { devFallback: deps.devFallback });
    if (!m) return;
    const meetingId = await meetingEnded(
      deps.store,
      m,
      { joinUrl: value.data.JoinUrl, endedAt: new Date(value.data.EndTime) },
      deps.clock.now(),
      { parentLinks: deps.parentLinks },
    );
    deps.log.info({ teamsMeetingId: channel.data.meeting.id, meetingId }, 'meetingEnd');
  });
}
