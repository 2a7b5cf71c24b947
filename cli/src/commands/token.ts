// `interline token issue`: a bearer token signed with the local hub's key (development).
import { Option } from 'commander';
import type { Command } from 'commander';
import { ROLES } from '../api/types';
import type { Role } from '../api/types';
import { issueLocalToken, localDataDir, localSubject } from '../auth/local-token';
import type { LocalTokenRequest } from '../auth/local-token';
import { commandContext } from '../context';
import type { CliIo } from '../io';
import { durationSeconds } from '../options/parsers';

interface IssueFlags {
  role: Role;
  tenant?: string;
  subject?: string;
  ttl?: number;
}

/** The `exp` claim of a JWT as an ISO time (read, not verified: this is our own token). */
export function expiryOf(jwt: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

export function registerTokenCommands(program: Command, io: CliIo): void {
  const token = program.command('token').description('bearer tokens for a local hub');
  token
    .command('issue')
    .description("print a token signed with the local hub's key (<data dir>/signing-key)")
    .addOption(new Option('--role <role>', 'role the token carries').choices(ROLES).makeOptionMandatory())
    .option('--tenant <tenant>', "tenant the token may see (the hub's default for staff roles: every tenant)")
    .option('--subject <subject>', 'who the token speaks for (default: local:<your user name>)')
    .addOption(new Option('--ttl <duration>', 'lifetime, e.g. 30m, 1h, 7d (default 1h)').argParser(durationSeconds))
    .action(async (flags: IssueFlags, command: Command) => {
      const ctx = commandContext(command, io);
      const request: LocalTokenRequest = { dataDir: localDataDir(io), role: flags.role, subject: flags.subject ?? localSubject() };
      if (flags.tenant !== undefined) request.tenant = flags.tenant;
      if (flags.ttl !== undefined) request.ttlSeconds = flags.ttl;
      const issued = await issueLocalToken(request);
      if (!ctx.json) return ctx.print(issued);
      ctx.printJson({ token: issued, role: flags.role, subject: request.subject, tenant: flags.tenant ?? null, expiresAt: expiryOf(issued) });
    });
}
