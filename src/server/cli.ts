/**
 * The district server's command line: `node dist-server/cli.js <command> [options]` (the compiled bundle,
 * `npm run build`), or `npm run cli -- <command>` in development.
 */
import { parseArgs } from 'node:util';
import { backup, migrate, printEnrolLink } from './cli/admin';
import { purge } from './cli/purge';
import { start } from './cli/start';
import { printForwarderToken, requeueRejectedForwards } from './cli/forwarding';
import { createUser, importCommunes } from './cli/accounts';
import { ROLES, type Role } from './auth/roles';
import { DEFAULT_ENROL_TTL_HOURS } from './services/enrolment';
import { districtKeyCommand } from './cli/district-key';

const USAGE = `usage: node dist-server/cli.js <command> [options]   (development: npm run cli -- <command>)

  start        [--port 8080] [--host 0.0.0.0] [--data ./data] [--static ./dist] [--public-url URL] [--no-demo]
               [--forward-url URL --forward-token TOKEN]   (or FORWARD_URL + FORWARD_TOKEN: forward to the server above)
  enrol-forwarder --name "District name" --code UNIT_CODE [--level district|province|commune] [--data ./data]
               (the server above: prints the lower server's FORWARD_TOKEN; any server may itself forward further up)
  requeue-rejected [--data ./data]   (forward again the check-ins the server above rejected)
  migrate      [--data ./data]
  enrol-link   --checkpoint CODE [--expires-hours ${DEFAULT_ENROL_TTL_HOURS}] [--data ./data] [--public-url URL]
  backup       --out FILE [--data ./data]
  purge        [--data ./data]   (delete check-ins older than the retention setting)
  create-admin --username NAME [--name "Full name"] [--role admin|officer|tracer] [--unit COMMUNE_CODE] [--data ./data]
               (reads the password from stdin: echo "$PASSWORD" | … create-admin --username admin)
  import-communes --file communes.csv [--data ./data]   (CSV header: code,name[,parent_code][,level])
  district-key list|create|rotate [--data ./data]   (sealing key pairs, in DISTRICT_KEY_DIR or <data>/district-keys)`;

const OPTIONS = {
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '0.0.0.0' },
  data: { type: 'string', default: './data' },
  static: { type: 'string', default: './dist' },
  'public-url': { type: 'string' },
  'no-demo': { type: 'boolean', default: false },
  checkpoint: { type: 'string' },
  'expires-hours': { type: 'string', default: String(DEFAULT_ENROL_TTL_HOURS) },
  out: { type: 'string' },
  username: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', default: 'admin' },
  unit: { type: 'string' },
  file: { type: 'string' },
  code: { type: 'string' },
  level: { type: 'string', default: 'district' },
  'forward-url': { type: 'string' },
  'forward-token': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function positiveNumber(name: string, raw: string, allowZero = false): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) fail(`--${name} must be a positive number`);
  return value;
}

/** Parses argv and runs one command. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'start':
      await start({
        port: Math.floor(positiveNumber('port', values.port, true)),
        host: values.host,
        dataDir: values.data,
        staticDir: values.static,
        publicUrl: values['public-url'],
        demo: !values['no-demo'],
        forwardUrl: values['forward-url'],
        forwardToken: values['forward-token'],
      });
      return -1; // keep running until a signal
    case 'migrate':
      await migrate(values.data);
      return 0;
    case 'enrol-link': {
      if (!values.checkpoint) fail('enrol-link needs --checkpoint CODE');
      const publicUrl = values['public-url'] ?? 'http://localhost:8080';
      const ok = await printEnrolLink(
        values.data,
        values.checkpoint,
        publicUrl,
        positiveNumber('expires-hours', values['expires-hours']),
      );
      return ok ? 0 : 1;
    }
    case 'enrol-forwarder':
      if (!values.name || !values.code) fail('enrol-forwarder needs --name "District name" and --code UNIT_CODE');
      if (values.level !== 'district' && values.level !== 'province' && values.level !== 'commune')
        fail('--level must be district, province or commune');
      return (await printForwarderToken(values.data, values.name, values.code, values.level)) ? 0 : 1;
    case 'requeue-rejected':
      await requeueRejectedForwards(values.data);
      return 0;
    case 'purge':
      await purge(values.data);
      return 0;
    case 'backup':
      if (!values.out) fail('backup needs --out FILE');
      return (await backup(values.data, values.out)) ? 0 : 1;
    case 'create-admin': {
      if (!values.username) fail('create-admin needs --username NAME');
      if (!(ROLES as readonly string[]).includes(values.role)) fail('--role must be admin, officer or tracer');
      const ok = await createUser({
        dataDir: values.data,
        username: values.username,
        displayName: values.name ?? values.username,
        role: values.role as Role,
        unitCode: values.unit,
      });
      return ok ? 0 : 1;
    }
    case 'import-communes':
      if (!values.file) fail('import-communes needs --file FILE');
      return (await importCommunes(values.data, values.file)) ? 0 : 1;
    case 'district-key':
      return districtKeyCommand(values.data, positionals[1]);
    default:
      fail(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
