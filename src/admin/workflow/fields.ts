/**
 * Which inputs each contract action asks for. What an action requires comes from the machine
 * itself (`inputRequires` in src/domain/contract-review.ts), so the dialog and the server cannot
 * disagree; added here are only the optional inputs and the one conditional rule (a review's
 * comment is required unless it approves), which the machine checks in `checkInput`.
 */
import { ContractAction, contractMachine, REPLY_CHANNELS, SEAL_TYPES } from '../../domain/contract-review';
import { VERDICTS } from '../../domain/workflow/machine';

export type InputField =
  | 'verdict'
  | 'proposedDeliveryDate'
  | 'channel'
  | 'content'
  | 'sealType'
  | 'copies'
  | 'documentSha256'
  | 'comment';

/** How a field is entered; `choices` are the codes the server accepts. */
export type FieldKind =
  | { kind: 'choice'; choices: readonly string[]; group: 'verdict' | 'channel' | 'sealType'; asRadio?: boolean }
  | { kind: 'text'; multiline?: boolean }
  | { kind: 'date' }
  | { kind: 'count'; min: number; max: number }
  | { kind: 'sha256' };

export const FIELD_KINDS: Record<InputField, FieldKind> = {
  verdict: { kind: 'choice', choices: VERDICTS, group: 'verdict', asRadio: true },
  proposedDeliveryDate: { kind: 'date' },
  channel: { kind: 'choice', choices: REPLY_CHANNELS, group: 'channel' },
  content: { kind: 'text', multiline: true },
  sealType: { kind: 'choice', choices: SEAL_TYPES, group: 'sealType' },
  copies: { kind: 'count', min: 1, max: 100 },
  documentSha256: { kind: 'sha256' },
  comment: { kind: 'text', multiline: true },
};

const OPTIONAL: Partial<Record<ContractAction, InputField[]>> = { review: ['proposedDeliveryDate'] };

/** The dialog's fields, required ones first; every step may carry a comment, kept in the history. */
export const fieldsOf = (action: ContractAction): InputField[] => {
  const required = (contractMachine.actions[action].inputRequires ?? []) as InputField[];
  const fields = [...required, ...(OPTIONAL[action] ?? [])];
  return fields.includes('comment') ? fields : [...fields, 'comment'];
};

export const requiredFieldsOf = (action: ContractAction, values: Partial<Record<InputField, unknown>>): InputField[] => {
  const required = (contractMachine.actions[action].inputRequires ?? []) as InputField[];
  return action === 'review' && values.verdict !== undefined && values.verdict !== 'approve' ? [...required, 'comment'] : required;
};

export const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

/** The dangerous steps: shown in red, never the panel's first button. */
export const FINAL_ACTIONS: readonly ContractAction[] = ['cancel', 'terminate'];
