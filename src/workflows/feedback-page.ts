/**
 * The pages a customer sees through a feedback link: the form (complaint number, rating 1–5,
 * comment), the thank-you, and the refusal (used, expired, invalid). Plain HTML, in both of the
 * department's languages, with nothing about the complaint but its number.
 */
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escape(title)}</title><style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}` +
  `label{display:block;margin:.5rem 0}textarea{width:100%;min-height:6rem}</style></head><body>${body}</body></html>`;

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
  page('谢谢 / Thank you', `<h1>谢谢您的反馈 / Thank you</h1><p>投诉 ${escape(number)} 的反馈已收到。 / Your feedback on complaint ${escape(number)} has been received.</p>`);

export const feedbackRefusedPage = (message: string) => page('反馈链接 / Feedback link', `<h1>反馈链接无效 / Link not usable</h1><p>${escape(message)}</p>`);
