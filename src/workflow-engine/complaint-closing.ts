/**
 * Complaints closed by the server itself: when the customer's feedback arrives through the link,
 * and (by the scheduled job) when a replied complaint has waited long enough without it. The step
 * goes through the engine like any other, recorded in the history as done by `system`.
 */
import type { Core } from '@strapi/strapi';
import { recordFeedbackOpinion } from '../customer-voice/opinions';
import { Actor } from '../platform/actor';
import { complaintWorkflow } from './complaint-workflow';
import { FeedbackTarget, recordFeedback } from './feedback-link';
import { AnswerOrigin } from '../platform/signed-link';
import { takeAction } from './workflow-service';
import { COMPLAINT } from '../platform/uids';

/** The server closing a complaint on the supervisor's authority (the machine lets the supervisor close). */
const SYSTEM_CLOSER: Actor = { staffUserId: null, roles: ['cs-supervisor'], via: 'system', superAdmin: false };

export const closeBySystem = async (strapi: Core.Strapi, documentId: string, comment: string, now: Date) => {
  const { version } = await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, select: ['version'] });
  return takeAction(strapi, complaintWorkflow, documentId, 'close', { version, comment }, SYSTEM_CLOSER, now);
};

/**
 * Feedback through the link: recorded with where it came from (null for the demo's), the link spent,
 * and a replied complaint closed — together or not at all.
 */
export const acceptFeedback = (
  strapi: Core.Strapi,
  target: FeedbackTarget,
  feedback: { rating: number; comment: string | null },
  origin: AnswerOrigin | null,
  now = new Date()
) =>
  strapi.db.transaction(async () => {
    await recordFeedback(strapi, target, feedback, now, origin);
    await recordFeedbackOpinion(strapi, target.id, feedback, now);
    if (target.state === 'replied') await closeBySystem(strapi, target.documentId, `customer feedback: ${feedback.rating}/5`, now);
  });
