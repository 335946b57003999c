import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, prepareEnvironment, translationConfig } from '../../lib/env';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'concordia-env-'));

describe('prepareEnvironment', () => {
  it('generates a development secret once and reuses it', () => {
    const dir = dataDir();
    const first = prepareEnvironment({ DATA_DIR: dir });
    const second = prepareEnvironment({ DATA_DIR: dir });
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(readFileSync(path.join(dir, 'dev-secret'), 'utf8')).toBe(first.NEXTAUTH_SECRET);
    expect(first.DEMO_ACCOUNTS).toBe(true);
  });

  it('refuses to start in production without NEXTAUTH_SECRET', () => {
    expect(() => prepareEnvironment({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /NEXTAUTH_SECRET is required/,
    );
  });

  it('turns demo accounts off in production unless explicitly enabled', () => {
    const secret = 'x'.repeat(40);
    expect(prepareEnvironment({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret }).DEMO_ACCOUNTS).toBe(false);
    expect(
      prepareEnvironment({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, DEMO_ACCOUNTS: 'true' }).DEMO_ACCOUNTS,
    ).toBe(true);
  });

  it('seeds the demo plan at start outside production, and in production only when SEED_DEMO asks', () => {
    const secret = 'x'.repeat(40);
    expect(prepareEnvironment({ DATA_DIR: dataDir() }).SEED_DEMO).toBe(true);
    expect(prepareEnvironment({ DATA_DIR: dataDir(), SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(prepareEnvironment({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret }).SEED_DEMO).toBe(false);
    expect(prepareEnvironment({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, SEED_DEMO: 'true' }).SEED_DEMO).toBe(
      true,
    );
    expect(() => prepareEnvironment({ DATA_DIR: dataDir(), SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
  });

  it('names the variable that is wrong', () => {
    expect(() => prepareEnvironment({ PORT: 'eighty', DATA_DIR: dataDir() })).toThrow(ConfigError);
    expect(() => prepareEnvironment({ PORT: 'eighty', DATA_DIR: dataDir() })).toThrow(/PORT/);
  });

  it('pins resolved decisions into the environment for the compiled app', () => {
    const env: Record<string, string | undefined> = { DATA_DIR: dataDir() };
    const config = prepareEnvironment(env);
    expect(env.NEXTAUTH_SECRET).toBe(config.NEXTAUTH_SECRET);
    expect(env.DEMO_ACCOUNTS).toBe('true');
  });
});

describe('translationConfig', () => {
  it('defaults to Apertium at its Debian place, and names a wrong setting', () => {
    expect(translationConfig({})).toEqual({
      TRANSLATION: 'apertium',
      APERTIUM_MODES_DIR: '/usr/share/apertium/modes',
      TRANSLATION_CONCURRENCY: 2,
      TRANSLATION_STALL_MS: 20_000,
    });
    expect(translationConfig({ TRANSLATION: 'off' }).TRANSLATION).toBe('off');
    expect(() => translationConfig({ TRANSLATION: 'google' })).toThrow(/TRANSLATION/);
    expect(() => translationConfig({ TRANSLATION_CONCURRENCY: '0' })).toThrow(/TRANSLATION_CONCURRENCY/);
  });
});
