/**
 * What a customer tells us (客户意见) and what they may buy (潜在需求): the rules that need no
 * database. Opinions taken from complaint feedback and statement disputes are the server's: a person
 * records what they heard on a call, a visit, by mail or in a survey.
 */
export const OPINION_SOURCES = ['call', 'visit', 'email', 'survey', 'complaint_feedback', 'statement_dispute', 'other'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** Sources only the server writes, each with the record it was taken from. */
export const SERVER_SOURCES: readonly OpinionSource[] = ['complaint_feedback', 'statement_dispute'];

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** A feedback rating (1–5) read as a sentiment: 4–5 pleased, 3 neither, 1–2 displeased. */
export const sentimentOfRating = (rating: number | null | undefined): Sentiment =>
  rating === null || rating === undefined ? 'neutral' : rating >= 4 ? 'positive' : rating <= 2 ? 'negative' : 'neutral';

/** A need that was won or lost is settled: it is kept as it ended. */
export const isSettledNeed = (status: unknown): boolean => status === 'won' || status === 'lost';
