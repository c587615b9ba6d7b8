#!/usr/bin/env node
/**
 * A local mail catcher: an SMTP server that accepts every message and shows it, for development
 * (`npm run mail`: SMTP on 1025, messages at http://localhost:1080) and as the real SMTP peer of
 * the tests. It can be told to answer with an SMTP error code, to test how the outbox reacts.
 */
const http = require('http');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Starts catching on `smtpPort` (0: any free port). Resolves to { port, messages, fail(code),
 * close() }; `messages` holds every accepted message, parsed: { messageId, to, from, subject, text,
 * html, attachments }. `fail(550)` makes the server refuse messages with that reply until `fail(null)`.
 */
const startMailCatcher = ({ smtpPort = 1025, onMessage } = {}) =>
  new Promise((resolve, reject) => {
    const messages = [];
    let failure = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          if (failure) {
            const error = new Error(failure === 550 ? 'Mailbox unavailable' : 'Try again later');
            error.responseCode = failure;
            return callback(error);
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          const message = {
            messageId: parsed.messageId,
            to: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text,
            subject: parsed.subject,
            text: parsed.text,
            html: parsed.html || '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              size: a.size,
              content: a.content,
            })),
            receivedAt: new Date(),
          };
          messages.push(message);
          if (onMessage) onMessage(message);
          callback();
        });
      },
    });
    server.on('error', () => undefined); // a client dropping its connection is not our problem
    server.listen(smtpPort, '127.0.0.1', () => {
      resolve({
        port: server.server.address().port,
        messages,
        fail: (code) => (failure = code),
        close: () => new Promise((done) => server.close(done)),
      });
    });
    server.server.once('error', reject);
  });

const page = (messages) =>
  `<!doctype html><meta charset="utf-8"><title>Mail catcher</title><meta http-equiv="refresh" content="5">
<body style="font-family:sans-serif;margin:2em"><h1>Mail catcher: ${messages.length} message(s)</h1>
${messages
  .slice()
  .reverse()
  .map(
    (m) => `<section style="border:1px solid #ccc;margin:1em 0;padding:1em">
<b>${escapeHtml(m.subject)}</b><br>to ${escapeHtml(m.to.join(', '))} · from ${escapeHtml(m.from)} · ${m.receivedAt.toISOString()}
<br><small>${escapeHtml(m.messageId)}</small>
<iframe sandbox style="width:100%;height:12em;border:0" srcdoc="${escapeHtml(m.html || `<pre>${escapeHtml(m.text)}</pre>`)}"></iframe></section>`
  )
  .join('\n')}`;

if (require.main === module) {
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025);
  const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080);
  startMailCatcher({
    smtpPort,
    onMessage: (m) => console.log(`${m.receivedAt.toISOString()}  to ${m.to.join(', ')}  ${m.subject}`),
  }).then(({ messages }) => {
    http
      .createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(messages)))
      .listen(httpPort, '127.0.0.1');
    console.log(`Mail catcher: SMTP on 127.0.0.1:${smtpPort}, messages at http://localhost:${httpPort}`);
  });
}

module.exports = { startMailCatcher };
