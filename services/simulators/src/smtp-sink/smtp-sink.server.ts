import { Logger } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpSinkService } from './smtp-sink.service';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
// How long close() lets an open SMTP session finish before cutting it.
const CLOSE_TIMEOUT_MS = 1000;

export interface RunningSmtpSink {
  port: number;
  close(): Promise<void>;
}

/**
 * Accepts every message, for anyone: no TLS (STARTTLS is not offered), any AUTH accepted, and
 * the message kept in the sink's memory.
 */
export async function startSmtpSink(options: { port: number; host: string; sink: SmtpSinkService }): Promise<RunningSmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the fixed maximum message size'), { responseCode: 552 }));
          return;
        }
        const { mailFrom, rcptTo } = session.envelope;
        options.sink.receive(Buffer.concat(chunks), {
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((recipient) => recipient.address),
        });
        callback();
      });
    },
  });

  // Listen and session errors (a client dropping its connection) surface here; without a listener they would end the process.
  const logger = new Logger('SmtpSink');
  server.on('error', (error: Error) => logger.warn(`SMTP sink error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
