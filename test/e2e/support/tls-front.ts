import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';

/**
 * HTTPS in front of a loopback fake, for tests that need an origin the manifest does not grant
 * (only https:// is allowed to non-loopback hosts). A throw-away self-signed certificate for
 * `hostname`; the browser maps the name to 127.0.0.1 (--host-resolver-rules) and accepts the
 * certificate (--ignore-certificate-errors): see BROWSER_ARGS. The fake still sees every request.
 */
export async function startTlsFront(targetPort: number, hostname: string) {
  const dir = mkdtempSync(join(tmpdir(), 'grompt-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', `/CN=${hostname}`],
    { stdio: 'ignore' },
  );
  const sockets = new Set<Socket>();
  const server = createServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, (secure) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [secure, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        secure.destroy();
        upstream.destroy();
      });
    }
    secure.pipe(upstream).pipe(secure);
  });
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `https://${hostname}:${port}`,
    origin: `https://${hostname}:${port}`,
    browserArgs: [`--host-resolver-rules=MAP ${hostname} 127.0.0.1`, '--ignore-certificate-errors'],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
