/**
 * Opens nodemailer's SMTP connections with TCP_NODELAY on (its `getSocket` option). nodemailer
 * leaves Nagle's algorithm on, so the last small write of every message waited for the server's
 * delayed ACK, about 40 ms per message per connection: that, not the database, bounded the outbox.
 *
 * The socket is handed over while it is still connecting, never with an error: nodemailer then
 * meets a refused or silent server on the socket itself and fails, times out and frees the pooled
 * connection as with a socket of its own. (Answering getSocket with an error instead leaves the
 * pool's connection slot taken for good, and the mails queued behind it never settle.)
 */
import net from 'net';

interface SocketRequest {
  host?: string;
  port?: number;
}

export const noDelaySocket = (options: SocketRequest, callback: (error: null, socketOptions: { connection: net.Socket }) => void): void => {
  callback(null, { connection: net.connect({ host: options.host, port: options.port ?? 25, noDelay: true }) });
};
