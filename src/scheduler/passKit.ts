import type { MunicipalityContext } from '../app/municipalityContext';
import { isWorkingDay, localDateOf, localTimeOf, zonedInstant } from '../domain/calendar';
import type { LocalDate } from '../domain/localDate';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { workingHoursOf } from '../app/sendWindow';
import type { PassResult } from './passes';
import type { OutboxKey } from '../outbox/keys';
import type { OutboxPayload } from '../store/outboxRepo';

export type Recipient = { staffId: string } | { conversationId: string };

/** What every planning pass does: enqueue under unique keys and count what was new. */
export class PassPlanner {
  readonly result: PassResult = { planned: 0, alreadyPlanned: 0 };
  readonly today: LocalDate;

  /** The planner of one pass over one municipality, acting as the scheduler. */
  static for(store: Store, m: MunicipalityContext, now: Date): PassPlanner {
    return new PassPlanner(store.tenant({ municipalityId: m.id, actor: 'scheduler' }), m, now);
  }

  constructor(
    readonly t: TenantStore,
    readonly m: MunicipalityContext,
    readonly now: Date,
  ) {
    this.today = localDateOf(now, m.settings.timeZone);
  }

  /**
   * True when the key was new; the sender holds a message until the recipient's working hours, and
   * drops it unsent after `expiresAt` (a message that waited for a conversation and is now stale).
   */
  async enqueue(
    key: OutboxKey,
    kind: string,
    to: Recipient,
    payload: OutboxPayload,
    notBefore: Date = this.now,
    expiresAt: Date | null = null,
  ): Promise<boolean> {
    const fresh = await this.t.outbox.enqueue({
      key,
      expiresAt,
      kind,
      recipientStaffId: 'staffId' in to ? to.staffId : null,
      conversationId: 'conversationId' in to ? to.conversationId : null,
      payload,
      notBefore,
    });
    if (fresh) this.result.planned++;
    else this.result.alreadyPlanned++;
    return fresh;
  }

  /**
   * Many messages (the morning's reminders) in set-based inserts; counts like `enqueue`, and keeps
   * its versioned supersession (docs/outbox.md "Keys").
   */
  async enqueueMany(
    messages: { key: OutboxKey; kind: string; to: Recipient; payload: OutboxPayload; notBefore: Date }[],
  ): Promise<void> {
    if (messages.length === 0) return;
    const fresh = await this.t.outbox.enqueueMany(
      messages.map((m) => ({
        key: m.key,
        kind: m.kind,
        recipientStaffId: 'staffId' in m.to ? m.to.staffId : null,
        conversationId: 'conversationId' in m.to ? m.to.conversationId : null,
        payload: m.payload,
        notBefore: m.notBefore,
      })),
    );
    this.result.planned += fresh.size;
    this.result.alreadyPlanned += messages.length - fresh.size;
  }

  /**
   * Today's send window for a recipient (their hours, else the municipality's; a channel has none),
   * or null on a closed day or once it has ended: a reminder planned after hours would go out
   * tomorrow, which is too late for it.
   */
  openWindow(staff: StaffRow | null | undefined): Date | null {
    const hours = workingHoursOf(staff, this.m);
    // Time-zone arithmetic is costly and a pass has one `now`: each distinct set of hours once.
    const key = `${hours.start}-${hours.end}`;
    if (!this.windows.has(key)) {
      const tz = this.m.settings.timeZone;
      let open: Date | null = null;
      if (isWorkingDay(this.today) && localTimeOf(this.now, tz) < hours.end) {
        const start = zonedInstant(this.today, hours.start, tz);
        open = start > this.now ? start : this.now;
      }
      this.windows.set(key, open);
    }
    return this.windows.get(key)!;
  }

  private readonly windows = new Map<string, Date | null>();
}
