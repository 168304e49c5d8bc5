import initial from './001_initial';
import meetings from './002_meetings';
import meetingsExtra from './003_meetings_extra';
import reminderSnoozes from './004_reminder_snoozes';
import outboxDelivery from './005_outbox_delivery';
import ladderHistory from './006_ladder_history';
import apiTokens from './007_api_tokens';
import planningIndex from './008_planning_index';
import outboxDue from './009_outbox_due_per_municipality';
import auditFacts from './010_audit_facts';
import tenantSendBudget from './011_tenant_send_budget';
import parentsTakePart from './012_parents_take_part';
import graph from './013_graph';
import meetingChanges from './015_meeting_changes';

/** Ordered; an applied migration is never edited, a change is a new entry. */
export const MIGRATIONS: { id: string; sql: string }[] = [
  { id: '001_initial', sql: initial },
  { id: '002_meetings', sql: meetings },
  { id: '003_meetings_extra', sql: meetingsExtra },
  { id: '004_reminder_snoozes', sql: reminderSnoozes },
  { id: '005_outbox_delivery', sql: outboxDelivery },
  { id: '006_ladder_history', sql: ladderHistory },
  { id: '007_api_tokens', sql: apiTokens },
  { id: '008_planning_index', sql: planningIndex },
  { id: '009_outbox_due_per_municipality', sql: outboxDue },
  { id: '010_audit_facts', sql: auditFacts },
  { id: '011_tenant_send_budget', sql: tenantSendBudget },
  { id: '012_parents_take_part', sql: parentsTakePart },
  { id: '013_graph', sql: graph },
  { id: '015_meeting_changes', sql: meetingChanges },
];
