import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Installers need the Electron binary, which this machine cannot download: this test holds the packaging
// configuration to its decisions instead, loaded and validated by electron-builder's own code.
const root = resolve(import.meta.dirname, '../..');
const configPath = resolve(root, 'electron-builder.config.cjs');
const require = createRequire(import.meta.url);

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
}
interface DebugLoggerModule {
  DebugLogger: new (enabled: boolean) => unknown;
}

async function loadConfig(): Promise<Record<string, unknown>> {
  const builder = require('app-builder-lib/out/util/config/config') as BuilderConfigModule;
  const { DebugLogger } = require('builder-util') as DebugLoggerModule;
  const config = await builder.getConfig(root, configPath, null);
  await builder.validateConfiguration(config, new DebugLogger(false));
  return config;
}

function targets(platform: unknown): unknown {
  return typeof platform === 'object' && platform !== null && 'target' in platform ? platform.target : null;
}

describe('electron-builder configuration', () => {
  it('is accepted by electron-builder and builds AppImage and deb, NSIS and dmg from the bundle only', async () => {
    const config = await loadConfig();
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(config.asar).toBe(true);
    // electron-builder normalizes the list into one filter while validating it.
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json'] }]);
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS or inspect, cookies encrypted, ASAR only and checked', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('refuses a fuse electron-builder does not know, so a typo cannot silently leave a fuse as it was', async () => {
    const builder = require('app-builder-lib/out/util/config/config') as BuilderConfigModule;
    const { DebugLogger } = require('builder-util') as DebugLoggerModule;
    const config = await builder.getConfig(root, configPath, null);
    const typo = { ...config, electronFuses: { runAsNOde: false } };
    await expect(builder.validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object[\s\S]*electronFuses/,
    );
  });
});
