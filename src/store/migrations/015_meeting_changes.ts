/**
 * What a participant reads on a changed meeting's card: the reason a cancelled meeting gives (the
 * coordinator's own words, shown to the invited only and never written to the audit, which holds
 * facts), and where and when a moved meeting was before, so "changed" can say old → new.
 */
export default `
ALTER TABLE meetings ADD COLUMN cancel_reason text;
ALTER TABLE meetings ADD COLUMN moved_from jsonb;
`;
