/**
 * Teams allows an app 50 requests a second per tenant, counted over every instance of the app and
 * every call, a turn's reply as much as a proactive message (docs/teams-app.md, platform facts).
 * Senders on several instances therefore draw their share of a second from one counter per tenant
 * and quarter second, in blocks (src/outbox/tenantBudget.ts), and leave the rest of the 50 to turn replies
 * (docs/outbox.md "One budget per tenant"). Rows older than a minute are deleted as new ones come.
 */
export default `
CREATE TABLE tenant_send_budget (
  tenant text NOT NULL,
  slot bigint NOT NULL,
  used integer NOT NULL,
  PRIMARY KEY (tenant, slot)
);
`;
