/**
 * How a workflow dialog's inputs are entered, and which inputs an action asks for. What an action
 * requires comes from the machine itself (`inputRequires`), so the dialog and the server cannot
 * disagree; each workflow (./subjects.ts) adds only how its fields are entered and its optional
 * inputs. The one conditional rule shared by the machines that take opinions, checked by their `checkInput`: an
 * opinion's comment is required unless it approves.
 */
import type { Verdict } from '../../domain/workflow/machine';

export type InputField =
  | 'verdict'
  | 'proposedDeliveryDate'
  | 'channel'
  | 'content'
  | 'sealType'
  | 'copies'
  | 'documentSha256'
  | 'rootCause'
  | 'kind'
  | 'description'
  | 'ownerRole'
  | 'dueDate'
  | 'measure'
  | 'result'
  | 'plannedStart'
  | 'plannedFinish'
  | 'promisedDate'
  | 'lines'
  | 'escalateTo'
  | 'reason'
  | 'allocations'
  | 'comment';

/** The groups of codes whose names the dialog shows (./text.ts). */
export type ChoiceGroup = 'verdict' | 'channel' | 'sealType' | 'measureKind' | 'noteKind' | 'role';

/** How a field is entered; `choices` are the codes the server accepts. */
export type FieldKind =
  | { kind: 'choice'; choices: readonly string[]; group: ChoiceGroup; asRadio?: boolean }
  | { kind: 'text'; multiline?: boolean }
  | { kind: 'date' }
  | { kind: 'count'; min: number; max: number }
  | { kind: 'sha256' }
  /** One of the open measures of the record in the edit view, by its key. */
  | { kind: 'openMeasure' }
  /** Per line of the order in the edit view: its source and the stock reserved for it (`Allocation[]`). */
  | { kind: 'allocation' }
  /** Amounts against chosen open receivables of the payment in the edit view (`{ receivable, amount }[]`). */
  | { kind: 'receivablePayment' };

export const longText: FieldKind = { kind: 'text', multiline: true };
export const businessDate: FieldKind = { kind: 'date' };
export const choice = (group: ChoiceGroup, choices: readonly string[]): FieldKind => ({ kind: 'choice', group, choices });
export const verdictChoice = (verdicts: readonly Verdict[]): FieldKind => ({
  kind: 'choice',
  group: 'verdict',
  choices: verdicts,
  asRadio: true,
});

/** What the dialogs need of a machine; the rest (roles, policy numbers) stays with the server. */
export interface MachineInputs {
  actions: Record<string, { inputRequires?: readonly string[]; opinion?: boolean }>;
  verdicts: readonly Verdict[];
}

export interface ActionInputs {
  machine: MachineInputs;
  /** Inputs an action takes beyond what its machine requires. */
  optionalFields?: Partial<Record<string, InputField[]>>;
}

const requiredByMachine = ({ machine }: ActionInputs, action: string) => (machine.actions[action]?.inputRequires ?? []) as InputField[];

/** The dialog's fields, required ones first; every step may carry a comment, kept in the history. */
export const fieldsOf = (workflow: ActionInputs, action: string): InputField[] => {
  const fields = [...requiredByMachine(workflow, action), ...(workflow.optionalFields?.[action] ?? [])];
  return fields.includes('comment') ? fields : [...fields, 'comment'];
};

export const requiredFieldsOf = (workflow: ActionInputs, action: string, values: Partial<Record<InputField, unknown>>): InputField[] => {
  const required = requiredByMachine(workflow, action);
  const dissents = workflow.machine.actions[action]?.opinion && values.verdict !== undefined && values.verdict !== 'approve';
  return dissents ? [...required, 'comment'] : required;
};

export const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());
