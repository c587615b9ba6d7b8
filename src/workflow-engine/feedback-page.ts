/**
 * The pages a customer sees through a complaint's feedback link: the form (complaint number,
 * rating 1–5, comment), the thank-you, and the refusal (used, expired, invalid). Nothing about the
 * complaint but its number. Layout and escaping: ./link-page.ts.
 */
import { escapeHtml as escape, linkPage as page, linkRefusedPage } from './link-page';

export const feedbackFormPage = (number: string, action: string) =>
  page(
    `投诉 ${number} 满意度反馈 / Feedback`,
    `<h1>投诉 ${escape(number)} 处理满意度 <small>/ How satisfied are you?</small></h1>` +
      `<form method="post" action="${escape(action)}">` +
      [5, 4, 3, 2, 1]
        .map((n) => `<label><input type="radio" name="rating" value="${n}" required> ${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${n}</label>`)
        .join('') +
      `<label>意见 / Comment<textarea name="comment" maxlength="2000"></textarea></label>` +
      `<button type="submit">提交 / Send</button></form>`
  );

export const feedbackThanksPage = (number: string) =>
  page(
    '谢谢 / Thank you',
    `<h1>谢谢您的反馈 / Thank you</h1><p>投诉 ${escape(number)} 的反馈已收到。 / Your feedback on complaint ${escape(number)} has been received.</p>`
  );

export const feedbackRefusedPage = (message: string) => linkRefusedPage('反馈链接 / Feedback link', message);
