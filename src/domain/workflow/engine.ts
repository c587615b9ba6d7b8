/**
 * Applies a workflow machine to one request, without a database: given the record's situation
 * (state, version, the opinions of the current round) and the caller's roles, either plans the
 * step (from, to, the role acted under, the opinion recorded) or refuses it with the reason a
 * client needs: 403 wrong role, 409 wrong state or stale version, 400 missing field. The Strapi
 * side (src/workflow-engine) loads the situation, writes the step in one transaction, and queues mail.
 */
import { englishText } from '../message-text';
import { Message, message } from '../messages';
import { RoleCode } from '../staff-roles';
import { fieldProblem, FieldProblem, problemAt } from '../validation-error';
import { Machine, Opinion, Verdict } from './machine';

export type RefusalKind = 'forbidden' | 'conflict' | 'invalid' | 'unknown_action';

export class WorkflowRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly said: Message,
    readonly details: Record<string, unknown> = {},
    /** The problems of an `invalid` refusal, one per field. */
    readonly problems: FieldProblem[] = []
  ) {
    super(englishText(said));
    this.name = 'WorkflowRefusal';
  }
}

export interface Situation<S extends string, Subject> {
  state: S;
  version: number;
  subject: Subject;
  /** Opinions given in the current review round. */
  opinions: Opinion[];
}

export interface Caller {
  roles: readonly RoleCode[];
  staffUserId: number | null;
}

export interface Step<S extends string> {
  action: string;
  from: S;
  to: S;
  /** The role the caller acted under. */
  role: RoleCode;
  opinion?: Opinion;
  /** Whether the record's state changes. */
  moves: boolean;
}

type AnyMachine<S extends string, Subject> = Machine<S, string, Subject>;

export const isFilled = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
};

/** The roles whose opinions the current state waits for. */
export const awaitedRoles = <S extends string, Subject>(machine: AnyMachine<S, Subject>, situation: Situation<S, Subject>): RoleCode[] =>
  machine.awaits?.[situation.state]?.(situation.subject) ?? [];

export const missingOpinions = <S extends string, Subject>(machine: AnyMachine<S, Subject>, situation: Situation<S, Subject>): RoleCode[] =>
  awaitedRoles(machine, situation).filter((role) => !situation.opinions.some((opinion) => opinion.role === role));

const hasGivenOpinion = (situation: Situation<string, unknown>, caller: Caller) =>
  caller.staffUserId !== null && situation.opinions.some((opinion) => opinion.reviewer === caller.staffUserId);

/** The awaited role under which the caller would give an opinion now; one opinion per person and round. */
const opinionRole = <S extends string, Subject>(machine: AnyMachine<S, Subject>, situation: Situation<S, Subject>, caller: Caller) =>
  hasGivenOpinion(situation, caller) ? undefined : missingOpinions(machine, situation).find((role) => caller.roles.includes(role));

/** Whether the caller is one of the people the action is for (any caller when it names none). */
const isParty = <S extends string, Subject>(
  machine: AnyMachine<S, Subject>,
  spec: { by?: readonly string[] },
  subject: Subject,
  caller: Caller
): boolean => !spec.by || (machine.partiesOf?.(subject, caller.staffUserId) ?? []).some((party) => spec.by!.includes(party));

/** The actions the caller may take now (a precondition not met, e.g. measures still open, rules one out). */
export const allowedActions = <S extends string, Subject>(
  machine: AnyMachine<S, Subject>,
  situation: Situation<S, Subject>,
  caller: Caller,
  now: Date = new Date()
): string[] =>
  Object.entries(machine.actions)
    .filter(([, spec]) => spec.from.includes(situation.state) && spec.roles.some((role) => caller.roles.includes(role)))
    .filter(([, spec]) => isParty(machine, spec, situation.subject, caller))
    .filter(([, spec]) => !spec.opinion || opinionRole(machine, situation, caller) !== undefined)
    .filter(([action]) => !machine.precondition?.(action, situation.subject, now))
    .map(([action]) => action);

