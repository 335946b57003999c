import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seed';
import { startUpBanner } from '../../server/start-up-banner';

const options = {
  url: 'http://localhost:3000',
  dev: false,
  pgliteDir: '.data/pglite',
  demo: DEMO_ACCOUNTS.slice(0, 2),
  defaultPassword: true,
};

describe('the start-up banner', () => {
  it('prints the address, storage and demo sign-ins in English from the message files', () => {
    expect(startUpBanner(options)).toBe(
      [
        '',
        '  Concordia is running at http://localhost:3000  (production build, embedded PGlite in .data/pglite)',
        '',
        '  Demo sign-ins (password: concordia):',
        `    ${DEMO_ACCOUNTS[0]!.email.padEnd(22)} ${DEMO_ACCOUNTS[0]!.name}`,
        `    ${DEMO_ACCOUNTS[1]!.email.padEnd(22)} ${DEMO_ACCOUNTS[1]!.name}`,
      ].join('\n') + '\n\n',
    );
    expect(startUpBanner({ ...options, dev: true, pgliteDir: null, demo: [], defaultPassword: false })).toBe(
      '\n  Concordia is running at http://localhost:3000  (development, PostgreSQL (DATABASE_URL))\n\n',
    );
  });

  it('comes from the message files, so it reads in any of the four languages', () => {
    expect(startUpBanner({ ...options, defaultPassword: false }, 'es')).toContain(
      'Cuentas de demostración (contraseña: la indicada en DEMO_PASSWORD):',
    );
  });
});
