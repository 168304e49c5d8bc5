/**
 * Every reason a rule or an action can say no, as a code with the values its words need. The domain
 * and the application refuse with these; src/i18n/problems.ts words each one in Danish and English
 * (docs/cards.md#refusals), so no rule holds a sentence and no sentence is written twice.
 */
import type { LocalDate } from './localDate';
import type { LegalRegime } from './policy';

/** A code without values. */
type Bare = undefined;

/**
 * Reasons about one input of a form, shared by many rules; a zod schema names one in its issue's
 * `params.code` (see `coded` in result.ts), so a schema carries its refusal.
 */
export const INPUT_REFUSAL_CODES = [
  'cpr',
  'childName',
  'childReference',
  'required',
  'date',
  'time',
  'endBeforeStart',
  'futureDate',
  'pastDate',
  'mustBeFuture',
  'httpsLink',
  'placeOrLink',
  'choose',
  'tooLong',
  'invalid',
  'notAllowed',
] as const;

export type InputRefusalCode = (typeof INPUT_REFUSAL_CODES)[number];

type InputRefusals = Record<InputRefusalCode, Bare>;

/** The follow-up rules (Barnets Lov § 95, § 156 stk. 5, § 20; Serviceloven § 70). */
interface FollowUpRefusals {
  investigationHasDeadline: Bare;
  cadenceReasonMissing: Bare;
  cadenceNotPositive: Bare;
  cadenceOverSixMonths: { regime: LegalRegime };
  postponeReasonMissing: Bare;
  postponeNotLater: { after: LocalDate };
  postponePastLegal: { legalDue: LocalDate };
  measureGone: Bare;
  notYourCase: Bare;
  nothingToRegister: Bare;
  followUpHandled: Bare;
  deadlineHandled: Bare;
  unknownLadderStep: Bare;
  cadenceMissing: Bare;
  onlyFollowUpsPostpone: Bare;
  snoozeReasonMissing: Bare;
  onlyAdviserSnoozes: Bare;
}

/** Team meetings: calling, planning the year, moving, cancelling, answering, linking a channel. */
interface MeetingRefusals {
  meetingGone: Bare;
  meetingUnknown: Bare;
  teamGone: Bare;
  notTeamMember: Bare;
  themeNeedsCoordinator: Bare;
  yearNeedsCoordinator: Bare;
  notOrganizer: Bare;
  childHasActiveCase: { caseRef: string };
  teamBusy: { startTime: string; endTime: string };
  /** `date` when the form has several dates, so the reason names which; `holiday` when it is a school holiday. */
  unusableDay: { date?: LocalDate; holiday: string | null };
  outsideSchoolYear: { date: LocalDate; schoolYear: string };
  dateTwice: { date: LocalDate };
  chooseADate: Bare;
  endSameDay: Bare;
  yearPlanned: Bare;
  meetingCancelled: Bare;
  meetingWasCancelled: Bare;
  meetingAlreadyCancelled: Bare;
  meetingHeld: Bare;
  meetingChanged: Bare;
  meetingChangedOrCancelled: Bare;
  invitationOutdated: Bare;
  notInvited: Bare;
  initialsOnOpenCase: Bare;
  unknownTeam: { name: string; yourTeams: string[] };
  linkNeedsCoordinator: { team: string };
}

/** After a meeting: the Signs of Safety minutes, their agreements and the status questionnaire. */
interface AfterMeetingRefusals {
  cardLacksMeeting: Bare;
  minutesOnlyForChildMeetings: Bare;
  minutesNeedCoordinator: Bare;
  minutesSaved: Bare;
  agreementOwnerAbsent: { agreement: number };
  agreementGone: Bare;
  agreementNeedsOwner: Bare;
  questionnaireClosed: Bare;
  questionnaireNotOpen: Bare;
  questionnaireForAttendees: Bare;
  questionnaireMismatch: Bare;
  questionnaireAnswered: Bare;
  parentAnswerNeedsCoordinator: Bare;
  parentAnswersFull: Bare;
  /** A published form (`samspil questionnaire publish`): where it is wrong and the schema's words. */
  formInvalid: { path: string; message: string };
  formVersionTooLow: { current: number };
}

export interface RefusalParams
  extends InputRefusals, FollowUpRefusals, MeetingRefusals, AfterMeetingRefusals {}

export type RefusalCode = keyof RefusalParams;