/** Plans one action, or throws a WorkflowRefusal saying why it cannot be taken. */
export const planStep = <S extends string, Subject>(
  machine: AnyMachine<S, Subject>,
  situation: Situation<S, Subject>,
  caller: Caller,
  action: string,
  input: Record<string, unknown>,
  now: Date = new Date()
): Step<S> => {
  const spec = Object.hasOwn(machine.actions, action) ? machine.actions[action] : undefined;
  if (!spec) {
    throw new WorkflowRefusal('unknown_action', message('workflow.unknown_action', { subject: machine.name, action }), {
      actions: Object.keys(machine.actions),
    });
  }
  const roles = spec.roles.filter((role) => caller.roles.includes(role));
  if (roles.length === 0) {
    throw new WorkflowRefusal('forbidden', message('workflow.role_forbidden', { roles: spec.roles, action, subject: machine.name }), {
      roles: spec.roles,
    });
  }
  if (!isParty(machine, spec, situation.subject, caller)) {
    throw new WorkflowRefusal('forbidden', message('workflow.not_party', { subject: machine.name, parties: spec.by!, action }), {
      by: spec.by,
    });
  }
  if (!spec.from.includes(situation.state)) {
    const allowed = allowedActions(machine, situation, caller);
    throw new WorkflowRefusal(
      'conflict',
      message('workflow.wrong_state', { action, subject: machine.name, state: situation.state, allowed }),
      { state: situation.state, allowedActions: allowed }
    );
  }
  checkVersion(situation.version, input.version);
  const unmet = machine.precondition?.(action, situation.subject, now);
  if (unmet) {
    throw new WorkflowRefusal('conflict', unmet, { state: situation.state });
  }
  checkRequired(machine, spec.subjectRequires ?? [], situation.subject as Record<string, unknown>, action, 'record');
  checkRequired(machine, spec.inputRequires ?? [], input, action, 'request');
  if (spec.opinion && !machine.verdicts.includes(input.verdict as Verdict)) {
    throw invalid([fieldProblem(['verdict'], 'workflow.verdict_invalid', { verdicts: machine.verdicts })]);
  }
  const problems = machine.checkInput?.(action, input) ?? [];
  if (problems.length > 0) throw invalid(problems.map((p) => problemAt(p.path, p.said)));

  if (!spec.opinion) {
    const to = typeof spec.to === 'function' ? spec.to(situation.subject) : spec.to!;
    return { action, from: situation.state, to, role: roles[0], moves: to !== situation.state };
  }
  return planOpinion(machine, situation, caller, action, input.verdict);
};

const planOpinion = <S extends string, Subject>(
  machine: AnyMachine<S, Subject>,
  situation: Situation<S, Subject>,
  caller: Caller,
  action: string,
  verdict: unknown
): Step<S> => {
  if (hasGivenOpinion(situation, caller)) {
    throw new WorkflowRefusal('conflict', message('workflow.opinion_given'), { state: situation.state });
  }
  const role = opinionRole(machine, situation, caller);
  if (!role) {
    const awaited = missingOpinions(machine, situation);
    const given = caller.roles.filter((r) => situation.opinions.some((opinion) => opinion.role === r));
    if (given.length > 0) {
      throw new WorkflowRefusal('conflict', message('workflow.role_opinion_given', { roles: given }), { awaited });
    }
    throw new WorkflowRefusal('forbidden', message('workflow.opinion_not_awaited', { awaited }), { awaited });
  }
  const opinion: Opinion = { role, verdict: verdict as Verdict, reviewer: caller.staffUserId };
  const opinions = [...situation.opinions, opinion];
  const complete = awaitedRoles(machine, situation).every((awaited) => opinions.some((given) => given.role === awaited));
  const to = complete ? machine.decide!(opinions) : situation.state;
  return { action, from: situation.state, to, role, opinion, moves: to !== situation.state };
};

/** Refuses with the problems of the input, one per field (a 400 naming each). */
const invalid = (problems: FieldProblem[]) =>
  new WorkflowRefusal(
    'invalid',
    problems[0].said,
    { errors: problems.map((p) => ({ field: p.path.join('.'), message: p.message })) },
    problems
  );

const checkVersion = (current: number, given: unknown) => {
  if (given === undefined || given === null) throw invalid([fieldProblem(['version'], 'version.required')]);
  if (!Number.isInteger(given)) throw invalid([fieldProblem(['version'], 'field.whole_number')]);
  if (given !== current) {
    throw new WorkflowRefusal('conflict', message('version.stale', { given: given as number, current }), { currentVersion: current });
  }
};

const checkRequired = (
  machine: { name: string },
  fields: readonly string[],
  source: Record<string, unknown>,
  action: string,
  where: 'record' | 'request'
) => {
  const missing = fields.filter((field) => !isFilled(source[field]));
  if (missing.length === 0) return;
  const code = where === 'record' ? 'workflow.required_before' : 'workflow.required_to';
  throw invalid(missing.map((field) => fieldProblem([field], code, { action, subject: machine.name })));
};
