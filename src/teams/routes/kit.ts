import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { HandlerDeps, KnownCaller } from '../handlers/deps';
import type { CardReply } from '../cardReply';

/** A handler: a Teams turn from a known staff member, with the card's submitted data if any. */
export type Handler = (d: HandlerDeps, c: TurnContext, k: KnownCaller, data: unknown) => Promise<void>;
export type Route = (context: TurnContext, state?: TurnState, data?: unknown) => Promise<void>;

/** A card button's handler: the card's values in, the invoke response (the card's new face) out. */
export type CardAction = (
  d: HandlerDeps,
  c: TurnContext,
  k: KnownCaller,
  values: Record<string, unknown>,
) => Promise<CardReply>;

/** Where a card verb may be pressed: personal chat only (case data, answers) or any conversation. */
export interface CardVerbRoute {
  scope: 'personal' | 'anywhere';
  run: CardAction;
}

/** What a feature needs to register its commands on the bot. */
export interface RouteKit {
  app: Application<TurnState>;
  deps: HandlerDeps;
  /** For a known staff member in any conversation (personal, channel, group chat). */
  anywhere(fn: Handler): Route;
  /** Personal chat only: case data and personal answers never go to a channel or group chat. */
  personal(fn: Handler): Route;
}
