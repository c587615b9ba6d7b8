/**
 * Opinions the server records from the customer's own answers, so nothing a customer said is lost
 * in a field of another record: the comment of a complaint's feedback, and the comment of a disputed
 * statement. Written in the caller's transaction (the answer and its opinion stand or fall together).
 */
import type { Core } from '@strapi/strapi';
import { OpinionSource, Sentiment, sentimentOfRating } from '../domain/customer-voice';
import { documentData } from '../platform/document-data';
import { asTrustedWrite } from '../platform/trusted-write';
import { COMPLAINT, CUSTOMER_OPINION } from '../platform/uids';

/** Complaint categories that are also opinion topics; the rest are `other`. */
const TOPIC_OF_CATEGORY: Record<string, string> = {
  quality: 'quality',
  delivery: 'delivery',
  packaging: 'packaging',
  quantity: 'delivery',
  documents: 'documents',
  service: 'service',
};

interface AnswerOpinion {
  customerId: number;
  source: Extract<OpinionSource, 'complaint_feedback' | 'statement_dispute'>;
  topic: string;
  text: string;
  sentiment: Sentiment;
  at: Date;
  complaintId?: number;
  statementId?: number;
}

const recordAnswerOpinion = (strapi: Core.Strapi, opinion: AnswerOpinion) =>
  asTrustedWrite(() =>
    strapi.documents(CUSTOMER_OPINION).create({
      data: documentData(CUSTOMER_OPINION, {
        customer: opinion.customerId,
        source: opinion.source,
        topic: opinion.topic,
        text: opinion.text,
        sentiment: opinion.sentiment,
        marketInfo: false,
        recordedAt: opinion.at.toISOString(),
        complaint: opinion.complaintId ?? null,
        statement: opinion.statementId ?? null,
      }),
    })
  );

/** The comment a customer left with a complaint's feedback rating, as an opinion on the complaint's topic. */
export const recordFeedbackOpinion = async (
  strapi: Core.Strapi,
  complaintId: number,
  feedback: { rating: number; comment: string | null },
  at: Date
): Promise<void> => {
  if (!feedback.comment) return;
  const complaint = await strapi.db
    .query(COMPLAINT)
    .findOne({ where: { id: complaintId }, select: ['id', 'category'], populate: { customer: { select: ['id'] } } });
  if (!complaint?.customer) return;
  await recordAnswerOpinion(strapi, {
    customerId: complaint.customer.id,
    source: 'complaint_feedback',
    topic: TOPIC_OF_CATEGORY[complaint.category] ?? 'other',
    text: feedback.comment,
    sentiment: sentimentOfRating(feedback.rating),
    at,
    complaintId,
  });
};

/** A customer's dispute of a statement: what they say does not match, as a (displeased) opinion on billing. */
export const recordDisputeOpinion = (strapi: Core.Strapi, statement: { id: number; customerId: number }, comment: string, at: Date) =>
  recordAnswerOpinion(strapi, {
    customerId: statement.customerId,
    source: 'statement_dispute',
    topic: 'billing',
    text: comment,
    sentiment: 'negative',
    at,
    statementId: statement.id,
  });
