/**
 * What the complaint side panel shows of the complaint itself: the deadline of the state it is in
 * (flagged when passed), its measures with kind, owner, due date and done/open, and what its
 * workflow recorded — the judgement and root cause, the verification, the reply and the customer's
 * feedback — each once there is one (the form leaves these out: src/content-manager/layouts.ts).
 * Read from the edit view's document, which the content manager reads again after every action.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import type { Measure } from '../../domain/complaint-handling';
import { Item, List, Section } from './PanelParts';
import type { WorkflowText } from './text';

const Deadline = ({ dueAt, text }: { dueAt: string | null; text: WorkflowText }) => {
  // Compared when rendered: the panel is re-rendered on every visit and after every action.
  const overdue = dueAt !== null && new Date(dueAt).getTime() < Date.now();
  return (
    <Flex gap={2} wrap="wrap">
      <Typography variant="omega" fontWeight="bold">
        {text.t('panel.deadline')}:
      </Typography>
      <Typography variant="omega">{dueAt ? text.dateTime(dueAt) : text.t('panel.noDeadline')}</Typography>
      {overdue ? <Badge variant="danger">{text.t('panel.overdue')}</Badge> : null}
    </Flex>
  );
};

const Measures = ({ measures, text }: { measures: Measure[]; text: WorkflowText }) => (
  <Section title={text.t('panel.measures')}>
    <List label={text.t('panel.measures')}>
      {measures.map((measure) => (
        <Item key={measure.key}>
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{text.measureKind(measure.kind)}</Typography>
            <Badge variant={measure.doneAt ? 'success' : 'warning'}>
              {measure.doneAt ? text.t('panel.measureDone', { date: text.dateTime(String(measure.doneAt)) }) : text.t('panel.measureOpen')}
            </Badge>
          </Flex>
          <Typography variant="omega">{measure.description}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {text.t('panel.measureOwner', { role: text.role(measure.ownerRole) })} · {text.t('panel.measureDue', { date: measure.dueDate })}
          </Typography>
          {measure.result ? <Typography variant="omega">{measure.result}</Typography> : null}
        </Item>
      ))}
    </List>
    {measures.length === 0 ? <Typography variant="pi">{text.t('panel.noMeasures')}</Typography> : null}
  </Section>
);

/** A recorded step: its lines, when it has happened (`at`). */
const Recorded = ({ title, at, lines, text }: { title: string; at: unknown; lines: unknown[]; text: WorkflowText }) => {
  const shown = lines.filter((line): line is string => typeof line === 'string' && line !== '');
  if (!at && shown.length === 0) return null;
  return (
    <Section title={title}>
      {shown.map((line) => (
        <Typography key={line} variant="omega">
          {line}
        </Typography>
      ))}
      {at ? (
        <Typography variant="pi" textColor="neutral600">
          {text.dateTime(String(at))}
        </Typography>
      ) : null}
    </Section>
  );
};

export const ComplaintDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  if (!document) return null;
  const judgement = document.judgement as string | null | undefined;
  const rating = document.feedbackRating as number | null | undefined;
  return (
    <>
      <Deadline dueAt={(document.dueAt as string | null) ?? null} text={text} />
      <Recorded
        title={text.t('panel.judgement')}
        at={document.judgedAt}
        lines={[judgement ? text.known('panel.judgement', judgement) : null, document.rootCause]}
        text={text}
      />
      <Measures measures={(document.measures as Measure[] | undefined) ?? []} text={text} />
      <Recorded
        title={text.t('panel.verification')}
        at={document.verifiedAt}
        lines={[document.effectivenessComment, document.needsNewMeasure ? text.t('panel.newMeasureNeeded') : null]}
        text={text}
      />
      <Recorded
        title={text.t('panel.reply')}
        at={document.repliedAt}
        lines={[
          [document.replyChannel ? text.channel(String(document.replyChannel)) : '', document.replySentTo ?? '']
            .filter(Boolean)
            .join(' · '),
          document.replyContent,
        ]}
        text={text}
      />
      <Recorded
        title={text.t('panel.feedback')}
        at={document.feedbackAt}
        lines={[typeof rating === 'number' ? text.t('panel.rating', { rating }) : null, document.feedbackComment]}
        text={text}
      />
    </>
  );
};
