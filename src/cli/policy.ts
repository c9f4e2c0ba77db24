// --policy: a preset's name (as the popup names them, or as a slug: strict-domains) or a settings
// JSON file (the popup's exported settings: every switch of DefaultCookiePolicy and the domain lists).
import { DefaultCookiePolicy } from '../jar';
import { applyPreset, buildPolicy, DEFAULT_SETTINGS, PRESET_NAMES, validateSettings, type PolicySettings, type PresetName } from '../shared/settings';
import { InputError, UsageError } from './exit';
import { readBytes } from './io';

export const PRESET_SLUGS: Record<string, PresetName> = Object.fromEntries(
  PRESET_NAMES.map((name) => [name.toLowerCase().replace(/\s+/g, '-'), name]),
);

export interface LoadedPolicy { label: string; settings: PolicySettings; policy: DefaultCookiePolicy }

export async function loadPolicy(value: string | undefined): Promise<LoadedPolicy> {
  if (value === undefined) return { label: 'Python default', settings: { ...DEFAULT_SETTINGS }, policy: buildPolicy(DEFAULT_SETTINGS) };
  const preset = PRESET_SLUGS[value.toLowerCase().replace(/\s+/g, '-')];
  if (preset !== undefined) {
    const settings = applyPreset({ ...DEFAULT_SETTINGS }, preset);
    return { label: preset, settings, policy: buildPolicy(settings) };
  }
  if (!value.toLowerCase().endsWith('.json')) {
    throw new UsageError(`--policy ${JSON.stringify(value)}: not a preset (${Object.keys(PRESET_SLUGS).join(', ')}) nor a settings .json file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(await readBytes(value)));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${value}: not JSON (${(error as Error).message})`);
  }
  // A partial settings file fills the rest from Python's defaults.
  const settings = { ...DEFAULT_SETTINGS, ...(typeof data === 'object' && data !== null ? data : {}) };
  const problems = validateSettings(settings);
  if (problems.length > 0) throw new InputError(`${value}: ${problems.join(' ')}`);
  return { label: value, settings, policy: buildPolicy(settings) };
}
