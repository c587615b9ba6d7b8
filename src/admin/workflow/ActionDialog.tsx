/**
 * The dialog of one workflow action: what the step does, the inputs the action asks for
 * (./fields.ts, entered as the workflow's ./subjects.ts says), and the button that takes it. Errors
 * the server names by field are shown under the field; every error's message also comes as a
 * notification (./hooks.ts).
 */
import * as React from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Modal,
  NumberInput,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { Measure } from '../../domain/complaint-handling';
import { Allocation, LINE_SOURCES } from '../../domain/order-progress';
import { FieldKind, fieldsOf, InputField, isBlank, requiredFieldsOf } from './fields';
import { useEditViewDocument, useWorkflow, useWorkflowAction } from './hooks';
import type { WorkflowSubject } from './subjects';
import { useWorkflowText, WorkflowText } from './text';

type Values = Partial<Record<InputField, unknown>>;

/** A business date as the server wants it (YYYY-MM-DD), from the day the user picked in their own zone. */
const toBusinessDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const fromBusinessDate = (value: unknown) => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};

const sha256Of = async (file: File) => {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** The open measures of the record in the edit view; the server names a measure by its key. */
const OpenMeasurePicker = ({ value, onChange, text }: { value: unknown; onChange: (value: unknown) => void; text: WorkflowText }) => {
  const { document } = useEditViewDocument();
  const open = ((document?.measures as Measure[] | undefined) ?? []).filter((measure) => !measure.doneAt);
  return (
    <SingleSelect
      value={(value as string) ?? null}
      onChange={(key) => onChange(String(key))}
      placeholder={open.length ? undefined : text.t('field.noOpenMeasures')}
      disabled={open.length === 0}
    >
      {open.map((measure) => (
        <SingleSelectOption key={measure.key} value={measure.key}>
          {`${measure.description} · ${text.role(measure.ownerRole)} · ${measure.dueDate}`}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};

/** An order line as the edit view reads it (its product is only counted there). */
interface OrderLine {
  key: string | null;
  specification: string | null;
  quantity: number;
  source: Allocation['source'] | null;
  reservedQuantity: number | null;
}

/**
 * The allocation of every line of the order in the edit view: its source and the quantity to hold
 * in stock for it, starting from what the order holds now, so that the coordinator changes only
 * what moved (the server takes each reserve as the new total, not as a change).
 */
const AllocationEditor = ({ value, onChange, text }: { value: unknown; onChange: (value: unknown) => void; text: WorkflowText }) => {
  const { document } = useEditViewDocument();
  // Lines without a key are a draft's, which holds no stock: nothing to allocate.
  const lines = ((document?.lines as OrderLine[] | undefined) ?? []).filter((line): line is OrderLine & { key: string } =>
    Boolean(line.key)
  );
  const current: Allocation[] = lines.map((line) => ({
    line: line.key,
    source: line.source ?? undefined,
    reserve: line.reservedQuantity ?? 0,
  }));
  const allocations = (value as Allocation[] | undefined) ?? current;
  // Prefilled into the dialog's values, so the action can be taken as soon as one line is changed.
  React.useEffect(() => {
    if (value === undefined && current.length) onChange(current);
  });
  if (lines.length === 0) return <Typography variant="pi">{text.t('field.noLines')}</Typography>;
  const change = (index: number, update: Partial<Allocation>) =>
    onChange(allocations.map((allocation, at) => (at === index ? { ...allocation, ...update } : allocation)));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {lines.map((line, index) => {
        const name = text.t('field.line', { number: index + 1, specification: line.specification ?? '—', quantity: line.quantity });
        return (
          <Flex key={line.key} gap={2} alignItems="flex-end" wrap="wrap">
            <Box flex="1" minWidth="12rem">
              <Typography variant="omega">{name}</Typography>
            </Box>
            <Field.Root name={`lines.${index}.source`}>
              <Field.Label>{text.t('field.lineSource', { line: index + 1 })}</Field.Label>
              <SingleSelect
                value={allocations[index]?.source ?? null}
                onChange={(code) => change(index, { source: String(code) as Allocation['source'] })}
              >
                {LINE_SOURCES.map((code) => (
                  <SingleSelectOption key={code} value={code}>
                    {text.lineSource(code)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name={`lines.${index}.reserve`}>
              <Field.Label>{text.t('field.reserve', { line: index + 1 })}</Field.Label>
              <NumberInput
                value={allocations[index]?.reserve}
                onValueChange={(reserve) => change(index, { reserve: reserve ?? 0 })}
                min={0}
                max={line.quantity}
                step={1}
              />
            </Field.Root>
          </Flex>
        );
      })}
    </Flex>
  );
};

/** What the sales clerk enters against one receivable: its documentId and the amount, a decimal string. */
interface ReceivablePayment {
  receivable: string;
  amount: string;
}

/**
 * The customer's open receivables (from the payment's workflow view), each with an amount to pay
 * against it. Amounts stay text so the server reads the exact decimal; nothing entered means the
 * server pays the oldest due first.
 */
const ReceivablePaymentEditor = ({ value, onChange, text }: { value: unknown; onChange: (value: unknown) => void; text: WorkflowText }) => {
  const { documentId } = useEditViewDocument();
  const { view } = useWorkflow('payment', documentId);
  const open = view?.openReceivables ?? [];
  const chosen = (value as ReceivablePayment[] | undefined) ?? [];
  if (open.length === 0) return <Typography variant="pi">{text.t('field.noOpenReceivables')}</Typography>;
  const amountFor = (receivable: string) => chosen.find((entry) => entry.receivable === receivable)?.amount ?? '';
  const change = (receivable: string, amount: string) => {
    const others = chosen.filter((entry) => entry.receivable !== receivable);
    const next = amount.trim() ? [...others, { receivable, amount: amount.trim() }] : others;
    // In the order of the list, so the server reports problems by the same positions.
    const ordered = open.flatMap((item) => next.filter((entry) => entry.receivable === item.documentId));
    onChange(ordered.length ? ordered : undefined);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {open.map((item) => {
        const label = text.t('field.openReceivable', {
          reference: item.reference,
          dueDate: item.dueDate,
          open: text.money(item.openAmount, item.currency),
        });
        return (
          <Flex key={item.documentId} gap={2} alignItems="center">
            <Box flex="1">
              <Typography variant="omega">{label}</Typography>
            </Box>
            <Box width="10rem">
              <TextInput
                aria-label={label}
                name={`allocations.${item.documentId}`}
                inputMode="decimal"
                placeholder="0.00"
                value={amountFor(item.documentId)}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(item.documentId, event.target.value)}
              />
            </Box>
          </Flex>
        );
      })}
    </Flex>
  );
};

interface FieldProps {
  name: InputField;
  spec: FieldKind;
  value: unknown;
  required: boolean;
  error?: string;
  onChange: (value: unknown) => void;
  text: WorkflowText;
}

const WorkflowField = ({ name, spec, value, required, error, onChange, text }: FieldProps) => {
  const label = text.field(name);
  const input = (() => {
    switch (spec.kind) {
      case 'choice':
        return spec.asRadio ? (
          <Radio.Group aria-label={label} value={(value as string) ?? ''} onValueChange={onChange}>
            {spec.choices.map((code) => (
              <Radio.Item key={code} value={code}>
                {text[spec.group](code)}
              </Radio.Item>
            ))}
          </Radio.Group>
        ) : (
          <SingleSelect value={(value as string) ?? null} onChange={(code) => onChange(String(code))}>
            {spec.choices.map((code) => (
              <SingleSelectOption key={code} value={code}>
                {text[spec.group](code)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        );
      case 'text':
        return spec.multiline ? (
          <Textarea
            value={(value as string) ?? ''}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          />
        ) : (
          <TextInput
            value={(value as string) ?? ''}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          />
        );
      case 'date':
        return (
          <DatePicker
            value={fromBusinessDate(value)}
            onChange={(date) => onChange(date ? toBusinessDate(date) : undefined)}
            onClear={() => onChange(undefined)}
          />
        );
      case 'count':
        return <NumberInput value={value as number | undefined} onValueChange={onChange} min={spec.min} max={spec.max} step={1} />;
      case 'sha256':
        return (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <TextInput
              value={(value as string) ?? ''}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value.trim())}
            />
            <Typography variant="pi" tag="label">
              {text.t('field.documentFile')}{' '}
              <input
                type="file"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) onChange(await sha256Of(file));
                }}
              />
            </Typography>
          </Flex>
        );
      case 'openMeasure':
        return <OpenMeasurePicker value={value} onChange={onChange} text={text} />;
      case 'allocation':
        return <AllocationEditor value={value} onChange={onChange} text={text} />;
      case 'receivablePayment':
        return <ReceivablePaymentEditor value={value} onChange={onChange} text={text} />;
      default: {
        // A kind added to FieldKind without its input here fails the type check, not silently in the dialog.
        const unhandled: never = spec;
        return unhandled;
      }
    }
  })();
  return (
    <Field.Root name={name} required={required} error={error}>
      <Field.Label>{label}</Field.Label>
      {input}
      <Field.Error />
    </Field.Root>
  );
};

interface ActionDialogProps {
  workflow: WorkflowSubject;
  action: string;
  onClose: () => void;
}

export const ActionDialog = ({ workflow, action, onClose }: ActionDialogProps) => {
  const text = useWorkflowText(workflow.subject);
  const { run, isRunning } = useWorkflowAction(workflow.subject);
  const [values, setValues] = React.useState<Values>({});
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const required = requiredFieldsOf(workflow, action, values);
  const incomplete = required.some((field) => isBlank(values[field]));

  const take = async () => {
    const input = Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlank(value)));
    const outcome = await run(action, input);
    if (outcome.ok) onClose();
    else setErrors(outcome.fieldErrors);
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{text.hint(action)}</Typography>
          {fieldsOf(workflow, action).map((name) => (
            <WorkflowField
              key={name}
              name={name}
              // A field the build does not know how to enter is typed as text: the server still checks it.
              spec={workflow.fields[name] ?? { kind: 'text' }}
              value={values[name]}
              required={required.includes(name)}
              error={errors[name]}
              onChange={(value) => setValues((previous) => ({ ...previous, [name]: value }))}
              text={text}
            />
          ))}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{text.t('dialog.cancel')}</Button>
        </Modal.Close>
        <Button
          onClick={take}
          loading={isRunning}
          disabled={incomplete}
          variant={workflow.finalActions.includes(action) ? 'danger' : 'default'}
        >
          {text.action(action)}
        </Button>
      </Modal.Footer>
    </>
  );
};
