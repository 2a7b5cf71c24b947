// A RabbitMQ virtual host of its own for one test file (rabbitmqctl), deleted after, so runs never
// share queues. RABBITMQ_URL_BASE overrides the local default amqp://guest:guest@127.0.0.1:5672.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface TestVhost {
  url: string;
  name: string;
  remove(): Promise<void>;
}

export async function createTestVhost(prefix = 'interline_test'): Promise<TestVhost> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', name], { stdio: 'pipe' });
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', name, 'guest', '.*', '.*', '.*'], { stdio: 'pipe' });
  const base = process.env.RABBITMQ_URL_BASE ?? 'amqp://guest:guest@127.0.0.1:5672';
  return {
    name,
    url: `${base}/${encodeURIComponent(name)}`,
    async remove() {
      execFileSync('rabbitmqctl', ['-q', 'delete_vhost', name], { stdio: 'pipe' });
    },
  };
}
