import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import type { CalendarLinks } from '../../app/meetings/calendarLinks';
import type { ParentLinks } from '../../app/parentLinks';
import { localDateOf } from '../../domain/calendar';
import type { Caller } from '../identity';
import type { CardReply, Message } from '../cardReply';

export interface HandlerDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  devFallback: boolean;
  /** Signed links to a participant's .ics, when the deployment has a public URL. */
  calendarLinks?: CalendarLinks;
  /** Signed links to the parents' questionnaire page, when the deployment has a public URL. */
  parentLinks?: ParentLinks;
}

export type KnownCaller = Caller & { staff: NonNullable<Caller['staff']> };

/** A typed command: the caller and the command's argument (`sag E-001` → `E-001`) in, messages out. */
export type Command = (deps: HandlerDeps, caller: KnownCaller, argument: string) => Promise<Message[]>;

/** A card button's handler: the card's values in, the invoke response (the card's new face) out. */
export type CardAction = (
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
) => Promise<CardReply>;

export function today(deps: HandlerDeps, caller: Caller): string {
  return localDateOf(deps.clock.now(), caller.municipality.settings.timeZone);
}
