import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { HandlerDeps, KnownCaller } from '../handlers/deps';

/** A handler: a Teams turn from a known staff member, with the card's submitted data if any. */
export type Handler = (d: HandlerDeps, c: TurnContext, k: KnownCaller, data: unknown) => Promise<void>;
export type Route = (context: TurnContext, state?: TurnState, data?: unknown) => Promise<void>;

/** What a feature needs to register its commands and card verbs on the bot. */
export interface RouteKit {
  app: Application<TurnState>;
  deps: HandlerDeps;
  /** For a known staff member in any conversation (personal, channel, group chat). */
  anywhere(fn: Handler): Route;
  /** Personal chat only: case data and personal answers never go to a channel or group chat. */
  personal(fn: Handler): Route;
}
