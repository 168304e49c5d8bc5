import { SqlEngine, SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { CasesRepo } from './casesRepo';
import { MeasuresRepo } from './measuresRepo';
import { MunicipalitiesRepo } from './municipalitiesRepo';
import { OrganisationRepo } from './organisationRepo';
import { StaffRepo } from './staffRepo';
import { TenantContext } from './types';
import { ConversationsRepo } from './conversationsRepo';
import { OutboxQueue, OutboxRepo } from './outboxRepo';
import { MeetingsRepo } from './meetingsRepo';
import { TeamsRepo } from './teamsRepo';
import { SnoozesRepo } from './snoozesRepo';
import { MinutesRepo } from './minutesRepo';
import { QuestionnairesRepo } from './questionnairesRepo';
import { ReportQueries } from './reportQueries';
import { PlanningRepo } from './planningRepo';
import { ApiTokensRepo } from './apiTokensRepo';
import { RetentionRepo } from './retentionRepo';
import { CalendarEventsRepo } from './calendarEventsRepo';
import { GraphSubscriptionsRepo } from './graphSubscriptionsRepo';
import { ReadCache, TransactionReadCache, TtlReadCache } from './readCache';
import { Clock, systemClock } from '../domain/clock';

/** Everything one municipality's data is reached through; there is no unscoped path to its rows. */
export interface TenantStore {
  readonly ctx: TenantContext;
  readonly audit: AuditRepo;
  readonly staff: StaffRepo;
  readonly organisation: OrganisationRepo;
  readonly cases: CasesRepo;
  readonly measures: MeasuresRepo;
  readonly conversations: ConversationsRepo;
  readonly outbox: OutboxRepo;
  readonly snoozes: SnoozesRepo;
  readonly teams: TeamsRepo;
  readonly meetings: MeetingsRepo;
  readonly minutes: MinutesRepo;
  readonly questionnaires: QuestionnairesRepo;
  readonly planning: PlanningRepo;
  /** Read-only queries behind the key figures (src/reports). */
  readonly reports: ReportQueries;
  /** Deletion of what the retention period no longer allows. */
  readonly retention: RetentionRepo;
  /** Outlook events of meetings, for municipalities with Microsoft Graph (docs/graph.md). */
  readonly calendarEvents: CalendarEventsRepo;
}

export interface Store {
  readonly engine: SqlEngine;
  readonly municipalities: MunicipalitiesRepo;
  /** Case-system API tokens (looked up by token, across municipalities). */
  readonly apiTokens: ApiTokensRepo;
  /** Graph change-notification subscriptions, found by id before the municipality is known. */
  readonly graphSubscriptions: GraphSubscriptionsRepo;
  /** The deployment-wide send queue (claims across municipalities). */
  readonly queue: OutboxQueue;
  tenant(ctx: TenantContext): TenantStore;
  /** One transaction for a whole unit of work (an import, a card submission). */
  inTransaction<T>(ctx: TenantContext, fn: (t: TenantStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function tenantStore(db: SqlExecutor, ctx: TenantContext, cache: ReadCache): TenantStore {
  const audit = new AuditRepo(db, ctx);
  return {
    ctx,
    audit,
    staff: new StaffRepo(db, ctx, audit, cache),
    organisation: new OrganisationRepo(db, ctx, audit),
    cases: new CasesRepo(db, ctx, audit),
    measures: new MeasuresRepo(db, ctx, audit),
    conversations: new ConversationsRepo(db, ctx, cache),
    outbox: new OutboxRepo(db, ctx),
    snoozes: new SnoozesRepo(db, ctx, audit),
    teams: new TeamsRepo(db, ctx, audit),
    meetings: new MeetingsRepo(db, ctx, audit),
    minutes: new MinutesRepo(db, ctx, audit),
    questionnaires: new QuestionnairesRepo(db, ctx, audit),
    planning: new PlanningRepo(db, ctx),
    reports: new ReportQueries(db, ctx),
    retention: new RetentionRepo(db, ctx),
    calendarEvents: new CalendarEventsRepo(db, ctx),
  };
}

export interface StoreOptions {
  /** The wall clock the read cache measures its TTL by (src/store/readCache.ts). */
  clock?: Clock;
  /** How long a cached read may be used; 0 turns the cache off. */
  cacheTtlMs?: number;
}

export function createStore(
  engine: SqlEngine,
  onClose: () => void = () => undefined,
  opts: StoreOptions = {},
): Store {
  const cache = new TtlReadCache(opts.clock ?? systemClock, opts.cacheTtlMs);
  return {
    engine,
    municipalities: new MunicipalitiesRepo(engine, cache),
    apiTokens: new ApiTokensRepo(engine),
    graphSubscriptions: new GraphSubscriptionsRepo(engine),
    queue: new OutboxQueue(engine),
    tenant: (ctx) => tenantStore(engine, ctx, cache),
    async inTransaction(ctx, fn) {
      const tx = new TransactionReadCache(cache);
      const out = await engine.transaction((db) => fn(tenantStore(db, ctx, tx)));
      tx.commit();
      return out;
    },
    async close() {
      await engine.close();
      onClose();
    },
  };
}
