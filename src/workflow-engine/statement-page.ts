/**
 * The pages a customer sees through a statement's link: the statement's number, period and closing
 * balance with the confirm/dispute form, the acknowledgement, and the refusal. Nothing else of the
 * statement is shown: whoever holds the link learns no more than the mail told its recipient.
 */
import { escapeHtml as escape, linkPage as page, linkRefusedPage } from './link-page';

export interface StatementShown {
  number: string;
  periodFrom: string;
  periodTo: string;
  closingBalance: string;
  currency: string;
}

export const statementFormPage = (statement: StatementShown, action: string) =>
  page(
    `对账单 ${statement.number} 确认 / Statement confirmation`,
    `<h1>对账单 ${escape(statement.number)} <small>/ Statement</small></h1>` +
      `<p>期间 Period: ${escape(statement.periodFrom)} — ${escape(statement.periodTo)}</p>` +
      `<p>期末余额 Closing balance: <strong>${escape(statement.closingBalance)} ${escape(statement.currency)}</strong></p>` +
      `<form method="post" action="${escape(action)}">` +
      `<label><input type="radio" name="answer" value="confirm" required> 确认余额无误 / I confirm this balance</label>` +
      `<label><input type="radio" name="answer" value="dispute"> 有异议 / I dispute this balance</label>` +
      `<label>说明（有异议时必填）/ What does not match (required when disputing)<textarea name="comment" maxlength="2000"></textarea></label>` +
      `<button type="submit">提交 / Send</button></form>`
  );

export const statementAnsweredPage = (number: string, state: string) =>
  page(
    '谢谢 / Thank you',
    state === 'confirmed'
      ? `<h1>谢谢您的确认 / Thank you</h1><p>对账单 ${escape(number)} 已确认。 / Statement ${escape(number)} is confirmed.</p>`
      : `<h1>已收到您的异议 / Dispute received</h1><p>我们会核实对账单 ${escape(number)} 并与您联系。 / We will check statement ${escape(number)} and contact you.</p>`
  );

export const statementRefusedPage = (message: string) => linkRefusedPage('对账单链接 / Statement link', message);
