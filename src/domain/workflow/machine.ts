/**
 * A workflow machine as data: its states, the actions between them, who may take each action,
 * what each action needs (fields of the record, fields of the request), the opinions a state
 * waits for and where they lead, and the mail each state causes when it is entered. The contract
 * review and the complaint workflows are two such machines; one engine (./engine.ts) applies them.
 */
import { RoleCode } from '../staff-roles';
import { TemplateName } from '../notification-templates';
import { Message } from '../messages';

export const VERDICTS = ['approve', 'request_changes', 'recommend_termination'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A name shown to people, in the two languages of the panel and the mail. */
export interface Label {
  en: string;
  zh: string;
}

export const VERDICT_LABELS: Record<Verdict, Label> = {
  approve: { en: 'Approve', zh: '同意' },
  request_changes: { en: 'Request changes', zh: '要求修改' },
  recommend_termination: { en: 'Recommend termination', zh: '建议终止' },
};

/**
 * Who receives a state's mail: staff holding a role, the roles awaited in the state, the drafter,
 * the customer, or a person the record names (a task's assignee or assigner).
 */
export type Recipient = { role: RoleCode } | { awaited: true } | { drafter: true } | { customer: true } | { party: string };

export interface MailRule {
  template: TemplateName;
  to: Recipient;
}

export interface StateSpec {
  /** Mail queued when the state is entered. */
  mail?: MailRule[];
  /** No action leaves the state. */
  final?: boolean;
}

export interface ActionSpec<S extends string, Subject = Record<string, unknown>> {
  from: readonly S[];
  roles: readonly RoleCode[];
  /**
   * Where the action leads: a state, or a choice by the record (e.g. by severity). An opinion
   * action has none: the opinions decide (see Machine.decide).
   */
  to?: S | ((subject: Subject) => S);
  /** Records the caller's opinion for a role the state awaits. */
  opinion?: boolean;
  /** Fields the record must have filled in (non-empty) before the action. */
  subjectRequires?: readonly string[];
  /** Fields the request must carry. */
  inputRequires?: readonly string[];
  /**
   * The people the record names who may take the action (e.g. a task's assignee), besides holding
   * one of `roles`; see Machine.partiesOf. Without it, the role is enough.
   */
  by?: readonly string[];
}

export interface Opinion {
  role: RoleCode;
  verdict: Verdict;
  /** The staff member who gave it; one opinion per person and round. */
  reviewer: number | null;
}

/** A problem with a request's field, said as a message (the engine makes it a 400 naming the field). */
export interface InputProblem {
  path: (string | number)[];
  said: Message;
}

export interface Machine<S extends string = string, A extends string = string, Subject = Record<string, unknown>> {
  name: string;
  initial: S;
  states: Record<S, StateSpec>;
  actions: Record<A, ActionSpec<S, Subject>>;
  /** The verdicts a reviewer may give in this machine. */
  verdicts: readonly Verdict[];
  /** The roles whose opinions a state waits for, given the record (e.g. credit review only when needed). */
  awaits?: Partial<Record<S, (subject: Subject) => RoleCode[]>>;
  /** Where the opinions of a round lead once every awaited role has given one. */
  decide?(opinions: Opinion[]): S;
  /** Checks on a request beyond required fields, e.g. a comment required with some verdicts. */
  checkInput?(action: A, input: Record<string, unknown>): InputProblem[];
  /** The parties (see ActionSpec.by) the staff member is on the record, e.g. ['assignee']. */
  partiesOf?(subject: Subject, staffUserId: number | null): string[];
  /** Why the record cannot take the action now (a 409), e.g. measures still open; null when it can. */
  precondition?(action: A, subject: Subject, now: Date): Message | null;
}
